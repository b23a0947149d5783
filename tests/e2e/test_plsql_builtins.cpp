// Oracle built-in packages converted for PostgreSQL, executed there and compared with the values
// Oracle's documentation gives (Oracle Database PL/SQL Packages and Types Reference 19c):
//   UTL_RAW     "BIT_AND / BIT_OR / BIT_XOR" (the longer RAW's rest appended), "COMPARE" (the
//               first differing byte, the shorter padded with x'00'), "REVERSE", "COPIES",
//               "CAST_TO_BINARY_INTEGER" / "CAST_FROM_BINARY_INTEGER" (big / little endian),
//               "CAST_FROM_NUMBER" (Oracle's NUMBER bytes: 123.456 is C2 02 18 2E 3D);
//   UTL_ENCODE  "BASE64_ENCODE" / "BASE64_DECODE" (RFC 2045: 'abc' is YWJj);
//   UTL_URL     "ESCAPE" (the chapter's example: spaces become %20), "UNESCAPE", BAD_URL;
//   UTL_I18N    "STRING_TO_RAW", "RAW_TO_CHAR";
//   DBMS_ASSERT "ENQUOTE_NAME", "ENQUOTE_LITERAL", "SIMPLE_SQL_NAME", "QUALIFIED_SQL_NAME",
//               "SCHEMA_NAME", "SQL_OBJECT_NAME" and their exceptions (ORA-44001 … 44004);
//   DBMS_CRYPTO "MAC" (RFC 2104 HMAC: the Wikipedia / RFC 4231-style vector for "key" and the
//               quick brown fox), "ENCRYPT" / "DECRYPT" (FIPS-197 Appendix C.3 AES-256 vector),
//               "RANDOMBYTES"; DBMS_DB_VERSION "VERSION"; DBMS_SESSION "SET_CONTEXT",
//               "CLEAR_CONTEXT", "CLEAR_ALL_CONTEXT" with SQL Language Reference "SYS_CONTEXT"
//               (in Oracle the function would be the context's trusted routine: CREATE CONTEXT
//               app_ctx USING app_context); DBMS_RANDOM "STRING" (the option's character
//               classes); DBMS_APPLICATION_INFO "READ_MODULE", "READ_CLIENT_INFO".
#include "plsql_harness.h"
#include "require_env.h"

