// Object type hierarchies run as in Oracle: a variable of a supertype holds any subtype's instance
// (substitutability), a member call runs the override of the instance's run-time type (dynamic
// dispatch), (SELF AS t).m() runs t's own, IS OF and TREAT test and narrow the run-time type.
// Oracle Database Object-Relational Developer's Guide 19c, "Inheritance in SQL Object Types"
// ("Substitutability", "Overriding and Hiding Methods", "Dynamic Method Dispatch") and SQL
// Language Reference, "IS OF type Condition" and "TREAT".
#include <fstream>

#include "convert/plsql/builtin_support.h"
#include "plsql_harness.h"
#include "require_env.h"

namespace {

const char* kShapes = R"(
CREATE OR REPLACE TYPE shape AS OBJECT (
  name VARCHAR2(20),
  NOT INSTANTIABLE MEMBER FUNCTION area RETURN NUMBER,
  MEMBER FUNCTION describe RETURN VARCHAR2,
  MEMBER PROCEDURE rename(p_name VARCHAR2),
  MEMBER FUNCTION stamp(p DATE) RETURN VARCHAR2,
  MEMBER FUNCTION stamp(p TIMESTAMP) RETURN VARCHAR2
) NOT FINAL NOT INSTANTIABLE;
/
CREATE OR REPLACE TYPE circle UNDER shape (
  radius NUMBER,
  OVERRIDING MEMBER FUNCTION area RETURN NUMBER
);
/
CREATE OR REPLACE TYPE rect UNDER shape (
  width NUMBER,
  height NUMBER,
  OVERRIDING MEMBER FUNCTION area RETURN NUMBER,
  OVERRIDING MEMBER FUNCTION describe RETURN VARCHAR2,
  OVERRIDING MEMBER FUNCTION stamp(p TIMESTAMP) RETURN VARCHAR2
) NOT FINAL;
/
CREATE OR REPLACE TYPE square UNDER rect (
  label VARCHAR2(10),
  CONSTRUCTOR FUNCTION square(p_side NUMBER) RETURN SELF AS RESULT,
  OVERRIDING MEMBER PROCEDURE rename(p_name VARCHAR2)
);
/
CREATE OR REPLACE TYPE shape_list AS TABLE OF shape;
/
CREATE OR REPLACE TYPE BODY shape AS
  MEMBER FUNCTION describe RETURN VARCHAR2 IS
  BEGIN
    RETURN name || ':' || area();
  END;
  MEMBER PROCEDURE rename(p_name VARCHAR2) IS
  BEGIN
    name := p_name;
  END;
  MEMBER FUNCTION stamp(p DATE) RETURN VARCHAR2 IS BEGIN RETURN 'shape date'; END;
  MEMBER FUNCTION stamp(p TIMESTAMP) RETURN VARCHAR2 IS BEGIN RETURN 'shape ts'; END;
END;
/
CREATE OR REPLACE TYPE BODY circle AS
  OVERRIDING MEMBER FUNCTION area RETURN NUMBER IS
  BEGIN
    RETURN 3 * radius * radius;
  END;
END;
/
CREATE OR REPLACE TYPE BODY rect AS
  OVERRIDING MEMBER FUNCTION area RETURN NUMBER IS
  BEGIN
    RETURN width * height;
  END;
  OVERRIDING MEMBER FUNCTION describe RETURN VARCHAR2 IS
  BEGIN
    RETURN 'rect ' || (SELF AS shape).describe();
  END;
  OVERRIDING MEMBER FUNCTION stamp(p TIMESTAMP) RETURN VARCHAR2 IS BEGIN RETURN 'rect ts'; END;
END;
/
CREATE OR REPLACE TYPE BODY square AS
  CONSTRUCTOR FUNCTION square(p_side NUMBER) RETURN SELF AS RESULT IS
  BEGIN
    name := 'sq';
    width := p_side;
    height := p_side;
    RETURN;
  END;
  OVERRIDING MEMBER PROCEDURE rename(p_name VARCHAR2) IS
  BEGIN
    name := UPPER(p_name);
    label := 'renamed';
  END;
END;
/
CREATE OR REPLACE PACKAGE shapes AS
  FUNCTION make(p_kind VARCHAR2) RETURN shape;
  FUNCTION kind(p circle) RETURN VARCHAR2;
  FUNCTION kind(p rect) RETURN VARCHAR2;
  FUNCTION run_all RETURN VARCHAR2;
END shapes;
/
CREATE OR REPLACE PACKAGE BODY shapes AS
  FUNCTION make(p_kind VARCHAR2) RETURN shape IS
  BEGIN
    IF p_kind = 'c' THEN
      RETURN circle('c', 2);
    ELSIF p_kind = 'r' THEN
      RETURN rect('r', 2, 5);
    END IF;
    RETURN square(3);
  END;

