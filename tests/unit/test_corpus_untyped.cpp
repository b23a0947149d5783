// Every corpus statement that the parser does not read into a typed node is listed, with the
// reason, in tests/data/corpus/untyped_statements.tsv; this test fails when the set changes (a
// statement newly untyped is a regression; one newly typed means the list should shrink:
// ORASHIFT_UPDATE_GOLDEN=1 rewrites it). Reasons: the parser's own diagnostic for kinds it
// models but could not read; "not modelled" for kinds it does not parse yet; the notes below
// for statements that are not valid as written.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "common/text_encoding.h"
#include "sql/parser.h"
#include "require_env.h"

using namespace orashift;
using namespace orashift::sql;
namespace fs = std::filesystem;

namespace {

// Statements invalid as written, with the evidence.
std::string known_reason(const std::string& file, const std::string& kind, const std::string& diag) {
  if (file.find("alexandria-plsql-utils/demos/") != std::string::npos ||
      file.find("alexandria-plsql-utils/extras/as_pdf3_demo.sql") != std::string::npos)
    if (kind == "PL/SQL BLOCK")
      return "invalid as a SQL*Plus script: anonymous blocks follow each other without a '/' line, so SQL*Plus "
             "reads them as one block and Oracle rejects it (" + diag + "); the demos are meant to be run one "
             "block at a time from an IDE";
  if (kind == "CREATE" && file.find("utPLSQL") != std::string::npos)
    return "a keyword comes from a substitution variable (create &action_type. synonym ...): the statement's "
           "kind is only known once SQL*Plus substitutes it";
  return "";
}

}  // namespace

TEST(CorpusUntyped, EveryUntypedStatementIsListedWithItsReason) {
  fs::path root = fs::path(ORASHIFT_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (!fs::exists(root)) ORASHIFT_SKIP_OR_FAIL() << "corpus not found at " << root.string() << " (see ../shared/corpus/README.md)";
  const std::vector<std::string> exts = {".sql", ".pks", ".pkb", ".tps", ".tpb", ".trg", ".plsql"};
  std::vector<fs::path> paths;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    std::string ext = e.path().extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (std::find(exts.begin(), exts.end(), ext) != exts.end()) paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> rows;
  size_t statements = 0;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    std::string rel = fs::relative(p, root).generic_string();
    SourceFile file(rel, decode_source_text(buf.str()).utf8);
    Diagnostics diags;
    ParsedScript ps = parse_script(file, diags);
    for (const auto& s : ps.statements) {
      ++statements;
      if (s->kind != ast::StmtKind::Other && s->kind != ast::StmtKind::Invalid) continue;
      std::string diag;
      if (s->kind == ast::StmtKind::Other) {
        const auto& o = static_cast<const ast::OtherStatement&>(*s);
        if (o.unparsed) diag = "[" + o.unparsed->code + "] " + o.unparsed->message;
      }
      std::string reason = known_reason(rel, s->kind_name, diag);
      if (reason.empty()) reason = diag.empty() ? "not modelled yet: " + s->kind_name + " is kept as raw text" : diag;
      rows.push_back(rel + "\t" + std::to_string(s->span.line()) + "\t" + s->kind_name + "\t" + reason);
    }
  }
  fs::path list = fs::path(ORASHIFT_SOURCE_DIR) / "tests" / "data" / "corpus" / "untyped_statements.tsv";
  std::string header = "# file\tline\tkind\treason — written by test_corpus_untyped.cpp (ORASHIFT_UPDATE_GOLDEN=1)";
  if (std::getenv("ORASHIFT_UPDATE_GOLDEN")) {
    std::ofstream out(list);
    out << header << "\n";
    for (const auto& r : rows) out << r << "\n";
  }
  std::ifstream in(list);
  ASSERT_TRUE(in) << list << " missing (run with ORASHIFT_UPDATE_GOLDEN=1)";
  std::set<std::string> expected;
  std::string line;
  while (std::getline(in, line))
    if (!line.empty() && line[0] != '#') expected.insert(line);
  std::set<std::string> actual(rows.begin(), rows.end());
  for (const auto& r : actual) EXPECT_TRUE(expected.count(r)) << "newly untyped: " << r;
  for (const auto& r : expected) EXPECT_TRUE(actual.count(r)) << "no longer untyped (update the list): " << r;
  std::printf("untyped: %zu of %zu statements (%.2f %% typed)\n", rows.size(), statements,
              100.0 * static_cast<double>(statements - rows.size()) / static_cast<double>(statements));
}
