// Session instrumentation and STANDARD's functions on PostgreSQL: Oracle Database PL/SQL Packages
// and Types Reference 19c, "DBMS_SESSION.SET_IDENTIFIER", "DBMS_APPLICATION_INFO.SET_MODULE";
// SQL Language Reference, "SYS_CONTEXT" (USERENV's CLIENT_IDENTIFIER, MODULE, ACTION).
#include "plsql_harness.h"
#include "require_env.h"

namespace {

const char* kSessionInfo = R"(
CREATE OR REPLACE FUNCTION tag_session(p_user VARCHAR2) RETURN VARCHAR2 IS
  l_before VARCHAR2(100);
BEGIN
  l_before := NVL(SYS_CONTEXT('USERENV', 'CLIENT_IDENTIFIER'), 'unset');
  DBMS_SESSION.SET_IDENTIFIER(p_user);
  DBMS_APPLICATION_INFO.SET_MODULE('billing', 'close month');
  RETURN l_before || '>' || SYS_CONTEXT('USERENV', 'CLIENT_IDENTIFIER') || ' ' || SYS_CONTEXT('USERENV', 'MODULE') || '/' ||
         SYS_CONTEXT('USERENV', 'ACTION') || ' ' || SYS.STANDARD.TO_CHAR(42) || ' ' ||
         SYS.UTL_RAW.CAST_TO_VARCHAR2(SYS.UTL_RAW.CAST_TO_RAW('raw'));
END;
/
CREATE OR REPLACE FUNCTION untag_session RETURN VARCHAR2 IS
BEGIN
  DBMS_SESSION.CLEAR_IDENTIFIER;
  RETURN NVL(SYS_CONTEXT('USERENV', 'CLIENT_IDENTIFIER'), 'cleared');
END;
/
)";

}  // namespace

TEST(PlsqlSessionInfo, IdentifierModuleAndActionAreSessionState) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("session_info", kSessionInfo);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT tag_session('ann')"), "unset>ann billing/close month 42 raw");
  EXPECT_EQ(s("SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()"), "billing");
  EXPECT_EQ(s("SELECT untag_session()"), "cleared");
  e2e::Session other(u.url);  // another session starts without them
  EXPECT_EQ(other("SELECT untag_session()"), "cleared");
}
