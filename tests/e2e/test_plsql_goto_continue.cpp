// GOTO to a label on the last statements of a loop body, the CONTINUE of PL/SQL before 11g (as
// Alexandria's csv_util_pkg writes it), on PostgreSQL. Oracle Database PL/SQL Language Reference
// 19c, "GOTO Statement" (control passes to the labelled statement; a GOTO cannot branch into a
// loop, IF or block, so every GOTO to that label is earlier in the same loop body) and "Labels"
// (a label on a statement only names it: a label no GOTO targets changes nothing).
#include "plsql_harness.h"
#include "require_env.h"

namespace {

const char* kGotoContinue = R"(
CREATE OR REPLACE FUNCTION odd_letters(p_text VARCHAR2) RETURN VARCHAR2 IS
  l_pos  PLS_INTEGER := 0;
  l_out  VARCHAR2(100);
  l_seen PLS_INTEGER := 0;
BEGIN
  LOOP
    l_pos := l_pos + 1;
    EXIT WHEN l_pos > LENGTH(p_text);
    IF SUBSTR(p_text, l_pos, 1) = ' ' THEN
      GOTO next_char;
    END IF;
    FOR i IN 1 .. 2 LOOP
      IF MOD(l_pos, 2) = 0 THEN
        GOTO next_char;
      END IF;
    END LOOP;
    l_out := l_out || SUBSTR(p_text, l_pos, 1);
    <<next_char>> l_seen := l_seen + 1;
  END LOOP;
  <<done>>
  RETURN l_out || ':' || l_seen;
END;
/
)";

}  // namespace

TEST(PlsqlGotoContinue, GotoTheLoopTailGoesRoundAgain) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("goto_continue", kGotoContinue);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  // Positions 1..7 of 'ab cdef': the blank (3) and the even positions skipped, every position counted
  // by the tail the GOTO runs: from the outer body, and from inside the inner FOR loop.
  EXPECT_EQ(s("SELECT odd_letters('ab cdef')"), "adf:7");
  EXPECT_EQ(s("SELECT odd_letters('x')"), "x:1");
}
