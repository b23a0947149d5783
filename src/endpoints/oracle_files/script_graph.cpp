#include "endpoints/oracle_files/script_graph.h"

#include "endpoints/oracle_files/line_source.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

namespace orashift {

namespace fs = std::filesystem;

namespace {

bool is_sql(const std::string& name) {
  if (name.size() < 5) return false;
  std::string ext = name.substr(name.size() - 4);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".sql";
}

}  // namespace

ScriptGraph build_script_graph(const std::string& dir) {
  ScriptGraph g;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file(ec) && is_sql(e.path().filename().string())) g.scripts.push_back(e.path().filename().string());
  std::sort(g.scripts.begin(), g.scripts.end());
  for (const auto& s : g.scripts) {
    g.events[s] = scan_sqlplus_script(read_file_text((fs::path(dir) / s).string()));
  }
  for (const auto& caller : g.scripts) {
    // A script's open variables (its @-arguments) bind once per caller, by matching files.
    Bindings b;
    for (const auto& e : g.events[caller]) {
      if (e.kind != ScriptEvent::Kind::Run) continue;
      Pattern p = substitute(e.script.basename(), b);
      for (const auto& callee : g.scripts) {
        if (callee == caller) continue;
        Bindings trial = b;
        // "@csh_v3" names csh_v3.sql; "@csh_v3.sql" names it too.
        if (match_pattern(p, callee, trial) || match_pattern(p, callee.substr(0, callee.size() - 4), trial)) {
          b = trial;
          g.callees[caller].push_back(callee);
          g.run_by_others.insert(callee);
          break;
        }
      }
    }
  }
  return g;
}

std::vector<std::string> ScriptGraph::mains() const {
  std::vector<std::string> out;
  for (const auto& s : scripts)
    if (callees.count(s) && !run_by_others.count(s)) out.push_back(s);
  return out;
}

std::vector<std::string> ScriptGraph::reachable_from(const std::vector<std::string>& roots) const {
  std::vector<std::string> out;
  std::set<std::string> seen;
  std::function<void(const std::string&)> visit = [&](const std::string& s) {
    if (!seen.insert(s).second) return;  // also protects against include cycles
    out.push_back(s);
    auto it = callees.find(s);
    if (it != callees.end())
      for (const auto& c : it->second) visit(c);
  };
  for (const auto& m : roots) visit(m);
  return out;
}

}  // namespace orashift