  FUNCTION kind(p circle) RETURN VARCHAR2 IS BEGIN RETURN 'circle ' || p.radius; END;
  FUNCTION kind(p rect) RETURN VARCHAR2 IS BEGIN RETURN 'rect ' || p.width; END;

  FUNCTION run_all RETURN VARCHAR2 IS
    l_circle circle := circle('k', 7);
    l_ts     TIMESTAMP := LOCALTIMESTAMP;
    l_shapes shape_list := shape_list(circle('c1', 1), rect('r1', 2, 3), square(4));
    l_shape  shape;
    l_rect   rect;
    l_out    VARCHAR2(4000);
  BEGIN
    FOR i IN 1 .. l_shapes.COUNT LOOP
      l_out := l_out || l_shapes(i).area() || ',';
    END LOOP;
    l_out := l_out || l_shapes(2).describe() || ',' || l_shapes(1).describe() || ',';
    l_shape := make('c');
    l_out := l_out || l_shape.area() || ',';
    IF l_shape IS OF (circle) THEN l_out := l_out || 'circle,'; END IF;
    IF l_shape IS OF (rect) THEN l_out := l_out || 'rect?,'; END IF;
    l_shape := make('s');
    IF l_shape IS OF (rect) THEN l_out := l_out || 'square is a rect,'; END IF;
    IF l_shape IS OF (ONLY rect) THEN l_out := l_out || 'only rect?,'; END IF;
    l_rect := TREAT(l_shape AS rect);
    l_out := l_out || l_rect.width || ',';
    IF TREAT(make('c') AS rect) IS NULL THEN l_out := l_out || 'treat null,'; END IF;
    l_shape.rename('box');
    l_out := l_out || l_shape.name || ',' || TREAT(l_shape AS square).label || ',';
    l_shapes(1).rename('ring');
    l_out := l_out || l_shapes(1).name || ',' || make('r').describe() || ',';
    l_out := l_out || kind(l_circle) || ',' || kind(l_rect) || ',';
    l_out := l_out || l_shape.stamp(l_ts) || ',' || l_shape.stamp(SYSDATE) || ',' || l_shapes(1).stamp(l_ts);
    RETURN l_out;
  END;
END shapes;
/
)";

// A hierarchy whose composite would contain itself: SUITE holds a collection of the root ITEM and
// an ITEM (as utPLSQL's ut_logical_suite holds ut_suite_items), which PostgreSQL's composites
// cannot; those attributes are jsonb in the one composite (lower_box.cpp).
const char* kTree = R"(
CREATE OR REPLACE TYPE item AS OBJECT (
  name VARCHAR2(20),
  NOT INSTANTIABLE MEMBER PROCEDURE run(p_log IN OUT VARCHAR2),
  NOT INSTANTIABLE MEMBER FUNCTION size_of RETURN NUMBER,
  MEMBER FUNCTION label RETURN VARCHAR2,
  MEMBER PROCEDURE touch(p_by NUMBER),
  MEMBER FUNCTION touch(p_by NUMBER) RETURN NUMBER
) NOT FINAL NOT INSTANTIABLE;
/
CREATE OR REPLACE TYPE item_list AS TABLE OF item;
/
CREATE OR REPLACE TYPE leaf UNDER item (
  weight NUMBER,
  runs   NUMBER,
  OVERRIDING MEMBER PROCEDURE run(p_log IN OUT VARCHAR2),
  OVERRIDING MEMBER FUNCTION size_of RETURN NUMBER
);
/
CREATE OR REPLACE TYPE suite UNDER item (
  items    item_list,
  heaviest item,
  CONSTRUCTOR FUNCTION suite(p_name VARCHAR2) RETURN SELF AS RESULT,
  MEMBER PROCEDURE add(p item),
  OVERRIDING MEMBER PROCEDURE run(p_log IN OUT VARCHAR2),
  OVERRIDING MEMBER FUNCTION size_of RETURN NUMBER
);
/
CREATE OR REPLACE TYPE BODY item AS
  MEMBER FUNCTION label RETURN VARCHAR2 IS
  BEGIN
    RETURN name || '#' || size_of();
  END;
  MEMBER PROCEDURE touch(p_by NUMBER) IS
  BEGIN
    name := name || '*' || p_by;
  END;
  MEMBER FUNCTION touch(p_by NUMBER) RETURN NUMBER IS
  BEGIN
    RETURN p_by * 10;
  END;