namespace {

const char* kBuiltins = R"(
CREATE OR REPLACE FUNCTION raw_ops RETURN VARCHAR2 IS
BEGIN
  RETURN RAWTOHEX(UTL_RAW.BIT_AND(HEXTORAW('0F0F'), HEXTORAW('FF'))) || ' ' ||
         RAWTOHEX(UTL_RAW.BIT_OR(HEXTORAW('F0'), HEXTORAW('0F'))) || ' ' ||
         RAWTOHEX(UTL_RAW.BIT_XOR(HEXTORAW('FF00'), HEXTORAW('0F'))) || ' ' ||
         UTL_RAW.COMPARE(HEXTORAW('0102'), HEXTORAW('010203')) || ' ' ||
         UTL_RAW.COMPARE(HEXTORAW('0102'), HEXTORAW('010200')) || ' ' ||
         RAWTOHEX(UTL_RAW.REVERSE(HEXTORAW('010203'))) || ' ' ||
         RAWTOHEX(UTL_RAW.COPIES(HEXTORAW('AB'), 3));
END;
/
CREATE OR REPLACE FUNCTION raw_integers RETURN VARCHAR2 IS
BEGIN
  RETURN UTL_RAW.CAST_TO_BINARY_INTEGER(HEXTORAW('01000000'), UTL_RAW.LITTLE_ENDIAN) || ' ' ||
         UTL_RAW.CAST_TO_BINARY_INTEGER(HEXTORAW('00000100'), UTL_RAW.BIG_ENDIAN) || ' ' ||
         UTL_RAW.CAST_TO_BINARY_INTEGER(HEXTORAW('FFFFFFFF'), UTL_RAW.LITTLE_ENDIAN) || ' ' ||
         UTL_RAW.CAST_TO_BINARY_INTEGER(HEXTORAW('0100'), UTL_RAW.LITTLE_ENDIAN) || ' ' ||
         RAWTOHEX(UTL_RAW.CAST_FROM_BINARY_INTEGER(1, UTL_RAW.LITTLE_ENDIAN)) || ' ' ||
         RAWTOHEX(UTL_RAW.CAST_FROM_BINARY_INTEGER(-2, UTL_RAW.BIG_ENDIAN)) || ' ' ||
         RAWTOHEX(UTL_RAW.CAST_FROM_NUMBER(123.456)) || ' ' ||
         RAWTOHEX(UTL_RAW.CAST_FROM_NUMBER(-1)) || ' ' ||
         RAWTOHEX(UTL_RAW.CAST_FROM_NUMBER(0));
END;
/
CREATE OR REPLACE FUNCTION reverse_empty RETURN VARCHAR2 IS
BEGIN
  RETURN RAWTOHEX(UTL_RAW.REVERSE(HEXTORAW('')));
EXCEPTION
  WHEN VALUE_ERROR THEN
    RETURN 'value_error';
END;
/
CREATE OR REPLACE FUNCTION base64(p_text VARCHAR2) RETURN VARCHAR2 IS
  l_encoded RAW(2000) := UTL_ENCODE.BASE64_ENCODE(UTL_RAW.CAST_TO_RAW(p_text));
BEGIN
  RETURN UTL_RAW.CAST_TO_VARCHAR2(l_encoded) || '|' ||
         UTL_RAW.CAST_TO_VARCHAR2(UTL_ENCODE.BASE64_DECODE(l_encoded));
END;
/
CREATE OR REPLACE FUNCTION url(p_url VARCHAR2, p_reserved BOOLEAN) RETURN VARCHAR2 IS
BEGIN
  RETURN UTL_URL.ESCAPE(p_url, p_reserved, 'AL32UTF8');
END;
/
CREATE OR REPLACE FUNCTION url_default(p_url VARCHAR2) RETURN VARCHAR2 IS
BEGIN
  RETURN UTL_URL.ESCAPE(p_url);
END;
/
CREATE OR REPLACE FUNCTION url_back(p_url VARCHAR2) RETURN VARCHAR2 IS
BEGIN
  RETURN UTL_URL.UNESCAPE(p_url, 'AL32UTF8');
EXCEPTION
  WHEN UTL_URL.BAD_URL THEN
    RETURN 'bad url';
END;
/
CREATE OR REPLACE FUNCTION charsets RETURN VARCHAR2 IS
BEGIN
  RETURN RAWTOHEX(UTL_I18N.STRING_TO_RAW('é', 'AL32UTF8')) || ' ' ||
         RAWTOHEX(UTL_I18N.STRING_TO_RAW('é', 'WE8ISO8859P1')) || ' ' ||
         UTL_I18N.RAW_TO_CHAR(HEXTORAW('E9'), 'WE8ISO8859P1');
END;
/
CREATE OR REPLACE FUNCTION assert_name(p_how VARCHAR2, p_str VARCHAR2) RETURN VARCHAR2 IS
BEGIN
  CASE p_how
    WHEN 'simple' THEN RETURN DBMS_ASSERT.SIMPLE_SQL_NAME(p_str);
    WHEN 'qualified' THEN RETURN SYS.DBMS_ASSERT.QUALIFIED_SQL_NAME(p_str);
    WHEN 'schema' THEN RETURN DBMS_ASSERT.SCHEMA_NAME(p_str);
    WHEN 'object' THEN RETURN DBMS_ASSERT.SQL_OBJECT_NAME(p_str);
    WHEN 'name' THEN RETURN DBMS_ASSERT.ENQUOTE_NAME(p_str);
    WHEN 'name as is' THEN RETURN DBMS_ASSERT.ENQUOTE_NAME(p_str, FALSE);
    WHEN 'literal' THEN RETURN DBMS_ASSERT.ENQUOTE_LITERAL(p_str);
    ELSE RETURN DBMS_ASSERT.NOOP(p_str);
  END CASE;
EXCEPTION
  WHEN DBMS_ASSERT.INVALID_SQL_NAME THEN RETURN 'ORA-44003';
  WHEN DBMS_ASSERT.INVALID_QUALIFIED_SQL_NAME THEN RETURN 'ORA-44004';
  WHEN SYS.DBMS_ASSERT.INVALID_SCHEMA_NAME THEN RETURN 'ORA-44001';
  WHEN DBMS_ASSERT.INVALID_OBJECT_NAME THEN RETURN 'ORA-44002';
  WHEN VALUE_ERROR THEN RETURN 'ORA-06502';
END;
/
CREATE OR REPLACE FUNCTION macs RETURN VARCHAR2 IS
  l_msg RAW(100) := UTL_RAW.CAST_TO_RAW('The quick brown fox jumps over the lazy dog');
BEGIN
  RETURN RAWTOHEX(DBMS_CRYPTO.MAC(src => l_msg, typ => DBMS_CRYPTO.HMAC_SH1, key => UTL_RAW.CAST_TO_RAW('key'))) || ' ' ||
         RAWTOHEX(DBMS_CRYPTO.MAC(l_msg, DBMS_CRYPTO.HMAC_SH256, UTL_RAW.CAST_TO_RAW('key')));
END;
/
CREATE OR REPLACE FUNCTION hash_by(p_typ PLS_INTEGER) RETURN VARCHAR2 IS
  l_clob CLOB := 'abc';
BEGIN
  RETURN RAWTOHEX(DBMS_CRYPTO.HASH(l_clob, p_typ));
END;
/
CREATE OR REPLACE FUNCTION md4_of(p_text VARCHAR2) RETURN VARCHAR2 IS
BEGIN
  RETURN RAWTOHEX(DBMS_CRYPTO.HASH(UTL_RAW.CAST_TO_RAW(p_text), DBMS_CRYPTO.HASH_MD4));
END;
/
CREATE OR REPLACE FUNCTION des RETURN VARCHAR2 IS
  c_ecb CONSTANT PLS_INTEGER := DBMS_CRYPTO.ENCRYPT_DES + DBMS_CRYPTO.CHAIN_ECB + DBMS_CRYPTO.PAD_NONE;
  c_cbc CONSTANT PLS_INTEGER := DBMS_CRYPTO.DES_CBC_PKCS5;
  l_key RAW(8) := HEXTORAW('133457799BBCDFF1');
  l_cipher RAW(100);
BEGIN
  l_cipher := DBMS_CRYPTO.ENCRYPT(HEXTORAW('0123456789ABCDEF'), c_ecb, l_key);
  RETURN RAWTOHEX(l_cipher) || ' ' || RAWTOHEX(DBMS_CRYPTO.DECRYPT(l_cipher, c_ecb, l_key)) || ' ' ||
         UTL_RAW.CAST_TO_VARCHAR2(DBMS_CRYPTO.DECRYPT(
           DBMS_CRYPTO.ENCRYPT(UTL_RAW.CAST_TO_RAW('a longer secret'), c_cbc, l_key), c_cbc, l_key));
END;
/
CREATE OR REPLACE FUNCTION des_short_key RETURN VARCHAR2 IS
  l_cipher RAW(100);
BEGIN
  l_cipher := DBMS_CRYPTO.ENCRYPT(HEXTORAW('0123456789ABCDEF'), DBMS_CRYPTO.DES_CBC_PKCS5, HEXTORAW('13345779'));
  RETURN RAWTOHEX(l_cipher);
EXCEPTION
  WHEN OTHERS THEN RETURN SQLERRM;
END;
/
CREATE OR REPLACE FUNCTION aes RETURN VARCHAR2 IS
  c_suite CONSTANT PLS_INTEGER := DBMS_CRYPTO.ENCRYPT_AES256 + DBMS_CRYPTO.CHAIN_ECB + DBMS_CRYPTO.PAD_NONE;
  l_key RAW(32) := HEXTORAW('000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F');
  l_cipher RAW(100);
  l_back BLOB;
BEGIN
  l_cipher := DBMS_CRYPTO.ENCRYPT(HEXTORAW('00112233445566778899AABBCCDDEEFF'), c_suite, l_key);
  DBMS_CRYPTO.DECRYPT(l_back, l_cipher, c_suite, l_key);
  RETURN RAWTOHEX(l_cipher) || ' ' || RAWTOHEX(l_back) || ' ' ||
         UTL_RAW.CAST_TO_VARCHAR2(DBMS_CRYPTO.DECRYPT(
           DBMS_CRYPTO.ENCRYPT(UTL_RAW.CAST_TO_RAW('secret'), DBMS_CRYPTO.ENCRYPT_AES256 + DBMS_CRYPTO.CHAIN_CBC +
                               DBMS_CRYPTO.PAD_PKCS5, l_key),
           DBMS_CRYPTO.ENCRYPT_AES256 + DBMS_CRYPTO.CHAIN_CBC + DBMS_CRYPTO.PAD_PKCS5, l_key)) || ' ' ||
         UTL_RAW.LENGTH(DBMS_CRYPTO.RANDOMBYTES(16)) || ' ' || DBMS_DB_VERSION.VERSION;
END;
/
CREATE OR REPLACE FUNCTION random_text(p_opt VARCHAR2, p_len NUMBER) RETURN VARCHAR2 IS
BEGIN
  RETURN DBMS_RANDOM.STRING(p_opt, p_len);
END;
/
CREATE OR REPLACE FUNCTION read_module RETURN VARCHAR2 IS
  l_module VARCHAR2(64);
  l_action VARCHAR2(64);
  l_info VARCHAR2(64);
BEGIN
  DBMS_APPLICATION_INFO.SET_MODULE('billing', 'close');
  DBMS_APPLICATION_INFO.SET_CLIENT_INFO('desk 4');
  DBMS_APPLICATION_INFO.READ_MODULE(l_module, l_action);
  DBMS_APPLICATION_INFO.READ_CLIENT_INFO(l_info);
  RETURN l_module || '/' || l_action || '/' || l_info;
END;
/
CREATE OR REPLACE FUNCTION db_release RETURN VARCHAR2 IS
  l_version VARCHAR2(30);
  l_compatibility VARCHAR2(30);
BEGIN
  DBMS_UTILITY.DB_VERSION(l_version, compatibility => l_compatibility);
  RETURN l_version || ' ' || l_compatibility || ' ' || CASE WHEN DBMS_DB_VERSION.VERSION = TO_NUMBER(SUBSTR(l_version, 1, INSTR(l_version, '.') - 1)) THEN 'agrees' END
    || ' ' || CASE WHEN DBMS_UTILITY.PORT_STRING IS NOT NULL AND INSTR(DBMS_UTILITY.PORT_STRING, ' ') = 0 THEN 'platform' END;
END;
/
CREATE OR REPLACE FUNCTION app_context(p_value VARCHAR2) RETURN VARCHAR2 IS
  l_out VARCHAR2(200) := NVL(SYS_CONTEXT('APP_CTX', 'who'), 'unset');
BEGIN
  DBMS_SESSION.SET_CONTEXT('app_ctx', 'WHO', p_value);
  DBMS_SESSION.SET_CONTEXT('APP_CTX', 'role', 'admin');
  l_out := l_out || ' ' || SYS_CONTEXT('app_ctx', 'WHO') || ' ' || SYS_CONTEXT('APP_CTX', 'ROLE');
  DBMS_SESSION.CLEAR_CONTEXT('APP_CTX', attribute => 'WHO');
  l_out := l_out || ' ' || NVL(SYS_CONTEXT('APP_CTX', 'WHO'), 'cleared') || ' ' || SYS_CONTEXT('APP_CTX', 'ROLE');
  DBMS_SESSION.CLEAR_ALL_CONTEXT('APP_CTX');
  RETURN l_out || ' ' || NVL(SYS_CONTEXT('APP_CTX', 'ROLE'), 'none');
END;
/
)";

}  // namespace

