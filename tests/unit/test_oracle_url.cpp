// oracle:// URLs: Easy Connect, TNS aliases, wallets, options; a password in the URL is
// refused without being echoed. Also the type text written for dictionary columns.
#include <gtest/gtest.h>

#include <cstdlib>

#include "convert/ddl_loader.h"
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

// Dictionary rows for every column/constraint/index feature, written as DDL and parsed by the
// files' front end: each feature must arrive in the catalog as the DDL states it.
TEST(OracleDictionary, EveryFeatureReachesTheCatalogThroughTheFrontEnd) {
  auto row = [](std::initializer_list<std::pair<const char*, const char*>> kv) {
    DictRow r;
    for (auto [k, v] : kv) r[k] = v ? std::optional<std::string>(v) : std::nullopt;
    return r;
  };
  Dictionary d;
  d.tables = {row({{"OWNER", "S"}, {"TABLE_NAME", "T"}, {"TEMPORARY", "N"}, {"NUM_ROWS", "42"}}),
              row({{"OWNER", "S"}, {"TABLE_NAME", "G"}, {"TEMPORARY", "Y"}, {"DURATION", "SYS$SESSION"}}),
              row({{"OWNER", "S"}, {"TABLE_NAME", "I"}, {"TEMPORARY", "N"}, {"IOT_TYPE", "IOT"}})};
  auto col = [&](const char* t, const char* c, const char* type, std::initializer_list<std::pair<const char*, const char*>> more) {
    DictRow r = row({{"OWNER", "S"}, {"TABLE_NAME", t}, {"COLUMN_NAME", c}, {"DATA_TYPE", type}, {"NULLABLE", "Y"}});
    for (auto [k, v] : more) r[k] = v ? std::optional<std::string>(v) : std::nullopt;
    return r;
  };
  d.columns = {col("T", "ID", "NUMBER", {{"DATA_PRECISION", "10"}, {"DATA_SCALE", "0"}, {"NULLABLE", "N"}, {"IDENTITY_COLUMN", "YES"}}),
               col("T", "NAME", "VARCHAR2", {{"CHAR_LENGTH", "30"}, {"CHAR_USED", "C"}, {"DATA_DEFAULT", "'none'\n"}}),
               col("T", "UNAME", "VARCHAR2", {{"CHAR_LENGTH", "30"}, {"CHAR_USED", "B"}, {"VIRTUAL_COLUMN", "YES"},
                                              {"DATA_DEFAULT", "UPPER(\"NAME\")"}}),
               col("T", "SECRET", "RAW", {{"DATA_LENGTH", "16"}, {"HIDDEN_COLUMN", "YES"}}),
               col("T", "PARENT", "NUMBER", {{"DATA_PRECISION", "10"}, {"DATA_SCALE", "0"}}),
               col("G", "K", "NUMBER", {}),
               col("I", "K", "NUMBER", {{"NULLABLE", "N"}})};
  d.identity = {row({{"OWNER", "S"}, {"TABLE_NAME", "T"}, {"COLUMN_NAME", "ID"}, {"GENERATION_TYPE", "ALWAYS"},
                     {"IDENTITY_OPTIONS", "START WITH: 100, INCREMENT BY: 5, MAX_VALUE: 9999999999999999999999999999"}})};
  auto con = [&](const char* t, const char* name, const char* type, std::initializer_list<std::pair<const char*, const char*>> more) {
    DictRow r = row({{"OWNER", "S"}, {"TABLE_NAME", t}, {"CONSTRAINT_NAME", name}, {"CONSTRAINT_TYPE", type},
                     {"STATUS", "ENABLED"}, {"VALIDATED", "VALIDATED"}, {"GENERATED", "USER NAME"}});
    for (auto [k, v] : more) r[k] = v ? std::optional<std::string>(v) : std::nullopt;
    return r;
  };
  d.constraints = {con("T", "T_PK", "P", {{"INDEX_NAME", "T_PK"}}),
                   con("T", "T_NAME_CK", "C", {{"SEARCH_CONDITION", "name <> 'x'"}, {"STATUS", "DISABLED"}, {"VALIDATED", "NOT VALIDATED"}}),
                   con("T", "SYS_C1", "C", {{"SEARCH_CONDITION", "\"ID\" IS NOT NULL"}, {"GENERATED", "GENERATED NAME"}}),
                   con("T", "T_PARENT_FK", "R", {{"R_OWNER", "S"}, {"R_CONSTRAINT_NAME", "T_PK"}, {"DELETE_RULE", "CASCADE"},
                                                 {"VALIDATED", "NOT VALIDATED"}, {"\"DEFERRABLE\"", "DEFERRABLE"},
                                                 {"\"DEFERRED\"", "DEFERRED"}}),
                   con("I", "I_PK", "P", {{"INDEX_NAME", "I_PK"}})};
  auto cc = [&](const char* t, const char* c, const char* column) {
    return row({{"OWNER", "S"}, {"TABLE_NAME", t}, {"CONSTRAINT_NAME", c}, {"COLUMN_NAME", column}});
  };
  d.cons_columns = {cc("T", "T_PK", "ID"), cc("T", "T_NAME_CK", "NAME"), cc("T", "SYS_C1", "ID"), cc("T", "T_PARENT_FK", "PARENT"),
                    cc("I", "I_PK", "K")};
  d.indexes = {row({{"OWNER", "S"}, {"INDEX_NAME", "T_PK"}, {"INDEX_TYPE", "NORMAL"}, {"TABLE_OWNER", "S"}, {"TABLE_NAME", "T"}, {"UNIQUENESS", "UNIQUE"}}),
               row({{"OWNER", "S"}, {"INDEX_NAME", "T_UP_IX"}, {"INDEX_TYPE", "FUNCTION-BASED NORMAL"}, {"TABLE_OWNER", "S"},
                    {"TABLE_NAME", "T"}, {"UNIQUENESS", "NONUNIQUE"}}),
               row({{"OWNER", "S"}, {"INDEX_NAME", "T_BM_IX"}, {"INDEX_TYPE", "BITMAP"}, {"TABLE_OWNER", "S"}, {"TABLE_NAME", "T"},
                    {"UNIQUENESS", "NONUNIQUE"}})};
  d.ind_columns = {row({{"INDEX_OWNER", "S"}, {"INDEX_NAME", "T_UP_IX"}, {"COLUMN_NAME", "SYS_NC00006$"}, {"COLUMN_POSITION", "1"}, {"DESCEND", "ASC"}}),
                   row({{"INDEX_OWNER", "S"}, {"INDEX_NAME", "T_UP_IX"}, {"COLUMN_NAME", "ID"}, {"COLUMN_POSITION", "2"}, {"DESCEND", "DESC"}}),
                   row({{"INDEX_OWNER", "S"}, {"INDEX_NAME", "T_BM_IX"}, {"COLUMN_NAME", "PARENT"}, {"COLUMN_POSITION", "1"}, {"DESCEND", "ASC"}})};
  d.ind_expressions = {row({{"INDEX_OWNER", "S"}, {"INDEX_NAME", "T_UP_IX"}, {"COLUMN_POSITION", "1"}, {"COLUMN_EXPRESSION", "UPPER(\"NAME\")"}})};
  d.col_comments = {row({{"OWNER", "S"}, {"TABLE_NAME", "T"}, {"COLUMN_NAME", "NAME"}, {"COMMENTS", "it's the name"}})};
  d.sequences = {row({{"SEQUENCE_OWNER", "S"}, {"SEQUENCE_NAME", "Q"}, {"MIN_VALUE", "1"}, {"MAX_VALUE", "9999999999999999999999999999"},
                      {"INCREMENT_BY", "10"}, {"CYCLE_FLAG", "N"}, {"ORDER_FLAG", "N"}, {"CACHE_SIZE", "0"}, {"LAST_NUMBER", "501"}})};
  d.views = {row({{"OWNER", "S"}, {"VIEW_NAME", "V"}, {"TEXT", "select id from t;"}})};
  d.source = {row({{"OWNER", "S"}, {"NAME", "P"}, {"TYPE", "PACKAGE BODY"}, {"LINE", "1"}, {"TEXT", "PACKAGE BODY p AS\n"}}),
              row({{"OWNER", "S"}, {"NAME", "P"}, {"TYPE", "PACKAGE BODY"}, {"LINE", "2"}, {"TEXT", "  PROCEDURE go IS BEGIN NULL; END;\n"}}),
              row({{"OWNER", "S"}, {"NAME", "P"}, {"TYPE", "PACKAGE BODY"}, {"LINE", "3"}, {"TEXT", "END p;\n"}}),
              row({{"OWNER", "S"}, {"NAME", "P"}, {"TYPE", "PACKAGE"}, {"LINE", "1"}, {"TEXT", "PACKAGE p AS\n  PROCEDURE go;\nEND p;"}})};
  d.synonyms = {row({{"OWNER", "S"}, {"SYNONYM_NAME", "TT"}, {"TABLE_OWNER", "S"}, {"TABLE_NAME", "T"}})};
  // SALES by range of a DATE (HIGH_VALUE as Oracle writes it), REGIONS by list.
  d.tables.push_back(row({{"OWNER", "S"}, {"TABLE_NAME", "SALES"}, {"TEMPORARY", "N"}}));
  d.tables.push_back(row({{"OWNER", "S"}, {"TABLE_NAME", "REGIONS"}, {"TEMPORARY", "N"}}));
  d.columns.push_back(col("SALES", "TIME_ID", "DATE", {}));
  d.columns.push_back(col("REGIONS", "CODE", "VARCHAR2", {{"CHAR_LENGTH", "2"}, {"CHAR_USED", "B"}}));
  d.part_tables = {row({{"OWNER", "S"}, {"TABLE_NAME", "SALES"}, {"PARTITIONING_TYPE", "RANGE"}, {"SUBPARTITIONING_TYPE", "NONE"},
                        {"PARTITION_COUNT", "2"}}),
                   row({{"OWNER", "S"}, {"TABLE_NAME", "REGIONS"}, {"PARTITIONING_TYPE", "LIST"}, {"SUBPARTITIONING_TYPE", "NONE"},
                        {"PARTITION_COUNT", "2"}})};
  d.part_key_columns = {row({{"OWNER", "S"}, {"NAME", "SALES"}, {"COLUMN_NAME", "TIME_ID"}, {"COLUMN_POSITION", "1"}}),
                        row({{"OWNER", "S"}, {"NAME", "REGIONS"}, {"COLUMN_NAME", "CODE"}, {"COLUMN_POSITION", "1"}})};
  d.tab_partitions = {
      row({{"TABLE_OWNER", "S"}, {"TABLE_NAME", "SALES"}, {"PARTITION_NAME", "SALES_2019"}, {"PARTITION_POSITION", "1"},
           {"HIGH_VALUE", "TO_DATE(' 2020-01-01 00:00:00', 'SYYYY-MM-DD HH24:MI:SS', 'NLS_CALENDAR=GREGORIAN')"}}),
      row({{"TABLE_OWNER", "S"}, {"TABLE_NAME", "SALES"}, {"PARTITION_NAME", "SALES_MAX"}, {"PARTITION_POSITION", "2"},
           {"HIGH_VALUE", "MAXVALUE"}}),
      row({{"TABLE_OWNER", "S"}, {"TABLE_NAME", "REGIONS"}, {"PARTITION_NAME", "R_EU"}, {"PARTITION_POSITION", "1"},
           {"HIGH_VALUE", "'DE', 'FR'"}}),
      row({{"TABLE_OWNER", "S"}, {"TABLE_NAME", "REGIONS"}, {"PARTITION_NAME", "R_OTHER"}, {"PARTITION_POSITION", "2"},
           {"HIGH_VALUE", "DEFAULT"}})};

  // A materialized view and its container table (same name): the view is created, not a table.
  d.tables.push_back(row({{"OWNER", "S"}, {"TABLE_NAME", "T_MV"}, {"TEMPORARY", "N"}}));
  d.columns.push_back(col("T_MV", "ID", "NUMBER", {}));
  d.mviews = {row({{"OWNER", "S"}, {"MVIEW_NAME", "T_MV"}, {"QUERY", "SELECT id FROM t"}, {"REFRESH_METHOD", "COMPLETE"},
                   {"REFRESH_MODE", "DEMAND"}, {"BUILD_MODE", "IMMEDIATE"}})};
  std::string ddl = dictionary_ddl(d, false);
  auto load = orashift::load_ddl_texts({{"dictionary", ddl}});
  EXPECT_EQ(load.statements_failed, 0u) << ddl;
  const orashift::Catalog& c = load.catalog;
  const orashift::Table* t = c.find_table("T");
  ASSERT_TRUE(t) << ddl;
  ASSERT_EQ(t->columns.size(), 5u) << ddl;
  EXPECT_NE(t->columns[0].identity_sql.find("ALWAYS"), std::string::npos) << ddl;
  EXPECT_NE(t->columns[0].identity_sql.find("START WITH 100"), std::string::npos) << t->columns[0].identity_sql;
  // NOT NULL is not written for an identity column (Oracle implies it), as scripts write them.
  EXPECT_TRUE(t->columns[1].type.char_semantics);
  EXPECT_EQ(t->columns[1].default_sql, "'none'");
  EXPECT_EQ(t->columns[1].comment, "it's the name");
  EXPECT_NE(t->columns[2].virtual_sql.find("UPPER"), std::string::npos) << ddl;
  EXPECT_TRUE(t->columns[3].invisible);
  ASSERT_TRUE(t->primary_key());
  size_t checks = 0, fks = 0;
  for (const auto& k : t->constraints) {
    if (k.kind == orashift::ConstraintKind::Check) {
      ++checks;
      EXPECT_EQ(k.name, "T_NAME_CK");  // the system NOT NULL check is the column's NOT NULL
      EXPECT_FALSE(k.enabled);
    }
    if (k.kind == orashift::ConstraintKind::ForeignKey) {
      ++fks;
      EXPECT_EQ(k.ref_table, "T");
      EXPECT_TRUE(k.enabled);
      EXPECT_FALSE(k.validated);
      EXPECT_EQ(k.on_delete, "CASCADE");  // ALL_CONSTRAINTS.DELETE_RULE
      EXPECT_TRUE(k.deferrable);          // DEFERRABLE, DEFERRED
      EXPECT_TRUE(k.initially_deferred);
    }
  }
  EXPECT_EQ(checks, 1u) << ddl;
  EXPECT_EQ(fks, 1u) << ddl;
  ASSERT_EQ(c.indexes.size(), 2u) << ddl;  // the key's own index is not listed again
  bool bitmap = false, expression = false;
  for (const auto& i : c.indexes) {
    bitmap = bitmap || (i.name == "T_BM_IX" && i.bitmap);
    expression = expression || (i.name == "T_UP_IX" && i.columns.size() == 2 && i.columns[0].find("UPPER") != std::string::npos);
  }
  EXPECT_TRUE(bitmap) << ddl;
  EXPECT_TRUE(expression) << ddl;
  ASSERT_TRUE(c.find_table("G"));
  EXPECT_TRUE(c.find_table("G")->global_temporary);
  ASSERT_TRUE(c.find_table("I"));
  EXPECT_TRUE(c.find_table("I")->index_organized);
  ASSERT_EQ(c.sequences.size(), 1u);
  ASSERT_EQ(c.synonyms.size(), 1u);
  // The view and the package (specification before body) are kept for the converters.
  size_t views = 0, packages = 0;
  for (const auto& u : c.unmodelled) {
    views += u.kind.find("VIEW") != std::string::npos;
    packages += u.kind.find("PACKAGE") != std::string::npos;
  }
  EXPECT_EQ(views, 2u) << ddl;  // the view and the materialized view
  EXPECT_FALSE(c.find_table("T_MV")) << ddl;
  EXPECT_EQ(packages, 2u) << ddl;
  EXPECT_LT(ddl.find("PACKAGE p AS"), ddl.find("PACKAGE BODY p AS"));
  EXPECT_EQ(table_row_statistics(d).at("T"), 42u);
  const orashift::Table* sales = c.find_table("SALES");
  ASSERT_TRUE(sales);
  EXPECT_EQ(sales->partitioning.method, "RANGE") << ddl;
  EXPECT_EQ(sales->partitioning.columns, std::vector<std::string>{"TIME_ID"});
  ASSERT_EQ(sales->partitioning.partitions.size(), 2u);
  EXPECT_EQ(sales->partitioning.partitions[0].name, "SALES_2019");
  EXPECT_NE(sales->partitioning.partitions[0].bound_sql.find("2020-01-01"), std::string::npos);
  const orashift::Table* regions = c.find_table("REGIONS");
  ASSERT_TRUE(regions);
  EXPECT_EQ(regions->partitioning.method, "LIST") << ddl;
  ASSERT_EQ(regions->partitioning.partitions.size(), 2u);
  EXPECT_EQ(regions->partitioning.partitions[0].bounds.size(), 2u);
}
