// The PL/SQL Web Toolkit on PostgreSQL, without a gateway: the page a procedure prints with HTP
// is kept in the session setting orashift.owa_page, and OWA_UTIL.GET_CGI_ENV reads the CGI
// environment from orashift.owa_cgi (a JSON object). The application that serves the page plays
// the PL/SQL gateway's part (mod_plsql, ORDS: OWA.INIT_CGI_ENV, the call, OWA.GET_PAGE): it sets
// orashift.owa_cgi, calls the procedure and reads orashift.owa_page in the same session. Outside a
// request (no environment set) GET_CGI_ENV raises VALUE_ERROR as Oracle's does, so code that
// tells a web call from a SQL*Plus one (Logger's STATUS) takes the same branch. docs/plsql.md.
#include "convert/plsql/builtin_args.h"
#include "convert/plsql/codes.h"
#include "convert/plsql/lowerer.h"

namespace orashift::plsql {

namespace {

// CGI variable names compare upper-cased, as OWA_UTIL.GET_CGI_ENV compares them.
constexpr const char* kCgiEnv = R"SQL((name text)
RETURNS text
LANGUAGE plpgsql
AS $orashift$
DECLARE
  env text := current_setting('orashift.owa_cgi', true);
  found text;
BEGIN
  IF env IS NULL OR env = '' THEN
    RAISE EXCEPTION USING ERRCODE = 'data_exception',
      MESSAGE = 'numeric or value error: the CGI environment is not initialized (no PL/SQL gateway request)';
  END IF;
  SELECT value INTO found FROM jsonb_each_text(env::jsonb) WHERE upper(key) = upper(name) LIMIT 1;
  RETURN found;
END
$orashift$;
)SQL";

// OWA.NUM_CGI_VARS (NULL outside a request, as the uninitialised package variable) and the
// i-th name or value of OWA.CGI_VAR_NAME / CGI_VAR_VAL, in the order of the names (the gateway's
// own order is not kept). Functions, not subqueries: a CALL's arguments cannot hold a subquery.
constexpr const char* kNumCgiVars = R"SQL(()
RETURNS integer
LANGUAGE sql
STABLE
AS $orashift$
SELECT count(*)::integer FROM jsonb_object_keys(NULLIF(current_setting('orashift.owa_cgi', true), '')::jsonb)
HAVING NULLIF(current_setting('orashift.owa_cgi', true), '') IS NOT NULL
$orashift$;
)SQL";

constexpr const char* kCgiVar = R"SQL((i integer, want_name boolean)
RETURNS text
LANGUAGE sql
STABLE
AS $orashift$
SELECT CASE WHEN want_name THEN k ELSE v END
  FROM jsonb_each_text(NULLIF(current_setting('orashift.owa_cgi', true), '')::jsonb) AS e(k, v)
 ORDER BY k OFFSET i - 1 LIMIT 1
$orashift$;
)SQL";

}  // namespace

std::string owa_helper_sql(const std::string& name) {
  if (name == "orashift_owa_cgi_env") return kCgiEnv;
  if (name == "orashift_owa_num_cgi_vars") return kNumCgiVars;
  if (name == "orashift_owa_cgi_var") return kCgiVar;
  return "";
}

void Lowerer::owa_note(const std::string& what, Span span) const {
  if (owa_noted_) return;
  owa_noted_ = true;
  item(plsql_codes::kBehaviour,
       "PL/SQL Web Toolkit (" + what + "): the page is kept in the session setting orashift.owa_page and the CGI "
       "environment read from orashift.owa_cgi; the application serving the page sets the one and reads the other, as "
       "the PL/SQL gateway does (docs/plsql.md)",
       span);
}

