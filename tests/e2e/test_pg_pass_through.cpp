// PostgreSQL → PostgreSQL with the same column types on both ends (issue 18): the source's binary
// COPY tuples go to the target undecoded. What must hold, on real servers: every value arrives
// exactly (including NaN and infinity, which no Oracle type holds and the decoding path rejects),
// rows the target refuses are still rejected one by one with their text and the server's
// reason, a LOB over the limit is still cut, and a target whose types differ gets decoded rows.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <fstream>
#include <sstream>

#include "e2e_util.h"
#include "require_env.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string pg_query(const std::string& uri, const std::string& sql) {
  PGconn* c = PQconnectdb(uri.c_str());
  PGresult* r = PQexec(c, sql.c_str());
  std::string out;
  if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0) out = PQgetvalue(r, 0, 0);
  else if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK)
    out = std::string("ERROR: ") + PQerrorMessage(c);
  PQclear(r);
  PQfinish(c);
  return out;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// 1,000 rows; row 7 has a 3,000-byte note, row 8 NaN and infinity, rows with id % 100 = 0 an
// amount of 1,000 or more.
constexpr const char* kSourceSql = R"(
CREATE TABLE items (id integer PRIMARY KEY, code varchar(12), amount numeric(12,2), at timestamp,
  note text, big bigint, ratio double precision);
INSERT INTO items SELECT g, 'c' || g, CASE WHEN g % 100 = 0 THEN 1000 + g ELSE g / 8.0 END,
  timestamp '2020-01-01' + g * interval '1 minute', CASE WHEN g % 3 = 0 THEN NULL ELSE 'note ' || g END,
  g * 1000000007::bigint, g / 3.0 FROM generate_series(1, 1000) g;
UPDATE items SET note = repeat('x', 3000) WHERE id = 7;
UPDATE items SET amount = 'NaN', at = 'infinity' WHERE id = 8;
)";

// A digest of the table's rows in id order, equal on both ends when every value is.
constexpr const char* kDigest =
    "SELECT md5(string_agg(concat_ws('|', id, code, amount, at, note, big, ratio), E'\\n' ORDER BY id)) FROM items";

}  // namespace

class PgPassThrough : public ::testing::Test {
protected:
  void SetUp() override {
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    dir_ = e2e::temp_dir("pg-pass-" + name);
    source_ = e2e::fresh_pg_database("pass_src");
    target_ = e2e::fresh_pg_database("pass_dst");
    if (source_.empty() || target_.empty()) return;
    ASSERT_EQ(pg_query(source_, kSourceSql), "");
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(dir_);
  }
  bool ready() const { return !source_.empty() && !target_.empty(); }

  e2e::RunResult load(const std::string& run, const std::string& settings) {
    std::ofstream(dir_ / (run + ".json")) << settings;
    return e2e::run_orashift({"load", "--source", source_, "--target", target_, "--out", (dir_ / run).string(),
                              "--settings", (dir_ / (run + ".json")).string(), "--no-progress", "--stats-json",
                              (dir_ / (run + ".stats.json")).string()});
  }
  // Loads into a target table the test created (DO_NOTHING), full LOB mode.
  e2e::RunResult load_into(const std::string& run, const std::string& create_table) {
    EXPECT_EQ(pg_query(target_, create_table), "");
    return load(run, R"({"TargetMetadata":{"FullLobMode":true},"FullLoadSettings":{"TargetTablePrepMode":"DO_NOTHING"}})");
  }
  json stats(const std::string& run) { return json::parse(read_file(dir_ / (run + ".stats.json")))["tables"][0]; }

  fs::path dir_;
  std::string source_, target_;
};

