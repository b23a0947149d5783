#include <gtest/gtest.h>

#include <cstdlib>

#include "endpoints/postgres/pg_connection.h"
#include "endpoints/postgres/postgres_source.h"
#include "load/copy_text.h"

#include "target_test_util.h"
#include "require_env.h"

using namespace orashift;

namespace {

// A fresh schema on the test server, dropped at the end; `conn` connects with it as the search path.
struct TestSchema {
  std::string name, conn;
  PgConnection admin;
  explicit TestSchema(std::string schema) : name(std::move(schema)), admin(std::getenv("ORASHIFT_TEST_PG")) {
    admin.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    admin.execute("CREATE SCHEMA " + name);
    std::string base = std::getenv("ORASHIFT_TEST_PG");
    conn = base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + name;
  }
  ~TestSchema() {
    try {
      admin.execute("DROP SCHEMA " + name + " CASCADE");
    } catch (const std::exception&) {  // a test failing mid-way leaves it for the next run's DROP
    }
  }
};

}  // namespace

TEST(PgCopyDecode, EscapesAndTimestamps) {
  std::string out;
  decode_copy_text("a\\tb\\\\c\\nd\\x41\\101", out);
  EXPECT_EQ(out, "a\tb\\c\ndAA");
  Micros t;
  ASSERT_TRUE(parse_pg_timestamp("2001-01-01 00:01:01.5", t));
  EXPECT_EQ(format_timestamp(t), "2001-01-01 00:01:01.5");
  ASSERT_TRUE(parse_pg_timestamp("0044-03-15 BC", t));
  EXPECT_EQ(format_timestamp(t), "0044-03-15 00:00:00 BC");
  ASSERT_TRUE(parse_pg_timestamp("2020-02-29 23:59:59+00", t));
  EXPECT_FALSE(parse_pg_timestamp("2020-02-30", t));
  EXPECT_FALSE(parse_pg_timestamp("2020-01-01 1:02:03", t));
}

TEST(PostgresSource, ReadsCatalogAndRowsExactly) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set (scripts/test starts a server)";
  TestSchema schema("pgsrc_test");
  const std::string& conn = schema.conn;
  PgConnection c(conn);
  c.execute("CREATE TABLE t (id integer PRIMARY KEY, amount numeric(12,3), free numeric, ts timestamp, "
            "label varchar(20), note text, raw bytea)");
  c.execute("INSERT INTO t VALUES (1, 123456789.125, 1.5, '1850-06-01 12:00:00.000001', 'tab\there', '', '\\x00ff'), "
            "(2, NULL, 0.123456789012, NULL, NULL, NULL, NULL)");
  PostgresSource src(conn, schema.name);  // its own schema: other tests use the same database
  const Table* t = src.catalog().find_table("t");
  ASSERT_TRUE(t);
  ASSERT_EQ(t->columns.size(), 7u);
  EXPECT_EQ(t->columns[0].type.text(), "NUMBER(9,0)");
  EXPECT_EQ(t->columns[1].type.text(), "NUMBER(12,3)");
  EXPECT_EQ(t->columns[4].type.text(), "VARCHAR2(20 CHAR)");
  EXPECT_FALSE(t->columns[0].nullable);
  ASSERT_TRUE(t->primary_key());
  EXPECT_EQ(t->primary_key()->columns, std::vector<std::string>{"id"});
  auto units = src.units();
  ASSERT_EQ(units.size(), 1u);
  orashift::testing::CollectRejects rejects;
  auto cols = load_columns_for(*t);
  auto reader = src.open(units[0], cols, rejects);
  Batch b = orashift::testing::batch_for(cols);
  EXPECT_FALSE(reader->next(b, 100));
  // Row 2's unconstrained NUMERIC needs 12 fractional digits: rejected, never rounded.
  ASSERT_EQ(b.rows(), 1u);
  ASSERT_EQ(rejects.rejects.size(), 1u);
  EXPECT_NE(rejects.rejects[0].reason.find("OS1001"), std::string::npos);
  EXPECT_EQ(reader->rows_read(), 2u);
  EXPECT_EQ(format_decimal(b.columns[1].decimals[0], 3), "123456789.125");
  // The rejected row must not disturb the columns of the rows kept before it.
  for (const auto& c : b.columns) EXPECT_EQ(c.size(), 1u);
  EXPECT_EQ(format_decimal(b.columns[2].decimals[0], 10), "1.5000000000");
  EXPECT_EQ(format_timestamp(b.columns[3].ints[0]), "1850-06-01 12:00:00.000001");
  EXPECT_EQ(b.columns[4].text(0), "tab\there");
  EXPECT_FALSE(b.columns[5].is_null(0));  // PostgreSQL keeps '' apart from NULL, and so do we
  EXPECT_EQ(b.columns[5].text(0), "");
  EXPECT_EQ(b.columns[6].text(0), std::string("\0\xff", 2));
}

