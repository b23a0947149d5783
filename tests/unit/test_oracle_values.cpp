// The value decoders against byte layouts documented for Oracle's NUMBER, DATE, TIMESTAMP and
// BINARY_FLOAT/DOUBLE (OCI Programmer's Guide "Data Types", SQL Reference DUMP examples).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "endpoints/oracle/oracle_values.h"

using namespace orashift;
using namespace orashift::oracle;

namespace {

std::string bytes(std::initializer_list<int> b) {
  std::string s;
  for (int x : b) s += static_cast<char>(x);
  return s;
}

std::string number(std::initializer_list<int> b) {
  std::string err;
  auto v = decode_number(bytes(b), &err);
  return v ? *v : "error: " + err;
}

}  // namespace

TEST(OracleNumber, DocumentedExamples) {
  // Oracle 8.1.6 Concepts / DUMP(): 5 = C1,06; 100 = C2,02; 12345678 = C4,0D,23,39,4F;
  // -12345678 = 3B,59,43,2D,17,66; 14500 = C3,02,2E; 0.0000456 = BE,2E,3D.
  EXPECT_EQ(number({0xC1, 0x06}), "5");
  EXPECT_EQ(number({0xC2, 0x02}), "100");
  EXPECT_EQ(number({0xC4, 0x0D, 0x23, 0x39, 0x4F}), "12345678");
  EXPECT_EQ(number({0x3B, 0x59, 0x43, 0x2D, 0x17, 0x66}), "-12345678");
  EXPECT_EQ(number({0xC3, 0x02, 0x2E}), "14500");
  EXPECT_EQ(number({0xBE, 0x2E, 0x3D}), "0.0000456");
}

TEST(OracleNumber, ZeroFractionsNegativesAndInfinities) {
  EXPECT_EQ(number({0x80}), "0");
  EXPECT_EQ(number({0xC0, 0x33}), "0.5");                 // 50 × 100^-1
  EXPECT_EQ(number({0xC1, 0x02, 0x33}), "1.5");
  EXPECT_EQ(number({0x3E, 0x64, 0x66}), "-1");            // exponent 62 - 0, digit 101 - 1
  EXPECT_EQ(number({0x3F, 0x33, 0x66}), "-0.5");
  EXPECT_EQ(number({0xFF, 0x65}), "Infinity");
  EXPECT_EQ(number({0x00}), "-Infinity");
}

TEST(OracleNumber, ThirtyEightDigitsNeverThroughADouble) {
  std::string big = "12345678901234567890123456789012345678";
  auto enc = encode_number(big);
  ASSERT_TRUE(enc);
  EXPECT_EQ(enc->size(), 20u);  // exponent + 19 pairs
  EXPECT_EQ(decode_number(*enc), big);
  for (std::string v : {"-98765432109876543210.0123456789", "0.000000000000000000000000000001", "-0.1", "99", "-100",
                        "1e", "123.4500"}) {
    auto e = encode_number(v);
    if (v == "1e") {
      EXPECT_FALSE(e);
      continue;
    }
    ASSERT_TRUE(e) << v;
    std::string expect = v == "123.4500" ? "123.45" : v;
    EXPECT_EQ(decode_number(*e), expect) << v;
  }
}

TEST(OracleNumber, CorruptBytesAreErrorsNotValues) {
  std::string err;
  EXPECT_FALSE(decode_number(bytes({0xC1, 0x00}), &err));  // mantissa byte 0 is impossible
  EXPECT_NE(err.find("invalid NUMBER"), std::string::npos);
  EXPECT_FALSE(decode_number("", &err));
  EXPECT_FALSE(decode_varnum(bytes({5, 0xC1}), &err));  // length byte beyond the buffer
  EXPECT_EQ(decode_varnum(bytes({2, 0xC1, 0x06, 0, 0})), "5");
}