END;
/
CREATE OR REPLACE TYPE BODY leaf AS
  OVERRIDING MEMBER PROCEDURE run(p_log IN OUT VARCHAR2) IS
  BEGIN
    runs := NVL(runs, 0) + 1;
    p_log := p_log || name || ';';
  END;
  OVERRIDING MEMBER FUNCTION size_of RETURN NUMBER IS
  BEGIN
    RETURN weight;
  END;
END;
/
CREATE OR REPLACE TYPE BODY suite AS
  CONSTRUCTOR FUNCTION suite(p_name VARCHAR2) RETURN SELF AS RESULT IS
  BEGIN
    name := p_name;
    items := item_list();
    RETURN;
  END;
  MEMBER PROCEDURE add(p item) IS
  BEGIN
    items.EXTEND;
    items(items.LAST) := p;
    IF heaviest IS NULL OR p.size_of() > heaviest.size_of() THEN
      self.heaviest := p;
    END IF;
  END;
  OVERRIDING MEMBER PROCEDURE run(p_log IN OUT VARCHAR2) IS
  BEGIN
    p_log := p_log || name || '[';
    FOR i IN 1 .. self.items.COUNT LOOP
      self.items(i).run(p_log);
    END LOOP;
    p_log := p_log || ']';
  END;
  OVERRIDING MEMBER FUNCTION size_of RETURN NUMBER IS
    l_total NUMBER := 0;
  BEGIN
    FOR i IN 1 .. items.COUNT LOOP
      l_total := l_total + self.items(i).size_of();
    END LOOP;
    RETURN l_total;
  END;
END;
/
CREATE OR REPLACE PACKAGE trees AS
  FUNCTION run_all RETURN VARCHAR2;
END trees;
/
CREATE OR REPLACE PACKAGE BODY trees AS
  PROCEDURE double_weights(p_items IN OUT item_list) IS
  BEGIN
    FOR i IN 1 .. p_items.COUNT LOOP
      IF p_items(i) IS OF (leaf) THEN
        p_items(i) := leaf(p_items(i).name, TREAT(p_items(i) AS leaf).weight * 2, NULL);
      END IF;
    END LOOP;
  END;

  FUNCTION run_all RETURN VARCHAR2 IS
    l_root suite := suite('root');
    l_sub  suite := suite('sub');
    l_item item;
    l_log  VARCHAR2(4000);
    l_out  VARCHAR2(4000);
  BEGIN
    l_sub.add(leaf('b', 2, NULL));
    l_sub.add(leaf('c', 3, NULL));
    l_root.add(leaf('a', 1, NULL));
    l_root.add(l_sub);
    l_root.run(l_log);
    l_out := l_log || ',' || l_root.size_of() || ',' || l_root.label() || ',' || l_root.heaviest.name || ',';
    l_out := l_out || TREAT(l_root.items(1) AS leaf).runs || ',';
    l_item := l_root.items(2);
    IF l_item IS OF (suite) THEN l_out := l_out || 'suite,'; END IF;
    IF l_root.items(1) IS OF (leaf) THEN l_out := l_out || 'leaf,'; END IF;
    l_out := l_out || TREAT(l_item AS suite).items.COUNT || ',';
    IF TREAT(l_item AS leaf) IS NULL THEN l_out := l_out || 'not a leaf,'; END IF;
    l_root.items(1) := leaf('z', 5, NULL);
    l_out := l_out || l_root.size_of() || ',' || l_sub.items.COUNT;
    l_sub.touch(p_by => 2);
    l_out := l_out || ',' || l_sub.name || ',' || l_sub.touch(p_by => 3);
    double_weights(l_sub.items);
    l_out := l_out || ',' || l_sub.size_of();
    RETURN l_out;
  END;
