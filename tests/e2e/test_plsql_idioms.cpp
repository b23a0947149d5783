// Idioms utPLSQL's core (ut_utils, its matchers) relies on, converted for PostgreSQL and run
// there, each with the result Oracle's documentation gives:
//   $$PLSQL_UNIT is the unit's name ("Conditional Compilation", PL/SQL Language Reference);
//   TRIM(LEADING c FROM s) and REGEXP_REPLACE in named notation with OCCURRENCE 1 and MODIFIER
//   'm' (^ and $ match at line ends: SQL Language Reference, "REGEXP_REPLACE");
//   Oracle's default constructor in named notation ("Object Types": attributes by name), and a
//   user-defined constructor in named notation ("Overloading and Hiding Constructors");
//   EMPTY_BLOB() is a zero-length LOB ("EMPTY_BLOB, EMPTY_CLOB");
//   ROWNUM inside a select item numbers the rows ("ROWNUM Pseudocolumn"); SELECT LEVEL FROM DUAL
//   CONNECT BY LEVEL <= n generates n rows ("Hierarchical Queries"; DUAL has one row, DUMMY 'X');
//   USER_TYPES lists object types with their supertype and FINAL / INSTANTIABLE ("USER_TYPES",
//   Database Reference).
// And collections built in SQL: CAST(COLLECT(x ORDER BY y) AS t) is an aggregate that ignores
// NULLs ("COLLECT"; "Aggregate Functions": all but COUNT(*), GROUPING and GROUPING_ID ignore
// nulls); CAST(MULTISET(subquery) AS t) holds the subquery's rows in order, several columns making
// the object element ("CAST"); VALUE(t) of TABLE(objects) t is the element ("VALUE"); SET(t) keeps
// each element once ("SET"); INSTR with a
// position and occurrence, the documentation's own examples ("INSTR": 'CORPORATE FLOOR', 'OR', 3, 2
// is 14; -3, 2 is 2).
// Cursor variables' attributes (PL/SQL Language Reference, "Named Cursor Attribute": %ISOPEN,
// %FOUND — NULL after OPEN before the first FETCH —, %NOTFOUND, %ROWCOUNT), also of a SYS_REFCURSOR
// parameter opened by the caller.
// Member functions declaring SELF IN OUT that change it ("Object Methods": the changed object is
// the caller's): the stack's pop returns the token and shrinks the stack, also through dynamic
// dispatch in a hierarchy (a NOT INSTANTIABLE function each subtype implements).
#include "plsql_harness.h"
#include "require_env.h"

