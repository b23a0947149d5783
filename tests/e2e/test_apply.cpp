// `orashift apply`: objects run in the manifest's order against a real DuckDB file and the real
// PostgreSQL test server; a failing object is reported with its Oracle source location and the
// rest still runs (or stops with --stop-on-error); flagged objects are counted as skipped; a
// manifest for another dialect is a usage error.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <map>

#include "e2e_util.h"
#include "require_env.h"

namespace fs = std::filesystem;

namespace {

// Two tables, a view the conversion flags (PIVOT XML: OS4006) and an index; the second
// table already exists on the target in the failure tests, so its CREATE fails.
const char* kDdl = R"(CREATE TABLE regions (
  region_id NUMBER(4) CONSTRAINT regions_pk PRIMARY KEY,
  name VARCHAR2(25) DEFAULT 'none'
);
CREATE TABLE countries (
  country_id CHAR(2) CONSTRAINT countries_pk PRIMARY KEY,
  region_id NUMBER(4) CONSTRAINT countries_region_fk REFERENCES regions (region_id)
);
CREATE INDEX countries_region_ix ON countries (region_id);
CREATE OR REPLACE VIEW region_names AS
  SELECT * FROM (SELECT region_id, name FROM regions) PIVOT XML (COUNT(*) FOR name IN (ANY));
COMMENT ON TABLE regions IS 'applied after the tables';
)";

fs::path convert(const std::string& tag, const std::string& dialect, const char* ddl = kDdl) {
  fs::path dir = e2e::temp_dir("apply-" + tag);
  fs::create_directories(dir / "src");
  std::ofstream(dir / "src" / "schema.sql") << ddl;
  auto r = e2e::run_orashift({"convert", "--source", "oracle-files:" + (dir / "src").string(), "--target", dialect,
                              "--out", (dir / "out").string()});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  return dir;
}

}  // namespace

TEST(Apply, DuckDbAppliesEverythingAndCountsFlaggedAsSkipped) {
  fs::path dir = convert("duckdb", "duckdb");
  auto r = e2e::run_orashift({"apply", (dir / "out" / "duckdb").string(), "--target", "duckdb:" + (dir / "t.duckdb").string(),
                              "--json", (dir / "apply.json").string()});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  auto j = e2e::read_json(dir / "apply.json");
  EXPECT_EQ(j["summary"]["failed"], 0);
  EXPECT_EQ(j["summary"]["applied"], j["applied"].size());
  EXPECT_GE(j["summary"]["applied"].get<int>(), 2);
  bool view_skipped = false;
  for (const auto& s : j["skipped"]) view_skipped = view_skipped || s["name"] == "REGION_NAMES";
  EXPECT_TRUE(view_skipped) << j.dump(2);
  // Applying again into the same file fails object by object, with the Oracle location.
  auto again = e2e::run_orashift({"apply", (dir / "out" / "duckdb").string(), "--target", "duckdb:" + (dir / "t.duckdb").string()});
  EXPECT_EQ(again.exit_code, 1) << again.output;
  EXPECT_NE(again.output.find("schema.sql:1:1: error: TABLE REGIONS"), std::string::npos) << again.output;
  EXPECT_NE(again.output.find("schema.sql:5:1: error: TABLE COUNTRIES"), std::string::npos) << again.output;
}

TEST(Apply, PostgresFailureIsLocatedAndTheRestStillRuns) {
  std::string url = e2e::fresh_pg_database("apply_fail");
  if (url.empty()) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set or unreachable";
  fs::path dir = convert("pg", "postgres");
  // Occupy COUNTRIES' name so that its CREATE fails.
  PGconn* c = PQconnectdb(url.c_str());
  PQclear(PQexec(c, "CREATE TABLE countries (x int)"));
  auto r = e2e::run_orashift({"apply", (dir / "out" / "postgres").string(), "--target", url, "--json",
                              (dir / "apply.json").string()});
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("schema.sql:5:1: error: TABLE COUNTRIES"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("ORASHIFT_TEST_PG"), std::string::npos);
  auto j = e2e::read_json(dir / "apply.json");
  ASSERT_GE(j["failed"].size(), 1u);
  EXPECT_EQ(j["failed"][0]["name"], "COUNTRIES");
  EXPECT_NE(j["failed"][0]["source"].get<std::string>().find("schema.sql:5:1"), std::string::npos);
  // Objects before and after the failure ran: REGIONS exists, and its comment (applied after
  // the tables) is there.
  PGresult* q = PQexec(c, "SELECT obj_description('regions'::regclass, 'pg_class')");
  EXPECT_STREQ(PQgetvalue(q, 0, 0), "applied after the tables");
  PQclear(q);

  // --stop-on-error: nothing after the first failure runs.
  std::string url2 = e2e::fresh_pg_database("apply_stop");
  PGconn* c2 = PQconnectdb(url2.c_str());
  PQclear(PQexec(c2, "CREATE TABLE regions (x int)"));
  auto s = e2e::run_orashift({"apply", (dir / "out" / "postgres").string(), "--target", url2, "--stop-on-error"});
  EXPECT_EQ(s.exit_code, 1) << s.output;
  EXPECT_NE(s.output.find("not run after the first failure"), std::string::npos) << s.output;
  q = PQexec(c2, "SELECT count(*) FROM pg_class WHERE relname = 'countries'");
  EXPECT_STREQ(PQgetvalue(q, 0, 0), "0");
  PQclear(q);
  PQfinish(c2);
  PQfinish(c);
}

