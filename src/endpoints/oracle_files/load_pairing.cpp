#include "endpoints/oracle_files/load_pairing.h"

#include "endpoints/oracle_files/line_source.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "endpoints/oracle_files/sqlplus_script.h"

namespace orashift {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}
bool has_ext(const std::string& name, std::string_view ext) {
  return name.size() > ext.size() && lower(name.substr(name.size() - ext.size())) == ext;
}
std::string stem(const std::string& name) {
  size_t dot = name.rfind('.');
  return dot == std::string::npos ? name : name.substr(0, dot);
}
std::string read_text(const fs::path& p) { return read_file_text(p.string()); }

class Pairer {
public:
  explicit Pairer(const std::string& dir) : dir_(dir) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir_, ec))
      if (e.is_regular_file(ec)) files_.push_back(e.path().filename().string());
    std::sort(files_.begin(), files_.end());
  }

  Pairing run() {
    std::map<std::string, std::vector<ScriptEvent>> loaders;
    std::map<std::string, std::vector<ScriptEvent>> all_events;
    for (const auto& f : files_) {
      if (!has_ext(f, ".sql")) continue;
      auto events = scan_sqlplus_script(read_text(dir_ / f));
      bool loads = std::any_of(events.begin(), events.end(), [](const ScriptEvent& e) { return e.kind == ScriptEvent::Kind::Sqlldr; });
      if (loads) {
        loaders[f] = events;
        out_.loader_scripts.push_back((dir_ / f).string());
      }
      all_events[f] = std::move(events);
    }
    if (loaders.empty()) {
      for (const auto& f : files_)
        if (has_ext(f, ".ctl")) pair_without_script(f);
      return std::move(out_);
    }
    // Of several loader scripts, prefer those another script runs (sh_main.sql runs
    // lsh_&vrs, not the older sh_pop3.sql).
    std::set<std::string> run_by_others;
    for (const auto& [caller, events] : all_events)
      for (const auto& e : events) {
        if (e.kind != ScriptEvent::Kind::Run) continue;
        Pattern p = e.script.basename();
        for (const auto& [name, unused] : loaders) {
          Bindings b;
          if (name != caller && (match_pattern(p, name, b) || match_pattern(p, stem(name), b))) run_by_others.insert(name);
        }
      }
    std::set<std::string> used_ctl;
    std::string used_names;
    for (const auto& [name, events] : loaders) {
      if (!run_by_others.empty() && !run_by_others.count(name)) {
        out_.skipped.push_back({(dir_ / name).string(), "loader script not run by any other script in the directory"});
        continue;
      }
      used_names += (used_names.empty() ? "" : ", ") + name;
      Bindings b;  // bindings found by matching hold for the rest of that script
      for (const auto& e : events)
        if (e.kind == ScriptEvent::Kind::Sqlldr) pair_from_script(name, e, b, used_ctl);
    }
    for (const auto& f : files_)
      if (has_ext(f, ".ctl") && !used_ctl.count(f))
        out_.skipped.push_back({(dir_ / f).string(), "not referenced by the load script " + used_names});
    return std::move(out_);
  }

