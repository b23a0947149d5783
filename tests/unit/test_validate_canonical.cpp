// The canonical row text validation hashes must come out the same from C++ (streamed sources)
// and from each target's SQL; these tests run the real DuckDB library (and the PostgreSQL test
// server when ORASHIFT_TEST_PG is set) over the same values.
#include <gtest/gtest.h>

#include <cmath>

#include <cstdlib>

#include "endpoints/duckdb/duckdb_target.h"
#include "endpoints/postgres/postgres_target.h"
#include "target_test_util.h"
#include "validate/canonical.h"
#include "validate/failure_record.h"
#include "require_env.h"

using namespace orashift;
using namespace orashift::testing;

namespace {

// One row per value kind, with the awkward cases: trailing zeros, NULL vs '', padded CHAR,
// fractions of a second, bytes that need hex.
struct Sample {
  std::vector<CanonicalColumn> how = {{"ID", ValueKind::Int64, 0, false},   {"AMT", ValueKind::Decimal, 4, false},
                                      {"TS", ValueKind::Timestamp, 0, false}, {"TXT", ValueKind::Text, 0, false},
                                      {"CODE", ValueKind::Text, 0, true},     {"RAW", ValueKind::Bytes, 0, false}};
  Batch batch;
  Sample() {
    std::vector<LoadColumn> cols;
    for (const auto& h : how) cols.push_back(load_col(h.name, h.kind, h.scale));
    batch = batch_for(cols);
    auto& c = batch.columns;
    // row 0
    c[0].append_int(-7);
    c[1].append_decimal(12000);  // 1.2000
    c[2].append_int(micros_from_civil({2001, 2, 3, 4, 5, 6, 500000}));
    c[3].append_text("");
    c[4].append_text("ab   ");
    c[5].append_text(std::string("\x00\xff", 2));
    // row 1: NULLs, a whole decimal, midnight
    c[0].append_int(0);
    c[1].append_decimal(-50000);  // -5.0000
    c[2].append_int(micros_from_civil({1999, 12, 31, 0, 0, 0, 0}));
    c[3].append_null();
    c[4].append_null();
    c[5].append_null();
    batch.source_lines = {1, 2};
  }
  std::string row(size_t r) const {
    std::string out;
    for (size_t i = 0; i < how.size(); ++i) {
      if (i) out.push_back(kCanonicalSeparator);
      append_canonical_value(out, batch.columns[i], r, how[i]);
    }
    return out;
  }
};

std::string sql_row(const std::string& dialect, const std::vector<CanonicalColumn>& how) {
  std::string s;
  for (size_t i = 0; i < how.size(); ++i)
    s += (i ? " || chr(31) || " : "") + canonical_value_sql(dialect, "\"" + std::string(1, char('a' + i)) + "\"", how[i]);
  return s;
}

}  // namespace

TEST(ValidateCanonical, TextForm) {
  Sample s;
  const char sep = kCanonicalSeparator;
  EXPECT_EQ(s.row(0), std::string("v-7") + sep + "v1.2" + sep + "v2001-02-03 04:05:06.500000" + sep + "v" + sep + "vab" +
                          sep + "v00ff");
  EXPECT_EQ(s.row(1), std::string("v0") + sep + "v-5" + sep + "v1999-12-31 00:00:00.000000" + sep + "n" + sep + "n" + sep + "n");
}

TEST(ValidateCanonical, Hash60MatchesTheSqlEngines) {
  // md5('abc') = 900150983cd24fb0…; its first 15 hex digits, as PostgreSQL's bit(60)::bigint
  // and DuckDB's '0x…'::BIGINT both read them.
  EXPECT_EQ(hash60("abc"), 648541476951500027ULL);
  DuckDbTarget db(":memory:");
  EXPECT_EQ(db.query("SELECT " + hash60_sql("duckdb", "'abc'")).rows.at(0).at(0), "648541476951500027");
}

TEST(ValidateCanonical, DuckDbComputesTheSameRowText) {
  Sample s;
  DuckDbTarget db(":memory:");
  db.execute("CREATE TABLE t (a BIGINT, b DECIMAL(14,4), c TIMESTAMP, d VARCHAR, e VARCHAR, f BLOB)");
  db.execute("INSERT INTO t VALUES (-7, 1.2, TIMESTAMP '2001-02-03 04:05:06.5', '', 'ab   ', '\\x00\\xFF'::BLOB),"
             " (0, -5, TIMESTAMP '1999-12-31', NULL, NULL, NULL)");
  QueryResult r = db.query("SELECT " + sql_row("duckdb", s.how) + ", " + hash60_sql("duckdb", sql_row("duckdb", s.how)) +
                           " FROM t ORDER BY a");
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0][0], s.row(0));
  EXPECT_EQ(r.rows[1][0], s.row(1));
  EXPECT_EQ(r.rows[0][1], std::to_string(hash60(s.row(0))));
}