// NUMERIC text takes a digits-only fast path when it can; every value must read exactly as the
// general decimal parser reads it, on both sides of the 18-digit and 38-digit edges.
TEST(PostgresSource, NumericFastPathReadsLikeTheDecimalParser) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set (scripts/test starts a server)";
  TestSchema schema("pgsrc_num");
  const std::string& conn = schema.conn;
  PgConnection c(conn);
  const std::vector<std::string> values = {"0", "-0.5", "1.5", "-123.4500", "999999999999999999", "-999999999999999999",
                                           "1000000000000000000", "12345678.9012345678", "1234567890123456789.0123456789",
                                           "9999999999999999999999999999.9999999999", "0.0000000001", "-0.0000000001"};
  c.execute("CREATE TABLE n (id integer PRIMARY KEY, v numeric(38,10), w numeric(20,4))");
  for (size_t i = 0; i < values.size(); ++i)
    c.execute("INSERT INTO n VALUES (" + std::to_string(i) + ", " + values[i] + ", " +
              (values[i].size() <= 15 ? values[i] : "NULL") + ")");
  PostgresSource src(conn, schema.name);  // its own schema: other tests use the same database
  const Table* t = src.catalog().find_table("n");
  ASSERT_TRUE(t);
  auto cols = load_columns_for(*t);
  orashift::testing::CollectRejects rejects;
  auto reader = src.open(src.units().at(0), cols, rejects);
  Batch b = orashift::testing::batch_for(cols);
  EXPECT_FALSE(reader->next(b, 100));
  ASSERT_TRUE(rejects.rejects.empty());
  ASSERT_EQ(b.rows(), values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    ASSERT_EQ(b.columns[0].ints[i], static_cast<int64_t>(i));  // COPY keeps insertion order here
    Int128 expected;
    ASSERT_EQ(parse_decimal(values[i], 10, expected), DecimalParse::Ok);
    EXPECT_TRUE(b.columns[1].decimals[i] == expected) << values[i] << " read as " << format_decimal(b.columns[1].decimals[i], 10);
    if (values[i].size() <= 15) {
      ASSERT_EQ(parse_decimal(values[i], 4, expected), DecimalParse::Ok);
      EXPECT_TRUE(b.columns[2].decimals[i] == expected) << values[i];
    }
  }
}

