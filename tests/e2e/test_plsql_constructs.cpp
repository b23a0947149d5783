// Language constructs converted for PostgreSQL, each run on the real server with the result
// Oracle's documentation gives:
// - FETCH … BULK COLLECT INTO several collections [LIMIT n]: PL/SQL Language Reference 19c,
//   "FETCH Statement" (bulk_collect_into_clause: "for each select_item … a corresponding,
//   type-compatible collection"; LIMIT: at most n rows per fetch) and "Row Limits for … FETCH
//   Statements with BULK COLLECT" (a fetch that returns fewer rows than LIMIT reached the end, so
//   %NOTFOUND is TRUE after it; the rows it did return are in the collections).
// - CARDINALITY: SQL Language Reference 19c, "CARDINALITY" ("If the nested table is empty, or is
//   a null collection, then CARDINALITY returns NULL").
// - CURRENT_TIMESTAMP( [precision] ): SQL Language Reference 19c, "CURRENT_TIMESTAMP" (the session
//   time as TIMESTAMP WITH TIME ZONE, fractional seconds to `precision`).
// - TZ_OFFSET(SESSIONTIMEZONE): SQL Language Reference 19c, "TZ_OFFSET" (the offset '+hh:mi' of the
//   session time zone at the date the statement runs).
// - Nested subprograms of a member method reading and changing SELF's attributes: PL/SQL Language
//   Reference 19c, "Nested, Package, and Standalone Subprograms" (a nested subprogram sees the
//   enclosing subprogram's parameters) and Object-Relational Developer's Guide, "Member Methods"
//   (SELF is the method's built-in parameter; an unqualified attribute is SELF's; in a member
//   procedure SELF is IN OUT, so the changes reach the caller's object).
// - A cursor of a package body that each member opens and closes within a call: PL/SQL Language
//   Reference 19c, "Package State" (a package's cursors are part of its session state) and
//   "Explicit Cursors" (OPEN, FETCH, CLOSE; a cursor FOR loop opens and closes it): a member that
//   closes what it opened leaves the same state behind, so a cursor of its own behaves alike.
// - REGEXP_REPLACE(source, pattern, replace, position, occurrence, match): SQL Language Reference
//   19c, "REGEXP_REPLACE" (the search begins at character `position`; `occurrence` n replaces the
//   nth match, 0 every match; 'm' treats the source as several lines, ^ and $ at each line).
// - DUMP(expr[, 16]): SQL Language Reference 19c, "DUMP" ('Typ=1 Len=3: 97,98,99' for a VARCHAR2
//   'abc' — the data type code, the length in bytes and the bytes — in hex with 16; NULL → 'NULL').
// - Conditional compilation inside an expression: PL/SQL Language Reference 19c, "Conditional
//   Compilation" (the $IF selection directive may stand anywhere a token may; an inquiry directive
//   that is not set is NULL, so `$IF $$flag $THEN` takes the $ELSE branch; DBMS_DB_VERSION's
//   constants are the database's, 19 here).
// - From Logger's package body: EXECUTE IMMEDIATE of a literal PL/SQL block (PL/SQL Language
//   Reference 19c, "EXECUTE IMMEDIATE Statement": the string may be an anonymous block); MERGE's
//   INSERT column list written with the target's alias (SQL Language Reference 19c, "MERGE",
//   merge_insert_clause: "column" may be qualified); a VARCHAR2 argument to a NUMBER parameter
//   ("Implicit Data Conversion": Oracle converts it as TO_NUMBER does); a parameter without a
//   default after one with a default, called by name.
// - INTEGER in PL/SQL: PL/SQL Language Reference 19c, "Predefined PL/SQL Numeric Subtypes"
//   (INTEGER, INT and SMALLINT are NUMBER(38,0): 2**32 - 1 fits, 2.5 is stored rounded as 3) and
//   SQL Language Reference 19c, "LPAD" / "CHR" (n a NUMBER; LPAD pads to n characters, a
//   fraction is truncated: Oracle converts it to an integer).
#include "plsql_harness.h"
#include "require_env.h"