END trees;
/
)";

}  // namespace

TEST(PlsqlTypeHierarchy, SubtypesAreSubstitutableAndMethodsDispatchOnTheRunTimeType) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("type_hierarchy", kShapes);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  // areas 3·1², 2·3, 4·4 through the supertype's collection; rect's describe calls shape's
  // (SELF AS shape) whose area() dispatches back to rect's; circle inherits shape's describe;
  // IS OF (rect) holds for a square, IS OF (ONLY rect) does not; TREAT to a type the instance is
  // not gives NULL; rename on a square runs square's override (upper case, label set) and on an
  // element of the collection shape's own, changing the element in place; overloads on two types
  // of the hierarchy (one composite on the target) run the one the argument's declared type picks;
  // methods overloaded on DATE and TIMESTAMP (one type on the target) run the one Oracle picks,
  // and the TIMESTAMP one dispatches to RECT's override for a square, not for a circle.
  EXPECT_EQ(s("SELECT shapes.run_all()"),
            "3,6,16,rect r1:6,c1:3,12,circle,square is a rect,3,treat null,BOX,renamed,ring,rect r:10,circle 7,rect 3,rect ts,shape date,shape ts");
}

// "Inheritance in SQL Object Types" (Object-Relational Developer's Guide): an element of a
// collection of the supertype holds any subtype ("Substitutability"), a call on it runs the
// run-time type's override ("Dynamic Method Dispatch"), here of a NOT INSTANTIABLE method; a
// member procedure called on an element changes the element in place; collections and objects
// are copied on assignment (l_sub keeps its two items after being added to l_root).
TEST(PlsqlTypeHierarchy, AHierarchyHoldingItsOwnValuesDispatchesThroughItsElements) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("type_hierarchy_tree", kTree);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  // run: suite's override visits its items, each element's own run (leaf: logs and counts
  // runs, suite: recurses); size_of sums the leaves' weights 1 + (2 + 3); label (ITEM's) calls
  // the NOT INSTANTIABLE size_of, SUITE's for a suite; heaviest is the suite (5 > 1); the run
  // count of element 1 is 1 (changed in place); IS OF and TREAT on elements; after element 1
  // becomes a leaf of weight 5 the total is 5 + 5; l_sub itself still has 2 items. TOUCH is a
  // procedure and a function of one name and parameters: the statement runs the procedure, the
  // expression the function, each with its argument named (PL/SQL Language Reference,
  // "Subprogram Overloading"; named notation, "Positional, Named, and Mixed Notation"). An IN OUT
  // argument l_sub.items gets the procedure's doubled weights back: (2 + 3) * 2. l_log, a
  // VARCHAR2(4000) passed IN OUT to RUN's VARCHAR2 parameter, gets the log back.
  EXPECT_EQ(s("SELECT trees.run_all()"), "root[a;sub[b;c;]],6,root#6,sub,1,suite,leaf,2,not a leaf,10,2,sub*2,30,10");
}

