// The SQL rewriter over every query, view, INSERT and MERGE of ../shared/corpus, for the three
// targets: it must never crash or raise an undocumented code (ActionItems::add throws on one),
// and it prints how many statements convert without an item and the time taken.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "convert/sql_rewrite.h"
#include "sql/parser.h"

using namespace orashift;
namespace fs = std::filesystem;

TEST(SqlRewriteCorpus, EveryQueryConvertsOrIsFlagged) {
  fs::path root = fs::path(ORASHIFT_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (!fs::exists(root)) GTEST_SKIP() << "corpus not found at " << root.string();
  size_t statements = 0, clean = 0;
  std::map<std::string, size_t> codes;
  double seconds = 0;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file() || e.path().extension() != ".sql") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    SourceFile file(e.path().string(), buf.str());
    Diagnostics diags;
    sql::ParsedScript ps = sql::parse_script(file, diags);
    for (const auto& s : ps.statements) {
      const sql::ast::Statement* stmt = s.get();
      const sql::ast::Query* view_query = nullptr;
      if (s->kind == sql::ast::StmtKind::CreateView)
        view_query = static_cast<const sql::ast::CreateView&>(*s).query.get();
      else if (s->kind != sql::ast::StmtKind::Select && s->kind != sql::ast::StmtKind::Insert &&
               s->kind != sql::ast::StmtKind::Merge)
        continue;
      for (Dialect d : {Dialect::Postgres, Dialect::Redshift, Dialect::DuckDb}) {
        auto t0 = std::chrono::steady_clock::now();
        RewriteResult r;
        ASSERT_NO_THROW(r = view_query ? convert_query(*view_query, d, RewriteContext{})
                                       : convert_statement(*stmt, d, RewriteContext{}))
            << s->span.location();
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        EXPECT_FALSE(r.sql.empty()) << s->span.location();
        ++statements;
        clean += r.items.items().empty();
        for (const auto& i : r.items.items()) ++codes[i.kind->code];
      }
    }
  }
  std::printf("rewriter over the corpus: %zu statement conversions (3 targets), %zu without an item, %.3f s\n",
              statements, clean, seconds);
  for (const auto& [c, n] : codes) std::printf("  %s %zu\n", c.c_str(), n);
  EXPECT_GT(statements, 0u);
}
