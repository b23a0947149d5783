CREATE OR REPLACE TYPE pv_point AS OBJECT (x NUMBER, y NUMBER,
  MEMBER PROCEDURE shift(d NUMBER));
/
CREATE OR REPLACE TYPE BODY pv_point AS
  MEMBER PROCEDURE shift(d NUMBER) IS
  BEGIN
    x := x + d;
  END;
END;
/
CREATE OR REPLACE PACKAGE pv_pkg IS
  TYPE num_tab IS TABLE OF NUMBER INDEX BY PLS_INTEGER;
  TYPE font_rec IS RECORD (name VARCHAR2(20), size_pt NUMBER, widths num_tab);
  TYPE font_tab IS TABLE OF font_rec INDEX BY PLS_INTEGER;
  TYPE name_map IS TABLE OF VARCHAR2(20) INDEX BY VARCHAR2(20);
  TYPE ctx_rec IS RECORD (total NUMBER, h num_tab, names name_map, size_pt NUMBER);
  TYPE point_tab IS TABLE OF pv_point;
  TYPE num_list IS TABLE OF NUMBER;
  g_k num_tab;
  g_fonts font_tab;
  g_ctx ctx_rec;
  g_list num_list := num_list();
  g_points point_tab := point_tab();
  c_base CONSTANT NUMBER := 1000;
  g_name VARCHAR2(20) := 'init';
  FUNCTION twice(n NUMBER) RETURN NUMBER;
  TYPE clob_tab IS TABLE OF CLOB INDEX BY PLS_INTEGER;
  g_pages clob_tab;
  FUNCTION lob_pages RETURN VARCHAR2;
  FUNCTION selects(p VARCHAR2) RETURN VARCHAR2;
  FUNCTION k_text RETURN VARCHAR2;
  FUNCTION set_font(i PLS_INTEGER, n VARCHAR2, w NUMBER) RETURN VARCHAR2;
  FUNCTION ctx_text RETURN VARCHAR2;
  FUNCTION failing_assign(d NUMBER) RETURN VARCHAR2;
  FUNCTION grow(n PLS_INTEGER) RETURN VARCHAR2;
  FUNCTION partial_run(d NUMBER) RETURN VARCHAR2;
  FUNCTION points RETURN VARCHAR2;