namespace {

const char* kIdioms = R"(
CREATE OR REPLACE TYPE pair_t AS OBJECT (k VARCHAR2(10), v NUMBER);
/
CREATE OR REPLACE TYPE base_t AS OBJECT (id NUMBER) NOT FINAL NOT INSTANTIABLE;
/
CREATE OR REPLACE TYPE leaf_t UNDER base_t (name VARCHAR2(10));
/
CREATE OR REPLACE TYPE text_rows AS TABLE OF VARCHAR2(100);
/
CREATE OR REPLACE TYPE path_item AS OBJECT (
  schema_name VARCHAR2(30), object_name VARCHAR2(30), suite_path VARCHAR2(100),
  CONSTRUCTOR FUNCTION path_item(self IN OUT NOCOPY path_item, schema_name VARCHAR2, object_name VARCHAR2) RETURN SELF AS RESULT,
  CONSTRUCTOR FUNCTION path_item(self IN OUT NOCOPY path_item, schema_name VARCHAR2, suite_path VARCHAR2,
                                 object_name VARCHAR2 := 'ANY') RETURN SELF AS RESULT
);
/
CREATE OR REPLACE TYPE BODY path_item AS
  CONSTRUCTOR FUNCTION path_item(self IN OUT NOCOPY path_item, schema_name VARCHAR2, object_name VARCHAR2) RETURN SELF AS RESULT IS
  BEGIN
    self.schema_name := schema_name;
    self.object_name := object_name;
    RETURN;
  END;
  CONSTRUCTOR FUNCTION path_item(self IN OUT NOCOPY path_item, schema_name VARCHAR2, suite_path VARCHAR2,
                                 object_name VARCHAR2 := 'ANY') RETURN SELF AS RESULT IS
  BEGIN
    self.schema_name := schema_name;
    self.suite_path := suite_path;
    self.object_name := object_name;
    RETURN;
  END;
END;
/
CREATE OR REPLACE PACKAGE idioms AS
  FUNCTION unit_name RETURN VARCHAR2;
  FUNCTION strip(p_item VARCHAR2, p_prefix VARCHAR2) RETURN VARCHAR2;
  FUNCTION first_line_removed(p_stack VARCHAR2) RETURN VARCHAR2;
  FUNCTION pair_text RETURN VARCHAR2;
  FUNCTION numbered RETURN VARCHAR2;
  FUNCTION subtypes RETURN VARCHAR2;
  FUNCTION nested_fields RETURN NUMBER;
  FUNCTION generated_rows RETURN VARCHAR2;
  FUNCTION paths(p_path VARCHAR2) RETURN VARCHAR2;
  FUNCTION matches(p_text VARCHAR2, p_pattern VARCHAR2, p_modifiers VARCHAR2) RETURN VARCHAR2;
  FUNCTION empty_blob_length RETURN NUMBER;
  FUNCTION escaped(p_text VARCHAR2) RETURN VARCHAR2;
END idioms;
/
CREATE OR REPLACE PACKAGE BODY idioms AS
  FUNCTION unit_name RETURN VARCHAR2 IS
  BEGIN
    RETURN $$plsql_unit;
  END;
  FUNCTION strip(p_item VARCHAR2, p_prefix VARCHAR2) RETURN VARCHAR2 IS
  BEGIN
    RETURN trim(leading p_prefix from p_item) || '|' || trim(both from '  x  ') || '|';
  END;
  FUNCTION first_line_removed(p_stack VARCHAR2) RETURN VARCHAR2 IS
  BEGIN
    RETURN regexp_replace(srcstr => p_stack, pattern => '^ORA-1: (.*)$', replacestr => null,
                          position => 1, occurrence => 1, modifier => 'm');
  END;
  FUNCTION pair_text RETURN VARCHAR2 IS
    l_pair pair_t;
  BEGIN
    l_pair := pair_t(v => 2, k => 'two');
    RETURN l_pair.k || '=' || l_pair.v;
  END;
  FUNCTION numbered RETURN VARCHAR2 IS
    l_rows text_rows := text_rows('a', 'b', 'c');
    l_out VARCHAR2(100);
  BEGIN
    FOR r IN (SELECT rownum + 10 AS n, column_value AS v FROM TABLE(l_rows)) LOOP
      l_out := l_out || r.n || r.v;
    END LOOP;
    RETURN l_out;
  END;
  FUNCTION subtypes RETURN VARCHAR2 IS
    l_out VARCHAR2(200);
  BEGIN
    FOR t IN (SELECT type_name, supertype_name, final, instantiable, typecode FROM user_types
              WHERE type_name IN ('BASE_T', 'LEAF_T', 'TEXT_ROWS') ORDER BY type_name) LOOP
      l_out := l_out || t.type_name || ':' || NVL(t.supertype_name, '-') || ':' || t.final || ':' || t.instantiable ||
               ':' || t.typecode || ';';
    END LOOP;
    RETURN l_out;
  END;
  FUNCTION generated_rows RETURN VARCHAR2 IS
    l_out VARCHAR2(100);
  BEGIN
    FOR r IN (SELECT level AS n, dummy FROM dual CONNECT BY level <= 3) LOOP
      l_out := l_out || r.n || r.dummy;
    END LOOP;
    RETURN l_out;
  END;
  FUNCTION nested_fields RETURN NUMBER IS
    TYPE inner_rec IS RECORD (n NUMBER);
    TYPE outer_rec IS RECORD (i inner_rec);
    l_o outer_rec;
  BEGIN
    l_o.i.n := 5;
    IF l_o.i.n = 5 THEN
      RETURN l_o.i.n + 1;
    END IF;
    RETURN 0;
  END;
  FUNCTION paths(p_path VARCHAR2) RETURN VARCHAR2 IS
    l_by_suite path_item := path_item(schema_name => upper(regexp_substr(p_path, '^[^.:]+')),
                                      suite_path => ltrim(regexp_substr(p_path, '[.:].*$'), ':'));
    l_by_object path_item := path_item(object_name => regexp_substr(p_path, '^(\w+)\.(\w+)', subexpression => 2),
                                       schema_name => regexp_substr(p_path, '^(\w+)\.(\w+)', subexpression => 1));
  BEGIN
    RETURN l_by_suite.schema_name || '|' || l_by_suite.suite_path || '|' || l_by_suite.object_name || '|' ||
           l_by_object.schema_name || '|' || l_by_object.object_name || '|' || nvl(l_by_object.suite_path, '-');
  END;
  FUNCTION matches(p_text VARCHAR2, p_pattern VARCHAR2, p_modifiers VARCHAR2) RETURN VARCHAR2 IS
  BEGIN
    RETURN CASE WHEN regexp_like(p_text, p_pattern, p_modifiers) THEN 'Y' ELSE 'N' END;
  END;
  FUNCTION escaped(p_text VARCHAR2) RETURN VARCHAR2 IS
  BEGIN
    RETURN htf.escape_sc(p_text);
  END;
  FUNCTION empty_blob_length RETURN NUMBER IS
    l_blob BLOB := empty_blob();
  BEGIN
    RETURN dbms_lob.getlength(l_blob);
  END;
END idioms;
/
)";

