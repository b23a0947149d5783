#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>

#include <unistd.h>

#include "endpoints/duckdb/duckdb_target.h"
#include "endpoints/duckdb/duckdb_writer.h"
#include "target_test_util.h"

using namespace orashift;
using namespace orashift::testing;

namespace {

std::string cell(DuckDbTarget& db, const std::string& sql) {
  QueryResult r = db.query(sql);
  if (r.rows.size() != 1 || r.rows[0].size() != 1) return "<shape>";
  return r.rows[0][0].value_or("<NULL>");
}

std::vector<std::string> column_texts(DuckDbTarget& db, const std::string& sql) {
  std::vector<std::string> out;
  for (auto& row : db.query(sql).rows) out.push_back(row[0].value_or("<NULL>"));
  return out;
}

}  // namespace

TEST(DuckDbTarget, RoundTripsEveryValueKind) {
  DuckDbTarget db(":memory:");
  EXPECT_EQ(db.dialect(), "duckdb");
  db.execute(
      "CREATE TABLE kinds (id BIGINT, big DECIMAL(38,0), amt DECIMAL(10,2), small DECIMAL(4,1), dbl DOUBLE,"
      " ts TIMESTAMP, txt VARCHAR, raw BLOB)");
  std::vector<LoadColumn> cols = {load_col("ID", ValueKind::Int64),      load_col("BIG", ValueKind::Decimal, 0),
                                  load_col("AMT", ValueKind::Decimal, 4), load_col("SMALL", ValueKind::Decimal, 1),
                                  load_col("DBL", ValueKind::Double),     load_col("TS", ValueKind::Timestamp),
                                  load_col("TXT", ValueKind::Text),       load_col("RAW", ValueKind::Bytes)};
  Batch b = batch_for(cols);
  auto row = [&](int64_t id, Int128 big, Int128 amt, Int128 small, double dbl, Micros ts, std::string_view txt,
                 std::string_view raw) {
    b.columns[0].append_int(id);
    b.columns[1].append_decimal(big);
    b.columns[2].append_decimal(amt);
    b.columns[3].append_decimal(small);
    b.columns[4].append_double(dbl);
    b.columns[5].append_int(ts);
    b.columns[6].append_text(txt);
    b.columns[7].append_text(raw);
    b.source_lines.push_back(id);
  };
  const Int128 max38 = pow10_i128(38) - 1;
  row(1, max38, i128("12345678.9900", 4), i128("999.9", 1), std::nan(""), micros_from_civil({2024, 2, 29, 23, 59, 59, 123456}),
      "", std::string_view("\0\xff", 2));
  row(2, -max38, i128("-0.0100", 4), i128("-999.9", 1), -0.0, micros_from_civil({1850, 7, 1, 0, 0, 0, 1}),
      "it's \"q\"\ttab\nnl\r\\bs", "abc");
  row(3, 0, 0, 0, 1e308, micros_from_civil({-43, 3, 15, 12, 0, 0, 0}), "Grüße, 日本語, 🙂", "");
  row(5, 1, 10000, 1, 0.1, 0, std::string_view("nul\0inside", 10), "\\");  // DuckDB, unlike PostgreSQL, keeps NULs
  b.columns[0].append_int(4);
  for (size_t c = 1; c < cols.size(); ++c) b.columns[c].append_null();
  b.source_lines.push_back(4);

  CollectRejects rejects;
  auto writer = db.open_writer(table_named("KINDS"), cols);
  EXPECT_EQ(writer->write(b, rejects, "test"), 5u);
  writer->finish();
  ASSERT_TRUE(rejects.rejects.empty()) << rejects.rejects[0].reason;

  EXPECT_EQ(column_texts(db, "SELECT big::VARCHAR FROM kinds ORDER BY id"),
            (std::vector<std::string>{"99999999999999999999999999999999999999", "-99999999999999999999999999999999999999",
                                      "0", "<NULL>", "1"}));
  EXPECT_EQ(column_texts(db, "SELECT amt::VARCHAR FROM kinds ORDER BY id"),
            (std::vector<std::string>{"12345678.99", "-0.01", "0.00", "<NULL>", "1.00"}));
  EXPECT_EQ(column_texts(db, "SELECT small::VARCHAR FROM kinds ORDER BY id"),
            (std::vector<std::string>{"999.9", "-999.9", "0.0", "<NULL>", "0.1"}));
  EXPECT_EQ(cell(db, "SELECT isnan(dbl) FROM kinds WHERE id = 1"), "true");
  EXPECT_EQ(cell(db, "SELECT signbit(dbl) AND dbl = 0 FROM kinds WHERE id = 2"), "true");
  EXPECT_EQ(cell(db, "SELECT dbl = 1e308 FROM kinds WHERE id = 3"), "true");
  EXPECT_EQ(column_texts(db, "SELECT epoch_us(ts)::VARCHAR FROM kinds ORDER BY id"),
            (std::vector<std::string>{std::to_string(micros_from_civil({2024, 2, 29, 23, 59, 59, 123456})),
                                      std::to_string(micros_from_civil({1850, 7, 1, 0, 0, 0, 1})),
                                      std::to_string(micros_from_civil({-43, 3, 15, 12, 0, 0, 0})), "<NULL>", "0"}));
  EXPECT_EQ(column_texts(db, "SELECT txt FROM kinds ORDER BY id"),
            (std::vector<std::string>{"", "it's \"q\"\ttab\nnl\r\\bs", "Grüße, 日本語, 🙂", "<NULL>", "nul"}));
  // query() hands back C strings (cut at a NUL); the stored value keeps all ten bytes.
  EXPECT_EQ(cell(db, "SELECT strlen(txt)::VARCHAR || ' ' || hex(txt::BLOB) FROM kinds WHERE id = 5"),
            "10 6E756C00696E73696465");
  EXPECT_EQ(column_texts(db, "SELECT hex(raw) FROM kinds ORDER BY id"),
            (std::vector<std::string>{"00FF", "616263", "", "<NULL>", "5C"}));
}

