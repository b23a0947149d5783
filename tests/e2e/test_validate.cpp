// `orashift validate` and EnableValidation in `orashift load`, end to end on real engines:
// PostgreSQL → PostgreSQL, SQLite → PostgreSQL, oracle-files → DuckDB. Each load validates
// clean; then one target row is altered, one deleted and one inserted, and validation must
// report exactly one RECORD_DIFF, one MISSING_TARGET and one MISSING_SOURCE with their keys.
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <fstream>

#include "e2e_util.h"
#include "endpoints/factory.h"
#include "require_env.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

void pg_exec(const std::string& uri, const std::string& sql) {
  PGconn* c = PQconnectdb(uri.c_str());
  PGresult* r = PQexec(c, sql.c_str());
  std::string error = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK ? "" : PQerrorMessage(c);
  PQclear(r);
  PQfinish(c);
  ASSERT_EQ(error, "") << sql;
}

std::vector<json> read_failures(const fs::path& dir) {
  std::vector<json> out;
  std::ifstream f(dir / "validation_failures.jsonl");
  for (std::string line; std::getline(f, line);) out.push_back(json::parse(line));
  return out;
}

json table_stats(const fs::path& dir, const std::string& table) {
  json doc = e2e::read_json(dir / "validation.json");
  for (const auto& t : doc["tables"])
    if (t["TableName"] == table) return t;
  return json();
}

// FAILURE_TYPE → KEY for the failures of `table`; every type at most once.
std::map<std::string, std::string> failures_by_type(const fs::path& dir, const std::string& table) {
  std::map<std::string, std::string> out;
  for (const auto& f : read_failures(dir)) {
    if (f["TABLE_NAME"] != table) continue;
    EXPECT_FALSE(out.count(f["FAILURE_TYPE"])) << f.dump();
    out[f["FAILURE_TYPE"]] = f["KEY"];
  }
  return out;
}

const std::map<std::string, std::string> kExpected = {{"RECORD_DIFF", R"({"key":["42"]})"},
                                                      {"MISSING_TARGET", R"({"key":["43"]})"},
                                                      {"MISSING_SOURCE", R"({"key":["900001"]})"}};

constexpr const char* kValidateSettings = R"({"ValidationSettings":{"EnableValidation":true,"PartitionSize":1000}})";

}  // namespace

class Validate : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = e2e::temp_dir(std::string("validate-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    write(dir_ / "settings.json", kValidateSettings);
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(dir_);
  }
  e2e::RunResult load(const std::string& source, const std::string& target, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"load", "--source", source, "--target", target, "--out", (dir_ / "load").string(),
                                     "--settings", (dir_ / "settings.json").string(), "--no-progress"};
    args.insert(args.end(), extra.begin(), extra.end());
    return e2e::run_orashift(args);
  }
  e2e::RunResult validate(const std::string& source, const std::string& target, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"validate", "--source", source, "--target", target, "--out", (dir_ / "check").string(),
                                     "--settings", (dir_ / "settings.json").string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return e2e::run_orashift(args);
  }
  fs::path dir_;
};

