// Behaviour of converted PL/SQL on the real PostgreSQL test server, against what Oracle's
// documentation says the same program does (Oracle Database PL/SQL Language Reference 19c; the
// section is named beside each expectation). Each test converts an Oracle script with
// `orashift convert --target postgres`, applies it with `orashift apply`, and calls it.
#include "plsql_harness.h"
#include "require_env.h"

namespace {

#define NEED_PG()                       \
  if (!std::getenv("ORASHIFT_TEST_PG")) \
    ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set"

const char* kEmp = R"(
CREATE TABLE emp (id NUMBER(6) PRIMARY KEY, name VARCHAR2(30), dept NUMBER(4), salary NUMBER(8,2), updated DATE);
)";

}  // namespace

// "SELECT INTO Statement": no row raises NO_DATA_FOUND, more than one TOO_MANY_ROWS; handlers by name.
TEST(PlsqlBehaviour, SelectIntoRaisesLikeOracle) {
  NEED_PG();
  auto u = e2e::convert_and_apply("selinto", std::string(kEmp) + R"(
CREATE OR REPLACE FUNCTION emp_name (p_dept IN NUMBER) RETURN VARCHAR2 IS
  v emp.name%TYPE;
BEGIN
  SELECT name INTO v FROM emp WHERE dept = p_dept;
  RETURN v;
EXCEPTION
  WHEN NO_DATA_FOUND THEN RETURN 'none';
  WHEN TOO_MANY_ROWS THEN RETURN 'many';
END;
/
)");
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  s("INSERT INTO emp VALUES (1, 'Ann', 10, 100, NULL), (2, 'Bob', 20, 200, NULL), (3, 'Cy', 20, 300, NULL)");
  EXPECT_EQ(s("SELECT emp_name(10)"), "Ann");
  EXPECT_EQ(s("SELECT emp_name(30)"), "none");
  EXPECT_EQ(s("SELECT emp_name(20)"), "many");
}

// "RAISE_APPLICATION_ERROR Procedure", "SQLCODE Function" (user-defined exception: +1,
// EXCEPTION_INIT: the number), "Exception Propagation" (an unhandled exception reaches the caller).
TEST(PlsqlBehaviour, ExceptionsAndSqlcode) {
  NEED_PG();
  auto u = e2e::convert_and_apply("exc", R"(
CREATE OR REPLACE PACKAGE errs IS
  bad_input EXCEPTION;
  PRAGMA EXCEPTION_INIT(bad_input, -20042);
  PROCEDURE check_positive (n NUMBER);
  FUNCTION code_of (n NUMBER) RETURN NUMBER;
  FUNCTION user_code RETURN NUMBER;
END errs;
/
CREATE OR REPLACE PACKAGE BODY errs IS
  PROCEDURE check_positive (n NUMBER) IS
  BEGIN
    IF n <= 0 THEN
      RAISE_APPLICATION_ERROR(-20042, 'not positive: ' || n);
    END IF;
  END check_positive;
  FUNCTION code_of (n NUMBER) RETURN NUMBER IS
  BEGIN
    check_positive(n);
    RETURN 0;
  EXCEPTION
    WHEN bad_input THEN RETURN SQLCODE;
  END code_of;
  FUNCTION user_code RETURN NUMBER IS
    mine EXCEPTION;
  BEGIN
    RAISE mine;
  EXCEPTION
    WHEN mine THEN RETURN SQLCODE;
  END user_code;
END errs;
/
CREATE OR REPLACE FUNCTION safe_div (a NUMBER, b NUMBER) RETURN NUMBER IS
BEGIN
  RETURN a / b;
EXCEPTION
  WHEN ZERO_DIVIDE THEN RETURN NULL;
END;
/
)");
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT errs.code_of(5)"), "0");
  EXPECT_EQ(s("SELECT errs.code_of(-1)"), "-20042");
  EXPECT_EQ(s("SELECT errs.user_code()"), "1");
  EXPECT_EQ(s("CALL errs.check_positive(-3)"), "ERROR OR042: not positive: -3");
  EXPECT_EQ(s("SELECT safe_div(1, 0)"), "NULL");
  EXPECT_EQ(s("SELECT safe_div(6, 3)"), "2.0000000000000000");
}

