// Oracle converts an argument to its parameter's type and a number given to a character function
// to text (SQL Language Reference 19c, "Implicit Data Conversion": RAW ↔ VARCHAR2 through
// RAWTOHEX / HEXTORAW, NUMBER → VARCHAR2 through TO_CHAR). PostgreSQL finds a routine only through
// implicit casts, so the converted calls carry the conversions; these run them.
#include "plsql_harness.h"
#include "require_env.h"

namespace {

const char* kImplicitArgs = R"(
CREATE OR REPLACE PACKAGE conv_pkg IS
  FUNCTION echo(p_text VARCHAR2) RETURN VARCHAR2;
  FUNCTION raw_hex(p_raw RAW) RETURN VARCHAR2;
  PROCEDURE keep(p_text VARCHAR2, p_out OUT VARCHAR2);
  FUNCTION raw_to_text RETURN VARCHAR2;
  FUNCTION text_to_raw RETURN VARCHAR2;
  FUNCTION number_to_text RETURN VARCHAR2;
  FUNCTION raw_through_procedure RETURN VARCHAR2;
  FUNCTION last_digits(a NUMBER, b NUMBER) RETURN VARCHAR2;
  FUNCTION digits_of(n NUMBER) RETURN NUMBER;
  FUNCTION or32(x INTEGER, y INTEGER) RETURN INTEGER;
  FUNCTION masked_or(a NUMBER) RETURN NUMBER;
  PROCEDURE bump(a IN OUT NUMBER, b NUMBER, c OUT NUMBER);
  FUNCTION bump_elements RETURN VARCHAR2;
END conv_pkg;
/
CREATE OR REPLACE PACKAGE BODY conv_pkg IS
  FUNCTION echo(p_text VARCHAR2) RETURN VARCHAR2 IS
  BEGIN
    RETURN p_text;
  END;
  FUNCTION raw_hex(p_raw RAW) RETURN VARCHAR2 IS
  BEGIN
    RETURN RAWTOHEX(p_raw);
  END;
  PROCEDURE keep(p_text VARCHAR2, p_out OUT VARCHAR2) IS
  BEGIN
    p_out := p_text;
  END;
  FUNCTION raw_to_text RETURN VARCHAR2 IS
    l_raw RAW(4) := HEXTORAW('0aff');
  BEGIN
    RETURN echo(l_raw);
  END;
  FUNCTION text_to_raw RETURN VARCHAR2 IS
    l_hex VARCHAR2(8) := 'c0de';
  BEGIN
    RETURN raw_hex(l_hex);
  END;
  FUNCTION number_to_text RETURN VARCHAR2 IS
    l_n NUMBER := 42;
  BEGIN
    RETURN echo(l_n);
  END;
  FUNCTION raw_through_procedure RETURN VARCHAR2 IS
    l_raw RAW(2) := HEXTORAW('BEEF');
    l_out VARCHAR2(10);
  BEGIN
    keep(l_raw, l_out);
    RETURN l_out;
  END;
  FUNCTION last_digits(a NUMBER, b NUMBER) RETURN VARCHAR2 IS
  BEGIN
    RETURN SUBSTR(BITAND(a, b), -6, 6);
  END;
  FUNCTION digits_of(n NUMBER) RETURN NUMBER IS
  BEGIN
    RETURN LENGTH(BITAND(n, n));
  END;
  FUNCTION or32(x INTEGER, y INTEGER) RETURN INTEGER IS
  BEGIN
    RETURN x + y - BITAND(x, y);
  END;
  -- oos_util_crypto's DES key schedule: BITAND's result passed to INTEGER parameters.
  FUNCTION masked_or(a NUMBER) RETURN NUMBER IS
  BEGIN
    RETURN or32(BITAND(a, 240), BITAND(a, TO_NUMBER('0f', 'xx')));
  END;
  PROCEDURE bump(a IN OUT NUMBER, b NUMBER, c OUT NUMBER) IS
  BEGIN
    a := a + b;
    c := -b;
  END;
  -- oos_util_crypto's RIPEMD-160 rounds: elements of a collection as IN OUT and OUT arguments.
  FUNCTION bump_elements RETURN VARCHAR2 IS
    TYPE num_list IS TABLE OF NUMBER;
    l num_list := num_list(1, 2, 3);
    i PLS_INTEGER := 2;
  BEGIN
    bump(l(2), 10, l(1));
    bump(l(MOD(i, 3) + 1), 100, l(MOD(i + 1, 3) + 1));
    RETURN l(1) || ',' || l(2) || ',' || l(3);
  END;
END conv_pkg;
/
)";

}  // namespace

TEST(PlsqlImplicitArgs, ArgumentsAndCharacterFunctionsConvertAsOracleDoes) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("implicit_args", kImplicitArgs);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT conv_pkg.raw_to_text()"), "0AFF");  // RAWTOHEX: upper-case hex digits
  EXPECT_EQ(s("SELECT conv_pkg.text_to_raw()"), "C0DE");  // HEXTORAW
  EXPECT_EQ(s("SELECT conv_pkg.number_to_text()"), "42");
  EXPECT_EQ(s("SELECT conv_pkg.raw_through_procedure()"), "BEEF");
  EXPECT_EQ(s("SELECT conv_pkg.last_digits(1234567890, 2147483647)"), "567890");
  EXPECT_EQ(s("SELECT conv_pkg.digits_of(1234567)"), "7");
  EXPECT_EQ(s("SELECT conv_pkg.masked_or(1234)"), "210");  // 1234 = 0x4D2: 0xD0 | 0x02
  // bump(l(2), 10, l(1)): l(2) 2 + 10, l(1) -10; then l(3) 3 + 100 and l(1) -100.
  EXPECT_EQ(s("SELECT conv_pkg.bump_elements()"), "-100,12,103");
}
