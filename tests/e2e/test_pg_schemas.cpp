// A PostgreSQL source with tables in several schemas (issue 17, point 6), end to end on real
// engines: `public` and `sales` both hold a table `orders` (different rows, different columns),
// `sales` also a partitioned table, and a mixed-case schema `Audit` a mixed-case table. DMS
// selection rules pick `public` only, `sales` only or `%`; the tables land in the target schema
// of the source schema's name (DMS's rule) or the one a rename-schema rule gives, on DuckDB and
// PostgreSQL targets; `validate` and `migrate` (no task) read every schema the same way.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <fstream>
#include <set>

#include "e2e_util.h"
#include "endpoints/factory.h"
#include "endpoints/postgres/postgres_source.h"
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

// Row counts per source table: public.orders 3, sales.orders 5, sales.regions 2,
// sales.events 4 (two partitions), "Audit"."Log" 1.
constexpr const char* kSourceSql = R"(
CREATE SCHEMA sales;
CREATE SCHEMA "Audit";
CREATE TABLE public.orders (id integer PRIMARY KEY, note varchar(20));
INSERT INTO public.orders SELECT g, 'public ' || g FROM generate_series(1, 3) g;
CREATE TABLE sales.orders (id integer PRIMARY KEY, amount numeric(10,2), region varchar(4));
INSERT INTO sales.orders SELECT g, g * 1.5, 'R' || (g % 2) FROM generate_series(101, 105) g;
CREATE TABLE sales.regions (code varchar(4) PRIMARY KEY);
INSERT INTO sales.regions VALUES ('R0'), ('R1');
CREATE TABLE sales.events (id integer, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE sales.events_2024 PARTITION OF sales.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE sales.events_2025 PARTITION OF sales.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
INSERT INTO sales.events VALUES (1, '2024-03-01'), (2, '2024-07-01'), (3, '2025-02-01'), (4, '2025-09-09');
CREATE TABLE "Audit"."Log" (id integer PRIMARY KEY);
INSERT INTO "Audit"."Log" VALUES (7);
ANALYZE;
)";

std::string selection(const std::string& schema) {
  return R"({"rule-type":"selection","rule-id":"1","rule-name":"pick","object-locator":{"schema-name":")" + schema +
         R"(","table-name":"%"},"rule-action":"include"})";
}

std::string mappings(const std::vector<std::string>& rules) {
  std::string out = R"({"rules":[)";
  for (size_t i = 0; i < rules.size(); ++i) out += (i ? "," : "") + rules[i];
  return out + "]}";
}

constexpr const char* kRenameSales =
    R"({"rule-type":"transformation","rule-id":"2","rule-name":"ren","rule-target":"schema","object-locator":)"
    R"({"schema-name":"sales"},"rule-action":"rename","value":"shop"})";

}  // namespace

class PgSchemas : public ::testing::TestWithParam<std::string> {
protected:
  void SetUp() override {
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    for (char& c : name)
      if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    dir_ = e2e::temp_dir("pg-schemas-" + name);
    source_ = e2e::fresh_pg_database("sch_src");
    if (source_.empty()) return;
    pg_exec(source_, kSourceSql);
    if (GetParam() == "postgres") {
      target_ = e2e::fresh_pg_database("sch_dst");
    } else {
      target_ = "duckdb:" + (dir_ / "t.duckdb").string();
    }
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(dir_);
  }
  bool ready() const { return !source_.empty() && !target_.empty(); }