namespace {

const char* kConstructs = R"(
CREATE TABLE emp_rows (empno NUMBER, ename VARCHAR2(20));

CREATE OR REPLACE FUNCTION fetch_columns(p_limit NUMBER) RETURN VARCHAR2 IS
  TYPE num_list IS TABLE OF NUMBER;
  TYPE name_list IS TABLE OF VARCHAR2(20);
  CURSOR c IS SELECT empno, ename FROM emp_rows ORDER BY empno;
  nums  num_list;
  names name_list;
  res   VARCHAR2(400);
BEGIN
  OPEN c;
  LOOP
    FETCH c BULK COLLECT INTO nums, names LIMIT p_limit;
    res := res || '[' || nums.COUNT || ']';
    FOR i IN 1 .. nums.COUNT LOOP
      res := res || nums(i) || '=' || names(i) || ';';
    END LOOP;
    EXIT WHEN c%NOTFOUND;
  END LOOP;
  res := res || ' rows ' || c%ROWCOUNT;
  CLOSE c;
  RETURN res;
END;
/

CREATE OR REPLACE FUNCTION fetch_all_columns RETURN VARCHAR2 IS
  TYPE num_list IS TABLE OF NUMBER;
  TYPE name_list IS TABLE OF VARCHAR2(20);
  CURSOR c IS SELECT empno, ename FROM emp_rows ORDER BY empno DESC;
  nums  num_list;
  names name_list;
BEGIN
  OPEN c;
  FETCH c BULK COLLECT INTO nums, names;
  CLOSE c;
  RETURN nums.COUNT || ':' || nums(1) || '=' || names(1) || ',' || nums(nums.COUNT) || '=' || names(names.COUNT);
END;
/

CREATE OR REPLACE FUNCTION count_of(p_n NUMBER) RETURN NUMBER IS
  TYPE num_list IS TABLE OF NUMBER;
  l num_list := num_list();
  empty_l num_list := num_list();
  null_l num_list;
BEGIN
  IF p_n < 0 THEN
    RETURN CARDINALITY(null_l);
  END IF;
  FOR i IN 1 .. p_n LOOP
    l.EXTEND;
    l(l.COUNT) := i;
  END LOOP;
  RETURN CARDINALITY(l);
END;
/

CREATE OR REPLACE FUNCTION stamp_now(p_whole NUMBER) RETURN TIMESTAMP WITH TIME ZONE IS
BEGIN
  IF p_whole = 1 THEN
    RETURN CURRENT_TIMESTAMP(0);
  END IF;
  RETURN CURRENT_TIMESTAMP();
END;
/

CREATE OR REPLACE TYPE counter_t AS OBJECT (
  n     NUMBER,
  label VARCHAR2(40),
  MEMBER PROCEDURE bump(p_by NUMBER),
  MEMBER FUNCTION describe RETURN VARCHAR2
);
/

CREATE OR REPLACE TYPE BODY counter_t AS
  MEMBER PROCEDURE bump(p_by NUMBER) IS
    PROCEDURE add_one IS
    BEGIN
      n := n + 1;
    END;
    FUNCTION twice RETURN NUMBER IS
    BEGIN
      RETURN n * 2;
    END;
  BEGIN
    FOR i IN 1 .. p_by LOOP
      add_one;
    END LOOP;
    label := label || ':' || twice;
  END;
  MEMBER FUNCTION describe RETURN VARCHAR2 IS
    FUNCTION prefix RETURN VARCHAR2 IS
    BEGIN
      RETURN SELF.label || '=';
    END;
  BEGIN
    RETURN prefix || n;
  END;
END;
/

CREATE OR REPLACE FUNCTION use_counter(p NUMBER) RETURN VARCHAR2 IS
  c counter_t := counter_t(1, 'c');
BEGIN
  c.bump(p);
  RETURN c.describe;
END;
/

CREATE TABLE pc_rows (id NUMBER, v VARCHAR2(10));

CREATE OR REPLACE PACKAGE pc_pkg AS
  FUNCTION first_v(p_min NUMBER) RETURN VARCHAR2;
  FUNCTION all_v RETURN VARCHAR2;
END;
/

CREATE OR REPLACE PACKAGE BODY pc_pkg AS
  CURSOR c_rows(cp_min NUMBER) IS SELECT id, v FROM pc_rows WHERE id >= cp_min ORDER BY id;

