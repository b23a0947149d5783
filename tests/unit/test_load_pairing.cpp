#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "endpoints/oracle_files/load_pairing.h"
#include "endpoints/oracle_files/oracle_files_source.h"
#include "endpoints/oracle_files/sqlplus_script.h"
#include "require_env.h"

using namespace orashift;
namespace fs = std::filesystem;

namespace {

const std::string kSalesHistory =
    ORASHIFT_SOURCE_DIR "/../shared/corpus/oracle-samples__db-sample-schemas/v21.1-legacy/sales_history";

std::string name_of(const std::string& p) { return fs::path(p).filename().string(); }

struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& tag) {
    path = fs::temp_directory_path() / ("orashift_pairing_" + tag);
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  void write(const std::string& name, const std::string& text) const { std::ofstream(path / name, std::ios::binary) << text; }
};

}  // namespace

TEST(SqlplusScript, SubstitutesAndMatchesOpenVariables) {
  auto events = scan_sqlplus_script(
      "DEFINE data_path = &2\nDEFINE vrs = &4\nDEFINE ctl_file = &data_path.time_&vrs..ctl\n"
      "DEFINE dat_file = &data_path.time_&vrs..dat\n"
      "HOST sqlldr u/p@c  -\n control=&ctl_file data=&dat_file log=x.log -\n direct=yes\n"
      "!sqlldr u/p other.ctl\n");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].line, 5u);
  EXPECT_EQ(events[0].control.display(), "&data_path.time_&vrs..ctl");
  Bindings b;
  ASSERT_TRUE(match_pattern(events[0].control, "time_v3.ctl", b));
  EXPECT_EQ(b["data_path"], "");
  EXPECT_EQ(b["vrs"], "v3");
  EXPECT_EQ(substitute(events[0].data, b).display(), "time_v3.dat");
  EXPECT_EQ(events[1].control.display(), "other.ctl");  // positional: userid, control
}

TEST(LoadPairing, OracleSalesHistoryLoaderScript) {
  if (!fs::exists(kSalesHistory)) ORASHIFT_SKIP_OR_FAIL() << "corpus not found at " << kSalesHistory;
  Pairing p = pair_load_files(kSalesHistory);
  std::vector<std::string> got;
  for (const auto& x : p.pairs)
    got.push_back(x.ctl->tables.at(0).name + "<-" + name_of(x.data) + (x.missing ? " (missing)" : ""));
  std::vector<std::string> want = {"TIMES<-time_v3.dat",           "COUNTRIES<-coun_v3.dat",
                                   "CUSTOMERS<-cust1v3.dat (missing)", "PRODUCTS<-prod1v3.dat",
                                   "PROMOTIONS<-prom1v3.dat",      "CHANNELS<-chan_v3.dat",
                                   "SALES<-sale1v3.dat (missing)", "SALES<-dmsal_v3.dat",
                                   "SUPPLEMENTARY_DEMOGRAPHICS<-dem1v3.dat (missing)"};
  EXPECT_EQ(got, want);
  EXPECT_EQ(p.pairs[6].missing_reason, "data file sale1v3.dat named by lsh_v3.sql:228 is not present");
  EXPECT_EQ(p.pairs[0].origin, "lsh_v3.sql:108");
  // Both SQL*Plus scripts that run sqlldr are loader scripts (excluded from DDL discovery);
  // only lsh_v3.sql is run by sh_main.sql, so sh_pop3.sql's loads are not used.
  ASSERT_EQ(p.loader_scripts.size(), 2u);
  bool pop3_skipped = false, cost_skipped = false;
  for (const auto& s : p.skipped) {
    if (name_of(s.path) == "sh_pop3.sql") pop3_skipped = true;
    if (name_of(s.path) == "cost_v3.ctl") {
      cost_skipped = true;
      EXPECT_EQ(s.reason, "not referenced by the load script lsh_v3.sql");
    }
  }
  EXPECT_TRUE(pop3_skipped);
  EXPECT_TRUE(cost_skipped);
}

TEST(LoadPairing, InfileThenSameStemWithoutScript) {
  TempDir d("stem");
  d.write("a.ctl", "LOAD DATA INFILE 'other.dat' INTO TABLE a FIELDS TERMINATED BY '|' (x)");
  d.write("other.dat", "1\n");
  d.write("b.ctl", "LOAD DATA INFILE data INTO TABLE b FIELDS TERMINATED BY '|' (x)");
  d.write("b.dat", "1\n");
  d.write("c.ctl", "LOAD DATA INTO TABLE c FIELDS TERMINATED BY '|' (x)");
  d.write("e.ctl", "LOAD DATA INFILE * INTO TABLE e FIELDS TERMINATED BY '|' (x)\nBEGINDATA\n1\n");
  Pairing p = pair_load_files(d.path.string());
  ASSERT_EQ(p.pairs.size(), 4u);
  EXPECT_EQ(name_of(p.pairs[0].data), "other.dat");
  EXPECT_EQ(p.pairs[0].origin, "INFILE");
  EXPECT_EQ(name_of(p.pairs[1].data), "b.dat");
  EXPECT_EQ(p.pairs[1].origin, "same name");
  EXPECT_TRUE(p.pairs[2].missing);
  EXPECT_EQ(p.pairs[2].missing_reason, "data file c.dat (same name as c.ctl) is not present");
  EXPECT_EQ(p.pairs[3].data, p.pairs[3].control);  // BEGINDATA
}

TEST(OracleFilesSource, UnitsReadersAndBadControlFiles) {
  TempDir d("source");
  d.write("t.ctl", "LOAD DATA INTO TABLE t FIELDS TERMINATED BY '|' (a, b)");
  d.write("t.dat", "1|x\n2|y\nz|w\n");
  d.write("bad.ctl", "LOAD DATA INTO TABLE t FIELDS TERMINATED BY '|'\n(a, b c)");
  d.write("bad.dat", "1|x\n");
  Catalog cat;
  Table t;
  t.name = "T";
  Column a, b;
  a.name = "A";
  a.type.name = "NUMBER";
  a.type.precision = 5;
  b.name = "B";
  b.type.name = "VARCHAR2";
  b.type.length = 5;
  t.columns = {a, b};
  cat.tables.push_back(t);
  OracleFilesOptions o;
  o.dir = d.path.string();
  OracleFilesSource src(o, cat);
  auto units = src.units();
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[0].label, "bad.ctl (bad.dat)");  // the parse stopped before the table was known
  EXPECT_TRUE(units[0].missing);
  EXPECT_NE(units[0].missing_reason.find("bad.ctl:2:7"), std::string::npos) << units[0].missing_reason;
  EXPECT_EQ(src.diagnostics().error_count(), 1u);
  EXPECT_FALSE(units[1].missing);
  struct Sink : RejectSink {
    std::vector<Reject> r;
    void reject(Reject x) override { r.push_back(x); }
  } sink;
  auto reader = src.open(units[1], load_columns_for(src.catalog().tables[0]), sink);
  Batch batch;
  size_t rows = 0;
  while (reader->next(batch, 100)) rows += batch.rows();
  EXPECT_EQ(rows, 2u);
  ASSERT_EQ(sink.r.size(), 1u);
  EXPECT_EQ(sink.r[0].line, 3u);
  EXPECT_EQ(name_of(sink.r[0].source), "t.dat");
  EXPECT_EQ(reader->rows_read(), 3u);
  EXPECT_THROW(src.open(units[0], load_columns_for(src.catalog().tables[0]), sink), std::runtime_error);
}
