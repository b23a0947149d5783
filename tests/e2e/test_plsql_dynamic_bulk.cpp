// EXECUTE IMMEDIATE … BULK COLLECT INTO on PostgreSQL: Oracle Database PL/SQL Language Reference
// 19c, "EXECUTE IMMEDIATE Statement" (bulk_collect_into_clause: each column into its collection,
// rows in the query's order) and "SQL%BULK_ROWCOUNT"/"SQL%ROWCOUNT" (the rows fetched).
#include "plsql_harness.h"
#include "require_env.h"

namespace {

const char* kDynamicBulk = R"(
CREATE TABLE dept_rows (deptno NUMBER, dname VARCHAR2(20));

CREATE OR REPLACE FUNCTION dyn_bulk(p_min NUMBER) RETURN VARCHAR2 IS
  TYPE num_list IS TABLE OF NUMBER;
  TYPE name_list IS TABLE OF VARCHAR2(20);
  TYPE dept_list IS TABLE OF dept_rows%ROWTYPE;
  nums  num_list;
  names name_list;
  depts dept_list;
  res   VARCHAR2(200);
BEGIN
  EXECUTE IMMEDIATE 'SELECT deptno, dname FROM dept_rows WHERE deptno >= :m ORDER BY deptno'
    BULK COLLECT INTO nums, names USING p_min;
  res := SQL%ROWCOUNT || ':';
  FOR i IN 1 .. nums.COUNT LOOP
    res := res || nums(i) || '=' || names(i) || ';';
  END LOOP;
  EXECUTE IMMEDIATE 'SELECT * FROM dept_rows WHERE deptno > 100' BULK COLLECT INTO depts;
  RETURN res || ' none:' || depts.COUNT;
END;
/
)";

}  // namespace

TEST(PlsqlDynamicBulk, BulkCollectIntoFromDynamicSql) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("dyn_bulk", kDynamicBulk);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  s("INSERT INTO dept_rows VALUES (10, 'ACCOUNTING'), (30, 'SALES'), (20, 'RESEARCH')");
  EXPECT_EQ(s("SELECT dyn_bulk(20)"), "2:20=RESEARCH;30=SALES; none:0");
  EXPECT_EQ(s("SELECT dyn_bulk(99)"), "0: none:0");
}
