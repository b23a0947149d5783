// The Redshift staging CSV dialect, value by value: every hard case has the exact bytes COPY
// … CSV NULL AS '\N' must read back as the original value.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include "endpoints/redshift/csv_encoder.h"
#include "target_test_util.h"

using namespace orashift;
using namespace orashift::redshift;
using orashift::testing::i128;

namespace {

ColumnVector text_col(std::initializer_list<const char*> values) {
  ColumnVector c;
  c.kind = ValueKind::Text;
  for (const char* v : values) v ? c.append_text(v) : c.append_null();
  return c;
}

std::string one_text(std::string_view v) {
  ColumnVector c;
  c.kind = ValueKind::Text;
  c.append_text(v);
  return csv_field(c, 0);
}

Batch row_of(std::vector<ColumnVector> cols) {
  Batch b;
  b.columns = std::move(cols);
  b.source_lines.push_back(7);
  return b;
}

}  // namespace

TEST(RedshiftCsv, NullIsUnquotedMarkerAndEmptyStringIsQuoted) {
  ColumnVector c = text_col({nullptr, "", "\\N", "N"});
  EXPECT_EQ(csv_field(c, 0), "\\N");
  EXPECT_EQ(csv_field(c, 1), "\"\"");
  EXPECT_EQ(csv_field(c, 2), "\"\\N\"");  // the text \N is quoted, so never the NULL marker
  EXPECT_EQ(csv_field(c, 3), "\"N\"");
}

TEST(RedshiftCsv, QuotesDelimitersNewlinesBackslashesStayInsideQuotes) {
  EXPECT_EQ(one_text("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(one_text("\""), "\"\"\"\"");
  EXPECT_EQ(one_text("a,b"), "\"a,b\"");
  EXPECT_EQ(one_text("line1\nline2\r\nline3\r"), "\"line1\nline2\r\nline3\r\"");
  EXPECT_EQ(one_text("C:\\dir\\"), "\"C:\\dir\\\"");  // backslashes are literal in CSV mode
  EXPECT_EQ(one_text("  padded  "), "\"  padded  \"");
  EXPECT_EQ(one_text("tab\there|pipe"), "\"tab\there|pipe\"");
  EXPECT_EQ(one_text("Ørsted 東京 ë"), "\"Ørsted 東京 ë\"");
}

TEST(RedshiftCsv, NumbersAreExact) {
  ColumnVector ints;
  ints.kind = ValueKind::Int64;
  ints.append_int(std::numeric_limits<int64_t>::min());
  ints.append_int(0);
  EXPECT_EQ(csv_field(ints, 0), "-9223372036854775808");
  EXPECT_EQ(csv_field(ints, 1), "0");

  ColumnVector dec;
  dec.kind = ValueKind::Decimal;
  dec.scale = 10;
  dec.append_decimal(i128("1234567890123456789012345678.0123456789", 10));
  dec.append_decimal(i128("-0.05", 10));
  EXPECT_EQ(csv_field(dec, 0), "1234567890123456789012345678.0123456789");
  EXPECT_EQ(csv_field(dec, 1), "-0.0500000000");

  ColumnVector d;
  d.kind = ValueKind::Double;
  d.append_double(0.1);
  d.append_double(1e300);
  d.append_double(-std::numeric_limits<double>::infinity());
  d.append_double(std::nan(""));
  EXPECT_EQ(csv_field(d, 0), "0.1");
  EXPECT_EQ(csv_field(d, 1), "1e+300");
  EXPECT_EQ(csv_field(d, 2), "-Infinity");
  EXPECT_EQ(csv_field(d, 3), "NaN");
}

TEST(RedshiftCsv, TimestampsKeepFractionsOldDatesAndBC) {
  ColumnVector t;
  t.kind = ValueKind::Timestamp;
  auto at = [](int y, int mo, int d, int h, int mi, int s, int us) {
    CivilDateTime c;
    c.year = y, c.month = mo, c.day = d, c.hour = h, c.minute = mi, c.second = s, c.micros = us;
    return micros_from_civil(c);
  };
  t.append_int(at(2024, 2, 29, 23, 59, 59, 123456));
  t.append_int(at(1899, 12, 31, 0, 0, 0, 0));
  t.append_int(at(1, 1, 1, 0, 0, 0, 0));
  t.append_int(at(-43, 3, 15, 12, 0, 0, 500000));  // astronomical -43 = 44 BC
  t.append_int(at(-4712, 1, 1, 0, 0, 0, 0));        // 4713 BC, Redshift's first day
  EXPECT_EQ(csv_field(t, 0), "2024-02-29 23:59:59.123456");
  EXPECT_EQ(csv_field(t, 1), "1899-12-31 00:00:00");
  EXPECT_EQ(csv_field(t, 2), "0001-01-01 00:00:00");
  EXPECT_EQ(csv_field(t, 3), "0044-03-15 12:00:00.5 BC");
  EXPECT_EQ(csv_field(t, 4), "4713-01-01 00:00:00 BC");
}