TEST(DuckDbTarget, RejectsExactlyTheConstraintViolatingRows) {
  DuckDbTarget db(":memory:");
  db.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, name VARCHAR NOT NULL); INSERT INTO t VALUES (7, 'old')");
  std::vector<LoadColumn> cols = {load_col("ID", ValueKind::Int64), load_col("NAME", ValueKind::Text)};
  Batch b = batch_for(cols);
  // 5000 rows span several 2048-row chunks; row 2500 repeats a stored key, row 4100 has no name.
  for (int64_t i = 0; i < 5000; ++i) {
    b.columns[0].append_int(i == 2500 ? 7 : 100 + i);
    if (i == 4100)
      b.columns[1].append_null();
    else
      b.columns[1].append_text(std::string(1, 'n').append(std::to_string(i)));
    b.source_lines.push_back(i + 1);
  }
  CollectRejects rejects;
  auto writer = db.open_writer(table_named("T"), cols);
  EXPECT_EQ(writer->write(b, rejects, "f.dat"), 4998u);
  writer->finish();
  ASSERT_EQ(rejects.rejects.size(), 2u);
  EXPECT_EQ(rejects.rejects[0].line, 2501u);
  EXPECT_NE(rejects.rejects[0].reason.find("Duplicate key"), std::string::npos) << rejects.rejects[0].reason;
  EXPECT_EQ(rejects.rejects[0].record, "7\tn2500");
  EXPECT_EQ(rejects.rejects[0].table, "T");
  EXPECT_EQ(rejects.rejects[0].source, "f.dat");
  EXPECT_EQ(rejects.rejects[1].line, 4101u);
  EXPECT_NE(rejects.rejects[1].reason.find("NOT NULL"), std::string::npos) << rejects.rejects[1].reason;
  EXPECT_EQ(cell(db, "SELECT count(*) FROM t"), "4999");
  EXPECT_EQ(cell(db, "SELECT name FROM t WHERE id = 7"), "old");
}

