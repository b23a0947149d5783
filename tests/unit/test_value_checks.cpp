#include <gtest/gtest.h>

#include "common/decimal_rescale.h"
#include "common/utf8.h"

using namespace orashift;

TEST(Utf8, AcceptsWellFormedAndRefusesTheRest) {
  EXPECT_TRUE(valid_utf8(""));
  EXPECT_TRUE(valid_utf8("plain ascii text, long enough for the 8-byte path"));
  EXPECT_TRUE(valid_utf8("Grüße 日本語 🙂 \xF4\x8F\xBF\xBF"));
  EXPECT_TRUE(valid_utf8(std::string_view("a\0b", 3)));
  EXPECT_FALSE(valid_utf8("\xC3"));              // truncated
  EXPECT_FALSE(valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(valid_utf8("\xE0\x80\xAF"));      // overlong
  EXPECT_FALSE(valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(valid_utf8("abcdefgh\xFF"));      // Latin-1 after the fast path
}

TEST(DecimalRescale, ConvertsExactlyOrRefuses) {
  Int128 out = 0;
  std::string why;
  EXPECT_TRUE(rescale_decimal(12300, 4, 10, 2, out, &why));  // 1.2300 -> 1.23: only zeros dropped
  EXPECT_EQ(out, 123);
  EXPECT_FALSE(rescale_decimal(12345, 4, 10, 2, out, &why));
  EXPECT_EQ(why, "1.2345 would be rounded to fit NUMERIC(10,2)");
  EXPECT_TRUE(rescale_decimal(-5, 0, 3, 2, out));  // -5 -> -5.00
  EXPECT_EQ(out, -500);
  EXPECT_FALSE(rescale_decimal(10, 0, 3, 2, out, &why));  // 10.00 needs 4 digits
  EXPECT_EQ(why, "10 does not fit NUMERIC(3,2)");
  Int128 max38 = pow10_i128(38) - 1;
  EXPECT_TRUE(rescale_decimal(max38, 0, 38, 0, out));
  EXPECT_FALSE(rescale_decimal(max38, 0, 38, 1, out));  // would overflow 38 digits
  EXPECT_TRUE(rescale_decimal(1200, 0, 5, -2, out));    // PostgreSQL negative scale
  EXPECT_EQ(out, 12);
  EXPECT_FALSE(rescale_decimal(1234, 0, 5, -2, out));
}
