// Pure parts of segmented, resumable loads: key-range conditions, the task state file
// (records, torn lines, another task's file) and the retry back-off.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "load/retry_policy.h"
#include "load/segments.h"
#include "load/task_state.h"

using namespace orashift;
namespace fs = std::filesystem;

TEST(KeyRanges, CoverEveryValueOnceWithOpenEnds) {
  auto c = key_range_conditions("\"id\"", 1, 100, 4);
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[0], "\"id\" < 26");
  EXPECT_EQ(c[1], "\"id\" >= 26 AND \"id\" < 51");
  EXPECT_EQ(c[3], "\"id\" >= 76");
  // Never more ranges than values, and no split of a single value.
  EXPECT_EQ(key_range_conditions("k", 5, 7, 10).size(), 3u);
  EXPECT_TRUE(key_range_conditions("k", 5, 5, 10).empty());
  // The whole int64 span does not overflow.
  auto wide = key_range_conditions("k", INT64_MIN, INT64_MAX, 2);
  ASSERT_EQ(wide.size(), 2u);
  EXPECT_EQ(wide[0], "k < 0");
}

namespace {
LoadUnit unit(const std::string& seg, const std::string& where) {
  LoadUnit u;
  u.table = "T";
  u.segment = seg;
  u.where = where;
  u.target_where = where;
  return u;
}
}  // namespace

TEST(TaskStateFile, ResumesOnlyTheSameTaskAndIgnoresATornLine) {
  fs::path dir = fs::temp_directory_path() / ("orashift-state-" + std::to_string(getpid()));
  fs::remove_all(dir);
  std::string path = (dir / "task-state.jsonl").string();
  {
    TaskState s(path, "fp1");
    EXPECT_FALSE(s.resuming());
    s.record_start(unit("a", "x < 1"));
    s.record_done(unit("a", "x < 1"), {10, 9, 1, 0, 100});
    s.record_start(unit("b", "x >= 1"));
  }
  std::ofstream(path, std::ios::app) << R"({"event":"done","table":"T","segm)";  // killed mid-write
  {
    TaskState s(path, "fp1");
    ASSERT_TRUE(s.resuming());
    const SegmentCounts* a = s.finished(unit("a", "x < 1"));
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->loaded, 9u);
    EXPECT_EQ(a->rejected, 1u);
    EXPECT_EQ(s.finished(unit("a", "x < 2")), nullptr);  // same id, other rows: not finished
    EXPECT_EQ(s.finished(unit("b", "x >= 1")), nullptr);
    EXPECT_EQ(s.records("T").size(), 2u);
    s.reset_table("T");
    EXPECT_TRUE(s.records("T").empty());
  }
  {
    TaskState s(path, "fp1");  // the reset was recorded
    EXPECT_TRUE(s.records("T").empty());
  }
  {
    TaskState s(path, "fp2");  // another task: set aside
    EXPECT_FALSE(s.resuming());
    EXPECT_TRUE(fs::exists(path + ".stale"));
    s.complete();
  }
  EXPECT_TRUE(fs::exists(dir / "task-state.done.jsonl"));
  EXPECT_FALSE(fs::exists(path));
  fs::remove_all(dir);
}

TEST(RetryPolicy, DoublesUpToTheMaximumAndStopsAtTheCount) {
  RetryPolicy p;
  p.count = 3;
  p.interval_seconds = 5;
  p.throttling_max_seconds = 30;
  EXPECT_EQ(p.delay(1), 5);
  EXPECT_EQ(p.delay(2), 10);
  EXPECT_EQ(p.delay(3), 20);
  EXPECT_EQ(p.delay(4), 30);
  p.throttling = false;
  EXPECT_EQ(p.delay(4), 5);
  std::vector<double> waited;
  std::vector<std::string> lines;
  p.wait = [&](double d) { waited.push_back(d); };
  p.log = [&](const std::string& s) { lines.push_back(s); };
  EXPECT_TRUE(p.before_retry(3, "lost"));
  EXPECT_FALSE(p.before_retry(4, "lost"));
  EXPECT_EQ(waited.size(), 1u);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_NE(lines[1].find("giving up after 3 retries"), std::string::npos);
  p.count = 0;  // DMS: 0 = never retry
  EXPECT_FALSE(p.allows(1));
  p.count = -1;  // without limit
  EXPECT_TRUE(p.allows(1000000));
}