TEST_F(Validate, PostgresToPostgres) {
  std::string src = e2e::fresh_pg_database("validate_src"), dst = e2e::fresh_pg_database("validate_dst");
  if (src.empty() || dst.empty()) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set or server unreachable";
  pg_exec(src,
          "CREATE TABLE items (id bigint PRIMARY KEY, amount numeric(14,4), ratio numeric(20,10), created timestamp,"
          " label text, code char(5), data bytea, qty integer);"
          "INSERT INTO items SELECT g, g * 1.2345, g / 7.0, timestamp '2001-01-01' + g * interval '1.5 second',"
          " CASE WHEN g % 5 = 0 THEN NULL WHEN g % 7 = 0 THEN '' ELSE 'label ' || g || E'\\t\\\\x' END, 'c' || g % 100,"
          " CASE WHEN g % 3 = 0 THEN NULL ELSE decode(md5(g::text), 'hex') END, CASE WHEN g % 4 = 0 THEN NULL ELSE g END"
          " FROM generate_series(1, 5000) g;"
          "CREATE TABLE nokey (a integer, b text); INSERT INTO nokey VALUES (1, 'x'), (2, NULL);");
  auto r = load(src, dst);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(table_stats(dir_ / "load", "items")["ValidationState"], "Validated") << r.output;
  EXPECT_EQ(table_stats(dir_ / "load", "items")["Partitions"], 5);
  EXPECT_EQ(table_stats(dir_ / "load", "items")["SourceChecksumsBy"], "sql");
  EXPECT_EQ(table_stats(dir_ / "load", "nokey")["ValidationState"], "No primary key");
  EXPECT_TRUE(read_failures(dir_ / "load").empty());

  pg_exec(dst, "UPDATE items SET label = 'changed' WHERE id = 42; DELETE FROM items WHERE id = 43;"
               " INSERT INTO items (id, amount) VALUES (900001, 1.5)");
  r = validate(src, dst, {"--stats-json", (dir_ / "stats.json").string()});
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_EQ(failures_by_type(dir_ / "check", "items"), kExpected) << r.output;
  json items = table_stats(dir_ / "check", "items");
  EXPECT_EQ(items["ValidationState"], "Mismatched records");
  EXPECT_EQ(items["ValidationFailedRecords"], 3);
  EXPECT_EQ(items["SourceRows"], 5000);
  EXPECT_EQ(items["TargetRows"], 5000);
  EXPECT_TRUE(fs::exists(dir_ / "stats.json"));
  // ValidationOnly: the load validates without preparing or loading, so the damage stays.
  write(dir_ / "settings.json", R"({"ValidationSettings":{"EnableValidation":true,"ValidationOnly":true}})");
  r = load(src, dst);
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_EQ(failures_by_type(dir_ / "load", "items"), kExpected) << r.output;
  EXPECT_EQ(table_stats(dir_ / "load", "items")["Partitions"], 1);  // PartitionSize: DMS's 10,000
  for (const auto& f : read_failures(dir_ / "check")) {
    if (f["FAILURE_TYPE"] != "RECORD_DIFF") continue;
    EXPECT_EQ(json::parse(f["DETAILS"].get<std::string>()),
              json::parse(R"([{"column":"label","source":"","target":"changed"}])"));  // 42 % 7 == 0: ''

  }
}

TEST_F(Validate, SqliteToPostgres) {
  std::string dst = e2e::fresh_pg_database("validate_sqlite");
  if (dst.empty()) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set or server unreachable";
  std::string file = (dir_ / "src.sqlite").string();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  char* err = nullptr;
  int rc = sqlite3_exec(db,
                        "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT, score DECIMAL(10,2), born DATETIME, photo BLOB);"
                        "WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < 3000)"
                        " INSERT INTO people SELECT x, CASE WHEN x % 5 = 0 THEN NULL ELSE 'name ' || x END, x * 0.25,"
                        " datetime('2020-01-01', '+' || x || ' minutes'), CASE WHEN x % 4 = 0 THEN NULL ELSE CAST('b' || x AS BLOB) END"
                        " FROM g;",
                        nullptr, nullptr, &err);
  std::string message = err ? err : "";
  sqlite3_free(err);
  sqlite3_close(db);
  ASSERT_EQ(rc, SQLITE_OK) << message;

  auto r = load("sqlite:" + file, dst);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(table_stats(dir_ / "load", "people")["ValidationState"], "Validated") << r.output;
  EXPECT_EQ(table_stats(dir_ / "load", "people")["SourceChecksumsBy"], "stream");

  pg_exec(dst, "UPDATE people SET score = 10.26 WHERE id = 42; DELETE FROM people WHERE id = 43;"
               " INSERT INTO people (id, name) VALUES (900001, 'new')");
  r = validate("sqlite:" + file, dst);
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_EQ(failures_by_type(dir_ / "check", "people"), kExpected) << r.output;
  EXPECT_EQ(table_stats(dir_ / "check", "people")["ValidationState"], "Mismatched records");
}

