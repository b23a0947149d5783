// The Redshift design advisor's rules (docs/physical-design.md) on a small star schema, with and
// without statistics, and the --design file's validation.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "convert/ddl_loader.h"
#include "convert/physical_design.h"
#include "dialect/ddl_generator.h"

using namespace orashift;

namespace {

const char* kStar = R"(
CREATE TABLE channels (channel_id NUMBER(2) PRIMARY KEY, name VARCHAR2(20));
CREATE TABLE customers (cust_id NUMBER PRIMARY KEY, city VARCHAR2(30), ok NUMBER(1));
CREATE TABLE products (prod_id NUMBER(6) PRIMARY KEY, category VARCHAR2(50));
CREATE INDEX customers_city_ix ON customers (city);
CREATE TABLE sales (
  prod_id NUMBER(6) NOT NULL REFERENCES products,
  cust_id NUMBER NOT NULL REFERENCES customers,
  channel_id NUMBER(2) REFERENCES channels,
  sold_at DATE NOT NULL,
  amount NUMBER(10,2));
CREATE INDEX sales_channel_ix ON sales (channel_id);
CREATE TABLE audit_log (id NUMBER PRIMARY KEY, logged DATE, who VARCHAR2(30), done CHAR(1));
CREATE INDEX audit_who_ix ON audit_log (who);
CREATE INDEX audit_logged_ix ON audit_log (logged);
)";

struct Star {
  DdlLoad load;
  explicit Star(const char* ddl = kStar) {
    // One file per test: ctest runs tests in parallel processes.
    auto path = std::filesystem::temp_directory_path() /
                (std::string("orashift_pd_") + ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".sql");
    std::ofstream(path) << ddl;
    load = load_ddl({path.string()});
  }
  std::map<std::string, TableDesign> advise(const std::map<std::string, uint64_t>& rows,
                                            const PhysicalDesignSettings& s = {}, const SchemaStatistics& st = {}) {
    return advise_physical_design(load.catalog, rows, s, st);
  }
};

const std::map<std::string, uint64_t> kRows = {
    {"CHANNELS", 5}, {"CUSTOMERS", 5000000}, {"PRODUCTS", 10000}, {"SALES", 900000000}, {"AUDIT_LOG", 1000}};

std::string all_reasons(const TableDesign& d) {
  std::string s;
  for (const auto& r : d.reasons) s += r + "\n";
  return s;
}

}  // namespace

TEST(PhysicalDesign, FactJoinsItsLargestDimensionWhichIsCoLocated) {
  Star star;
  auto d = star.advise(kRows);
  EXPECT_EQ(d["SALES"].diststyle, "KEY");
  EXPECT_EQ(d["SALES"].distkey, "CUST_ID");  // CUSTOMERS is the largest dimension
  EXPECT_EQ(d["CUSTOMERS"].diststyle, "KEY");
  EXPECT_EQ(d["CUSTOMERS"].distkey, "CUST_ID");
  EXPECT_EQ(d["PRODUCTS"].diststyle, "ALL");  // 10,000 rows ≤ 3,000,000
  EXPECT_EQ(d["CHANNELS"].diststyle, "ALL");
  EXPECT_EQ(d["AUDIT_LOG"].diststyle, "AUTO");  // nothing joins it
  EXPECT_NE(all_reasons(d["PRODUCTS"]).find("DISTSTYLE ALL"), std::string::npos);
}

TEST(PhysicalDesign, WithoutStatisticsRedshiftChooses) {
  Star star;
  auto d = star.advise({});
  EXPECT_EQ(d["SALES"].diststyle, "AUTO");
  EXPECT_EQ(d["PRODUCTS"].diststyle, "AUTO");
  EXPECT_NE(all_reasons(d["SALES"]).find("without dimension statistics"), std::string::npos);
}

