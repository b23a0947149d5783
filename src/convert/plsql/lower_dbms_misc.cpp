// DBMS_CRYPTO beyond HASH (MAC, ENCRYPT / DECRYPT, RANDOMBYTES: pgcrypto's hmac, encrypt_iv and
// gen_random_bytes), the package constants of DBMS_CRYPTO and DBMS_DB_VERSION, and DBMS_UTILITY's
// remaining facts, DBMS_TRANSACTION.LOCAL_TRANSACTION_ID, on PostgreSQL (Oracle Database PL/SQL
// Packages and Types Reference 19c, "DBMS_CRYPTO", "DBMS_DB_VERSION", "DBMS_UTILITY",
// "DBMS_TRANSACTION").
#include <map>

#include "convert/plsql/builtin_args.h"
#include "convert/plsql/codes.h"
#include "convert/plsql/cond_comp.h"
#include "convert/plsql/lowerer.h"
#include "sql/parser.h"

namespace orashift::plsql {

namespace ast = sql::ast;
using rewrite::upper;

namespace {

// "DBMS_CRYPTO Operational Notes": the algorithm, chaining and padding constants a cipher suite
// adds up, and the hash and MAC algorithms.
const std::map<std::string, long>& crypto_constants() {
  static const std::map<std::string, long> c = {
      {"HASH_MD4", 1},          {"HASH_MD5", 2},           {"HASH_SH1", 3},           {"HASH_SH256", 4},
      {"HASH_SH384", 5},        {"HASH_SH512", 6},         {"HMAC_MD5", 1},           {"HMAC_SH1", 2},
      {"HMAC_SH256", 3},        {"HMAC_SH384", 4},         {"HMAC_SH512", 5},         {"ENCRYPT_DES", 1},
      {"ENCRYPT_3DES_2KEY", 2}, {"ENCRYPT_3DES", 3},       {"ENCRYPT_AES", 4},        {"ENCRYPT_PBE_MD5DES", 5},
      {"ENCRYPT_AES128", 6},    {"ENCRYPT_AES192", 7},     {"ENCRYPT_AES256", 8},     {"ENCRYPT_RC4", 129},
      {"CHAIN_CBC", 256},       {"CHAIN_CFB", 512},        {"CHAIN_ECB", 768},        {"CHAIN_OFB", 1024},
      {"PAD_PKCS5", 4096},      {"PAD_NONE", 8192},        {"PAD_ZERO", 12288},       {"PAD_ORCL", 16384},
      {"DES_CBC_PKCS5", 4353},  {"DES3_CBC_PKCS5", 4355}};
  return c;
}

}  // namespace

std::optional<std::string> Lowerer::dbms_misc_call(const std::string& pkg, const std::string& fn, const ast::CallExpr* c,
                                                   Span span, rewrite::SqlWriter& w) const {
  if (dialect() != Dialect::Postgres) return std::nullopt;
  if (pkg == "DBMS_DB_VERSION" && !c) return db_version_constant(fn);
  if (pkg == "DBMS_LOCK") return dbms_lock_call(fn, c, w);
  if (pkg == "DBMS_SQL") return dbms_sql_call_value(fn, c);
  if (pkg == "DBMS_FLASHBACK" && fn == "GET_SYSTEM_CHANGE_NUMBER" && (!c || c->args.empty())) {
    // The SCN is the database's logical clock; PostgreSQL's counterpart is the position in its
    // write-ahead log (its insert position), which grows as the database changes.
    item(plsql_codes::kBehaviour,
         "DBMS_FLASHBACK.GET_SYSTEM_CHANGE_NUMBER → the current WAL position as a number (pg_current_wal_insert_lsn): it grows "
         "as the database changes, as the SCN does, but no query reads data AS OF it (a flashback query is flagged where "
         "it stands)",
         span);
    return std::string("(pg_current_wal_insert_lsn() - '0/0'::pg_lsn)");
  }
  if (pkg == "DBMS_UTILITY") {
    if (fn == "IS_CLUSTER_DATABASE" && (!c || c->args.empty())) return "false";  // one server, no RAC
    if (fn == "PORT_STRING" && (!c || c->args.empty())) {
      // Oracle: the platform and protocol version ("x86_64/Linux 2.4.xx"); the server's platform
      // is what PostgreSQL's version() names after " on ".
      item(plsql_codes::kBehaviour,
           "DBMS_UTILITY.PORT_STRING → the server's platform as version() names it (x86_64-pc-linux-gnu; the whole "
           "version() text where it names none), not Oracle's port string",
           span);
      return "COALESCE(substring(version() from ' on ([^,]+)'), version())";
    }
    if (fn == "GET_CPU_TIME" && (!c || c->args.empty())) {
      item(plsql_codes::kBehaviour,
           "DBMS_UTILITY.GET_CPU_TIME → elapsed hundredths of a second (PostgreSQL does not report a session's CPU time)",
           span);
      return "(extract(epoch FROM clock_timestamp()) * 100)::bigint";
    }
    return std::nullopt;
  }
  if (pkg == "DBMS_TRANSACTION" && fn == "LOCAL_TRANSACTION_ID") {
    // LOCAL_TRANSACTION_ID(create_transaction := FALSE): the current transaction's id, NULL when
    // none is active; TRUE starts one. PostgreSQL assigns a transaction id at the first write, as
    // Oracle starts a transaction at the first DML: pg_current_xact_id_if_assigned() is NULL until
    // then, pg_current_xact_id() assigns one.
    auto a = builtin_args(c, {"CREATE_TRANSACTION"});
    if (c && !a) return std::nullopt;
    item(plsql_codes::kBehaviour,
         "DBMS_TRANSACTION.LOCAL_TRANSACTION_ID → PostgreSQL's transaction id as text: a number, not Oracle's "
         "'undo segment.slot.sequence'; equal within one transaction and NULL before its first write, as in Oracle",
         span);
    const std::string if_assigned = "pg_current_xact_id_if_assigned()::text", assign = "pg_current_xact_id()::text";
    const ast::Expr* create = a ? (*a)[0] : nullptr;
    if (!create) return if_assigned;
    std::string flag = upper(sql::compact_text(create->span));
    if (flag == "TRUE") return assign;
    if (flag == "FALSE") return if_assigned;
    return "(CASE WHEN " + w.expr(*create) + " THEN " + assign + " ELSE " + if_assigned + " END)";
  }
  if (pkg == "DBMS_RANDOM" && fn == "STRING" && c) {
    // STRING(opt, len): 'U' upper-case letters, 'L' lower-case, 'A' both, 'X' upper-case letters
    // and digits, 'P' any printable character; any other option upper-case letters.
    auto a = builtin_args(c, {"OPT", "LEN"});
    if (!a || !(*a)[0] || !(*a)[1]) return std::nullopt;
    std::string printable;
    for (char ch = ' '; ch <= '~'; ++ch) printable += ch == '\'' ? std::string("''") : std::string(1, ch);
    const std::string upper_letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", lower_letters = "abcdefghijklmnopqrstuvwxyz";
    return "(SELECT string_agg(substr(k.cs, 1 + floor(random() * length(k.cs))::integer, 1), '') FROM (SELECT CASE upper(" +
           w.expr(*(*a)[0]) + ") WHEN 'L' THEN '" + lower_letters + "' WHEN 'A' THEN '" + upper_letters + lower_letters +
           "' WHEN 'X' THEN '" + upper_letters + "0123456789' WHEN 'P' THEN '" + printable + "' ELSE '" + upper_letters +
           "' END AS cs) k, generate_series(1, (" + w.expr(*(*a)[1]) + ")::integer))";
  }
  if (pkg != "DBMS_CRYPTO") return std::nullopt;
  if (!c) {
    auto it = crypto_constants().find(fn);
    if (it == crypto_constants().end()) return std::nullopt;
    return std::to_string(it->second);
  }
  auto bytes = [&](const ast::Expr* e) {
    std::string family = oracle_family_of(*e);
    bool text = family == "CLOB" || family == "VARCHAR2" || family == "CHAR";
    return text ? "convert_to(" + w.expr(*e) + ", 'UTF8')" : w.expr(*e);  // a CLOB is its UTF-8 bytes
  };
  if (fn == "MAC") {
    auto a = builtin_args(c, {"SRC", "TYP", "KEY"});
    if (!a || !(*a)[0] || !(*a)[1] || !(*a)[2]) return std::nullopt;
    res_.uses_pgcrypto = true;
    return "hmac(" + bytes((*a)[0]) + ", " + w.expr(*(*a)[2]) + ", CASE (" + w.expr(*(*a)[1]) +
           ") WHEN 1 THEN 'md5' WHEN 2 THEN 'sha1' WHEN 3 THEN 'sha256' WHEN 4 THEN 'sha384' WHEN 5 THEN 'sha512' END)";
  }
  if (fn == "RANDOMBYTES") {
    auto a = builtin_args(c, {"NUMBER_BYTES"});
    if (!a || !(*a)[0]) return std::nullopt;
    res_.uses_pgcrypto = true;
    return "gen_random_bytes((" + w.expr(*(*a)[0]) + ")::integer)";
  }
  if (fn == "RANDOMINTEGER" && c->args.empty()) {
    res_.uses_pgcrypto = true;
    return "('x' || encode(gen_random_bytes(4), 'hex'))::bit(32)::integer";
  }
  if (fn == "ENCRYPT" || fn == "DECRYPT") {
    // The function form: ENCRYPT(src RAW, typ, key, iv := NULL) RETURN RAW.
    auto a = builtin_args(c, {"SRC", "TYP", "KEY", "IV"});
    if (!a || !(*a)[0] || !(*a)[1] || !(*a)[2]) return std::nullopt;
    res_.uses_pgcrypto = true;
    return helper_call("orashift_crypto", w.expr(*(*a)[0]) + ", (" + w.expr(*(*a)[1]) + ")::integer, " + w.expr(*(*a)[2]) +
                                              ", " + ((*a)[3] ? w.expr(*(*a)[3]) : std::string("NULL::bytea")) + ", " +
                                              (fn == "DECRYPT" ? "true" : "false"));
  }
  return std::nullopt;
}

namespace {

// A globally accessed context (CREATE CONTEXT … ACCESSED GLOBALLY): values every session sees,
// kept in an unlogged table created with the support functions (kGlobalContextTable); a value
// set for a client identifier is seen only by sessions whose CLIENT_IDENTIFIER
// (DBMS_SESSION.SET_IDENTIFIER) it is and wins over the value set for all ('' here for Oracle's
// NULL client identifier).
constexpr const char* kContextSetGlobal = R"SQL((ns text, attr text, val text, client text)
RETURNS void
LANGUAGE plpgsql
AS $orashift$
BEGIN
  INSERT INTO orashift_global_context VALUES (upper(ns), upper(attr), COALESCE(client, ''), val)
    ON CONFLICT (namespace, attribute, client_id) DO UPDATE SET value = EXCLUDED.value;
END
$orashift$;
)SQL";

constexpr const char* kContextClearGlobal = R"SQL((ns text, client text, attr text)
RETURNS void
LANGUAGE plpgsql
AS $orashift$
BEGIN
  DELETE FROM orashift_global_context
   WHERE namespace = upper(ns) AND client_id = COALESCE(client, '') AND (attr IS NULL OR attribute = upper(attr));
END
$orashift$;
)SQL";