const char* kCollectionsInSql = R"(
CREATE TABLE idiom_names (grp NUMBER, name VARCHAR2(30));
CREATE OR REPLACE TYPE name_list AS TABLE OF VARCHAR2(30);
/
CREATE OR REPLACE TYPE point_t AS OBJECT (x NUMBER, y NUMBER);
/
CREATE OR REPLACE TYPE points_t AS TABLE OF point_t;
/
CREATE OR REPLACE PACKAGE coll_sql AS
  FUNCTION collected(p_grp NUMBER) RETURN VARCHAR2;
  FUNCTION from_multiset RETURN VARCHAR2;
  FUNCTION positions(p_from NUMBER) RETURN VARCHAR2;
  FUNCTION distinct_names RETURN VARCHAR2;
END coll_sql;
/
CREATE OR REPLACE PACKAGE BODY coll_sql AS
  FUNCTION collected(p_grp NUMBER) RETURN VARCHAR2 IS
    l_names name_list;
    l_out VARCHAR2(200);
  BEGIN
    SELECT CAST(COLLECT(name ORDER BY name DESC) AS name_list) INTO l_names FROM idiom_names WHERE grp = p_grp;
    l_out := l_names.count || ':';
    FOR i IN 1 .. l_names.count LOOP
      l_out := l_out || l_names(i) || ',';
    END LOOP;
    RETURN l_out;
  END;
  FUNCTION from_multiset RETURN VARCHAR2 IS
    l_points points_t;
    l_out VARCHAR2(200);
  BEGIN
    SELECT CAST(MULTISET(SELECT grp, grp * 10 FROM idiom_names WHERE name IS NOT NULL ORDER BY name) AS points_t)
      INTO l_points FROM dual;
    FOR r IN (SELECT VALUE(p) AS pt FROM TABLE(l_points) p) LOOP
      l_out := l_out || r.pt.x || '/' || r.pt.y || ';';
    END LOOP;
    RETURN l_out;
  END;
  FUNCTION positions(p_from NUMBER) RETURN VARCHAR2 IS
  BEGIN
    RETURN instr('CORPORATE FLOOR', 'OR', 3, 2) || ',' || instr('CORPORATE FLOOR', 'OR', -3, 2) || ',' ||
           instr('CORPORATE FLOOR', 'OR', p_from) || ',' || instr('aaaa', 'aa', 1, 3) || ',' ||
           nvl(to_char(instr('abc', 'b', null)), 'null');
  END;
  FUNCTION distinct_names RETURN VARCHAR2 IS
    l_names name_list := SET(name_list('b', 'a', 'b', NULL, 'c', NULL, 'a'));
    l_out VARCHAR2(100) := l_names.count || ':';
  BEGIN
    FOR i IN 1 .. l_names.count LOOP
      l_out := l_out || nvl(l_names(i), '-');
    END LOOP;
    RETURN l_out;
  END;
