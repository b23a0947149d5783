// RETURNING … BULK COLLECT INTO and DML on an inline view, on PostgreSQL. Oracle Database PL/SQL
// Language Reference 19c, "RETURNING INTO Clause" (bulk_collect_into_clause: the values of every
// row the statement affected, each column into its collection; none affected leaves the
// collections empty) and "SQL%ROWCOUNT" (the rows affected); SQL Language Reference, "DELETE"
// (a subquery as the target: the rows of its one table that the subquery selects, which is how
// utPLSQL's ut_output_table_buffer takes a batch of its buffer).
#include "plsql_harness.h"
#include "require_env.h"

namespace {

const char* kReturningBulk = R"(
CREATE TABLE msg_buffer (id NUMBER PRIMARY KEY, owner NUMBER, text VARCHAR2(40), done NUMBER);

CREATE OR REPLACE FUNCTION take_batch(p_owner NUMBER, p_limit NUMBER) RETURN VARCHAR2 IS
  TYPE text_list IS TABLE OF VARCHAR2(40);
  TYPE num_list IS TABLE OF NUMBER;
  texts text_list;
  flags num_list;
  res   VARCHAR2(400);
BEGIN
  DELETE FROM (SELECT * FROM msg_buffer b
                WHERE b.owner = p_owner
                  AND b.id <= (SELECT MIN(id) FROM msg_buffer o WHERE o.owner = p_owner) + p_limit
                ORDER BY b.id) d
  RETURNING d.text, d.done BULK COLLECT INTO texts, flags;
  res := SQL%ROWCOUNT || ':';
  FOR i IN 1 .. texts.COUNT LOOP
    res := res || texts(i) || '/' || flags(i) || ';';
  END LOOP;
  RETURN res || ' left:' || texts.COUNT;
END;
/

CREATE OR REPLACE FUNCTION close_rows(p_owner NUMBER) RETURN VARCHAR2 IS
  TYPE row_list IS TABLE OF msg_buffer%ROWTYPE;
  TYPE num_list IS TABLE OF NUMBER;
  ids  num_list;
  n    NUMBER := 0;
BEGIN
  UPDATE msg_buffer SET done = 1 WHERE owner = p_owner AND done = 0
  RETURNING id BULK COLLECT INTO ids;
  FOR i IN 1 .. ids.COUNT LOOP
    n := n + ids(i);
  END LOOP;
  <<tail>>
  n := n * 10;
  RETURN ids.COUNT || ' rows, sum ' || n;
END;
/
)";

}  // namespace

TEST(PlsqlReturningBulk, DeleteFromInlineViewReturningBulkCollect) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("returning_bulk", kReturningBulk);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  s("INSERT INTO msg_buffer VALUES (1, 7, 'a', 0), (2, 7, 'b', 0), (3, 8, 'x', 0), (4, 7, 'c', 1), (5, 7, 'd', 0)");
  // Owner 7's rows with id ≤ 1 + 2: ids 1 and 2 (owner 8's row 3 is not in the view).
  // The order of the rows a DML statement returns is unspecified in both databases; the pairs
  // stay together (each row's text with its own flag).
  std::string batch = s("SELECT take_batch(7, 2)");
  EXPECT_TRUE(batch == "2:a/0;b/0; left:2" || batch == "2:b/0;a/0; left:2") << batch;
  EXPECT_EQ(s("SELECT string_agg(id::text, ',' ORDER BY id) FROM msg_buffer"), "3,4,5");
  // Nothing of owner 9: empty collections (COUNT 0), not NULL ones.
  EXPECT_EQ(s("SELECT take_batch(9, 2)"), "0: left:0");
  // UPDATE … RETURNING BULK COLLECT: ids 3 (owner 8) untouched; owner 7's open row 5.
  EXPECT_EQ(s("SELECT close_rows(7)"), "1 rows, sum 50");
  EXPECT_EQ(s("SELECT close_rows(7)"), "0 rows, sum 0");
  EXPECT_EQ(s("SELECT string_agg(id || '=' || done, ',' ORDER BY id) FROM msg_buffer"), "3=0,4=1,5=1");
}