private:
  fs::path dir_;
  std::vector<std::string> files_;
  std::map<std::string, std::shared_ptr<const ControlFile>> ctl_cache_;
  Pairing out_;

  bool exists(const std::string& name) const { return std::binary_search(files_.begin(), files_.end(), name); }

  std::shared_ptr<const ControlFile> ctl(const std::string& name) {
    auto& slot = ctl_cache_[name];
    if (!slot) slot = std::make_shared<ControlFile>(read_control_file((dir_ / name).string()));
    return slot;
  }

  // Finds the file a pattern names: first by substitution, then by matching open variables.
  std::string resolve(const Pattern& raw, const char* default_ext, Bindings& b, const std::vector<std::string>& candidates) {
    Pattern p = substitute(raw.basename(), b);
    std::vector<Pattern> tries{p};
    if (!p.ends_with_extension()) {
      Pattern with = p;
      with.append_literal(default_ext);
      tries.insert(p.open() ? tries.end() : tries.begin(), with);
    }
    for (const Pattern& t : tries) {
      if (!t.open()) {
        if (exists(t.display())) return t.display();
        continue;
      }
      for (const auto& f : candidates)
        if (match_pattern(t, f, b)) return f;
    }
    return {};
  }

  void add_pair(const std::string& ctl_name, const std::string& data_name, const std::string& origin,
                const std::string& missing_reason) {
    LoadPair p;
    p.control = (dir_ / ctl_name).string();
    p.data = (dir_ / data_name).string();
    p.origin = origin;
    p.ctl = ctl(ctl_name);
    if (!missing_reason.empty()) {
      p.missing = true;
      p.missing_reason = missing_reason;
    }
    out_.pairs.push_back(std::move(p));
  }

  // INFILE names are relative to the control file's directory; a path elsewhere that is not
  // there is looked for by its name in the directory.
  std::string infile_name(const std::string& name) const {
    fs::path p(name);
    if (p.is_absolute() && fs::exists(p)) return name;
    if (exists(name)) return name;
    std::string base = p.filename().string();
    if (exists(base)) return base;
    return name;
  }

  void pair_infiles(const std::string& f, const std::vector<std::string>& infiles, size_t from, const std::string& origin) {
    for (size_t k = from; k < infiles.size(); ++k) {
      std::string n = infile_name(infiles[k]);
      add_pair(f, n, origin, exists(n) || fs::exists(fs::path(n)) ? "" : "data file " + infiles[k] + " named by INFILE in " + f + " is not present");
    }
  }

  void pair_without_script(const std::string& f) {
    auto c = ctl(f);
    if (c->begin_data_offset) {
      LoadPair p;
      p.control = p.data = (dir_ / f).string();
      p.origin = "BEGINDATA";
      p.ctl = c;
      out_.pairs.push_back(std::move(p));
    }
    auto infiles = c->named_infiles();
    infiles.erase(std::remove(infiles.begin(), infiles.end(), "*"), infiles.end());
    if (!infiles.empty()) return pair_infiles(f, infiles, 0, "INFILE");
    if (c->begin_data_offset) return;
    std::string dat = stem(f) + ".dat";
    add_pair(f, dat, "same name", exists(dat) ? "" : "data file " + dat + " (same name as " + f + ") is not present");
  }

  void pair_from_script(const std::string& script, const ScriptEvent& e, Bindings& b, std::set<std::string>& used) {
    std::string where = script + ":" + std::to_string(e.line);
    if (e.control.pieces.empty()) {
      out_.warnings.push_back(where + ": sqlldr without control=");
      return;
    }
    std::vector<std::string> ctls;
    for (const auto& f : files_)
      if (has_ext(f, ".ctl")) ctls.push_back(f);
    std::string c = resolve(e.control, ".ctl", b, ctls);
    if (c.empty()) {
      out_.warnings.push_back("control file " + substitute(e.control.basename(), b).display() + " named by " + where +
                              " is not present");
      return;
    }
    used.insert(c);
    auto cf = ctl(c);
    auto infiles = cf->named_infiles();
    if (e.data.pieces.empty()) {
      if (!infiles.empty()) return pair_infiles(c, infiles, 0, where);
      std::string dat = stem(c) + ".dat";
      return add_pair(c, dat, where, exists(dat) ? "" : "data file " + dat + " named by " + where + " is not present");
    }
    std::string d = resolve(e.data, ".dat", b, files_);
    if (d.empty()) {
      Pattern shown = substitute(e.data.basename(), b);
      if (!shown.ends_with_extension() && !shown.open()) shown.append_literal(".dat");
      add_pair(c, shown.display(), where, "data file " + shown.display() + " named by " + where + " is not present");
    } else {
      add_pair(c, d, where, "");
    }
    pair_infiles(c, infiles, 1, "INFILE");  // data= replaced only the first INFILE
  }
};

}  // namespace

Pairing pair_load_files(const std::string& dir) { return Pairer(dir).run(); }

}  // namespace orashift