  e2e::RunResult load(const std::string& mapping_json, std::vector<std::string> extra = {}) {
    write(dir_ / "mappings.json", mapping_json);
    std::vector<std::string> args = {"load", "--source", source_, "--target", target_, "--out", (dir_ / "out").string(),
                                     "--mappings", (dir_ / "mappings.json").string(), "--no-progress",
                                     "--stats-json", (dir_ / "stats.json").string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return e2e::run_orashift(args);
  }

  // Rows of schema.table on the target, or -1 when there is no such table.
  long long rows(const std::string& schema, const std::string& table) {
    auto t = orashift::make_target(target_);
    auto exists = t->query("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '" + schema +
                           "' AND table_name = '" + table + "'");
    if (exists.rows.at(0).at(0).value_or("0") == "0") return -1;
    auto r = t->query("SELECT COUNT(*) FROM \"" + schema + "\".\"" + table + "\"");
    return std::stoll(r.rows.at(0).at(0).value_or("-2"));
  }
  // Tables on the target outside the system schemas, as schema.table.
  std::set<std::string> target_tables() {
    auto t = orashift::make_target(target_);
    auto r = t->query("SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
                      "AND table_schema NOT IN ('pg_catalog', 'information_schema')");
    std::set<std::string> out;
    for (const auto& row : r.rows) out.insert(row.at(0).value_or(""));
    return out;
  }

  fs::path dir_;
  std::string source_, target_;
};

// What does not depend on the target runs once.
class PgSchemasSource : public PgSchemas {};

// The catalog: every non-system schema, tables carrying their schema, the same name twice;
// only_schema() sees one schema, with its partitions and row statistics.
TEST_P(PgSchemasSource, CatalogListsEverySchemaWithItsTables) {
  if (!ready()) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set or server unreachable";
  orashift::PostgresSource all(source_);
  EXPECT_EQ(all.schemas(), (std::vector<std::string>{"Audit", "public", "sales"}));
  std::multiset<std::string> names;
  for (const auto& t : all.catalog().tables) names.insert(t.schema + "." + t.name);
  EXPECT_EQ(names, (std::multiset<std::string>{"Audit.Log", "public.orders", "sales.events", "sales.orders", "sales.regions"}));
  auto sales = all.only_schema("sales");
  ASSERT_TRUE(sales);
  const auto* orders = sales->catalog().find_table("orders");
  ASSERT_NE(orders, nullptr);
  EXPECT_EQ(orders->schema, "sales");
  EXPECT_EQ(orders->columns.size(), 3u);  // id, amount, region: not public.orders' two
  ASSERT_NE(orders->primary_key(), nullptr);
  EXPECT_EQ(sales->catalog().find_table("events")->partitioning.partitions.size(), 2u);
  EXPECT_EQ(sales->row_estimates().at("orders"), 5u);
  EXPECT_EQ(sales->row_estimates().at("events"), 4u);
  auto pub = all.only_schema("public");
  EXPECT_EQ(pub->catalog().tables.size(), 1u);
  EXPECT_EQ(pub->catalog().tables.at(0).columns.size(), 2u);
}

TEST_P(PgSchemas, PublicOnlyRuleLoadsPublicIntoPublic) {
  if (!ready()) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set or server unreachable";
  auto r = load(mappings({selection("public")}));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(rows("public", "orders"), 3);
  EXPECT_EQ(target_tables(), (std::set<std::string>{"public.orders"}));
  json stats = e2e::read_json(dir_ / "stats.json");
  ASSERT_EQ(stats["tables"].size(), 1u);
  EXPECT_EQ(stats["tables"][0]["TableName"], "orders");
  EXPECT_EQ(stats["tables"][0]["FullLoadRows"], 3);
}

TEST_P(PgSchemas, OtherSchemaRuleLoadsOnlyThatSchema) {
  if (!ready()) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set or server unreachable";
  auto r = load(mappings({selection("sales")}));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(rows("sales", "orders"), 5);
  EXPECT_EQ(rows("sales", "regions"), 2);
  EXPECT_EQ(rows("sales", "events"), 4);
  EXPECT_EQ(rows("public", "orders"), -1);
  EXPECT_EQ(target_tables().count("public.orders"), 0u);
  // The amounts are sales.orders' own (public.orders has no such column).
  auto t = orashift::make_target(target_);
  EXPECT_EQ(t->query("SELECT SUM(amount) FROM sales.orders").rows.at(0).at(0).value_or(""), "772.50");
}

TEST_P(PgSchemas, WildcardLoadsEverySchemaIntoItsOwn) {
  if (!ready()) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set or server unreachable";
  auto r = load(mappings({selection("%")}));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(rows("public", "orders"), 3);
  EXPECT_EQ(rows("sales", "orders"), 5);
  EXPECT_EQ(rows("sales", "regions"), 2);
  EXPECT_EQ(rows("sales", "events"), 4);
  EXPECT_EQ(rows("Audit", "Log"), 1);
  // Each schema's DDL, rejects and resume state under OUT/<schema>; tables named schema.table.
  // (a finished load keeps its state as task-state.done.jsonl).
  EXPECT_TRUE(fs::exists(dir_ / "out" / "sales" / "task-state.done.jsonl"));
  EXPECT_TRUE(fs::exists(dir_ / "out" / "public" / "task-state.done.jsonl"));
  EXPECT_TRUE(fs::exists(dir_ / "out" / "sales" / (GetParam() == "duckdb" ? "duckdb" : "postgres") / "002_table_orders.sql"));
  std::map<std::string, long long> loaded;
  const json stats = e2e::read_json(dir_ / "stats.json");
  for (const auto& t : stats["tables"]) loaded[t["TableName"].get<std::string>()] = t["FullLoadRows"].get<long long>();
  EXPECT_EQ(loaded, (std::map<std::string, long long>{
                        {"Audit.Log", 1}, {"public.orders", 3}, {"sales.events", 4}, {"sales.orders", 5}, {"sales.regions", 2}}));
  EXPECT_NE(r.output.find("source schema \"sales\": 3 tables"), std::string::npos) << r.output;
}

TEST_P(PgSchemas, RenameSchemaRuleNamesTheTargetSchema) {
  if (!ready()) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set or server unreachable";
  auto r = load(mappings({selection("%"), kRenameSales}));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(rows("shop", "orders"), 5);
  EXPECT_EQ(rows("shop", "events"), 4);
  EXPECT_EQ(rows("sales", "orders"), -1);
  EXPECT_EQ(rows("public", "orders"), 3);  // not renamed: its own name
}

TEST_P(PgSchemas, TargetSchemaSettingTakesOneSchema) {
  if (!ready()) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set or server unreachable";
  write(dir_ / "settings.json", R"({"TargetMetadata":{"TargetSchema":"dw"}})");
  auto r = load(mappings({selection("sales")}), {"--settings", (dir_ / "settings.json").string()});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(rows("dw", "orders"), 5);
  EXPECT_EQ(rows("dw", "regions"), 2);
  EXPECT_EQ(rows("sales", "orders"), -1);
  // Two source schemas into one target schema would put two `orders` in it: refused, as DMS would.
  auto both = load(mappings({selection("%")}), {"--settings", (dir_ / "settings.json").string()});
  EXPECT_EQ(both.exit_code, 2) << both.output;
  EXPECT_NE(both.output.find("both map to target table dw.orders"), std::string::npos) << both.output;
}

TEST_P(PgSchemas, ValidateReadsEachSchema) {
  if (!ready()) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set or server unreachable";
  auto r = load(mappings({selection("%")}));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  write(dir_ / "validate.json", R"({"ValidationSettings":{"EnableValidation":true,"PartitionSize":1000}})");
  std::vector<std::string> args = {"validate", "--source", source_, "--target", target_, "--out", (dir_ / "check").string(),
                                   "--mappings", (dir_ / "mappings.json").string(), "--settings",
                                   (dir_ / "validate.json").string()};
  auto ok = e2e::run_orashift(args);
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  // One changed row in sales.orders (public.orders has the same name): only the sales schema
  // reports it, with its key.
  orashift::make_target(target_)->execute("UPDATE sales.orders SET amount = 0 WHERE id = 103");  // closed again: DuckDB has one writer
  auto bad = e2e::run_orashift(args);
  EXPECT_EQ(bad.exit_code, 1) << bad.output;
  std::ifstream f(dir_ / "check" / "sales" / "validation_failures.jsonl");
  std::string line, all;
  int failures = 0;
  while (std::getline(f, line)) ++failures, all += line;
  EXPECT_EQ(failures, 1) << all;
  EXPECT_NE(all.find("103"), std::string::npos) << all;
  EXPECT_FALSE(fs::exists(dir_ / "check" / "public" / "validation_failures.jsonl") &&
               fs::file_size(dir_ / "check" / "public" / "validation_failures.jsonl") > 0);
}

// Without a task: every non-system schema, each into the target schema of its name.
TEST_P(PgSchemas, MigrateWithoutTaskTakesEverySchema) {
  if (!ready()) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set or server unreachable";
  auto r = e2e::run_orashift({"migrate", "--source", source_, "--target", target_, "--out", (dir_ / "mig").string(),
                              "--no-progress"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(rows("public", "orders"), 3);
  EXPECT_EQ(rows("sales", "orders"), 5);
  EXPECT_EQ(rows("sales", "regions"), 2);
  EXPECT_EQ(rows("sales", "events"), 4);
  EXPECT_EQ(rows("Audit", "Log"), 1);
  EXPECT_NE(r.output.find("15 rows loaded"), std::string::npos) << r.output;
  EXPECT_TRUE(fs::exists(dir_ / "mig" / "sales" / "report" / "report.html"));
}

// convert: one DDL folder per schema, each with its own `orders`.
TEST_P(PgSchemasSource, ConvertWritesEachSchemaApart) {
  if (!ready()) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set or server unreachable";
  auto r = e2e::run_orashift({"convert", "--source", source_, "--target", "postgres", "--out", (dir_ / "conv").string()});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::ifstream pub(dir_ / "conv" / "public" / "postgres" / "apply.sql"), sales(dir_ / "conv" / "sales" / "postgres" / "apply.sql");
  std::string p((std::istreambuf_iterator<char>(pub)), {}), s((std::istreambuf_iterator<char>(sales)), {});
  EXPECT_NE(p.find("\"note\""), std::string::npos) << p;     // public.orders
  EXPECT_EQ(p.find("\"amount\""), std::string::npos) << p;
  EXPECT_NE(s.find("\"amount\""), std::string::npos) << s;   // sales.orders
  EXPECT_NE(s.find("\"regions\""), std::string::npos) << s;
  EXPECT_TRUE(fs::exists(dir_ / "conv" / "Audit" / "report" / "report.html"));
}

INSTANTIATE_TEST_SUITE_P(Targets, PgSchemas, ::testing::Values("duckdb", "postgres"));
INSTANTIATE_TEST_SUITE_P(Once, PgSchemasSource, ::testing::Values("duckdb"));
