#include "convert/type_mapping.h"

#include <algorithm>

namespace orashift {

const char* dialect_name(Dialect d) {
  switch (d) {
    case Dialect::Redshift: return "redshift";
    case Dialect::Postgres: return "postgres";
    case Dialect::DuckDb: return "duckdb";
  }
  return "?";
}

bool parse_dialect(std::string_view name, Dialect& out) {
  if (name == "redshift") out = Dialect::Redshift;
  else if (name == "postgres" || name == "postgresql") out = Dialect::Postgres;
  else if (name == "duckdb") out = Dialect::DuckDb;
  else return false;
  return true;
}

bool parse_types_from(std::string_view s, TypesFrom& out) {
  if (s == "declared") out = TypesFrom::Declared;
  else if (s == "auto") out = TypesFrom::Auto;
  else if (s == "evidence") out = TypesFrom::Evidence;
  else return false;
  return true;
}

std::string integer_type_for_precision(int p) {
  if (p <= 4) return "SMALLINT";
  if (p <= 9) return "INTEGER";
  if (p <= 18) return "BIGINT";
  return "NUMERIC(" + std::to_string(p) + ",0)";
}

const std::string* column_override(const TypeMappingSettings& s, const std::string& table, const std::string& column,
                                   Dialect dialect) {
  auto it = s.column_overrides.find(table + "." + column);
  if (it == s.column_overrides.end()) return nullptr;
  auto d = it->second.find(dialect_name(dialect));
  return d == it->second.end() ? nullptr : &d->second;
}

namespace {

// Redshift VARCHAR holds at most 65535 bytes; lengths are bytes on every target we emit
// (PostgreSQL/DuckDB count characters, so a byte length is always enough there).
constexpr int kRedshiftMaxVarchar = 65535;

struct Ctx {
  const Column& col;
  const std::string& object;
  Dialect dialect;
  ActionItems* items;
  void item(const char* code, std::string msg) const {
    if (items) items->add(code, object, std::move(msg), col.span, dialect_name(dialect));
  }
};

MappedType map_number(const Ctx& c, const TypeMappingSettings& s) {
  const OracleType& t = c.col.type;
  if (!t.precision && !t.scale && !t.star_precision) {
    if (c.dialect == Dialect::Postgres && !s.postgres_bounded_number) return {"NUMERIC", true};
    std::string sql = "NUMERIC(" + std::to_string(s.unconstrained_number_precision) + "," +
                      std::to_string(s.unconstrained_number_scale) + ")";
    c.item("OS1001", "column " + c.col.name + " NUMBER → " + sql);
    return {sql, false};
  }
  int p = t.star_precision || !t.precision ? 38 : *t.precision;
  int sc = t.scale.value_or(0);
  if (sc == 0) return {integer_type_for_precision(p), true};
  if (sc < 0) {
    // NUMBER(p,-s) rounds to 10^s; the target holds such integers exactly with scale 0.
    return {integer_type_for_precision(std::min(38, p - sc)), true};
  }
  if (sc > p) {
    // NUMBER(2,5) holds values like 0.00012: the target needs precision = scale.
    return {"NUMERIC(" + std::to_string(std::min(38, sc)) + "," + std::to_string(sc) + ")", true};
  }
  return {"NUMERIC(" + std::to_string(p) + "," + std::to_string(sc) + ")", true};
}

MappedType map_character(const Ctx& c) {
  const OracleType& t = c.col.type;
  bool national = t.name == "NCHAR" || t.name == "NVARCHAR2";
  bool fixed = t.name == "CHAR" || t.name == "NCHAR" || t.name == "CHARACTER";
  int len = t.length.value_or(1);
  bool lossy_semantics = false;
  // National types and CHAR semantics count characters; Redshift counts bytes (UTF-8: ≤ 4 each).
  if ((t.char_semantics || national) && c.dialect == Dialect::Redshift) {
    len = std::min(kRedshiftMaxVarchar, len * 4);
    lossy_semantics = true;
  }
  if (c.dialect == Dialect::Redshift) {
    if (lossy_semantics) c.item("OS1003", "column " + c.col.name + " " + t.text() + " → " + std::to_string(len) + " bytes");
    if (fixed) {
      // Redshift CHAR is single-byte only: multibyte data would be rejected by COPY.
      c.item("OS1004", "column " + c.col.name + " " + t.text() + " → VARCHAR(" + std::to_string(len) + ")");
      return {"VARCHAR(" + std::to_string(len) + ")", true};
    }
    return {"VARCHAR(" + std::to_string(len) + ")", true};
  }
  if (c.dialect == Dialect::DuckDb) return {"VARCHAR", true};  // DuckDB ignores lengths; we keep data exact
  return {std::string(fixed ? "CHAR(" : "VARCHAR(") + std::to_string(len) + ")", true};
}

// A settings-file override for this column's type, exact text first, then the type name.
const std::string* override_for(const OracleType& t, Dialect dialect, const TypeMappingSettings& s) {
  for (const std::string& key : {t.text(), t.name}) {
    auto it = s.overrides.find(key);
    if (it == s.overrides.end()) continue;
    auto d = it->second.find(dialect_name(dialect));
    if (d != it->second.end()) return &d->second;
  }
  return nullptr;
}

}  // namespace

MappedType map_type(const Column& column, const std::string& object, Dialect dialect, const TypeMappingSettings& settings,
                    ActionItems* items) {
  Ctx c{column, object, dialect, items};
  const OracleType& t = column.type;
  const std::string& n = t.name;
  if (const std::string* o = override_for(t, dialect, settings)) return {*o, true};  // the user's decision
  bool rs = dialect == Dialect::Redshift, pg = dialect == Dialect::Postgres;
  const std::string text_type = rs ? "VARCHAR(65535)" : pg ? "TEXT" : "VARCHAR";
  if (n == "NUMBER" || n == "NUMERIC" || n == "DECIMAL" || n == "DEC") return map_number(c, settings);
  if (n == "INTEGER" || n == "INT" || n == "SMALLINT") return {"NUMERIC(38,0)", true};
  if (n == "VARCHAR2" || n == "VARCHAR" || n == "CHAR" || n == "NCHAR" || n == "NVARCHAR2" || n == "CHARACTER")
    return map_character(c);
  if (n == "DATE") return {"TIMESTAMP", true};  // Oracle DATE has a time of day: never map to DATE
  if (n == "TIMESTAMP") {
    int p = t.precision.value_or(6);
    std::string base = dialect == Dialect::Postgres ? "TIMESTAMP(" + std::to_string(std::min(p, 6)) + ")" : "TIMESTAMP";
    bool tz = t.suffix.find("TIME ZONE") != std::string::npos;
    if (tz) base = dialect == Dialect::Postgres ? "TIMESTAMPTZ(" + std::to_string(std::min(p, 6)) + ")" : "TIMESTAMPTZ";
    if (p > 6) c.item("OS1002", "column " + column.name + " " + t.text() + ": fractional seconds beyond 6 digits are rounded");
    return {base, p <= 6};
  }
  if (n == "BINARY_DOUBLE" || n == "DOUBLE PRECISION") return {"DOUBLE PRECISION", true};
  if (n == "BINARY_FLOAT" || n == "REAL") return {"REAL", true};
  if (n == "FLOAT") {
    c.item("OS1002", "column " + column.name + " " + t.text() + " (decimal float) → DOUBLE PRECISION");
    return {"DOUBLE PRECISION", false};
  }
  if (n == "CLOB" || n == "NCLOB" || n == "LONG") {
    if (dialect == Dialect::Redshift) {
      c.item("OS1002", "column " + column.name + " " + n + " → VARCHAR(65535): values above 64 KB cannot be loaded");
      return {"VARCHAR(65535)", false};
    }
    return {dialect == Dialect::DuckDb ? "VARCHAR" : "TEXT", true};
  }
  if (n == "RAW" || n == "LONG RAW" || n == "BLOB") {
    if (dialect == Dialect::Redshift) return {"VARBYTE(" + std::to_string(t.length.value_or(1024000)) + ")", true};
    return {dialect == Dialect::DuckDb ? "BLOB" : "BYTEA", true};
  }
  if (n == "BOOLEAN" || n == "BOOL") return {"BOOLEAN", true};
  if (n == "INTERVAL") {
    if (!rs) return {"INTERVAL", true};
    c.item("OS1002", "column " + column.name + " " + t.text() + " → VARCHAR(64): Redshift tables have no INTERVAL columns");
    return {"VARCHAR(64)", false};
  }
  if (n == "JSON") {
    if (rs) return {"SUPER", true};
    return {pg ? "JSONB" : "JSON", true};
  }
  if (n == "VECTOR") {  // 23ai AI vector search type: its text form '[1.5, 2, 3]' is kept
    c.item("OS1006", "column " + column.name + " " + t.text() + " → " + text_type +
                         " holding the vector's text form (pgvector / DuckDB arrays not assumed; no vector search)");
    return {text_type, false};
  }
  if (n == "XMLTYPE" || n == "SYS.XMLTYPE") {
    if (pg) return {"XML", true};
    c.item("OS1006", "column " + column.name + " XMLTYPE → " + text_type + " (XML text, no XML functions or validation)");
    return {text_type, false};
  }
  if (n == "SDO_GEOMETRY" || n == "MDSYS.SDO_GEOMETRY") {
    if (rs) {
      c.item("OS1006", "column " + column.name + " SDO_GEOMETRY → GEOMETRY: load it as WKB/EWKB (SDO_UTIL.TO_WKBGEOMETRY)");
      return {"GEOMETRY", false};
    }
    c.item("OS1006", "column " + column.name + " SDO_GEOMETRY → " + text_type +
                         " holding WKT (PostGIS / DuckDB spatial not assumed)");
    return {text_type, false};
  }
  if (n == "ROWID" || n == "UROWID") {
    c.item("OS1006", "column " + column.name + " " + n + " → VARCHAR: Oracle row addresses mean nothing on the target");
    return {rs ? "VARCHAR(4000)" : "VARCHAR(4000)", false};
  }
  if (n == "BFILE") {
    c.item("OS1006", "column " + column.name + " BFILE → " + text_type + " holding the file's directory and name");
    return {text_type, false};
  }
  // Anything else is a user-defined object, VARRAY or nested-table type (or an unknown name).
  c.item("OS1007", "column " + column.name + " " + t.text() + " → " + text_type);
  return {text_type, false};
}

}  // namespace orashift