// DROP_AND_CREATE makes the target's types the source's: every value arrives as it was, NaN and
// infinity included, and the summary says the rows passed through.
TEST_F(PgPassThrough, SameTypesPassEveryValueExactly) {
  if (!ready()) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set or server unreachable";
  auto r = load("full", R"({"TargetMetadata":{"FullLobMode":true}})");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("passed through as binary COPY tuples"), std::string::npos) << r.output;
  EXPECT_EQ(stats("full")["FullLoadRows"], 1000);
  EXPECT_EQ(pg_query(target_, kDigest), pg_query(source_, kDigest));
  EXPECT_EQ(pg_query(target_, "SELECT amount::text || ' ' || at::text FROM items WHERE id = 8"), "NaN infinity");
  // Autovacuum, paused while the table it created loaded, is back to the table's default.
  EXPECT_EQ(pg_query(target_, "SELECT coalesce(array_to_string(reloptions, ','), 'none') FROM pg_class WHERE relname = 'items'"),
            "none");
}

// A CHECK constraint on a target of the same types refuses the rows with an amount of 1,000 or
// more: each is rejected alone, with the server's reason and the row as COPY text.
TEST_F(PgPassThrough, RowsTheTargetRefusesAreRejectedWithTheirText) {
  if (!ready()) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set or server unreachable";
  auto r = load_into("check", "CREATE TABLE items (id integer PRIMARY KEY, code varchar(12), amount numeric(12,2) "
                              "CHECK (amount < 1000 OR amount = 'NaN'), at timestamp(6), note text, big bigint, "
                              "ratio double precision) WITH (fillfactor = 90)");
  EXPECT_NE(r.output.find("passed through as binary COPY tuples"), std::string::npos) << r.output;
  auto s = stats("check");
  EXPECT_EQ(s["FullLoadRows"], 990);
  EXPECT_EQ(s["FullLoadErrorRows"], 10);
  EXPECT_EQ(pg_query(target_, "SELECT COUNT(*) FROM items WHERE amount >= 1000 AND amount <> 'NaN'"), "0");
  // The user's table (DO_NOTHING): its storage parameters are left as they were.
  EXPECT_EQ(pg_query(target_, "SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = 'items'"), "fillfactor=90");
  const std::string rejects = read_file(s["RejectFile"].get<std::string>());
  EXPECT_NE(rejects.find("items_amount_check"), std::string::npos) << rejects;
  // Row 100 as COPY text: its values as PostgreSQL's text output spells them.
  EXPECT_NE(rejects.find("100\\tc100\\t1100.00\\t2020-01-01 01:40:00\\tnote 100\\t100000000700\\t33.333333333333336"),
            std::string::npos)
      << rejects;
}

// Limited LOB mode, 1 KB: row 7's note is cut to 1,024 bytes and recorded, as with decoded rows.
TEST_F(PgPassThrough, LobOverTheLimitIsCut) {
  if (!ready()) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set or server unreachable";
  auto r = load("lob", R"({"TargetMetadata":{"LobMaxSize":1}})");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  auto s = stats("lob");
  EXPECT_EQ(s["FullLoadRows"], 1000);
  EXPECT_EQ(s["Truncations"], 1);
  EXPECT_EQ(pg_query(target_, "SELECT length(note) FROM items WHERE id = 7"), "1024");
  EXPECT_EQ(pg_query(target_, "SELECT amount::text FROM items WHERE id = 8"), "NaN");
  EXPECT_EQ(pg_query(target_, "SELECT md5(string_agg(concat_ws('|', id, code, amount, note), ',' ORDER BY id)) FROM items WHERE id <> 7"),
            pg_query(source_, "SELECT md5(string_agg(concat_ws('|', id, code, amount, note), ',' ORDER BY id)) FROM items WHERE id <> 7"));
}

// A target column of another type (numeric(14,2)) takes decoded rows: no pass-through, and the
// NaN/infinity row is rejected by the reader as before.
TEST_F(PgPassThrough, OtherTypesGetDecodedRows) {
  if (!ready()) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set or server unreachable";
  auto r = load_into("other", "CREATE TABLE items (id integer PRIMARY KEY, code varchar(12), amount numeric(14,2), "
                              "at timestamp, note text, big bigint, ratio double precision)");
  EXPECT_EQ(r.output.find("passed through"), std::string::npos) << r.output;
  auto s = stats("other");
  EXPECT_EQ(s["FullLoadRows"], 999);
  EXPECT_EQ(s["FullLoadErrorRows"], 1);
  EXPECT_EQ(pg_query(target_, "SELECT COUNT(*) FROM items WHERE id = 8"), "0");
}
