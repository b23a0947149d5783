// DBMS_OUTPUT's buffer converted for PostgreSQL and compared with what Oracle Database PL/SQL
// Packages and Types Reference 19c, "DBMS_OUTPUT", says: PUT adds to the current line and
// PUT_LINE / NEW_LINE end it; lines are buffered only after ENABLE; GET_LINE returns status 0
// with a line and 1 when none is left; GET_LINES returns at most numlines lines and sets numlines
// to the count returned; "After calling GET_LINE or GET_LINES, any lines not retrieved before the
// next call to PUT, PUT_LINE, or NEW_LINE are discarded"; DISABLE purges the buffer.
#include "plsql_harness.h"
#include "require_env.h"

namespace {

const char* kOutput = R"(
CREATE OR REPLACE TYPE line_list AS TABLE OF VARCHAR2(32767);
/
CREATE OR REPLACE FUNCTION captured(p_enable VARCHAR2) RETURN VARCHAR2 IS
  l_line   VARCHAR2(32767);
  l_status INTEGER;
  l_result VARCHAR2(4000);
BEGIN
  IF p_enable = 'Y' THEN
    DBMS_OUTPUT.ENABLE(NULL);
  END IF;
  DBMS_OUTPUT.PUT('a');
  DBMS_OUTPUT.PUT('b');
  DBMS_OUTPUT.NEW_LINE;
  DBMS_OUTPUT.PUT_LINE('second');
  DBMS_OUTPUT.PUT_LINE(NULL);
  LOOP
    DBMS_OUTPUT.GET_LINE(line => l_line, status => l_status);
    EXIT WHEN l_status = 1;
    l_result := l_result || '[' || NVL(l_line, 'null') || ']';
  END LOOP;
  DBMS_OUTPUT.DISABLE;
  RETURN NVL(l_result, 'none');
END;
/
CREATE OR REPLACE FUNCTION some_lines RETURN VARCHAR2 IS
  l_lines line_list;
  l_count INTEGER := 2;
  l_line  VARCHAR2(100);
  l_status INTEGER;
  l_result VARCHAR2(4000);
BEGIN
  DBMS_OUTPUT.ENABLE;
  DBMS_OUTPUT.PUT_LINE('one');
  DBMS_OUTPUT.PUT_LINE('two');
  DBMS_OUTPUT.PUT_LINE('three');
  DBMS_OUTPUT.GET_LINES(l_lines, l_count);
  l_result := l_count || ':' || l_lines(1) || ',' || l_lines(2);
  -- 'three' was not retrieved: the next PUT_LINE discards it.
  DBMS_OUTPUT.PUT_LINE('four');
  DBMS_OUTPUT.GET_LINE(l_line, l_status);
  l_result := l_result || ' ' || l_line || '/' || l_status;
  DBMS_OUTPUT.GET_LINE(l_line, l_status);
  DBMS_OUTPUT.DISABLE;
  RETURN l_result || ' ' || l_status;
END;
/
)";

}  // namespace

TEST(PlsqlDbmsOutput, BufferAfterEnableAsOracleDocumentsIt) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("dbms_output", kOutput);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT captured('N')"), "none");  // nothing is buffered before ENABLE
  EXPECT_EQ(s("SELECT captured('Y')"), "[ab][second][null]");
  EXPECT_EQ(s("SELECT some_lines()"), "2:one,two four/0 1");
  // Each finished line still reaches the client as a notice (PostgreSQL's SERVEROUTPUT).
  s.notices();
  s("SELECT captured('N')");
  auto shown = s.notices();
  ASSERT_EQ(shown.size(), 3u);
  EXPECT_EQ(shown[0], "ab");
  EXPECT_EQ(shown[1], "second");
}
