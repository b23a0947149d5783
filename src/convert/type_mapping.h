#pragma once
// Oracle type → target type, per dialect. Lossy or approximate choices raise action items.
// The rules are documented in docs/type-mapping.md.
#include <map>
#include <string>

#include "assess/action_item.h"
#include "catalog/catalog.h"

namespace orashift {

enum class Dialect { Redshift, Postgres, DuckDb };
const char* dialect_name(Dialect d);
bool parse_dialect(std::string_view name, Dialect& out);

struct TypeMappingSettings {
  // Target precision/scale for NUMBER without precision. NUMERIC(38,10) keeps 28 integer and 10
  // fractional digits; PostgreSQL keeps unbounded NUMERIC unless `postgres_bounded_number` is set.
  int unconstrained_number_precision = 38;
  int unconstrained_number_scale = 10;
  bool postgres_bounded_number = false;
  // Per-type overrides from a settings file (--type-map): Oracle type text as printed by
  // OracleType::text() ("NUMBER(10)", "VARCHAR2(4000 CHAR)") or a bare type name ("XMLTYPE")
  // → dialect name → target type. An exact text match wins over a name match.
  std::map<std::string, std::map<std::string, std::string>> overrides;
};

// Reads a type mapping settings file (JSON, see docs/type-mapping.md). Throws
// std::runtime_error naming the file and the problem (unknown key, a target type that is not
// a plain type name such as "NUMERIC(12,2)").
TypeMappingSettings load_type_mapping_settings(const std::string& path);

struct MappedType {
  std::string sql;        // e.g. "NUMERIC(10,2)", "VARCHAR(50)", "TIMESTAMP"
  bool exact = true;      // false when the target may not hold every source value
};

// Maps one column's type; adds action items (object and span from the column) when lossy.
MappedType map_type(const Column& column, const std::string& object, Dialect dialect,
                    const TypeMappingSettings& settings, ActionItems* items);

}  // namespace orashift