END coll_sql;
/
)";

const char* kCursorVariables = R"(
CREATE OR REPLACE PACKAGE cur_var AS
  FUNCTION walk RETURN VARCHAR2;
  FUNCTION joined(p_cursor IN SYS_REFCURSOR) RETURN VARCHAR2;
  FUNCTION joined_numbers RETURN VARCHAR2;
END cur_var;
/
CREATE OR REPLACE PACKAGE BODY cur_var AS
  FUNCTION flag(b BOOLEAN) RETURN VARCHAR2 IS
  BEGIN
    RETURN CASE WHEN b IS NULL THEN 'N' WHEN b THEN 'T' ELSE 'F' END;
  END;
  FUNCTION walk RETURN VARCHAR2 IS
    c SYS_REFCURSOR;
    v NUMBER;
    out VARCHAR2(200) := flag(c%ISOPEN);
  BEGIN
    OPEN c FOR SELECT level FROM dual CONNECT BY level <= 2;
    out := out || flag(c%ISOPEN) || flag(c%FOUND) || c%ROWCOUNT || ';';
    LOOP
      FETCH c INTO v;
      out := out || flag(c%FOUND) || flag(c%NOTFOUND) || c%ROWCOUNT || ';';
      EXIT WHEN c%NOTFOUND;
    END LOOP;
    CLOSE c;
    RETURN out || flag(c%ISOPEN);
  END;
  FUNCTION joined(p_cursor IN SYS_REFCURSOR) RETURN VARCHAR2 IS
    v VARCHAR2(10);
    out VARCHAR2(200) := flag(p_cursor%ISOPEN);
  BEGIN
    LOOP
      FETCH p_cursor INTO v;
      EXIT WHEN p_cursor%NOTFOUND;
      out := out || v;
    END LOOP;
    RETURN out || p_cursor%ROWCOUNT;
  END;
  FUNCTION joined_numbers RETURN VARCHAR2 IS
    c SYS_REFCURSOR;
  BEGIN
    OPEN c FOR SELECT to_char(level) FROM dual CONNECT BY level <= 3;
    RETURN joined(c);
  END;
END cur_var;
/
)";

const char* kSelfChanges = R"(
CREATE OR REPLACE TYPE token_stack AS OBJECT (
  top INTEGER, tokens VARCHAR2(100),
  MEMBER PROCEDURE push(self IN OUT NOCOPY token_stack, a_token VARCHAR2),
  MEMBER FUNCTION pop(self IN OUT NOCOPY token_stack) RETURN VARCHAR2
);
/
CREATE OR REPLACE TYPE BODY token_stack AS
  MEMBER PROCEDURE push(self IN OUT NOCOPY token_stack, a_token VARCHAR2) IS
  BEGIN
    self.tokens := self.tokens || a_token;
    self.top := nvl(self.top, 0) + 1;
  END;
  MEMBER FUNCTION pop(self IN OUT NOCOPY token_stack) RETURN VARCHAR2 IS
    l_token VARCHAR2(1) := substr(self.tokens, -1);
  BEGIN
    self.tokens := substr(self.tokens, 1, length(self.tokens) - 1);
    self.top := self.top - 1;
    RETURN l_token;
  END;
END;
/
CREATE OR REPLACE TYPE counter_t AS OBJECT (n NUMBER, NOT INSTANTIABLE MEMBER FUNCTION step(self IN OUT NOCOPY counter_t) RETURN NUMBER)
  NOT FINAL NOT INSTANTIABLE;
/
CREATE OR REPLACE TYPE by_one_t UNDER counter_t (OVERRIDING MEMBER FUNCTION step(self IN OUT NOCOPY by_one_t) RETURN NUMBER);
/
CREATE OR REPLACE TYPE by_ten_t UNDER counter_t (OVERRIDING MEMBER FUNCTION step(self IN OUT NOCOPY by_ten_t) RETURN NUMBER);
/
CREATE OR REPLACE TYPE BODY by_one_t AS
  OVERRIDING MEMBER FUNCTION step(self IN OUT NOCOPY by_one_t) RETURN NUMBER IS
  BEGIN
    self.n := self.n + 1;
    RETURN self.n;
  END;
