// Issue 15's measure: every PL/SQL unit of the shared corpus converted for Redshift. Each unit the
// converter does not flag is read back from its output file and held against Redshift's
// documented limits (dialect/redshift_procedure_rules.h): a violation fails. Each flagged unit has
// an error-level item whose message names what Redshift lacks. Prints, per source, the units,
// those converted without an error-level item, and those passing the rule checker; the flagged
// set is pinned in tests/e2e/redshift_units_flagged.txt (ORASHIFT_UPDATE_GOLDEN=1 rewrites it).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "browser_check.h"
#include "dialect/redshift_procedure_rules.h"
#include "e2e_util.h"
#include "pinned_set.h"
#include "require_env.h"

namespace fs = std::filesystem;

namespace {

bool is_code_unit(const std::string& unit) {
  for (const char* k : {"PROCEDURE ", "FUNCTION ", "PACKAGE ", "TRIGGER ", "TYPE "})
    if (unit.rfind(k, 0) == 0) return true;
  return false;
}

}  // namespace

TEST(CodeObjectsRedshift, CorpusUnitsPassTheRuleCheckerOrNameTheirLimit) {
  auto sources = e2e::corpus_sources();
  if (sources.empty()) ORASHIFT_SKIP_OR_FAIL() << "corpus not found at " << e2e::corpus_dir() << " (../shared absent)";
  fs::path out = e2e::temp_dir("code-objects-redshift");
  std::set<std::string> actual;
  std::map<std::string, size_t> by_code;
  size_t total_units = 0, total_converted = 0, total_passing = 0, n = 0;
  std::printf("\n%-40s %6s %9s %12s\n", "source", "units", "converted", "rule-checked");
  for (const auto& dir : sources) {
    std::string label = e2e::corpus_label(dir);
    fs::path conv = out / std::to_string(n++);
    auto c = e2e::run_orashift({"convert", "--source", "oracle-files:" + dir, "--target", "redshift", "--types", "declared",
                                "--out", conv.string()});
    ASSERT_TRUE(c.exit_code == 0 || c.exit_code == 1) << label << ": " << c.output;
    auto manifest = e2e::read_json(conv / "redshift" / "manifest.json");
    auto report = e2e::read_json(conv / "report" / "report.json");
    // The error-level items of each unit: the flagged ones must name what blocks them.
    std::map<std::string, std::vector<std::string>> high_items;
    for (const auto& it : report["action_items"])
      if (it["severity"] == "high") high_items[it["object"].get<std::string>()].push_back(it["code"].get<std::string>() + " " + it["message"].get<std::string>());
    std::map<std::string, std::set<std::string>> files;  // unit → its files (a unit's objects may share one)
    std::set<std::string> units, flagged;
    for (const auto& o : manifest["objects"])
      if (o.contains("unit") && is_code_unit(o["unit"].get<std::string>())) {
        units.insert(o["unit"].get<std::string>());
        files[o["unit"].get<std::string>()].insert(o["file"].get<std::string>());
      }
    for (const auto& f : manifest["flagged"]) {
      std::string unit = f.value("unit", "");
      if (!is_code_unit(unit)) continue;
      units.insert(unit);
      if (flagged.insert(unit).second) ++by_code[f["code"].get<std::string>()];
      auto it = high_items.find(unit);
      ASSERT_TRUE(it != high_items.end() && !it->second.empty()) << label << ": " << unit << " is flagged without an error-level item";
      actual.insert(label + " | " + unit + " | " + it->second.front().substr(0, 140));
    }
    size_t converted = 0, passing = 0;
    for (const auto& unit : units) {
      if (flagged.count(unit)) continue;
      ++converted;
      std::string text;
      for (const auto& f : files[unit]) {
        std::ifstream in(conv / "redshift" / f);
        std::stringstream ss;
        ss << in.rdbuf();
        text += ss.str();
      }
      auto violations = orashift::check_redshift_routines(text);
      for (const auto& v : violations) ADD_FAILURE() << label << ": " << unit << " breaks Redshift rule " << v.rule << ": " << v.message;
      passing += violations.empty();
    }
    if (units.empty()) continue;
    std::printf("%-40s %6zu %9zu %12zu\n", label.c_str(), units.size(), converted, passing);
    total_units += units.size();
    total_converted += converted;
    total_passing += passing;
  }
  std::printf("%-40s %6zu %9zu %12zu\n", "corpus", total_units, total_converted, total_passing);
  std::printf("flagged units by blocking code:");
  for (const auto& [code, count] : by_code) std::printf(" %s %zu", code.c_str(), count);
  std::printf("\n");
  EXPECT_GT(total_converted, 0u);
  EXPECT_EQ(total_passing, total_converted);

  e2e::expect_pinned_set(actual, std::string(ORASHIFT_SOURCE_DIR) + "/tests/e2e/redshift_units_flagged.txt",
                         out / "redshift_units_flagged.actual.txt",
                         "# source | unit | its first error-level item — written by test_code_objects_redshift.cpp",
                         "newly flagged for Redshift", "now converted for Redshift");
}
