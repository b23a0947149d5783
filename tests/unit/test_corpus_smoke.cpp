// Runs the script layer and the parser over every SQL / PL/SQL file of ../shared/corpus (the
// extensions `orashift parse` reads) and pins the totals the README states: statements, typed,
// recognised-only and errors. A change to the parser or the corpus that moves one of them must
// update the pinned numbers here and the README line with them. No speed threshold (never a
// wall-clock assertion): the rate is printed.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "sql/parser.h"
#include "sql/sqlplus_path.h"
#include "require_env.h"

using namespace orashift;
using namespace orashift::sql;
namespace fs = std::filesystem;

TEST(CorpusSmoke, ScriptLayerAndParserOverWholeCorpus) {
  fs::path root = fs::path(ORASHIFT_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (!fs::exists(root)) ORASHIFT_SKIP_OR_FAIL() << "corpus not found at " << root.string() << " (see ../shared/corpus/README.md)";
  // The extensions `orashift parse` reads (sql/sqlplus_path.h).
  size_t files = 0, bytes = 0, statements = 0, parsed = 0, other = 0, errors = 0, commands = 0, unterminated = 0;
  size_t gave_up = 0;
  double seconds = 0;  // split + tokenize + parse only, not file reading
  std::map<std::string, size_t> by_code, gave_up_by_kind, other_by_kind;
  std::vector<std::string> samples, gave_up_samples;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    if (!is_code_file(e.path())) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    SourceFile file(fs::relative(e.path(), root).string(), buf.str());
    Diagnostics diags;
    auto t0 = std::chrono::steady_clock::now();
    ParsedScript ps = parse_script(file, diags);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    ++files;
    bytes += file.text().size();
    statements += ps.statements.size();
    commands += ps.script.commands.size();
    for (const auto& st : ps.script.statements) unterminated += !st.terminated;
    for (const auto& s : ps.statements) {
      if (s->kind == ast::StmtKind::Invalid)
        ++errors;
      else if (s->kind == ast::StmtKind::Other) {
        ++other;
        ++other_by_kind[s->kind_name];
        const auto& o = static_cast<const ast::OtherStatement&>(*s);
        if (o.unparsed) {
          ++gave_up;
          ++gave_up_by_kind[s->kind_name];
          if (gave_up_samples.size() < 60) gave_up_samples.push_back(o.unparsed->render());
        }
      } else
        ++parsed;
    }
    for (const auto& d : diags.items()) {
      ++by_code[d.code];
      if (samples.size() < 40) samples.push_back(d.render());
    }
  }
  std::printf("corpus: %zu files, %zu KB, %zu SQL*Plus commands\n", files, bytes / 1024, commands);
  // Informative only (a test never asserts a wall-clock time); meaningful in a Release build.
  std::printf("split+tokenize+parse: %.3f s, %.1f MB/s\n", seconds, seconds > 0 ? bytes / 1e6 / seconds : 0.0);
  std::printf("statements: %zu; parsed into typed nodes: %zu; recognised, not modelled: %zu; errors: %zu\n", statements,
              parsed, other, errors);
  std::printf("of the recognised-only: %zu are kinds the parser models but could not read fully\n", gave_up);
  for (const auto& [k, n] : other_by_kind) std::printf("  other %s: %zu\n", k.c_str(), n);
  for (const auto& [k, n] : gave_up_by_kind) std::printf("  gave up %s: %zu\n", k.c_str(), n);
  if (std::getenv("ORASHIFT_CORPUS_VERBOSE"))
    for (const auto& s : gave_up_samples) std::printf("%s", s.c_str());
  std::printf("statements ended by end of file or a blank line instead of ; or /: %zu\n", unterminated);
  for (const auto& [code, n] : by_code) std::printf("  %s: %zu\n", code.c_str(), n);
  for (const auto& s : samples) std::printf("%s", s.c_str());
  // The README's "Over ../shared/corpus: 9,936 statements, 9,901 into typed nodes, … 35 …, 0 errors".
  EXPECT_EQ(statements, 9936u);
  EXPECT_EQ(parsed, 9901u);
  EXPECT_EQ(other, 35u);
  EXPECT_EQ(errors, 0u);
  EXPECT_EQ(by_code.count("P0001"), 0u);
}
