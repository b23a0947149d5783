// `orashift assess` over every corpus source: each report is valid, every action item points to
// a real place in the source, and the totals per source are printed for the record.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <vector>

#include "browser_check.h"
#include "require_env.h"

namespace fs = std::filesystem;

namespace {

std::vector<std::string> file_lines(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string l; std::getline(f, l);) lines.push_back(l);
  return lines;
}

}  // namespace

TEST(ReportCorpus, EveryReportLocatedAndTotalsPrinted) {
  if (e2e::corpus_sources().empty()) ORASHIFT_SKIP_OR_FAIL() << "corpus not found at " << e2e::corpus_dir();
  e2e::CorpusRun run = e2e::assess_corpus("corpus");
  ASSERT_EQ(run.result.exit_code == 0 || run.result.exit_code == 1, true) << run.result.output;
  auto portfolio = e2e::read_json(run.out / "report.json");
  ASSERT_EQ(portfolio["sources"].size(), e2e::corpus_sources().size());
  EXPECT_TRUE(fs::exists(run.out / "report.html"));
  EXPECT_TRUE(fs::exists(run.out / "portfolio.csv"));

  std::map<std::string, std::vector<std::string>> cache;
  std::printf("\n%-40s %8s %7s %5s %5s %6s %5s %5s %8s %5s\n", "source", "objects", "items", "crit", "high", "medium",
              "low", "info", "days", "level");
  double total_days = 0;
  size_t total_objects = 0, total_items = 0, checked = 0;
  for (const auto& src : portfolio["sources"]) {
    std::string name = src["name"];
    fs::path dir = run.out / name;
    EXPECT_TRUE(fs::exists(run.out / src["report"].get<std::string>())) << "portfolio link " << src["report"];
    auto j = e2e::read_json(dir / "report.json");
    EXPECT_EQ(j["schema_version"], 2);
    for (const char* f : {"report.html", "action_items.csv", "action_codes.csv", "objects.csv"})
      EXPECT_TRUE(fs::exists(dir / f)) << name << ": " << f;
    for (const auto& item : j["action_items"]) {
      const auto& loc = item["location"];
      ASSERT_TRUE(loc.is_object()) << name << ": item without location: " << item.dump();
      std::string file = loc["file"];
      ASSERT_TRUE(fs::is_regular_file(file)) << name << ": " << file << " does not exist: " << item.dump();
      auto it = cache.find(file);
      if (it == cache.end()) it = cache.emplace(file, file_lines(file)).first;
      const auto& lines = it->second;
      size_t line = loc["line"], col = loc["column"];
      ASSERT_GE(line, 1u);
      if (lines.empty()) continue;  // an empty file (only a note on it): line 1 col 1
      ASSERT_LE(line, lines.size()) << name << ": " << item.dump();
      ASSERT_GE(col, 1u);
      ASSERT_LE(col, lines[line - 1].size() + 1) << name << ": " << item.dump();
      ++checked;
    }
    auto sev = j["summary"]["action_items_by_severity"];
    double days = j["summary"]["estimated_effort_days"];
    std::printf("%-40s %8zu %7zu %5d %5d %6d %5d %5d %8.1f %5s\n", name.c_str(), j["objects"].size(),
                j["action_items"].size(), sev["critical"].get<int>(), sev["high"].get<int>(), sev["medium"].get<int>(),
                sev["low"].get<int>(), sev["info"].get<int>(), days,
                j["summary"]["migration_level"].get<std::string>().c_str());
    total_days += days;
    total_objects += j["objects"].size();
    total_items += j["action_items"].size();
    EXPECT_GT(j["objects"].size(), 0u) << name;
  }
  std::printf("%-40s %8zu %7zu %43.1f\n", "total", total_objects, total_items, total_days);
  std::printf("action item locations checked against the source: %zu\n", checked);
  EXPECT_GT(checked, 0u);
}
