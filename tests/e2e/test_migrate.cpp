// The walkthrough end to end: `orashift sample sh` then `orashift migrate` into a real DuckDB
// file and a real PostgreSQL server; every row accounted for and the channel check equal to
// the generator's own truth (expected.json), not only to orashift's view of the source.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <cstdlib>

#include "e2e_util.h"
#include "endpoints/factory.h"
#include "require_env.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

void expect_report_matches_truth(const json& report, const json& truth) {
  ASSERT_TRUE(report.contains("load"));
  EXPECT_TRUE(report["load"]["ok"].get<bool>());
  EXPECT_TRUE(report["verification"]["ok"].get<bool>());
  std::map<std::string, json> tables;
  for (const auto& t : report["load"]["tables"]) tables[t["table"]] = t;
  for (const auto& [name, rows] : truth["row_counts"].items()) {
    std::string upper = name;
    for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    ASSERT_TRUE(tables.count(upper)) << "table " << upper << " not loaded";
    const json& t = tables[upper];
    EXPECT_EQ(t["rows_loaded"].get<uint64_t>(), rows.get<uint64_t>()) << upper;
    EXPECT_EQ(t["rows_rejected"].get<uint64_t>(), 0u) << upper;
    EXPECT_EQ(t["rows_read"].get<uint64_t>(), rows.get<uint64_t>()) << upper;
  }
  for (const auto& c : report["verification"]["counts"]) EXPECT_TRUE(c["ok"].get<bool>()) << c.dump();
  // The target's own SQL must give the generator's totals.
  std::map<std::string, std::pair<uint64_t, std::string>> target;
  for (const auto& row : report["verification"]["channels"]["target"])
    target[row["channel"]] = {row["sales"].get<uint64_t>(), row["amount_sold"].get<std::string>()};
  ASSERT_EQ(target.size(), truth["sales_by_channel"].size());
  for (const auto& [channel, t] : truth["sales_by_channel"].items()) {
    ASSERT_TRUE(target.count(channel)) << channel;
    EXPECT_EQ(target[channel].first, t["rows"].get<uint64_t>()) << channel;
    EXPECT_EQ(target[channel].second, t["amount_sold"].get<std::string>()) << channel;
  }
}

// Spot checks of the hard cases, asked of the target itself.
void expect_hard_cases(orashift::TargetEndpoint& target) {
  auto scalar = [&](const std::string& sql) { return target.query(sql).rows.at(0).at(0).value_or("NULL"); };
  EXPECT_NE(scalar("SELECT COUNT(*) FROM customers WHERE cust_first_name LIKE '%ë%' OR cust_last_name LIKE '%ü%' "
                   "OR cust_city LIKE '%東京%' OR cust_last_name LIKE '%Ø%'"),
            "0");
  EXPECT_NE(scalar("SELECT COUNT(*) FROM promotions WHERE EXTRACT(hour FROM promo_begin_date) <> 0"), "0");
  EXPECT_NE(scalar("SELECT COUNT(*) FROM customers WHERE cust_street_address LIKE '%\"%'"), "0");
  EXPECT_NE(scalar("SELECT COUNT(*) FROM customers WHERE cust_lifetime_value >= 1000000000"), "0");
}

}  // namespace

class Migrate : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = e2e::temp_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    auto r = e2e::run_orashift({"sample", "sh", "--scale", "0.01", "--out", (dir_ / "src").string()});
    ASSERT_EQ(r.exit_code, 0) << r.output;
    truth_ = e2e::read_json(dir_ / "src" / "expected.json");
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(dir_);
  }
  fs::path dir_;
  json truth_;
};

TEST_F(Migrate, SampleIntoDuckDb) {
  std::string db = (dir_ / "sh.duckdb").string();
  auto r = e2e::run_orashift({"migrate", "--source", "oracle-files:" + (dir_ / "src").string(), "--target",
                              "duckdb:" + db, "--out", (dir_ / "out").string(), "--no-progress"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  expect_report_matches_truth(e2e::read_json(dir_ / "out" / "report" / "report.json"), truth_);
  EXPECT_TRUE(fs::exists(dir_ / "out" / "duckdb" / "apply.sql"));
  EXPECT_TRUE(fs::exists(dir_ / "out" / "report" / "report.html"));
  {
    auto target = orashift::make_target("duckdb:" + db);  // closed before the next run opens the file
    expect_hard_cases(*target);
  }
  // Running again with --replace gives the same result, not doubled rows.
  r = e2e::run_orashift({"migrate", "--source", "oracle-files:" + (dir_ / "src").string(), "--target", "duckdb:" + db,
                         "--out", (dir_ / "out2").string(), "--no-progress", "--replace"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  expect_report_matches_truth(e2e::read_json(dir_ / "out2" / "report" / "report.json"), truth_);
}

TEST_F(Migrate, SampleIntoPostgres) {
  std::string uri = e2e::fresh_pg_database("e2e_sample");
  if (uri.empty()) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set or server unreachable (scripts/test starts one)";
  auto r = e2e::run_orashift({"migrate", "--source", "oracle-files:" + (dir_ / "src").string(), "--target", uri,
                              "--out", (dir_ / "out").string(), "--no-progress"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  expect_report_matches_truth(e2e::read_json(dir_ / "out" / "report" / "report.json"), truth_);
  auto target = orashift::make_target(uri);
  expect_hard_cases(*target);
  // Keys and indexes were created after the load.
  EXPECT_NE(target->query("SELECT COUNT(*) FROM pg_constraint WHERE contype = 'f'").rows.at(0).at(0).value_or("0"), "0");
  EXPECT_NE(target->query("SELECT COUNT(*) FROM pg_indexes WHERE tablename = 'sales'").rows.at(0).at(0).value_or("0"), "0");
}