// The jsonb the attributes are held as gives back exactly what was stored: nested composites,
// arrays of composites with NULL elements, NULL and empty arrays, dates, timestamps, booleans,
// numerics with their scale, float8 specials, text with quotes and newlines, bytea, intervals.
TEST(PlsqlTypeHierarchy, JsonbHoldsCompositesExactly) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  std::string url = e2e::fresh_pg_database("plsql_box_roundtrip");
  ASSERT_FALSE(url.empty());
  e2e::Session s(url);
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(s("CREATE TYPE inner_t AS (d date, ts timestamp, tz timestamptz, b boolean, n numeric, f float8, t text, "
              "by bytea, iv interval, nums numeric[], j jsonb)"), "OK");
  ASSERT_EQ(s("CREATE TYPE outer_t AS (name varchar(20), one inner_t, many inner_t[], none inner_t[], empty inner_t[], "
              "kids jsonb, tag text)"), "OK");
  std::string v =
      "ROW('x', ROW(DATE '2024-02-29', TIMESTAMP '2024-01-01 10:11:12.123456', TIMESTAMPTZ '2024-01-01 10:00:00+05', "
      "TRUE, 1.50, 'Infinity'::float8, 'a \"q\" '' \n z', '\\x00ff'::bytea, INTERVAL '1 day 02:03:04', "
      "ARRAY[1.0, NULL, 3], '{\"k\": [1, null]}')::inner_t, "
      "ARRAY[ROW(NULL, NULL, NULL, FALSE, -0.001, 'NaN', '', NULL, NULL, '{}', NULL)::inner_t, NULL, "
      "ROW(NULL, NULL, NULL, NULL, 1e-20, 0.1, NULL, NULL, NULL, NULL, NULL)::inner_t], NULL, '{}', "
      "'[{\"name\": \"k\"}]', 'T')::outer_t";
  // Compared as text: IS NOT DISTINCT FROM would call ROW(NULL, …) and NULL the same.
  EXPECT_EQ(s("SELECT (jsonb_populate_record(NULL::outer_t, to_jsonb(" + v + ")))::text = (" + v + ")::text"), "t");
  // A jsonb attribute holding JSON null comes back SQL NULL: orashift's jsonb values (associative
  // arrays, boxed attributes) never hold JSON null for anything but NULL (lower_map.cpp reads
  // 'null' as NULL too), so nothing converted tells them apart.
  EXPECT_EQ(s("SELECT (jsonb_populate_record(NULL::outer_t, to_jsonb(ROW('x', NULL, NULL, NULL, NULL, 'null', NULL)::outer_t))).kids IS NULL"),
            "t");
  // Collections through the helper lower_box.cpp reads them with: elements in order, a NULL
  // element NULL, a NULL collection NULL and an empty one empty.
  ASSERT_EQ(s(orashift::plsql::builtin_helper_sql("orashift_unbox_array")), "OK");
  EXPECT_EQ(s("SELECT orashift_unbox_array(NULL::outer_t, to_jsonb(ARRAY[" + v + ", NULL, " + v + "]))::text = (ARRAY[" + v +
              ", NULL, " + v + "])::text"),
            "t");
  EXPECT_EQ(s("SELECT orashift_unbox_array(NULL::outer_t, NULL) IS NULL"), "t");
  EXPECT_EQ(s("SELECT cardinality(orashift_unbox_array(NULL::outer_t, to_jsonb('{}'::outer_t[])))"), "0");
}

// A write of a boxed attribute the local copy cannot reach (here through a record's field,
// a.b.items(i) := v) is an item at the statement, never a jsonb column assigned as an array.
TEST(PlsqlTypeHierarchy, AnUnreachableWriteOfAnAttributeHeldAsJsonbIsFlagged) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  std::string script = std::string(kTree) + R"(
CREATE OR REPLACE PROCEDURE deep IS
  TYPE holder IS RECORD (s suite);
  l_h holder;
BEGIN
  l_h.s := suite('h');
  l_h.s.add(leaf('a', 1, NULL));
  l_h.s.items(1) := leaf('b', 2, NULL);
END;
/
)";
  auto u = e2e::convert_and_apply("type_hierarchy_deep", script);
  std::ifstream in(u.dir.parent_path() / "report" / "action_items.csv");
  std::string csv((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(csv.find("OS6001,high,code,PROCEDURE DEEP,\"writing l_h.s.items(1)"), std::string::npos) << csv;
  // The rest of the tree is applied as before.
  EXPECT_EQ(e2e::Session(u.url)("SELECT trees.run_all()"), "root[a;sub[b;c;]],6,root#6,sub,1,suite,leaf,2,not a leaf,10,2,sub*2,30,10");
}
