#include "endpoints/oracle_files/script_graph.h"

#include "endpoints/oracle_files/line_source.h"
#include "sql/sqlplus_path.h"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>

namespace orashift {

namespace fs = std::filesystem;

namespace {

bool is_sql(const fs::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".sql";
}

// The name a found file has in the graph; "" when it lies outside the folder. Remembered per
// path: each one resolves both paths component by component (a readlink per component), and an
// installer with open names (`@&vscript`) asks again for every file of its folder at each call.
class GraphNames {
public:
  explicit GraphNames(fs::path root) : root_(std::move(root)) {}
  const std::string& operator()(const fs::path& file) {
    auto [it, added] = names_.try_emplace(file.string());
    if (added) {
      std::error_code ec;
      fs::path rel = fs::relative(fs::weakly_canonical(file, ec), fs::weakly_canonical(root_, ec), ec);
      if (!ec && !rel.empty() && *rel.begin() != "..") it->second = rel.generic_string();
    }
    return it->second;
  }

private:
  fs::path root_;
  std::map<std::string, std::string> names_;
};

// A name with open substitution variables (`@&vscript`, `@lsh_&vrs`): bound by matching the
// files of the caller's folder, then the start folder (`@csh_v3` and `@csh_v3.sql` both name
// csh_v3.sql).
std::string match_open_name(const Pattern& name, const fs::path& root, const fs::path& caller_dir, const std::string& caller,
                            Bindings& b, GraphNames& graph_name) {
  Pattern p = name.basename();
  for (const fs::path& d : {caller_dir, root}) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(d, ec))
      if (e.is_regular_file(ec)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::string file = f.filename().string();
      Bindings trial = b;
      if (!match_pattern(p, file, trial) && !(is_sql(f) && match_pattern(p, file.substr(0, file.size() - 4), trial)))
        continue;
      const std::string& g = graph_name(f);  // only for a file that matches: the rest are never named
      if (g.empty() || g == caller) continue;
      b = trial;
      return g;
    }
  }
  return "";
}

}  // namespace

ScriptGraph build_script_graph(const std::string& dir) {
  ScriptGraph g;
  const fs::path root(dir);
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(root, ec))
    if (e.is_regular_file(ec) && is_sql(e.path())) g.scripts.push_back(e.path().filename().string());
  std::sort(g.scripts.begin(), g.scripts.end());
  std::deque<std::string> todo(g.scripts.begin(), g.scripts.end());
  std::set<std::string> queued(g.scripts.begin(), g.scripts.end());
  GraphNames graph_name(root);
  while (!todo.empty()) {
    std::string caller = todo.front();
    todo.pop_front();
    std::vector<ScriptEvent> events = scan_sqlplus_script(read_file_text((root / caller).string()));
    const fs::path caller_dir = (root / caller).parent_path();
    Bindings b;  // a script's open variables (its @-arguments) bind once per caller, by matching files
    for (auto& e : events) {
      if (e.kind != ScriptEvent::Kind::Run) continue;
      Pattern p = substitute(e.script, b);
      std::string callee;
      if (!p.open()) {
        std::string name = sql::sqlplus_script_file_name(p.display());
        if (auto f = sql::resolve_sqlplus_script(name, e.nested, caller_dir, root)) callee = graph_name(*f);
        // `@?/demo/schema/human_resources/hr_cre` (the Oracle home), `@__SUB__CWD__/…`: a folder
        // that is not this one; the file is looked up by name.
        if (callee.empty()) callee = match_open_name(p, root, caller_dir, caller, b, graph_name);
      } else {
        callee = match_open_name(p, root, caller_dir, caller, b, graph_name);
      }
      if (callee.empty() || callee == caller) {
        g.unresolved.push_back({caller, e.line, p.display()});
        continue;
      }
      e.resolved = callee;
      g.callees[caller].push_back(callee);
      g.run_by_others.insert(callee);
      if (queued.insert(callee).second) todo.push_back(callee);
    }
    g.events[caller] = std::move(events);
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

std::map<std::string, std::string> ScriptGraph::start_schemas(const std::vector<std::string>& roots) const {
  std::map<std::string, std::string> out;
  // Returns the schema in effect when `s` ends.
  std::function<std::string(const std::string&, std::string)> walk = [&](const std::string& s, std::string schema) {
    if (!out.emplace(s, schema).second) return schema;  // run once (and never around a cycle)
    auto it = events.find(s);
    if (it == events.end()) return schema;
    for (const auto& e : it->second) {
      if (e.kind == ScriptEvent::Kind::Schema) schema = e.schema;
      else if (e.kind == ScriptEvent::Kind::Run && !e.resolved.empty()) schema = walk(e.resolved, schema);
    }
    return schema;
  };
  for (const auto& r : roots) walk(r, "");
  return out;
}

}  // namespace orashift
