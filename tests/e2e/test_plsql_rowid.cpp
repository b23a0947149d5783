// ROWID on PostgreSQL: the ctid of the row version. Oracle Database SQL Language Reference 19c,
// "ROWID Pseudocolumn" (the address of a row, "the fastest way to access a single row"; usable in
// WHERE to locate a row read earlier) and "ROWIDTOCHAR" / "CHARTOROWID" (its character form and
// back); PL/SQL Language Reference, "ROWID and UROWID Data Types" (a variable holding one).
// ctid locates a row as ROWID does between a read and a later DELETE or UPDATE in the same
// program; it changes when the row is updated (flagged OS4012 at each use). SELECT b.* BULK
// COLLECT INTO as many collections as the WITH query b has columns ("SELECT INTO Statement").
#include "plsql_harness.h"
#include "require_env.h"

namespace {

const char* kRowid = R"(
CREATE TABLE queue_items (id NUMBER PRIMARY KEY, payload VARCHAR2(40));

CREATE OR REPLACE FUNCTION take_first RETURN VARCHAR2 IS
  l_rid     ROWID;
  l_payload VARCHAR2(40);
BEGIN
  SELECT rowid, payload INTO l_rid, l_payload FROM queue_items WHERE id = (SELECT MIN(id) FROM queue_items);
  DELETE FROM queue_items WHERE rowid = l_rid;
  RETURN l_payload || ':' || SQL%ROWCOUNT;
END;
/
CREATE OR REPLACE FUNCTION drop_odd RETURN NUMBER IS
  TYPE rid_list IS TABLE OF VARCHAR2(30);
  l_rids rid_list := rid_list();
  n NUMBER := 0;
BEGIN
  FOR r IN (SELECT q.rowid, q.id FROM queue_items q ORDER BY q.id) LOOP
    IF MOD(r.id, 2) = 1 THEN
      l_rids.EXTEND;
      l_rids(l_rids.COUNT) := ROWIDTOCHAR(r.rowid);
    END IF;
  END LOOP;
  FORALL i IN 1 .. l_rids.COUNT
    DELETE FROM queue_items a WHERE a.rowid = CHARTOROWID(l_rids(i));
  RETURN SQL%ROWCOUNT;
END;
/
-- utPLSQL's ut_output_clob_table_buffer: a batch read with its row addresses through a WITH
-- query and SELECT b.* BULK COLLECT (as many collections as the WITH query's columns), then
-- deleted by those addresses.
CREATE OR REPLACE FUNCTION take_batch(p_limit NUMBER) RETURN VARCHAR2 IS
  TYPE text_list IS TABLE OF VARCHAR2(40);
  TYPE num_list IS TABLE OF NUMBER;
  l_texts text_list;
  l_rids  text_list;
  l_ids   num_list;
  l_out   VARCHAR2(200);
BEGIN
  WITH ordered AS (
    SELECT UPPER(a.payload), ROWIDTOCHAR(a.rowid), a.id
      FROM queue_items a
     WHERE a.id <= (SELECT MIN(id) FROM queue_items) + p_limit
     ORDER BY a.id)
  SELECT b.* BULK COLLECT INTO l_texts, l_rids, l_ids FROM ordered b;
  FORALL i IN 1 .. l_rids.COUNT
    DELETE FROM queue_items WHERE rowid = CHARTOROWID(l_rids(i));
  FOR i IN 1 .. l_texts.COUNT LOOP
    l_out := l_out || l_texts(i) || l_ids(i);
  END LOOP;
  RETURN l_out;
END;
/
)";

}  // namespace

TEST(PlsqlRowid, RowAddressesLocateTheRowsReadBefore) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("rowid", kRowid);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  s("INSERT INTO queue_items VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd'), (5, 'e')");
  // SELECT ROWID INTO a ROWID variable, DELETE … WHERE ROWID = it: the first row alone.
  EXPECT_EQ(s("SELECT take_first()"), "a:1");
  // r.rowid of a cursor loop, its character form kept in a collection and turned back with
  // CHARTOROWID in a FORALL DELETE: the odd ids of what is left (3 and 5).
  EXPECT_EQ(s("SELECT drop_odd()"), "2");
  EXPECT_EQ(s("SELECT string_agg(id::text, ',' ORDER BY id) FROM queue_items"), "2,4");
  s("INSERT INTO queue_items VALUES (6, 'f'), (9, 'i')");
  // ids 2..2 + 4: 2, 4 and 6, in the WITH query's order; 9 stays.
  EXPECT_EQ(s("SELECT take_batch(4)"), "B2D4F6");
  EXPECT_EQ(s("SELECT string_agg(id::text, ',' ORDER BY id) FROM queue_items"), "9");
}