TEST(PhysicalDesign, SkewedJoinKeyIsPassedOverThenEven) {
  Star star;
  SchemaStatistics st;
  st["SALES"].columns["CUST_ID"].distinct = 40;  // few distinct values: skew
  auto d = star.advise(kRows, {}, st);
  EXPECT_EQ(d["SALES"].distkey, "PROD_ID");  // next largest dimension
  EXPECT_NE(all_reasons(d["SALES"]).find("CUST_ID has only 40 distinct values"), std::string::npos);

  st["SALES"].rows = 1000;
  st["SALES"].columns["PROD_ID"].nulls = 500;  // half NULL
  st["SALES"].columns["CHANNEL_ID"].distinct = 5;
  d = star.advise(kRows, {}, st);
  EXPECT_EQ(d["SALES"].diststyle, "EVEN");
  EXPECT_NE(all_reasons(d["SALES"]).find("PROD_ID is NULL in 50% of the rows"), std::string::npos);
  EXPECT_EQ(d["CUSTOMERS"].diststyle, "AUTO");  // not co-located any more: large dimension

  PhysicalDesignSettings lenient;
  lenient.key_min_distinct = 10;
  lenient.key_max_null_fraction = 0.6;
  d = star.advise(kRows, lenient, st);
  EXPECT_EQ(d["SALES"].distkey, "CUST_ID");
}

// RAW maps to VARBYTE on Redshift, and VARBYTE (like SUPER, GEOMETRY, GEOGRAPHY) cannot be a
// sort or distribution key (CREATE TABLE): the advisor passes such columns over and says why.
TEST(PhysicalDesign, VarbyteColumnsAreNeverKeysAndTheReasonSaysSo) {
  Star star(R"(
CREATE TABLE devices (device_guid RAW(16) PRIMARY KEY, name VARCHAR2(20));
CREATE TABLE regions (region_id NUMBER(4) PRIMARY KEY, name VARCHAR2(20));
CREATE TABLE readings (
  device_guid RAW(16) NOT NULL REFERENCES devices,
  region_id NUMBER(4) NOT NULL REFERENCES regions,
  value NUMBER(10,2));
CREATE TABLE blobs (id RAW(16) PRIMARY KEY, payload BLOB);
CREATE INDEX blobs_payload_ix ON blobs (payload);
)");
  auto d = star.advise({{"DEVICES", 50000000}, {"REGIONS", 5000}, {"READINGS", 1000000000}, {"BLOBS", 10}});
  // DEVICES is the largest dimension, but its key is VARBYTE: the next one distributes.
  EXPECT_EQ(d["READINGS"].diststyle, "KEY");
  EXPECT_EQ(d["READINGS"].distkey, "REGION_ID");
  EXPECT_NE(all_reasons(d["READINGS"]).find("not DEVICE_GUID is VARBYTE(16), which Redshift cannot use as a sort or "
                                            "distribution key"),
            std::string::npos)
      << all_reasons(d["READINGS"]);
  EXPECT_TRUE(d["DEVICES"].sortkey.empty());
  EXPECT_NE(all_reasons(d["DEVICES"]).find("not in the SORTKEY: DEVICE_GUID is VARBYTE(16)"), std::string::npos)
      << all_reasons(d["DEVICES"]);
  EXPECT_TRUE(d["BLOBS"].sortkey.empty());
  EXPECT_NE(all_reasons(d["BLOBS"]).find("PAYLOAD is VARBYTE"), std::string::npos) << all_reasons(d["BLOBS"]);
  EXPECT_NE(all_reasons(d["BLOBS"]).find("ID is VARBYTE(16)"), std::string::npos) << all_reasons(d["BLOBS"]);

  // In the DDL: no key clause names a VARBYTE column, and the comment above the table says why.
  ActionItems items;
  ConvertOptions opt;
  opt.dialect = Dialect::Redshift;
  opt.row_estimates = {{"DEVICES", 50000000}, {"REGIONS", 5000}, {"READINGS", 1000000000}};
  std::string script = generate_ddl(star.load.catalog, opt, items).script();
  EXPECT_EQ(script.find("SORTKEY (\"device_guid\")"), std::string::npos) << script;
  EXPECT_EQ(script.find("DISTKEY (\"device_guid\")"), std::string::npos) << script;
  EXPECT_NE(script.find("DISTKEY (\"region_id\")"), std::string::npos) << script;
  EXPECT_NE(script.find("-- not in the SORTKEY: DEVICE_GUID is VARBYTE(16)"), std::string::npos) << script;
}

TEST(PhysicalDesign, StatisticsRowsOverrideEstimates) {
  Star star;
  SchemaStatistics st;
  st["CUSTOMERS"].rows = 100;
  PhysicalDesignSettings s;
  auto d = star.advise(kRows, s, st);
  EXPECT_EQ(d["SALES"].distkey, "PROD_ID");  // PRODUCTS (10,000) is now the largest
}