TEST(DuckDbTarget, RefusesDecimalsThatDoNotFitInsteadOfWrappingOrRounding) {
  DuckDbTarget db(":memory:");
  db.execute("CREATE TABLE d (v DECIMAL(4,1), w DECIMAL(18,2))");
  std::vector<LoadColumn> cols = {load_col("V", ValueKind::Decimal, 2), load_col("W", ValueKind::Int64)};
  Batch b = batch_for(cols);
  auto row = [&](const char* v, int64_t w) {
    b.columns[0].append_decimal(i128(v, 2));
    b.columns[1].append_int(w);
    b.source_lines.push_back(b.source_lines.size() + 1);
  };
  row("123.40", 1);                      // fits after dropping a zero digit
  row("1234.00", 2);                     // too many integer digits for DECIMAL(4,1)
  row("1.25", 3);                        // would need rounding
  row("0.10", 9999999999999999);         // 16 integer digits fit DECIMAL(18,2)
  row("0.10", 99999999999999999);        // 17 do not
  CollectRejects rejects;
  auto writer = db.open_writer(table_named("D"), cols);
  EXPECT_EQ(writer->write(b, rejects, "x"), 2u);
  ASSERT_EQ(rejects.rejects.size(), 3u);
  EXPECT_EQ(rejects.rejects[0].line, 2u);
  EXPECT_EQ(rejects.rejects[0].reason, "column v: 1234.00 does not fit NUMERIC(4,1)");
  EXPECT_EQ(rejects.rejects[1].reason, "column v: 1.25 would be rounded to fit NUMERIC(4,1)");
  EXPECT_EQ(rejects.rejects[2].line, 5u);
  EXPECT_EQ(column_texts(db, "SELECT v::VARCHAR || ' ' || w::VARCHAR FROM d ORDER BY v"),
            (std::vector<std::string>{"0.1 9999999999999999.00", "123.4 1.00"}));
}

TEST(DuckDbTarget, CastsToOtherColumnTypesAndRejectsWhatDoesNotCast) {
  DuckDbTarget db(":memory:");
  // Columns in another order than the batch, one left to its default, an INTEGER fed int64s.
  db.execute("CREATE TABLE c (note VARCHAR DEFAULT 'dflt', n INTEGER, label VARCHAR)");
  std::vector<LoadColumn> cols = {load_col("LABEL", ValueKind::Text), load_col("N", ValueKind::Int64)};
  Batch b = batch_for(cols);
  b.columns[0].append_text("a");
  b.columns[1].append_int(5);
  b.columns[0].append_text("b");
  b.columns[1].append_int(int64_t(1) << 40);  // does not fit INTEGER
  b.columns[0].append_text("bad \xC3");        // truncated UTF-8
  b.columns[1].append_int(6);
  b.source_lines = {1, 2, 3};
  CollectRejects rejects;
  auto writer = db.open_writer(table_named("C"), cols);
  EXPECT_EQ(writer->write(b, rejects, "x"), 1u);
  ASSERT_EQ(rejects.rejects.size(), 2u);
  // Both refused by the writer's own checks before DuckDB sees the rows, in line order.
  EXPECT_EQ(rejects.rejects[0].line, 2u);
  EXPECT_EQ(rejects.rejects[0].reason, "column n: 1099511627776 does not fit INTEGER");
  EXPECT_EQ(rejects.rejects[1].line, 3u);
  EXPECT_EQ(rejects.rejects[1].reason, "column label: text is not valid UTF-8");
  EXPECT_EQ(cell(db, "SELECT note || ' ' || n || ' ' || label FROM c"), "dflt 5 a");
}

