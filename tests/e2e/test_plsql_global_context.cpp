// Globally accessed application contexts converted for PostgreSQL and compared with Oracle
// Database Security Guide 19c, "Using Global Application Contexts" (values set in a global
// context are available to every session; a value set for a client identifier is available only
// to sessions whose CLIENT_IDENTIFIER is that identifier, a value set with a NULL client
// identifier to all sessions; the session-specific value is returned where both exist) and
// PL/SQL Packages and Types Reference 19c, "DBMS_SESSION" (SET_CONTEXT's client_id, CLEAR_CONTEXT's
// client_identifier and attribute: a NULL attribute clears every attribute of that client). As in
// Logger, the namespace is written by one package (its trusted package) and read with SYS_CONTEXT.
#include "plsql_harness.h"
#include "require_env.h"

namespace {

const char* kGlobal = R"(
CREATE OR REPLACE PACKAGE prefs AS
  PROCEDURE set_level(p_level VARCHAR2, p_client_id VARCHAR2 DEFAULT NULL);
  PROCEDURE unset_client(p_client_id VARCHAR2);
  FUNCTION get_level RETURN VARCHAR2;
END prefs;
/
CREATE OR REPLACE PACKAGE BODY prefs AS
  g_ctx CONSTANT VARCHAR2(30) := 'PREFS_CTX';
  PROCEDURE set_level(p_level VARCHAR2, p_client_id VARCHAR2 DEFAULT NULL) IS
  BEGIN
    DBMS_SESSION.SET_CONTEXT(namespace => g_ctx, attribute => 'level', value => p_level, client_id => p_client_id);
  END;
  PROCEDURE unset_client(p_client_id VARCHAR2) IS
  BEGIN
    DBMS_SESSION.CLEAR_CONTEXT(namespace => g_ctx, client_id => p_client_id, attribute => 'LEVEL');  -- as Logger names it
  END;
  FUNCTION get_level RETURN VARCHAR2 IS
  BEGIN
    RETURN NVL(SYS_CONTEXT(g_ctx, 'LEVEL'), 'none');
  END;
END prefs;
/
)";

}  // namespace

TEST(PlsqlGlobalContext, ValuesAreSharedByEverySessionAndFilteredByClientIdentifier) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("global_context", kGlobal);
  e2e::expect_all_applied(u);
  e2e::Session a(u.url), b(u.url), c(u.url);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(b("SELECT prefs.get_level()"), "none");
  EXPECT_EQ(a("CALL prefs.set_level('ERROR')"), "OK");  // for every session
  EXPECT_EQ(b("SELECT prefs.get_level()"), "ERROR");
  // A value for client 'dbg' only: session c with that identifier sees it, b does not.
  EXPECT_EQ(a("CALL prefs.set_level('DEBUG', 'dbg')"), "OK");
  EXPECT_EQ(c("SELECT set_config('orashift.client_identifier', 'dbg', false) IS NOT NULL"), "t");
  EXPECT_EQ(c("SELECT prefs.get_level()"), "DEBUG");
  EXPECT_EQ(b("SELECT prefs.get_level()"), "ERROR");
  // Cleared for 'dbg': c sees the value for all sessions again.
  EXPECT_EQ(a("CALL prefs.unset_client('dbg')"), "OK");
  EXPECT_EQ(c("SELECT prefs.get_level()"), "ERROR");
  // A new session sees what was set before it started.
  e2e::Session d(u.url);
  EXPECT_EQ(d("SELECT prefs.get_level()"), "ERROR");
}