// A package's routines share one file (one section each); apply still runs them one by one: a
// routine the target refuses fails alone, located at its own Oracle line, and its neighbours exist.
TEST(Apply, RoutinesOfAPackageShareAFileAndFailOneByOne) {
  std::string url = e2e::fresh_pg_database("apply_unit");
  if (url.empty()) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set or unreachable";
  fs::path dir = convert("unit", "postgres", R"(CREATE OR REPLACE PACKAGE pkg AS
  FUNCTION a RETURN NUMBER;
  FUNCTION b RETURN NUMBER;
  FUNCTION c RETURN NUMBER;
END pkg;
/
CREATE OR REPLACE PACKAGE BODY pkg AS
  FUNCTION a RETURN NUMBER IS BEGIN RETURN 1; END;
  FUNCTION b RETURN NUMBER IS BEGIN RETURN 2; END;
  FUNCTION c RETURN NUMBER IS BEGIN RETURN 3; END;
END pkg;
/
)");
  auto m = e2e::read_json(dir / "out" / "postgres" / "manifest.json");
  std::map<std::string, std::string> file_of;
  for (const auto& o : m["objects"]) file_of[o["name"].get<std::string>()] = o["file"].get<std::string>();
  ASSERT_TRUE(file_of.count("PKG.A") && file_of.count("PKG.B") && file_of.count("PKG.C")) << m.dump(1);
  EXPECT_EQ(file_of["PKG.A"], file_of["PKG.B"]);
  EXPECT_EQ(file_of["PKG.A"], file_of["PKG.C"]);
  // B's name is taken by a function of another return type: CREATE OR REPLACE cannot change it.
  PGconn* c = PQconnectdb(url.c_str());
  PQclear(PQexec(c, "CREATE SCHEMA pkg; CREATE FUNCTION pkg.b() RETURNS text LANGUAGE sql AS 'SELECT 1::text'"));
  auto r = e2e::run_orashift({"apply", (dir / "out" / "postgres").string(), "--target", url, "--json", (dir / "apply.json").string()});
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("schema.sql:9:3: error: FUNCTION PKG.B (" + file_of["PKG.B"] + ", object "), std::string::npos) << r.output;
  auto j = e2e::read_json(dir / "apply.json");
  ASSERT_EQ(j["failed"].size(), 1u) << j.dump(1);
  PGresult* q = PQexec(c, "SELECT pkg.a() + pkg.c()");
  EXPECT_STREQ(PQgetvalue(q, 0, 0), "4") << PQerrorMessage(c);
  PQclear(q);
  PQfinish(c);
}

TEST(Apply, ManifestForAnotherDialectIsAUsageError) {
  fs::path dir = convert("mismatch", "postgres");
  auto r = e2e::run_orashift({"apply", (dir / "out" / "postgres").string(), "--target", "duckdb:" + (dir / "t.duckdb").string()});
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("holds postgres DDL but the target is duckdb"), std::string::npos) << r.output;
  auto missing = e2e::run_orashift({"apply", (dir / "nothing").string(), "--target", "duckdb:" + (dir / "t.duckdb").string()});
  EXPECT_EQ(missing.exit_code, 2) << missing.output;
  EXPECT_NE(missing.output.find("manifest.json"), std::string::npos) << missing.output;
}

// Oracle SQL Language Reference 19c, "constraint" (references_clause): ON DELETE CASCADE removes
// the child rows of a deleted parent, ON DELETE SET NULL empties their key; DEFERRABLE INITIALLY
// DEFERRED checks at COMMIT. PostgreSQL runs the same rules on the applied schema (a key others
// reference cannot be deferrable there: it is created not deferrable, with OS2025).
TEST(Apply, ForeignKeyDeleteRulesAndDeferralRunOnPostgres) {
  std::string url = e2e::fresh_pg_database("apply_fk_rules");
  if (url.empty()) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set or unreachable";
  std::ifstream in(std::string(ORASHIFT_SOURCE_DIR) + "/tests/golden/foreign_key_rules/input.sql");
  std::string ddl((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  fs::path dir = convert("fk_rules", "postgres", ddl.c_str());
  auto r = e2e::run_orashift({"apply", (dir / "out" / "postgres").string(), "--target", url});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  PGconn* c = PQconnectdb(url.c_str());
  auto value = [&](const char* sql) {
    PGresult* q = PQexec(c, sql);
    std::string v = PQresultStatus(q) == PGRES_TUPLES_OK ? PQgetvalue(q, 0, 0)
                    : PQresultStatus(q) == PGRES_COMMAND_OK ? "OK" : std::string("ERROR ") + PQresultErrorField(q, PG_DIAG_SQLSTATE);
    PQclear(q);
    return v;
  };
  EXPECT_EQ(value("INSERT INTO orders VALUES (1), (2); INSERT INTO order_lines VALUES (1, 1), (1, 2), (2, 1); "
                  "INSERT INTO notes VALUES (1, 1, 2)"),
            "OK");
  EXPECT_EQ(value("DELETE FROM orders WHERE id = 1"), "OK");
  EXPECT_EQ(value("SELECT count(*) || ' ' || (SELECT count(*) FROM notes WHERE order_id IS NULL) FROM order_lines"), "1 1");
  // notes_other_fk is checked at COMMIT: a child first, its parent later in the same transaction.
  EXPECT_EQ(value("BEGIN; INSERT INTO notes VALUES (2, NULL, 3); INSERT INTO orders VALUES (3); COMMIT"), "OK");
  EXPECT_EQ(value("BEGIN; INSERT INTO notes VALUES (3, NULL, 4); COMMIT"), "ERROR 23503");
  PQfinish(c);
}