TEST(DuckDbTarget, StoresExactNumbersInIntegerColumnsWithoutRoundingOrWrapping) {
  // Narrowed keys (INTEGER, SMALLINT) fed the loader's 64-bit integers and scaled decimals (an
  // unconstrained NUMBER travels at scale 10): stored directly, never rounded or wrapped.
  DuckDbTarget db(":memory:");
  db.execute("CREATE TABLE k (a INTEGER, b SMALLINT, c BIGINT, d TINYINT)");
  std::vector<LoadColumn> cols = {load_col("A", ValueKind::Decimal, 10), load_col("B", ValueKind::Int64),
                                  load_col("C", ValueKind::Decimal, 2), load_col("D", ValueKind::Int64)};
  Batch b = batch_for(cols);
  auto row = [&](const char* a, int64_t bv, const char* c, int64_t d) {
    b.columns[0].append_decimal(i128(a, 10));
    b.columns[1].append_int(bv);
    b.columns[2].append_decimal(i128(c, 2));
    b.columns[3].append_int(d);
    b.source_lines.push_back(b.source_lines.size() + 1);
  };
  row("2147483647", -32768, "-9223372036854775808", -128);  // every type's edge fits
  row("2147483648", 1, "1", 1);                              // one past INTEGER
  row("1.5", 1, "1", 1);                                     // a fraction into INTEGER
  row("-7", 32768, "1", 1);                                  // one past SMALLINT
  row("-7", 1, "9223372036854775808", 1);                    // one past BIGINT
  row("-7", 1, "0.01", 1);                                   // a fraction into BIGINT
  row("-7", 1, "3", 128);                                    // one past TINYINT
  b.columns[0].append_null();                                // NULLs stay NULL
  b.columns[1].append_null();
  b.columns[2].append_null();
  b.columns[3].append_null();
  b.source_lines.push_back(8);
  CollectRejects rejects;
  auto writer = db.open_writer(table_named("K"), cols);
  EXPECT_EQ(writer->write(b, rejects, "x"), 2u);
  writer->finish();
  std::vector<std::string> got;
  for (const auto& r : rejects.rejects) got.push_back(std::to_string(r.line) + " " + r.reason);
  EXPECT_EQ(got, (std::vector<std::string>{"2 column a: 2147483648.0000000000 does not fit INTEGER",
                                           "3 column a: 1.5000000000 would be rounded to fit INTEGER",
                                           "4 column b: 32768 does not fit SMALLINT",
                                           "5 column c: 9223372036854775808.00 does not fit BIGINT",
                                           "6 column c: 0.01 would be rounded to fit BIGINT",
                                           "7 column d: 128 does not fit TINYINT"}));
  EXPECT_EQ(column_texts(db, "SELECT coalesce(a || ' ' || b || ' ' || c || ' ' || d, 'null') FROM k ORDER BY a NULLS LAST"),
            (std::vector<std::string>{"2147483647 -32768 -9223372036854775808 -128", "null"}));
}

TEST(DuckDbTarget, ExecuteRunsEveryStatementAndReportsDuckDbErrors) {
  DuckDbTarget db(":memory:");
  db.execute("CREATE TABLE a (x INT); INSERT INTO a VALUES (1); INSERT INTO a VALUES (2);");
  EXPECT_EQ(cell(db, "SELECT sum(x) FROM a"), "3");
  try {
    db.execute("INSERT INTO a VALUES (3); SELECT * FROM missing_table");
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("missing_table"), std::string::npos) << e.what();
  }
  EXPECT_EQ(cell(db, "SELECT sum(x) FROM a"), "6");  // statements before the failing one ran
  EXPECT_THROW(db.execute("SELEC 1"), std::runtime_error);
  EXPECT_THROW(db.query("SELECT nope"), std::runtime_error);
  EXPECT_THROW(db.open_writer(table_named("NO_SUCH"), {load_col("X", ValueKind::Int64)}), std::runtime_error);
  QueryResult r = db.query("SELECT NULL AS n, '' AS e");
  EXPECT_EQ(r.columns, (std::vector<std::string>{"n", "e"}));
  EXPECT_FALSE(r.rows[0][0].has_value());
  EXPECT_EQ(r.rows[0][1], std::optional<std::string>(""));
}

