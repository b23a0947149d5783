// `orashift load` driven by DMS JSON: selection (include/exclude, schema wildcard), a source
// filter (rows counted as filtered), and the three table prep modes, on real DuckDB files.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>

#include "e2e_util.h"
#include "endpoints/factory.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

std::map<std::string, json> stats_by_table(const fs::path& p) {
  std::map<std::string, json> out;
  json doc = e2e::read_json(p);  // kept alive: the loop below walks inside it
  for (const auto& t : doc["tables"]) out[t["TableName"].get<std::string>()] = t;
  return out;
}

int64_t count_rows(const std::string& db, const std::string& table) {
  auto target = orashift::make_target("duckdb:" + db);
  return std::stoll(target->query("SELECT COUNT(*) FROM \"" + table + "\"").rows.at(0).at(0).value_or("-1"));
}

}  // namespace

class LoadTask : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = e2e::temp_dir(std::string("load-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    auto r = e2e::run_orashift({"sample", "sh", "--scale", "0.01", "--out", (dir_ / "src").string()});
    ASSERT_EQ(r.exit_code, 0) << r.output;
    truth_ = e2e::read_json(dir_ / "src" / "expected.json");
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(dir_);
  }
  e2e::RunResult load(const std::string& mappings_json, const std::string& settings_json, const std::string& name) {
    write(dir_ / (name + "-mappings.json"), mappings_json);
    write(dir_ / (name + "-settings.json"), settings_json);
    return e2e::run_orashift({"load", "--source", "oracle-files:" + (dir_ / "src").string(), "--target",
                              "duckdb:" + db(), "--out", (dir_ / name).string(), "--source-schema", "SH", "--mappings",
                              (dir_ / (name + "-mappings.json")).string(), "--settings",
                              (dir_ / (name + "-settings.json")).string(), "--stats-json",
                              (dir_ / (name + "-stats.json")).string(), "--no-progress"});
  }
  std::string db() const { return (dir_ / "t.duckdb").string(); }
  fs::path dir_;
  json truth_;
};

TEST_F(LoadTask, SelectionExcludeAndSourceFilter) {
  auto r = load(R"({"rules":[
    {"rule-type":"selection","rule-id":"1","rule-name":"sh","object-locator":{"schema-name":"SH%","table-name":"%"},"rule-action":"include"},
    {"rule-type":"selection","rule-id":"2","rule-name":"no-costs","object-locator":{"schema-name":"SH","table-name":"COSTS"},"rule-action":"exclude"},
    {"rule-type":"selection","rule-id":"3","rule-name":"direct","object-locator":{"schema-name":"SH","table-name":"SALES"},"rule-action":"include",
     "filters":[{"filter-type":"source","column-name":"CHANNEL_ID","filter-conditions":[{"filter-operator":"eq","value":"3"}]}]}]})",
                "{}", "t1");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  auto stats = stats_by_table(dir_ / "t1-stats.json");
  EXPECT_FALSE(stats.count("COSTS"));
  ASSERT_TRUE(stats.count("SALES"));
  uint64_t direct = truth_["sales_by_channel"]["Direct Sales"]["rows"];
  uint64_t all = truth_["row_counts"]["SALES"];
  EXPECT_EQ(stats["SALES"]["FullLoadRows"], direct);
  EXPECT_EQ(stats["SALES"]["FullLoadCondtnlChkFailedRows"], all - direct);
  EXPECT_EQ(stats["SALES"]["TableState"], "Table completed");
  EXPECT_EQ(count_rows(db(), "sales"), static_cast<int64_t>(direct));
}

TEST_F(LoadTask, PrepModes) {
  // COSTS has no primary key (as in Oracle's SH), so appending twice is legal.
  const std::string only_costs = R"({"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"c",
    "object-locator":{"schema-name":"SH","table-name":"COSTS"},"rule-action":"include"}]})";
  const int64_t costs = truth_["row_counts"]["COSTS"];
  auto mode = [](const char* m) { return std::string(R"({"FullLoadSettings":{"TargetTablePrepMode":")") + m + "\"}}"; };
  ASSERT_EQ(load(only_costs, mode("DROP_AND_CREATE"), "a").exit_code, 0);
  EXPECT_EQ(count_rows(db(), "costs"), costs);
  // DO_NOTHING appends to what is there, as DMS does.
  ASSERT_EQ(load(only_costs, mode("DO_NOTHING"), "b").exit_code, 0);
  EXPECT_EQ(count_rows(db(), "costs"), 2 * costs);
  ASSERT_EQ(load(only_costs, mode("TRUNCATE_BEFORE_LOAD"), "c").exit_code, 0);
  EXPECT_EQ(count_rows(db(), "costs"), costs);
  ASSERT_EQ(load(only_costs, mode("DROP_AND_CREATE"), "d").exit_code, 0);
  EXPECT_EQ(count_rows(db(), "costs"), costs);
}

TEST_F(LoadTask, InvalidSettingsNameTheKeyAndStop) {
  auto r = load(R"({"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"x","object-locator":
    {"schema-name":"SH","table-name":"%"},"rule-action":"inclde"}]})",
                R"({"FullLoadSettings":{"TargetTablePrepMode":"DROP_EVERYTHING"}})", "bad");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("inclde"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("TargetTablePrepMode"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(db()));
}