// The staging encoder formats through the 64-bit/no-printf fast paths: the same bytes as the
// plain formatters for random values on both sides of every edge (64-bit magnitude, scale 19+,
// years before 1 and after 9999).
TEST(RedshiftCsv, DecimalsAndTimestampsMatchThePlainFormatters) {
  std::mt19937_64 rng(7);
  for (int scale : {0, 2, 10, 19, 20}) {
    ColumnVector c;
    c.kind = ValueKind::Decimal;
    c.scale = scale;
    for (int i = 0; i < 2000; ++i) {
      Int128 v = static_cast<int64_t>(rng()) >> (rng() % 64);
      if (i % 5 == 0) v *= static_cast<Int128>(UINT64_MAX) + (i % 3) - 1;
      c.append_decimal(v);
      std::string expected;
      append_decimal(expected, v, scale);
      ASSERT_EQ(csv_field(c, c.size() - 1), expected) << scale;
    }
  }
  ColumnVector t;
  t.kind = ValueKind::Timestamp;
  for (int i = 0; i < 5000; ++i) {
    Micros m = static_cast<int64_t>(rng() % (8000000ULL * kMicrosPerDay)) - 4000000LL * kMicrosPerDay;
    if (i % 3 == 0) m -= m % kMicrosPerSecond;
    t.append_int(m);
    ASSERT_EQ(csv_field(t, t.size() - 1), format_timestamp(m));
  }
}

// TIMESTAMPTZ columns carry UTC instants: staged with an explicit "+00" (before a " BC" suffix),
// so a session time zone other than UTC cannot shift them on the way in; a row's other
// timestamp columns stay bare.
TEST(RedshiftCsv, TimestampTzIsStagedWithAnExplicitUtcOffset) {
  ColumnVector t;
  t.kind = ValueKind::Timestamp;
  CivilDateTime c;
  c.year = 2024, c.month = 2, c.day = 29, c.hour = 23, c.minute = 59, c.second = 59, c.micros = 500000;
  t.append_int(micros_from_civil(c));
  c.year = -43, c.month = 3, c.day = 15, c.micros = 0;
  t.append_int(micros_from_civil(c));
  EXPECT_EQ(csv_field(t, 0, true), "2024-02-29 23:59:59.5+00");
  EXPECT_EQ(csv_field(t, 1, true), "0044-03-15 23:59:59+00 BC");
  EXPECT_EQ(csv_field(t, 0), "2024-02-29 23:59:59.5");

  Batch b = row_of({t, t});
  CsvPolicy policy;
  policy.utc_offset = {false, true};
  std::string out;
  EXPECT_LT(append_csv_row(out, b, 0, policy).column, 0);
  EXPECT_EQ(out, "2024-02-29 23:59:59.5,2024-02-29 23:59:59.5+00\n");
}

TEST(RedshiftCsv, BytesAreUnquotedHex) {
  ColumnVector b;
  b.kind = ValueKind::Bytes;
  b.append_text(std::string("\x00\xff\x10", 3));
  b.append_text("");
  EXPECT_EQ(csv_field(b, 0), "00ff10");
  // An empty BLOB is quoted: COPY loads an empty unquoted field of a non-character type as NULL
  // (COPY data conversion parameters, BLANKSASNULL/EMPTYASNULL).
  EXPECT_EQ(csv_field(b, 1), "\"\"");
}

TEST(RedshiftCsv, RowEndsWithNewlineAndSeparatesWithCommas) {
  ColumnVector id;
  id.kind = ValueKind::Int64;
  id.append_int(1);
  Batch b = row_of({id, text_col({"a\"b"}), text_col({nullptr})});
  std::string out;
  EXPECT_EQ(append_csv_row(out, b, 0, {}).column, -1);
  EXPECT_EQ(out, "1,\"a\"\"b\",\\N\n");
}

TEST(RedshiftCsv, NulByteRefusesTheRowAndWritesNothing) {
  ColumnVector id;
  id.kind = ValueKind::Int64;
  id.append_int(1);
  ColumnVector t;
  t.kind = ValueKind::Text;
  t.append_text(std::string("a\0b", 3));
  Batch b = row_of({id, t});
  std::string out = "previous\n";
  CsvRowProblem p = append_csv_row(out, b, 0, {});
  EXPECT_EQ(p.column, 1);
  EXPECT_NE(p.reason.find("NUL"), std::string::npos);
  EXPECT_EQ(out, "previous\n");
}

TEST(RedshiftCsv, InvalidUtf8IsRejectedUnlessAcceptInvChars) {
  Batch b = row_of({text_col({"ok"}), text_col({"bad \xC3\x28 byte"})});
  std::string out;
  CsvRowProblem p = append_csv_row(out, b, 0, {});
  EXPECT_EQ(p.column, 1);
  EXPECT_NE(p.reason.find("UTF-8"), std::string::npos);
  EXPECT_TRUE(out.empty());
  CsvPolicy accept;
  accept.accept_invalid_utf8 = true;
  EXPECT_EQ(append_csv_row(out, b, 0, accept).column, -1);
  EXPECT_EQ(out, "\"ok\",\"bad \xC3\x28 byte\"\n");
}
