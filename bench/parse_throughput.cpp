// Front-end throughput over ../shared/corpus: tokenize + SQL*Plus split + parse of every SQL /
// PL/SQL file, files read into memory first so only the front end is timed. One thread.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <vector>

#include "sql/lexer.h"
#include "sql/parser.h"

namespace fs = std::filesystem;
using namespace orashift;

namespace {

std::vector<std::unique_ptr<SourceFile>>& corpus() {
  static std::vector<std::unique_ptr<SourceFile>> files = [] {
    std::vector<std::unique_ptr<SourceFile>> out;
    fs::path root = fs::path(ORASHIFT_SOURCE_DIR) / ".." / "shared" / "corpus";
    if (const char* env = std::getenv("ORASHIFT_CORPUS")) root = env;
    if (!fs::exists(root)) return out;
    const std::vector<std::string> exts = {".sql", ".pks", ".pkb", ".tps", ".tpb", ".trg", ".plsql"};
    std::vector<fs::path> paths;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      if (!e.is_regular_file()) continue;
      std::string ext = e.path().extension().string();
      for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (std::find(exts.begin(), exts.end(), ext) != exts.end()) paths.push_back(e.path());
    }
    std::sort(paths.begin(), paths.end());  // same order every run
    for (const auto& p : paths) {
      std::ifstream in(p, std::ios::binary);
      std::ostringstream buf;
      buf << in.rdbuf();
      out.push_back(std::make_unique<SourceFile>(p.string(), buf.str()));
    }
    return out;
  }();
  return files;
}

size_t corpus_bytes() {
  size_t n = 0;
  for (const auto& f : corpus()) n += f->text().size();
  return n;
}

void BM_Tokenize(benchmark::State& state) {
  if (corpus().empty()) {
    state.SkipWithError("corpus not found (../shared/corpus or $ORASHIFT_CORPUS)");
    return;
  }
  for (auto _ : state)
    for (const auto& f : corpus()) benchmark::DoNotOptimize(sql::tokenize(*f));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus_bytes()));
}

void BM_SplitParse(benchmark::State& state) {
  if (corpus().empty()) {
    state.SkipWithError("corpus not found (../shared/corpus or $ORASHIFT_CORPUS)");
    return;
  }
  size_t statements = 0;
  for (auto _ : state) {
    statements = 0;
    for (const auto& f : corpus()) {
      Diagnostics d;
      sql::ParsedScript ps = sql::parse_script(*f, d);
      statements += ps.statements.size();
      benchmark::DoNotOptimize(ps);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus_bytes()));
  state.counters["files"] = static_cast<double>(corpus().size());
  state.counters["statements"] = static_cast<double>(statements);
}

}  // namespace

BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_SplitParse)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK_MAIN();