// SYS_CONTEXT(ns, attr) when some unit writes a global context: the session's own value, else the
// global one for this session's client identifier, else the one for all sessions.
constexpr const char* kContextValue = R"SQL((ns text, attr text)
RETURNS text
LANGUAGE plpgsql
STABLE
AS $orashift$
DECLARE
  found text := NULLIF(current_setting('orashift_ctx.' || lower(ns), true), '')::jsonb ->> upper(attr);
BEGIN
  IF found IS NOT NULL THEN
    RETURN found;
  END IF;
  SELECT value INTO found FROM orashift_global_context
   WHERE namespace = upper(ns) AND attribute = upper(attr)
     AND client_id IN (COALESCE(NULLIF(current_setting('orashift.client_identifier', true), ''), ''), '')
   ORDER BY client_id DESC LIMIT 1;
  RETURN found;
END
$orashift$;
)SQL";

// Created beside each of the functions above (whichever of them an output holds), before any
// routine that calls them runs.
constexpr const char* kGlobalContextTable =
    "CREATE UNLOGGED TABLE IF NOT EXISTS orashift_global_context (\n"
    "  namespace text, attribute text, client_id text, value text, PRIMARY KEY (namespace, attribute, client_id));\n";

}  // namespace

std::string session_context_helper_sql(const std::string& name) {
  if (name == "orashift_context_set_global") return std::string(kContextSetGlobal) + kGlobalContextTable;
  if (name == "orashift_context_clear_global") return std::string(kContextClearGlobal) + kGlobalContextTable;
  if (name == "orashift_context_value") return std::string(kContextValue) + kGlobalContextTable;
  return "";
}

