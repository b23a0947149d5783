// The fast paths of COPY text encoding (eight bytes at a time for text, 64-bit decimals,
// printf-free timestamps) must write exactly what the plain definitions write.
#include <gtest/gtest.h>

#include <random>

#include "load/copy_text.h"
#include "target_test_util.h"

using namespace orashift;
using namespace orashift::testing;

namespace {

std::string reference_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\0': out += "\\0"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string field(const ColumnVector& c) {
  std::string out;
  append_copy_field(out, c, c.size() - 1);
  return out;
}

}  // namespace

TEST(PostgresCopyText, TextEscapesAtEveryPosition) {
  // Specials at each offset of strings longer than a word, around UTF-8 bytes (>= 0x80).
  const std::string specials("\\\t\n\r\0\x0b\x0d\x0e\x5b\x5d\xc3\xa9", 12);
  ColumnVector c;
  c.kind = ValueKind::Text;
  for (size_t len = 0; len < 21; ++len)
    for (size_t at = 0; at < std::max<size_t>(len, 1); ++at)
      for (char sp : specials) {
        std::string s(len, 'x');
        if (len) s[at] = sp;
        if (len > 3) s[len - 1] = '\xe2';
        c.append_text(s);
        EXPECT_EQ(field(c), reference_escape(s)) << len << " " << at << " " << int(sp);
      }
}

TEST(PostgresCopyText, DecimalsAndTimestampsMatchThePlainFormatters) {
  std::mt19937_64 rng(42);
  for (int scale : {0, 1, 4, 10, 18, 19, 20}) {
    ColumnVector c;
    c.kind = ValueKind::Decimal;
    c.scale = scale;
    for (int i = 0; i < 2000; ++i) {
      Int128 v = static_cast<int64_t>(rng()) >> (rng() % 64);
      if (i % 7 == 0) v *= static_cast<Int128>(UINT64_MAX) + (i % 3) - 1;  // across the 64-bit edge
      c.append_decimal(v);
      std::string expected;
      append_decimal(expected, v, scale);
      ASSERT_EQ(field(c), expected) << scale;
    }
  }
  ColumnVector t;
  t.kind = ValueKind::Timestamp;
  for (int i = 0; i < 5000; ++i) {
    Micros m = static_cast<int64_t>(rng() % (400000ULL * kMicrosPerDay)) - 200000LL * kMicrosPerDay;
    if (i % 3 == 0) m -= m % kMicrosPerSecond;  // whole seconds
    if (i == 0) m = micros_from_civil({-44, 3, 15, 0, 0, 0, 0});  // BC: the plain formatter's path
    t.append_int(m);
    ASSERT_EQ(field(t), format_timestamp(m));
  }
}
