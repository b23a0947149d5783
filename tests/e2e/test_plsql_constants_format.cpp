// Format models held in constants, STANDARD.f beside a package's own f, and UTL_LMS.FORMAT_MESSAGE,
// converted for PostgreSQL and run there. Expected values: SQL Language Reference, "Format Models"
// (TO_CHAR of DATE '2016-04-26' + 13:57:51 with 'YYYY-MM-DD HH24:MI:SS'); PL/SQL Packages and
// Types Reference, "UTL_LMS.FORMAT_MESSAGE" (%s and %d substituted in order, %% is %).
#include "plsql_harness.h"
#include "require_env.h"

namespace {

const char* kFormats = R"(
CREATE OR REPLACE PACKAGE fmt AS
  gc_date_format CONSTANT VARCHAR2(30) := 'YYYY-MM-DD HH24:MI:SS';
  gc_stamp_format CONSTANT VARCHAR2(40) := gc_date_format || '.FF3';
  FUNCTION to_char(p_val DATE) RETURN VARCHAR2;
  FUNCTION to_char(p_val NUMBER) RETURN VARCHAR2;
  FUNCTION stamp(p_val TIMESTAMP) RETURN VARCHAR2;
  FUNCTION message(p_what VARCHAR2, p_count PLS_INTEGER) RETURN VARCHAR2;
  FUNCTION is_date(p_str VARCHAR2, p_format VARCHAR2) RETURN VARCHAR2;
  FUNCTION shown(p_val DATE, p_format VARCHAR2) RETURN VARCHAR2;
END fmt;
/
CREATE OR REPLACE PACKAGE BODY fmt AS
  FUNCTION to_char(p_val DATE) RETURN VARCHAR2 IS
  BEGIN
    RETURN sys.standard.to_char(p_val, gc_date_format);
  END;
  FUNCTION to_char(p_val NUMBER) RETURN VARCHAR2 IS
  BEGIN
    RETURN 'n=' || standard.to_char(p_val);
  END;
  FUNCTION stamp(p_val TIMESTAMP) RETURN VARCHAR2 IS
  BEGIN
    RETURN standard.to_char(p_val, fmt.gc_stamp_format);
  END;
  FUNCTION message(p_what VARCHAR2, p_count PLS_INTEGER) RETURN VARCHAR2 IS
  BEGIN
    RETURN utl_lms.format_message('%s has %d items (100%%)', p_what, p_count);
  END;
  FUNCTION is_date(p_str VARCHAR2, p_format VARCHAR2) RETURN VARCHAR2 IS
    l_date DATE;
  BEGIN
    l_date := TO_DATE(p_str, p_format);
    RETURN 'Y' || standard.to_char(l_date, 'YYYYMMDD');
  EXCEPTION
    WHEN OTHERS THEN
      RETURN 'N';
  END;
  FUNCTION shown(p_val DATE, p_format VARCHAR2) RETURN VARCHAR2 IS
  BEGIN
    RETURN standard.to_char(p_val, p_format);
  END;
END fmt;
/
)";

}  // namespace

TEST(PlsqlConstantsFormat, FormatModelsInConstantsAndStandardCalls) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("constants_format", kFormats);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT fmt.to_char(TIMESTAMP '2016-04-26 13:57:51')"), "2016-04-26 13:57:51");
  EXPECT_EQ(s("SELECT fmt.to_char(42::numeric)"), "n=42");
  EXPECT_EQ(s("SELECT fmt.stamp(TIMESTAMP '2016-04-26 13:57:51.123456')"), "2016-04-26 13:57:51.123");
  EXPECT_EQ(s("SELECT fmt.message('cart', 3)"), "cart has 3 items (100%)");
  // A mask known only at run time is converted then; one Oracle does not recognise raises
  // (ORA-01821), which the handler turns into 'N', as in Oracle.
  EXPECT_EQ(s("SELECT fmt.is_date('26.04.2016', 'DD.MM.YYYY')"), "Y20160426");
  EXPECT_EQ(s("SELECT fmt.is_date('2016-04-26', 'YYYY-MM-DD')"), "Y20160426");
  EXPECT_EQ(s("SELECT fmt.is_date('2016-04-26', 'YYYY-MM-KK')"), "N");
  EXPECT_EQ(s("SELECT fmt.shown(TIMESTAMP '2016-04-26 13:57:51', 'DD \"of\" Month YYYY, HH24:MI')"),
            "26 of April     2016, 13:57");
}
