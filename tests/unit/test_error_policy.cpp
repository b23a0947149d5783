// DMS ErrorBehavior as the load applies it: load/error_policy.h.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "load/error_policy.h"

using namespace orashift;

namespace {

struct Collect : RejectSink {
  std::vector<Reject> rows;
  void reject(Reject r) override { rows.push_back(std::move(r)); }
};

Reject bad(uint64_t line) {
  Reject r;
  r.table = "T";
  r.line = line;
  r.reason = "bad value";
  return r;
}

std::string temp_dir() {
  auto d = std::filesystem::temp_directory_path() / ("orashift-policy-" + std::to_string(::getpid()));
  std::filesystem::create_directories(d);
  return d.string();
}

}  // namespace

TEST(ErrorPolicy, LogErrorKeepsLoadingAndRecordsEveryRow) {
  ErrorPolicyGuard g(ErrorBehaviorSettings{}, temp_dir());
  Collect file;
  RejectSink& s = g.data_sink("T", file);
  for (int i = 0; i < 100; ++i) s.reject(bad(i));
  EXPECT_EQ(file.rows.size(), 100u);
  EXPECT_EQ(g.stop_reason("T"), "");
  EXPECT_EQ(g.state("T").data_errors, 100u);
}

TEST(ErrorPolicy, SuspendTableStopsOnlyThatTable) {
  ErrorBehaviorSettings e;
  e.data_error_policy = ErrorPolicy::SuspendTable;
  ErrorPolicyGuard g(e, temp_dir());
  Collect a, b;
  g.data_sink("T", a).reject(bad(3));
  g.data_sink("U", b);
  EXPECT_EQ(a.rows.size(), 1u);  // the row that caused it is still recorded
  EXPECT_NE(g.stop_reason("T").find("SUSPEND_TABLE"), std::string::npos);
  EXPECT_EQ(g.stop_reason("U"), "");
  EXPECT_TRUE(g.state("T").suspended);
  EXPECT_FALSE(g.task_stopped());
}

TEST(ErrorPolicy, StopTaskStopsEveryTable) {
  ErrorBehaviorSettings e;
  e.data_error_policy = ErrorPolicy::StopTask;
  ErrorPolicyGuard g(e, temp_dir());
  Collect a;
  g.data_sink("T", a).reject(bad(1));
  EXPECT_TRUE(g.task_stopped());
  EXPECT_NE(g.stop_reason("OTHER").find("STOP_TASK"), std::string::npos);
}

TEST(ErrorPolicy, EscalationAfterCountErrors) {
  ErrorBehaviorSettings e;
  e.data_error_policy = ErrorPolicy::IgnoreRecord;
  e.data_error_escalation_count = 3;  // escalation policy defaults to SUSPEND_TABLE
  ErrorPolicyGuard g(e, temp_dir());
  Collect a;
  RejectSink& s = g.data_sink("T", a);
  s.reject(bad(1));
  s.reject(bad(2));
  EXPECT_EQ(g.stop_reason("T"), "");
  s.reject(bad(3));
  EXPECT_NE(g.stop_reason("T").find("DataErrorEscalationCount"), std::string::npos) << g.stop_reason("T");
  EXPECT_EQ(a.rows.size(), 3u);
}

TEST(ErrorPolicy, TruncationPolicies) {
  std::string dir = temp_dir() + "/trunc";
  Truncation t{"f.dat", 9, "notes", 5000, 1024};
  {
    ErrorPolicyGuard g(ErrorBehaviorSettings{}, dir);  // LOG_ERROR: loaded truncated, recorded
    Collect a;
    g.data_sink("T", a);
    EXPECT_TRUE(g.truncated("T", t, bad(9)));
    EXPECT_TRUE(a.rows.empty());
    EXPECT_EQ(g.state("T").truncations, 1u);
    std::ifstream f(g.state("T").truncation_file);
    std::string line;
    ASSERT_TRUE(std::getline(f, line));
    EXPECT_NE(line.find("\"original_bytes\":5000"), std::string::npos) << line;
  }
  ErrorBehaviorSettings e;
  e.data_truncation_error_policy = ErrorPolicy::SuspendTable;
  ErrorPolicyGuard g(e, dir);
  Collect a;
  g.data_sink("T", a);
  EXPECT_FALSE(g.truncated("T", t, bad(9)));
  ASSERT_EQ(a.rows.size(), 1u);  // the row is not loaded, so it is in the reject file
  EXPECT_NE(a.rows[0].reason.find("truncated"), std::string::npos);
  EXPECT_TRUE(g.state("T").suspended);
}

TEST(ErrorPolicy, TableErrorPolicyAndNotLoadedRows) {
  ErrorBehaviorSettings e;
  ErrorPolicyGuard g(e, temp_dir());  // TableErrorPolicy SUSPEND_TABLE
  Collect a;
  g.data_sink("T", a);
  g.table_error("T", "connection lost");
  EXPECT_NE(g.stop_reason("T").find("connection lost"), std::string::npos);
  EXPECT_FALSE(g.task_stopped());
  Batch b;
  b.columns.resize(1);
  b.columns[0].kind = ValueKind::Int64;
  b.columns[0].append_int(5);
  b.columns[0].append_int(6);
  b.source_lines = {1, 2};
  g.not_loaded("T", b, a, "f");
  EXPECT_EQ(a.rows.size(), 2u);
  EXPECT_EQ(g.state("T").not_loaded, 2u);
  e.table_error_policy = ErrorPolicy::StopTask;
  ErrorPolicyGuard g2(e, temp_dir());
  g2.table_error("T", "boom");
  EXPECT_TRUE(g2.task_stopped());
}

TEST(ErrorPolicy, TableErrorEscalationStopsTheTask) {
  ErrorBehaviorSettings e;
  e.table_error_escalation_count = 2;  // TableErrorPolicy stays SUSPEND_TABLE
  ErrorPolicyGuard g(e, temp_dir());
  g.table_error("A", "cannot open");
  EXPECT_FALSE(g.task_stopped());
  EXPECT_TRUE(g.state("A").suspended);
  g.table_error("B", "cannot open");
  EXPECT_TRUE(g.task_stopped());
  EXPECT_NE(g.stop_reason("C").find("TableErrorEscalationCount"), std::string::npos) << g.stop_reason("C");
}
