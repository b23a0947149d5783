// Writing part of a package variable, and EXECUTE IMMEDIATE of a block with an OUT bind, run on
// the real server with the results Oracle's documentation gives:
// - Package state: PL/SQL Language Reference 19c, "Package State" (a package's variables keep
//   their values for the session; the initialisation section runs once, on first reference).
//   Elements and fields of a package collection or record are assigned like those of a local
//   ("Collection Variable Assignment", "Assigning Values to Record Variables"); an associative
//   array gets a new element by assignment to a new index ("Associative Arrays").
// - "Assignment Statement": when the expression raises, the target keeps its value — here
//   g_k(1) := TRUNC(100 / d) with d = 0 leaves 100 in place (ZERO_DIVIDE handled inside).
// - Collection methods EXTEND, TRIM, DELETE ("Collection Methods") and a member procedure
//   changing an element in place (Object-Relational Developer's Guide, "Member Methods": SELF is
//   IN OUT in a member procedure).
// - A whole package collection passed as an OUT argument gets the procedure's value on return
//   ("Subprogram Parameter Modes").
// - EXECUTE IMMEDIATE 'BEGIN :r := …; END;' USING OUT r, IN b, IN a: "EXECUTE IMMEDIATE
//   Statement" (in a PL/SQL block each distinct placeholder name binds the next USING argument;
//   an OUT bind gets the value the block assigns).
// - DBMS_LOB.CREATETEMPORARY/APPEND/WRITEAPPEND on an element of a package collection: PL/SQL
//   Packages and Types Reference 19c, "DBMS_LOB".
// - TO_NUMBER(h, 'xxxxxxxxxxxxxxxx'): SQL Language Reference 19c, "Number Format Models" (X: a
//   hexadecimal value of as many digits as the format has X's).
#include "plsql_harness.h"
#include "require_env.h"

namespace {

const char* kPackageWrites = R"(
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
    g_list.TRIM;  -- TRIM is for nested tables and VARRAYs ("Collection Methods")
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
)";

}  // namespace

TEST(PlsqlPackageWrites, ElementsFieldsAndMethodsOfPackageVariables) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("package_writes", kPackageWrites);
  e2e::expect_all_applied(u);
  EXPECT_EQ(u.convert_output.find("OS6001"), std::string::npos) << u.convert_output;
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  // The initialisation section's g_k(0..3) := …, the last one reading g_k(2).
  EXPECT_EQ(s("SELECT pv_pkg.k_text()"), "10,11,12,13,");
  // A record element's fields and its nested collection, created by assignment; the state stays
  // for the session: the second call sees the first one's element (COUNT 2).
  EXPECT_EQ(s("SELECT pv_pkg.set_font(1, 'Helv', 5)"), "Helv:11:5:10:1");
  EXPECT_EQ(s("SELECT pv_pkg.set_font(2, 'Times', 2)"), "Times:12:2:4:2");
  // Fields of a package record: a nested collection and an associative array indexed by strings.
  EXPECT_EQ(s("SELECT pv_pkg.ctx_text()"), "15:2:alpha");
  // The failed assignment leaves the element as it was; a successful one changes it.
  EXPECT_EQ(s("SELECT pv_pkg.failing_assign(0)"), "100");
  EXPECT_EQ(s("SELECT pv_pkg.failing_assign(4)"), "25");
  // DELETE, then 4 elements, TRIM removes the last: 3 left, the last 9.
  EXPECT_EQ(s("SELECT pv_pkg.grow(4)"), "3:9");
  // Three assignments in a row, the second raising inside a block that handles it: the second
  // and third never happen. Oracle keeps the first one's change ("3:5:4:9"); on PostgreSQL the
  // handled block is a subtransaction whose rollback also restores package state, a setting
  // (docs/plsql.md, "Rollback scope", OS6002 on the block): the same whether the run is written
  // back line by line or once.
  EXPECT_EQ(s("SELECT pv_pkg.partial_run(0)"), "3:1:4:9");
  EXPECT_EQ(s("SELECT pv_pkg.partial_run(4)"), "3:5:25:7");
  // EXTEND(2), two objects, shift(10) on element 2 in place, a field of element 1; a second call
  // extends the session's collection again.
  EXPECT_EQ(s("SELECT pv_pkg.points()"), "2:20:13");
  EXPECT_EQ(s("SELECT pv_pkg.points()"), "4:20:13");
  // Another session starts from the package's initial state.
  e2e::Session s2(u.url);
  EXPECT_EQ(s2("SELECT pv_pkg.points()"), "2:20:13");
  EXPECT_EQ(s2("SELECT pv_pkg.k_text()"), "10,11,12,13,");

  // The block's value comes back through the OUT bind; a NULL IN bind reaches the expression.
  EXPECT_EQ(s("SELECT using_out(21, 'ab')"), "AB42");
  EXPECT_EQ(s("SELECT using_out(NULL, 'ab')"), "AB");
  // SELECT … INTO and FETCH … INTO a package variable, a field, an element; NO_DATA_FOUND leaves
  // the variable as it was ("SELECT INTO Statement").
  EXPECT_EQ(s("SELECT pv_pkg.selects('x')"), "x!:42:fetched");
  EXPECT_EQ(s("SELECT pv_pkg.g_name()"), "fetched");
  // DBMS_LOB procedures writing an element of a package collection ("DBMS_LOB" in PL/SQL
  // Packages and Types Reference: APPEND adds the source, WRITEAPPEND amount characters of buffer).
  EXPECT_EQ(s("SELECT pv_pkg.lob_pages()"), "abcde:5");
  // The block sees what is global: a package function, constant and variable.
  EXPECT_EQ(s("SELECT block_reads(5)"), "1010:fetched");  // g_name as selects() left it
  EXPECT_EQ(s2("SELECT block_reads(5)"), "1010:init");    // the other session's own state

  EXPECT_EQ(s("SELECT hex_value('80000000')"), "2147483648");
  EXPECT_EQ(s("SELECT hex_value('ffffffffffffffff')"), "18446744073709551615");
  EXPECT_EQ(s("SELECT hex_value('7FFFFFFFFFFFFFFF')"), "9223372036854775807");
  EXPECT_EQ(s("SELECT hex_value(NULL)"), "NULL");
  EXPECT_EQ(s("SELECT hex_value('12g4')").substr(0, 11), "ERROR 22P02");
  EXPECT_EQ(s("SELECT hex_value('10000000000000000')").substr(0, 11), "ERROR 22P02");  // 17 digits
}

