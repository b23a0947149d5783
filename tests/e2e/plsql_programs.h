#pragma once
// The PL/SQL programs of the behaviour tests, shared by the PostgreSQL tests
// (test_plsql_behaviour.cpp) and the Redshift stand-in (test_plsql_behaviour_redshift.cpp), so
// both targets run the same Oracle code.
namespace e2e::programs {

inline const char* kEmp = R"(
CREATE TABLE emp (id NUMBER(6) PRIMARY KEY, name VARCHAR2(30), dept NUMBER(4), salary NUMBER(8,2), updated DATE);
)";

inline const char* kSelectIntoProgram = R"(
CREATE OR REPLACE FUNCTION emp_name (p_dept IN NUMBER) RETURN VARCHAR2 IS
  v emp.name%TYPE;
BEGIN
  SELECT name INTO v FROM emp WHERE dept = p_dept;
  RETURN v;
EXCEPTION
  WHEN NO_DATA_FOUND THEN RETURN 'none';
  WHEN TOO_MANY_ROWS THEN RETURN 'many';
END;
/
)";

inline const char* kExceptionsProgram = R"(
CREATE OR REPLACE PACKAGE errs IS
  bad_input EXCEPTION;
  PRAGMA EXCEPTION_INIT(bad_input, -20042);
  PROCEDURE check_positive (n NUMBER);
  FUNCTION code_of (n NUMBER) RETURN NUMBER;
  FUNCTION user_code RETURN NUMBER;
END errs;
/
CREATE OR REPLACE PACKAGE BODY errs IS
  PROCEDURE check_positive (n NUMBER) IS
  BEGIN
    IF n <= 0 THEN
      RAISE_APPLICATION_ERROR(-20042, 'not positive: ' || n);
    END IF;
  END check_positive;
  FUNCTION code_of (n NUMBER) RETURN NUMBER IS
  BEGIN
    check_positive(n);
    RETURN 0;
  EXCEPTION
    WHEN bad_input THEN RETURN SQLCODE;
  END code_of;
  FUNCTION user_code RETURN NUMBER IS
    mine EXCEPTION;
  BEGIN
    RAISE mine;
  EXCEPTION
    WHEN mine THEN RETURN SQLCODE;
  END user_code;
END errs;
/
CREATE OR REPLACE FUNCTION safe_div (a NUMBER, b NUMBER) RETURN NUMBER IS
BEGIN
  RETURN a / b;
EXCEPTION
  WHEN ZERO_DIVIDE THEN RETURN NULL;
END;
/
)";

inline const char* kCursorsProgram = R"(
CREATE OR REPLACE FUNCTION cursor_facts (p_dept NUMBER) RETURN VARCHAR2 IS
  CURSOR c (d NUMBER) IS SELECT name FROM emp WHERE dept = d ORDER BY id;
  v_name emp.name%TYPE;
  v_out VARCHAR2(200);
  v_open_before BOOLEAN;
BEGIN
  v_open_before := c%ISOPEN;
  OPEN c(p_dept);
  LOOP
    FETCH c INTO v_name;
    EXIT WHEN c%NOTFOUND;
    v_out := v_out || v_name || ',';
  END LOOP;
  v_out := v_out || 'rows=' || c%ROWCOUNT;
  IF c%ISOPEN AND NOT v_open_before THEN v_out := v_out || ' open'; END IF;
  CLOSE c;
  IF NOT c%ISOPEN THEN v_out := v_out || ' closed'; END IF;
  RETURN v_out;
END;
/
CREATE OR REPLACE FUNCTION total_salary (p_dept NUMBER) RETURN NUMBER IS
  CURSOR c (d NUMBER) IS SELECT salary FROM emp WHERE dept = d;
  total NUMBER := 0;
BEGIN
  FOR r IN c(p_dept) LOOP
    total := total + r.salary;
  END LOOP;
  FOR r IN (SELECT salary FROM emp WHERE dept = p_dept) LOOP
    total := total + r.salary;
  END LOOP;
  RETURN total;
END;
/
)";

inline const char* kParamsProgram = R"(
CREATE OR REPLACE PROCEDURE split_name (p_full IN VARCHAR2, p_first OUT VARCHAR2, p_count IN OUT NUMBER) IS
BEGIN
  p_first := SUBSTR(p_full, 1, INSTR(p_full, ' ') - 1);
  p_count := p_count + 1;