namespace {

// Rows 0..n-1 of a (key, name) table; `key` and `name` decide each row (nullopt name: NULL).
Batch keyed_rows(const std::vector<LoadColumn>& cols, size_t first, size_t n,
                 const std::function<int64_t(size_t)>& key, const std::function<std::optional<std::string>(size_t)>& name) {
  Batch b = batch_for(cols);
  for (size_t i = first; i < first + n; ++i) {
    b.columns[0].append_int(key(i));
    if (auto v = name(i)) b.columns[1].append_text(*v);
    else b.columns[1].append_null();
    b.source_lines.push_back(i + 1);
  }
  return b;
}

}  // namespace

TEST(DuckDbTarget, GatheredBatchesRejectExactlyWhatOneBatchPerTransactionRejects) {
  // 10,000 rows in batches of 700, gathered into transactions of 3,000 rows (a batch ends one
  // and begins the next). Refused by DuckDB: a key repeating a row of an earlier batch of the
  // same transaction (row 2,100 = row 1,500), a stored key (rows 7 and 4,000), a NULL name (row 6,999),
  // and one row refused by the writer's own checks (row 8,000: a key too large for INTEGER). The same rows written as one batch give the same rejects.
  // Gathered twice: by rows alone, and with the held copies bounded at 20,000 bytes (each
  // 700-row batch holds ~12 KB: transactions of two batches, rows 1,500 and 2,100 in one).
  std::vector<LoadColumn> cols = {load_col("ID", ValueKind::Int64), load_col("NAME", ValueKind::Text)};
  auto key = [](size_t i) -> int64_t { return i == 2100 ? 1500 : i == 4000 ? 7 : i == 8000 ? int64_t(1) << 40 : int64_t(i); };
  auto name = [](size_t i) -> std::optional<std::string> {
    if (i == 6999) return std::nullopt;
    return "n" + std::to_string(i);
  };
  auto load = [&](int mode, CollectRejects& rejects, uint64_t& loaded) {  // 0: one batch, 1: gathered, 2: bytes bound
    auto db = std::make_unique<DuckDbTarget>(":memory:");
    db->execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR NOT NULL); INSERT INTO t VALUES (7, 'old')");
    auto writer = db->open_writer(table_named("T"), cols);
    loaded = 0;
    if (mode == 2) dynamic_cast<DuckDbWriter&>(*writer).limit_held_bytes(20000);
    if (mode > 0) {
      writer->gather(3000);
      for (size_t first = 0; first < 10000; first += 700) {
        Batch b = keyed_rows(cols, first, std::min<size_t>(700, 10000 - first), key, name);
        loaded += writer->write(b, rejects, "f" + std::to_string(first / 700) + ".dat");
      }
      loaded += writer->commit();
    } else {
      Batch b = keyed_rows(cols, 0, 10000, key, name);
      loaded = writer->write(b, rejects, "all.dat");
    }
    writer->finish();
    EXPECT_EQ(cell(*db, "SELECT count(*) FROM t"), std::to_string(loaded + 1));
    EXPECT_EQ(cell(*db, "SELECT name FROM t WHERE id = 1500"), "n1500");
  };
  CollectRejects one;
  uint64_t one_loaded = 0;
  load(0, one, one_loaded);
  EXPECT_EQ(one_loaded, 9995u);
  ASSERT_EQ(one.rejects.size(), 5u);
  for (int mode : {1, 2}) {
    SCOPED_TRACE(mode == 1 ? "gathered by rows" : "held copies bounded in bytes");
    CollectRejects gathered;
    uint64_t gathered_loaded = 0;
    load(mode, gathered, gathered_loaded);
    EXPECT_EQ(gathered_loaded, 9995u);
    ASSERT_EQ(gathered.rejects.size(), 5u);
    // Same lines, records and reasons; each reject names its own batch's source.
    auto sorted = [](std::vector<Reject> r) {
      std::sort(r.begin(), r.end(), [](const Reject& a, const Reject& b) { return a.line < b.line; });
      return r;
    };
    std::vector<Reject> a = sorted(one.rejects), b = sorted(gathered.rejects);
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].line, b[i].line);
      EXPECT_EQ(a[i].record, b[i].record);
      EXPECT_EQ(a[i].reason, b[i].reason);
      EXPECT_EQ(b[i].source, "f" + std::to_string((b[i].line - 1) / 700) + ".dat");
    }
    EXPECT_EQ(b[0].line, 8u);
    EXPECT_EQ(b[1].line, 2101u);
    EXPECT_EQ(b[2].line, 4001u);
    EXPECT_EQ(b[3].line, 7000u);
    EXPECT_EQ(b[4].line, 8001u);
    EXPECT_NE(b[3].reason.find("NOT NULL"), std::string::npos) << b[3].reason;
    EXPECT_EQ(b[4].reason, "column id: 1099511627776 does not fit INTEGER");
  }
}

