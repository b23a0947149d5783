// Collections in queries and selectors, converted and run on PostgreSQL against what Oracle's
// documentation says (Oracle Database SQL Language Reference 19c, "TABLE Collection Expressions";
// PL/SQL Language Reference 19c, "Collection Methods", "Record Variables", "Object Types"). The
// program is tests/golden/plsql_collections/input.sql, whose conversion is also the golden file.
#include <fstream>
#include <sstream>

#include "plsql_harness.h"
#include "plsql_programs.h"
#include "require_env.h"

namespace {

#define NEED_PG()                       \
  if (!std::getenv("ORASHIFT_TEST_PG")) \
    ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set"

std::string collections_program() {
  std::ifstream in(std::string(ORASHIFT_SOURCE_DIR) + "/tests/golden/plsql_collections/input.sql", std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

// "TABLE Collection Expressions": TABLE(collection) gives one row per element, a scalar element
// as the pseudocolumn COLUMN_VALUE, an object element's attributes as columns; it may read a
// variable, a parameter, a function's result or an attribute of SELF, in SELECT … INTO, a cursor
// FOR loop and INSERT … SELECT.
TEST(PlsqlBehaviour, TableCollectionExpressionsInQueries) {
  NEED_PG();
  auto u = e2e::convert_and_apply("colltab", collections_program());
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT coll_tab.scalar_rows()"), "a,b,c;b;c 3");
  EXPECT_EQ(s("SELECT coll_tab.object_rows()"), "cap,pen,ink 7");
  EXPECT_EQ(s("CALL coll_tab.fill_picked(ARRAY[ROW('pen', 2)::item_t, ROW('ink', 5)::item_t, ROW('cap', 1)::item_t])"), "OK");
  EXPECT_EQ(s("SELECT string_agg(name || qty, ',' ORDER BY name) FROM picked"), "ink5,pen2");
  EXPECT_EQ(e2e::check_errors(s), "NULL");
}

// "Collection Methods" on a record's field and on an element's field (EXTEND, TRIM, COUNT, LAST,
// EXISTS, NEXT), assignment to a field of an element (a(i).f := v) and to an element of a
// collection inside an element (a(i).f(j) := v); "Object Types": a member procedure called on an
// element changes that element, member functions on elements, SELF.attr.EXTEND/TRIM and
// TABLE(SELF.attr) inside methods.
TEST(PlsqlBehaviour, SelectorsOnElementsRecordsAndObjects) {
  NEED_PG();
  auto u = e2e::convert_and_apply("collsel", collections_program());
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT coll_tab.selector_facts()"), "ink15 2 3:Xw n 2");
  EXPECT_EQ(s("SELECT coll_tab.method_facts()"), "16 2 b2");
  EXPECT_EQ(e2e::check_errors(s), "NULL");
}

// "Multidimensional Collections": a collection whose elements are collections, here associative
// arrays inside records inside an associative array (utPLSQL's coverage data). "Associative
// Arrays": an INDEX BY PLS_INTEGER array is sparse and walked in index order, so the inner
// lines come back under their own indexes (-3, 7, 200; ±2147483647), numerically ordered, and the
// units in binary order ('B' before 'b'); assigning through a key that does not exist creates the
// element, at every level. "Collection Methods": COUNT, FIRST, LAST, NEXT, PRIOR (NEXT of an
// absent index is the next present one; PRIOR of the first is NULL), EXISTS and the three DELETE
// forms on an inner collection. "Collection Exceptions": reading a nonexistent element of an
// associative array raises NO_DATA_FOUND, also under another one. "Assigning Values to
// Collection Variables": an element read into a record is a copy.
TEST(PlsqlBehaviour, CollectionsHoldingSparseCollections) {
  NEED_PG();
  auto u = e2e::convert_and_apply("nestmap", e2e::programs::kNestedMapsProgram);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT cov.nested_walk()"), "B:-2147483647=8,2147483647=9,;b:-3=2,7=,200=1,;");
  EXPECT_EQ(s("SELECT cov.inner_methods()"), "3 -3 200 200 -3 200 none yn 5 2");
  EXPECT_EQ(s("SELECT cov.missing()"), "ndf ndf");
  EXPECT_EQ(s("SELECT cov.inner_delete()"), "2:200 1:200 0:none b 2 2");
  EXPECT_EQ(s("SELECT cov.copies()"), "2 3 5 -2147483647 2147483647 6 copy");
  EXPECT_EQ(e2e::check_errors(s), "NULL");
}

// "Package State" of a map of maps (utPLSQL's ut_event_manager): an element of an inner map
// assigned through a key of the outer one that does not exist yet creates it; the inner map is
// passed whole to a function that walks it in index order.
TEST(PlsqlBehaviour, PackageMapOfMapsKeptAcrossCalls) {
  NEED_PG();
  auto u = e2e::convert_and_apply("mapmap", e2e::programs::kNestedMapsProgram);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("CALL cov.listen('start', 10, TRUE)"), "OK");
  EXPECT_EQ(s("CALL cov.listen('start', -1, TRUE)"), "OK");
  EXPECT_EQ(s("CALL cov.listen('end', 3, FALSE)"), "OK");
  EXPECT_EQ(s("CALL cov.listen('start', 2, FALSE)"), "OK");
  EXPECT_EQ(s("CALL cov.listen('start', 10, FALSE)"), "OK");
  EXPECT_EQ(s("SELECT cov.listeners_of('start')"), "-1+,2-,10-, 3 10");
  EXPECT_EQ(s("SELECT cov.listeners_of('end')"), "3-, 1 3");
  EXPECT_EQ(s("SELECT cov.listeners_of('x')"), "none");
  e2e::Session fresh(u.url);
  EXPECT_EQ(fresh("SELECT cov.listeners_of('start')"), "none");
}

// "Object Access Expressions" (SQL Language Reference 19c): an object column of a row source is
// read as alias.column.attribute — here VALUE(c) of TABLE(collection) named in a WITH query and
// read through the query's alias, as utPLSQL's ut_suite_cache_manager cursors do. On PostgreSQL
// a composite's field is selected from the parenthesized column.
TEST(PlsqlBehaviour, ObjectColumnAttributesThroughTheAlias) {
  NEED_PG();
  const char* program = R"(
CREATE OR REPLACE TYPE path_item_t AS OBJECT (path VARCHAR2(100), owner VARCHAR2(30));
/
CREATE OR REPLACE TYPE path_item_rows AS TABLE OF path_item_t;
/
CREATE OR REPLACE PACKAGE cache_paths IS
  FUNCTION paths(p_items path_item_rows, p_owner VARCHAR2) RETURN VARCHAR2;
END;
/
CREATE OR REPLACE PACKAGE BODY cache_paths IS
  CURSOR c_items(cp_items IN path_item_rows, cp_owner VARCHAR2) IS
    WITH items AS (SELECT VALUE(c) AS obj FROM TABLE(cp_items) c)
    SELECT i.obj.path AS path FROM items i WHERE i.obj.owner = cp_owner ORDER BY i.obj.path DESC;
  FUNCTION paths(p_items path_item_rows, p_owner VARCHAR2) RETURN VARCHAR2 IS
    l_out VARCHAR2(400);
  BEGIN
    FOR r IN c_items(p_items, p_owner) LOOP
      l_out := l_out || r.path || ';';
    END LOOP;
    RETURN l_out;
  END;
END;
/
)";
  auto u = e2e::convert_and_apply("objattr", program);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT cache_paths.paths(ARRAY[ROW('a.b', 'x')::path_item_t, ROW('c', 'y')::path_item_t, "
              "ROW('d', 'x')::path_item_t], 'x')"),
            "d;a.b;");
  EXPECT_EQ(e2e::check_errors(s), "NULL");
}
