#include <gtest/gtest.h>

#include "common/decimal.h"

using namespace orashift;

static std::string roundtrip(std::string_view in, int scale) {
  Int128 v;
  if (parse_decimal(in, scale, v) != DecimalParse::Ok) return "ERR";
  return format_decimal(v, scale);
}

TEST(Decimal, ParsesAndFormatsExactly) {
  EXPECT_EQ(roundtrip("12.5", 2), "12.50");
  EXPECT_EQ(roundtrip("-0.05", 2), "-0.05");
  EXPECT_EQ(roundtrip(".5", 1), "0.5");
  EXPECT_EQ(roundtrip("  7 ", 0), "7");
  EXPECT_EQ(roundtrip("1e3", 0), "1000");
  EXPECT_EQ(roundtrip("1.2E-2", 4), "0.0120");
  EXPECT_EQ(roundtrip("12345678901234567890123456789012345678", 0), "12345678901234567890123456789012345678");
  EXPECT_EQ(roundtrip("123456789012.3456789", 10), "123456789012.3456789000");
}

TEST(Decimal, RoundsHalfAwayFromZeroLikeOracle) {
  bool rounded = false;
  Int128 v;
  ASSERT_EQ(parse_decimal("1.005", 2, v, &rounded), DecimalParse::Ok);
  EXPECT_TRUE(rounded);
  EXPECT_EQ(format_decimal(v, 2), "1.01");
  ASSERT_EQ(parse_decimal("-1.005", 2, v), DecimalParse::Ok);
  EXPECT_EQ(format_decimal(v, 2), "-1.01");
  ASSERT_EQ(parse_decimal("2.50", 1, v, &rounded), DecimalParse::Ok);
  EXPECT_FALSE(rounded);
}

TEST(Decimal, RejectsGarbageAndOverflow) {
  Int128 v;
  EXPECT_EQ(parse_decimal("", 0, v), DecimalParse::Empty);
  EXPECT_EQ(parse_decimal("12a", 0, v), DecimalParse::Syntax);
  EXPECT_EQ(parse_decimal("-", 0, v), DecimalParse::Syntax);
  EXPECT_EQ(parse_decimal("1e", 0, v), DecimalParse::Syntax);
  EXPECT_EQ(parse_decimal("123456789012345678901234567890123456789", 0, v), DecimalParse::Overflow);
  EXPECT_EQ(parse_decimal("1", 38, v), DecimalParse::Overflow);
}
