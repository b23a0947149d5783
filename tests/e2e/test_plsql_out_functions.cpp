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

// UT_SUITE_MANAGER.RESOLVE_SCHEMA_NAMES's shape: a function and a procedure of one name and one
// parameter list (PL/SQL Language Reference 19c, "Overloaded Subprograms": they differ in kind,
// and a call in an expression can only be the function). `v := f(x)` is written as a CALL of the
// function's procedure form and must still call the function, not the procedure.
TEST(PlsqlOutFunctions, AnAssignmentCallsTheFunctionBesideAProcedureOfTheSameParameters) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("out_function_beside_procedure", R"(
CREATE OR REPLACE PACKAGE names_pkg IS
  FUNCTION norm(p_names IN OUT VARCHAR2) RETURN NUMBER;
  PROCEDURE norm(p_names IN OUT VARCHAR2);
  FUNCTION run(p_names VARCHAR2) RETURN VARCHAR2;
END;
/
CREATE OR REPLACE PACKAGE BODY names_pkg IS
  FUNCTION norm(p_names IN OUT VARCHAR2) RETURN NUMBER IS
  BEGIN
    p_names := UPPER(p_names);
    RETURN LENGTH(p_names);
  END;
  PROCEDURE norm(p_names IN OUT VARCHAR2) IS
    l_len NUMBER;
  BEGIN
    l_len := norm(p_names);
    p_names := p_names || '!';
  END;
  FUNCTION run(p_names VARCHAR2) RETURN VARCHAR2 IS
    l_names VARCHAR2(100) := p_names;
    l_len   NUMBER;
  BEGIN
    l_len := norm(l_names);
    norm(l_names);
    RETURN l_names || ' ' || l_len;
  END;
END;
/
)");
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  // The assignment runs the function (upper-cases, returns 2); the statement the procedure, which
  // calls the function again and appends '!'.
  EXPECT_EQ(s("SELECT names_pkg.run('ab')"), "AB! 2");
}

// A function with an OUT parameter and a defaulted one after it: its procedure form ends in INOUT
// orashift_result, which PostgreSQL accepts after a defaulted parameter only with a default of its
// own ("input parameters after one with a default value must also have defaults").
TEST(PlsqlOutFunctions, ADefaultedParameterBeforeTheResult) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("out_function_default", R"(
CREATE OR REPLACE FUNCTION measure(p_text VARCHAR2, p_len OUT NUMBER, p_scale NUMBER DEFAULT 10) RETURN NUMBER IS
BEGIN
  p_len := LENGTH(p_text);
  RETURN p_len * p_scale;
END;
/
CREATE OR REPLACE FUNCTION measured(p VARCHAR2) RETURN VARCHAR2 IS
  l_len NUMBER;
  a NUMBER;
  b NUMBER;
BEGIN
  a := measure(p, l_len);
  b := measure(p, l_len, 2);
  RETURN a || ' ' || b || ' ' || l_len;
END;
/
)");
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT measured('abcd')"), "40 8 4");
}

// Overloads of one name converted differently: f(NUMBER, OUT NUMBER) is a procedure with an INOUT
// result, f(VARCHAR2) a plain function. The overload the call runs decides how the call is
// written, in either declaration order, for `v := f(…)` and for `RETURN f(…)`.
TEST(PlsqlOutFunctions, OverloadsConvertedDifferentlyAreCalledByTheOneThatRuns) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  std::string program;
  for (const char* order : {"out_first", "plain_first"}) {
    std::string out_spec = "  FUNCTION f(a NUMBER, b OUT NUMBER) RETURN NUMBER;\n";
    std::string plain_spec = "  FUNCTION f(a VARCHAR2) RETURN VARCHAR2;\n";
    std::string out_body = "  FUNCTION f(a NUMBER, b OUT NUMBER) RETURN NUMBER IS BEGIN b := a * 2; RETURN a + 1; END;\n";
    std::string plain_body = "  FUNCTION f(a VARCHAR2) RETURN VARCHAR2 IS BEGIN RETURN a || '!'; END;\n";
    bool out_first = std::string(order) == "out_first";
    program += std::string("CREATE OR REPLACE PACKAGE ") + order + " IS\n" + (out_first ? out_spec + plain_spec : plain_spec + out_spec) +
               "  FUNCTION h(n VARCHAR2) RETURN VARCHAR2;\n  FUNCTION k(n NUMBER) RETURN NUMBER;\n  FUNCTION m(n NUMBER) RETURN NUMBER;\nEND;\n/\n";
    program += std::string("CREATE OR REPLACE PACKAGE BODY ") + order + " IS\n" + (out_first ? out_body + plain_body : plain_body + out_body) +
               "  FUNCTION h(n VARCHAR2) RETURN VARCHAR2 IS\n    v VARCHAR2(20);\n  BEGIN\n    v := f(n);\n    RETURN v || f(n);\n  END;\n"
               "  FUNCTION k(n NUMBER) RETURN NUMBER IS\n    v NUMBER;\n    w NUMBER;\n  BEGIN\n    v := f(n, w);\n    RETURN v + w;\n  END;\n"
               "  FUNCTION m(n NUMBER) RETURN NUMBER IS\n    w NUMBER;\n  BEGIN\n    RETURN f(n, w);\n  END;\nEND;\n/\n";
  }
  auto u = e2e::convert_and_apply("out_function_mixed_overloads", program);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  for (const char* pkg : {"out_first", "plain_first"}) {
    EXPECT_EQ(s(std::string("SELECT ") + pkg + ".h('ab')"), "ab!ab!") << pkg;
    EXPECT_EQ(s(std::string("SELECT ") + pkg + ".k(3)"), "10") << pkg;  // 4 + 6
    EXPECT_EQ(s(std::string("SELECT ") + pkg + ".m(3)"), "4") << pkg;
  }
}
