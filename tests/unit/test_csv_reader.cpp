// TABLE.csv with a header: RFC 4180 quoting, CRLF, '' as NULL, exact conversion with the
// column's Oracle type, and every bad record rejected with file:line.
#include <gtest/gtest.h>

#include "reader_test_util.h"
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "endpoints/oracle_files/csv_reader.h"
#include "endpoints/oracle_files/oracle_files_source.h"

using namespace orashift;
namespace fs = std::filesystem;

namespace {

using Collect = orashift::testing::CollectRejects;
using orashift::testing::drain;


OracleFilesOptions options(const fs::path& dir) {
  OracleFilesOptions o;
  o.dir = dir.string();
  return o;
}

void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

const char* kDdl = R"SQL(
CREATE TABLE orders (
  order_id NUMBER(8) NOT NULL,
  customer VARCHAR2(12),
  amount NUMBER(10,2),
  placed DATE,
  shipped TIMESTAMP,
  status CHAR(3));
CREATE TABLE "MixedCase" (id NUMBER);
CREATE TABLE ship (id NUMBER(4));
)SQL";

class CsvFiles : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("orashift-csv-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    write(dir_ / "create.sql", kDdl);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

}  // namespace

TEST(CsvTableName, ExactThenCaseInsensitive) {
  Catalog cat;
  for (const char* n : {"ORDERS", "MixedCase", "Dup", "DUP"}) {
    Table t;
    t.name = n;
    cat.tables.push_back(t);
  }
  std::string error;
  EXPECT_EQ(csv_table_for("orders.csv", cat, error), "ORDERS");
  EXPECT_EQ(csv_table_for("Orders.CSV", cat, error), "ORDERS");
  EXPECT_EQ(csv_table_for("MixedCase.csv", cat, error), "MixedCase");
  EXPECT_EQ(csv_table_for("mixedcase.csv", cat, error), "MixedCase");
  EXPECT_EQ(csv_table_for("DUP.csv", cat, error), "DUP");  // exact wins
  EXPECT_TRUE(error.empty());
  EXPECT_EQ(csv_table_for("dup.csv", cat, error), "");
  EXPECT_NE(error.find("several tables"), std::string::npos);
  error.clear();
  EXPECT_EQ(csv_table_for("nothing.csv", cat, error), "");
  EXPECT_TRUE(error.empty());
}

TEST_F(CsvFiles, QuotingCrlfNullsAndExactValues) {
  // Header in another order and case, one column (STATUS) absent; CRLF line ends; a quoted
  // field with a comma, doubled quotes and a line break; '' and "" are NULL.
  write(dir_ / "Orders.csv",
        "\xEF\xBB\xBF" "Amount,ORDER_ID,customer,placed,shipped\r\n"
        "12.345,1,\"Smith, J\",2021-02-04,2021-02-04 13:20:22.5\r\n"
        "-0.5,2,\"say \"\"hi\"\"\",2021-02-04 10:11:12,\r\n"
        ",3,\"two\nlines\",,\"\"\r\n"
        "\r\n"
        "7,4,x,2021-13-01,\r\n"
        "7,5,x\r\n"
        "123456789,6,x,,\r\n"
        "abc,7,x,,\r\n"
        "1,8,\"open\" tail,,\r\n"
        "1,,nokey,,\r\n"
        "1,9,waytoolongname,,\r\n");
  OracleFilesSource src(options(dir_));
  const LoadUnit* unit = nullptr;
  auto units = src.units();
  for (const auto& u : units)
    if (u.table == "ORDERS") unit = &u;
  ASSERT_NE(unit, nullptr);
  EXPECT_FALSE(unit->missing) << unit->missing_reason;
  EXPECT_EQ(unit->label, "ORDERS (Orders.csv)");
  EXPECT_EQ(src.row_estimates()["ORDERS"], 12u);  // lines after the header: an estimate (blank and continued lines count)
  const Table& t = *src.catalog().find_table("ORDERS");
  Collect sink;
  auto reader = src.open(*unit, load_columns_for(t), sink);
  auto rows = drain(*reader, 2);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], "1|Smith, J|12.35|2021-02-04 00:00:00|2021-02-04 13:20:22.5|NULL");
  EXPECT_EQ(rows[1], "2|say \"hi\"|-0.50|2021-02-04 10:11:12|NULL|NULL");
  EXPECT_EQ(rows[2], "3|two\nlines|NULL|NULL|NULL|NULL");
  EXPECT_EQ(reader->rows_read(), 11u);
  EXPECT_EQ(reader->rows_filtered(), 1u);
  ASSERT_EQ(sink.rejects.size(), 7u);
  std::string path = (dir_ / "Orders.csv").string();
  std::vector<std::pair<uint64_t, std::string>> want = {
      {7, "ORA-01843"}, {8, "the record has 3 fields; the header has 5"}, {9, "ORA-01438"}, {10, "ORA-01722"},
      {11, "text after the closing quote"}, {12, "ORA-01400: cannot insert NULL into (ORDER_ID)"}, {13, "ORA-12899"}};
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(sink.rejects[i].line, want[i].first) << sink.rejects[i].reason;
    EXPECT_EQ(sink.rejects[i].reason.rfind(path + ":" + std::to_string(want[i].first) + ": ", 0), 0u) << sink.rejects[i].reason;
    EXPECT_NE(sink.rejects[i].reason.find(want[i].second), std::string::npos) << sink.rejects[i].reason;
  }
  // read = loaded + rejected + filtered
  EXPECT_EQ(reader->rows_read(), rows.size() + sink.rejects.size() + reader->rows_filtered());
}

TEST_F(CsvFiles, UnknownHeaderNamesTheFieldAndTheUnitIsNotLoaded) {
  write(dir_ / "ship.csv", "id,weight\n1,2\n");
  write(dir_ / "stray.csv", "a\n1\n");
  OracleFilesSource src(options(dir_));
  bool seen = false;
  for (const auto& u : src.units())
    if (u.table == "SHIP" && u.data.find("ship.csv") != std::string::npos) {
      seen = true;
      EXPECT_TRUE(u.missing);
      EXPECT_NE(u.missing_reason.find("ship.csv:1: header field 2 'weight' is not a column of table SHIP"), std::string::npos)
          << u.missing_reason;
    }
  EXPECT_TRUE(seen);
  bool stray_note = false, header_error = false;
  for (const auto& d : src.diagnostics().items()) {
    if (d.code == "LDR013" && d.span.file && d.span.file->path().find("stray.csv") != std::string::npos) stray_note = true;
    if (d.code == "LDR014") header_error = true;
  }
  EXPECT_TRUE(stray_note);
  EXPECT_TRUE(header_error);
}

TEST_F(CsvFiles, ConfigurableDateFormats) {
  write(dir_ / "orders.csv", "order_id,placed,shipped\n1,04/02/2021,04.02.2021 10:00:01\n");
  OracleFilesOptions o = options(dir_);
  o.csv.date_format = "DD/MM/YYYY";
  o.csv.timestamp_format = "DD.MM.YYYY HH24:MI:SS";
  OracleFilesSource src(o);
  const Table& t = *src.catalog().find_table("ORDERS");
  for (const auto& u : src.units())
    if (u.table == "ORDERS") {
      Collect sink;
      auto reader = src.open(u, load_columns_for(t), sink);
      auto rows = drain(*reader);
      ASSERT_EQ(rows.size(), 1u);
      EXPECT_EQ(rows[0], "1|NULL|NULL|2021-02-04 00:00:00|2021-02-04 10:00:01|NULL");
    }
}