END;
/
CREATE OR REPLACE TYPE BODY by_ten_t AS
  OVERRIDING MEMBER FUNCTION step(self IN OUT NOCOPY by_ten_t) RETURN NUMBER IS
  BEGIN
    self.n := self.n + 10;
    RETURN self.n;
  END;
END;
/
CREATE OR REPLACE TYPE node_t FORCE AS OBJECT (visits NUMBER, MEMBER FUNCTION visit(self IN OUT NOCOPY node_t) RETURN NUMBER) NOT FINAL;
/
CREATE OR REPLACE TYPE node_list AS TABLE OF node_t;
/
CREATE OR REPLACE TYPE tree_t UNDER node_t (children node_list);
/
CREATE OR REPLACE TYPE BODY node_t AS
  MEMBER FUNCTION visit(self IN OUT NOCOPY node_t) RETURN NUMBER IS
  BEGIN
    self.visits := nvl(self.visits, 0) + 1;
    RETURN self.visits;
  END;
END;
/
CREATE OR REPLACE PACKAGE self_changes AS
  FUNCTION reversed(p_text VARCHAR2) RETURN VARCHAR2;
  FUNCTION stepped RETURN VARCHAR2;
  FUNCTION visited RETURN VARCHAR2;
END self_changes;
/
CREATE OR REPLACE PACKAGE BODY self_changes AS
  FUNCTION reversed(p_text VARCHAR2) RETURN VARCHAR2 IS
    l_stack token_stack := token_stack(0, NULL);
    l_out VARCHAR2(100);
    l_token VARCHAR2(1);
  BEGIN
    FOR i IN 1 .. length(p_text) LOOP
      l_stack.push(substr(p_text, i, 1));
    END LOOP;
    l_token := l_stack.pop();
    l_out := l_token;
    WHILE l_stack.top > 1 LOOP
      l_out := l_out || l_stack.pop();
    END LOOP;
    IF l_stack.pop() IS NOT NULL THEN
      l_out := l_out || '|' || l_stack.top;
    END IF;
    RETURN l_out;
  END;
  FUNCTION stepped RETURN VARCHAR2 IS
    l_counter counter_t := by_ten_t(5);
    l_other counter_t := by_one_t(5);
    l_out VARCHAR2(100);
  BEGIN
    l_out := l_counter.step() || ',' || l_counter.step() || ',' || l_other.step() || ';';
    RETURN l_out || l_counter.n || ',' || l_other.n;
  END;
  FUNCTION visited RETURN VARCHAR2 IS
    l_tree tree_t := tree_t(0, node_list(node_t(0), node_t(5)));
    l_last NUMBER;
  BEGIN
    FOR i IN 1 .. l_tree.children.count LOOP
      l_last := l_tree.children(i).visit();
      l_last := l_tree.children(i).visit();
    END LOOP;
    RETURN l_last || ':' || l_tree.children(1).visits || ',' || l_tree.children(2).visits;
  END;
END self_changes;
/
)";

}  // namespace

TEST(PlsqlIdioms, MemberFunctionsChangingSelfAsInOracle) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("self_changes", kSelfChanges);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT self_changes.reversed('abcd')"), "dcb|0");  // each pop shrinks the caller's stack
  EXPECT_EQ(s("SELECT self_changes.stepped()"), "15,25,6;25,6");   // dispatched, the object's own n changed
  // … on an element of a collection the hierarchy holds of itself (kept as jsonb): written back.
  EXPECT_EQ(s("SELECT self_changes.visited()"), "7:2,7");
}

TEST(PlsqlIdioms, CursorVariableAttributesAsInOracle) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("cur_var", kCursorVariables);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT cur_var.walk()"), "FTN0;TF1;TF2;FT2;F");
  EXPECT_EQ(s("SELECT cur_var.joined_numbers()"), "T1233");
}