TEST(PlsqlBuiltins, UtlRawMatchesTheDocumentedBytes) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("builtins_raw", kBuiltins);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT raw_ops()"), "0F0F FF F000 3 0 030201 ABABAB");
  EXPECT_EQ(s("SELECT raw_integers()"), "1 256 -1 1 01000000 FFFFFFFE C202182E3D 3E6466 80");
  EXPECT_EQ(s("SELECT reverse_empty()"), "value_error");
  // 'abc' → YWJj; 49 bytes → 68 characters, broken after 64 by CR LF.
  EXPECT_EQ(s("SELECT base64('abc')"), "YWJj|abc");
  std::string long_text(49, 'x');
  EXPECT_EQ(s("SELECT base64('" + long_text + "')"),
            "eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4\r\neA==|" + long_text);
  EXPECT_EQ(s("SELECT charsets()"), "C3A9 E9 é");
}

TEST(PlsqlBuiltins, UtlUrlEscapesIllegalAndOptionallyReservedCharacters) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("builtins_url", kBuiltins);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT url_default('http://www.example.com/Using the ESCAPE function.html')"),
            "http://www.example.com/Using%20the%20ESCAPE%20function.html");
  EXPECT_EQ(s("SELECT url('a b&c=d/é~(x)#', false)"), "a%20b&c=d/%C3%A9~(x)%23");
  EXPECT_EQ(s("SELECT url('a b&c=d/é~(x)#', true)"), "a%20b%26c%3Dd%2F%C3%A9~(x)%23");
  EXPECT_EQ(s("SELECT url_default('é')"), "%E9");  // ISO-8859-1, UTL_HTTP's default body charset
  EXPECT_EQ(s("SELECT url_back('a%20b%C3%A9')"), "a bé");
  EXPECT_EQ(s("SELECT url_back('100%zz')"), "bad url");
}

