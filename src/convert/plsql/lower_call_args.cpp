// Oracle converts an argument to the type of its parameter ("Implicit Data Conversion", SQL
// Language Reference 19c: RAW → VARCHAR2 as RAWTOHEX, VARCHAR2 → RAW as HEXTORAW, NUMBER ↔
// VARCHAR2 as TO_CHAR / TO_NUMBER). PostgreSQL picks a routine by its arguments' types and only
// through implicit casts: bytea ↔ text has none, numeric → varchar and numeric → integer are
// assignment casts, so `aes_decrypt_key(key_raw, …)` against a VARCHAR2 parameter is "procedure
// does not exist". The conversion is written out where the callee's parameter types are known.
#include "convert/plsql/lowerer.h"

#include "convert/plsql/codes.h"
#include "convert/query/sql_writer.h"
#include "sql/parser.h"

namespace orashift::plsql {

namespace {

bool character(const std::string& f) { return f == "VARCHAR2" || f == "CHAR" || f == "CLOB"; }
bool numeric(const std::string& f) { return f == "NUMBER" || f == "PLS_INTEGER"; }

}  // namespace

std::string Lowerer::implicit_argument(const ast::Expr& arg, const ast::PlType& param, std::string written) const {
  if (!env_.profile->composite_types) return written;  // Redshift: no bytea, positional text casts differ
  std::string to = param_family(param), from = oracle_family_of(arg);
  // An arithmetic expression has no family of its own but is a number (BITAND(a, b) * 1024).
  if (from.empty() && numeric(to) && arg.kind == ast::ExprKind::Binary) {
    auto op = static_cast<const ast::BinaryExpr&>(arg).op;
    bool arithmetic = op == ast::BinaryOp::Add || op == ast::BinaryOp::Sub || op == ast::BinaryOp::Mul ||
                      op == ast::BinaryOp::Div || op == ast::BinaryOp::Mod || op == ast::BinaryOp::Power;
    if (arithmetic && value_type(arg) != rewrite::ValueType::Date && value_type(arg) != rewrite::ValueType::Interval)
      from = "NUMBER";
  }
  // So is BITAND(a, b), bigint on the target (a & b), which has no implicit cast to an INTEGER
  // parameter.
  if (from.empty() && numeric(to) && arg.kind == ast::ExprKind::Call) {
    auto& c = static_cast<const ast::CallExpr&>(arg);
    if (c.name.size() == 1 && rewrite::upper(std::string(c.name[0].text)) == "BITAND") from = "NUMBER";
  }
  if (to.empty() || from.empty()) return written;
  // The parameter's target type when it is an integer one ("" otherwise).
  auto integer_param = [&] {
    std::string sql = resolve_type(param).sql;
    return sql == "integer" || sql == "bigint" || sql == "smallint" ? sql : std::string();
  };
  if (numeric(from) && numeric(to)) {
    // INTEGER / PLS_INTEGER parameters are integers on the target, a NUMBER value numeric, and
    // numeric → integer is no implicit cast: rounded as Oracle rounds it.
    std::string sql = from == "NUMBER" ? integer_param() : std::string();
    return sql.empty() ? written : "(" + written + ")::" + sql;
  }
  if (to == from) return written;
  if (numeric(from) && character(to)) return "(" + written + ")::text";
  // Character data to a NUMBER parameter: Oracle converts it as TO_NUMBER does (Logger passes a
  // VARCHAR2 level it has checked is a number); text has no implicit cast to numeric here.
  if (character(from) && from != "CLOB" && numeric(to)) {
    std::string sql = integer_param();
    return "(" + written + ")::" + (sql.empty() ? std::string("numeric") : sql);
  }
  // A datetime to a character parameter (text in the target's ISO form, not NLS_DATE_FORMAT).
  if ((from == "DATE" || from.rfind("TIMESTAMP", 0) == 0) && character(to)) return "(" + written + ")::text";
  return raw_conversion(arg, from, to, "argument", std::move(written));
}

// RAW ↔ character data, as Oracle converts it for an argument, an assignment or a UTL_RAW operand.
std::string Lowerer::raw_conversion(const ast::Expr& arg, const std::string& from, const std::string& to, const char* what,
                                    std::string written) const {
  const std::string text = sql::compact_text(arg.span);
  if (from == "RAW" && character(to)) {
    item(plsql_codes::kPattern, "RAW " + std::string(what) + " " + text + " to " + to + ": converted with RAWTOHEX as Oracle does",
         arg.span);
    return "upper(encode(" + written + ", 'hex'))";
  }
  if (character(from) && from != "CLOB" && to == "RAW") {
    item(plsql_codes::kPattern, "character " + std::string(what) + " " + text + " to RAW: converted with HEXTORAW as Oracle does",
         arg.span);
    return rewrite::hex_to_bytes_sql(written);
  }
  return written;
}

// `target := value` between RAW and character data: Oracle converts the value (PostgreSQL would
// store bytea's '\x…' text, or refuse text for bytea).
std::string Lowerer::assigned_value(const ast::Expr& target, const ast::Expr& value, std::string written) const {
  if (!env_.profile->composite_types) return written;
  std::string to = oracle_family_of(target), from = oracle_family_of(value);
  if (to.empty() || from.empty() || to == from) return written;
  return raw_conversion(value, from, to, "value", std::move(written));
}

}  // namespace orashift::plsql
