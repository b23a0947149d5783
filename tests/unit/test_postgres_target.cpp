#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <map>

#include <unistd.h>

#include "endpoints/postgres/pg_connection.h"
#include "endpoints/postgres/pg_conninfo.h"
#include "endpoints/postgres/pg_copy_binary.h"
#include "endpoints/postgres/postgres_target.h"
#include "endpoints/postgres/postgres_writer.h"
#include "load/copy_text.h"
#include "target_test_util.h"
#include "require_env.h"

using namespace orashift;
using namespace orashift::testing;

namespace {

// Tests that need a server read its URI from ORASHIFT_TEST_PG (tests/e2e/pg_server.sh start).
const char* test_pg() { return std::getenv("ORASHIFT_TEST_PG"); }
#define REQUIRE_PG()                                                               \
  if (!test_pg())                                                                  \
    ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG is not set: start a server with " \
                               "tests/e2e/pg_server.sh start DIR PORT and export the URI it prints"

std::vector<std::string> column_texts(PostgresTarget& pg, const std::string& sql) {
  std::vector<std::string> out;
  for (auto& row : pg.query(sql).rows) out.push_back(row[0].value_or("<NULL>"));
  return out;
}

}  // namespace

TEST(PostgresConninfo, RedactsPasswordsInUrisAndKeyValueStrings) {
  EXPECT_EQ(redact_conninfo("postgres://u:secret@h:5432/db"), "postgres://u:***@h:5432/db");
  EXPECT_EQ(redact_conninfo("postgres://u@h:5432/db?sslmode=require"), "postgres://u@h:5432/db?sslmode=require");
  EXPECT_EQ(redact_conninfo("postgresql://u:s%40c@h/db?sslmode=require&password=other&application_name=x"),
            "postgresql://u:***@h/db?sslmode=require&password=***&application_name=x");
  EXPECT_EQ(redact_conninfo("postgres://u:p@ss/w?rd@h/db"), "postgres://u:***@h/db");
  EXPECT_EQ(redact_conninfo("host=h user=u password='a b\\' c' dbname=d"), "host=h user=u password=*** dbname=d");
  EXPECT_EQ(redact_conninfo("host=h password = bare dbname=d"), "host=h password = *** dbname=d");
  EXPECT_EQ(conninfo_passwords("postgres://u:s%40c@h/db"), (std::vector<std::string>{"s%40c", "s@c"}));
  EXPECT_EQ(scrub_secrets("bad password s@c for s@c", {"s@c"}), "bad password *** for ***");
}

TEST(PostgresConninfo, ConnectionErrorsNeverShowThePassword) {
  // Port 1 on loopback refuses at once; the message must still not carry the password.
  try {
    PostgresTarget pg("postgres://someone:Sup3rS3cret@127.0.0.1:1/db?connect_timeout=2");
    FAIL() << "connected?";
  } catch (const std::runtime_error& e) {
    std::string m = e.what();
    EXPECT_EQ(m.find("Sup3rS3cret"), std::string::npos) << m;
    EXPECT_NE(m.find("postgres://someone:***@127.0.0.1:1/db"), std::string::npos) << m;
  }
  try {
    PostgresTarget pg("postgres://someone:Sup%zzSecret@127.0.0.1:1/db");  // malformed: libpq quotes it back
    FAIL() << "connected?";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()).find("Sup%zzSecret"), std::string::npos) << e.what();
  }
}

TEST(CopyText, EscapesLikePostgres) {
  Batch b = batch_for({load_col("T", ValueKind::Text), load_col("B", ValueKind::Bytes), load_col("D", ValueKind::Double)});
  b.columns[0].append_text(std::string_view("a\\b\tc\nd\re\0", 10));
  b.columns[1].append_text(std::string_view("\x00\xff", 2));
  b.columns[2].append_double(-INFINITY);
  b.source_lines.push_back(1);
  std::string out;
  EXPECT_EQ(append_copy_row(out, b, 0), 0);
  EXPECT_EQ(out, "a\\\\b\\tc\\nd\\re\\0\t\\\\x00ff\t-Infinity");
  std::string d;
  append_double_text(d, 0.1);
  append_double_text(d, NAN);
  EXPECT_EQ(d, "0.1NaN");
}