  FUNCTION first_v(p_min NUMBER) RETURN VARCHAR2 IS
    l_id NUMBER;
    l_v  VARCHAR2(10);
  BEGIN
    OPEN c_rows(p_min);
    FETCH c_rows INTO l_id, l_v;
    CLOSE c_rows;
    RETURN l_id || l_v;
  END;

  FUNCTION all_v RETURN VARCHAR2 IS
    res VARCHAR2(100);
  BEGIN
    FOR r IN c_rows(0) LOOP
      res := res || r.v;
    END LOOP;
    RETURN res;
  END;
END;
/

CREATE OR REPLACE FUNCTION secs_between(p_a TIMESTAMP, p_b TIMESTAMP) RETURN NUMBER IS
BEGIN
  RETURN EXTRACT(DAY FROM (p_a - p_b)) * 86400 + EXTRACT(HOUR FROM (p_a - p_b)) * 3600
       + EXTRACT(MINUTE FROM (p_a - p_b)) * 60 + EXTRACT(SECOND FROM (p_a - p_b));
END;
/

CREATE OR REPLACE FUNCTION session_offset RETURN VARCHAR2 IS
BEGIN
  RETURN TZ_OFFSET(SESSIONTIMEZONE);
END;
/
)";

}  // namespace

TEST(PlsqlConstructs, FetchBulkCollectIntoSeveralCollections) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("constructs", kConstructs);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  s("INSERT INTO emp_rows VALUES (3, 'C'), (1, 'A'), (5, 'E'), (2, 'B'), (4, 'D')");
  // LIMIT 2 over 5 rows: 2, 2, then 1 — after which %NOTFOUND is TRUE and the loop ends.
  EXPECT_EQ(s("SELECT fetch_columns(2)"), "[2]1=A;2=B;[2]3=C;4=D;[1]5=E; rows 5");
  // 5 rows in batches of 5: the full batch leaves %NOTFOUND FALSE; the next fetch gets none.
  EXPECT_EQ(s("SELECT fetch_columns(5)"), "[5]1=A;2=B;3=C;4=D;5=E;[0] rows 5");
  // Without LIMIT every row, each column in its own collection, in the cursor's order.
  EXPECT_EQ(s("SELECT fetch_all_columns()"), "5:5=E,1=A");

  EXPECT_EQ(s("SELECT count_of(3)"), "3");
  EXPECT_EQ(s("SELECT count_of(0)"), "NULL");   // an empty nested table
  EXPECT_EQ(s("SELECT count_of(-1)"), "NULL");  // a null collection

  // CURRENT_TIMESTAMP() is the session's current time; (0) has no fractional seconds.
  EXPECT_EQ(s("SELECT stamp_now(0) BETWEEN statement_timestamp() - interval '1 minute' AND clock_timestamp()"), "t");
  EXPECT_EQ(s("SELECT extract(microseconds FROM stamp_now(1))::bigint % 1000000"), "0");

  // TIMESTAMP - TIMESTAMP is an INTERVAL DAY TO SECOND (SQL Language Reference, "Datetime/Interval
  // Arithmetic"); EXTRACT reads its fields: 1 day 01:02:03 = 90123 seconds.
  EXPECT_EQ(s("SELECT secs_between(TIMESTAMP '2024-01-02 01:02:03', TIMESTAMP '2024-01-01 00:00:00') = 90123"), "t");
  s("SET TimeZone = 'Asia/Kolkata'");
  EXPECT_EQ(s("SELECT session_offset()"), "+05:30");
  s("SET TimeZone = 'UTC'");
  EXPECT_EQ(s("SELECT session_offset()"), "+00:00");
}

TEST(PlsqlConstructs, NestedSubprogramsOfAMethodReadAndChangeSelf) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("constructs_self", kConstructs);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  // n 1 → 4 through add_one (three calls), label 'c' || ':' || twice (8); describe: 'c:8' '=' 4.
  EXPECT_EQ(s("SELECT use_counter(3)"), "c:8=4");
  EXPECT_EQ(s("SELECT use_counter(0)"), "c:2=1");
}