TEST(DuckDbTarget, GatheredRowsRefusedAtCommitAreRedoneAndRejected) {
  // Two writers on one table, as two pieces of one data file load: A holds key 5 in its open
  // transaction while B commits key 5 first; A's COMMIT is refused, and its held rows are redone
  // so that only the duplicate is rejected (with DuckDB's reason), the others loaded.
  DuckDbTarget db(":memory:");
  db.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, name VARCHAR)");
  std::vector<LoadColumn> cols = {load_col("ID", ValueKind::Int64), load_col("NAME", ValueKind::Text)};
  auto name = [](size_t i) -> std::optional<std::string> { return "a" + std::to_string(i); };
  auto a = db.open_writer(table_named("T"), cols);
  auto b = db.open_writer(table_named("T"), cols);
  a->gather(1000);
  CollectRejects ra, rb;
  Batch a1 = keyed_rows(cols, 0, 10, [](size_t i) { return int64_t(i); }, name);
  EXPECT_EQ(a->write(a1, ra, "a.dat"), 0u);  // held: fewer rows than a transaction
  Batch b1 = keyed_rows(cols, 100, 1, [](size_t) { return int64_t(5); }, name);
  EXPECT_EQ(b->write(b1, rb, "b.dat"), 1u);
  a1.clear();  // the caller reuses its batch: the writer must have kept its own copy
  EXPECT_EQ(a->commit(), 9u);
  ASSERT_EQ(ra.rejects.size(), 1u);
  EXPECT_EQ(ra.rejects[0].line, 6u);
  EXPECT_EQ(ra.rejects[0].source, "a.dat");
  EXPECT_EQ(ra.rejects[0].record, "5\ta5");
  EXPECT_NE(ra.rejects[0].reason.find("Duplicate key"), std::string::npos) << ra.rejects[0].reason;
  a->finish();
  b->finish();
  EXPECT_EQ(cell(db, "SELECT count(*) || ' ' || max(name) FILTER (WHERE id = 5) FROM t"), "10 a100");
}

TEST(DuckDbTarget, GatheredBatchesWithoutKeysLoadTheSameRowsAndRejects) {
  // No key, UNIQUE or CHECK: DuckDB can only refuse a NULL for the NOT NULL column, so nothing
  // is held and transactions span several gather() sizes; the batch with the NULL (row 2,500)
  // goes alone and only that row is rejected, with DuckDB's reason, as with one batch.
  std::vector<LoadColumn> cols = {load_col("ID", ValueKind::Int64), load_col("NAME", ValueKind::Text)};
  auto key = [](size_t i) { return int64_t(i); };
  auto name = [](size_t i) -> std::optional<std::string> {
    if (i == 2500) return std::nullopt;
    return "n" + std::to_string(i);
  };
  auto load = [&](bool gathered, CollectRejects& rejects) {
    DuckDbTarget db(":memory:");
    db.execute("CREATE TABLE t (id BIGINT, name VARCHAR NOT NULL)");
    auto writer = db.open_writer(table_named("T"), cols);
    uint64_t loaded = 0;
    if (gathered) writer->gather(1000);
    for (size_t first = 0; first < 10000; first += 700) {
      Batch b = keyed_rows(cols, first, std::min<size_t>(700, 10000 - first), key, name);
      loaded += writer->write(b, rejects, "f.dat");
    }
    loaded += writer->commit();
    writer->finish();
    EXPECT_EQ(loaded, 9999u);
    EXPECT_EQ(cell(db, "SELECT count(*) || ' ' || sum(id) FROM t"), "9999 " + std::to_string(9999 * 10000 / 2 - 2500));
  };
  CollectRejects one, gathered;
  load(false, one);
  load(true, gathered);
  ASSERT_EQ(gathered.rejects.size(), 1u);
  ASSERT_EQ(one.rejects.size(), 1u);
  EXPECT_EQ(gathered.rejects[0].line, 2501u);
  EXPECT_EQ(gathered.rejects[0].reason, one.rejects[0].reason);
  EXPECT_NE(gathered.rejects[0].reason.find("NOT NULL"), std::string::npos) << gathered.rejects[0].reason;
}