// "Explicit Cursor Attributes": %ROWCOUNT counts rows fetched so far, %NOTFOUND is TRUE after a
// FETCH that returned no row, %ISOPEN after OPEN and CLOSE; cursor FOR loops with parameters.
TEST(PlsqlBehaviour, CursorAttributesAndLoops) {
  NEED_PG();
  auto u = e2e::convert_and_apply("cursors", std::string(kEmp) + R"(
CREATE OR REPLACE FUNCTION cursor_facts (p_dept NUMBER) RETURN VARCHAR2 IS
  CURSOR c (d NUMBER) IS SELECT name FROM emp WHERE dept = d ORDER BY id;
  v_name emp.name%TYPE;
  v_out VARCHAR2(200);
  v_open_before BOOLEAN;
BEGIN
  v_open_before := c%ISOPEN;
  OPEN c(p_dept);
  LOOP
    FETCH c INTO v_name;
    EXIT WHEN c%NOTFOUND;
    v_out := v_out || v_name || ',';
  END LOOP;
  v_out := v_out || 'rows=' || c%ROWCOUNT;
  IF c%ISOPEN AND NOT v_open_before THEN v_out := v_out || ' open'; END IF;
  CLOSE c;
  IF NOT c%ISOPEN THEN v_out := v_out || ' closed'; END IF;
  RETURN v_out;
END;
/
CREATE OR REPLACE FUNCTION total_salary (p_dept NUMBER) RETURN NUMBER IS
  CURSOR c (d NUMBER) IS SELECT salary FROM emp WHERE dept = d;
  total NUMBER := 0;
BEGIN
  FOR r IN c(p_dept) LOOP
    total := total + r.salary;
  END LOOP;
  FOR r IN (SELECT salary FROM emp WHERE dept = p_dept) LOOP
    total := total + r.salary;
  END LOOP;
  RETURN total;
END;
/
)");
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  s("INSERT INTO emp VALUES (1, 'Ann', 10, 100, NULL), (2, 'Bob', 20, 200, NULL), (3, 'Cy', 20, 300, NULL)");
  EXPECT_EQ(s("SELECT cursor_facts(20)"), "Bob,Cy,rows=2 open closed");
  EXPECT_EQ(s("SELECT cursor_facts(99)"), "rows=0 open closed");
  EXPECT_EQ(s("SELECT total_salary(20)"), "1000.00");
}

// "Subprogram Parameter Modes" (OUT and IN OUT), "Positional, Named, and Mixed Notation",
// "Default Values for IN Subprogram Parameters".
TEST(PlsqlBehaviour, OutInOutNamedAndDefaultArguments) {
  NEED_PG();
  auto u = e2e::convert_and_apply("params", R"(
CREATE OR REPLACE PROCEDURE split_name (p_full IN VARCHAR2, p_first OUT VARCHAR2, p_count IN OUT NUMBER) IS
BEGIN
  p_first := SUBSTR(p_full, 1, INSTR(p_full, ' ') - 1);
  p_count := p_count + 1;
END;
/
CREATE OR REPLACE FUNCTION greet (p_name VARCHAR2, p_greeting VARCHAR2 DEFAULT 'Hello') RETURN VARCHAR2 IS
BEGIN
  RETURN p_greeting || ', ' || p_name;
END;
/
CREATE OR REPLACE FUNCTION use_them RETURN VARCHAR2 IS
  v_first VARCHAR2(30);
  v_n NUMBER := 10;
BEGIN
  split_name('Ada Lovelace', v_first, v_n);
  split_name(p_count => v_n, p_first => v_first, p_full => 'Alan Turing');
  RETURN v_first || ' ' || v_n || ' ' || greet('Bob') || ' ' || greet(p_greeting => 'Hi', p_name => 'Eve');
END;
/
)");
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT use_them()"), "Alan 12 Hello, Bob Hi, Eve");
}

// "Package State": package variables keep their values for the life of the session and start
// again from their initial values in a new session; the initialization part runs once.
TEST(PlsqlBehaviour, PackageStatePerSession) {
  NEED_PG();
  auto u = e2e::convert_and_apply("pkgstate", R"(
CREATE OR REPLACE PACKAGE counter IS
  step CONSTANT NUMBER := 5;
  FUNCTION next_value RETURN NUMBER;
  FUNCTION inits RETURN NUMBER;
END counter;
/
CREATE OR REPLACE PACKAGE BODY counter IS
  g_value NUMBER := 100;
  g_inits NUMBER := 0;
  FUNCTION next_value RETURN NUMBER IS
  BEGIN
    g_value := g_value + step;
    RETURN g_value;
  END next_value;
  FUNCTION inits RETURN NUMBER IS
  BEGIN
    RETURN g_inits;
  END inits;
BEGIN
  g_inits := g_inits + 1;
END counter;
/
)");
  e2e::expect_all_applied(u);
  {
    e2e::Session s(u.url);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s("SELECT counter.next_value()"), "105");
    EXPECT_EQ(s("SELECT counter.next_value()"), "110");
    EXPECT_EQ(s("SELECT counter.inits()"), "1");
  }
  e2e::Session fresh(u.url);
  EXPECT_EQ(fresh("SELECT counter.next_value()"), "105");
}