// DuckDB prints DECIMAL(2,2) 0.4 as ".4"; the canonical form is "0.4" on every side.
TEST(ValidateCanonical, DuckDbDecimalWithoutIntegerDigits) {
  DuckDbTarget db(":memory:");
  db.execute("CREATE TABLE t (x DECIMAL(2,2))");
  db.execute("INSERT INTO t VALUES (0.4), (-0.05), (0)");
  CanonicalColumn how{"X", ValueKind::Decimal, 2, false};
  QueryResult r = db.query("SELECT " + canonical_value_sql("duckdb", "x", how) + " FROM t ORDER BY x");
  ASSERT_EQ(r.rows.size(), 3u);
  EXPECT_EQ(r.rows[0][0], "v-0.05");
  EXPECT_EQ(r.rows[1][0], "v0");
  EXPECT_EQ(r.rows[2][0], "v0.4");
  Batch b = batch_for({load_col("X", ValueKind::Decimal, 2)});
  b.columns[0].append_decimal(40);
  std::string streamed;
  append_canonical_value(streamed, b.columns[0], 0, how);
  EXPECT_EQ(streamed, "v0.4");
}

// BINARY_DOUBLE: the streamed side prints the shortest round-trip form ("2", "NaN",
// "-Infinity"); DuckDB's own text ("2.0", "nan", "-inf") is brought to it.
TEST(ValidateCanonical, DuckDbDoublesMatchTheStreamedText) {
  DuckDbTarget db(":memory:");
  db.execute("CREATE TABLE t (i INTEGER, x DOUBLE)");
  db.execute("INSERT INTO t VALUES (1, 2), (2, -0.5), (3, 'nan'::DOUBLE), (4, '-inf'::DOUBLE), (5, 1e20), (6, 0.1)");
  CanonicalColumn how{"X", ValueKind::Double, 0, false};
  QueryResult r = db.query("SELECT " + canonical_value_sql("duckdb", "x", how) + " FROM t ORDER BY i");
  ASSERT_EQ(r.rows.size(), 6u);
  const double values[] = {2, -0.5, std::nan(""), -INFINITY, 1e20, 0.1};
  for (size_t i = 0; i < 6; ++i) {
    Batch b = batch_for({load_col("X", ValueKind::Double, 0)});
    b.columns[0].append_double(values[i]);
    std::string streamed;
    append_canonical_value(streamed, b.columns[0], 0, how);
    EXPECT_EQ(r.rows[i][0], streamed) << i;
  }
}

TEST(ValidateCanonical, PostgresComputesTheSameRowText) {
  const char* uri = std::getenv("ORASHIFT_TEST_PG");
  if (!uri) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  Sample s;
  PostgresTarget pg(uri);
  pg.execute("DROP TABLE IF EXISTS validate_canonical; CREATE TEMP TABLE validate_canonical (a bigint, b numeric(14,4),"
             " c timestamp, d text, e char(5), f bytea)");
  pg.execute("INSERT INTO validate_canonical VALUES (-7, 1.2, '2001-02-03 04:05:06.5', '', 'ab', '\\x00ff'),"
             " (0, -5, '1999-12-31', NULL, NULL, NULL)");
  QueryResult r = pg.query("SELECT " + sql_row("postgres", s.how) + ", " + hash60_sql("postgres", sql_row("postgres", s.how)) +
                           " FROM validate_canonical ORDER BY a");
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0][0], s.row(0));
  EXPECT_EQ(r.rows[1][0], s.row(1));
  EXPECT_EQ(r.rows[0][1], std::to_string(hash60(s.row(0))));
}

TEST(ValidateCanonical, FailureRecordNamesTheDifferingColumns) {
  std::vector<CanonicalColumn> cols = {{"ID", ValueKind::Int64, 0, false}, {"NAME", ValueKind::Text, 0, false},
                                       {"NOTE", ValueKind::Text, 0, false}};
  const std::string sep(1, kCanonicalSeparator);
  FailureRecord f{"task", "SH", "T", "2026-01-01 00:00:00", "v42", FailureType::RecordDiff,
                  "v42" + sep + "vold" + sep + "n", "v42" + sep + "vnew" + sep + "n"};
  nlohmann::json j = failure_record_json(f, cols);
  EXPECT_EQ(j["FAILURE_TYPE"], "RECORD_DIFF");
  EXPECT_EQ(j["KEY"], R"({"key":["42"]})");
  EXPECT_EQ(j["KEY_TYPE"], "Row");
  EXPECT_EQ(nlohmann::json::parse(j["DETAILS"].get<std::string>()),
            nlohmann::json::parse(R"([{"column":"NAME","source":"old","target":"new"}])"));
  f.type = FailureType::MissingTarget;
  j = failure_record_json(f, cols);
  EXPECT_EQ(j["FAILURE_TYPE"], "MISSING_TARGET");
  EXPECT_EQ(nlohmann::json::parse(j["DETAILS"].get<std::string>())["source"]["NOTE"], nullptr);
  EXPECT_EQ(canonical_fields("v" + sep + "n" + sep + "vx"),
            (std::vector<std::optional<std::string>>{std::string(), std::nullopt, std::string("x")}));
}