TEST(PlsqlConstructs, PackageCursorOpenedAndClosedByEachMember) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("constructs_pkg_cursor", kConstructs);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  s("INSERT INTO pc_rows VALUES (3, 'c'), (1, 'a'), (2, 'b')");
  // Each call opens, fetches the first row at or above p_min, and closes: a second call in the
  // same session opens it again (no CURSOR_ALREADY_OPEN).
  EXPECT_EQ(s("SELECT pc_pkg.first_v(2)"), "2b");
  EXPECT_EQ(s("SELECT pc_pkg.first_v(1)"), "1a");
  EXPECT_EQ(s("SELECT pc_pkg.all_v()"), "abc");
  EXPECT_EQ(s("SELECT pc_pkg.first_v(3) || pc_pkg.all_v()"), "3cabc");
}

// REF t: Object-Relational Developer's Guide 19c, "Object Identifiers and REFs" (a REF is a
// logical pointer to a row object; a REF attribute may be NULL, tested with IS NULL). PostgreSQL
// has no references: the attribute is text holding the referenced object's identifier (OS6002),
// and DEREF stays flagged, so the unit that dereferences is not applied.
TEST(PlsqlConstructs, RefAttributeIsTheReferencedIdentifier) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  const char* program = R"(
CREATE TYPE ref_cust_t AS OBJECT (id NUMBER, name VARCHAR2(20));
/
CREATE TYPE ref_ord_t AS OBJECT (order_id NUMBER, cust REF ref_cust_t);
/
CREATE OR REPLACE FUNCTION ord_state(p NUMBER) RETURN VARCHAR2 IS
  o ref_ord_t := ref_ord_t(p, NULL);
BEGIN
  IF o.cust IS NULL THEN
    RETURN 'order ' || o.order_id || ' without customer';
  END IF;
  RETURN 'order ' || o.order_id || ' with customer';
END;
/
CREATE OR REPLACE FUNCTION ord_customer_name(o ref_ord_t) RETURN VARCHAR2 IS
  c ref_cust_t;
BEGIN
  SELECT DEREF(o.cust) INTO c FROM dual;
  RETURN c.name;
END;
/
)";
  auto u = e2e::convert_and_apply("constructs_ref", program);
  ASSERT_FALSE(u.apply.is_null()) << u.convert_output;
  EXPECT_EQ(u.apply["failed"].size(), 0u) << u.apply["failed"].dump(2);
  ASSERT_EQ(u.apply["skipped"].size(), 1u) << u.apply["skipped"].dump(2);  // ord_customer_name: DEREF
  EXPECT_NE(u.apply["skipped"].dump().find("ORD_CUSTOMER_NAME"), std::string::npos) << u.apply["skipped"].dump(2);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT ord_state(7)"), "order 7 without customer");
  // The emulation: the reference is the referenced object's identifier as text.
  EXPECT_EQ(s("SELECT format_type(atttypid, -1) FROM pg_attribute WHERE attrelid = 'ref_ord_t'::regclass "
              "AND attname = 'cust'"),
            "text");
}

TEST(PlsqlConstructs, IntegerVariablesAreNumber38) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  const char* program = R"(
CREATE OR REPLACE FUNCTION integer_range(p_half NUMBER) RETURN VARCHAR2 IS
  c_max INTEGER := to_number('ffffffff', 'xxxxxxxx');
  r     INTEGER := p_half;
  s     SMALLINT := 70000;
  w     NUMBER := 4.9;
BEGIN
  RETURN c_max || ' ' || (c_max + 1) || ' ' || r || ' ' || s || ' [' || LPAD('x', w, '.') || '] [' ||
         RPAD('y', r) || '] ' || ASCII(CHR(w * 10 + 16.7)) || ' ' ||
         SUBSTR('abcdefgh', w - 2, w - 1.2) || ' ' || INSTR('abcabc', 'a', w / 2);
END;
/
)";
  auto u = e2e::convert_and_apply("constructs_integer", program);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  // 4294967295 held, +1 computed; 2.5 → 3 and -2.5 → -3 (NUMBER(38,0) rounds half away from zero);
  // SMALLINT holds 70000; LPAD to 4.9 → 4 characters; CHR(65.7) → CHR(65) = 'A'; SUBSTR from
  // 2.9 for 3.7 → from 2 for 3 ("Floating-point numbers passed as arguments to SUBSTR are
  // automatically converted to integers", truncated); INSTR from 2.45 → from 2.
  EXPECT_EQ(s("SELECT integer_range(2.5)"), "4294967295 4294967296 3 70000 [...x] [y  ] 65 bcd 4");
  EXPECT_EQ(s("SELECT integer_range(-2.5)"), "4294967295 4294967296 -3 70000 [...x] [] 65 bcd 4");
}

