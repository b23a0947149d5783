#pragma once
// Oracle type → target type, per dialect. Lossy or approximate choices raise action items.
// The rules are documented in docs/type-mapping.md.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "assess/action_item.h"
#include "catalog/catalog.h"

namespace orashift {

enum class Dialect { Redshift, Postgres, DuckDb };
const char* dialect_name(Dialect d);
bool parse_dialect(std::string_view name, Dialect& out);

// How unconstrained NUMBER columns are typed (`--types`, docs/type-mapping.md#types-from-evidence).
enum class TypesFrom {
  Declared,  // as declared: NUMERIC(38,10) (unbounded NUMERIC on PostgreSQL), no profiling
  Auto,      // narrowed where the evidence covers every row; declared where it is a sample
  Evidence,  // narrowed from any evidence, a sample too (the action item says so)
};
bool parse_types_from(std::string_view s, TypesFrom& out);

struct TypeMappingSettings {
  // Where column types come from; convert and migrate default to Auto, everything else
  // (assess, load) keeps the declared types.
  TypesFrom from = TypesFrom::Declared;
  // Rows per table the evidence pass reads (0 = all of them, the only complete evidence).
  uint64_t profile_rows = 0;
  // Target precision/scale for NUMBER without precision. NUMERIC(38,10) keeps 28 integer and 10
  // fractional digits; PostgreSQL keeps unbounded NUMERIC unless `postgres_bounded_number` is set.
  int unconstrained_number_precision = 38;
  int unconstrained_number_scale = 10;
  bool postgres_bounded_number = false;
  // Per-type overrides from a settings file (--type-map): Oracle type text as printed by
  // OracleType::text() ("NUMBER(10)", "VARCHAR2(4000 CHAR)") or a bare type name ("XMLTYPE")
  // → dialect name → target type. An exact text match wins over a name match.
  std::map<std::string, std::map<std::string, std::string>> overrides;
  // Per-column overrides ("columns" in the file): "TABLE.COLUMN" → dialect name → target type.
  // They win over everything, narrowing from evidence included.
  std::map<std::string, std::map<std::string, std::string>> column_overrides;
};

// The settings file's type for this column on `dialect`, or nullptr.
const std::string* column_override(const TypeMappingSettings& s, const std::string& table, const std::string& column,
                                   Dialect dialect);

// SMALLINT / INTEGER / BIGINT for NUMBER(p,0) with p ≤ 4 / 9 / 18, NUMERIC(p,0) above.
std::string integer_type_for_precision(int p);

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
