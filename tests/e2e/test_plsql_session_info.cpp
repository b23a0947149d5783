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

// DBMS_TRANSACTION.LOCAL_TRANSACTION_ID (PL/SQL Packages and Types Reference 19c): the current
// transaction's identifier, NULL when there is none; create_transaction => TRUE starts one.
// utPLSQL's ut_executable compares it before and after a test to see whether the test ended the
// transaction. On PostgreSQL a transaction has an id from its first write on.
TEST(PlsqlSessionInfo, LocalTransactionIdIsNullUntilTheFirstWrite) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("local_xid", R"(
CREATE TABLE marks (n NUMBER);
CREATE OR REPLACE FUNCTION xid_story RETURN VARCHAR2 IS
  l_before VARCHAR2(200);
  l_after  VARCHAR2(200);
  l_again  VARCHAR2(200);
BEGIN
  l_before := DBMS_TRANSACTION.LOCAL_TRANSACTION_ID;
  INSERT INTO marks VALUES (1);
  l_after := DBMS_TRANSACTION.LOCAL_TRANSACTION_ID();
  l_again := DBMS_TRANSACTION.LOCAL_TRANSACTION_ID(create_transaction => FALSE);
  RETURN CASE WHEN l_before IS NULL THEN 'none' ELSE 'some' END || ','
      || CASE WHEN l_after IS NOT NULL AND l_after = l_again THEN 'same' ELSE 'differs' END;
END;
/
CREATE OR REPLACE FUNCTION xid_created RETURN VARCHAR2 IS
BEGIN
  RETURN CASE WHEN DBMS_TRANSACTION.LOCAL_TRANSACTION_ID(TRUE) IS NOT NULL THEN 'started' ELSE 'none' END;
END;
/
)");
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT xid_story()"), "none,same");
  EXPECT_EQ(s("SELECT xid_created()"), "started");
}
