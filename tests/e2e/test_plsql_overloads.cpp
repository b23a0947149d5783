// Overloads PostgreSQL cannot tell apart (DATE and TIMESTAMP are both timestamp, VARCHAR2 and
// CLOB both text, TIMESTAMP WITH [LOCAL] TIME ZONE both timestamptz): each gets a name of its own
// and every call runs the overload Oracle runs. Oracle Database PL/SQL Language Reference 19c,
// "Overloaded Subprograms" (the actual parameters' types choose the subprogram) and "Formal
// Parameters of Overloaded Subprograms"; a character literal is CHAR ("Literals"), which the
// VARCHAR2 overload takes before CLOB.
#include <fstream>

#include "plsql_harness.h"
#include "require_env.h"

namespace {

const char* kOverloads = R"(CREATE TABLE ov_log (d DATE, n NUMBER);

CREATE OR REPLACE PACKAGE ov AS
  FUNCTION describe(p DATE) RETURN VARCHAR2;
  FUNCTION describe(p TIMESTAMP) RETURN VARCHAR2;
  FUNCTION describe(p TIMESTAMP WITH TIME ZONE) RETURN VARCHAR2;
  FUNCTION describe(p TIMESTAMP WITH LOCAL TIME ZONE) RETURN VARCHAR2;
  FUNCTION describe(p VARCHAR2) RETURN VARCHAR2;
  FUNCTION describe(p CLOB) RETURN VARCHAR2;
  FUNCTION describe(p NUMBER) RETURN VARCHAR2;
  PROCEDURE put(p_list IN OUT VARCHAR2, p_val DATE);
  PROCEDURE put(p_list IN OUT VARCHAR2, p_val TIMESTAMP);
  FUNCTION run_all RETURN VARCHAR2;
END ov;
/
CREATE OR REPLACE PACKAGE BODY ov AS
  FUNCTION describe(p DATE) RETURN VARCHAR2 IS BEGIN RETURN 'DATE'; END;
  FUNCTION describe(p TIMESTAMP) RETURN VARCHAR2 IS BEGIN RETURN 'TIMESTAMP'; END;
  FUNCTION describe(p TIMESTAMP WITH TIME ZONE) RETURN VARCHAR2 IS BEGIN RETURN 'TSTZ'; END;
  FUNCTION describe(p TIMESTAMP WITH LOCAL TIME ZONE) RETURN VARCHAR2 IS BEGIN RETURN 'TSLTZ'; END;
  FUNCTION describe(p VARCHAR2) RETURN VARCHAR2 IS BEGIN RETURN 'VARCHAR2'; END;
  FUNCTION describe(p CLOB) RETURN VARCHAR2 IS BEGIN RETURN 'CLOB'; END;
  FUNCTION describe(p NUMBER) RETURN VARCHAR2 IS BEGIN RETURN 'NUMBER'; END;
  PROCEDURE put(p_list IN OUT VARCHAR2, p_val DATE) IS BEGIN p_list := p_list || 'd'; END;
  PROCEDURE put(p_list IN OUT VARCHAR2, p_val TIMESTAMP) IS BEGIN p_list := p_list || 't'; END;
  FUNCTION run_all RETURN VARCHAR2 IS
    d  DATE := SYSDATE;
    t  TIMESTAMP := SYSTIMESTAMP;
    tz TIMESTAMP WITH TIME ZONE := SYSTIMESTAMP;
    lz TIMESTAMP WITH LOCAL TIME ZONE := SYSTIMESTAMP;
    c  CLOB := 'x';
    v  VARCHAR2(10) := 'y';
    col ov_log.d%TYPE := SYSDATE;
    l  VARCHAR2(100);
  BEGIN
    put(l, d); put(l, t); put(p_val => col, p_list => l);
    RETURN describe(d) || ',' || describe(t) || ',' || describe(tz) || ',' || describe(lz) || ',' ||
           describe(c) || ',' || describe(v) || ',' || describe('lit') || ',' || describe(42) || ',' ||
           describe(SYSDATE) || ',' || describe(TO_CLOB('a')) || ',' || describe(col) || ',' ||
           describe(v || 'z') || ',' || describe(CAST(d AS TIMESTAMP)) || ',' || l;
  END;
END ov;
/
)";

const char* kUnsettled = R"(
CREATE OR REPLACE PACKAGE ov2 AS
  FUNCTION describe(p DATE) RETURN VARCHAR2;
  FUNCTION describe(p TIMESTAMP) RETURN VARCHAR2;
  FUNCTION describe_null RETURN VARCHAR2;
