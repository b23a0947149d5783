-- Associative arrays: indexed by strings (a jsonb object keyed by the index), a record element,
-- a package-level map, and a PLS_INTEGER-indexed array made sparse by DELETE(i).
CREATE OR REPLACE PACKAGE cache IS
  TYPE t_map IS TABLE OF NUMBER INDEX BY VARCHAR2(30);
  PROCEDURE put (k VARCHAR2, v NUMBER);
  FUNCTION get (k VARCHAR2) RETURN NUMBER;
END cache;
/
CREATE OR REPLACE PACKAGE BODY cache IS
  g t_map;
  PROCEDURE put (k VARCHAR2, v NUMBER) IS
  BEGIN
    g(k) := v;
  END put;
  FUNCTION get (k VARCHAR2) RETURN NUMBER IS
  BEGIN
    IF NOT g.EXISTS(k) THEN
      RETURN NULL;
    END IF;
    RETURN g(k);
  END get;
END cache;
/
CREATE OR REPLACE FUNCTION walk RETURN VARCHAR2 IS
  TYPE t_emp IS RECORD (name VARCHAR2(20), sal NUMBER);
  TYPE t_emps IS TABLE OF t_emp INDEX BY VARCHAR2(10);
  TYPE t_nums IS TABLE OF NUMBER INDEX BY PLS_INTEGER;
  e t_emps;
  n t_nums;
  k VARCHAR2(10);
  i PLS_INTEGER;
  r VARCHAR2(200);
BEGIN
  e('x').name := 'Ann';
  e('x').sal := 10;
  n(3) := 1;
  n(7) := 2;
  n.DELETE(3);
  k := e.FIRST;
  WHILE k IS NOT NULL LOOP
    r := r || k || '=' || e(k).name || ';';
    k := e.NEXT(k);
  END LOOP;
  i := n.LAST;
  r := r || n.COUNT || ' ' || i || ' ' || n.PRIOR(i);
  e.DELETE('a', 'z');
  e.DELETE;
  RETURN r;
END;
/
-- A record element holding an INDEX BY PLS_INTEGER collection: the held collection is a map
-- too (a jsonb object nested in the element's), so its indexes survive (lines(200) stays 200).
CREATE OR REPLACE FUNCTION lines_of (p_unit VARCHAR2) RETURN NUMBER IS
  TYPE t_lines IS TABLE OF NUMBER INDEX BY PLS_INTEGER;
  TYPE t_unit IS RECORD (name VARCHAR2(30), lines t_lines);
  TYPE t_units IS TABLE OF t_unit INDEX BY VARCHAR2(30);
  u t_units;
  one t_unit;
BEGIN
  one.lines(200) := 1;
  u(p_unit) := one;
  RETURN u(p_unit).lines.COUNT;
END;
/
-- A specification's PLS_INTEGER-indexed array that the body deletes single elements of: a map
-- in both units (the package variable's getter and setter hold jsonb).
CREATE OR REPLACE PACKAGE slots IS
  TYPE t_slots IS TABLE OF VARCHAR2(10) INDEX BY PLS_INTEGER;
  taken t_slots;
  PROCEDURE free (n PLS_INTEGER);
END slots;
/
CREATE OR REPLACE PACKAGE BODY slots IS
  PROCEDURE free (n PLS_INTEGER) IS
  BEGIN
    taken.DELETE(n);
  END free;
END slots;
/
