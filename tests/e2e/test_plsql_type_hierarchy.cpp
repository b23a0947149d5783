// Object type hierarchies run as in Oracle: a variable of a supertype holds any subtype's instance
// (substitutability), a member call runs the override of the instance's run-time type (dynamic
// dispatch), (SELF AS t).m() runs t's own, IS OF and TREAT test and narrow the run-time type.
// Oracle Database Object-Relational Developer's Guide 19c, "Inheritance in SQL Object Types"
// ("Substitutability", "Overriding and Hiding Methods", "Dynamic Method Dispatch") and SQL
// Language Reference, "IS OF type Condition" and "TREAT".
#include <fstream>

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