END;
/
CREATE OR REPLACE FUNCTION greet (p_name VARCHAR2, p_greeting VARCHAR2 DEFAULT 'Hello') RETURN VARCHAR2 IS
BEGIN
  RETURN p_greeting || ', ' || p_name;
END;
/
CREATE OR REPLACE FUNCTION use_them RETURN VARCHAR2 IS
  v_first VARCHAR2(30);
  v_n NUMBER := 10;
BEGIN
  split_name('Ada Lovelace', v_first, v_n);
  split_name(p_count => v_n, p_first => v_first, p_full => 'Alan Turing');
  RETURN v_first || ' ' || v_n || ' ' || greet('Bob') || ' ' || greet(p_greeting => 'Hi', p_name => 'Eve');
END;
/
)";

inline const char* kPackageStateProgram = R"(
CREATE OR REPLACE PACKAGE counter IS
  step CONSTANT NUMBER := 5;
  TYPE stats_t IS RECORD (calls NUMBER, last_value NUMBER);
  FUNCTION next_value RETURN NUMBER;
  FUNCTION inits RETURN NUMBER;
  FUNCTION stats RETURN VARCHAR2;
END counter;
/
CREATE OR REPLACE PACKAGE BODY counter IS
  g_value NUMBER := 100;
  g_inits NUMBER := 0;
  g_stats stats_t;
  FUNCTION next_value RETURN NUMBER IS
  BEGIN
    g_value := g_value + step;
    g_stats.calls := NVL(g_stats.calls, 0) + 1;
    g_stats.last_value := g_value;
    RETURN g_value;
  END next_value;
  FUNCTION stats RETURN VARCHAR2 IS
  BEGIN
    RETURN g_stats.calls || ':' || g_stats.last_value;
  END stats;
  FUNCTION inits RETURN NUMBER IS
  BEGIN
    RETURN g_inits;
  END inits;
BEGIN
  g_inits := g_inits + 1;
END counter;
/
)";

inline const char* kTriggersProgram = R"(
CREATE SEQUENCE emp_seq START WITH 1000;
CREATE TABLE audit_log (what VARCHAR2(20), n NUMBER);
CREATE OR REPLACE TRIGGER emp_key BEFORE INSERT ON emp FOR EACH ROW
BEGIN
  IF :NEW.id IS NULL THEN
    SELECT emp_seq.NEXTVAL INTO :NEW.id FROM dual;
  END IF;
END;
/
CREATE OR REPLACE TRIGGER emp_rules BEFORE INSERT OR UPDATE OF salary ON emp FOR EACH ROW
BEGIN
  IF :NEW.salary < 0 THEN
    RAISE_APPLICATION_ERROR(-20001, 'negative salary');
  END IF;
  :NEW.name := UPPER(:NEW.name);
  IF UPDATING THEN
    :NEW.updated := DATE '2024-01-02';
  END IF;
END;
/
CREATE OR REPLACE TRIGGER emp_stmt AFTER INSERT ON emp
BEGIN
  INSERT INTO audit_log (what, n) VALUES ('insert', 1);
END;
/
)";

inline const char* kBulkProgram = R"(
CREATE OR REPLACE FUNCTION raise_all (p_pct NUMBER) RETURN VARCHAR2 IS
  TYPE id_list IS TABLE OF emp.id%TYPE;
  ids id_list;
  v_updated NUMBER;
  v_deleted NUMBER;
BEGIN
  SELECT id BULK COLLECT INTO ids FROM emp WHERE dept = 20 ORDER BY id;
  FORALL i IN 1 .. ids.COUNT
    UPDATE emp SET salary = salary * (1 + p_pct / 100) WHERE id = ids(i);
  v_updated := SQL%ROWCOUNT;
  DELETE FROM emp WHERE dept = 10;
  v_deleted := SQL%ROWCOUNT;
  RETURN ids.COUNT || ' ' || v_updated || ' ' || v_deleted;
END;
/
)";

inline const char* kDynamicSqlProgram = R"(
CREATE OR REPLACE FUNCTION set_salary (p_id NUMBER, p_salary NUMBER) RETURN NUMBER IS
  v NUMBER;