std::optional<std::string> Lowerer::owa_call(const std::string& pkg, const std::string& fn, const ast::CallExpr* c, Span span,
                                             rewrite::SqlWriter& w) const {
  if (dialect() != Dialect::Postgres) return std::nullopt;
  // The gateway's CGI arrays over the same environment (kNumCgiVars, kCgiVar).
  if (pkg == "OWA" && fn == "NUM_CGI_VARS" && !c) {
    owa_note(pkg + "." + fn, span);
    return helper_call("orashift_owa_num_cgi_vars", "");
  }
  if (pkg == "OWA" && (fn == "CGI_VAR_NAME" || fn == "CGI_VAR_VAL") && c && c->args.size() == 1 && c->args[0].name.empty()) {
    owa_note(pkg + "." + fn, span);
    return helper_call("orashift_owa_cgi_var", "TRUNC(" + w.expr(*c->args[0].value) + ")::integer, " +
                                                   (fn == "CGI_VAR_NAME" ? "true" : "false"));
  }
  if (pkg != "OWA_UTIL" || fn != "GET_CGI_ENV") return std::nullopt;
  auto a = builtin_args(c, {"PARAM_NAME"});
  if (!a || !(*a)[0]) return std::nullopt;
  owa_note(pkg + "." + fn, span);
  return helper_call("orashift_owa_cgi_env", "(" + w.expr(*(*a)[0]) + ")::text");
}

bool Lowerer::owa_statement(const std::string& pkg, const std::string& fn, const ast::CallExpr* call, Span span,
                            PgBody& out) {
  if (dialect() != Dialect::Postgres || (pkg != "HTP" && pkg != "OWA_UTIL")) return false;
  auto append = [&](const std::string& text) {
    out.push_back(PgStmt::simple("PERFORM set_config('orashift.owa_page', COALESCE(current_setting('orashift.owa_page', "
                                 "true), '') || " + text + ", false)",
                                 span));
  };
  std::string text;
  if (pkg == "HTP" && (fn == "P" || fn == "PRINT" || fn == "PRN")) {
    auto a = builtin_args(call, {"CBUF"});
    if (!a) return false;
    // P and PRINT end the line (Oracle's nl_char, a line feed); PRN does not. NULL prints nothing.
    text = (*a)[0] ? "COALESCE((" + expr(*(*a)[0]) + ")::text, '')" : std::string("''");
    if (fn != "PRN") text += " || chr(10)";
  } else if (pkg == "HTP" && fn == "INIT") {
    out.push_back(PgStmt::simple("PERFORM set_config('orashift.owa_page', '', false)", span));
    return true;
  } else if (pkg == "OWA_UTIL" && fn == "HTTP_HEADER_CLOSE") {
    if (call && !call->args.empty()) return false;
    text = "chr(10)";
  } else if (pkg == "OWA_UTIL" && fn == "MIME_HEADER") {
    auto a = builtin_args(call, {"CCONTENT_TYPE", "BCLOSE_HEADER", "CCHARSET"});
    if (!a) return false;
    // "Content-type: <type>; charset=<charset>" and, unless bclose_header is FALSE, the blank line
    // that closes the header. Without ccharset the request's REQUEST_IANA_CHARSET, as the gateway
    // gives it; with neither, no charset parameter.
    std::string type = (*a)[0] ? "(" + expr(*(*a)[0]) + ")::text" : std::string("'text/html'");
    std::string charset = "COALESCE(" + ((*a)[2] ? "(" + expr(*(*a)[2]) + ")::text" : std::string("NULL::text")) +
                          ", NULLIF(current_setting('orashift.owa_cgi', true), '')::jsonb ->> 'REQUEST_IANA_CHARSET')";
    text = "'Content-type: ' || COALESCE(" + type + ", '') || COALESCE('; charset=' || " + charset + ", '') || chr(10)";
    if ((*a)[1]) text += " || CASE WHEN " + expr(*(*a)[1]) + " THEN chr(10) ELSE '' END";
    else text += " || chr(10)";
  } else {
    return false;
  }
  append(text);
  owa_note(pkg + "." + fn, span);
  return true;
}

}  // namespace orashift::plsql
