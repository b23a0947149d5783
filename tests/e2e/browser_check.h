#pragma once
// The corpus sources of the assessment tests and one `orashift assess` run over all of them
// (a portfolio), shared by the corpus report test and the headless-browser check.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "e2e_util.h"

namespace e2e {

// Every schema folder of Oracle's sample schemas (main/ and v21.1-legacy/), then the four
// PL/SQL code bases. Empty when the corpus is absent.
inline std::vector<std::string> corpus_sources() {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  fs::path root = corpus_dir();
  fs::path samples = root / "oracle-samples__db-sample-schemas";
  for (const char* release : {"main", "v21.1-legacy"}) {
    std::vector<std::string> dirs;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(samples / release, ec))
      if (e.is_directory()) dirs.push_back(e.path().string());
    std::sort(dirs.begin(), dirs.end());
    out.insert(out.end(), dirs.begin(), dirs.end());
  }
  for (const char* d : {"utPLSQL__utPLSQL", "mortenbra__alexandria-plsql-utils", "OraOpenSource__Logger",
                        "OraOpenSource__oos-utils"})
    if (fs::is_directory(root / d)) out.push_back((root / d).string());
  return out;
}

// A corpus source's short name in printed tables: main/hr, v21.1-legacy/shipping, utPLSQL__utPLSQL.
inline std::string corpus_label(const std::string& dir) {
  std::filesystem::path p(dir);
  std::string parent = p.parent_path().filename().string();
  if (parent == "main" || parent == "v21.1-legacy") return parent + "/" + p.filename().string();
  return p.filename().string();
}

struct CorpusRun {
  std::filesystem::path out;
  RunResult result;
};

// Runs `orashift assess` over every corpus source into a fresh temp folder.
inline CorpusRun assess_corpus(const std::string& tag) {
  CorpusRun run;
  run.out = temp_dir("report-" + tag);
  std::vector<std::string> args = {"assess", "--target", "redshift", "--out", run.out.string()};
  for (const auto& s : corpus_sources()) {
    args.push_back("--source");
    args.push_back("oracle-files:" + s);
  }
  run.result = run_orashift(args);
  return run;
}

}  // namespace e2e