namespace {

// The same rows through both COPY formats: `flag_type` is the type of one more text column,
// text (every column has a binary form: binary COPY) or boolean (none: the whole table in text).
void round_trip_every_value_kind(const std::string& flag_type, bool expect_binary) {
  PostgresTarget pg(test_pg());
  EXPECT_EQ(pg.dialect(), "postgres");
  const std::string t = "kinds_" + flag_type;  // one table per variant: ctest runs them at once
  pg.execute(
      "DROP TABLE IF EXISTS " + t + "; CREATE TABLE " + t + " (id bigint, big numeric(38,0), amt numeric(10,2), small "
      "numeric(4,1), dbl double precision, ts timestamp, txt text, raw bytea, i4 integer, i2 smallint, "
      "ch char(3), vc varchar(5), flag " + flag_type + ")");
  std::vector<LoadColumn> cols = {load_col("ID", ValueKind::Int64),      load_col("BIG", ValueKind::Decimal, 0),
                                  load_col("AMT", ValueKind::Decimal, 4), load_col("SMALL", ValueKind::Decimal, 1),
                                  load_col("DBL", ValueKind::Double),     load_col("TS", ValueKind::Timestamp),
                                  load_col("TXT", ValueKind::Text),       load_col("RAW", ValueKind::Bytes),
                                  load_col("I4", ValueKind::Int64),       load_col("I2", ValueKind::Int64),
                                  load_col("CH", ValueKind::Text),        load_col("VC", ValueKind::Text),
                                  load_col("FLAG", ValueKind::Text)};
  Batch b = batch_for(cols);
  auto row = [&](int64_t id, Int128 big, Int128 amt, Int128 small, double dbl, Micros ts, std::string_view txt,
                 std::string_view raw) {
    int64_t i4s[] = {0, 2147483647, -2147483648LL, 0, 0, -7};
    int64_t i2s[] = {0, 32767, -32768, 0, 0, 1};
    const char* chs[] = {"", "a", "abc", "", "", "é"};
    b.columns[8].append_int(i4s[id]);
    b.columns[9].append_int(i2s[id]);
    b.columns[10].append_text(chs[id]);
    b.columns[11].append_text(chs[id]);
    b.columns[12].append_text(id % 2 ? "t" : "f");
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
  row(1, max38, i128("12345678.9900", 4), i128("999.9", 1), std::nan(""),
      micros_from_civil({2024, 2, 29, 23, 59, 59, 123456}), "", std::string_view("\0\xff", 2));
  row(2, -max38, i128("-0.0100", 4), i128("-999.9", 1), -0.0, micros_from_civil({1850, 7, 1, 0, 0, 0, 1}),
      "it's \"q\"\ttab\nnl\r\\bs \\N", "abc");
  row(3, 0, 0, 0, 1e308, micros_from_civil({-43, 3, 15, 12, 0, 0, 0}), "Grüße, 日本語, 🙂", "");
  row(5, 1, 10000, 1, 0.1, 0, "\\N", "\\");
  b.columns[0].append_int(4);
  for (size_t c = 1; c < cols.size(); ++c) b.columns[c].append_null();
  b.source_lines.push_back(4);

  CollectRejects rejects;
  auto writer = pg.open_writer(table_named(t), cols);
  auto* pg_writer = dynamic_cast<PostgresWriter*>(writer.get());
  ASSERT_TRUE(pg_writer);
  EXPECT_EQ(pg_writer->uses_binary_copy(), expect_binary);
  EXPECT_EQ(writer->write(b, rejects, "test"), 5u);
  writer->finish();
  ASSERT_TRUE(rejects.rejects.empty()) << rejects.rejects[0].reason;

  EXPECT_EQ(column_texts(pg, "SELECT big::text FROM " + t + " ORDER BY id"),
            (std::vector<std::string>{"99999999999999999999999999999999999999",
                                      "-99999999999999999999999999999999999999", "0", "<NULL>", "1"}));
  EXPECT_EQ(column_texts(pg, "SELECT amt::text FROM " + t + " ORDER BY id"),
            (std::vector<std::string>{"12345678.99", "-0.01", "0.00", "<NULL>", "1.00"}));
  EXPECT_EQ(column_texts(pg, "SELECT small::text FROM " + t + " ORDER BY id"),
            (std::vector<std::string>{"999.9", "-999.9", "0.0", "<NULL>", "0.1"}));
  EXPECT_EQ(column_texts(pg, "SELECT dbl::text FROM " + t + " ORDER BY id"),
            (std::vector<std::string>{"NaN", "-0", "1e+308", "<NULL>", "0.1"}));
  EXPECT_EQ(column_texts(pg, "SELECT ts::text FROM " + t + " ORDER BY id"),
            (std::vector<std::string>{"2024-02-29 23:59:59.123456", "1850-07-01 00:00:00.000001",
                                      "0044-03-15 12:00:00 BC", "<NULL>", "1970-01-01 00:00:00"}));
  EXPECT_EQ(column_texts(pg, "SELECT txt FROM " + t + " ORDER BY id"),
            (std::vector<std::string>{"", "it's \"q\"\ttab\nnl\r\\bs \\N", "Grüße, 日本語, 🙂", "<NULL>", "\\N"}));
  EXPECT_EQ(column_texts(pg, "SELECT encode(raw, 'hex') FROM " + t + " ORDER BY id"),
            (std::vector<std::string>{"00ff", "616263", "", "<NULL>", "5c"}));
  EXPECT_EQ(column_texts(pg, "SELECT concat_ws('|', i4, i2, ch, octet_length(ch), vc, flag) FROM " + t + " ORDER BY id"),
            (std::vector<std::string>{"2147483647|32767|a  |3|a|t", "-2147483648|-32768|abc|3|abc|f", "0|0|   |3||t", "",
                                      "-7|1|é  |4|é|t"}));
}

}  // namespace

TEST(PostgresTarget, RoundTripsEveryValueKindInBinaryCopy) {
  REQUIRE_PG();
  round_trip_every_value_kind("text", true);
}

TEST(PostgresTarget, RoundTripsEveryValueKindInTextCopy) {
  REQUIRE_PG();
  round_trip_every_value_kind("boolean", false);
}

// A table the task created has autovacuum off while it loads and back to its default after; a
// partitioned table, which takes no storage parameters, loads as it is, with nothing to undo.
TEST(PostgresTarget, AutovacuumPausedWhileATableLoads) {
  REQUIRE_PG();
  PostgresTarget pg(test_pg());
  pg.execute("DROP TABLE IF EXISTS avac; CREATE TABLE avac (id bigint)");
  pg.execute("DROP TABLE IF EXISTS avac_p; CREATE TABLE avac_p (id bigint) PARTITION BY RANGE (id)");
  const std::vector<LoadColumn> cols = {load_col("ID", ValueKind::Int64)};
  auto options = [&](const std::string& t) {
    return column_texts(pg, "SELECT coalesce(array_to_string(reloptions, ','), '') FROM pg_class WHERE relname = '" + t + "'");
  };
  auto writer = pg.open_writer(table_named("avac"), cols);
  EXPECT_EQ(writer->bulk_load(true), "");
  EXPECT_EQ(options("avac"), std::vector<std::string>{"autovacuum_enabled=false"});
  EXPECT_EQ(writer->bulk_load(false), "");
  EXPECT_EQ(options("avac"), std::vector<std::string>{""});
  auto partitioned = pg.open_writer(table_named("avac_p"), cols);
  EXPECT_EQ(partitioned->bulk_load(true), "");
  EXPECT_EQ(partitioned->bulk_load(false), "");
  EXPECT_EQ(options("avac_p"), std::vector<std::string>{""});
}

// Every decimal shape through NUMERIC's binary form: base-10000 groups across the point,
// leading and trailing zero groups, scales not a multiple of 4, 38 digits, both signs. What
// PostgreSQL stores must print as our own formatter prints the value.
TEST(PostgresTarget, BinaryNumericMatchesTheDecimalText) {
  REQUIRE_PG();
  PostgresTarget pg(test_pg());
  const int scales[] = {0, 1, 3, 4, 5, 8, 19, 20, 37, 38};
  std::string ddl = "DROP TABLE IF EXISTS nums; CREATE TABLE nums (id bigint";
  std::vector<LoadColumn> cols = {load_col("ID", ValueKind::Int64)};
  for (size_t i = 0; i < std::size(scales); ++i) {
    ddl += ", n" + std::to_string(i) + " numeric";
    cols.push_back(load_col("N" + std::to_string(i), ValueKind::Decimal, scales[i]));
  }
  pg.execute(ddl + ")");
  Batch b = batch_for(cols);
  std::vector<std::vector<std::string>> expected(std::size(scales));
  uint64_t seed = 42;
  auto next = [&] { return seed = seed * 6364136223846793005ULL + 1442695040888963407ULL; };
  const int rows = 3000;
  for (int r = 0; r < rows; ++r) {
    b.columns[0].append_int(r);
    for (size_t c = 0; c < std::size(scales); ++c) {
      int digits = static_cast<int>(next() >> 33) % 39;  // 0 … 38 significant digits
      Int128 v = 0;
      for (int d = 0; d < digits; ++d) v = v * 10 + static_cast<int>((next() >> 33) % 10);
      if (r % 7 == 0) v = v / pow10_i128(std::min(digits, 6)) * pow10_i128(std::min(digits, 6));  // trailing zeros
      if (next() & 1) v = -v;
      b.columns[c + 1].append_decimal(v);
      expected[c].push_back(format_decimal(v, scales[c]));
    }
    b.source_lines.push_back(r + 1);
  }
  CollectRejects rejects;
  auto writer = pg.open_writer(table_named("NUMS"), cols);
  ASSERT_TRUE(dynamic_cast<PostgresWriter*>(writer.get())->uses_binary_copy());
  EXPECT_EQ(writer->write(b, rejects, "test"), static_cast<uint64_t>(rows));
  ASSERT_TRUE(rejects.rejects.empty()) << rejects.rejects[0].reason;
  for (size_t c = 0; c < std::size(scales); ++c) {
    std::vector<std::string> got = column_texts(pg, "SELECT n" + std::to_string(c) + "::text FROM nums ORDER BY id");
    ASSERT_EQ(got.size(), expected[c].size());
    for (size_t r = 0; r < got.size(); ++r)
      ASSERT_EQ(got[r], expected[c][r]) << "scale " << scales[c] << ", row " << r;
  }
  pg.execute("DROP TABLE nums");
}

TEST(PostgresTarget, BinaryCopyRejectsIntegersOutsideTheColumnType) {
  REQUIRE_PG();
  PostgresTarget pg(test_pg());
  pg.execute("DROP TABLE IF EXISTS ints; CREATE TABLE ints (i4 integer, i2 smallint)");
  std::vector<LoadColumn> cols = {load_col("I4", ValueKind::Int64), load_col("I2", ValueKind::Int64)};
  Batch b = batch_for(cols);
  int64_t i4s[] = {1, 2147483648LL, 3, -2147483649LL};
  int64_t i2s[] = {1, 2, 32768, 4};
  for (int r = 0; r < 4; ++r) {
    b.columns[0].append_int(i4s[r]);
    b.columns[1].append_int(i2s[r]);
    b.source_lines.push_back(r + 1);
  }
  CollectRejects rejects;
  auto writer = pg.open_writer(table_named("INTS"), cols);
  EXPECT_EQ(writer->write(b, rejects, "f.dat"), 1u);
  ASSERT_EQ(rejects.rejects.size(), 3u);
  EXPECT_EQ(rejects.rejects[0].reason, "column i4: value 2147483648 is out of range for type integer");
  EXPECT_EQ(rejects.rejects[0].record, "2147483648\t2");
  EXPECT_EQ(rejects.rejects[1].reason, "column i2: value 32768 is out of range for type smallint");
  EXPECT_EQ(rejects.rejects[2].reason, "column i4: value -2147483649 is out of range for type integer");
  EXPECT_EQ(column_texts(pg, "SELECT i4 || ',' || i2 FROM ints"), (std::vector<std::string>{"1,1"}));
  pg.execute("DROP TABLE ints");
}

TEST(PgCopyBinary, NumericGroupsAroundThePoint) {
  auto encode = [](Int128 v, int scale) {
    std::string out;
    PgCopyBinaryEncoder::append_numeric(out, v, scale);
    std::vector<int> words;  // after the 4-byte length: ndigits, weight, sign, dscale, digits…
    for (size_t i = 4; i + 1 < out.size(); i += 2)
      words.push_back(static_cast<int16_t>((static_cast<uint8_t>(out[i]) << 8) | static_cast<uint8_t>(out[i + 1])));
    return words;
  };
  EXPECT_EQ(encode(12345678, 4), (std::vector<int>{2, 0, 0, 4, 1234, 5678}));
  EXPECT_EQ(encode(1, 4), (std::vector<int>{1, -1, 0, 4, 1}));
  EXPECT_EQ(encode(100000000, 0), (std::vector<int>{1, 2, 0, 0, 1}));
  EXPECT_EQ(encode(-125, 1), (std::vector<int>{2, 0, 0x4000, 1, 12, 5000}));
  EXPECT_EQ(encode(0, 3), (std::vector<int>{0, 0, 0, 3}));
  EXPECT_EQ(encode(5, 9), (std::vector<int>{1, -3, 0, 9, 5000}));  // 0.0000 0000 5000
  EXPECT_EQ(encode(pow10_i128(37), 37), (std::vector<int>{1, 0, 0, 37, 1}));  // 1.000…, the general path
  EXPECT_EQ(encode(-pow10_i128(30) * 7, 0), (std::vector<int>{1, 7, 0x4000, 0, 700}));  // -7e30 = -700 × 10000^7
}

// Reading NUMERIC's binary form into a decimal of the column's scale: the 128-bit fast path
// must give exactly what the exact text route (the value's decimal text, parsed at that scale)
// gives, for every digit count up to 38, every scale, both signs, and refuse what is finer
// than the scale as that route does.
TEST(PgCopyBinary, NumericDecodesAsItsDecimalTextParses) {
  uint64_t seed = 42;
  auto next = [&] {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return seed >> 11;
  };
  int checked = 0;
  for (int digits = 1; digits <= 38; ++digits)
    for (int scale = 0; scale <= 20 && scale <= digits; ++scale)
      for (int k = 0; k < 20; ++k) {
        Int128 v = 0;
        for (int d = 0; d < digits; ++d) v = v * 10 + static_cast<int>(next() % 10);
        if (k % 5 == 0) v = v / pow10_i128(std::min(digits, 4)) * pow10_i128(std::min(digits, 4));  // trailing zeros
        if (k % 2) v = -v;
        std::string bytes;
        PgCopyBinaryEncoder::append_numeric(bytes, v, scale);
        std::string_view field = std::string_view(bytes).substr(4);  // after the field's length word
        for (int want : {0, scale / 2, scale, scale + 3, 38 - digits + scale}) {
          if (want < 0 || want > 38) continue;
          ColumnVector col;
          col.kind = ValueKind::Decimal;
          col.scale = want;
          Int128 expected = 0;
          bool rounded = false;
          bool ok = parse_decimal(binary_field_text(pg_binary::kNumeric, field), want, expected, &rounded) ==
                        DecimalParse::Ok && !rounded;
          ASSERT_EQ(append_binary_field(col, pg_binary::kNumeric, field), ok)
              << "digits " << digits << " scale " << scale << " read at " << want;
          if (ok) {
            ASSERT_TRUE(col.decimals.back() == expected) << "digits " << digits << " scale " << scale << " read at " << want;
          }
          ++checked;
        }
      }
  EXPECT_GT(checked, 10000);
}

TEST(PostgresTarget, RejectsExactlyTheRefusedRows) {
  REQUIRE_PG();
  PostgresTarget pg(test_pg());
  pg.execute(
      "DROP TABLE IF EXISTS t_rej; CREATE TABLE t_rej (id bigint PRIMARY KEY, name text NOT NULL, v numeric(4,1));"
      "INSERT INTO t_rej VALUES (7, 'old', 1)");
  std::vector<LoadColumn> cols = {load_col("ID", ValueKind::Int64), load_col("NAME", ValueKind::Text),
                                  load_col("V", ValueKind::Decimal, 2)};
  Batch b = batch_for(cols);
  for (int64_t i = 0; i < 5000; ++i) {
    b.columns[0].append_int(i == 2500 ? 7 : 100 + i);  // a stored key
    if (i == 4100)
      b.columns[1].append_null();  // NOT NULL
    else if (i == 10)
      b.columns[1].append_text(std::string_view("nul\0here", 8));  // PostgreSQL cannot store it
    else
      b.columns[1].append_text(std::string(1, 'n').append(std::to_string(i)));
    b.columns[2].append_decimal(i == 20 ? i128("1.25", 2) : i == 30 ? i128("1000.00", 2) : i128("1.20", 2));
    b.source_lines.push_back(i + 1);
  }
  CollectRejects rejects;
  auto writer = pg.open_writer(table_named("T_REJ"), cols);
  EXPECT_EQ(writer->write(b, rejects, "f.dat"), 4995u);
  ASSERT_EQ(rejects.rejects.size(), 5u);
  std::map<uint64_t, Reject> by_line;
  for (auto& r : rejects.rejects) by_line[r.line] = r;
  EXPECT_NE(by_line[11].reason.find("NUL byte"), std::string::npos) << by_line[11].reason;
  EXPECT_EQ(by_line[11].record, "110\tnul\\0here\t1.20");
  EXPECT_EQ(by_line[21].reason, "column v: 1.25 would be rounded to fit NUMERIC(4,1)");
  EXPECT_EQ(by_line[31].reason, "column v: 1000.00 does not fit NUMERIC(4,1)");
  EXPECT_NE(by_line[2501].reason.find("duplicate key value violates unique constraint"), std::string::npos)
      << by_line[2501].reason;
  EXPECT_NE(by_line[2501].reason.find("DETAIL: Key (id)=(7) already exists."), std::string::npos) << by_line[2501].reason;
  EXPECT_EQ(by_line[2501].record, "7\tn2500\t1.20");
  EXPECT_NE(by_line[4101].reason.find("null value in column \"name\""), std::string::npos) << by_line[4101].reason;
  EXPECT_EQ(column_texts(pg, "SELECT count(*) FROM t_rej"), (std::vector<std::string>{"4996"}));
  EXPECT_EQ(column_texts(pg, "SELECT name FROM t_rej WHERE id = 7"), (std::vector<std::string>{"old"}));
  pg.execute("DROP TABLE t_rej");
}

// gather(): several batches share one COPY and one transaction. A row the server refuses
// (a stored key, a NULL for NOT NULL) makes it redo the held batches one per transaction, so
// the rejects carry their own batch's source and line, as without gather; the writer's copies
// are what it redoes (the caller reuses its batch). write() counts rows only when they commit.
TEST(PostgresTarget, GatheredBatchesRejectExactlyTheRefusedRows) {
  REQUIRE_PG();
  PostgresTarget pg(test_pg());
  pg.execute(
      "DROP TABLE IF EXISTS t_gather; CREATE TABLE t_gather (id bigint PRIMARY KEY, name text NOT NULL);"
      "INSERT INTO t_gather VALUES (7, 'old')");
  std::vector<LoadColumn> cols = {load_col("ID", ValueKind::Int64), load_col("NAME", ValueKind::Text)};
  auto writer = pg.open_writer(table_named("T_GATHER"), cols);
  writer->gather(2500);  // five batches of 1,000 rows: a transaction ends with the batch that reaches 2,500
  CollectRejects rejects;
  Batch b = batch_for(cols);
  std::vector<uint64_t> counts;
  for (int k = 0; k < 5; ++k) {
    b.clear();
    for (int64_t i = 0; i < 1000; ++i) {
      const int64_t id = k * 1000 + i + 100;
      b.columns[0].append_int(k == 1 && i == 500 ? 7 : id);
      if (k == 3 && i == 10)
        b.columns[1].append_null();
      else
        b.columns[1].append_text("n" + std::to_string(id));
      b.source_lines.push_back(i + 1);
    }
    counts.push_back(writer->write(b, rejects, "part" + std::to_string(k) + ".dat"));
  }
  counts.push_back(writer->commit());
  // First transaction: batches 0-2, refused for the stored key in batch 1 and redone batch by
  // batch; second: batches 3-4, committed by commit(), refused for batch 3's NULL and redone.
  EXPECT_EQ(counts, (std::vector<uint64_t>{0, 0, 2999, 0, 0, 1999}));
  ASSERT_EQ(rejects.rejects.size(), 2u);
  EXPECT_EQ(rejects.rejects[0].source, "part1.dat");
  EXPECT_EQ(rejects.rejects[0].line, 501u);
  EXPECT_EQ(rejects.rejects[0].record, "7\tn1600");
  EXPECT_NE(rejects.rejects[0].reason.find("Key (id)=(7) already exists."), std::string::npos) << rejects.rejects[0].reason;
  EXPECT_EQ(rejects.rejects[1].source, "part3.dat");
  EXPECT_EQ(rejects.rejects[1].line, 11u);
  EXPECT_NE(rejects.rejects[1].reason.find("null value in column \"name\""), std::string::npos) << rejects.rejects[1].reason;
  EXPECT_EQ(column_texts(pg, "SELECT count(*) || ':' || count(DISTINCT id) || ':' || min(id) || ':' || max(id) FROM t_gather"),
            (std::vector<std::string>{"4999:4999:7:5099"}));
  EXPECT_EQ(column_texts(pg, "SELECT name FROM t_gather WHERE id = 7"), (std::vector<std::string>{"old"}));
  pg.execute("DROP TABLE t_gather");
}

// Without a refusal, the gathered transactions commit whole: every row once, counted when its
// transaction commits (write() that ends one returns the rows of the batches it held).
TEST(PostgresTarget, GatheredBatchesCommitWhenTheyHoldTheRows) {
  REQUIRE_PG();
  PostgresTarget pg(test_pg());
  pg.execute("DROP TABLE IF EXISTS t_gather2; CREATE TABLE t_gather2 (id bigint PRIMARY KEY)");
  std::vector<LoadColumn> cols = {load_col("ID", ValueKind::Int64)};
  auto writer = pg.open_writer(table_named("T_GATHER2"), cols);
  writer->gather(3000);
  CollectRejects rejects;
  Batch b = batch_for(cols);
  std::vector<uint64_t> counts;
  for (int k = 0; k < 7; ++k) {
    b.clear();
    for (int64_t i = 0; i < 1000; ++i) {
      b.columns[0].append_int(k * 1000 + i);
      b.source_lines.push_back(i + 1);
    }
    counts.push_back(writer->write(b, rejects, "f.dat"));
    if (k == 1) {
      EXPECT_EQ(column_texts(pg, "SELECT count(*) FROM t_gather2"), (std::vector<std::string>{"0"}));
    }
  }
  writer->finish();
  EXPECT_EQ(counts, (std::vector<uint64_t>{0, 0, 3000, 0, 0, 3000, 0}));
  EXPECT_TRUE(rejects.rejects.empty());
  EXPECT_EQ(column_texts(pg, "SELECT count(*) || ':' || count(DISTINCT id) FROM t_gather2"),
            (std::vector<std::string>{"7000:7000"}));
  pg.execute("DROP TABLE t_gather2");
}

TEST(PostgresTarget, ErrorsCarryTheServerMessage) {
  REQUIRE_PG();
  PostgresTarget pg(test_pg());
  EXPECT_EQ(pg.describe(), redact_conninfo(test_pg()));
  try {
    pg.execute("SELECT * FROM no_such_table_here");
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("relation \"no_such_table_here\" does not exist"), std::string::npos) << e.what();
  }
  EXPECT_THROW(pg.query("SELEC 1"), std::runtime_error);
  EXPECT_THROW(pg.open_writer(table_named("NO_SUCH_TABLE"), {load_col("X", ValueKind::Int64)}), std::runtime_error);
  pg.execute("DROP TABLE IF EXISTS t_err; CREATE TABLE t_err (a int)");
  EXPECT_THROW(pg.open_writer(table_named("T_ERR"), {load_col("NOPE", ValueKind::Int64)}), std::runtime_error);
  QueryResult r = pg.query("SELECT NULL AS n, '' AS e");
  EXPECT_EQ(r.columns, (std::vector<std::string>{"n", "e"}));
  EXPECT_FALSE(r.rows[0][0].has_value());
  EXPECT_EQ(r.rows[0][1], std::optional<std::string>(""));
  pg.execute("DROP TABLE t_err");
}