TEST(PhysicalDesign, SortKeys) {
  Star star;
  auto d = star.advise(kRows);
  // Fact: its date column, then its indexed filter column.
  EXPECT_EQ(d["SALES"].sortkey, (std::vector<std::string>{"SOLD_AT", "CHANNEL_ID"}));
  // Dimension: its key only.
  EXPECT_EQ(d["CUSTOMERS"].sortkey, (std::vector<std::string>{"CUST_ID"}));
  // Other tables: indexed filter columns, dates first.
  EXPECT_EQ(d["AUDIT_LOG"].sortkey, (std::vector<std::string>{"LOGGED", "WHO"}));
  PhysicalDesignSettings one;
  one.sortkey_max_columns = 1;
  d = star.advise(kRows, one);
  EXPECT_EQ(d["SALES"].sortkey, (std::vector<std::string>{"SOLD_AT"}));
}

TEST(PhysicalDesign, PartitionKeyLeadsTheSortKey) {
  Star star(R"(
CREATE TABLE events (id NUMBER PRIMARY KEY, region VARCHAR2(10), at DATE)
  PARTITION BY LIST (region) (PARTITION p_eu VALUES ('EU'), PARTITION p_us VALUES ('US'));
CREATE INDEX events_at_ix ON events (at);
)");
  auto d = star.advise({});
  EXPECT_EQ(d["EVENTS"].sortkey, (std::vector<std::string>{"REGION", "AT"}));
  EXPECT_NE(all_reasons(d["EVENTS"]).find("partition key"), std::string::npos);
}

TEST(PhysicalDesign, EncodingsAreValidForTheirTypes) {
  Star star(R"(CREATE TABLE t (id NUMBER(9) PRIMARY KEY, flag BOOLEAN, f BINARY_DOUBLE, j JSON, s VARCHAR2(5), d DATE,
                                r RAW(16));)");
  ActionItems items;
  ConvertOptions opt;
  opt.dialect = Dialect::Redshift;
  auto schema = generate_ddl(star.load.catalog, opt, items);
  std::string sql = schema.script();
  EXPECT_NE(sql.find("\"flag\" BOOLEAN ENCODE RAW"), std::string::npos) << sql;
  EXPECT_NE(sql.find("\"f\" DOUBLE PRECISION ENCODE RAW"), std::string::npos) << sql;
  EXPECT_NE(sql.find("\"j\" SUPER ENCODE ZSTD"), std::string::npos) << sql;
  EXPECT_NE(sql.find("\"s\" VARCHAR(5) ENCODE ZSTD"), std::string::npos) << sql;
  EXPECT_NE(sql.find("\"d\" TIMESTAMP ENCODE AZ64"), std::string::npos) << sql;
  // Which encodings VARBYTE takes is not documented: RAW, which every type takes.
  EXPECT_NE(sql.find("\"r\" VARBYTE(16) ENCODE RAW"), std::string::npos) << sql;
  EXPECT_NE(sql.find("\"id\" INTEGER ENCODE RAW"), std::string::npos) << sql;  // leading sort key
}

TEST(PhysicalDesign, DesignFileIsReadAndCheckedByPath) {
  auto dir = std::filesystem::temp_directory_path();
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return (dir / name).string();
  };
  auto in = load_physical_design_file(write("design_ok.json", R"({
    "settings": {"all_distribution_max_rows": 500, "key_min_distinct": 3, "key_max_null_fraction": 0.5,
                 "sortkey_max_columns": 2},
    "statistics": {"sales": {"rows": 12, "columns": {"cust_id": {"distinct": 7, "nulls": 1}}}}})"));
  EXPECT_EQ(in.settings.all_distribution_max_rows, 500u);
  EXPECT_EQ(in.settings.sortkey_max_columns, 2u);
  EXPECT_EQ(*in.statistics.at("SALES").rows, 12u);  // Oracle names: folded to upper case
  EXPECT_EQ(*in.statistics.at("SALES").columns.at("CUST_ID").distinct, 7u);

  auto error_of = [&](const std::string& text) {
    try {
      load_physical_design_file(write("design_bad.json", text));
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(error_of(R"({"settings": {"key_min_distinc": 3}})").find("settings.key_min_distinc: unknown key"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"settings": {"key_max_null_fraction": 2}})").find("expected a number from 0 to 1"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"statistics": {"T": {"rows": -1}}})").find("statistics.T.rows: expected a non-negative"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"statistics": {"T": {"columns": {"C": {"ndv": 1}}}}})").find("statistics.T.columns.C.ndv"),
            std::string::npos);
  EXPECT_NE(error_of("{oops").find("JSON"), std::string::npos);
}