TEST(DuckDbTarget, FileDatabaseWritersBoundTheBlockCacheAndRestoreTheLimit) {
  // DuckDB keeps written blocks cached up to memory_limit (80 % of RAM): a file database's
  // writers lower it to what DuckDB holds besides table blocks plus 64 MB after each commit,
  // and the last writer to close restores DuckDB's default. An in-memory database is left alone.
  namespace fs = std::filesystem;
  const fs::path file = fs::temp_directory_path() / ("orashift-block-cache-" + std::to_string(::getpid()) + ".duckdb");
  fs::remove(file);
  std::vector<LoadColumn> cols = {load_col("ID", ValueKind::Int64), load_col("NAME", ValueKind::Text)};
  auto name = [](size_t i) -> std::optional<std::string> { return "n" + std::to_string(i); };
  auto limit_mb = [](DuckDbTarget& db) {
    const std::string text = cell(db, "SELECT current_setting('memory_limit')");  // e.g. "70.0 MiB", "18.3 GiB"
    const double n = std::stod(text);
    return text.find("GiB") != std::string::npos ? n * 1024 : text.find("MiB") != std::string::npos ? n : -1.0;
  };
  for (bool in_file : {true, false}) {
    SCOPED_TRACE(in_file ? "file" : ":memory:");
    DuckDbTarget db(in_file ? file.string() : ":memory:");
    db.execute("CREATE TABLE t (id BIGINT, name VARCHAR)");
    const double before = limit_mb(db);
    ASSERT_GT(before, 1024.0);  // this machine's default; the bound would be meaningless otherwise
    {
      auto a = db.open_writer(table_named("T"), cols);
      auto b = db.open_writer(table_named("T"), cols);
      CollectRejects rejects;
      EXPECT_EQ(a->write(keyed_rows(cols, 0, 1000, [](size_t i) { return int64_t(i); }, name), rejects, "a.dat"), 1000u);
      const double during = limit_mb(db);
      if (in_file) {
        EXPECT_GE(during, 64.0);
        EXPECT_LT(during, 512.0);
      } else {
        EXPECT_EQ(during, before);
      }
      a->finish();
      a.reset();
      EXPECT_EQ(limit_mb(db), during);  // b is still open
      b->finish();
    }
    EXPECT_EQ(limit_mb(db), before);
    EXPECT_EQ(cell(db, "SELECT count(*) FROM t"), "1000");
  }
  fs::remove(file);
}