END pv_pkg;
/
CREATE OR REPLACE PACKAGE BODY pv_pkg IS
  FUNCTION twice(n NUMBER) RETURN NUMBER IS
  BEGIN
    RETURN n * 2;
  END;
  FUNCTION selects(p VARCHAR2) RETURN VARCHAR2 IS
    CURSOR c IS SELECT 'fetched' FROM dual;
    r VARCHAR2(100);
  BEGIN
    SELECT p || '!' INTO g_name FROM dual;
    SELECT 40, 2 INTO g_ctx.total, g_ctx.size_pt FROM dual;
    BEGIN
      SELECT 'none' INTO g_name FROM dual WHERE 1 = 0;
    EXCEPTION WHEN NO_DATA_FOUND THEN NULL;
    END;
    r := g_name;
    OPEN c;
    FETCH c INTO g_name;
    CLOSE c;
    RETURN r || ':' || (g_ctx.total + g_ctx.size_pt) || ':' || g_name;
  END;
  FUNCTION lob_pages RETURN VARCHAR2 IS
  BEGIN
    DBMS_LOB.CREATETEMPORARY(g_pages(1), TRUE);
    DBMS_LOB.APPEND(g_pages(1), 'abc');
    DBMS_LOB.WRITEAPPEND(g_pages(1), 2, 'dexx');
    RETURN g_pages(1) || ':' || DBMS_LOB.GETLENGTH(g_pages(1));
  END;
  FUNCTION k_text RETURN VARCHAR2 IS
    r VARCHAR2(400);
  BEGIN
    FOR i IN 0 .. 3 LOOP r := r || g_k(i) || ','; END LOOP;
    RETURN r;
  END;
  FUNCTION set_font(i PLS_INTEGER, n VARCHAR2, w NUMBER) RETURN VARCHAR2 IS
  BEGIN
    g_fonts(i).name := n;
    g_fonts(i).size_pt := 10 + i;
    g_fonts(i).widths(1) := w;
    g_fonts(i).widths(2) := g_fonts(i).widths(1) * 2;
    RETURN g_fonts(i).name || ':' || g_fonts(i).size_pt || ':' || g_fonts(i).widths(1) || ':' || g_fonts(i).widths(2) || ':' || g_fonts.COUNT;
  END;
  FUNCTION ctx_text RETURN VARCHAR2 IS
  BEGIN
    g_ctx.h(1) := 7;
    g_ctx.h(2) := g_ctx.h(1) + 1;
    g_ctx.total := g_ctx.h(1) + g_ctx.h(2);
    g_ctx.names('a') := 'alpha';
    RETURN g_ctx.total || ':' || g_ctx.h.COUNT || ':' || g_ctx.names('a');
  END;
  FUNCTION failing_assign(d NUMBER) RETURN VARCHAR2 IS
  BEGIN
    g_k(1) := 100;
    BEGIN
      g_k(1) := TRUNC(100 / d);
    EXCEPTION WHEN ZERO_DIVIDE THEN NULL;
    END;
    RETURN g_k(1);
  END;
  FUNCTION grow(n PLS_INTEGER) RETURN VARCHAR2 IS
  BEGIN
    g_list.DELETE;
    FOR i IN 1 .. n LOOP
      g_list.EXTEND;
      g_list(i) := i * i;
    END LOOP;
    g_list.TRIM;
    RETURN g_list.COUNT || ':' || g_list(g_list.LAST);
  END;
  FUNCTION partial_run(d NUMBER) RETURN VARCHAR2 IS
  BEGIN
    BEGIN
      g_list(1) := 5;
      g_list(2) := TRUNC(100 / d);
      g_list(3) := 7;
    EXCEPTION WHEN ZERO_DIVIDE THEN NULL;
    END;
    RETURN g_list.COUNT || ':' || g_list(1) || ':' || g_list(2) || ':' || g_list(3);
  END;
  FUNCTION points RETURN VARCHAR2 IS
  BEGIN
    g_points.EXTEND(2);
    g_points(1) := pv_point(1, 2);
    g_points(2) := pv_point(3, 4);
    g_points(2).shift(10);
    g_points(1).y := 20;
    RETURN g_points.COUNT || ':' || g_points(1).y || ':' || g_points(2).x;
  END;
BEGIN
  g_k(0) := 10;
  g_k(1) := 11;
  g_k(2) := 12;
  g_k(3) := g_k(2) + 1;
END pv_pkg;
/
CREATE OR REPLACE FUNCTION hex_value(h VARCHAR2) RETURN NUMBER IS
BEGIN
  RETURN TO_NUMBER(h, 'xxxxxxxxxxxxxxxx');
END;
/
CREATE OR REPLACE FUNCTION block_reads(n NUMBER) RETURN VARCHAR2 IS
  a NUMBER;
  b VARCHAR2(20);
BEGIN
  EXECUTE IMMEDIATE 'begin :a := pv_pkg.twice(:n) + pv_pkg.c_base; end;' USING OUT a, n;
  EXECUTE IMMEDIATE 'BEGIN :b := pv_pkg.g_name; END;' USING OUT b;
  RETURN a || ':' || b;
END;
/
CREATE OR REPLACE FUNCTION using_out(a NUMBER, b VARCHAR2) RETURN VARCHAR2 IS
  r VARCHAR2(100);
BEGIN
  EXECUTE IMMEDIATE 'begin :r := upper(:b) || to_char(:a * 2); end;' USING OUT r, IN b, IN a;
  RETURN r;
END;
/