BEGIN
  EXECUTE IMMEDIATE 'UPDATE emp SET salary = :s WHERE id = :i' USING p_salary, p_id;
  EXECUTE IMMEDIATE 'SELECT salary FROM emp WHERE id = :1' INTO v USING p_id;
  RETURN v;
END;
/
CREATE OR REPLACE PROCEDURE rename_emp (p_id NUMBER, p_name VARCHAR2) IS
  v_sql VARCHAR2(200) := 'UPDATE emp SET name = :new_name WHERE id = :id AND name <> ''a:b''';
BEGIN
  EXECUTE IMMEDIATE v_sql || ' AND salary::numeric >= :min' USING p_name, p_id, 0;
END;
/
)";

inline const char* kCommitProgram = R"(
CREATE OR REPLACE PROCEDURE load_two IS
BEGIN
  INSERT INTO emp (id, name) VALUES (1, 'first');
  COMMIT;
  INSERT INTO emp (id, name) VALUES (1, 'duplicate');
END;
/
)";

inline const char* kObjectTypesProgram = R"(
CREATE OR REPLACE TYPE shape_t AS OBJECT (
  name VARCHAR2(20),
  MEMBER FUNCTION area RETURN NUMBER,
  MEMBER FUNCTION describe RETURN VARCHAR2,
  MEMBER PROCEDURE rename (p_name VARCHAR2),
  STATIC FUNCTION unit RETURN VARCHAR2
) NOT FINAL;
/
CREATE OR REPLACE TYPE rect_t UNDER shape_t (
  w NUMBER, h NUMBER,
  CONSTRUCTOR FUNCTION rect_t (p_side NUMBER) RETURN SELF AS RESULT,
  OVERRIDING MEMBER FUNCTION area RETURN NUMBER
);
/
CREATE OR REPLACE TYPE BODY shape_t AS
  MEMBER FUNCTION area RETURN NUMBER IS BEGIN RETURN 0; END;
  MEMBER FUNCTION describe RETURN VARCHAR2 IS BEGIN RETURN name || ' of ' || area() || ' ' || shape_t.unit; END;
  MEMBER PROCEDURE rename (p_name VARCHAR2) IS BEGIN name := p_name; END;
  STATIC FUNCTION unit RETURN VARCHAR2 IS BEGIN RETURN 'cm2'; END;
END;
/
CREATE OR REPLACE TYPE BODY rect_t AS
  CONSTRUCTOR FUNCTION rect_t (p_side NUMBER) RETURN SELF AS RESULT IS
  BEGIN
    SELF.name := 'square';
    w := p_side;
    h := p_side;
    RETURN;
  END;
  OVERRIDING MEMBER FUNCTION area RETURN NUMBER IS BEGIN RETURN w * h; END;
END;
/
CREATE OR REPLACE FUNCTION shapes_demo RETURN VARCHAR2 IS
  r rect_t := rect_t(3);
  s shape_t := shape_t('blob');
  r2 rect_t := rect_t('box', 2, 5);
BEGIN
  s.rename('circle');
  r2.rename('crate');
  RETURN r.area() || ',' || r2.area || ',' || s.describe() || ',' || r.describe() || ',' || r2.name;
END;
/
)";

// "Nested, Package, and Standalone Subprograms" / "Scope and Visibility of Identifiers": a nested
// subprogram reads and writes its enclosing routine's variables and parameters; calls nest.
inline const char* kNestedProgram = R"(
CREATE OR REPLACE FUNCTION nested_sum (p_n IN NUMBER, p_double IN BOOLEAN DEFAULT FALSE) RETURN VARCHAR2 IS
  l_total NUMBER := 0;
  l_calls PLS_INTEGER := 0;
  c_step CONSTANT NUMBER := 10;
  l_log VARCHAR2(200);
  PROCEDURE note (p_text VARCHAR2) IS
  BEGIN
    l_log := l_log || p_text || ';';
    l_calls := l_calls + 1;
  END note;
  PROCEDURE add_one (p_v IN NUMBER) IS
  BEGIN
    IF p_double THEN
      l_total := l_total + 2 * p_v * c_step;
    ELSE
      l_total := l_total + p_v * c_step;
    END IF;
    note('+' || p_v);
  END add_one;
  FUNCTION label (p_x VARCHAR2) RETURN VARCHAR2 IS
  BEGIN
    RETURN p_x || '=' || l_total || ' calls=' || l_calls;
  END label;
