// DBMS_XMLGEN on PostgreSQL (PL/SQL Packages and Types Reference, "DBMS_XMLGEN"): a query's rows
// as Oracle's canonical XML, <ROWSET><ROW><COLUMN>value</COLUMN>…</ROW>…</ROWSET>. The one-call
// form GETXML/GETXMLTYPE(query) and the context API (NEWCONTEXT, SETROWTAG, SETROWSETTAG,
// SETNULLHANDLING, SETMAXROWS, SETSKIPROWS, SETBINDVALUE, CLEARBINDINGS, RESTARTQUERY,
// GETXML/GETXMLTYPE(ctx), GETNUMROWSPROCESSED, CLOSECONTEXT) run through orashift_xmlgen_run,
// which reads the rows with query_to_xml. A context lives in the session's custom setting
// orashift.xmlgen (a JSON object by handle), as package state does (docs/plsql.md).
#include "convert/plsql/builtin_args.h"
#include "convert/plsql/codes.h"
#include "convert/plsql/lowerer.h"
#include "convert/query/sql_writer.h"

namespace orashift::plsql {

namespace {

// The rows of `query` (skipping `skip`, at most `maxrows`, all for NULL) as DBMS_XMLGEN writes
// them: column elements named as query_to_xml names them (SQL/XML's escaping, which Oracle also
// uses: "a b" is a_x0020_b), except that an all-lower-case name, PostgreSQL's folding of an
// unquoted Oracle name, is written in upper case as Oracle names it; a NULL column left out
// (nulls 0, DROP_NULLS), written <C xsi:nil = "true"/> (1, NULL_ATTR, with the xsi namespace on
// the rowset) or <C/> (2, EMPTY_TAG); a NULL row or rowset tag leaves that element out. `clob`:
// GETXML's text, with the XML declaration and Oracle's layout (one space of indent a level, a
// line each); else compact text for GETXMLTYPE's xml. No row: NULL. `processed`: the rows written.
constexpr const char* kRun = R"SQL((query text, rowtag text, rowsettag text, nulls integer, skip bigint, maxrows bigint,
 clob boolean, OUT doc text, OUT processed integer)
LANGUAGE plpgsql
AS $orashift$
DECLARE
  q text := query;
  forest xml;
  r xml;
  col text;
  tag text;
  nl text := CASE WHEN clob THEN chr(10) ELSE '' END;
  ind text := CASE WHEN clob THEN ' ' ELSE '' END;
  ri text := CASE WHEN rowsettag IS NULL THEN '' ELSE ind END;
  ci text := ri || CASE WHEN rowtag IS NULL THEN '' ELSE ind END;
  body text := '';
BEGIN
  processed := 0;
  IF COALESCE(rowtag, 'ROW') !~ '^[[:alpha:]_][[:alnum:]_.-]*$' OR COALESCE(rowsettag, 'ROWSET') !~ '^[[:alpha:]_][[:alnum:]_.-]*$' THEN
    RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = 'DBMS_XMLGEN: a row or rowset tag is not an XML name';
  END IF;
  IF COALESCE(skip, 0) > 0 OR maxrows IS NOT NULL THEN
    q := 'SELECT * FROM (' || q || chr(10) || ') AS orashift_rows OFFSET ' || GREATEST(COALESCE(skip, 0), 0)
         || CASE WHEN maxrows IS NULL THEN '' ELSE ' LIMIT ' || GREATEST(maxrows, 0) END;
  END IF;
  forest := query_to_xml(q, COALESCE(nulls, 0) <> 0, true, '');
  IF forest IS NULL OR forest::text = '' THEN
    RETURN;
  END IF;
  FOR r IN SELECT x FROM unnest(xpath('/orashift/row', ('<orashift>' || forest::text || '</orashift>')::xml)) WITH ORDINALITY AS t(x, i) ORDER BY i LOOP
    processed := processed + 1;
    IF rowtag IS NOT NULL THEN
      body := body || ri || '<' || rowtag || '>' || nl;
    END IF;
    FOR col IN SELECT c::text FROM unnest(xpath('/row/*', r)) WITH ORDINALITY AS u(c, j) ORDER BY j LOOP
      tag := substring(col FROM '^<([^[:space:]/>]+)');
      IF col ~ '^<[^>]* xsi:nil="true"' THEN
        col := '<' || tag || CASE WHEN nulls = 1 THEN ' xsi:nil = "true"' ELSE '' END || '/>';
      END IF;
      IF tag ~ '^[a-z][a-z0-9_$#]*$' AND tag !~ '_x[0-9A-F]{4}_' THEN
        col := '<' || upper(tag) || substr(col, length(tag) + 2);
        IF col LIKE '%</' || tag || '>' THEN
          col := left(col, length(col) - length(tag) - 1) || upper(tag) || '>';
        END IF;
      END IF;
      body := body || ci || col || nl;
    END LOOP;
    IF rowtag IS NOT NULL THEN
      body := body || ri || '</' || rowtag || '>' || nl;
    END IF;
  END LOOP;
  IF rowsettag IS NULL AND processed > 1 THEN
    RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
      MESSAGE = 'DBMS_XMLGEN: a NULL rowset tag needs a result of one row (the XML would have several roots)';
  END IF;
  IF rowsettag IS NOT NULL THEN
    body := '<' || rowsettag || CASE WHEN nulls = 1 THEN ' xmlns:xsi = "http://www.w3.org/2001/XMLSchema-instance"' ELSE '' END
            || '>' || nl || body || '</' || rowsettag || '>' || nl;
  END IF;
  doc := CASE WHEN clob THEN '<?xml version="1.0"?>' || nl ELSE '' END || body;
END
$orashift$;
)SQL";