END ov2;
/
CREATE OR REPLACE PACKAGE BODY ov2 AS
  FUNCTION describe(p DATE) RETURN VARCHAR2 IS BEGIN RETURN 'DATE'; END;
  FUNCTION describe(p TIMESTAMP) RETURN VARCHAR2 IS BEGIN RETURN 'TIMESTAMP'; END;
  FUNCTION describe_null RETURN VARCHAR2 IS
  BEGIN
    RETURN describe(NULL);
  END;
END ov2;
/
)";

}  // namespace

// Arguments whose family the converter infers: a NUMBER or DATE converts implicitly to VARCHAR2,
// not CLOB ("Implicit Data Conversion", SQL Language Reference, Table 2-8); a CASE has the family
// of its results; a function overloaded on unmerged types returns the family of the overload its
// own arguments choose (VARCHAR2 → the CLOB overload, as Oracle's implicit character conversion);
// an XMLType's getClobVal() is a CLOB; a parenthesised argument is its content.
const char* kInferred = R"(
CREATE OR REPLACE TYPE name_list AS TABLE OF VARCHAR2(100);
/
CREATE OR REPLACE PACKAGE inf AS
  PROCEDURE put_in(p_out IN OUT VARCHAR2, p_val VARCHAR2);
  PROCEDURE put_in(p_out IN OUT VARCHAR2, p_val CLOB);
  FUNCTION wrap(p_lines name_list) RETURN name_list;
  FUNCTION wrap(p_text CLOB) RETURN CLOB;
  FUNCTION run_all RETURN VARCHAR2;
END inf;
/
CREATE OR REPLACE PACKAGE BODY inf AS
  PROCEDURE put_in(p_out IN OUT VARCHAR2, p_val VARCHAR2) IS BEGIN p_out := p_out || 'V'; END;
  PROCEDURE put_in(p_out IN OUT VARCHAR2, p_val CLOB) IS BEGIN p_out := p_out || 'C'; END;
  FUNCTION wrap(p_lines name_list) RETURN name_list IS BEGIN RETURN p_lines; END;
  FUNCTION wrap(p_text CLOB) RETURN CLOB IS BEGIN RETURN '[' || p_text || ']'; END;
  FUNCTION run_all RETURN VARCHAR2 IS
    l_out VARCHAR2(100);
    l_n NUMBER := 7;
    l_flag BOOLEAN := TRUE;
    l_xml XMLTYPE := XMLTYPE('<a>1</a>');
  BEGIN
    put_in(l_out, l_n);
    put_in(l_out, SYSDATE);
    put_in(l_out, CASE WHEN l_flag THEN 'x' ELSE NULL END);
    put_in(l_out, wrap('text'));
    put_in(l_out, l_xml.getClobVal());
    put_in(l_out, (l_n || 'z'));
    RETURN l_out;
  END;
END inf;
/
)";

TEST(PlsqlOverloads, ArgumentFamiliesInferredFromExpressions) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("overloads_inferred", kInferred);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT inf.run_all()"), "VVVCCV");
}

TEST(PlsqlOverloads, MergedOverloadsRunTheOneOracleRuns) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("overloads", kOverloads);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  // d DATE, t TIMESTAMP, tz WITH TIME ZONE, lz WITH LOCAL TIME ZONE, c CLOB, v VARCHAR2, 'lit',
  // 42, SYSDATE, TO_CLOB(..), a DATE column's %TYPE, v || 'z'; then put(DATE), put(TIMESTAMP),
  // CAST(d AS TIMESTAMP) (the CAST's type decides, SQL Language Reference "CAST"); put by name
  // with the DATE column.
  EXPECT_EQ(s("SELECT ov.run_all()"),
            "DATE,TIMESTAMP,TSTZ,TSLTZ,CLOB,VARCHAR2,VARCHAR2,NUMBER,DATE,CLOB,DATE,VARCHAR2,TIMESTAMP,dtd");
}

// Oracle rejects describe(NULL) itself (PLS-00307: too many declarations match); the converter
// cannot pick one either and says so at the call.
TEST(PlsqlOverloads, UnsettledCallIsFlaggedAtTheCall) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("overloads_unsettled", kUnsettled);
  std::ifstream in(u.dir.parent_path() / "report" / "action_items.csv");
  std::string csv((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(csv.find("OS6001,high,code,PACKAGE BODY OV2,\"call of OV2.DESCRIBE: the target merges some of its overloads"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("install.sql,13,12"), std::string::npos) << csv;
}