BEGIN
  FOR i IN 1 .. p_n LOOP
    add_one(i);
  END LOOP;
  RETURN label('total') || ' ' || l_log;
END;
/
)";

// "Collection Constructors" (a nested table type's constructor, empty and with elements),
// "Multiset Conditions" and "Multiset Operators" (ALL by default: multiplicities count), the
// collection types of Oracle's own packages (DBMS_UTILITY.LNAME_ARRAY, SYS.ODCIVARCHAR2LIST),
// and a handler for a predefined exception the engine raises only when the code does.
inline const char* kConstructorsProgram = R"(
CREATE OR REPLACE TYPE name_list AS TABLE OF VARCHAR2(30);
/
CREATE OR REPLACE FUNCTION list_facts RETURN VARCHAR2 IS
  l_empty name_list := name_list();
  l_two name_list := name_list('ann', 'bob');
  l_sys sys.odcivarchar2list := sys.odcivarchar2list('x', 'y', 'z');
  l_lines dbms_utility.lname_array;
BEGIN
  l_lines(1) := 'first';
  l_two.EXTEND;
  l_two(l_two.COUNT) := 'cy';
  RETURN l_empty.COUNT || ' ' || l_two.COUNT || ':' || l_two(3) || ' ' || l_sys.COUNT || ':' || l_sys(2) || ' ' || l_lines(1);
END;
/
CREATE OR REPLACE FUNCTION multiset_facts RETURN VARCHAR2 IS
  a name_list := name_list('x', 'y', 'y');
  b name_list := name_list('y', 'z');
  n name_list := NULL;
  u name_list;
  d name_list;
  e name_list;
  i name_list;
  z name_list;
  r VARCHAR2(200);
BEGIN
  u := a MULTISET UNION b;
  d := a MULTISET UNION DISTINCT b;
  e := a MULTISET EXCEPT b;
  i := a MULTISET INTERSECT b;
  z := a MULTISET UNION n;
  r := CASE WHEN 'y' MEMBER OF a THEN 'member' ELSE 'not' END || ' ' ||
       CASE WHEN 'q' NOT MEMBER OF a THEN 'q-out' ELSE 'q-in' END || ' ' ||
       CASE WHEN name_list() IS EMPTY THEN 'empty' ELSE 'full' END || ' ' ||
       CASE WHEN a IS NOT EMPTY THEN 'a-full' ELSE 'a-empty' END || ' ' ||
       u.COUNT || ' ' || d.COUNT || ' ' || e.COUNT || ' ' || i.COUNT || ' ' ||
       CASE WHEN z IS NULL THEN 'null' ELSE 'not-null' END;
  RETURN r;
END;
/
CREATE OR REPLACE FUNCTION raises_program_error RETURN VARCHAR2 IS
BEGIN
  RAISE PROGRAM_ERROR;
EXCEPTION
  WHEN PROGRAM_ERROR THEN RETURN 'caught';
END;
/
)";

// Associative arrays (PL/SQL Language Reference, "Associative Arrays", "Collection Methods"):
// string keys in binary order, insert/replace/read, a missing key, record elements, DELETE forms,
// a package-level map kept across calls and passed as a parameter, a sparse PLS_INTEGER array.
inline const char* kAssocArraysProgram = R"(
CREATE OR REPLACE PACKAGE dict IS
  TYPE t_map IS TABLE OF NUMBER INDEX BY VARCHAR2(30);
  PROCEDURE put (k VARCHAR2, v NUMBER);
  FUNCTION get (k VARCHAR2) RETURN NUMBER;
  FUNCTION size_of RETURN PLS_INTEGER;
  FUNCTION keys_in_order RETURN VARCHAR2;
  FUNCTION total (m t_map) RETURN NUMBER;
  FUNCTION total_of_state RETURN NUMBER;