// NEWCONTEXT(query) / NEWCONTEXT(cursor): a new handle (1, 2, … in the session) with
// DBMS_XMLGEN's defaults; `cursor` is the refcursor's portal name.
constexpr const char* kNew = R"SQL((query text, cursor text)
RETURNS numeric
LANGUAGE plpgsql
AS $orashift$
DECLARE
  ctx numeric := COALESCE(NULLIF(current_setting('orashift.xmlgen_next', true), '')::numeric, 0) + 1;
BEGIN
  PERFORM set_config('orashift.xmlgen_next', ctx::text, false);
  PERFORM set_config('orashift.xmlgen',
    jsonb_set(COALESCE(NULLIF(current_setting('orashift.xmlgen', true), ''), '{}')::jsonb, ARRAY[ctx::text],
              jsonb_build_object('query', query, 'cursor', cursor, 'binds', '{}'::jsonb, 'row', 'ROW', 'rowset', 'ROWSET', 'nulls', 0,
                                 'skip', 0, 'max', NULL, 'pos', 0, 'processed', 0))::text, false);
  RETURN ctx;
END
$orashift$;
)SQL";

// A context's state: 'row', 'rowset', 'nulls', 'max', 'skip' set to `value`; 'bind' binds
// `value` to the bind variable `name` (upper case, as Oracle matches unquoted names);
// 'clearbinds', 'restart' (the next GETXML starts at the first row again), 'close'.
constexpr const char* kSet = R"SQL((ctx numeric, setting text, value text, name text)
RETURNS void
LANGUAGE plpgsql
AS $orashift$
DECLARE
  all_ jsonb := COALESCE(NULLIF(current_setting('orashift.xmlgen', true), ''), '{}')::jsonb;
  c jsonb := all_ -> ctx::text;
BEGIN
  IF c IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = format('DBMS_XMLGEN: invalid context handle %s', ctx);
  END IF;
  IF setting = 'close' THEN
    all_ := all_ - ctx::text;
  ELSE
    IF setting = 'bind' THEN
      c := jsonb_set(c, ARRAY['binds', upper(ltrim(name, ':'))], COALESCE(to_jsonb(value), 'null'::jsonb));
    ELSIF setting = 'clearbinds' THEN
      c := jsonb_set(c, '{binds}', '{}'::jsonb);
    ELSIF setting = 'restart' THEN
      c := jsonb_set(c, '{pos}', '0'::jsonb);
    ELSE
      c := jsonb_set(c, ARRAY[setting], COALESCE(to_jsonb(value), 'null'::jsonb));
    END IF;
    all_ := jsonb_set(all_, ARRAY[ctx::text], c);
  END IF;
  PERFORM set_config('orashift.xmlgen', all_::text, false);