// Application contexts ("DBMS_SESSION.SET_CONTEXT", "CLEAR_CONTEXT", "CLEAR_ALL_CONTEXT"): the
// namespace's attributes as one jsonb object in the session setting orashift_ctx.<namespace>,
// which SYS_CONTEXT(namespace, attribute) reads (the query writer). Names are case-insensitive,
// as Oracle's; the context lives as long as the session, as a local context does. A call with a
// client identifier writes a global context instead (kContextSetGlobal above).
bool Lowerer::session_context_statement(const std::string& fn, const ast::CallExpr* call, Span span, PgBody& out) {
  auto setting = [&](const ast::Expr* ns) { return "'orashift_ctx.' || lower(" + expr(*ns) + ")"; };
  auto current = [&](const ast::Expr* ns) {
    return "COALESCE(NULLIF(current_setting(" + setting(ns) + ", true), ''), '{}')::jsonb";
  };
  auto set = [&](const ast::Expr* ns, const std::string& value) {
    out.push_back(PgStmt::simple("PERFORM set_config(" + setting(ns) + ", " + value + ", false)", span));
    return true;
  };
  auto global = [&](const char* helper, const std::string& args) {
    item(plsql_codes::kBehaviour,
         "DBMS_SESSION." + fn + " with a client identifier: a globally accessed context, kept in the unlogged table "
         "orashift_global_context that every session reads; unlike Oracle's it is transactional (a rollback undoes it) "
         "and emptied by a crash, not by a restart (docs/plsql.md)",
         span);
    out.push_back(PgStmt::simple("PERFORM " + helper_call(helper, args), span));
    return true;
  };
  if (fn == "SET_CONTEXT") {
    auto a = builtin_args(call, {"NAMESPACE", "ATTRIBUTE", "VALUE", "USERNAME", "CLIENT_ID"});
    if (a && (*a)[0] && (*a)[1] && (*a)[2] && (!(*a)[3] || null_literal((*a)[3])) && (*a)[4])
      return global("orashift_context_set_global", "(" + expr(*(*a)[0]) + ")::text, (" + expr(*(*a)[1]) + ")::text, (" +
                                                       expr(*(*a)[2]) + ")::text, (" + expr(*(*a)[4]) + ")::text");
    if (!a || !(*a)[0] || !(*a)[1] || !(*a)[2] || (*a)[3] || (*a)[4]) return false;
    return set((*a)[0], "(" + current((*a)[0]) + " || jsonb_build_object(upper(" + expr(*(*a)[1]) + "), (" + expr(*(*a)[2]) +
                            ")::text))::text");
  }
  if (fn == "CLEAR_CONTEXT") {
    // The reference names the second parameter client_identifier, the package (and code written
    // against it, such as Logger) client_id.
    auto a = builtin_args(call, {"NAMESPACE", "CLIENT_ID", "ATTRIBUTE"});
    if (!a) a = builtin_args(call, {"NAMESPACE", "CLIENT_IDENTIFIER", "ATTRIBUTE"});
    if (a && (*a)[0] && (*a)[1] && !null_literal((*a)[1]))
      return global("orashift_context_clear_global", "(" + expr(*(*a)[0]) + ")::text, (" + expr(*(*a)[1]) + ")::text, " +
                                                         ((*a)[2] ? "(" + expr(*(*a)[2]) + ")::text" : std::string("NULL::text")));
    if (!a || !(*a)[0] || ((*a)[1] && !null_literal((*a)[1]))) return false;
    if (!(*a)[2] || null_literal((*a)[2])) return set((*a)[0], "''");
    std::string attr = expr(*(*a)[2]);
    return set((*a)[0], "CASE WHEN (" + attr + ") IS NULL THEN '' ELSE (" + current((*a)[0]) + " - upper(" + attr + "))::text END");
  }
  if (fn == "CLEAR_ALL_CONTEXT") {
    auto a = builtin_args(call, {"NAMESPACE"});
    if (!a || !(*a)[0]) return false;
    return set((*a)[0], "''");
  }
  return false;
}