// "DML Triggers": a BEFORE row trigger changes :NEW; RAISE_APPLICATION_ERROR in a trigger
// rejects the statement; a statement trigger fires once per statement; "Conditional
// Predicates" INSERTING/UPDATING; the key-from-sequence trigger becomes a column DEFAULT.
TEST(PlsqlBehaviour, Triggers) {
  NEED_PG();
  auto u = e2e::convert_and_apply("triggers", std::string(kEmp) + R"(
CREATE SEQUENCE emp_seq START WITH 1000;
CREATE TABLE audit_log (what VARCHAR2(20), n NUMBER);
CREATE OR REPLACE TRIGGER emp_key BEFORE INSERT ON emp FOR EACH ROW
BEGIN
  IF :NEW.id IS NULL THEN
    SELECT emp_seq.NEXTVAL INTO :NEW.id FROM dual;
  END IF;
END;
/
CREATE OR REPLACE TRIGGER emp_rules BEFORE INSERT OR UPDATE OF salary ON emp FOR EACH ROW
BEGIN
  IF :NEW.salary < 0 THEN
    RAISE_APPLICATION_ERROR(-20001, 'negative salary');
  END IF;
  :NEW.name := UPPER(:NEW.name);
  IF UPDATING THEN
    :NEW.updated := DATE '2024-01-02';
  END IF;
END;
/
CREATE OR REPLACE TRIGGER emp_stmt AFTER INSERT ON emp
BEGIN
  INSERT INTO audit_log (what, n) VALUES ('insert', 1);
END;
/
)");
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("INSERT INTO emp (name, dept, salary) VALUES ('ann', 1, 10), ('bob', 1, 20)"), "OK");
  EXPECT_EQ(s("SELECT string_agg(id || name, ',' ORDER BY id) FROM emp"), "1000ANN,1001BOB");
  EXPECT_EQ(s("SELECT count(*) FROM audit_log"), "1");
  EXPECT_EQ(s("INSERT INTO emp (name, dept, salary) VALUES ('x', 1, -5)"), "ERROR OR001: negative salary");
  EXPECT_EQ(s("UPDATE emp SET salary = 30 WHERE id = 1000"), "OK");
  EXPECT_EQ(s("SELECT updated FROM emp WHERE id = 1000"), "2024-01-02 00:00:00");
  EXPECT_EQ(s("SELECT updated FROM emp WHERE id = 1001"), "NULL");
}

// "BULK COLLECT Clause", "FORALL Statement" and "SQL%ROWCOUNT" (the rows affected by the last
// DML statement; after FORALL, by all of its statements).
TEST(PlsqlBehaviour, BulkCollectForallAndRowcount) {
  NEED_PG();
  auto u = e2e::convert_and_apply("bulk", std::string(kEmp) + R"(
CREATE OR REPLACE FUNCTION raise_all (p_pct NUMBER) RETURN VARCHAR2 IS
  TYPE id_list IS TABLE OF emp.id%TYPE;
  ids id_list;
  v_updated NUMBER;
  v_deleted NUMBER;
BEGIN
  SELECT id BULK COLLECT INTO ids FROM emp WHERE dept = 20 ORDER BY id;
  FORALL i IN 1 .. ids.COUNT
    UPDATE emp SET salary = salary * (1 + p_pct / 100) WHERE id = ids(i);
  v_updated := SQL%ROWCOUNT;
  DELETE FROM emp WHERE dept = 10;
  v_deleted := SQL%ROWCOUNT;
  RETURN ids.COUNT || ' ' || v_updated || ' ' || v_deleted;
END;
/
)");
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  s("INSERT INTO emp VALUES (1, 'Ann', 10, 100, NULL), (2, 'Bob', 20, 200, NULL), (3, 'Cy', 20, 300, NULL)");
  EXPECT_EQ(s("SELECT raise_all(10)"), "2 2 1");
  EXPECT_EQ(s("SELECT sum(salary) FROM emp"), "550.00");
}