// Transformation rules on the sales-history sample (oracle-files): a renamed table whose
// column is removed, one added from an expression, one retyped; the foreign keys of SALES
// follow the renamed table. Row counts and a value are checked against the generator's truth.
TEST_F(LoadTask, TransformationRulesOnSalesHistory) {
  auto r = load(R"({"rules":[
    {"rule-type":"selection","rule-id":"1","rule-name":"sh","object-locator":{"schema-name":"SH","table-name":"%"},"rule-action":"include"},
    {"rule-type":"transformation","rule-id":"2","rule-name":"p","rule-target":"table","object-locator":{"schema-name":"SH","table-name":"CHANNELS"},"rule-action":"add-prefix","value":"DW_"},
    {"rule-type":"transformation","rule-id":"3","rule-name":"r","rule-target":"column","object-locator":{"schema-name":"SH","table-name":"CHANNELS","column-name":"CHANNEL_TOTAL%"},"rule-action":"remove-column"},
    {"rule-type":"transformation","rule-id":"4","rule-name":"a","rule-target":"column","object-locator":{"schema-name":"SH","table-name":"CHANNELS"},"rule-action":"add-column","value":"label","expression":"$CHANNEL_DESC || ' (' || $CHANNEL_CLASS || ')'","data-type":{"type":"string","length":60}},
    {"rule-type":"transformation","rule-id":"5","rule-name":"t","rule-target":"column","object-locator":{"schema-name":"SH","table-name":"CHANNELS","column-name":"CHANNEL_ID"},"rule-action":"change-data-type","data-type":{"type":"string","length":10}}]})",
                "{}", "tr");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  auto stats = stats_by_table(dir_ / "tr-stats.json");
  const int64_t channels = truth_["row_counts"]["CHANNELS"];
  EXPECT_EQ(stats["CHANNELS"]["FullLoadRows"], channels);
  EXPECT_EQ(count_rows(db(), "DW_CHANNELS"), channels);
  EXPECT_EQ(count_rows(db(), "sales"), truth_["row_counts"]["SALES"].get<int64_t>());
  auto target = orashift::make_target("duckdb:" + db());
  auto cols = target->query("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'DW_CHANNELS' ORDER BY ordinal_position").rows;
  std::vector<std::string> names;
  for (const auto& c : cols) names.push_back(c[0].value_or("") + " " + c[1].value_or(""));
  EXPECT_EQ(names, (std::vector<std::string>{"channel_id VARCHAR", "channel_desc VARCHAR", "channel_class VARCHAR",
                                             "channel_class_id DECIMAL(38,10)", "label VARCHAR"}))
      << testing::PrintToString(names);
  auto v = target->query("SELECT label FROM \"DW_CHANNELS\" WHERE channel_desc = 'Direct Sales'").rows;
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0][0].value_or("NULL"), "Direct Sales (Direct)");
}

// The target's connections are opened ahead as the load starts (pg_connection.h); a task found
// invalid afterwards still stops at once, even when the target never answers: a listening socket
// that accepts no one stands for it. A regression hangs here until coreutils' timeout ends it.
TEST_F(LoadTask, InvalidTaskDoesNotWaitForATargetThatNeverAnswers) {
  int silent = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(silent, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(silent, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(::listen(silent, 8), 0);
  socklen_t len = sizeof addr;
  ::getsockname(silent, reinterpret_cast<sockaddr*>(&addr), &len);
  std::string target = "postgres://nobody@127.0.0.1:" + std::to_string(ntohs(addr.sin_port)) + "/db";
  write(dir_ / "bad-mappings.json", R"({"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"x",
    "object-locator":{"schema-name":"SH","table-name":"%"},"rule-action":"inclde"}]})");
  std::string cmd = "timeout 120 " + e2e::sh_quote(ORASHIFT_BINARY) + " load --source " +
                    e2e::sh_quote("oracle-files:" + (dir_ / "src").string()) + " --target " + e2e::sh_quote(target) +
                    " --out " + e2e::sh_quote((dir_ / "silent").string()) + " --mappings " +
                    e2e::sh_quote((dir_ / "bad-mappings.json").string()) + " --no-progress 2>&1";
  auto run = [](const std::string& command, std::string& out) {
    FILE* p = ::popen(command.c_str(), "r");
    if (!p) return -1;
    char buf[4096];
    for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    int status = ::pclose(p);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  };
  std::string out;
  EXPECT_EQ(run(cmd, out), 2) << "124 is coreutils' timeout: the exit waited for the silent target\n" << out;
  EXPECT_NE(out.find("inclde"), std::string::npos) << out;
  // migrate opens its target's connection before reading the source; a source that fails at once
  // (nothing listens on port 1) leaves that connection still opening, and the exit stops it
  // instead of waiting.
  std::string mig;
  EXPECT_EQ(run("timeout 120 " + e2e::sh_quote(ORASHIFT_BINARY) + " migrate --source " +
                    e2e::sh_quote("postgres://nobody@127.0.0.1:1/db") + " --target " + e2e::sh_quote(target) +
                    " --out " + e2e::sh_quote((dir_ / "silent-migrate").string()) + " --no-progress 2>&1",
                mig),
            2)
      << "124 is coreutils' timeout\n" << mig;
  EXPECT_NE(mig.find("cannot connect to postgres://nobody@127.0.0.1:1/db"), std::string::npos) << mig;
  ::close(silent);
}