END
$orashift$;
)SQL";

// GETXML / GETXMLTYPE(ctx): the bind variables (:name outside literals, quoted names and
// comments) replaced by their values as quoted literals (quote_nullable: a value never becomes
// SQL text; an unbound one is Oracle's ORA-01008), then the next rows: each call goes on after
// the rows the last one wrote, skipping SETSKIPROWS' count first, at most SETMAXROWS rows.
// A cursor's context FETCHes its rows here (query_to_xml cannot: it runs read-only) and writes
// them as JSON (row_to_json keeps the columns' order and names) that json_to_recordset gives
// back to orashift_xmlgen_run as text columns (written as query_to_xml writes the originals).
constexpr const char* kGet = R"SQL((ctx numeric, clob boolean)
RETURNS text
LANGUAGE plpgsql
AS $orashift$
DECLARE
  all_ jsonb := COALESCE(NULLIF(current_setting('orashift.xmlgen', true), ''), '{}')::jsonb;
  c jsonb := all_ -> ctx::text;
  q text;
  sql text := '';
  i integer := 1;
  n integer;
  ch text;
  tok text;
  v jsonb;
  res record;
  cur refcursor;
  rec record;
  fetched json[] := '{}';
  skip bigint;
BEGIN
  IF c IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = format('DBMS_XMLGEN: invalid context handle %s', ctx);
  END IF;
  IF c ->> 'cursor' IS NOT NULL THEN
    cur := c ->> 'cursor';
    skip := COALESCE((c ->> 'skip')::bigint, 0);
    WHILE skip > 0 LOOP
      FETCH cur INTO rec;
      EXIT WHEN NOT FOUND;
      skip := skip - 1;
    END LOOP;
    WHILE (c ->> 'max') IS NULL OR cardinality(fetched) < (c ->> 'max')::bigint LOOP
      FETCH cur INTO rec;
      EXIT WHEN NOT FOUND;
      fetched := fetched || row_to_json(rec);
    END LOOP;
    IF cardinality(fetched) = 0 THEN
      SELECT NULL::text AS doc, 0 AS processed INTO res;
    ELSE
      res := "orashift_xmlgen_run"(
        format('SELECT * FROM json_to_recordset(%L::json) AS orashift_rows(%s)', array_to_json(fetched),
               (SELECT string_agg(quote_ident(k) || ' text', ', ' ORDER BY o) FROM json_object_keys(fetched[1]) WITH ORDINALITY AS x(k, o))),
        c ->> 'row', c ->> 'rowset', (c ->> 'nulls')::integer, 0, NULL, clob);
    END IF;
    c := jsonb_set(c, '{processed}', to_jsonb(res.processed));
    PERFORM set_config('orashift.xmlgen', jsonb_set(all_, ARRAY[ctx::text], c)::text, false);
    RETURN res.doc;
  END IF;
  q := c ->> 'query';
  n := length(q);
  WHILE i <= n LOOP
    ch := substr(q, i, 1);
    tok := ch;
    IF ch IN ('''', '"') THEN
      tok := ch || COALESCE(substring(substr(q, i + 1) FROM '^[^' || ch || ']*' || ch), substr(q, i + 1));
    ELSIF substr(q, i, 2) = '--' THEN
      tok := substring(substr(q, i) FROM '^--[^' || chr(10) || ']*');
    ELSIF substr(q, i, 2) = '/*' THEN
      tok := COALESCE(substring(substr(q, i) FROM '^/\*.*?\*/'), substr(q, i));
    ELSIF substr(q, i, 2) = '::' THEN
      tok := '::';
    ELSIF ch = ':' AND substr(q, i + 1, 1) ~ '^[[:alpha:]]$' THEN
      tok := ':' || substring(substr(q, i + 1) FROM '^[[:alpha:]][[:alnum:]_$#]*');
      v := c -> 'binds' -> upper(substr(tok, 2));
      IF v IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'undefined_parameter', MESSAGE = format('ORA-01008: not all variables bound (%s)', tok);
      END IF;
      sql := sql || quote_nullable(v #>> '{}');
      i := i + length(tok);
      CONTINUE;
    END IF;
    sql := sql || tok;
    i := i + length(tok);
  END LOOP;
  res := "orashift_xmlgen_run"(sql, c ->> 'row', c ->> 'rowset', (c ->> 'nulls')::integer,
                               (c ->> 'pos')::bigint + COALESCE((c ->> 'skip')::bigint, 0), (c ->> 'max')::bigint, clob);
  c := jsonb_set(jsonb_set(c, '{processed}', to_jsonb(res.processed)), '{pos}',
                 to_jsonb((c ->> 'pos')::bigint + COALESCE((c ->> 'skip')::bigint, 0) + res.processed));
  PERFORM set_config('orashift.xmlgen', jsonb_set(all_, ARRAY[ctx::text], c)::text, false);
  RETURN res.doc;
END
$orashift$;
)SQL";

// GETNUMROWSPROCESSED(ctx): the rows the last GETXML wrote (the skipped ones not counted).
constexpr const char* kProcessed = R"SQL((ctx numeric)
RETURNS numeric
LANGUAGE plpgsql
AS $orashift$
DECLARE
  c jsonb := COALESCE(NULLIF(current_setting('orashift.xmlgen', true), ''), '{}')::jsonb -> ctx::text;
BEGIN
  IF c IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = format('DBMS_XMLGEN: invalid context handle %s', ctx);
  END IF;
  RETURN (c ->> 'processed')::numeric;
END
$orashift$;
)SQL";

// DBMS_XMLGEN's constants (dbmsxmlg.sql): null handling, GETXML's dtdOrSchema, CONVERT's flag.
std::optional<std::string> xmlgen_constant(const std::string& name) {
  if (name == "NONE" || name == "DROP_NULLS" || name == "ENTITY_ENCODE") return "0";
  if (name == "NULL_ATTR" || name == "ENTITY_DECODE") return "1";
  if (name == "EMPTY_TAG") return "2";
  return std::nullopt;
}

}  // namespace

std::string xmlgen_helper_sql(const std::string& name) {
  if (name == "orashift_xmlgen_run") return kRun;
  if (name == "orashift_xmlgen_new") return kNew;
  if (name == "orashift_xmlgen_set") return kSet;
  if (name == "orashift_xmlgen_get") return kGet;
  if (name == "orashift_xmlgen_processed") return kProcessed;
  return "";
}

std::optional<std::string> Lowerer::xmlgen_call(const std::string& fn, const ast::CallExpr* c, Span span,
                                                rewrite::SqlWriter& w) const {
  if (dialect() != Dialect::Postgres) return std::nullopt;
  if (!c) return xmlgen_constant(fn);
  if (fn == "NEWCONTEXT") {
    auto a = builtin_args(c, {"QUERYSTRING"});
    if (!a || !(*a)[0]) return std::nullopt;
    if (auto t = type_of(*(*a)[0]); t && t->sql == "refcursor")
      return helper_call("orashift_xmlgen_new", "NULL, (" + w.expr(*(*a)[0]) + ")::text");
    item(plsql_codes::kDynamicSql,
         "DBMS_XMLGEN.NEWCONTEXT's query text runs as written on PostgreSQL (not converted from Oracle SQL); column "
         "elements are named as PostgreSQL names the columns (an all-lower-case name in upper case, as Oracle "
         "names an unquoted one)",
         span);
    return helper_call("orashift_xmlgen_new", "(" + w.expr(*(*a)[0]) + ")::text, NULL");
  }
  if (fn == "GETNUMROWSPROCESSED") {
    auto a = builtin_args(c, {"CTX"});
    if (!a || !(*a)[0]) return std::nullopt;
    return helper_call("orashift_xmlgen_processed", "(" + w.expr(*(*a)[0]) + ")::numeric");
  }
  if (fn != "GETXMLTYPE" && fn != "GETXML") return std::nullopt;
  auto a = builtin_args(c, {"CTX", "DTDORSCHEMA"});
  if (!a || !(*a)[0]) return std::nullopt;
  if (oracle_family_of(*(*a)[0]) == "NUMBER") {
    // GETXML(ctx [, NONE]): a DTD or schema (DTD, SCHEMA) is not written.
    if ((*a)[1] && w.expr(*(*a)[1]) != "0") {
      item(plsql_codes::kNotConvertible, "DBMS_XMLGEN." + fn + " with a DTD or XML schema is not converted", span);
      return std::nullopt;
    }
    res_.helpers.insert("orashift_xmlgen_run");
    std::string doc = helper_call("orashift_xmlgen_get", "(" + w.expr(*(*a)[0]) + ")::numeric, " + (fn == "GETXML" ? "true" : "false"));
    return fn == "GETXML" ? doc : "XMLPARSE(DOCUMENT " + doc + ")";
  }
  if (c->args.size() != 1) return std::nullopt;
  item(plsql_codes::kDynamicSql,
       "DBMS_XMLGEN." + fn + " runs its query text as written on PostgreSQL (not converted from Oracle SQL); column "
       "elements are named as PostgreSQL names the columns (an all-lower-case name in upper case, as Oracle "
       "names an unquoted one)",
       span);
  std::string doc =
      "(" + helper_call("orashift_xmlgen_run", "(" + w.expr(*(*a)[0]) + ")::text, 'ROW', 'ROWSET', 0, 0, NULL, " +
                                                   (fn == "GETXML" ? "true" : "false")) + ").doc";
  return fn == "GETXML" ? doc : "XMLPARSE(DOCUMENT " + doc + ")";
}

bool Lowerer::xmlgen_statement(const std::string& fn, const ast::CallExpr* c, Span span, PgBody& out) {
  if (dialect() != Dialect::Postgres || !c) return false;
  static const std::map<std::string, std::pair<const char*, const char*>> setters = {
      {"SETROWTAG", {"row", "ROWTAGNAME"}},     {"SETROWSETTAG", {"rowset", "ROWSETTAGNAME"}},
      {"SETNULLHANDLING", {"nulls", "FLAG"}},   {"SETMAXROWS", {"max", "MAXROWS"}},
      {"SETSKIPROWS", {"skip", "SKIPROWS"}},    {"CLEARBINDINGS", {"clearbinds", nullptr}},
      {"RESTARTQUERY", {"restart", nullptr}},   {"CLOSECONTEXT", {"close", nullptr}},
      {"SETBINDVALUE", {"bind", nullptr}},
  };
  auto it = setters.find(fn);
  if (it == setters.end()) return false;
  auto [setting, param] = it->second;
  std::vector<const char*> params = {"CTX"};
  if (param) params.push_back(param);
  if (fn == "SETBINDVALUE") params = {"CTX", "BINDNAME", "BINDVALUE"};
  auto a = builtin_args(c, params);
  if (!a) return false;
  for (const ast::Expr* e : *a)
    if (!e) return false;
  std::string ctx = "(" + expr(*(*a)[0]) + ")::numeric";
  std::string value = "NULL", name = "NULL";
  if (fn == "SETBINDVALUE") {
    name = "(" + expr(*(*a)[1]) + ")::text";
    value = "(" + expr(*(*a)[2]) + ")::text";
  } else if (param) {
    value = "(" + expr(*(*a)[1]) + ")::text";
  }
  out.push_back(PgStmt::simple(
      "PERFORM " + helper_call("orashift_xmlgen_set", ctx + ", '" + setting + "', " + value + ", " + name), span));
  return true;
}

}  // namespace orashift::plsql
