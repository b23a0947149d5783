// Functions with OUT and IN OUT parameters, on PostgreSQL. Oracle Database PL/SQL Language
// Reference 19c, "Subprogram Parameters" (an OUT parameter's value is copied to the actual
// parameter when the subprogram returns; IN OUT passes a value in and back) and "Function
// Declaration and Definition" (a function may have OUT parameters; SQL cannot call such a
// function). PostgreSQL returns a function's OUT parameters as its result, so the function is
// a procedure with INOUT orashift_result and `v := f(…)` becomes a CALL.
#include "plsql_harness.h"
#include "require_env.h"

namespace {

const char* kOutFunctions = R"(
CREATE OR REPLACE PACKAGE parse_pkg IS
  FUNCTION split_first(p_text VARCHAR2, p_rest OUT VARCHAR2, p_seen IN OUT NUMBER) RETURN VARCHAR2;
  FUNCTION words(p_text VARCHAR2) RETURN VARCHAR2;
END;
/
CREATE OR REPLACE PACKAGE BODY parse_pkg IS
  -- UT_ANNOTATION_PARSER / UT_SUITE_MANAGER's shape: a function returning one value and
  -- handing more back through OUT and IN OUT parameters.
  FUNCTION split_first(p_text VARCHAR2, p_rest OUT VARCHAR2, p_seen IN OUT NUMBER) RETURN VARCHAR2 IS
    l_at PLS_INTEGER := INSTR(p_text, ' ');
  BEGIN
    p_seen := p_seen + 1;
    IF l_at = 0 THEN
      p_rest := NULL;
      RETURN p_text;
    END IF;
    p_rest := SUBSTR(p_text, l_at + 1);
    RETURN SUBSTR(p_text, 1, l_at - 1);
  END;
  FUNCTION words(p_text VARCHAR2) RETURN VARCHAR2 IS
    l_rest  VARCHAR2(200) := p_text;
    l_word  VARCHAR2(200);
    l_count NUMBER := 0;
    l_out   VARCHAR2(400);
  BEGIN
    WHILE l_rest IS NOT NULL LOOP
      l_word := split_first(l_rest, l_rest, l_count);
      l_out := l_out || '[' || l_word || ']';
    END LOOP;
    RETURN l_out || l_count;
  END;
END;
/
)";

}  // namespace

TEST(PlsqlOutFunctions, OutAndInOutParametersComeBackWithTheValue) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("out_functions", kOutFunctions);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  // Each call returns the first word, hands the rest back through p_rest (the same variable as
  // the IN argument) and counts itself in p_seen.
  EXPECT_EQ(s("SELECT parse_pkg.words('to be or')"), "[to][be][or]3");
  EXPECT_EQ(s("SELECT parse_pkg.words('one')"), "[one]1");
  EXPECT_EQ(s("SELECT parse_pkg.words(NULL)"), "0");
}