TEST(OracleDate, SevenBytesIncludingBcYears) {
  // 2019-06-30 13:45:59 = 120,119,6,30,14,46,60
  auto d = decode_date(bytes({120, 119, 6, 30, 14, 46, 60}));
  ASSERT_TRUE(d);
  EXPECT_EQ(format_timestamp(*d), "2019-06-30 13:45:59");
  // 1 January 4712 BC (Julian day 1), as DUMP shows it: 53,88,1,1,1,1,1 → astronomical -4711.
  auto bc = decode_date(bytes({53, 88, 1, 1, 1, 1, 1}));
  ASSERT_TRUE(bc);
  EXPECT_EQ(civil_from_micros(*bc).year, -4711);
  // 1 BC = 100,99; 100 BC = 99,100.
  EXPECT_EQ(civil_from_micros(*decode_date(bytes({100, 99, 12, 31, 24, 60, 60}))).year, 0);
  EXPECT_EQ(civil_from_micros(*decode_date(bytes({99, 100, 1, 1, 1, 1, 1}))).year, -99);
  for (int y : {-4711, -99, 0, 1, 99, 100, 1999, 2000, 9999}) {
    CivilDateTime c;
    c.year = y;
    c.month = 2;
    c.day = 28;
    c.hour = 23;
    EXPECT_EQ(civil_from_micros(*decode_date(encode_date(c))).year, y);
  }
}

TEST(OracleDate, CorruptDatesAreRejected) {
  std::string err;
  EXPECT_FALSE(decode_date(bytes({120, 119, 2, 30, 1, 1, 1}), &err));  // 30 February
  EXPECT_NE(err.find("invalid DATE"), std::string::npos);
  EXPECT_FALSE(decode_date(bytes({120, 119, 13, 1, 1, 1, 1}), &err));  // month 13
  EXPECT_FALSE(decode_date(bytes({120, 119, 1, 1, 0, 1, 1}), &err));   // hour byte 0
  EXPECT_FALSE(decode_date(bytes({120, 119, 1, 1}), &err));
}

TEST(OracleTimestamp, ElevenBytesWithNanoseconds) {
  // 2021-02-03 04:05:06.123456789: fraction 0x075BCD15 big-endian, rounded to microseconds.
  auto t = decode_timestamp(bytes({120, 121, 2, 3, 5, 6, 7, 0x07, 0x5B, 0xCD, 0x15}));
  ASSERT_TRUE(t);
  EXPECT_EQ(format_timestamp(*t), "2021-02-03 04:05:06.123457");
  EXPECT_EQ(format_timestamp(*decode_timestamp(bytes({120, 121, 2, 3, 5, 6, 7}))), "2021-02-03 04:05:06");
  std::string err;
  EXPECT_FALSE(decode_timestamp(bytes({120, 121, 2, 3, 5, 6, 7, 0x3B, 0x9A, 0xCA, 0x00}), &err));  // 10^9 ns
}

TEST(OracleBinaryDouble, SortableBytesNanAndInfinities) {
  // 1.0 is 3F F0 00… in IEEE; stored with the sign bit flipped: BF F0 00…
  EXPECT_EQ(*decode_binary_double(bytes({0xBF, 0xF0, 0, 0, 0, 0, 0, 0})), 1.0);
  // -1.0 is BF F0 00… in IEEE; stored with every bit inverted: 40 0F FF…
  EXPECT_EQ(*decode_binary_double(bytes({0x40, 0x0F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF})), -1.0);
  double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(*decode_binary_double(encode_binary_double(inf)), inf);
  EXPECT_EQ(*decode_binary_double(encode_binary_double(-inf)), -inf);
  EXPECT_TRUE(std::isnan(*decode_binary_double(encode_binary_double(std::nan("")))));
  EXPECT_LT(encode_binary_double(-2.5), encode_binary_double(-1.0));  // the bytes sort like the numbers
  EXPECT_LT(encode_binary_double(1.0), encode_binary_double(2.5));
  // BINARY_FLOAT 1.5 = 3F C0 00 00 → BF C0 00 00
  EXPECT_EQ(*decode_binary_float(bytes({0xBF, 0xC0, 0, 0})), 1.5f);
  EXPECT_FALSE(decode_binary_float(bytes({1, 2, 3})));
}