END dict;
/
CREATE OR REPLACE PACKAGE BODY dict IS
  g t_map;
  PROCEDURE put (k VARCHAR2, v NUMBER) IS
  BEGIN
    g(k) := v;
  END put;
  FUNCTION get (k VARCHAR2) RETURN NUMBER IS
  BEGIN
    RETURN g(k);
  END get;
  FUNCTION size_of RETURN PLS_INTEGER IS
  BEGIN
    RETURN g.COUNT;
  END size_of;
  FUNCTION keys_in_order RETURN VARCHAR2 IS
    k VARCHAR2(30);
    r VARCHAR2(400);
  BEGIN
    k := g.FIRST;
    WHILE k IS NOT NULL LOOP
      r := r || k || '=' || g(k) || ';';
      k := g.NEXT(k);
    END LOOP;
    RETURN r;
  END keys_in_order;
  FUNCTION total (m t_map) RETURN NUMBER IS
    k VARCHAR2(30) := m.LAST;
    s NUMBER := 0;
  BEGIN
    WHILE k IS NOT NULL LOOP
      s := s + m(k);
      k := m.PRIOR(k);
    END LOOP;
    RETURN s;
  END total;
  FUNCTION total_of_state RETURN NUMBER IS
  BEGIN
    RETURN total(g);
  END total_of_state;
END dict;
/
CREATE OR REPLACE FUNCTION map_facts RETURN VARCHAR2 IS
  TYPE t_names IS TABLE OF VARCHAR2(20) INDEX BY VARCHAR2(10);
  m t_names;
  c t_names;
  r VARCHAR2(400);
BEGIN
  m('b') := 'x';
  m('B') := 'upper';
  m('a') := 'first';
  m('b') := 'bee';
  m('ab') := 'ab';
  m('c') := NULL;
  c := m;
  c('zz') := 'only in c';
  r := m.COUNT || ' ' || c.COUNT || ' ' || m.FIRST || ' ' || m.LAST || ' ' || m.NEXT('a') || ' ' || m.PRIOR('a') || ' ' ||
       m.NEXT('aa') || ' ' || NVL(m.NEXT('c'), 'none') || ' ' || m('b');
  IF m.EXISTS('c') AND NOT m.EXISTS('zz') THEN
    r := r || ' exists';
  END IF;
  BEGIN
    r := r || m('nope');
  EXCEPTION
    WHEN NO_DATA_FOUND THEN r := r || ' ndf';
  END;
  m.DELETE('b');
  r := r || ' ' || m.COUNT;
  m.DELETE('a', 'b');
  r := r || ' ' || m.COUNT || ' ' || m.FIRST || m.LAST;
  m.DELETE;
  r := r || ' ' || m.COUNT || ' ' || NVL(m.FIRST, 'null') || ' ' || c.COUNT;
  RETURN r;
END;
/
CREATE OR REPLACE FUNCTION record_map RETURN VARCHAR2 IS
  TYPE t_emp IS RECORD (name VARCHAR2(20), sal NUMBER);
  TYPE t_emps IS TABLE OF t_emp INDEX BY VARCHAR2(10);
  e t_emps;
  one t_emp;
BEGIN
  e('x').name := 'Ann';
  e('x').sal := 10;
  one.name := 'Bob';
  one.sal := 20;
  e('y') := one;
  e('y').sal := e('y').sal + 5;
  one := e('x');
  RETURN one.name || ':' || one.sal || ' ' || e('y').name || ':' || e('y').sal || ' ' || e.COUNT;
END;
/
CREATE OR REPLACE FUNCTION sparse_facts RETURN VARCHAR2 IS
  TYPE t_nums IS TABLE OF NUMBER INDEX BY PLS_INTEGER;
  a t_nums;
  i PLS_INTEGER;
  r VARCHAR2(200);
BEGIN
  a(10) := 1;
  a(2) := 2;
  a(-5) := 3;
  a(100) := 4;
  a.DELETE(10);
  i := a.FIRST;
  WHILE i IS NOT NULL LOOP
    r := r || i || ':' || a(i) || ',';
    i := a.NEXT(i);
  END LOOP;
  RETURN r || ' ' || a.COUNT || ' ' || a.LAST || ' ' || a.PRIOR(100) || ' ' || CASE WHEN a.EXISTS(10) THEN 'y' ELSE 'n' END;
END;
/
)";

// A map of records declared in a package specification and used from another unit: fields of a
// new element set one by one, the package's map written through the package, copied whole into a
// local (a copy: deleting from the package's map leaves it), passed to a nested function.
inline const char* kAssocRecordsProgram = R"(
CREATE OR REPLACE PACKAGE reg IS
  TYPE t_item IS RECORD (label VARCHAR2(20), qty NUMBER, seen DATE);
  TYPE t_items IS TABLE OF t_item INDEX BY VARCHAR2(20);
  items t_items;
  PROCEDURE add_qty (k VARCHAR2, n NUMBER);