// Connections opened ahead (prefetch_pg_connections) are the ones the next PgConnections with that
// conninfo take, none made beside them; past them a PgConnection connects itself.
TEST(PgConnectionPrefetch, TakenByTheNextConnectionsThenConnectsItself) {
  REQUIRE_PG();
  std::string app = "orashift_prefetch_" + std::to_string(::getpid());
  std::string url = std::string(test_pg()) + (std::string(test_pg()).find('?') == std::string::npos ? "?" : "&") +
                    "application_name=" + app;
  PgConnection watcher(test_pg());
  auto open_now = [&] {
    return std::stoi(*watcher.query_params("SELECT count(*) FROM pg_stat_activity WHERE application_name = $1", {app}).rows[0][0]);
  };
  prefetch_pg_connections(url, 2);
  for (int i = 0; i < 500 && open_now() < 2; ++i) ::usleep(10000);
  ASSERT_EQ(open_now(), 2);
  PgConnection a(url), b(url);
  EXPECT_EQ(open_now(), 2) << "a and b took the two opened ahead";
  EXPECT_NE(a.query("SELECT pg_backend_pid()").rows[0][0], b.query("SELECT pg_backend_pid()").rows[0][0]);
  PgConnection c(url);
  EXPECT_EQ(open_now(), 3);
  EXPECT_EQ(*c.query("SELECT 1").rows[0][0], "1");
}

// A connection opened ahead that failed is not an error by itself: the PgConnection that would
// have taken it connects as always and reports that failure, password scrubbed.
TEST(PgConnectionPrefetch, AFailedOneLeavesTheErrorToTheConnectionThatNeededIt) {
  const std::string url = "postgres://someone:Sup3rS3cret@127.0.0.1:1/db?connect_timeout=2";
  prefetch_pg_connections(url, 1);
  try {
    PgConnection c(url);
    FAIL() << "connected?";
  } catch (const std::runtime_error& e) {
    std::string m = e.what();
    EXPECT_EQ(m.find("Sup3rS3cret"), std::string::npos) << m;
    EXPECT_NE(m.find("cannot connect to postgres://someone:***@127.0.0.1:1/db"), std::string::npos) << m;
  }
}
