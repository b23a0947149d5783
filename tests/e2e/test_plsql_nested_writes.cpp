// A nested function that changes variables of the routine it is nested in, as Alexandria's
// image_util_pkg.get_lzw_code advances its decoder's state. Oracle Database PL/SQL Language
// Reference 19c, "Nested, Package, and Standalone Subprograms" (a nested subprogram sees and may
// assign the enclosing block's variables) and "Function Declaration and Definition". On
// PostgreSQL the function is a procedure whose INOUT parameters carry those variables back and
// whose INOUT orashift_result carries its value; `v := f(…)` calls it.
#include "plsql_harness.h"
#include "require_env.h"

namespace {

const char* kNestedWrites = R"(
CREATE OR REPLACE PACKAGE lzw IS
  FUNCTION codes(p_input VARCHAR2) RETURN VARCHAR2;
END;
/
CREATE OR REPLACE PACKAGE BODY lzw IS
  FUNCTION codes(p_input VARCHAR2) RETURN VARCHAR2 IS
    g_pos    PLS_INTEGER := 0;
    g_reads  PLS_INTEGER := 0;
    t_code   PLS_INTEGER;
    t_out    VARCHAR2(200);
    -- Alexandria's image_util_pkg.get_lzw_code: a nested function that advances the enclosing
    -- routine's state and returns the next code.
    FUNCTION next_code RETURN PLS_INTEGER IS
      t_rv PLS_INTEGER;
    BEGIN
      g_pos := g_pos + 1;
      g_reads := g_reads + 1;
      t_rv := ASCII(SUBSTR(p_input, g_pos, 1));
      RETURN t_rv;
    END;
  BEGIN
    WHILE g_pos < LENGTH(p_input) LOOP
      t_code := next_code();
      t_out := t_out || t_code || ' ';
    END LOOP;
    RETURN t_out || 'reads ' || g_reads;
  END;
END;
/
)";

}  // namespace

TEST(PlsqlNestedWrites, NestedFunctionAdvancesItsEnclosingRoutinesState) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("nested_writes", kNestedWrites);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  // Every call reads the next character and counts it in the enclosing routine's g_reads.
  EXPECT_EQ(s("SELECT lzw.codes('AB')"), "65 66 reads 2");
  EXPECT_EQ(s("SELECT lzw.codes('z')"), "122 reads 1");
  EXPECT_EQ(s("SELECT lzw.codes('')"), "reads 0");
}

// The same function read inside an expression cannot be a CALL before its statement without
// changing when Oracle would run it: an error-level item, the unit not applied.
TEST(PlsqlNestedWrites, ReadInsideAnExpressionIsAnItem) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  std::string program = kNestedWrites;
  const std::string call = "t_code := next_code();";
  program.replace(program.find(call), call.size(), "t_code := next_code() + 1;");
  auto u = e2e::convert_and_apply("nested_writes_expr", program);
  auto report = e2e::read_json(u.dir.parent_path() / "report" / "report.json");
  bool flagged = false;
  for (const auto& it : report["action_items"])
    flagged |= it["code"] == "OS6001" &&
               it["message"].get<std::string>().find("only an assignment v := NEXT_CODE") != std::string::npos;
  EXPECT_TRUE(flagged);
  // Not applied: the package body's objects are not created.
  e2e::Session s(u.url);
  EXPECT_NE(s("SELECT lzw.codes('AB')").find("ERROR"), std::string::npos);
}
