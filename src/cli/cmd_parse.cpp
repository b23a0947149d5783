// `orashift parse [--json] PATH...`: runs the script splitter and parser over files and reports
// how much of the code parses into typed nodes, and how fast.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli/subcommands.h"
#include "common/text_encoding.h"
#include "sql/parser.h"
#include "sql/sqlplus_path.h"

namespace orashift::cli {

namespace {

namespace fs = std::filesystem;

// Oracle code and install files by extension (.sql .tab .vw .pks .pkb .pkg .trg …, sql/sqlplus_path.h).
bool is_sql_file(const fs::path& p) { return sql::is_code_file(p); }

std::vector<fs::path> collect(const std::vector<std::string>& paths, std::vector<std::string>& missing) {
  std::vector<fs::path> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        if (it->is_regular_file(ec) && is_sql_file(it->path())) out.push_back(it->path());
      }
    } else if (fs::is_regular_file(p, ec)) {
      out.emplace_back(p);  // named explicitly: parsed whatever its extension
    } else {
      missing.push_back(p);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

struct Counts {
  size_t unreadable = 0, files = 0, statements = 0, typed = 0, other = 0, unparsed = 0, failed = 0, bytes = 0;
  size_t included = 0;  // files read because a script ran them (@, @@, START)
  std::map<std::string, size_t> by_kind;
};

// Parses files, counting what the front end reads; with follow_includes, also the scripts that
// @file / @@file / START lines run, each file once, never around a cycle.
class ParseRun {
public:
  ParseRun(std::string encoding, bool follow_includes) : encoding_(std::move(encoding)), follow_(follow_includes) {}

  void read(const fs::path& path) {
    std::error_code ec;
    fs::path key = fs::weakly_canonical(path, ec);
    if (ec) key = path;
    if (!done_.insert(key.string()).second) return;  // read already (as an include or in the walk)
    if (!stack_.empty()) ++counts.included;
    stack_.push_back(key.string());
    parse(path);
    stack_.pop_back();
  }

  Counts counts;
  double seconds = 0;

private:
  void parse(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    Diagnostics diags;
    DecodedText text;
    try {
      text = decode_source_text(buf.str(), encoding_);
    } catch (const std::exception& e) {
      SourceFile empty(path.string(), "");
      fmt::print(stderr, "{}", Diagnostic{Severity::Error, sql::kEncoding, e.what(), Span{&empty, 0, 0}}.render());
      ++counts.files;
      ++counts.unreadable;
      return;
    }
    SourceFile file(path.string(), std::move(text.utf8));
    if (text.converted)
      diags.add({Severity::Note, sql::kEncoding, "not UTF-8: read as " + text.encoding, Span{&file, 0, 0}});
    auto t0 = std::chrono::steady_clock::now();
    sql::ParsedScript ps = sql::parse_script(file, diags);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    ++counts.files;
    counts.bytes += file.text().size();
    for (const auto& st : ps.statements) {
      ++counts.statements;
      ++counts.by_kind[st->kind_name.empty() ? "UNKNOWN" : st->kind_name];
      if (st->kind == sql::ast::StmtKind::Invalid) {
        ++counts.failed;
      } else if (st->kind == sql::ast::StmtKind::Other) {
        ++counts.other;
        const auto& o = static_cast<const sql::ast::OtherStatement&>(*st);
        if (o.unparsed) {
          ++counts.unparsed;
          std::fputs(o.unparsed->render().c_str(), stderr);
        }
      } else {
        ++counts.typed;
      }
    }
    std::vector<fs::path> includes = follow_ ? included_files(ps.script, path, diags) : std::vector<fs::path>{};
    for (const auto& d : diags.items()) std::fputs(d.render().c_str(), stderr);
    for (const auto& inc : includes) read(inc);
  }

  // The scripts this one runs, found as SQL*Plus finds them (sql/sqlplus_path.h): `@` in the
  // folder SQL*Plus started in — taken to be the folder of the script named on the command line (or found in the walk) —, `@@` in this
  // script's folder, ".sql" added to a name without an extension, a trailing `;` dropped.
  // Unresolvable ones get a located diagnostic.
  std::vector<fs::path> included_files(const sql::Script& script, const fs::path& path, Diagnostics& diags) {
    std::vector<fs::path> out;
    if (stack_.size() <= 1) start_dir_ = path.parent_path();  // a script named on the command line
    for (const auto& c : script.commands) {
      using K = sql::SqlPlusCommandKind;
      if (c.kind != K::Run && c.kind != K::RunNested && c.kind != K::Start) continue;
      std::string name = sql::sqlplus_script_file_name(c.argument);
      if (name.empty()) continue;
      if (name.find('&') != std::string::npos) {
        diags.add({Severity::Note, "P0103", "include not followed: its name uses a substitution variable (" + name + ")",
                   c.span});
        continue;
      }
      auto found = sql::resolve_sqlplus_script(name, c.kind == K::RunNested, path.parent_path(), start_dir_);
      if (!found) {
        diags.warning("P0101", "included script not found: " + (path.parent_path() / name).string(), c.span);
        continue;
      }
      fs::path target = *found;
      std::error_code ec;
      fs::path key = fs::weakly_canonical(target, ec);
      if (std::find(stack_.begin(), stack_.end(), key.string()) != stack_.end()) {
        std::string chain;
        for (const auto& s : stack_) chain += fs::path(s).filename().string() + " → ";
        diags.warning("P0102", "include cycle not followed: " + chain + key.filename().string(), c.span);
        continue;
      }
      out.push_back(target);
    }
    return out;
  }

  fs::path start_dir_;
  std::string encoding_;
  bool follow_;
  std::set<std::string> done_;
  std::vector<std::string> stack_;
};

}  // namespace

void add_parse_command(CLI::App& app, std::function<int()>& action) {
  struct Opts {
    std::vector<std::string> paths;
    std::string encoding;
    bool json = false, follow_includes = false;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("parse", "Parse Oracle SQL and PL/SQL files and report what the front end reads");
  cmd->add_option("paths", o->paths, "files or directories (recursed for .sql and the code extensions .tab .seq .con .ind .vw .syn .typ .tps .tpb .pks .pkb .pkg .pck .pls .plb .fnc .prc .trg …)")
      ->required();
  cmd->add_flag("--json", o->json, "print the summary as one JSON object");
  cmd->add_flag("--follow-includes", o->follow_includes,
                "also parse the scripts that @file, @@file and START lines run (SQL*Plus rules: @@ relative to the script, @ to the first script's folder, .sql added)");
  cmd->add_option("--encoding", o->encoding,
                  "encoding of the files (an iconv name: UTF-8, ISO-8859-1, CP1252, …); default: detect");
  cmd->callback([o, &action] {
    action = [o] {
      std::vector<std::string> missing;
      std::vector<fs::path> files = collect(o->paths, missing);
      for (const auto& m : missing) fmt::print(stderr, "{}: no such file or directory\n", m);
      ParseRun run(o->encoding, o->follow_includes);
      for (const auto& path : files) run.read(path);
      const Counts& c = run.counts;
      const double seconds = run.seconds;
      double mbps = seconds > 0 ? static_cast<double>(c.bytes) / 1e6 / seconds : 0;
      if (o->json) {
        nlohmann::json j;
        j["files"] = c.files;
        j["statements"] = c.statements;
        j["parsed"] = c.statements - c.failed;
        j["typed"] = c.typed;
        j["recognised_only"] = c.other;
        j["typed_parse_gave_up"] = c.unparsed;
        j["failed"] = c.failed;
        j["unreadable_files"] = c.unreadable;
        j["included_files"] = c.included;
        j["bytes"] = c.bytes;
        j["seconds"] = seconds;
        j["mb_per_s"] = mbps;
        j["by_kind"] = c.by_kind;
        fmt::print("{}\n", j.dump(2));
      } else {
        fmt::print("files: {}\nstatements: {}\n", c.files, c.statements);
        for (const auto& [k, n] : c.by_kind) fmt::print("  {:<32} {}\n", k, n);
        fmt::print("parsed: {} ({} into typed nodes, {} recognised by their leading words, of which {} are kinds the\n"
                   "        parser models but could not read fully)\n",
                   c.statements - c.failed, c.typed, c.other, c.unparsed);
        fmt::print("failed: {}\nbytes: {}\nseconds: {:.3f}\nMB/s: {:.1f}\n", c.failed, c.bytes, seconds, mbps);
        if (c.unreadable) fmt::print("unreadable files (encoding): {}\n", c.unreadable);
      }
      return (c.failed || c.unreadable || !missing.empty()) ? 1 : 0;
    };
  });
}

}  // namespace orashift::cli
