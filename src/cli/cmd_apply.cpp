// orashift apply DIR/<dialect> --target URL: runs a conversion's output against a live target,
// object by object in the manifest's order. A failing object is reported with its Oracle
// source location and the target's message, and the rest still runs (unless --stop-on-error);
// objects the conversion flagged instead of converting are counted as skipped.
#include <fmt/format.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/subcommands.h"
#include "dialect/apply_manifest.h"
#include "endpoints/factory.h"

namespace orashift::cli {

namespace {

struct Opts {
  std::string dir, target, json;
  bool stop_on_error = false;
};

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : ",") + x;
  return out;
}

// The target's first message line: enough to locate the problem without a wall of context.
std::string first_line(const std::string& s) {
  std::string line = s.substr(0, s.find('\n'));
  return line.empty() ? s : line;
}

int run_apply(const Opts& o) {
  ApplyManifest m = read_manifest(o.dir + "/manifest.json");
  auto target = make_target(o.target);
  if (target->dialect() != m.dialect) {
    fmt::print(stderr, "orashift apply: {} holds {} DDL but the target is {}\n", o.dir, m.dialect, target->dialect());
    return 2;
  }
  nlohmann::json report = {{"target", target->describe()}, {"dir", o.dir}};
  report["failed"] = nlohmann::json::array();
  report["applied"] = nlohmann::json::array();
  size_t applied = 0, failed = 0, not_run = 0;
  std::string file_name, file_text;  // the file last read: a unit's objects follow each other in it
  for (const auto& obj : m.objects) {
    if (o.stop_on_error && failed) {
      ++not_run;
      continue;
    }
    std::string where = obj.location.empty() ? o.dir + "/" + obj.file : obj.location;
    try {
      if (obj.file != file_name) {
        file_name.clear();
        file_text = read_text(o.dir + "/" + obj.file);
        file_name = obj.file;
      }
      target->execute(object_sql(file_text, obj, o.dir + "/" + obj.file));
      ++applied;
      report["applied"].push_back({{"kind", obj.kind}, {"name", obj.name}, {"file", obj.file}, {"unit", obj.unit}});
    } catch (const std::exception& e) {
      ++failed;
      std::string msg = first_line(e.what());
      fmt::print(stderr, "{}: error: {} {} ({}) failed on {}: {}{}\n", where, obj.kind, obj.name,
                 obj.part ? fmt::format("{}, object {}", obj.file, obj.part) : obj.file,
                 target->dialect(), msg, obj.codes.empty() ? "" : " [action items: " + join(obj.codes) + "]");
      report["failed"].push_back({{"kind", obj.kind}, {"name", obj.name}, {"file", obj.file}, {"source", obj.location},
                                  {"error", msg}, {"action_items", obj.codes}, {"unit", obj.unit}});
    }
  }
  std::map<std::string, size_t> skipped_by_code;
  report["skipped"] = nlohmann::json::array();
  for (const auto& f : m.flagged) {
    ++skipped_by_code[f.code];
    report["skipped"].push_back({{"kind", f.kind}, {"name", f.name}, {"source", f.location}, {"code", f.code}, {"unit", f.unit}});
  }
  std::string codes;
  for (const auto& [code, n] : skipped_by_code) codes += fmt::format("{}{} {}", codes.empty() ? "" : ", ", n, code);
  fmt::print("apply: {} applied, {} failed, {} skipped (flagged as action items{}){} → {}\n", applied, failed,
             m.flagged.size(), codes.empty() ? "" : ": " + codes,
             not_run ? fmt::format(", {} not run after the first failure", not_run) : "", target->describe());
  report["summary"] = {{"applied", applied}, {"failed", failed}, {"skipped", m.flagged.size()}, {"not_run", not_run}};
  if (!o.json.empty()) {
    std::ofstream f(o.json, std::ios::binary);
    f << report.dump(2) << "\n";
    if (!f) throw std::runtime_error("cannot write " + o.json);
  }
  return failed ? 1 : 0;
}

}  // namespace

void add_apply_command(CLI::App& app, std::function<int()>& action) {
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("apply", "Apply converted DDL (convert --out DIR → DIR/<target>) to a live target");
  cmd->add_option("dir", o->dir, "the converted output for one target: OUT/postgres, OUT/duckdb, …")->required();
  cmd->add_option("--target", o->target, "duckdb:FILE | postgres://…")->required();
  cmd->add_flag("--stop-on-error", o->stop_on_error, "stop at the first failing object");
  cmd->add_option("--json", o->json, "write the per-object results to this JSON file");
  cmd->callback([o, &action] { action = [o] { return run_apply(*o); }; });
}

}  // namespace orashift::cli
