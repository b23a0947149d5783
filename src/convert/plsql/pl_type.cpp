#include "convert/plsql/pl_type.h"

#include <cctype>
#include <map>

#include "convert/ddl_loader.h"
#include "convert/query/sql_writer.h"
#include "common/naming.h"
#include "sql/lexer.h"
#include "sql/parser.h"

namespace orashift::plsql {

std::string Field::ref() const { return column.empty() ? quote_ident(target_name(name)) : column; }

const Field* TypeInfo::field(const std::string& oracle_name) const {
  for (const auto& f : fields)
    if (f.name == oracle_name) return &f;
  return nullptr;
}

static std::optional<OracleType> parse_oracle_type(std::string_view text) {
  SourceFile file("<type>", std::string(text));
  std::vector<sql::Token> toks = sql::tokenize(file);
  while (!toks.empty() && toks.back().kind == sql::TokenKind::End) toks.pop_back();
  if (toks.empty()) return std::nullopt;
  auto d = sql::parse_data_type(toks, Span{&file, 0, static_cast<uint32_t>(file.text().size())});
  if (!d || d->user_type) return std::nullopt;
  return oracle_type_of(*d);
}

std::optional<OracleType> oracle_type_from_text(std::string_view text) {
  // Remembered by text: a corpus names the same few types thousands of times, and each read
  // tokenizes and parses (per thread, so that no lock is needed).
  thread_local std::map<std::string, std::optional<OracleType>, std::less<>> seen;
  if (auto it = seen.find(text); it != seen.end()) return it->second;
  std::optional<OracleType> type = parse_oracle_type(text);
  seen.emplace(std::string(text), type);
  return type;
}

namespace {

TypeInfo scalar(std::string sql, rewrite::ValueType v) {
  TypeInfo t;
  t.sql = std::move(sql);
  t.value = v;
  return t;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::string oracle_family(const std::string& type_text) {
  // Upper case, (…) removed, one space between words.
  std::string t;
  int depth = 0;
  for (char ch : type_text) {
    if (ch == '(') ++depth;
    else if (ch == ')') depth = depth > 0 ? depth - 1 : 0;
    else if (depth == 0) {
      char u = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      if (std::isspace(static_cast<unsigned char>(u))) {
        if (!t.empty() && t.back() != ' ') t += ' ';
      } else {
        t += u;
      }
    }
  }
  while (!t.empty() && t.back() == ' ') t.pop_back();
  auto starts = [&](const char* p) { return t.rfind(p, 0) == 0; };
  static const std::map<std::string, std::string> words = {
      {"PLS_INTEGER", "PLS_INTEGER"}, {"BINARY_INTEGER", "PLS_INTEGER"}, {"SIMPLE_INTEGER", "PLS_INTEGER"},
      {"NATURAL", "PLS_INTEGER"}, {"NATURALN", "PLS_INTEGER"}, {"POSITIVE", "PLS_INTEGER"}, {"POSITIVEN", "PLS_INTEGER"},
      {"SIGNTYPE", "PLS_INTEGER"}, {"VARCHAR2", "VARCHAR2"}, {"VARCHAR", "VARCHAR2"}, {"STRING", "VARCHAR2"},
      {"LONG", "VARCHAR2"}, {"CHAR", "CHAR"}, {"NCHAR", "CHAR"}, {"CHARACTER", "CHAR"}, {"NUMBER", "NUMBER"},
      {"NUMERIC", "NUMBER"}, {"DECIMAL", "NUMBER"}, {"DEC", "NUMBER"}, {"INTEGER", "NUMBER"}, {"INT", "NUMBER"},
      {"SMALLINT", "NUMBER"}, {"FLOAT", "NUMBER"}, {"REAL", "NUMBER"}, {"DOUBLE PRECISION", "NUMBER"},
      {"TIMESTAMP_UNCONSTRAINED", "TIMESTAMP"}, {"TIMESTAMP_TZ_UNCONSTRAINED", "TIMESTAMP WITH TIME ZONE"},
      {"TIMESTAMP_LTZ_UNCONSTRAINED", "TIMESTAMP WITH LOCAL TIME ZONE"},
      {"YMINTERVAL_UNCONSTRAINED", "INTERVAL YEAR TO MONTH"}, {"DSINTERVAL_UNCONSTRAINED", "INTERVAL DAY TO SECOND"},
  };
  if (auto it = words.find(t); it != words.end()) return it->second;
  if (starts("TIMESTAMP"))
    return t.find("LOCAL") != std::string::npos       ? "TIMESTAMP WITH LOCAL TIME ZONE"
           : t.find("TIME ZONE") != std::string::npos ? "TIMESTAMP WITH TIME ZONE"
                                                       : "TIMESTAMP";
  if (starts("INTERVAL")) return t.find("DAY") != std::string::npos ? "INTERVAL DAY TO SECOND" : "INTERVAL YEAR TO MONTH";
  if (starts("VARCHAR2 ") || starts("VARCHAR ")) return "VARCHAR2";  // VARCHAR2(n CHAR) after (…) removal
  return t;
}

bool holds_any_index_array(const TypeInfo& t) {
  if (t.shape == Shape::Array && t.any_index) return true;
  for (const auto& f : t.fields)
    if (holds_any_index_array(f.type)) return true;
  return t.shape == Shape::Array && t.element && holds_any_index_array(*t.element);
}

TypeInfo column_type(const Column& c, Dialect dialect, const TypeMappingSettings& settings) {
  MappedType m = map_type(c, "", dialect, settings, nullptr);
  TypeInfo t = scalar(lower(m.sql), rewrite::value_type_of(c.type));
  t.oracle = oracle_family(c.type.name + " " + c.type.suffix);
  return t;
}

TypeInfo row_type(const Table& t, Dialect dialect, const TypeMappingSettings& settings) {
  TypeInfo out;
  out.shape = Shape::Row;
  out.sql = quote_ident(target_name(t.name));
  for (const auto& c : t.columns) out.fields.push_back({c.name, column_type(c, dialect, settings)});
  return out;
}

namespace {

TypeInfo builtin_target_type(const sql::ast::PlType& t, Dialect dialect, const TypeMappingSettings& settings) {
  using rewrite::ValueType;
  std::string text = sql::compact_text(t.span);
  std::string word = t.name.parts.size() == 1 ? rewrite::upper(t.name.parts[0].text) : "";
  if (t.name.parts.size() > 1 || !t.attribute.empty()) {
    TypeInfo none;
    none.problem = "not a built-in type: " + text;
    return none;
  }
  // PL/SQL-only scalar types first (the SQL type parser does not know them).
  static const char* integers[] = {"PLS_INTEGER", "BINARY_INTEGER", "SIMPLE_INTEGER", "NATURAL", "NATURALN",
                                   "POSITIVE", "POSITIVEN", "SIGNTYPE"};
  for (const char* i : integers)
    if (word == i) return scalar("integer", ValueType::Number);
  if (word == "BOOLEAN") return scalar("boolean", ValueType::Unknown);
  // A row address held in PL/SQL: PostgreSQL's tid, what ROWID becomes there (ctid, SqlWriter::name).
  if ((word == "ROWID" || word == "UROWID") && dialect == Dialect::Postgres) return scalar("tid", ValueType::Unknown);
  // STANDARD's unconstrained datetime subtypes (parameters that take any precision).
  static const std::pair<const char*, const char*> unconstrained[] = {
      {"TIMESTAMP_UNCONSTRAINED", "timestamp"},          {"TIMESTAMP_TZ_UNCONSTRAINED", "timestamptz"},
      {"TIMESTAMP_LTZ_UNCONSTRAINED", "timestamptz"},    {"YMINTERVAL_UNCONSTRAINED", "interval"},
      {"DSINTERVAL_UNCONSTRAINED", "interval"},          {"TIME_UNCONSTRAINED", "time"},
      {"TIME_TZ_UNCONSTRAINED", "timetz"}};
  // Redshift: INTERVAL YEAR TO MONTH and DAY TO SECOND variables and parameters (stored
  // procedures take them since 2024; "Interval data types and literals", at most 6 fractional
  // digits), where its tables' columns stay VARCHAR (type_mapping.cpp).
  if (dialect == Dialect::Redshift) {
    const std::string t = rewrite::upper(text);
    if (word == "DSINTERVAL_UNCONSTRAINED" || (t.rfind("INTERVAL", 0) == 0 && t.find("DAY") != std::string::npos))
      return scalar("interval day to second", ValueType::Interval);
    if (word == "YMINTERVAL_UNCONSTRAINED" || (t.rfind("INTERVAL", 0) == 0 && t.find("YEAR") != std::string::npos))
      return scalar("interval year to month", ValueType::Interval);
  }
  for (const auto& [o, pg] : unconstrained)
    if (word == o && dialect != Dialect::Redshift)
      return scalar(pg, std::string(pg).rfind("interval", 0) == 0 ? ValueType::Interval
                        : std::string(pg).rfind("time", 0) == 0 && std::string(pg).rfind("timestamp", 0) != 0 ? ValueType::Unknown
                                                                                                           : ValueType::Date);
  // Oracle's JSON object types: jsonb values (lower_json.cpp).
  if ((word == "JSON_ELEMENT_T" || word == "JSON_OBJECT_T" || word == "JSON_ARRAY_T" || word == "JSON_SCALAR_T") &&
      dialect == Dialect::Postgres)
    return scalar("jsonb", ValueType::Unknown);
  if (word == "SYS_REFCURSOR") {
    TypeInfo c = scalar("refcursor", ValueType::Unknown);
    c.shape = Shape::Cursor;
    c.oracle = "SYS_REFCURSOR";
    return c;
  }
  std::string upper_text = rewrite::upper(text);
  // Parameters and some variables have no length: VARCHAR2, STRING, CHAR → unbounded text.
  if (upper_text == "VARCHAR2" || upper_text == "VARCHAR" || upper_text == "STRING" || upper_text == "NVARCHAR2" ||
      upper_text == "CHAR" || upper_text == "NCHAR" || upper_text == "LONG")
    return scalar(dialect == Dialect::Redshift ? "varchar(65535)" : "text", ValueType::Text);
  if (upper_text.rfind("STRING", 0) == 0) upper_text = "VARCHAR2" + upper_text.substr(6);
  if (upper_text == "RAW") return scalar(dialect == Dialect::Redshift ? "varbyte" : "bytea", ValueType::Unknown);
  // INTEGER(n): a NUMBER(n) in Oracle's PL/SQL, whatever SQL says of it.
  if (upper_text.rfind("INTEGER(", 0) == 0 && upper_text.back() == ')') upper_text = "NUMBER" + upper_text.substr(7);
  auto ot = oracle_type_from_text(upper_text);
  if (!ot) {
    TypeInfo none;
    none.problem = "not a built-in type: " + text;
    return none;
  }
  Column col;
  col.type = *ot;
  // INTEGER, INT and SMALLINT are NUMBER(38) in Oracle, in PL/SQL as in tables: a 32-bit integer would
  // refuse what Oracle holds (oos-utils' SHA-1 keeps 0xFFFFFFFF in an INTEGER) and not round 2.5 to 3.
  if (col.type.name == "INTEGER" || col.type.name == "INT" || col.type.name == "SMALLINT")
    return scalar("numeric(38,0)", ValueType::Number);
  if (col.type.name == "NUMBER" && !col.type.precision && !col.type.scale && dialect == Dialect::Postgres)
    return scalar("numeric", ValueType::Number);
  if ((col.type.name == "VARCHAR2" || col.type.name == "VARCHAR" || col.type.name == "NVARCHAR2") &&
      dialect == Dialect::Postgres && col.type.length)
    return scalar("varchar(" + std::to_string(*col.type.length) + ")", ValueType::Text);
  return column_type(col, dialect, settings);
}

}  // namespace

TypeInfo builtin_type(const sql::ast::PlType& t, Dialect dialect, const TypeMappingSettings& settings) {
  TypeInfo out = builtin_target_type(t, dialect, settings);
  if (out.problem.empty() && out.shape == Shape::Scalar) {
    out.oracle = oracle_family(sql::compact_text(t.span));
    out.declared = rewrite::upper(sql::compact_text(t.span));
  }
  return out;
}

// Collection types of Oracle's built-in packages and SYS (dense, integer-indexed: arrays like the
// unit's own TABLE OF … INDEX BY PLS_INTEGER), by package and type name (SYS. already removed):
// the element type as Oracle declares it.
std::optional<std::string> builtin_collection_element(const std::vector<std::string>& parts) {
  static const std::map<std::string, std::string> types = {
      {"DBMS_SQL.VARCHAR2_TABLE", "VARCHAR2(2000)"}, {"DBMS_SQL.VARCHAR2A", "VARCHAR2(32767)"},
      {"DBMS_SQL.VARCHAR2S", "VARCHAR2(256)"},       {"DBMS_SQL.NUMBER_TABLE", "NUMBER"},
      {"DBMS_SQL.DATE_TABLE", "DATE"},               {"DBMS_SQL.CLOB_TABLE", "CLOB"},
      {"DBMS_SQL.BLOB_TABLE", "BLOB"},               {"DBMS_UTILITY.UNCL_ARRAY", "VARCHAR2(227)"},
      {"DBMS_UTILITY.LNAME_ARRAY", "VARCHAR2(4000)"}, {"DBMS_UTILITY.NAME_ARRAY", "VARCHAR2(30)"},
      {"DBMS_UTILITY.NUMBER_ARRAY", "NUMBER"},       {"DBMS_OUTPUT.CHARARR", "VARCHAR2(32767)"},
      {"DBMS_PREPROCESSOR.SOURCE_LINES_T", "VARCHAR2(32767)"},
      {"OWA.VC_ARR", "VARCHAR2(32000)"},             {"OWA_UTIL.VC_ARR", "VARCHAR2(32000)"},
      {"APEX_APPLICATION_GLOBAL.VC_ARR2", "VARCHAR2(32767)"}, {"WWV_FLOW_GLOBAL.VC_ARR2", "VARCHAR2(32767)"},
      {"APEX_APPLICATION_GLOBAL.N_ARR", "NUMBER"},   {"ODCIVARCHAR2LIST", "VARCHAR2(4000)"},
      {"ODCINUMBERLIST", "NUMBER"},                  {"ODCIDATELIST", "DATE"},
      {"DBMS_DEBUG_VC2COLL", "VARCHAR2(1000)"},      {"JSON_KEY_LIST", "VARCHAR2(4000)"},
  };
  std::string key;
  for (const auto& p : parts) key += (key.empty() ? "" : ".") + p;
  auto it = types.find(key);
  if (it == types.end()) return std::nullopt;
  return it->second;
}

}  // namespace orashift::plsql
