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
#include "convert/sql_rewrite.h"
#include "sql/parser.h"
#include "convert/type_refinement.h"
#include "dialect/ddl_generator.h"
#include "e2e_util.h"
#include "sql_engines.h"
#include "require_env.h"

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
    if (uri.empty()) ORASHIFT_SKIP_OR_FAIL() << "no PostgreSQL test server (ORASHIFT_TEST_PG)";
    Pg db(uri);
    ASSERT_TRUE(db.ok());
    checks += run_case(db, dir, Dialect::Postgres);
  }
  EXPECT_GE(checks, 15);
}

namespace {

// Converts each statement of `oracle_sql` (one per ';') and runs it.
void run_converted(Engine& db, const std::string& oracle_sql, Dialect d) {
  SourceFile file("dml.sql", oracle_sql);
  Diagnostics diags;
  sql::ParsedScript p = sql::parse_script(file, diags);
  ASSERT_EQ(diags.error_count(), 0u);
  for (const auto& st : p.statements) {
    RewriteResult r = convert_statement(*st, d, RewriteContext{});
    ASSERT_TRUE(r.convertible) << r.sql;
    EXPECT_EQ(db.exec(r.sql), "") << r.sql;
  }
}

void dml_case(Engine& db, Dialect d) {
  fs::path dir = fs::path(ORASHIFT_SOURCE_DIR) / "tests" / "golden" / "view_decode_nvl";
  ConvertedSchema s = convert(dir / "input.sql", d);
  for (const auto& o : s.objects) {
    if (o.kind == "TABLE") {
      ASSERT_EQ(db.exec(o.sql), "") << o.sql;
    }
  }
  ASSERT_EQ(db.exec(read(dir / "data.sql")), "");
  ASSERT_EQ(db.exec("CREATE TABLE rich (empno INTEGER); CREATE TABLE others (empno INTEGER);"), "");
  run_converted(db,
                "INSERT FIRST WHEN sal >= 3000 THEN INTO rich (empno) VALUES (empno) "
                "ELSE INTO others (empno) VALUES (empno) SELECT empno, sal FROM emp;\n"
                "MERGE INTO dept d USING emp e ON (d.deptno = e.empno) "
                "WHEN MATCHED THEN UPDATE SET d.loc = 'X' "
                "WHEN NOT MATCHED THEN INSERT (deptno, dname) VALUES (e.empno, e.ename);\n"
                "MERGE INTO emp e USING dept d ON (e.deptno = d.deptno AND d.deptno < 100) "
                "WHEN MATCHED THEN UPDATE SET e.comm = NVL(e.comm, 0) + 1 WHERE d.dname = 'SALES';\n",
                d);
  std::string rows;
  ASSERT_EQ(db.query("SELECT (SELECT COUNT(*) FROM rich), (SELECT COUNT(*) FROM others), (SELECT COUNT(*) FROM dept), "
                     "(SELECT CAST(SUM(comm) AS INTEGER) FROM emp)",
                     rows),
            "");
  // KING, SCOTT, FORD earn >= 3000; the MERGE adds the 11 employees as departments; the SALES
  // staff (4) get comm + 1: 300 + 500 + 0 + NULL → 301 + 501 + 1 + 1.
  EXPECT_EQ(rows, "3|8|15|804");
}

}  // namespace

TEST(ViewRewrites, InsertFirstAndMergeRunOnDuckDb) {
  fs::path file = e2e::temp_dir("dml_rewrites") / "dml.duckdb";
  Duck db(file.string());
  dml_case(db, Dialect::DuckDb);
}

TEST(ViewRewrites, InsertFirstAndMergeRunOnPostgres) {
  std::string uri = e2e::fresh_pg_database("dml_rewrites");
  if (uri.empty()) ORASHIFT_SKIP_OR_FAIL() << "no PostgreSQL test server (ORASHIFT_TEST_PG)";
  Pg db(uri);
  ASSERT_TRUE(db.ok());
  dml_case(db, Dialect::Postgres);
}

namespace {

// DML with Oracle's implicit conversions (issue 17): text into NUMBER and DATE columns, a CHAR
// flag compared with a number. Converted with the catalog of the golden case implicit_conversions,
// then run on the engine over that case's schema and data.
void implicit_dml_case(Engine& db, Dialect d) {
  fs::path dir = fs::path(ORASHIFT_SOURCE_DIR) / "tests" / "golden" / "implicit_conversions";
  DdlLoad ddl = load_ddl({(dir / "input.sql").string()});
  ConvertedSchema s = convert(dir / "input.sql", d);
  for (const auto& o : s.objects)
    if (o.kind == "TABLE") {
      ASSERT_EQ(db.exec(o.sql), "") << o.sql;
    }
  ASSERT_EQ(db.exec(read(dir / "data.sql")), "");
  SourceFile file("dml.sql",
                  "INSERT INTO flags (id, active, code, qty, created) VALUES ('6', 1, '50', '2.5', '03-FEB-21');\n"
                  "UPDATE flags SET qty = code WHERE active = 0 AND code BETWEEN 1 AND 99;\n");
  Diagnostics diags;
  sql::ParsedScript p = sql::parse_script(file, diags);
  ASSERT_EQ(diags.error_count(), 0u);
  RewriteContext ctx;
  ctx.catalog = &ddl.catalog;
  ctx.object = "SCRIPT";
  int casts = 0;
  for (const auto& st : p.statements) {
    RewriteResult r = convert_statement(*st, d, ctx);
    ASSERT_TRUE(r.convertible) << r.sql;
    for (const auto& i : r.items.items()) casts += std::string(i.kind->code) == "OS4015" || std::string(i.kind->code) == "OS4016";
    EXPECT_EQ(db.exec(r.sql), "") << r.sql;
  }
  EXPECT_EQ(casts, 6);  // '6' '2.5' '03-FEB-21'; qty = code, active = 0, code BETWEEN (the operand once)
  std::string rows;
  ASSERT_EQ(db.query("SELECT id, CAST(qty * 10 AS INTEGER), CAST(created AS VARCHAR) FROM flags "
                     "WHERE id IN (2, 4, 5, 6) ORDER BY id",
                     rows),
            "");
  // Oracle: the flags '0' (ids 2, 4, 5) take their code as quantity (' 42' is 42); row 6 as inserted.
  EXPECT_EQ(rows, "2|420|1984-12-31 00:00:00;4|200|2021-02-03 00:00:00;5|300|2020-01-01 00:00:00;"
                  "6|25|2021-02-03 00:00:00");
}

}  // namespace

TEST(ViewRewrites, ImplicitConversionDmlRunsOnDuckDb) {
  fs::path file = e2e::temp_dir("implicit_dml") / "dml.duckdb";
  fs::remove(file);
  Duck db(file.string());
  implicit_dml_case(db, Dialect::DuckDb);
}

TEST(ViewRewrites, ImplicitConversionDmlRunsOnPostgres) {
  std::string uri = e2e::fresh_pg_database("implicit_dml");
  if (uri.empty()) ORASHIFT_SKIP_OR_FAIL() << "no PostgreSQL test server (ORASHIFT_TEST_PG)";
  Pg db(uri);
  ASSERT_TRUE(db.ok());
  implicit_dml_case(db, Dialect::Postgres);
}
