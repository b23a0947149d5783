// PL/SQL blocks run at run time, converted in place and run on PostgreSQL with the results
// Oracle's documentation gives:
// - DBMS_SQL: PL/SQL Packages and Types Reference 19c, "DBMS_SQL" (PARSE of a PL/SQL block; its
//   placeholders bound by name with BIND_VARIABLE; EXECUTE; VARIABLE_VALUE "returns the value of
//   the named variable for a given cursor", the value the block assigned; CLOSE_CURSOR sets the
//   cursor id to NULL, so IS_OPEN is then FALSE).
// - EXECUTE IMMEDIATE: PL/SQL Language Reference 19c, "EXECUTE IMMEDIATE Statement" (a dynamic
//   PL/SQL block's placeholders are bound by name, each distinct name to the next USING argument
//   in order; OUT arguments receive what the block assigns).
// - DBMS_FLASHBACK.GET_SYSTEM_CHANGE_NUMBER (PL/SQL Packages and Types Reference, "DBMS_FLASHBACK":
//   the current system change number, which grows as the database changes).
// - DBMS_SQL on a query: DEFINE_COLUMN per position, FETCH_ROWS returns the rows fetched (0 at
//   the end), COLUMN_VALUE the fetched row's value at a position.
// - DBMS_SQL on a DML statement: its placeholders bound by name, EXECUTE returns "the number of
//   rows processed" for INSERT, UPDATE and DELETE.
// - A block joined around a procedure name (utPLSQL's ut_executable, the dynamic dispatch idiom):
//   the name runs as the procedure it names; a name with its owner in front runs the same package
//   procedure (the owner is the schema the tables and packages were migrated from).
#include "plsql_harness.h"
#include "require_env.h"

namespace {

const char* kRuntimeBlocks = R"(
CREATE TABLE calls_log (what VARCHAR2(100));
CREATE OR REPLACE PACKAGE steps IS
  PROCEDURE ok_step;
  PROCEDURE failing_step;
END;
/
CREATE OR REPLACE PACKAGE BODY steps IS
  PROCEDURE ok_step IS
  BEGIN
    INSERT INTO calls_log VALUES ('ok_step ran');
  END;
  PROCEDURE failing_step IS
  BEGIN
    RAISE_APPLICATION_ERROR(-20001, 'step failed');
  END;
END;
/
CREATE OR REPLACE FUNCTION run_step(p_name VARCHAR2) RETURN VARCHAR2 IS
  l_statement VARCHAR2(4000);
  l_cursor INTEGER;
  l_status INTEGER;
  l_error VARCHAR2(4000);
BEGIN
  l_statement := 'declare' || chr(10) || '  l_err varchar2(4000);' || chr(10) || 'begin' || chr(10) ||
    '  begin ' || p_name || '; exception when others then l_err := sqlerrm; end;' || chr(10) ||
    '  :a_error := l_err;' || chr(10) || 'end;';
  l_cursor := dbms_sql.open_cursor;
  dbms_sql.parse(l_cursor, l_statement, dbms_sql.native);
  dbms_sql.bind_variable(l_cursor, 'a_error', 'not run', 4000);
  l_status := dbms_sql.execute(l_cursor);
  dbms_sql.variable_value(l_cursor, 'a_error', l_error);
  dbms_sql.close_cursor(l_cursor);
  RETURN NVL(l_error, 'no error') || CASE WHEN dbms_sql.is_open(l_cursor) THEN ' open' ELSE ' closed' END;
END;
/
CREATE OR REPLACE PROCEDURE dispatch(p_name VARCHAR2) IS
BEGIN
  EXECUTE IMMEDIATE 'begin ' || p_name || '; end;';
END;
/
CREATE OR REPLACE FUNCTION change_number_grows RETURN VARCHAR2 IS
  l_scn NUMBER;
  l_next NUMBER;
BEGIN
  EXECUTE IMMEDIATE 'begin :d := dbms_flashback.get_system_change_number; end;' USING OUT l_scn;
  INSERT INTO calls_log VALUES ('scn');
  l_next := dbms_flashback.get_system_change_number;
  RETURN CASE WHEN l_next > l_scn THEN 'grows' ELSE 'stays' END;
END;
/
CREATE TABLE items (id NUMBER PRIMARY KEY, label VARCHAR2(20), added DATE);
CREATE OR REPLACE FUNCTION list_items(p_min NUMBER) RETURN VARCHAR2 IS
  c INTEGER;
  l_id NUMBER;
  l_label VARCHAR2(20);
  l_added DATE;
  l_out VARCHAR2(400);
  n INTEGER;
BEGIN
  c := dbms_sql.open_cursor;
  dbms_sql.parse(c, 'select id, label, added from items where id >= :lo order by id', dbms_sql.native);
  dbms_sql.bind_variable(c, 'lo', p_min);
  dbms_sql.define_column(c, 1, l_id);
  dbms_sql.define_column(c, 2, l_label, 20);
  dbms_sql.define_column(c, 3, l_added);
  n := dbms_sql.execute(c);
  LOOP
    EXIT WHEN dbms_sql.fetch_rows(c) = 0;
    dbms_sql.column_value(c, 1, l_id);
    dbms_sql.column_value(c, 2, l_label);
    dbms_sql.column_value(c, 3, l_added);
    l_out := l_out || l_id || ':' || l_label || ':' || TO_CHAR(l_added, 'YYYY-MM-DD') || ';';
  END LOOP;
  dbms_sql.close_cursor(c);
  RETURN l_out || CASE WHEN dbms_sql.is_open(c) THEN 'open' ELSE 'closed' END;
END;
/
CREATE TABLE accounts (id NUMBER PRIMARY KEY, balance NUMBER);
CREATE OR REPLACE FUNCTION credit(p_amount NUMBER, p_min NUMBER) RETURN NUMBER IS
  c INTEGER := dbms_sql.open_cursor;
  n INTEGER;
BEGIN
  dbms_sql.parse(c, 'update accounts set balance = balance + :amt where balance >= :lo or id = :amt', dbms_sql.native);
  dbms_sql.bind_variable(c, ':amt', p_amount);
  dbms_sql.bind_variable(c, 'lo', p_min);
  n := dbms_sql.execute(c);
  dbms_sql.close_cursor(c);
  RETURN n;
END;
/
CREATE OR REPLACE FUNCTION doubled(p_in NUMBER) RETURN NUMBER IS
  l_out NUMBER;
BEGIN
  EXECUTE IMMEDIATE 'declare l_tmp number := :v; begin :r := l_tmp * 2; end;' USING IN p_in, OUT l_out;
  RETURN l_out;
END;
/
)";

