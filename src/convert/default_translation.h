#pragma once
// Column DEFAULT expressions per target: literals, SYSDATE/SYSTIMESTAMP/CURRENT_*, USER,
// SYS_GUID() and seq.NEXTVAL — the defaults Oracle schemas actually use. Anything else is
// tried as a simple expression (simple_expression.h); what remains is an action item (OS2005).
#include <optional>
#include <string>

#include "catalog/catalog.h"
#include "convert/type_mapping.h"

namespace orashift {

struct TranslatedDefault {
  std::string sql;           // the target expression for DEFAULT
  std::string needs;         // a target feature the expression relies on (e.g. a sequence name), "" if none
  // Oracle's implicit conversion the default relies on, made explicit ('01-JAN-2020' into a DATE
  // column read with NLS_DATE_FORMAT): the caller raises an OS4015 item with this text.
  std::string conversion{};
};

// `mapped` is the column's target type (SYS_GUID's result differs for binary and text columns).
// nullopt when the default cannot be translated for this target.
std::optional<TranslatedDefault> translate_default(const Column& column, const MappedType& mapped, const Table& table,
                                                   Dialect dialect);

// nextval('<seq>') for PostgreSQL / DuckDB; nullopt on Redshift (no sequences).
std::optional<std::string> nextval_call(const std::string& oracle_sequence, Dialect dialect);

}  // namespace orashift
