// Code constructs are found from tokens: in code, not in comments or strings, with the location
// of the construct itself.
#include <gtest/gtest.h>

#include <map>

#include "assess/code_constructs.h"

using namespace orashift;

namespace {

std::map<std::string, int> names(const std::vector<ConstructHit>& hits) {
  std::map<std::string, int> m;
  for (const auto& h : hits) ++m[h.name];
  return m;
}

}  // namespace

TEST(AssessConstructs, FindsPlsqlConstructsNotCommentsOrStrings) {
  SourceFile f("pkg.pkb", R"(CREATE OR REPLACE PACKAGE BODY hr.pkg AS
  -- BULK COLLECT in a comment, EXECUTE IMMEDIATE too
  TYPE t_ids IS TABLE OF NUMBER;
  CURSOR c_emp IS SELECT * FROM emp WHERE ROWNUM < 10;
  PROCEDURE p IS
    PRAGMA AUTONOMOUS_TRANSACTION;
    l_ids t_ids;
    l_rc SYS_REFCURSOR;
  BEGIN
    SELECT id BULK COLLECT INTO l_ids FROM emp e, dept d WHERE e.d = d.id(+);
    FORALL i IN 1 .. l_ids.COUNT DELETE FROM emp WHERE id = l_ids(i);
    EXECUTE IMMEDIATE 'MERGE INTO x USING y ON (1=1)';
    DBMS_OUTPUT.PUT_LINE('CONNECT BY in a string');
    l_x := sys.utl_raw.cast_to_raw('a');
    l_n := dbms_sql.open_cursor;
    MERGE INTO t USING s ON (t.id = s.id) WHEN MATCHED THEN UPDATE SET t.v = s.v;
    SELECT level FROM dual CONNECT BY level < 3;
    SELECT x INTO y FROM remote_t@other_db;
    COMMIT;
  EXCEPTION WHEN OTHERS THEN ROLLBACK; RAISE;
  END;
END pkg;)");
  Span all{&f, 0, static_cast<uint32_t>(f.text().size())};
  auto hits = find_constructs(all);
  auto n = names(hits);
  EXPECT_EQ(n["BULK COLLECT"], 1);
  EXPECT_EQ(n["EXECUTE IMMEDIATE"], 1);
  EXPECT_EQ(n["TABLE OF"], 1);
  EXPECT_EQ(n["CURSOR"], 1);
  EXPECT_EQ(n["SYS_REFCURSOR"], 1);
  EXPECT_EQ(n["ROWNUM"], 1);
  EXPECT_EQ(n["PRAGMA AUTONOMOUS_TRANSACTION"], 1);
  EXPECT_EQ(n["(+)"], 1);
  EXPECT_EQ(n["FORALL"], 1);
  EXPECT_EQ(n["DBMS_OUTPUT"], 1);
  EXPECT_EQ(n["UTL_RAW"], 1);
  EXPECT_EQ(n["DBMS_SQL"], 1);
  EXPECT_EQ(n["MERGE"], 1);       // the one in the string does not count
  EXPECT_EQ(n["CONNECT BY"], 1);  // likewise
  EXPECT_EQ(n["@OTHER_DB"] + n["@other_db"], 1);
  EXPECT_EQ(n["COMMIT"], 1);
  EXPECT_EQ(n["ROLLBACK"], 1);
  EXPECT_EQ(n["EXCEPTION WHEN"], 1);
  for (const auto& h : hits) {
    if (h.name != "BULK COLLECT") continue;
    EXPECT_EQ(h.span.line(), 10u);
    EXPECT_EQ(h.span.column(), 15u);
    EXPECT_EQ(h.span.text(), "BULK COLLECT");
  }
}

TEST(AssessConstructs, CreatedName) {
  SourceFile f("x.sql", "create or replace editionable package body \"Hr\".pkg_x as begin null; end;");
  Span all{&f, 0, static_cast<uint32_t>(f.text().size())};
  EXPECT_EQ(created_name(all, "CREATE PACKAGE BODY"), "Hr.PKG_X");
  SourceFile g("y.sql", "CREATE GLOBAL TEMPORARY TABLE gtt (a NUMBER) ON COMMIT DELETE ROWS");
  Span all_g{&g, 0, static_cast<uint32_t>(g.text().size())};
  EXPECT_EQ(created_name(all_g, "CREATE TABLE"), "GTT");
  auto hits = find_constructs(all_g);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_STREQ(hits[0].code, "OS5011");
}