// The binary and the text COPY formats must read every value the same, reject the same rows
// with the same reasons and records. `flag` decides the format: a text column (every column
// decodes from binary) or a boolean (read from text, so the whole table is).
TEST(PostgresSource, BinaryAndTextFormatsReadAlike) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set (scripts/test starts a server)";
  TestSchema schema("pgsrc_fmt");
  const std::string& conn = schema.conn;
  PgConnection c(conn);
  const std::string columns =
      "id integer PRIMARY KEY, i2 smallint, i8 bigint, n0 numeric(12,0), n numeric(20,4), nu numeric, f8 float8, "
      "dt date, ts timestamp(3), tz timestamptz, bc char(5), vc varchar(10), tx text, by bytea";
  const std::vector<std::string> rows = {
      "1, -32768, 9223372036854775807, -999999999999, 12345678.9012, 1.5, 0.1, '2024-02-29', "
      "'1850-06-01 12:00:00.123', '2020-01-01 10:00:00+00', 'ab', 'x\ty', 'back\\slash\nnl', '\\x00ff5c'",
      "2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL",
      "3, 0, 0, 0, -0.0001, 'NaN', '-Infinity', '0044-03-15 BC', '0001-01-01 00:00:00 BC', 'infinity', '', '', '', ''",
      "4, 1, -1, 1, 1, 0.123456789012, 1e308, 'infinity', '-infinity', '1999-12-31 23:59:59.999999+00', 'é', 'é', 'é', '\\x'",
      "5, 2, 2, 2, 9999999999999999.9999, 1234567890123456789012345678, 2.5e-300, '2000-01-01', '2000-01-01', "
      "'2000-01-01 00:00:00+00', 'z', 'z', 'z', NULL",
      "6, 3, 3, 3, 3, -99999999999999999999999999.9999999999, 3, '1970-01-01', '1970-01-01 00:00:00.5', "
      "'1970-01-01 00:00:00.5+00', 'q', 'q', 'q', '\\x01'"};
  c.execute("CREATE TABLE fmt_bin (" + columns + ", flag text)");
  c.execute("CREATE TABLE fmt_txt (" + columns + ", flag boolean)");
  std::string values;  // 't'/'f' read as text or as boolean
  for (size_t i = 0; i < rows.size(); ++i) values += std::string(i ? ", " : "") + "(" + rows[i] + (i % 2 ? ", 't')" : ", 'f')");
  c.execute("INSERT INTO fmt_bin VALUES " + values);
  c.execute("INSERT INTO fmt_txt VALUES " + values);
  PostgresSource src(conn, schema.name);  // its own schema: other tests use the same database
  struct Read {
    std::vector<std::string> rows;
    std::vector<std::string> rejects;
  };
  auto read = [&](const std::string& table) {
    const Table* t = src.catalog().find_table(table);
    EXPECT_TRUE(t);
    Read out;
    if (!t) return out;
    auto cols = load_columns_for(*t);
    orashift::testing::CollectRejects rejects;
    for (const auto& unit : src.units()) {
      if (unit.table != table) continue;
      auto reader = src.open(unit, cols, rejects);
      Batch b = orashift::testing::batch_for(cols);
      bool more = true;
      while (more) {
        more = reader->next(b, 2);  // batches smaller than the table: rows carry over messages
        for (size_t r = 0; r < b.rows(); ++r) out.rows.push_back(copy_row_text(b, r));
      }
      EXPECT_EQ(reader->rows_read(), 6u);
    }
    for (const auto& r : rejects.rejects) out.rejects.push_back(std::to_string(r.line) + " " + r.reason + " | " + r.record);
    return out;
  };
  Read bin = read("fmt_bin"), txt = read("fmt_txt");
  EXPECT_EQ(bin.rows, txt.rows);
  EXPECT_EQ(bin.rejects, txt.rejects);
  // Row 3 (NaN, infinity) and row 4 (12 fractional digits, infinite dates) are rejected; 1, 2, 5, 6 read.
  ASSERT_EQ(bin.rows.size(), 4u);
  ASSERT_EQ(bin.rejects.size(), 2u);
  EXPECT_EQ(bin.rejects[0].substr(0, 2), "3 ");
  EXPECT_NE(bin.rejects[0].find("cannot read 'NaN'"), std::string::npos) << bin.rejects[0];
  EXPECT_NE(bin.rejects[1].find("cannot read '0.123456789012'"), std::string::npos) << bin.rejects[1];
  EXPECT_NE(bin.rows[0].find("-32768\t9223372036854775807\t-999999999999\t12345678.9012\t"), std::string::npos) << bin.rows[0];
}
