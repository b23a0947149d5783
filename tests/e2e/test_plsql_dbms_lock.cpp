// DBMS_LOCK on PostgreSQL's advisory locks, two sessions, with the status codes Oracle Database
// PL/SQL Packages and Types Reference 19c, "DBMS_LOCK" gives: REQUEST returns 0 (success),
// 1 (timeout), 4 (already own lock); RELEASE returns 0, or 4 when the session does not own the
// lock; ALLOCATE_UNIQUE returns the same handle for the same name in every session; X_MODE is
// exclusive, S_MODE shared.
#include "plsql_harness.h"
#include "require_env.h"

namespace {

const char* kLocks = R"(
CREATE OR REPLACE FUNCTION lock_handle(p_name VARCHAR2) RETURN VARCHAR2 IS
  l_handle VARCHAR2(128);
BEGIN
  DBMS_LOCK.ALLOCATE_UNIQUE(p_name, l_handle);
  RETURN l_handle;
END;
/
CREATE OR REPLACE FUNCTION take(p_name VARCHAR2, p_mode INTEGER, p_wait NUMBER) RETURN INTEGER IS
BEGIN
  RETURN DBMS_LOCK.REQUEST(lock_handle(p_name), p_mode, p_wait);
END;
/
CREATE OR REPLACE FUNCTION take_x(p_name VARCHAR2) RETURN INTEGER IS
BEGIN
  RETURN DBMS_LOCK.REQUEST(lockhandle => lock_handle(p_name), lockmode => DBMS_LOCK.X_MODE, timeout => 0);
END;
/
CREATE OR REPLACE FUNCTION take_s(p_name VARCHAR2) RETURN INTEGER IS
BEGIN
  RETURN DBMS_LOCK.REQUEST(lock_handle(p_name), DBMS_LOCK.S_MODE, 0);
END;
/
CREATE OR REPLACE FUNCTION give(p_name VARCHAR2) RETURN INTEGER IS
BEGIN
  RETURN DBMS_LOCK.RELEASE(lock_handle(p_name));
END;
/
)";

}  // namespace

TEST(PlsqlDbmsLock, RequestAndReleaseAcrossSessionsAsOracleDocumentsThem) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("dbms_lock", kLocks);
  e2e::expect_all_applied(u);
  e2e::Session a(u.url), b(u.url);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a("SELECT lock_handle('orders')"), b("SELECT lock_handle('orders')"));
  EXPECT_NE(a("SELECT lock_handle('orders')"), a("SELECT lock_handle('invoices')"));
  EXPECT_EQ(a("SELECT take_x('orders')"), "0");
  EXPECT_EQ(a("SELECT take_x('orders')"), "4");   // already own lock
  EXPECT_EQ(b("SELECT take_x('orders')"), "1");   // held exclusively elsewhere: timeout
  EXPECT_EQ(b("SELECT take('orders', 6, 0.2)"), "1");  // waited 0.2 s, then timeout
  EXPECT_EQ(b("SELECT give('orders')"), "4");     // b does not own it
  EXPECT_EQ(a("SELECT give('orders')"), "0");
  EXPECT_EQ(b("SELECT take_x('orders')"), "0");   // free now
  EXPECT_EQ(b("SELECT give('orders')"), "0");
  // Shared locks are held together; an exclusive request waits for them.
  EXPECT_EQ(a("SELECT take_s('invoices')"), "0");
  EXPECT_EQ(b("SELECT take_s('invoices')"), "0");
  EXPECT_EQ(b("SELECT give('invoices')"), "0");
  EXPECT_EQ(b("SELECT take_x('invoices')"), "1");
  EXPECT_EQ(a("SELECT give('invoices')"), "0");
  EXPECT_EQ(b("SELECT take_x('invoices')"), "0");
}