TEST(PlsqlBuiltins, DbmsAssertReturnsTheInputOrRaisesItsExceptions) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("builtins_assert", kBuiltins);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT assert_name('simple', ' emp_1$ ')"), " emp_1$ ");
  EXPECT_EQ(s("SELECT assert_name('simple', '\"a \"\" b\"')"), "\"a \"\" b\"");
  EXPECT_EQ(s("SELECT assert_name('simple', '1emp')"), "ORA-44003");
  EXPECT_EQ(s("SELECT assert_name('simple', 'emp; drop table x')"), "ORA-44003");
  EXPECT_EQ(s("SELECT assert_name('qualified', 'hr.emp@remote.example')"), "hr.emp@remote.example");
  EXPECT_EQ(s("SELECT assert_name('qualified', 'hr.1emp')"), "ORA-44004");
  EXPECT_EQ(s("SELECT assert_name('schema', 'PUBLIC')"), "PUBLIC");
  EXPECT_EQ(s("SELECT assert_name('schema', 'NO_SUCH_SCHEMA')"), "ORA-44001");
  EXPECT_EQ(s("SELECT assert_name('object', 'RAW_OPS')"), "RAW_OPS");
  EXPECT_EQ(s("SELECT assert_name('object', 'NO_SUCH_OBJECT')"), "ORA-44002");
  EXPECT_EQ(s("SELECT assert_name('name', 'emp')"), "\"EMP\"");
  EXPECT_EQ(s("SELECT assert_name('name as is', 'emp')"), "\"emp\"");
  EXPECT_EQ(s("SELECT assert_name('name', '\"Emp\"')"), "\"Emp\"");
  EXPECT_EQ(s("SELECT assert_name('name', 'a\"b')"), "ORA-06502");
  EXPECT_EQ(s("SELECT assert_name('literal', 'it''''s')"), "'it''s'");
  EXPECT_EQ(s("SELECT assert_name('literal', 'it''s')"), "ORA-06502");
  EXPECT_EQ(s("SELECT assert_name('noop', 'x''; --')"), "x'; --");
}