TEST(PlsqlConstructs, RegexpReplaceFromAPositionAndAnOccurrence) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  const char* program = R"(
CREATE OR REPLACE FUNCTION regexp_positions(p_text VARCHAR2, p_nth NUMBER) RETURN VARCHAR2 IS
BEGIN
  RETURN REGEXP_REPLACE(p_text, 'b', 'X', 3) || '|' ||        -- every match from the 3rd character
         REGEXP_REPLACE(p_text, 'b', 'X', 1, 2) || '|' ||     -- the second match only
         REGEXP_REPLACE(p_text, 'B', 'X', 2, p_nth, 'i') || '|' ||
         REPLACE(REGEXP_REPLACE('one' || CHR(10) || 'two' || CHR(10) || 'three', '^.*$', '', 1, 2, 'm'), CHR(10), '/');
END;
/
)";
  auto u = e2e::convert_and_apply("constructs_regexp", program);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  // Logger removes the 4th line of a call stack with (…, '^.*$', '', 1, 4, 'm').
  EXPECT_EQ(s("SELECT regexp_positions('abcabcab', 1)"), "abcaXcaX|abcaXcab|aXcabcab|one//three");
  EXPECT_EQ(s("SELECT regexp_positions('abcabcab', 0)"), "abcaXcaX|abcaXcab|aXcaXcaX|one//three");
}

TEST(PlsqlConstructs, DumpOfCharacterData) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  const char* program = R"(
CREATE OR REPLACE FUNCTION dumped(p_text VARCHAR2) RETURN VARCHAR2 IS
  l_dec VARCHAR2(4000);
  l_hex VARCHAR2(4000);
BEGIN
  SELECT DUMP(p_text), DUMP(p_text, 16) INTO l_dec, l_hex FROM dual;
  RETURN l_dec || ' | ' || l_hex;
END;
/
)";
  auto u = e2e::convert_and_apply("constructs_dump", program);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT dumped('abc')"), "Typ=1 Len=3: 97,98,99 | Typ=1 Len=3: 61,62,63");
  EXPECT_EQ(s("SELECT dumped(NULL)"), "NULL | NULL");
  EXPECT_EQ(s("SELECT dumped('é')"), "Typ=1 Len=2: 195,169 | Typ=1 Len=2: c3,a9");  // UTF-8, as AL32UTF8
}

TEST(PlsqlConstructs, ConditionalCompilationInsideAnExpression) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  const char* program = R"(
CREATE OR REPLACE FUNCTION compiled_for RETURN VARCHAR2 IS
  l_who VARCHAR2(100);
BEGIN
  $if $$no_op $then
    NULL;
  $else
    SELECT NVL($if $$apex $then 'apex user' $else 'db user' $end, 'none') INTO l_who FROM dual;
  $end
  RETURN l_who || ' ' ||
         $if dbms_db_version.ver_le_12 $then 'old' $elsif dbms_db_version.version >= 19 $then 'new' $else 'mid' $end
         || ' ' || NVL($if $$apex $then 'x' $end, 'no else');
END;
/
)";
  auto u = e2e::convert_and_apply("constructs_cc_expr", program);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT compiled_for()"), "db user new no else");
}


TEST(PlsqlConstructs, LoggerIdiomsLiteralBlocksQualifiedMergeColumnsTextToNumber) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  const char* program = R"(
CREATE TABLE prefs_by_client (client_id VARCHAR2(64) PRIMARY KEY, lvl VARCHAR2(20));
CREATE OR REPLACE FUNCTION level_name(p_level NUMBER) RETURN VARCHAR2 IS
BEGIN
  RETURN CASE p_level WHEN 2 THEN 'ERROR' WHEN 16 THEN 'DEBUG' ELSE 'OTHER' END;
END;
/
CREATE OR REPLACE PROCEDURE set_level(p_level VARCHAR2 DEFAULT NULL, p_client_id VARCHAR2) IS
  l_level VARCHAR2(20) := p_level;