// A whole package collection as an OUT argument (alexandria's hash_util_pkg passes m_result so).
TEST(PlsqlPackageWrites, PackageCollectionAsOutArgument) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  const char* program = R"(
CREATE OR REPLACE PACKAGE out_pkg IS
  TYPE num_tab IS TABLE OF NUMBER INDEX BY PLS_INTEGER;
  g_result num_tab;
  PROCEDURE fill(p OUT num_tab, n PLS_INTEGER);
  FUNCTION run(n PLS_INTEGER) RETURN VARCHAR2;
END out_pkg;
/
CREATE OR REPLACE PACKAGE BODY out_pkg IS
  PROCEDURE fill(p OUT num_tab, n PLS_INTEGER) IS
  BEGIN
    FOR i IN 1 .. n LOOP p(i) := i * 10; END LOOP;
  END;
  FUNCTION run(n PLS_INTEGER) RETURN VARCHAR2 IS
  BEGIN
    fill(g_result, n);
    RETURN g_result.COUNT || ':' || g_result(n);
  END;
END out_pkg;
/
)";
  auto u = e2e::convert_and_apply("package_out_arg", program);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT out_pkg.run(3)"), "3:30");
  EXPECT_EQ(s("SELECT out_pkg.run(2)"), "2:20");  // OUT: the procedure's value, not the old one
}

// A PL/SQL block built at run time with an OUT bind, or a literal one naming what was not
// converted, stays an error-level item saying why, and the unit is not applied.
TEST(PlsqlPackageWrites, RunTimeBlockWithOutBindStaysFlagged) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  const char* program = R"(
CREATE OR REPLACE FUNCTION eval_expr(e VARCHAR2) RETURN NUMBER IS
  r NUMBER;
BEGIN
  EXECUTE IMMEDIATE 'begin :r := ' || e || '; end;' USING OUT r;
  RETURN r;
END;
/
CREATE OR REPLACE FUNCTION scn RETURN NUMBER IS
  r NUMBER;
BEGIN
  EXECUTE IMMEDIATE 'begin :d := utl_http.request_pieces(''http://localhost'').count; end;' USING OUT r;
  RETURN r;
END;
/
)";
  auto u = e2e::convert_and_apply("package_runtime_block", program);
  ASSERT_FALSE(u.apply.is_null()) << u.convert_output;
  EXPECT_EQ(u.apply["skipped"].size(), 2u) << u.apply.dump(2);
  std::ifstream csv(u.dir.parent_path() / "report" / "action_items.csv");
  std::string all((std::istreambuf_iterator<char>(csv)), std::istreambuf_iterator<char>());
  EXPECT_NE(all.find("OS6001,high,code,FUNCTION EVAL_EXPR,\"EXECUTE IMMEDIATE … USING OUT r: the PL/SQL block is built at run time"),
            std::string::npos)
      << all;
  // A literal block naming what the conversion does not know (a package it did not convert): the
  // block is converted in place, and its construct is the unit's blocking item.
  EXPECT_NE(all.find("OS6004,high,code,FUNCTION SCN,UTL_HTTP.REQUEST_PIECES has no postgres equivalent"),
            std::string::npos)
      << all;
}