END reg;
/
CREATE OR REPLACE PACKAGE BODY reg IS
  PROCEDURE add_qty (k VARCHAR2, n NUMBER) IS
  BEGIN
    IF NOT items.EXISTS(k) THEN
      items(k).qty := 0;
      items(k).seen := DATE '2024-01-02';
    END IF;
    items(k).qty := items(k).qty + n;
    items(k).label := UPPER(k);
  END add_qty;
END reg;
/
CREATE OR REPLACE FUNCTION use_reg RETURN VARCHAR2 IS
  l reg.t_items;
  PROCEDURE bump (x VARCHAR2) IS
  BEGIN
    reg.add_qty(x, 2);
  END;
  FUNCTION cnt (m reg.t_items) RETURN PLS_INTEGER IS
  BEGIN
    RETURN m.COUNT;
  END;
BEGIN
  reg.add_qty('a', 1);
  bump('a');
  bump('b');
  l := reg.items;
  reg.items.DELETE('b');
  RETURN l('a').label || ' ' || l('a').qty || ' ' || TO_CHAR(l('a').seen, 'YYYY-MM-DD') || ' ' || cnt(l) || ' ' ||
         reg.items.COUNT || ' ' || l('b').qty;
END;
/
)";

// Collections holding collections (PL/SQL Language Reference, "Multidimensional Collections",
// "Associative Arrays", "Collection Methods"), shaped like utPLSQL's coverage data: a record whose
// field is a map by VARCHAR2 of records, each holding a sparse INDEX BY PLS_INTEGER map of
// records; and a package-level map by VARCHAR2 of maps by PLS_INTEGER (utPLSQL's event listeners).
inline const char* kNestedMapsProgram = R"(
CREATE OR REPLACE PACKAGE cov IS
  TYPE t_line IS RECORD (executions PLS_INTEGER, covered NUMBER);
  TYPE tt_lines IS TABLE OF t_line INDEX BY PLS_INTEGER;
  TYPE t_unit IS RECORD (name VARCHAR2(30), lines tt_lines);
  TYPE tt_units IS TABLE OF t_unit INDEX BY VARCHAR2(30);
  TYPE t_run IS RECORD (label VARCHAR2(10), units tt_units);
  TYPE t_flags IS TABLE OF BOOLEAN INDEX BY PLS_INTEGER;
  TYPE t_by_event IS TABLE OF t_flags INDEX BY VARCHAR2(30);
  PROCEDURE listen (ev VARCHAR2, pos PLS_INTEGER, on_off BOOLEAN);
  FUNCTION listeners_of (ev VARCHAR2) RETURN VARCHAR2;
  FUNCTION nested_walk RETURN VARCHAR2;
  FUNCTION inner_methods RETURN VARCHAR2;
  FUNCTION missing RETURN VARCHAR2;
  FUNCTION inner_delete RETURN VARCHAR2;
  FUNCTION copies RETURN VARCHAR2;