BEGIN
  EXECUTE IMMEDIATE 'begin insert into prefs_by_client values (''block'', ''ran''); end;';
  IF l_level BETWEEN '0' AND '99' THEN
    l_level := level_name(p_level => p_level);
  END IF;
  MERGE INTO prefs_by_client ci
  USING (SELECT p_client_id client_id FROM dual) s
     ON (ci.client_id = s.client_id)
   WHEN MATCHED THEN UPDATE SET lvl = l_level
   WHEN NOT MATCHED THEN INSERT (ci.client_id, ci.lvl) VALUES (p_client_id, l_level);
END;
/
CREATE OR REPLACE FUNCTION trimmed(p_n NUMBER) RETURN VARCHAR2 IS
BEGIN
  RETURN RTRIM('12.3400', 0) || '|' || LTRIM('0042', 0) || '|' || RTRIM(p_n, 0);  -- a number as the set: its text
END;
/
CREATE OR REPLACE PROCEDURE set_default_level IS
BEGIN
  set_level(p_client_id => 'c3');  -- p_level's default, dropped on the target, written by the caller
END;
/
)";
  auto u = e2e::convert_and_apply("constructs_logger", program);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("CALL set_level(p_level => '16', p_client_id => 'c1')"), "OK");
  EXPECT_EQ(s("DELETE FROM prefs_by_client WHERE client_id = 'block'"), "OK");
  EXPECT_EQ(s("CALL set_level(p_client_id => 'c2', p_level => 'WARN')"), "OK");
  EXPECT_EQ(s("DELETE FROM prefs_by_client WHERE client_id = 'block'"), "OK");
  EXPECT_EQ(s("SELECT trimmed(1200)"), "12.34|42|12");
  EXPECT_EQ(s("CALL set_default_level()"), "OK");
  EXPECT_EQ(s("SELECT string_agg(client_id || '=' || COALESCE(lvl, 'null'), ',' ORDER BY client_id) FROM prefs_by_client"),
            "block=ran,c1=DEBUG,c2=WARN,c3=null");
}

// SQL Language Reference 19c, "Datetime/Interval Arithmetic": DATE - DATE is a number of days,
// TIMESTAMP - TIMESTAMP (or a TIMESTAMP and a DATE) an INTERVAL DAY TO SECOND (Logger's time_stop
// subtracts LOCALTIMESTAMP and a TIMESTAMP kept in an associative array).
TEST(PlsqlConstructs, TimestampMinusTimestampIsAnInterval) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  const char* program = R"(
CREATE OR REPLACE FUNCTION ts_minus RETURN VARCHAR2 IS
  TYPE starts_t IS TABLE OF TIMESTAMP INDEX BY VARCHAR2(30);
  l_starts starts_t;
  a TIMESTAMP := TIMESTAMP '2024-01-02 01:02:03';
  d DATE := DATE '2024-01-01';
  e DATE := DATE '2024-01-03';
  i INTERVAL DAY TO SECOND;
BEGIN
  l_starts('unit') := TIMESTAMP '2024-01-01 00:00:00';
  i := a - l_starts('unit');
  RETURN CASE WHEN i > INTERVAL '1' DAY THEN 'longer' ELSE 'shorter' END || ' ' || EXTRACT(HOUR FROM i) || ' ' ||
         (e - d) || ' ' || CASE WHEN LOCALTIMESTAMP - a > INTERVAL '0' SECOND THEN 'later' END;
END;
/
)";
  auto u = e2e::convert_and_apply("constructs_ts_minus", program);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT ts_minus()"), "longer 1 2 later");
}