TEST(PlsqlBuiltins, DbmsCryptoMacAndCiphersGiveTheStandardVectors) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("builtins_crypto", kBuiltins);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT macs()"),
            "DE7C9B85B8B78AA6BC8A7A36F70A90701C9DB4D9 "
            "F7BC83F430538424B13298E6AA6FB143EF4D59A14946175997479DBC2D1A3CD8");
  // FIPS 180-4 "abc" digests, the algorithm chosen at run time (HASH_SH1 3, HASH_SH256 4, HASH_MD5 2).
  EXPECT_EQ(s("SELECT hash_by(3)"), "A9993E364706816ABA3E25717850C26C9CD0D89D");
  EXPECT_EQ(s("SELECT hash_by(4)"), "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD");
  EXPECT_EQ(s("SELECT hash_by(2)"), "900150983CD24FB0D6963F7D28E17F72");
  EXPECT_EQ(s("SELECT aes()"), "8EA2B7CA516745BFEAFC49904B496089 00112233445566778899AABBCCDDEEFF secret 16 19");
  // MD4, RFC 1320's test suite (pgcrypto cannot: OpenSSL 3 keeps MD4 in its legacy provider),
  // named and chosen at run time (HASH_MD4 1).
  EXPECT_EQ(s("SELECT md4_of('a')"), "BDE52CB31DE33E46245E05FBDBD6FB24");
  EXPECT_EQ(s("SELECT md4_of('abc')"), "A448017AAF21D8525FC10AE87AA6729D");
  EXPECT_EQ(s("SELECT md4_of('message digest')"), "D9130A8164549FE818874806E1C7014B");
  EXPECT_EQ(s("SELECT md4_of('abcdefghijklmnopqrstuvwxyz')"), "D79E1C308AA5BBCDEEA8ED63DF412DA9");
  EXPECT_EQ(s("SELECT md4_of('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')"),
            "043F8582F241DB351CE627E153E7F0E4");
  EXPECT_EQ(s("SELECT md4_of(repeat('1234567890', 8))"), "E33B4DDC9C38F2199C3E7B164FCC0536");
  EXPECT_EQ(s("SELECT hash_by(1)"), "A448017AAF21D8525FC10AE87AA6729D");
  // Single DES (FIPS 46 worked example: key 133457799BBCDFF1, 0123456789ABCDEF → 85E813540F0AB405),
  // which OpenSSL 3 also keeps in its legacy provider: run as 3DES with the key three times.
  EXPECT_EQ(s("SELECT des()"), "85E813540F0AB405 0123456789ABCDEF a longer secret");
  // A key shorter than the cipher's is ORA-28234, not a cipher text of a padded key.
  EXPECT_EQ(s("SELECT des_short_key()"), "ORA-28234: key length too short");
}

