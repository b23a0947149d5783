// `orashift assess`: the assessment report for one or more sources, without a target database.
// One source writes DIR/report.*; several write DIR/<name>/report.* each and a portfolio page
// DIR/report.html with one row per source.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "assess/assessment.h"
#include "assess/report_writers.h"
#include "assess/summary_report.h"
#include "cli/conversion.h"
#include "cli/subcommands.h"
#include "endpoints/oracle_files/oracle_files_source.h"

namespace orashift::cli {

namespace fs = std::filesystem;

namespace {

// The source as an assessment sees it: as convert does (the installer's scripts, or every code
// file below the folder of a code repository: OracleFilesSource's discovery).
std::unique_ptr<OracleFilesSource> assess_source(const std::string& dir) {
  OracleFilesOptions o;
  o.dir = dir;
  o.loading = false;  // a control file that cannot be loaded is reported, not an error
  return std::make_unique<OracleFilesSource>(o);
}

std::string source_dir(const std::string& s) {
  const std::string prefix = "oracle-files:";
  std::string dir = s.rfind(prefix, 0) == 0 ? s.substr(prefix.size()) : s;
  if (!fs::is_directory(dir)) throw std::invalid_argument("source " + s + ": not a directory (expected oracle-files:DIR or DIR)");
  return fs::path(dir).lexically_normal().string();
}

std::string sanitize(std::string s) {
  for (char& c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.') c = '-';
  return s;
}

// Folder names; where two are equal, their parent folders are prefixed until they differ
// (main-sales_history, v21.1-legacy-sales_history).
std::vector<std::string> source_names(const std::vector<std::string>& dirs) {
  std::vector<std::vector<std::string>> parts;
  for (const auto& d : dirs) {
    parts.emplace_back();
    for (const auto& p : fs::weakly_canonical(d)) {
      std::string s = p.string();
      if (!s.empty() && s != "/") parts.back().push_back(s);
    }
  }
  auto name = [&](size_t i, size_t depth) {
    const auto& v = parts[i];
    std::string n;
    for (size_t k = v.size() > depth ? v.size() - depth : 0; k < v.size(); ++k) n += (n.empty() ? "" : "-") + v[k];
    return sanitize(n);
  };
  std::vector<size_t> depth(dirs.size(), 1);
  for (int round = 0; round < 8; ++round) {
    bool changed = false;
    for (size_t i = 0; i < dirs.size(); ++i)
      for (size_t j = 0; j < dirs.size(); ++j)
        if (i != j && name(i, depth[i]) == name(j, depth[j])) {
          if (depth[i] < parts[i].size()) ++depth[i], changed = true;
          if (depth[j] < parts[j].size()) ++depth[j], changed = true;
        }
    if (!changed) break;
  }
  std::vector<std::string> names;
  for (size_t i = 0; i < dirs.size(); ++i) names.push_back(name(i, depth[i]));
  return names;
}

struct AssessOptions {
  std::vector<std::string> sources;
  std::string target = "redshift", out, effort_settings;
};

int assess(const AssessOptions& o) {
  Dialect dialect;
  parse_dialect(o.target, dialect);
  EffortModel model = o.effort_settings.empty() ? EffortModel::defaults() : load_effort_model(o.effort_settings);
  std::vector<std::string> dirs;
  for (const auto& s : o.sources) dirs.push_back(source_dir(s));
  std::vector<std::string> names = source_names(dirs);
  bool portfolio = dirs.size() > 1;
  std::vector<PortfolioRow> rows;
  for (size_t i = 0; i < dirs.size(); ++i) {
    auto source = assess_source(dirs[i]);
    std::string out = portfolio ? o.out + "/" + names[i] : o.out;
    // The converted DDL is written beside the report, so every "converted" text in it exists.
    ConversionOutput conv = convert_and_write(*source, dialect, out);
    RunSummary s;
    s.command = "assess";
    s.name = names[i];
    s.source = source->describe();
    s.target = o.target;
    s.catalog = &source->catalog();
    s.diagnostics = &source->diagnostics();
    s.schema = &conv.schema;
    s.items = &conv.items;
    s.effort = &model;
    write_summary(s, out);
    Assessment a = build_assessment(s);
    auto sev = a.by_severity();
    fmt::print("assess {}: {} objects, {} action items ({} critical, {} high, {} medium, {} low, {} info), "
               "{:.1f} person-days, level {}-{} → {}/report.html\n",
               names[i], a.objects.size(), a.items.size(), sev["critical"], sev["high"], sev["medium"], sev["low"],
               sev["info"], a.days(), a.level, a.difficulty, out);
    rows.push_back({names[i], names[i] + "/report.html", std::move(a)});
  }
  if (portfolio) {
    fs::create_directories(o.out);
    auto write = [&](const std::string& name, const std::string& text) {
      std::ofstream f(o.out + "/" + name, std::ios::binary);
      f << text;
      if (!f) throw std::runtime_error("cannot write " + o.out + "/" + name);
    };
    write("report.html", portfolio_html(rows));
    write("report.json", portfolio_json(rows).dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
    write("portfolio.csv", portfolio_csv(rows));
    fmt::print("portfolio: {} sources → {}/report.html\n", rows.size(), o.out);
  }
  // Statements that did not parse are in the report (OS9002), not a failure of the command.
  return 0;
}

}  // namespace

void add_assess_command(CLI::App& app, std::function<int()>& action) {
  auto o = std::make_shared<AssessOptions>();
  auto* cmd = app.add_subcommand("assess", "Assessment report: what converts, what needs work, how much work");
  cmd->add_option("--source", o->sources, "oracle-files:DIR or DIR (repeat for a portfolio)")->required();
  cmd->add_option("--target", o->target, "redshift | postgres | duckdb")->check(CLI::IsMember({"redshift", "postgres", "duckdb"}));
  cmd->add_option("--out", o->out, "output directory")->required();
  cmd->add_option("--effort-settings", o->effort_settings, "JSON file overriding the effort model's weights");
  cmd->callback([o, &action] { action = [o] { return assess(*o); }; });
}

}  // namespace orashift::cli
