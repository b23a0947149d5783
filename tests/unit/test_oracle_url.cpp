// oracle:// URLs: Easy Connect, TNS aliases, wallets, options; a password in the URL is
// refused without being echoed. Also the type text written for dictionary columns.
#include <gtest/gtest.h>

#include <cstdlib>

#include "endpoints/oracle/oci_api.h"
#include "endpoints/oracle/oracle_dictionary.h"
#include "endpoints/oracle/oracle_url.h"

using namespace orashift::oracle;

TEST(OracleUrl, EasyConnectAliasAndWallet) {
  auto u = parse_oracle_url("oracle://sh@db.example.com:1521/ORCLPDB1");
  EXPECT_EQ(u.user, "sh");
  EXPECT_EQ(u.connect, "db.example.com:1521/ORCLPDB1");
  EXPECT_FALSE(u.tns_alias);
  EXPECT_EQ(u.schemas, std::vector<std::string>{"SH"});
  EXPECT_EQ(u.describe(), "oracle://sh@db.example.com:1521/ORCLPDB1");
  auto a = parse_oracle_url("oracle://hr@PROD_DB?schema=hr,oe&array_size=500&snapshot=none&lob_max_kb=8");
  EXPECT_TRUE(a.tns_alias);
  EXPECT_EQ(a.connect, "PROD_DB");
  EXPECT_EQ(a.schemas, (std::vector<std::string>{"HR", "OE"}));
  EXPECT_EQ(a.array_size, 500u);
  EXPECT_EQ(a.snapshot, Snapshot::None);
  EXPECT_EQ(a.lob_max_kb, 8u);
  auto w = parse_oracle_url("oracle://@PROD_DB?schema=SH");
  EXPECT_TRUE(w.user.empty());
  EXPECT_EQ(source_password(w), "");  // a wallet needs no password
  EXPECT_THROW(parse_oracle_url("oracle://@PROD_DB"), std::invalid_argument);  // wallet without a schema
}

TEST(OracleUrl, MalformedUrlsNameTheAcceptedForms) {
  for (const char* bad : {"oracle://sh", "oracle://sh@", "oracle://sh@host/svc", "oracle://sh@host:port/svc",
                          "oracle://sh@host:1521/", "oracle://sh@h:1521/s?array_size=0", "oracle://sh@h:1521/s?foo=1"}) {
    try {
      parse_oracle_url(bad);
      ADD_FAILURE() << bad << " was accepted";
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find("oracle://"), std::string::npos) << e.what();
    }
  }
}

TEST(OracleUrl, PasswordInTheUrlIsRefusedWithoutEchoingIt) {
  try {
    parse_oracle_url("oracle://sh:Sup3rSecretPw@db:1521/PDB");
    ADD_FAILURE() << "accepted";
  } catch (const std::invalid_argument& e) {
    std::string msg = e.what();
    EXPECT_EQ(msg.find("Sup3rSecretPw"), std::string::npos) << msg;
    EXPECT_NE(msg.find("ORASHIFT_SOURCE_PASSWORD"), std::string::npos) << msg;
  }
}

TEST(OracleUrl, PasswordFromTheEnvironment) {
  setenv("ORASHIFT_SOURCE_PASSWORD", "from-env", 1);
  EXPECT_EQ(source_password(parse_oracle_url("oracle://sh@db:1521/PDB")), "from-env");
  unsetenv("ORASHIFT_SOURCE_PASSWORD");
}

TEST(OracleClientLibrary, CandidatesAndOneSentenceWhenAbsent) {
  EXPECT_EQ(orashift::oci::library_candidates("/opt/ic"), std::vector<std::string>{"/opt/ic/libclntsh.so"});
  setenv("ORACLE_HOME", "/u01/app/oracle", 1);
  auto c = orashift::oci::library_candidates("");
  unsetenv("ORACLE_HOME");
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0], "/u01/app/oracle/lib/libclntsh.so");
  EXPECT_EQ(c[2], "libclntsh.so");
  try {
    orashift::oci::load_library("/nonexistent/instantclient");
    ADD_FAILURE() << "loaded";
  } catch (const std::runtime_error& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("Oracle Instant Client 19 or later"), std::string::npos) << msg;
    EXPECT_NE(msg.find("/nonexistent/instantclient/libclntsh.so"), std::string::npos) << msg;
  }
}

TEST(OracleDictionary, ColumnTypesAsOracleWritesThem) {
  auto row = [](std::initializer_list<std::pair<const char*, const char*>> kv) {
    DictRow r;
    for (auto [k, v] : kv) r[k] = v ? std::optional<std::string>(v) : std::nullopt;
    return r;
  };
  EXPECT_EQ(column_type_sql(row({{"DATA_TYPE", "NUMBER"}, {"DATA_PRECISION", "10"}, {"DATA_SCALE", "0"}})), "NUMBER(10)");
  EXPECT_EQ(column_type_sql(row({{"DATA_TYPE", "NUMBER"}, {"DATA_PRECISION", "12"}, {"DATA_SCALE", "2"}})), "NUMBER(12,2)");
  EXPECT_EQ(column_type_sql(row({{"DATA_TYPE", "NUMBER"}, {"DATA_PRECISION", nullptr}, {"DATA_SCALE", "0"}})), "NUMBER(*,0)");
  EXPECT_EQ(column_type_sql(row({{"DATA_TYPE", "NUMBER"}, {"DATA_PRECISION", nullptr}, {"DATA_SCALE", nullptr}})), "NUMBER");
  EXPECT_EQ(column_type_sql(row({{"DATA_TYPE", "FLOAT"}, {"DATA_PRECISION", "63"}})), "FLOAT(63)");
  EXPECT_EQ(column_type_sql(row({{"DATA_TYPE", "VARCHAR2"}, {"CHAR_LENGTH", "40"}, {"CHAR_USED", "C"}})), "VARCHAR2(40 CHAR)");
  EXPECT_EQ(column_type_sql(row({{"DATA_TYPE", "VARCHAR2"}, {"CHAR_LENGTH", "80"}, {"CHAR_USED", "B"}})), "VARCHAR2(80)");
  EXPECT_EQ(column_type_sql(row({{"DATA_TYPE", "NVARCHAR2"}, {"CHAR_LENGTH", "10"}, {"DATA_LENGTH", "20"}})), "NVARCHAR2(10)");
  EXPECT_EQ(column_type_sql(row({{"DATA_TYPE", "RAW"}, {"DATA_LENGTH", "16"}})), "RAW(16)");
  EXPECT_EQ(column_type_sql(row({{"DATA_TYPE", "TIMESTAMP(3) WITH TIME ZONE"}})), "TIMESTAMP(3) WITH TIME ZONE");
}