TEST(PlsqlBuiltins, ApplicationContextsAreSessionState) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("builtins_context", kBuiltins);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SELECT app_context('ann')"), "unset ann admin cleared admin none");
  EXPECT_EQ(s("SELECT set_config('orashift_ctx.app_ctx', '{\"WHO\": \"bob\"}', false) IS NOT NULL"), "t");
  EXPECT_EQ(s("SELECT app_context('ann')"), "bob ann admin cleared admin none");
  e2e::Session other(u.url);  // another session has its own contexts
  EXPECT_EQ(other("SELECT app_context('cy')"), "unset cy admin cleared admin none");
  EXPECT_EQ(other("SELECT read_module()"), "billing/close/desk 4");
  // DB_VERSION gives the release the code was converted for, the one DBMS_DB_VERSION names.
  EXPECT_EQ(other("SELECT db_release()"), "19.0.0.0.0 19.0.0 agrees platform");
  EXPECT_EQ(other("SELECT substring(version() from ' on ([^,]+)') ~ '^[a-z0-9_]+-'"), "t");  // x86_64-pc-linux-gnu
}

TEST(PlsqlBuiltins, DbmsRandomStringDrawsFromTheOptionsCharacters) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("builtins_random", kBuiltins);
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  // 200 draws of each option: every character from the option's class, the length as asked.
  const std::pair<const char*, const char*> classes[] = {
      {"U", "^[A-Z]{12}$"}, {"l", "^[a-z]{12}$"}, {"A", "^[A-Za-z]{12}$"}, {"x", "^[A-Z0-9]{12}$"}, {"P", "^[ -~]{12}$"},
      {"?", "^[A-Z]{12}$"}};
  for (const auto& [opt, re] : classes)
    EXPECT_EQ(s(std::string("SELECT bool_and(random_text('") + opt + "', 12) ~ '" + re + "') FROM generate_series(1, 200)"), "t")
        << opt;
  EXPECT_EQ(s("SELECT count(DISTINCT random_text('A', 12)) > 190 FROM generate_series(1, 200)"), "t");
  EXPECT_EQ(s("SELECT count(DISTINCT random_text('P', 1)) > 40 FROM generate_series(1, 2000)"), "t");  // not one character
}

// SQL Language Reference 19c, "BIN_TO_NUM" (BIN_TO_NUM(1,0,1,0) is 10), "SYS_EXTRACT_UTC" (a
// TIMESTAMP without a zone is read in the session time zone), "BITAND" on NUMBER variables
// (BITAND(6, 3) is 2), and "Implicit Data Conversion" (a VARCHAR2 given where a RAW is expected
// is read as hexadecimal: '616263' is the bytes of 'abc').
TEST(PlsqlBuiltins, BinToNumAndSysExtractUtc) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("builtins_sql", R"(
CREATE OR REPLACE FUNCTION bits_and_utc(p_ts TIMESTAMP) RETURN VARCHAR2 IS
  l_n NUMBER;
  l_a NUMBER := 6;
  l_hex VARCHAR2(10) := '616263';
BEGIN
  SELECT BIN_TO_NUM(1, 0, 1, 0) INTO l_n FROM dual;
  RETURN l_n || ' ' || TO_CHAR(SYS_EXTRACT_UTC(p_ts), 'YYYY-MM-DD HH24:MI') || ' ' || BITAND(l_a, 3) || ' ' ||
         UTL_RAW.CAST_TO_VARCHAR2(UTL_ENCODE.BASE64_ENCODE(l_hex)) || ' ' || RAWTOHEX(UTL_RAW.REVERSE(l_hex));
END;
/
)");
  e2e::expect_all_applied(u);
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s("SET TimeZone = 'America/Los_Angeles'"), "OK");
  EXPECT_EQ(s("SELECT bits_and_utc('2000-03-28 11:30:00')"), "10 2000-03-28 19:30 2 YWJj 636261");
}