END cov;
/
CREATE OR REPLACE PACKAGE BODY cov IS
  g_listeners t_by_event;

  FUNCTION lines_of (u t_unit) RETURN VARCHAR2 IS
    l PLS_INTEGER := u.lines.FIRST;
    r VARCHAR2(400);
  BEGIN
    WHILE l IS NOT NULL LOOP
      r := r || l || '=' || u.lines(l).executions || ',';
      l := u.lines.NEXT(l);
    END LOOP;
    RETURN r;
  END lines_of;

  FUNCTION fill RETURN t_run IS
    run t_run;
  BEGIN
    run.label := 'r1';
    run.units('b').name := 'b';
    run.units('b').lines(200).executions := 1;
    run.units('b').lines(-3).executions := 2;
    run.units('b').lines(7).covered := 5;
    run.units('B').lines(2147483647).executions := 9;
    run.units('B').lines(-2147483647).executions := 8;
    RETURN run;
  END fill;

  FUNCTION nested_walk RETURN VARCHAR2 IS
    run t_run;
    k VARCHAR2(30);
    r VARCHAR2(400);
  BEGIN
    run := fill;
    k := run.units.FIRST;
    WHILE k IS NOT NULL LOOP
      r := r || k || ':' || lines_of(run.units(k)) || ';';
      k := run.units.NEXT(k);
    END LOOP;
    RETURN r;
  END nested_walk;

  FUNCTION inner_methods RETURN VARCHAR2 IS
    run t_run;
  BEGIN
    run := fill;
    RETURN run.units('b').lines.COUNT || ' ' || run.units('b').lines.FIRST || ' ' || run.units('b').lines.LAST || ' ' ||
           run.units('b').lines.NEXT(7) || ' ' || run.units('b').lines.PRIOR(7) || ' ' || run.units('b').lines.NEXT(8) || ' ' ||
           NVL(TO_CHAR(run.units('b').lines.PRIOR(-3)), 'none') || ' ' ||
           CASE WHEN run.units('b').lines.EXISTS(7) THEN 'y' ELSE 'n' END ||
           CASE WHEN run.units('b').lines.EXISTS(8) THEN 'y' ELSE 'n' END || ' ' ||
           run.units('b').lines(7).covered || ' ' || run.units.COUNT;
  END inner_methods;

  FUNCTION missing RETURN VARCHAR2 IS
    run t_run;
    n PLS_INTEGER;
    r VARCHAR2(100);
  BEGIN
    run := fill;
    BEGIN
      n := run.units('b').lines(8).executions;
      r := 'read';
    EXCEPTION
      WHEN NO_DATA_FOUND THEN r := 'ndf';
    END;
    BEGIN
      n := run.units('zz').lines.COUNT;
      r := r || ' read';
    EXCEPTION
      WHEN NO_DATA_FOUND THEN r := r || ' ndf';
    END;
    RETURN r;
  END missing;

  FUNCTION inner_delete RETURN VARCHAR2 IS
    run t_run;
    r VARCHAR2(200);
  BEGIN
    run := fill;
    run.units('b').lines.DELETE(7);
    r := run.units('b').lines.COUNT || ':' || run.units('b').lines.NEXT(-3);
    run.units('b').lines.DELETE(-10, 0);
    r := r || ' ' || run.units('b').lines.COUNT || ':' || run.units('b').lines.FIRST;
    run.units('b').lines.DELETE;
    RETURN r || ' ' || run.units('b').lines.COUNT || ':' || NVL(TO_CHAR(run.units('b').lines.FIRST), 'none') || ' ' ||
           run.units('b').name || ' ' || run.units('B').lines.COUNT || ' ' || run.units.COUNT;
  END inner_delete;

  FUNCTION copies RETURN VARCHAR2 IS
    run t_run;
    u t_unit;
  BEGIN
    run := fill;
    u := run.units('B');
    u.lines(1).executions := 5;
    u.name := 'copy';
    run.units('c') := u;
    run.units('c').lines(1).executions := 6;
    RETURN run.units('B').lines.COUNT || ' ' || u.lines.COUNT || ' ' || u.lines(1).executions || ' ' ||
           run.units('c').lines.FIRST || ' ' || run.units('c').lines.NEXT(1) || ' ' || run.units('c').lines(1).executions ||
           ' ' || run.units('c').name;
  END copies;

  PROCEDURE listen (ev VARCHAR2, pos PLS_INTEGER, on_off BOOLEAN) IS
  BEGIN
    g_listeners(ev)(pos) := on_off;
  END listen;

  FUNCTION positions (f t_flags) RETURN VARCHAR2 IS
    i PLS_INTEGER := f.FIRST;
    r VARCHAR2(200);
  BEGIN
    WHILE i IS NOT NULL LOOP
      r := r || i || CASE WHEN f(i) THEN '+' ELSE '-' END || ',';
      i := f.NEXT(i);
    END LOOP;
    RETURN r;
  END positions;

  FUNCTION listeners_of (ev VARCHAR2) RETURN VARCHAR2 IS
  BEGIN
    IF NOT g_listeners.EXISTS(ev) THEN
      RETURN 'none';
    END IF;
    RETURN positions(g_listeners(ev)) || ' ' || g_listeners(ev).COUNT || ' ' || g_listeners(ev).LAST;
  END listeners_of;
END cov;
/
)";

}  // namespace e2e::programs
