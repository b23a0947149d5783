// Real install layouts (issue 17): a main script running files of every extension from
// subfolders (`@setup`, `@schema/orders.tab;`, `@@orders.con`, `START views/x.vw`, a package body
// without its `/`), a CONNECT and an ALTER SESSION SET CURRENT_SCHEMA; migrated into real DuckDB
// and PostgreSQL. And a folder with no table in it: an error that says what was looked for.
#include <gtest/gtest.h>

#include <fstream>

#include "e2e_util.h"
#include "require_env.h"
#include "sql_engines.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const fs::path kLayout = fs::path(ORASHIFT_SOURCE_DIR) / "tests/data/install_layout";

std::map<std::string, int64_t> loaded_rows(const json& report) {
  std::map<std::string, int64_t> out;
  for (const auto& t : report["load"]["tables"]) out[t["table"].get<std::string>()] += t["rows_loaded"].get<int64_t>();
  return out;
}

void migrate_install_layout(const std::string& target, e2e::Engine& engine, const fs::path& out) {
  auto r = e2e::run_orashift({"migrate", "--source", "oracle-files:" + kLayout.string(), "--target", target, "--out",
                              out.string(), "--no-progress"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  // Both PL/SQL units written without their '/' are read, each with a located warning.
  EXPECT_NE(r.output.find("order_api.pkb:8:1: warning [P0005]"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("order_api.pkb:15:1: warning [P0005]"), std::string::npos) << r.output;
  json report = e2e::read_json(out / "report" / "report.json");
  EXPECT_EQ(loaded_rows(report), (std::map<std::string, int64_t>{
                                     {"INSTALL_CONFIG", 1}, {"CUSTOMERS", 2}, {"ORDERS", 4}, {"AUDIT_LOG", 1}}));
  std::string rows;
  // The view from views/order_totals.vw, over the rows of data/populate.sql and data/more_orders.sql.
  ASSERT_EQ(engine.query("SELECT customer_id, name, CAST(total AS VARCHAR) FROM order_totals ORDER BY 1", rows), "");
  EXPECT_EQ(rows, "1|Ada|14.75;2|Grace|100.99");
  rows.clear();
  // orders.con (run with @@ from schema/) made the foreign key: a row without its customer fails.
  EXPECT_NE(engine.exec("INSERT INTO orders (order_id, customer_id) VALUES (999, 42)"), "");
  ASSERT_EQ(engine.query("SELECT MIN(order_id), MAX(order_id) FROM orders", rows), "");
  EXPECT_EQ(rows, "100|103");  // order_seq.seq: START WITH 100
}

}  // namespace

TEST(InstallScripts, MultiFileLayoutMigratesIntoDuckDb) {
  fs::path dir = e2e::temp_dir("install-duck");
  std::string file = (dir / "t.duckdb").string();
  {
    auto r = e2e::run_orashift({"migrate", "--source", "oracle-files:" + kLayout.string(), "--target", "duckdb:" + file,
                                "--out", (dir / "out").string(), "--no-progress"});
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("order_api.pkb:8:1: warning [P0005]"), std::string::npos) << r.output;
  }
  e2e::Duck duck(file);
  std::string rows;
  ASSERT_EQ(duck.query("SELECT customer_id, name, CAST(total AS VARCHAR) FROM order_totals ORDER BY 1", rows), "");
  EXPECT_EQ(rows, "1|Ada|14.75;2|Grace|100.99");
  rows.clear();
  ASSERT_EQ(duck.query("SELECT MIN(order_id), MAX(order_id), COUNT(*) FROM orders", rows), "");
  EXPECT_EQ(rows, "100|103|4");  // order_seq.seq: START WITH 100 (DuckDB creates no foreign key: OS2003)
  json report = e2e::read_json(dir / "out" / "report" / "report.json");
  EXPECT_EQ(loaded_rows(report), (std::map<std::string, int64_t>{
                                     {"INSTALL_CONFIG", 1}, {"CUSTOMERS", 2}, {"ORDERS", 4}, {"AUDIT_LOG", 1}}));
  fs::remove_all(dir);
}

TEST(InstallScripts, MultiFileLayoutMigratesIntoPostgres) {
  std::string pg = e2e::fresh_pg_database("install");
  if (pg.empty()) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set or not reachable";
  fs::path dir = e2e::temp_dir("install-pg");
  e2e::Pg engine(pg);
  ASSERT_TRUE(engine.ok());
  migrate_install_layout(pg, engine, dir / "out");
  if (!HasFailure()) fs::remove_all(dir);
}

// The schema CONNECT and ALTER SESSION gave each table is the one DMS selection rules see.
TEST(InstallScripts, SelectionRulesSeeTheSchemaTheScriptsCreatedTablesIn) {
  fs::path dir = e2e::temp_dir("install-rules");
  {
    std::ofstream m(dir / "mappings.json");
    m << R"({"rules": [{"rule-type": "selection", "rule-id": "1", "rule-name": "shop", "rule-action": "include",
             "object-locator": {"schema-name": "SHOP", "table-name": "%"}}]})";
  }
  auto r = e2e::run_orashift({"load", "--source", "oracle-files:" + kLayout.string(), "--target",
                              "duckdb:" + (dir / "t.duckdb").string(), "--out", (dir / "out").string(), "--mappings",
                              (dir / "mappings.json").string(), "--stats-json", (dir / "stats.json").string(),
                              "--no-progress"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::set<std::string> tables;
  json stats = e2e::read_json(dir / "stats.json");
  for (const auto& t : stats["tables"]) tables.insert(t["TableName"].get<std::string>());
  EXPECT_EQ(tables, (std::set<std::string>{"CUSTOMERS", "ORDERS"})) << r.output;
  if (!HasFailure()) fs::remove_all(dir);
}

TEST(InstallScripts, ParseFollowsTheInstallWithSqlPlusRules) {
  auto r = e2e::run_orashift({"parse", "--json", "--follow-includes", (kLayout / "install.sql").string()});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  json j = json::parse(r.output.substr(r.output.find('{')));
  EXPECT_EQ(j["files"], 12);
  EXPECT_EQ(j["included_files"], 11);
  EXPECT_EQ(j["failed"], 0);
  // A folder walk reads the code extensions too: .tab .con .seq .vw .pks .pkb (+ the .sql).
  auto w = e2e::run_orashift({"parse", "--json", kLayout.string()});
  json k = json::parse(w.output.substr(w.output.find('{')));
  EXPECT_EQ(k["files"], 12) << w.output;
}

TEST(InstallScripts, AFolderWithoutTablesIsAnErrorThatSaysWhatWasLookedFor) {
  fs::path dir = e2e::temp_dir("install-empty");
  fs::create_directories(dir / "src");
  std::ofstream(dir / "src" / "README.txt") << "nothing here\n";
  std::ofstream(dir / "src" / "notes.sql") << "SELECT 1 FROM dual;\n";
  for (const char* cmd : {"migrate", "load"}) {
    auto r = e2e::run_orashift({cmd, "--source", "oracle-files:" + (dir / "src").string(), "--target",
                                "duckdb:" + (dir / "t.duckdb").string(), "--out", (dir / "out").string(), "--no-progress"});
    EXPECT_EQ(r.exit_code, 1) << cmd << "\n" << r.output;
    EXPECT_NE(r.output.find("error: no table found in oracle-files:"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("looked for: tables created by the DDL scripts"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("found: 2 file(s) (1 .sql, 1 .txt)"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("scripts read: 1 (notes.sql), 1 statement(s)"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("OK"), std::string::npos) << r.output;
  }
  auto c = e2e::run_orashift({"convert", "--source", "oracle-files:" + (dir / "src").string(), "--target", "postgres",
                              "--out", (dir / "conv").string()});
  EXPECT_EQ(c.exit_code, 1) << c.output;
  EXPECT_NE(c.output.find("nor any other schema object"), std::string::npos) << c.output;
  fs::remove_all(dir);
}

// An Oracle 23ai script: multi-row VALUES loaded row by row (a row Oracle would refuse is its own
// reject record, at its own line), BOOLEAN values, DEFAULT ON NULL, SELECT without FROM.
TEST(InstallScripts, Oracle23aiScriptIntoDuckDbAndPostgres) {
  const fs::path src = fs::path(ORASHIFT_SOURCE_DIR) / "tests/data/oracle23ai";
  fs::path dir = e2e::temp_dir("install-23ai");
  std::vector<std::pair<std::string, std::unique_ptr<e2e::Engine>>> targets;
  std::string pg = e2e::fresh_pg_database("ora23ai");
  std::vector<std::string> urls = {"duckdb:" + (dir / "t.duckdb").string()};
  if (!pg.empty()) urls.push_back(pg);
  for (size_t i = 0; i < urls.size(); ++i) {
    fs::path out = dir / ("out" + std::to_string(i));
    auto r = e2e::run_orashift({"migrate", "--source", "oracle-files:" + src.string(), "--target", urls[i], "--out",
                                out.string(), "--no-progress"});
    ASSERT_EQ(r.exit_code, 3) << r.output;  // verified, with a rejected row
    json report = e2e::read_json(out / "report" / "report.json");
    EXPECT_EQ(loaded_rows(report), (std::map<std::string, int64_t>{{"TASKS", 4}, {"PEOPLE", 2}}));
    std::ifstream rej(out / "rejects" / "TASKS.rejects.jsonl");
    std::string line;
    ASSERT_TRUE(std::getline(rej, line));
    json j = json::parse(line);
    EXPECT_EQ(j["line"], 5) << line;
    EXPECT_EQ(j["record"], "(4, NULL, FALSE, 2)") << line;
    EXPECT_FALSE(std::getline(rej, line));
    std::unique_ptr<e2e::Engine> engine;
    if (i == 0) engine = std::make_unique<e2e::Duck>((dir / "t.duckdb").string());
    else engine = std::make_unique<e2e::Pg>(pg);
    std::string rows;
    ASSERT_EQ(engine->query("SELECT task_id, done, priority FROM tasks ORDER BY 1", rows), "");
    EXPECT_EQ(rows, i == 0 ? "1|true|1;2|false|3;3|false|2;5|NULL|5" : "1|t|1;2|f|3;3|f|2;5|NULL|5") << urls[i];
    rows.clear();
    ASSERT_EQ(engine->query("SELECT count(*) FROM today", rows), "");
    EXPECT_EQ(rows, "1");
  }
  if (pg.empty()) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set: checked on DuckDB only";
  fs::remove_all(dir);
}
