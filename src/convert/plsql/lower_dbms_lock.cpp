// DBMS_LOCK's user locks on PostgreSQL's advisory locks ("DBMS_LOCK", PL/SQL Packages and Types
// Reference): ALLOCATE_UNIQUE gives a name a handle (the name's 64-bit hash as text), REQUEST and
// RELEASE return Oracle's status codes (0 success, 1 timeout, 2 deadlock, 4 already own / do not
// own). PostgreSQL has two lock modes: SS and S (row share, share) are taken shared, SX, SSX and
// X exclusive — stricter than Oracle for SX, which Oracle lets two sessions hold together.
// RELEASE_ON_COMMIT takes the transaction-level lock.
#include <map>

#include "convert/plsql/builtin_args.h"
#include "convert/plsql/lowerer.h"
#include "convert/query/sql_writer.h"

namespace orashift::plsql {

namespace {

// Already held by this session (either mode): pg_locks names a bigint key as classid (high 32
// bits) and objid (low 32 bits) with objsubid 1.
constexpr const char* kHeld =
    "EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND objsubid = 1 "
    "AND classid::bigint = ((key >> 32) & 4294967295) AND objid::bigint = (key & 4294967295) AND granted)";

std::string request_sql() {
  return std::string(R"SQL((key bigint, lockmode integer, timeout numeric, on_commit boolean)
RETURNS integer
LANGUAGE plpgsql
AS $orashift$
DECLARE
  shared boolean := lockmode IN (1, 2, 4);
  deadline timestamptz := clock_timestamp() + make_interval(secs => COALESCE(timeout, 32767));
  got boolean;
BEGIN
  IF key IS NULL OR lockmode NOT BETWEEN 1 AND 6 THEN
    RETURN 3;
  END IF;
  IF )SQL") + kHeld + R"SQL( THEN
    RETURN 4;
  END IF;
  IF lockmode = 1 THEN
    RETURN 0;
  END IF;
  LOOP
    got := CASE WHEN on_commit AND shared THEN pg_try_advisory_xact_lock_shared(key)
                WHEN on_commit THEN pg_try_advisory_xact_lock(key)
                WHEN shared THEN pg_try_advisory_lock_shared(key)
                ELSE pg_try_advisory_lock(key) END;
    IF got THEN
      RETURN 0;
    END IF;
    IF COALESCE(timeout, 32767) < 32767 AND clock_timestamp() >= deadline THEN
      RETURN 1;
    END IF;
    PERFORM pg_sleep(0.01);
  END LOOP;
EXCEPTION
  WHEN deadlock_detected THEN
    RETURN 2;
END
$orashift$;
)SQL";
}

constexpr const char* kRelease = R"SQL((key bigint)
RETURNS integer
LANGUAGE plpgsql
AS $orashift$
BEGIN
  IF key IS NULL THEN
    RETURN 3;
  END IF;
  IF pg_advisory_unlock(key) THEN
    RETURN 0;
  END IF;
  RETURN CASE WHEN pg_advisory_unlock_shared(key) THEN 0 ELSE 4 END;
END
$orashift$;
)SQL";

}  // namespace

std::string dbms_lock_helper_sql(const std::string& name) {
  if (name == "orashift_lock_request") return request_sql();
  if (name == "orashift_lock_release") return kRelease;
  return "";
}

std::optional<std::string> Lowerer::dbms_lock_call(const std::string& fn, const ast::CallExpr* c, rewrite::SqlWriter& w) const {
  static const std::map<std::string, std::string> modes = {{"NL_MODE", "1"}, {"SS_MODE", "2"}, {"SX_MODE", "3"},
                                                          {"S_MODE", "4"},  {"SSX_MODE", "5"}, {"X_MODE", "6"},
                                                          {"MAXWAIT", "32767"}};
  if (!c) {
    auto it = modes.find(fn);
    return it == modes.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
  // REQUEST(id | lockhandle, lockmode := X_MODE, timeout := MAXWAIT, release_on_commit := FALSE):
  // an id and a handle are both the lock's key.
  auto key = [&](const ast::Expr* e) { return "((" + w.expr(*e) + ")::text)::bigint"; };
  if (fn == "REQUEST") {
    auto a = builtin_args(c, {"ID", "LOCKMODE", "TIMEOUT", "RELEASE_ON_COMMIT"});
    if (!a) a = builtin_args(c, {"LOCKHANDLE", "LOCKMODE", "TIMEOUT", "RELEASE_ON_COMMIT"});
    if (!a || !(*a)[0]) return std::nullopt;
    return helper_call("orashift_lock_request", key((*a)[0]) + ", " + ((*a)[1] ? "(" + w.expr(*(*a)[1]) + ")::integer" : "6") +
                                                     ", " + ((*a)[2] ? "(" + w.expr(*(*a)[2]) + ")::numeric" : "32767") + ", " +
                                                     ((*a)[3] ? w.expr(*(*a)[3]) : "false"));
  }
  if (fn == "RELEASE") {
    auto a = builtin_args(c, {"ID"});
    if (!a) a = builtin_args(c, {"LOCKHANDLE"});
    if (!a || !(*a)[0]) return std::nullopt;
    return helper_call("orashift_lock_release", key((*a)[0]));
  }
  return std::nullopt;
}

bool Lowerer::dbms_lock_statement(const std::string& fn, const ast::CallExpr* call, Span span, PgBody& out) {
  if (fn != "ALLOCATE_UNIQUE") return false;
  // ALLOCATE_UNIQUE(lockname, lockhandle OUT, expiration_secs): the same name gives the same handle
  // in every session, as Oracle's does.
  auto a = builtin_args(call, {"LOCKNAME", "LOCKHANDLE", "EXPIRATION_SECS"});
  if (!a || !(*a)[0] || !(*a)[1]) return false;
  // The name is VARCHAR2: a RAW one is converted as Oracle does (RAWTOHEX).
  std::string name = raw_conversion(*(*a)[0], oracle_family_of(*(*a)[0]), "VARCHAR2", "argument", expr(*(*a)[0]));
  std::string value = "hashtextextended(" + name + ", 0)::text";
  return assign_value(*(*a)[1], value, span, out);
}

}  // namespace orashift::plsql