// "EXECUTE IMMEDIATE Statement": placeholders bound by position from USING; INTO for a query.
TEST(PlsqlBehaviour, DynamicSqlWithBinds) {
  NEED_PG();
  auto u = e2e::convert_and_apply("dynsql", std::string(kEmp) + R"(
CREATE OR REPLACE FUNCTION set_salary (p_id NUMBER, p_salary NUMBER) RETURN NUMBER IS
  v NUMBER;
BEGIN
  EXECUTE IMMEDIATE 'UPDATE emp SET salary = :s WHERE id = :i' USING p_salary, p_id;
  EXECUTE IMMEDIATE 'SELECT salary FROM emp WHERE id = :1' INTO v USING p_id;
  RETURN v;
END;
/
CREATE OR REPLACE PROCEDURE rename_emp (p_id NUMBER, p_name VARCHAR2) IS
  v_sql VARCHAR2(200) := 'UPDATE emp SET name = :new_name WHERE id = :id AND name <> ''a:b''';
BEGIN
  EXECUTE IMMEDIATE v_sql || ' AND salary::numeric >= :min' USING p_name, p_id, 0;
END;
/
)");
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  s("INSERT INTO emp VALUES (1, 'Ann', 10, 100, NULL)");
  EXPECT_EQ(s("SELECT set_salary(1, 555)"), "555.00");
  // A statement built at run time: its placeholders (not the ':' in a literal or a '::' cast)
  // are numbered when it runs.
  EXPECT_EQ(s("CALL rename_emp(1, 'Zed')"), "OK");
  EXPECT_EQ(s("SELECT name FROM emp WHERE id = 1"), "Zed");
}

// "COMMIT Statement" in a procedure: committed work stays when the caller later fails.
TEST(PlsqlBehaviour, CommitInProcedure) {
  NEED_PG();
  auto u = e2e::convert_and_apply("commit", std::string(kEmp) + R"(
CREATE OR REPLACE PROCEDURE load_two IS
BEGIN
  INSERT INTO emp (id, name) VALUES (1, 'first');
  COMMIT;
  INSERT INTO emp (id, name) VALUES (1, 'duplicate');
END;
/
)");
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("CALL load_two()").substr(0, 11), "ERROR 23505");
  EXPECT_EQ(s("SELECT name FROM emp"), "first");
}

// Oracle's HR sample schema, migrated with its data: its own trigger UPDATE_JOB_HISTORY calls its
// own procedure ADD_JOB_HISTORY when an employee changes job or department (hr_code.sql), and
// SECURE_EMPLOYEES stays disabled as the script leaves it (ALTER TRIGGER … DISABLE).
TEST(PlsqlBehaviour, HumanResourcesRoutinesRunOnTheirData) {
  NEED_PG();
  std::string dir = e2e::corpus_dir() + "/oracle-samples__db-sample-schemas/main/human_resources";
  if (!std::filesystem::is_directory(dir)) ORASHIFT_SKIP_OR_FAIL() << "corpus not found at " << dir << " (../shared absent)";
  std::string url = e2e::fresh_pg_database("plsql_hr");
  ASSERT_FALSE(url.empty());
  auto out = e2e::temp_dir("plsql-hr");
  auto m = e2e::run_orashift({"migrate", "--source", "oracle-files:" + dir, "--target", url, "--out", out.string(),
                              "--no-progress"});
  ASSERT_TRUE(m.exit_code == 0 || m.exit_code == 3) << m.output;
  e2e::Session s(url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT tgenabled FROM pg_trigger WHERE tgname = 'secure_employees'"), "D");
  EXPECT_EQ(s("SELECT count(*) FROM job_history"), "10");
  EXPECT_EQ(s("SELECT job_id || ' ' || department_id || ' ' || hire_date FROM employees WHERE employee_id = 206"),
            "AC_ACCOUNT 110 2012-06-07 00:00:00");
  EXPECT_EQ(s("UPDATE employees SET job_id = 'IT_PROG', department_id = 60 WHERE employee_id = 206"), "OK");
  EXPECT_EQ(s("SELECT count(*) FROM job_history"), "11");
  EXPECT_EQ(s("SELECT job_id || ' ' || department_id || ' ' || start_date || ' ' || (end_date::date = current_date) "
              "FROM job_history WHERE employee_id = 206"),
            "AC_ACCOUNT 110 2012-06-07 00:00:00 true");
  // An update that changes neither column fires nothing (UPDATE OF job_id, department_id).
  EXPECT_EQ(s("UPDATE employees SET salary = salary + 1 WHERE employee_id = 206"), "OK");
  EXPECT_EQ(s("SELECT count(*) FROM job_history"), "11");
}
