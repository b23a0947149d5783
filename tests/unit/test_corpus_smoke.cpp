// Runs the script layer and the parser over every SQL / PL/SQL file of ../shared/corpus.
// No rate threshold yet: the test asserts no crash and that statements were found, and prints
// the numbers so progress is visible run to run.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "sql/parser.h"

using namespace orashift;
using namespace orashift::sql;
namespace fs = std::filesystem;

TEST(CorpusSmoke, ScriptLayerAndParserOverWholeCorpus) {
  fs::path root = fs::path(ORASHIFT_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (!fs::exists(root)) GTEST_SKIP() << "corpus not found at " << root.string() << " (see ../shared/corpus/README.md)";
  const std::vector<std::string> exts = {".sql", ".pks", ".pkb", ".tps", ".tpb", ".trg", ".plsql"};
  size_t files = 0, bytes = 0, statements = 0, parsed = 0, other = 0, errors = 0, commands = 0, unterminated = 0;
  std::map<std::string, size_t> by_code;
  std::vector<std::string> samples;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    std::string ext = e.path().extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (std::find(exts.begin(), exts.end(), ext) == exts.end()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    SourceFile file(fs::relative(e.path(), root).string(), buf.str());
    Diagnostics diags;
    ParsedScript ps = parse_script(file, diags);
    ++files;
    bytes += file.text().size();
    statements += ps.statements.size();
    commands += ps.script.commands.size();
    for (const auto& st : ps.script.statements) unterminated += !st.terminated;
    for (const auto& s : ps.statements) {
      if (s->kind == ast::StmtKind::Invalid)
        ++errors;
      else if (s->kind == ast::StmtKind::Other)
        ++other;
      else
        ++parsed;
    }
    for (const auto& d : diags.items()) {
      ++by_code[d.code];
      if (samples.size() < 40) samples.push_back(d.render());
    }
  }
  std::printf("corpus: %zu files, %zu KB, %zu SQL*Plus commands\n", files, bytes / 1024, commands);
  std::printf("statements: %zu; parsed into typed nodes: %zu; recognised, not modelled: %zu; errors: %zu\n", statements,
              parsed, other, errors);
  std::printf("statements ended by end of file or a blank line instead of ; or /: %zu\n", unterminated);
  for (const auto& [code, n] : by_code) std::printf("  %s: %zu\n", code.c_str(), n);
  for (const auto& s : samples) std::printf("%s", s.c_str());
  EXPECT_GT(files, 0u);
  EXPECT_GT(statements, 0u);
}
