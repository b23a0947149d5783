// DBMS_LOB on PostgreSQL, where a CLOB is text and a BLOB bytea: each call gives what Oracle
// Database PL/SQL Packages and Types Reference 19c, "DBMS_LOB", says (the subprogram's section
// named beside each expectation).
#include "plsql_harness.h"
#include "require_env.h"

namespace {

const char* kLobProgram = R"(
CREATE OR REPLACE FUNCTION lob_facts RETURN VARCHAR2 IS
  c    CLOB;
  d    CLOB := 'hello world';
  b    BLOB;
  buf  VARCHAR2(100);
  amt  INTEGER;
  pos  NUMBER := 7;
  doff INTEGER := 1;
  soff INTEGER := 1;
  lang INTEGER := 0;
  warn INTEGER;
  res  VARCHAR2(400);
BEGIN
  DBMS_LOB.CREATETEMPORARY(c, TRUE);
  DBMS_LOB.COPY(c, d, 5, 1, 1);
  DBMS_LOB.COPY(c, d, 5, 8, 7);
  res := c || '|' || DBMS_LOB.GETLENGTH(c);
  res := res || '|' || DBMS_LOB.INSTR(d, 'o', 6) || ',' || DBMS_LOB.INSTR(d, 'o') || ',' || DBMS_LOB.INSTR(d, 'z', pos);
  amt := 4;
  DBMS_LOB.READ(d, amt, pos, buf);
  res := res || '|' || buf || amt;
  amt := 10;
  DBMS_LOB.READ(d, amt, 10, buf);
  res := res || '|' || buf || amt;
  BEGIN
    amt := 5;
    DBMS_LOB.READ(d, amt, 20, buf);
    res := res || '|no error';
  EXCEPTION
    WHEN NO_DATA_FOUND THEN res := res || '|eof';
  END;
  res := res || '|' || DBMS_LOB.COMPARE(d, 'hello world') || ',' || DBMS_LOB.COMPARE(d, 'hello') || ',' ||
         DBMS_LOB.COMPARE('a', 'b') || ',' || NVL(TO_CHAR(DBMS_LOB.COMPARE(d, NULL)), 'null');
  DBMS_LOB.CREATETEMPORARY(b, TRUE);
  DBMS_LOB.CONVERTTOBLOB(b, d, DBMS_LOB.LOBMAXSIZE, doff, soff, DBMS_LOB.DEFAULT_CSID, lang, warn);
  res := res || '|' || DBMS_LOB.GETLENGTH(b) || ':' || doff || ':' || soff || ':' || warn;
  DBMS_LOB.TRIM(c, 5);
  res := res || '|' || c;
  DBMS_LOB.FREETEMPORARY(b);
  RETURN res;
END;
/
)";

}  // namespace

TEST(PlsqlDbmsLob, ReadersAndWritersOnTextAndBytea) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("dbms_lob", kLobProgram);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  // COPY: "hello", then "world" at offset 8 after two pad spaces ("COPY Procedure": the
  // destination is padded with spaces); GETLENGTH 12; INSTR from offset 6 → 8, first 'o' 5, none
  // 0 ("INSTR Functions"); READ 4 from 7 → "worl"/4, 10 from 10 → "ld"/2 (amount is what was
  // read), past the end NO_DATA_FOUND ("READ Procedures"); COMPARE 0 equal, 1 greater, -1 less,
  // NULL with a NULL ("COMPARE Functions"); CONVERTTOBLOB 11 bytes, both offsets moved past them,
  // warning 0 ("CONVERTTOBLOB Procedure"); TRIM to 5 ("TRIM Procedures").
  EXPECT_EQ(s("SELECT lob_facts()"), "hello  world|12|8,5,0|worl4|ld2|eof|0,1,-1,null|11:12:12:0|hello");
}