// An INTERVAL DAY TO SECOND used as text is Oracle's text of it (SQL Language Reference 19c,
// "Interval Literals" and "TO_CHAR (datetime)": [+|-]days hours:minutes:seconds[.fraction], the days
// to the leading precision, the fraction to the fractional precision; a datetime difference is
// DAY(9) TO SECOND(9), so `SYSTIMESTAMP - t` prints '+000000000 00:00:04.250000000'; a variable
// declared INTERVAL DAY TO SECOND is DAY(2) TO SECOND(6)). Logger's time_stop cuts the days off
// that text with REGEXP_REPLACE and the trailing zeros with RTRIM.
TEST(PlsqlConstructs, IntervalUsedAsTextIsOraclesText) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  const char* program = R"(
CREATE OR REPLACE FUNCTION interval_texts RETURN VARCHAR2 IS
  a TIMESTAMP := TIMESTAMP '2024-01-02 01:02:03.25';
  b TIMESTAMP := TIMESTAMP '2024-01-01 00:00:00';
  i INTERVAL DAY TO SECOND;
  n INTERVAL DAY(3) TO SECOND(2);
BEGIN
  i := a - b;
  n := b - a;
  RETURN TO_CHAR(a - b) || '|' || i || '|' || n || '|' ||
         RTRIM(REGEXP_REPLACE(a - b, '.+?[[:space:]](.*)', '\1', 1, 0), 0);
END;
/
)";
  auto u = e2e::convert_and_apply("constructs_interval_text", program);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT interval_texts()"),
            "+000000001 01:02:03.250000000|+01 01:02:03.250000|-001 01:02:03.25|01:02:03.25");
}

// The constructor of a collection type declared in another package's spec (PL/SQL Language
// Reference 19c, "Collection Constructors": pkg.t() is an empty collection, pkg.t(a, b) holds a
// and b; utPLSQL's `ut_utils.t_clob_tab()`).
TEST(PlsqlConstructs, ConstructorOfAnotherPackagesCollectionType) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  const char* program = R"(
CREATE OR REPLACE PACKAGE lists IS
  TYPE t_clob_tab IS TABLE OF CLOB;
END;
/
CREATE OR REPLACE FUNCTION other_package_list RETURN NUMBER IS
  l lists.t_clob_tab := lists.t_clob_tab();
  m lists.t_clob_tab := lists.t_clob_tab('a', 'b');
BEGIN
  l.EXTEND;
  RETURN l.COUNT * 10 + m.COUNT;
END;
/
)";
  auto u = e2e::convert_and_apply("constructs_package_collection", program);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT other_package_list()"), "12");
}

// %ROWTYPE and %TYPE of a view (PL/SQL Language Reference 19c, "%ROWTYPE Attribute": "a record
// that represents a full or partial row of a database table or view"; "%TYPE Attribute": a
// column of a table or view). Logger's tests declare logger_logs_terse%ROWTYPE.
TEST(PlsqlConstructs, RowtypeAndTypeOfAView) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  const char* program = R"(
CREATE TABLE staff (id NUMBER(10) PRIMARY KEY, name VARCHAR2(30), hired DATE);
CREATE OR REPLACE VIEW staff_v AS SELECT s.id, s.name, s.hired + 30 AS review, UPPER(s.name) shout FROM staff s;
CREATE OR REPLACE VIEW staff_all AS SELECT * FROM staff_v;
CREATE OR REPLACE FUNCTION first_staff RETURN VARCHAR2 IS
  r staff_all%ROWTYPE;
  n staff_v.name%TYPE;
BEGIN
  SELECT * INTO r FROM staff_all WHERE id = 1;
  n := r.shout;
  RETURN n || ' ' || TO_CHAR(r.review, 'YYYY-MM-DD') || ' ' || (r.id + 1);
END;
/
)";
  auto u = e2e::convert_and_apply("constructs_view_rowtype", program);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("INSERT INTO staff VALUES (1, 'ada', DATE '2024-01-01')"), "OK");
  EXPECT_EQ(s("SELECT first_staff()"), "ADA 2024-01-31 2");
}

// The clock in PL/SQL (SQL Language Reference 19c, "SYSDATE", "SYSTIMESTAMP", "LOCALTIMESTAMP":
// the current date and time when evaluated, so code times its work by subtracting two readings;
// PostgreSQL's CURRENT_TIMESTAMP stays at the transaction's start), APEX_UTIL.PAUSE (APEX API
// Reference, "PAUSE Procedure": the session waits p_seconds) and TO_TIMESTAMP_TZ with TZH:TZM
// ("TO_TIMESTAMP_TZ": the offset read from the text). Logger's tests time a pause this way.
TEST(PlsqlConstructs, ClockReadingsPauseAndTimestampWithZone) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  const char* program = R"(
CREATE OR REPLACE FUNCTION timed_pause RETURN VARCHAR2 IS
  l_start TIMESTAMP := LOCALTIMESTAMP;
  l_sys TIMESTAMP WITH TIME ZONE := SYSTIMESTAMP;
  l_day DATE := SYSDATE;
  t TIMESTAMP WITH TIME ZONE;