bool Lowerer::dbms_misc_statement(const std::string& pkg, const std::string& fn, const ast::CallExpr* call, Span span,
                                  PgBody& out) {
  if (dialect() != Dialect::Postgres || !call) return false;
  if (pkg == "DBMS_SESSION") return session_context_statement(fn, call, span, out);
  if (pkg == "DBMS_LOCK") return dbms_lock_statement(fn, call, span, out);
  if (pkg == "DBMS_SQL" && fn == "CLOSE_CURSOR") return dbms_sql_close(call, span, out);
  if (pkg == "DBMS_SQL" && fn == "COLUMN_VALUE") return dbms_sql_column_value(call, span, out);
  if (pkg == "DBMS_APPLICATION_INFO" && (fn == "READ_MODULE" || fn == "READ_CLIENT_INFO")) {
    // What SET_MODULE / SET_ACTION / SET_CLIENT_INFO wrote (lower_names.cpp), read back into the OUT arguments.
    auto a = fn == "READ_MODULE" ? builtin_args(call, {"MODULE_NAME", "ACTION_NAME"}) : builtin_args(call, {"CLIENT_INFO"});
    if (!a) return false;
    std::vector<std::string> values = fn == "READ_MODULE"
                                          ? std::vector<std::string>{"NULLIF(current_setting('application_name'), '')",
                                                                     "NULLIF(current_setting('orashift.action', true), '')"}
                                          : std::vector<std::string>{"NULLIF(current_setting('orashift.client_info', true), '')"};
    PgBody all;  // every OUT argument written, or none
    for (size_t i = 0; i < values.size(); ++i) {
      if (!(*a)[i]) return false;
      if (!assign_value(*(*a)[i], values[i], span, all)) return false;
    }
    out.insert(out.end(), std::make_move_iterator(all.begin()), std::make_move_iterator(all.end()));
    return true;
  }
  if (pkg == "DBMS_UTILITY" && fn == "DB_VERSION") {
    // DB_VERSION(version OUT, compatibility OUT): the release the conversion settled conditional
    // compilation and DBMS_DB_VERSION for, so that a branch taken on it agrees with the code
    // converted for that release; PostgreSQL's own version is current_setting('server_version').
    auto a = builtin_args(call, {"VERSION", "COMPATIBILITY"});
    if (!a || !(*a)[0] || !(*a)[1]) return false;
    std::string release = *db_version_constant("VERSION") + "." + *db_version_constant("RELEASE");
    item(plsql_codes::kBehaviour,
         "DBMS_UTILITY.DB_VERSION → '" + release + ".0.0.0' and '" + release +
             ".0', the Oracle release the code was converted for (as DBMS_DB_VERSION and conditional compilation), not "
             "PostgreSQL's: to show the server's version use current_setting('server_version')",
         span);
    PgBody both;  // both OUT arguments written, or the call is left to the caller's item
    if (!assign_value(*(*a)[0], "'" + release + ".0.0.0'", span, both) || !assign_value(*(*a)[1], "'" + release + ".0'", span, both))
      return false;
    out.insert(out.end(), std::make_move_iterator(both.begin()), std::make_move_iterator(both.end()));
    return true;
  }
  if (pkg != "DBMS_CRYPTO" || (fn != "ENCRYPT" && fn != "DECRYPT")) return false;
  // The procedure form: ENCRYPT(dst IN OUT BLOB, src BLOB, typ, key, iv := NULL).
  auto a = builtin_args(call, {"DST", "SRC", "TYP", "KEY", "IV"});
  if (!a || !(*a)[0] || !(*a)[1] || !(*a)[2] || !(*a)[3]) return false;
  res_.uses_pgcrypto = true;
  std::string value = helper_call("orashift_crypto", expr(*(*a)[1]) + ", (" + expr(*(*a)[2]) + ")::integer, " + expr(*(*a)[3]) +
                                                         ", " + ((*a)[4] ? expr(*(*a)[4]) : std::string("NULL::bytea")) + ", " +
                                                         (fn == "DECRYPT" ? "true" : "false"));
  return assign_value(*(*a)[0], value, span, out);
}

}  // namespace orashift::plsql
