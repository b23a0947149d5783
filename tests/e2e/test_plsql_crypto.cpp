// DBMS_CRYPTO.HASH and DBMS_UTILITY.GET_HASH_VALUE on PostgreSQL: Oracle Database PL/SQL Packages
// and Types Reference 19c, "DBMS_CRYPTO.HASH Function" (RAW digests; the values are the standard
// ones: FIPS 180-4 test vector "abc") and "DBMS_UTILITY.GET_HASH_VALUE" (a value in
// base .. base + hash_size - 1).
#include "plsql_harness.h"
#include "require_env.h"

namespace {

const char* kCrypto = R"(
CREATE OR REPLACE FUNCTION digests(p_text VARCHAR2) RETURN VARCHAR2 IS
  l_clob CLOB := p_text;
  l_raw  RAW(100) := UTL_RAW.CAST_TO_RAW(p_text);
BEGIN
  RETURN RAWTOHEX(DBMS_CRYPTO.HASH(l_raw, DBMS_CRYPTO.HASH_SH1)) || ' ' ||
         RAWTOHEX(DBMS_CRYPTO.HASH(l_clob, DBMS_CRYPTO.HASH_MD5)) || ' ' ||
         RAWTOHEX(DBMS_CRYPTO.HASH(l_clob, DBMS_CRYPTO.HASH_SH256));
END;
/
CREATE OR REPLACE FUNCTION bucket(p_name VARCHAR2) RETURN NUMBER IS
BEGIN
  RETURN DBMS_UTILITY.GET_HASH_VALUE(p_name, 1, 100);
END;
/
)";

}  // namespace

TEST(PlsqlCrypto, HashDigestsAreTheStandardOnes) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("crypto", kCrypto);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT digests('abc')"),
            "A9993E364706816ABA3E25717850C26C9CD0D89D 900150983CD24FB0D6963F7D28E17F72 "
            "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD");
  EXPECT_EQ(s("SELECT bool_and(bucket('name' || i) BETWEEN 1 AND 100) FROM generate_series(1, 500) i"), "t");
  EXPECT_EQ(s("SELECT bucket('same') = bucket('same')"), "t");
}
