// DBMS_OUTPUT on PostgreSQL: a buffer per session, as Oracle's ("DBMS_OUTPUT", PL/SQL Packages and
// Types Reference). PUT and PUT_LINE build lines; a finished line is shown to the client at once as
// a notice (PostgreSQL's SERVEROUTPUT) and, after ENABLE, also kept for GET_LINE / GET_LINES, which
// code such as utPLSQL uses to capture what the code it runs printed. The buffer lives in custom
// settings (session-wide, as package state does: docs/plsql.md).
#include "convert/plsql/builtin_args.h"
#include "convert/plsql/codes.h"
#include "convert/plsql/lowerer.h"

namespace orashift::plsql {

namespace {

// orashift.output_lines: the unread lines as a JSON array; orashift.output_partial: what PUT gave
// since the last complete line; orashift.output_enabled: 'on' after ENABLE; orashift.output_read:
// 'on' after a GET, so that the next PUT discards the lines left unread (as Oracle does).
constexpr const char* kPut = R"SQL((line text, complete boolean)
RETURNS void
LANGUAGE plpgsql
AS $orashift$
DECLARE
  part text;
BEGIN
  IF current_setting('orashift.output_read', true) = 'on' THEN
    PERFORM set_config('orashift.output_lines', '[]', false);
    PERFORM set_config('orashift.output_read', 'off', false);
  END IF;
  part := COALESCE(current_setting('orashift.output_partial', true), '') || COALESCE(line, '');
  IF NOT complete THEN
    PERFORM set_config('orashift.output_partial', part, false);
    RETURN;
  END IF;
  PERFORM set_config('orashift.output_partial', '', false);
  RAISE NOTICE '%', part;
  IF current_setting('orashift.output_enabled', true) = 'on' THEN
    PERFORM set_config('orashift.output_lines',
                       (COALESCE(NULLIF(current_setting('orashift.output_lines', true), ''), '[]')::jsonb
                        || to_jsonb(part))::text, false);
  END IF;
END
$orashift$;
)SQL";

// Up to `wanted` lines off the front of the buffer (all of them for NULL); '' is NULL as in Oracle.
constexpr const char* kGetLines = R"SQL((wanted integer)
RETURNS text[]
LANGUAGE plpgsql
AS $orashift$
DECLARE
  buf jsonb := COALESCE(NULLIF(current_setting('orashift.output_lines', true), ''), '[]')::jsonb;
  n integer := LEAST(jsonb_array_length(buf), COALESCE(GREATEST(wanted, 0), jsonb_array_length(buf)));
  got text[];
BEGIN
  SELECT COALESCE(array_agg(NULLIF(e, '') ORDER BY i), '{}') INTO got
    FROM jsonb_array_elements_text(buf) WITH ORDINALITY AS x(e, i) WHERE i <= n;
  IF n > 0 THEN
    PERFORM set_config('orashift.output_lines',
                       COALESCE((SELECT jsonb_agg(e ORDER BY i) FROM jsonb_array_elements(buf) WITH ORDINALITY AS y(e, i)
                                  WHERE i > n), '[]')::text, false);
  END IF;
  PERFORM set_config('orashift.output_read', 'on', false);
  RETURN got;
END
$orashift$;
)SQL";

}  // namespace

std::string dbms_output_helper_sql(const std::string& name) {
  if (name == "orashift_output_put") return kPut;
  if (name == "orashift_output_get_lines") return kGetLines;
  return "";
}

bool Lowerer::dbms_output_statement(const std::string& fn, const ast::CallExpr* call, Span span, PgBody& out) {
  if (dialect() != Dialect::Postgres || env_.orafce) return false;
  auto setting = [&](const char* name, const char* value) {
    out.push_back(PgStmt::simple(std::string("PERFORM set_config('orashift.") + name + "', '" + value + "', false)", span));
  };
  if (fn == "PUT_LINE" || fn == "PUT" || fn == "NEW_LINE") {
    auto a = builtin_args(call, {"A"});
    if (!a) return false;
    std::string line = fn != "NEW_LINE" && (*a)[0] ? expr(*(*a)[0]) : std::string("NULL");
    out.push_back(PgStmt::simple("PERFORM " + helper_call("orashift_output_put", "(" + line + ")::text, " +
                                                                   (fn == "PUT" ? "false" : "true")),
                                 span));
    return true;
  }
  if (fn == "ENABLE") {  // the buffer size is not enforced (no ORU-10027)
    setting("output_enabled", "on");
    return true;
  }
  if (fn == "DISABLE") {
    setting("output_enabled", "off");
    setting("output_lines", "[]");
    setting("output_partial", "");
    return true;
  }
  if (fn == "GET_LINE" || fn == "GET_LINES") {
    bool one = fn == "GET_LINE";
    auto a = builtin_args(call, one ? std::vector<const char*>{"LINE", "STATUS"} : std::vector<const char*>{"LINES", "NUMLINES"});
    if (!a || !(*a)[0] || !(*a)[1]) return false;
    if (!one) {
      std::optional<TypeInfo> t = type_of(*(*a)[0]);
      if (!t || t->shape != Shape::Array) return false;  // a CHARARR held as a map: the caller's item
    }
    // A temporary takes the lines so that each OUT target is written once, whatever it is.
    std::string got = local_variable("orashift_output", "text[]", span);
    std::string wanted = one ? std::string("1") : "(" + expr(*(*a)[1]) + ")::integer";
    out.push_back(PgStmt::simple(got + " := " + helper_call("orashift_output_get_lines", wanted), span));
    std::vector<std::string> values = one ? std::vector<std::string>{got + "[1]", "CASE WHEN cardinality(" + got + ") = 0 THEN 1 ELSE 0 END"}
                                          : std::vector<std::string>{got, "cardinality(" + got + ")"};
    for (size_t i = 0; i < 2; ++i) {
      if (!assign_value(*(*a)[i], values[i], span, out)) return false;
    }
    return true;
  }
  return false;
}

}  // namespace orashift::plsql
