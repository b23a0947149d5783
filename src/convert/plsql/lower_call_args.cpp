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
  if (to.empty() || from.empty()) return written;
  if (numeric(from) && numeric(to)) {
    // INTEGER / PLS_INTEGER parameters are integers on the target, a NUMBER value numeric, and
    // numeric → integer is no implicit cast: rounded as Oracle rounds it.
    std::string sql = resolve_type(param).sql;
    if (from == "NUMBER" && (sql == "integer" || sql == "bigint" || sql == "smallint"))
      return "(" + written + ")::" + sql;
    return written;
  }
  if (to == from) return written;
  const std::string text = sql::compact_text(arg.span);
  if (from == "RAW" && character(to)) {
    item(plsql_codes::kPattern, "RAW argument " + text + " to a " + to + " parameter: converted with RAWTOHEX as Oracle does",
         arg.span);
    return "upper(encode(" + written + ", 'hex'))";
  }
  if (character(from) && from != "CLOB" && to == "RAW") {
    item(plsql_codes::kPattern, "character argument " + text + " to a RAW parameter: converted with HEXTORAW as Oracle does",
         arg.span);
    return rewrite::hex_to_bytes_sql(written);
  }
  if (numeric(from) && character(to)) return "(" + written + ")::text";
  // A datetime to a character parameter (text in the target's ISO form, not NLS_DATE_FORMAT).
  if ((from == "DATE" || from.rfind("TIMESTAMP", 0) == 0) && character(to)) return "(" + written + ")::text";
  return written;
}

}  // namespace orashift::plsql