TEST(DuckDbTarget, ConcurrentWritersCheckpointWhatTheyCommit) {
  // Two writers taking turns always have a transaction running, so DuckDB never checkpoints by
  // itself and every committed row stays in memory (IN_MEMORY_TABLE) to the end of the load.
  // The writers hold their BEGIN back until the other's transaction ends and checkpoint once
  // that memory passes 32 MB: sampled while 2 × 40 MB are loaded, it stays well below 80 MB.
  // A load opens the writers of all its units first and runs two at a time (migrate's default):
  // the writers of the units still waiting (C, D) are open meanwhile and must not count.
  namespace fs = std::filesystem;
  const fs::path file = fs::temp_directory_path() / ("orashift-ckpt-" + std::to_string(::getpid()) + ".duckdb");
  fs::remove(file);
  fs::remove(file.string() + ".wal");
  {
    std::vector<LoadColumn> cols = {load_col("ID", ValueKind::Int64), load_col("NAME", ValueKind::Text)};
    DuckDbTarget db(file.string());
    db.execute("CREATE TABLE a (id BIGINT PRIMARY KEY, name VARCHAR); CREATE TABLE b (id BIGINT PRIMARY KEY, name VARCHAR)");
    db.execute("CREATE TABLE c (id BIGINT PRIMARY KEY, name VARCHAR); CREATE TABLE d (id BIGINT PRIMARY KEY, name VARCHAR)");
    auto waiting_c = db.open_writer(table_named("C"), cols), waiting_d = db.open_writer(table_named("D"), cols);
    std::atomic<int> running{2};
    std::atomic<bool> failed{false};
    auto load = [&](const char* table) {
      try {
        auto writer = db.open_writer(table_named(table), cols);
        writer->gather(1000000);  // keyed: transactions end at 8 MB of held copies
        CollectRejects rejects;
        const std::string wide(500, 'x');
        for (size_t k = 0; k < 40; ++k) {
          Batch b = keyed_rows(cols, k * 2000, 2000, [](size_t i) { return int64_t(i); },
                               [&](size_t) -> std::optional<std::string> { return wide; });
          writer->write(b, rejects, "wide.dat");
        }
        writer->finish();
        failed = failed || !rejects.rejects.empty();
      } catch (...) {
        failed = true;
      }
      --running;
    };
    std::thread ta(load, "A"), tb(load, "B");
    uint64_t peak = 0;
    while (running > 0) {
      std::string v = cell(db, "SELECT coalesce(sum(memory_usage_bytes) FILTER (WHERE tag = 'IN_MEMORY_TABLE'), 0) FROM duckdb_memory()");
      if (v != "<shape>" && v != "<NULL>") peak = std::max<uint64_t>(peak, std::stoull(v));
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    ta.join();
    tb.join();
    waiting_c->finish();
    waiting_d->finish();
    ASSERT_FALSE(failed);
    EXPECT_EQ(cell(db, "SELECT count(*) FROM a"), "80000");
    EXPECT_EQ(cell(db, "SELECT count(*) FROM b"), "80000");
    EXPECT_LT(peak, uint64_t(64) << 20) << "IN_MEMORY_TABLE peaked at " << (peak >> 20) << " MB";
    EXPECT_GT(peak, 0u);
  }
  fs::remove(file);
  fs::remove(file.string() + ".wal");
}

TEST(DuckDbTarget, OutOfMemoryIsAnErrorOfTheLoadNotRejectedRows) {
  // DuckDB refusing an append because its memory_limit is reached says nothing about the rows:
  // none may be rejected for it (they would be counted as bad data). The writer stops with
  // DuckDB's message instead; nothing is loaded or rejected from that batch.
  std::vector<LoadColumn> cols = {load_col("ID", ValueKind::Int64), load_col("NAME", ValueKind::Text)};
  DuckDbTarget db(":memory:");
  db.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, name VARCHAR)");
  db.execute("SET memory_limit = '1MB'");
  auto writer = db.open_writer(table_named("T"), cols);
  CollectRejects rejects;
  const std::string wide(2000, 'x');
  auto name = [&](size_t) -> std::optional<std::string> { return wide; };
  Batch b = keyed_rows(cols, 0, 20000, [](size_t i) { return int64_t(i); }, name);
  bool stopped = false;
  try {
    writer->write(b, rejects, "wide.dat");
  } catch (const std::runtime_error& e) {
    stopped = std::string(e.what()).find("memory") != std::string::npos;
  }
  EXPECT_TRUE(stopped);
  EXPECT_TRUE(rejects.rejects.empty()) << rejects.rejects.size() << " rows rejected, first: " << rejects.rejects.front().reason;
}
