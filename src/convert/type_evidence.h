#pragma once
// Types from evidence: what the values of a column were seen to be, and the narrowing rules
// that turn an unconstrained NUMBER into the smallest type the values prove, with headroom
// (docs/type-mapping.md#types-from-evidence). The catalog is refined in place like
// type_refinement.h does for foreign keys, so the DDL and the loader agree on the type.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assess/action_item.h"
#include "catalog/catalog.h"
#include "convert/type_mapping.h"

namespace orashift {

// What was seen in one column. Numbers are compared exactly, as canonical decimal text
// ("-12.5", "0", "1000"): never through a double.
struct ColumnEvidence {
  std::string table, column;
  std::string declared;              // the Oracle type as declared: "NUMBER"
  uint64_t rows_seen = 0;            // rows read, NULLs included
  uint64_t nulls = 0;
  uint64_t not_numbers = 0;          // values that are not numbers (the load rejects them anyway)
  std::string min, max;              // canonical decimal text; empty when no number was seen
  int max_integer_digits = 0;        // digits left of the point of the largest |value| ("0.5" has 0)
  int max_scale = 0;                 // most digits right of the point (trailing zeros dropped)
  bool non_integral = false;         // some value had a fractional part
  size_t max_bytes = 0;              // longest value as written in the source
  // True when every row of the table was read: a full scan, or an exact query. False for a
  // sample or when part of the data is missing (`coverage` says which).
  bool complete = false;
  std::string coverage;              // "all 1000 rows" / "a sample of the first 500 rows" / …
  std::string decision;              // filled by narrow_types_from_evidence: what was done and why

  uint64_t numbers() const { return rows_seen - nulls - not_numbers; }
  // Folds one value (text as read from the source; blanks around it are ignored).
  void observe(std::string_view text);
  void observe_null() { ++rows_seen, ++nulls; }
};

// Evidence for a schema, in table then column order of the catalog.
using TypeEvidence = std::vector<ColumnEvidence>;

// The columns worth profiling: unconstrained NUMBER (also NUMBER(*), INTEGER/INT/SMALLINT,
// which Oracle stores as NUMBER(38)) that are not foreign keys (they take the referenced key's
// type), identity or virtual columns, nor overridden per column in the type-map file.
bool can_narrow(const Table& table, const Column& column);

// The narrowed Oracle type for `e` (NUMBER(p) / NUMBER(p,s)) or nullopt with `why` when the
// evidence proves nothing (no numbers, too many digits). `key`: the column is part of a
// primary or unique key, which never becomes SMALLINT.
std::optional<OracleType> narrowed_type(const ColumnEvidence& e, bool key, std::string& why);

// Applies the rules to `catalog` for every column with evidence; fills each evidence's
// `decision`, marks narrowed columns (Column::narrowing) and adds an OS1008 item per narrowing.
// With TypesFrom::Declared nothing changes.
void narrow_types_from_evidence(Catalog& catalog, TypeEvidence& evidence, TypesFrom mode, Dialect dialect,
                                const TypeMappingSettings& settings, ActionItems& items);

}  // namespace orashift
