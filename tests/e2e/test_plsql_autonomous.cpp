// PRAGMA AUTONOMOUS_TRANSACTION on PostgreSQL through dblink: what Oracle Database PL/SQL Language
// Reference 19c, "AUTONOMOUS_TRANSACTION Pragma" and "Autonomous Transactions", says — the
// autonomous routine's COMMIT is its own, and its changes stay when the caller rolls back.
#include "plsql_harness.h"
#include "require_env.h"

namespace {

const char* kAutonomous = R"(
CREATE TABLE audit_log (id NUMBER, msg VARCHAR2(200));
CREATE TABLE work_rows (id NUMBER);

CREATE OR REPLACE PROCEDURE log_msg(p_id NUMBER, p_msg VARCHAR2 DEFAULT 'none') IS
  PRAGMA AUTONOMOUS_TRANSACTION;
BEGIN
  INSERT INTO audit_log VALUES (p_id, p_msg);
  COMMIT;
END;
/
CREATE OR REPLACE FUNCTION next_log_id RETURN NUMBER IS
  PRAGMA AUTONOMOUS_TRANSACTION;
  n NUMBER;
BEGIN
  SELECT COUNT(*) + 1 INTO n FROM audit_log;
  INSERT INTO audit_log VALUES (n, 'counted');
  COMMIT;
  RETURN n;
END;
/
CREATE OR REPLACE PROCEDURE log_and_count(p_msg VARCHAR2, p_total OUT NUMBER, p_seen IN OUT VARCHAR2) IS
  PRAGMA AUTONOMOUS_TRANSACTION;
BEGIN
  INSERT INTO audit_log VALUES (10, p_msg);
  COMMIT;
  SELECT COUNT(*) INTO p_total FROM audit_log;
  p_seen := p_seen || '+' || p_msg;
END;
/
CREATE OR REPLACE TYPE counter_t AS OBJECT (
  n NUMBER,
  MEMBER PROCEDURE bump_and_log(p_msg VARCHAR2),
  MEMBER FUNCTION log_count(p_tag VARCHAR2) RETURN NUMBER
);
/
CREATE OR REPLACE TYPE BODY counter_t AS
  MEMBER PROCEDURE bump_and_log(p_msg VARCHAR2) IS
    PRAGMA AUTONOMOUS_TRANSACTION;
  BEGIN
    n := n + 1;
    INSERT INTO audit_log VALUES (20 + n, p_msg);
    COMMIT;
  END;
  -- utPLSQL's ut_output_table_buffer.get_lines: a nested autonomous procedure reading the
  -- method's SELF and a local of the method.
  MEMBER FUNCTION log_count(p_tag VARCHAR2) RETURN NUMBER IS
    l_base NUMBER := 30;
    l_rows NUMBER;
    PROCEDURE write_row(p_suffix VARCHAR2) IS
      PRAGMA AUTONOMOUS_TRANSACTION;
    BEGIN
      INSERT INTO audit_log VALUES (l_base + self.n, p_tag || p_suffix);
      COMMIT;
    END;
  BEGIN
    write_row('!');
    SELECT COUNT(*) INTO l_rows FROM audit_log WHERE id >= 30;
    RETURN l_rows;
  END;
END;
/
CREATE OR REPLACE FUNCTION use_out_and_self RETURN VARCHAR2 IS
  l_total NUMBER;
  l_seen VARCHAR2(100) := 'start';
  l_counter counter_t := counter_t(0);
BEGIN
  log_and_count('out', l_total, l_seen);
  l_counter.bump_and_log('member');
  l_counter.bump_and_log('again');
  RETURN l_total || ' ' || l_seen || ' ' || l_counter.n;
END;
/
-- Logger's ins_logger_logs: defaults before an OUT parameter (PostgreSQL keeps defaults on the last
-- parameters only; the wrapper, like the body, drops the earlier ones).
CREATE OR REPLACE PROCEDURE log_with_id(p_msg VARCHAR2 DEFAULT 'x', p_id OUT NUMBER) IS
  PRAGMA AUTONOMOUS_TRANSACTION;
BEGIN
  SELECT COUNT(*) + 100 INTO p_id FROM audit_log;
  INSERT INTO audit_log VALUES (p_id, p_msg);
  COMMIT;
END;
/
CREATE OR REPLACE FUNCTION logged_id RETURN NUMBER IS
  l_id NUMBER;
BEGIN
  log_with_id('with id', l_id);
  RETURN l_id;
END;
/
CREATE OR REPLACE PROCEDURE do_work IS
BEGIN
  INSERT INTO work_rows VALUES (1);
  log_msg(1, 'it''s started');
  RAISE_APPLICATION_ERROR(-20001, 'failed');
END;
/
)";

}  // namespace

TEST(PlsqlAutonomous, CommitsOfItsOwnSurviveTheCallersRollback) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("autonomous", kAutonomous);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  // do_work fails after logging: its own insert is rolled back, the autonomous log row stays.
  EXPECT_NE(s("CALL do_work()").find("ERROR OR001"), std::string::npos);
  EXPECT_EQ(s("SELECT count(*) FROM work_rows"), "0");
  EXPECT_EQ(s("SELECT string_agg(id || ':' || msg, ',') FROM audit_log"), "1:it's started");
  // A function's result comes back; its insert survives the caller's ROLLBACK.
  s("BEGIN");
  EXPECT_EQ(s("SELECT next_log_id()"), "2");
  s("ROLLBACK");
  // Defaults and named notation reach the body.
  s("CALL log_msg(3)");
  s("CALL log_msg(p_msg => 'named', p_id => 4)");
  EXPECT_EQ(s("SELECT string_agg(id || ':' || msg, ',' ORDER BY id) FROM audit_log"),
            "1:it's started,2:counted,3:none,4:named");
  // OUT and IN OUT parameters and a member procedure's SELF come back from the second connection;
  // the rows committed there stay after the caller's ROLLBACK.
  s("BEGIN");
  EXPECT_EQ(s("SELECT use_out_and_self()"), "5 start+out 2");
  s("ROLLBACK");
  EXPECT_EQ(s("SELECT string_agg(id || ':' || msg, ',' ORDER BY id) FROM audit_log WHERE id >= 10"),
            "10:out,21:member,22:again");
  // The nested autonomous procedure gets SELF and the method's local through the second
  // connection; its row stays after the caller's ROLLBACK.
  s("BEGIN");
  EXPECT_EQ(s("SELECT counter_t.log_count(ROW(4)::counter_t, 'tag')"), "1");
  s("ROLLBACK");
  EXPECT_EQ(s("SELECT string_agg(id || ':' || msg, ',') FROM audit_log WHERE id >= 30"), "34:tag!");
  EXPECT_EQ(s("SELECT logged_id()"), "108");  // eight rows before it
  EXPECT_EQ(s("SELECT msg FROM audit_log WHERE id = 108"), "with id");
}
