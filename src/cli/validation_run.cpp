#include "cli/validation_run.h"

#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace orashift {

namespace {

void write_json(const std::string& path, const nlohmann::json& doc) {
  std::ofstream f(path);
  f << doc.dump(2) << "\n";
  if (!f) throw std::runtime_error("cannot write " + path);
}

}  // namespace

bool run_validation(const SourceEndpoint& source, TargetEndpoint& target, const TaskPlan& plan,
                    const ValidationTaskSettings& settings, const std::string& out_dir, const std::string& task_name,
                    const std::string& stats_json) {
  ValidationOptions vo;
  vo.settings = settings;
  vo.out_dir = out_dir;
  vo.task_name = task_name;
  vo.log = [](const std::string& s) { std::fprintf(stderr, "orashift: %s\n", s.c_str()); };
  ValidationReport report = validate_tables(source, target, plan, vo);
  std::fputs(format_validation_summary(report).c_str(), stdout);
  nlohmann::json stats = validation_stats_json(report);
  write_json(out_dir + "/validation.json", stats);
  if (!stats_json.empty()) write_json(stats_json, stats);
  return report.ok();
}

}  // namespace orashift
