// A unit that is not applied names the construct that stopped it. A query item that only notes a
// difference (SYS_CONTEXT('USERENV', p): the parameters PostgreSQL has) comes before the one that
// cannot be converted (DUMP of a NUMBER): the error-level "not applied" item must name DUMP and its place, not
// the note that happened to be first (Logger's LOGGER was reported with the wrong cause).
#include "plsql_harness.h"
#include "require_env.h"

TEST(PlsqlBlockCause, NotAppliedNamesTheConstructThatStoppedTheUnit) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  const char* program = R"(
CREATE OR REPLACE FUNCTION described(p_name VARCHAR2) RETURN VARCHAR2 IS
  l_value VARCHAR2(100);
  l_dump  VARCHAR2(4000);
BEGIN
  l_value := SYS_CONTEXT('USERENV', p_name);
  SELECT DUMP(LENGTH(p_name)) INTO l_dump FROM dual;  -- a NUMBER: its internal bytes have no counterpart
  RETURN l_value || l_dump;
END;
/
)";
  auto u = e2e::convert_and_apply("block_cause", program);
  auto report = e2e::read_json(u.dir.parent_path() / "report" / "report.json");
  std::string cause;
  int line = 0;
  for (const auto& it : report["action_items"]) {
    std::string m = it["message"].get<std::string>();
    if (it["code"] == "OS6001" && m.rfind("not applied: ", 0) == 0) {
      cause = m;
      line = it["location"]["line"].get<int>();
    }
  }
  EXPECT_NE(cause.find("DUMP"), std::string::npos) << cause;
  EXPECT_EQ(line, 7);
}