TEST(PlsqlIdioms, CollectionsBuiltInSqlAsInOracle) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("coll_sql", kCollectionsInSql);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  s("INSERT INTO idiom_names VALUES (1, 'b'), (1, NULL), (1, 'c'), (1, 'a'), (2, 'z')");
  EXPECT_EQ(s("SELECT coll_sql.collected(1)"), "3:c,b,a,");  // the NULL ignored, ORDER BY kept
  EXPECT_EQ(s("SELECT coll_sql.collected(3)"), "0:");        // no rows: an empty collection
  EXPECT_EQ(s("SELECT coll_sql.from_multiset()"), "1/10;1/10;1/10;2/20;");
  EXPECT_EQ(s("SELECT coll_sql.positions(3)"), "14,2,5,3,null");
  EXPECT_EQ(s("SELECT coll_sql.distinct_names()"), "4:ba-c");  // SET: each element once, one NULL
  EXPECT_EQ(s("SELECT coll_sql.positions(-1)"), "14,2,14,3,null");  // backwards from the last character
}

TEST(PlsqlIdioms, UtPlsqlCoreIdiomsRunAsInOracle) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("idioms", kIdioms);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT idioms.unit_name()"), "IDIOMS");
  EXPECT_EQ(s("SELECT idioms.nested_fields()"), "6");  // r.f.g read and written
  // FROM dual CONNECT BY LEVEL <= n, the row generator: DUAL's one row (DUMMY 'X') recursed.
  EXPECT_EQ(s("SELECT idioms.generated_rows()"), "1X2X3X");
  EXPECT_EQ(s("SELECT idioms.strip('//a/b', '/')"), "a/b|x|");
  EXPECT_EQ(s("SELECT idioms.first_line_removed(E'ORA-2: x\\nORA-1: gone\\nORA-3: y')"), "ORA-2: x\n\nORA-3: y");
  EXPECT_EQ(s("SELECT idioms.pair_text()"), "two=2");
  // User constructors in named notation: the one whose parameters take the names (a default filling
  // the rest); REGEXP_SUBSTR's SUBEXPRESSION named with the parameters before it left out.
  EXPECT_EQ(s("SELECT idioms.paths('ut3:a.b')"), "UT3|a.b|ANY|||-");
  EXPECT_EQ(s("SELECT idioms.paths('ut3.pkg')"), "UT3|.pkg|ANY|ut3|pkg|-");
  // REGEXP_LIKE's match parameter at run time (SQL Language Reference, REGEXP_LIKE): '.' matches a
  // newline only with 'n'; ^ and $ match at line ends only with 'm'; of 'i' and 'c' the last wins.
  EXPECT_EQ(s("SELECT idioms.matches(E'a\\nb', 'a.b', NULL)"), "N");
  EXPECT_EQ(s("SELECT idioms.matches(E'a\\nb', 'a.b', 'n')"), "Y");
  EXPECT_EQ(s("SELECT idioms.matches(E'x\\nab', '^ab$', 'c')"), "N");
  EXPECT_EQ(s("SELECT idioms.matches(E'x\\nab', '^ab$', 'm')"), "Y");
  EXPECT_EQ(s("SELECT idioms.matches('A', 'a', 'ic')"), "N");
  EXPECT_EQ(s("SELECT idioms.matches('A', 'a', 'ci')"), "Y");
  EXPECT_EQ(s("SELECT idioms.empty_blob_length()"), "0");  // EMPTY_BLOB: zero-length, not NULL
  // HTF.ESCAPE_SC (as APEX_ESCAPE.HTML's basic mode: 'hello &"<>''/' → 'hello &amp;&quot;&lt;&gt;''/').
  EXPECT_EQ(s("SELECT idioms.escaped('hello &\"<>''/')"), "hello &amp;&quot;&lt;&gt;'/");
  EXPECT_EQ(s("SELECT idioms.numbered()"), "11a12b13c");
  EXPECT_EQ(s("SELECT idioms.subtypes()"),
            "BASE_T:-:NO:NO:OBJECT;LEAF_T:BASE_T:YES:YES:OBJECT;TEXT_ROWS:-:YES:YES:COLLECTION;");
}
