// The golden view cases are executed, not just printed: for every tests/golden/<case> with a
// checks.txt, the PostgreSQL output runs on the test server and the DuckDB output in a DuckDB
// file (tables first, then data.sql, then keys and views), and each check query must return
// the known answer (Q: query / A: rows joined by ';', columns by '|', NULL as NULL).
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "convert/ddl_loader.h"
#include "convert/type_refinement.h"
#include "dialect/ddl_generator.h"
#include "e2e_util.h"
#include "sql_engines.h"

using namespace orashift;
using e2e::Duck;
using e2e::Engine;
using e2e::Pg;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

struct Check {
  std::string query, answer;
};

std::vector<Check> read_checks(const fs::path& p) {
  std::vector<Check> out;
  std::istringstream in(read(p));
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("Q: ", 0) == 0) out.push_back({line.substr(3), ""});
    if (line.rfind("A: ", 0) == 0 && !out.empty()) out.back().answer = line.substr(3);
  }
  return out;
}

bool skipped(const ConvertedObject& o) { return o.sql.rfind("-- not converted", 0) == 0; }

ConvertedSchema convert(const fs::path& input, Dialect d) {
  DdlLoad ddl = load_ddl({input.string()});
  EXPECT_EQ(ddl.diagnostics.error_count(), 0u);
  ActionItems items;
  ConvertOptions opt;
  opt.dialect = d;
  refine_key_types(ddl.catalog, d, items);
  return generate_ddl(ddl.catalog, opt, items);
}

// Applies the case's schema and data, then runs its checks; returns how many checks ran.
int run_case(Engine& db, const fs::path& dir, Dialect d) {
  ConvertedSchema s = convert(dir / "input.sql", d);
  std::string where = dir.filename().string() + " on " + dialect_name(d);
  for (ApplyPhase phase : {ApplyPhase::BeforeLoad, ApplyPhase::AfterLoad}) {
    if (phase == ApplyPhase::AfterLoad) {
      std::string e = db.exec(read(dir / "data.sql"));
      EXPECT_EQ(e, "") << where << ": data.sql";
    }
    for (const auto& o : s.objects) {
      if (o.phase != phase || skipped(o)) continue;
      std::string e = db.exec(o.sql);
      EXPECT_EQ(e, "") << where << ": " << o.kind << " " << o.name << "\n" << o.sql;
    }
  }
  int n = 0;
  for (const auto& c : read_checks(dir / "checks.txt")) {
    std::string rows;
    std::string e = db.query(c.query, rows);
    EXPECT_EQ(e, "") << where << ": " << c.query;
    EXPECT_EQ(rows, c.answer) << where << ": " << c.query;
    ++n;
  }
  return n;
}

std::vector<fs::path> cases() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(ORASHIFT_SOURCE_DIR) / "tests" / "golden"))
    if (fs::exists(e.path() / "checks.txt")) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST(ViewRewrites, DuckDbAnswersMatchOracle) {
  int checks = 0;
  for (const auto& dir : cases()) {
    fs::path file = e2e::temp_dir("view_rewrites") / (dir.filename().string() + ".duckdb");
    fs::remove(file);
    Duck db(file.string());
    checks += run_case(db, dir, Dialect::DuckDb);
  }
  EXPECT_GE(checks, 15);
}

TEST(ViewRewrites, PostgresAnswersMatchOracle) {
  int checks = 0;
  for (const auto& dir : cases()) {
    std::string uri = e2e::fresh_pg_database("views_" + dir.filename().string());
    if (uri.empty()) GTEST_SKIP() << "no PostgreSQL test server (ORASHIFT_TEST_PG)";
    Pg db(uri);
    ASSERT_TRUE(db.ok());
    checks += run_case(db, dir, Dialect::Postgres);
  }
  EXPECT_GE(checks, 15);
}