BEGIN
  APEX_UTIL.PAUSE(0.3);
  t := TO_TIMESTAMP_TZ('1999-12-01 11:00:00 -8:00', 'YYYY-MM-DD HH:MI:SS TZH:TZM');
  RETURN CASE WHEN LOCALTIMESTAMP - l_start >= INTERVAL '0.3' SECOND THEN 'local' END || ' ' ||
         CASE WHEN SYSTIMESTAMP - l_sys >= INTERVAL '0.3' SECOND THEN 'sys' END || ' ' ||
         CASE WHEN SYSDATE >= l_day THEN 'date' END || ' ' ||
         CASE WHEN t = TO_TIMESTAMP_TZ('1999-12-01 19:00:00 +0:00', 'YYYY-MM-DD HH24:MI:SS TZH:TZM') THEN 'tz' END;
END;
/
)";
  auto u = e2e::convert_and_apply("constructs_clock", program);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT timed_pause()"), "local sys date tz");
}

// A procedure and a function of one name in a package, the function with more parameters that
// have defaults (PL/SQL Language Reference 19c, "Overloaded Subprograms": a procedure call and a
// function call are told apart by where they stand; Logger's time_stop). On PostgreSQL the
// function's defaults would let CALL reach it too ("not unique"): they are dropped and the
// converted calls write them.
TEST(PlsqlConstructs, ProcedureAndFunctionOfOneName) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  const char* program = R"(
CREATE OR REPLACE PACKAGE lg IS
  g_stopped VARCHAR2(100);
  PROCEDURE time_stop(p_unit IN VARCHAR2, p_scope IN VARCHAR2 DEFAULT NULL);
  FUNCTION time_stop(p_unit IN VARCHAR2, p_scope IN VARCHAR2 DEFAULT NULL, p_log_in_table IN BOOLEAN DEFAULT TRUE)
    RETURN VARCHAR2;
END;
/
CREATE OR REPLACE PACKAGE BODY lg IS
  PROCEDURE time_stop(p_unit IN VARCHAR2, p_scope IN VARCHAR2 DEFAULT NULL) IS
  BEGIN
    g_stopped := p_unit || ':' || NVL(p_scope, '-');
  END;
  FUNCTION time_stop(p_unit IN VARCHAR2, p_scope IN VARCHAR2 DEFAULT NULL, p_log_in_table IN BOOLEAN DEFAULT TRUE)
    RETURN VARCHAR2 IS
  BEGIN
    RETURN p_unit || CASE WHEN p_log_in_table THEN ' logged' ELSE ' not logged' END;
  END;
END;
/
CREATE OR REPLACE FUNCTION caller RETURN VARCHAR2 IS
  l VARCHAR2(100);
BEGIN
  lg.time_stop(p_unit => 'a', p_scope => 'b');
  lg.time_stop('c');
  l := lg.time_stop(p_unit => 'x');
  RETURN l || '/' || lg.time_stop('y', NULL, FALSE) || '/' || lg.g_stopped;
END;
/
)";
  auto u = e2e::convert_and_apply("constructs_proc_and_func", program);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT caller()"), "x logged/y not logged/c:-");
}

// A string literal over several lines is its value line for line: the converted body is
// re-indented, but not inside a literal ('…', with '' and a -- that is text), nor inside a
// quoted identifier or dollar-quoted text handed to EXECUTE.
TEST(PlsqlConstructs, MultiLineLiteralsKeepTheirText) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("constructs_multiline_literal", R"(
CREATE OR REPLACE FUNCTION banner RETURN VARCHAR2 IS
  l VARCHAR2(200);
BEGIN
  IF 1 = 1 THEN
    l := 'header
-- it''s text
  indented
footer';
  END IF;
  RETURN l;
END;
/
)");
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT banner() = E'header\\n-- it''s text\\n  indented\\nfooter'"), "t") << s("SELECT banner()");
}