TEST_F(Validate, OracleFilesToDuckDb) {
  auto r = e2e::run_orashift({"sample", "sh", "--scale", "0.01", "--out", (dir_ / "src").string()});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string source = "oracle-files:" + (dir_ / "src").string();
  const std::string target = "duckdb:" + (dir_ / "t.duckdb").string();
  r = load(source, target, {"--source-schema", "SH"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  json customers = table_stats(dir_ / "load", "CUSTOMERS");
  EXPECT_EQ(customers["ValidationState"], "Validated") << r.output;
  EXPECT_EQ(customers["SourceChecksumsBy"], "stream");
  EXPECT_GT(customers["SourceRows"].get<uint64_t>(), 100u);
  EXPECT_EQ(table_stats(dir_ / "load", "TIMES")["ValidationState"], "Validated");
  EXPECT_TRUE(read_failures(dir_ / "load").empty());
  std::map<std::string, std::string> expected;
  {
    auto t = orashift::make_target(target);
    auto ids = t->query("SELECT CAST(cust_id AS BIGINT) FROM customers ORDER BY cust_id LIMIT 3").rows;
    ASSERT_EQ(ids.size(), 3u);
    const std::string a = *ids[0][0], b = *ids[1][0], c = *ids[2][0];
    t->execute("UPDATE customers SET cust_last_name = 'Changed' WHERE cust_id = " + a +
               "; DELETE FROM customers WHERE cust_id = " + b +
               "; INSERT INTO customers SELECT * REPLACE (900001 AS cust_id) FROM customers WHERE cust_id = " + c);
    expected = {{"RECORD_DIFF", R"({"key":[")" + a + R"("]})"},
                {"MISSING_TARGET", R"({"key":[")" + b + R"("]})"},
                {"MISSING_SOURCE", R"({"key":["900001"]})"}};
  }
  r = validate(source, target, {"--source-schema", "SH"});
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_EQ(failures_by_type(dir_ / "check", "CUSTOMERS"), expected) << r.output;
  EXPECT_EQ(table_stats(dir_ / "check", "CUSTOMERS")["ValidationState"], "Mismatched records");
  EXPECT_EQ(table_stats(dir_ / "check", "TIMES")["ValidationState"], "Validated");
}

TEST_F(Validate, TableFailureMaxCountSuspends) {
  auto r = e2e::run_orashift({"sample", "sh", "--scale", "0.01", "--out", (dir_ / "src").string()});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string source = "oracle-files:" + (dir_ / "src").string();
  const std::string target = "duckdb:" + (dir_ / "t.duckdb").string();
  r = load(source, target, {"--source-schema", "SH"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  orashift::make_target(target)->execute("DELETE FROM customers WHERE cust_id % 2 = 0");
  write(dir_ / "settings.json",
        R"({"ValidationSettings":{"EnableValidation":true,"PartitionSize":100,"TableFailureMaxCount":5}})");
  r = validate(source, target, {"--source-schema", "SH"});
  EXPECT_EQ(r.exit_code, 1) << r.output;
  json customers = table_stats(dir_ / "check", "CUSTOMERS");
  EXPECT_EQ(customers["ValidationFailedRecords"], 5);
  EXPECT_EQ(customers["ValidationState"], "Suspended records");
  EXPECT_GT(customers["ValidationSuspendedRecords"].get<uint64_t>(), 0u);
  auto failures = read_failures(dir_ / "check");
  ASSERT_EQ(failures.size(), 5u);
  for (const auto& f : failures) EXPECT_EQ(f["FAILURE_TYPE"], "MISSING_TARGET");
}

// A load with a source filter validates against the rows the filter selected: by a WHERE on a
// PostgreSQL source, by the filter itself on a streamed (SQLite) source.
TEST_F(Validate, SourceFilterIsHonoured) {
  std::string src = e2e::fresh_pg_database("validate_fsrc"), dst = e2e::fresh_pg_database("validate_fdst");
  std::string dst2 = e2e::fresh_pg_database("validate_fdst2");
  if (src.empty() || dst.empty() || dst2.empty()) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set or server unreachable";
  pg_exec(src, "CREATE TABLE things (id bigint PRIMARY KEY, name text);"
               "INSERT INTO things SELECT g, 'thing ' || g FROM generate_series(1, 3000) g");
  std::string file = (dir_ / "src.sqlite").string();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT);"
                         "WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < 3000)"
                         " INSERT INTO things SELECT x, 'thing ' || x FROM g;",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  write(dir_ / "mappings.json", R"({"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"t",
    "object-locator":{"schema-name":"%","table-name":"things"},"rule-action":"include",
    "filters":[{"filter-type":"source","column-name":"id","filter-conditions":[{"filter-operator":"lte","value":"1000"}]}]}]})");
  const std::string mappings = (dir_ / "mappings.json").string();
  for (const auto& [source, target, by] : {std::tuple{src, dst, "sql"}, std::tuple{"sqlite:" + file, dst2, "stream"}}) {
    auto r = load(source, target, {"--mappings", mappings});
    ASSERT_EQ(r.exit_code, 0) << r.output;
    json things = table_stats(dir_ / "load", "things");
    EXPECT_EQ(things["ValidationState"], "Validated") << r.output;
    EXPECT_EQ(things["SourceRows"], 1000);
    EXPECT_EQ(things["SourceChecksumsBy"], by);
    pg_exec(target, "DELETE FROM things WHERE id = 7");
    r = validate(source, target, {"--mappings", mappings});
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_EQ(failures_by_type(dir_ / "check", "things"),
              (std::map<std::string, std::string>{{"MISSING_TARGET", R"({"key":["7"]})"}}));
  }
}