TEST(PlsqlRuntimeBlocks, DbmsSqlRunAndExecuteImmediateOfBlocksKnownHere) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("runtime_blocks", kRuntimeBlocks);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT run_step('steps.ok_step')"), "no error closed");
  // SQLERRM is the message without the ORA-20001 prefix (docs/plsql.md, "SQLERRM").
  EXPECT_EQ(s("SELECT run_step('STEPS.FAILING_STEP')"), "step failed closed");
  EXPECT_EQ(s("SELECT run_step('SCOTT.steps.ok_step')"), "no error closed");  // the owner is dropped
  // No such procedure: Oracle fails the block's compilation at PARSE (ORA-06550), before the
  // block's own handler could catch anything.
  EXPECT_NE(s("SELECT run_step('steps.no_such_step')").find("ORA-06550"), std::string::npos);
  EXPECT_EQ(s("SELECT count(*) FROM calls_log"), "2");
  EXPECT_EQ(s("CALL dispatch('steps.ok_step')"), "OK");
  EXPECT_EQ(s("SELECT count(*) FROM calls_log WHERE what = 'ok_step ran'"), "3");
  EXPECT_EQ(s("SELECT doubled(21)"), "42");
  EXPECT_NE(s("CALL dispatch('steps.failing_step')").find("step failed"), std::string::npos);
  // Logger's probe of DBMS_FLASHBACK: the change number grows as the database changes.
  EXPECT_EQ(s("SELECT change_number_grows()"), "grows");
  // DBMS_SQL on a query: DEFINE_COLUMN, FETCH_ROWS until 0, COLUMN_VALUE per position.
  EXPECT_EQ(s("INSERT INTO items VALUES (1, 'a', '2024-01-01'), (2, 'b', '2024-02-03'), (3, NULL, '2024-03-04')"), "OK");
  EXPECT_EQ(s("SELECT list_items(2)"), "2:b:2024-02-03;3::2024-03-04;closed");
  // DBMS_SQL on DML: binds by name (:amt stands twice), EXECUTE returns the rows processed.
  EXPECT_EQ(s("INSERT INTO accounts VALUES (1, 10), (2, 50), (3, 100)"), "OK");
  EXPECT_EQ(s("SELECT credit(2, 60)"), "2");
  EXPECT_EQ(s("SELECT string_agg(id || '=' || balance, ',' ORDER BY id) FROM accounts"), "1=10,2=52,3=102");
}

}  // namespace
