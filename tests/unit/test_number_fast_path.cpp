// The oracle-files readers' number fast paths (issue 18) against the general parser: plain
// numbers are read in 64 bits (column_convert.cpp's parse_small) and TO_NUMBER hands a plain
// input on without copying it (NumberFormat::apply). Both must give exactly what the general
// code gives: the same value, the same refusal.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "common/decimal.h"
#include "endpoints/oracle_files/column_convert.h"

using namespace orashift;

namespace {

Column number_column(std::optional<int> p, std::optional<int> s) {
  Column c;
  c.name = "N";
  c.type = OracleType::number(p, s);
  return c;
}

// What the general parser makes of `text` for the column: the value, or "refused".
std::string expected(const ColumnTarget& t, const std::string& text) {
  const int scale = t.kind == ValueKind::Decimal ? t.scale : 0;
  Int128 v;
  bool rounded = false;
  if (parse_decimal(text, scale, v, &rounded) != DecimalParse::Ok || rounded) return "general";
  if (v >= t.limit || v <= -t.limit) return "refused";
  if (t.kind == ValueKind::Int64 && (v > INT64_MAX || v < INT64_MIN)) return "refused";
  return format_decimal(v, scale);
}

std::string converted(const ColumnTarget& t, const std::string& text) {
  ColumnVector col;
  col.kind = t.kind;
  col.scale = t.scale;
  std::string error, scratch;
  FieldValue f = FieldValue::of_text(text);
  if (!append_converted(t, f, col, error, scratch)) {
    EXPECT_EQ(col.size(), 0u);
    EXPECT_EQ(error.rfind("ORA-01438", 0), 0u) << text << ": " << error;
    return "refused";
  }
  if (t.kind == ValueKind::Int64) return format_decimal(col.ints.at(0), 0);
  return format_decimal(col.decimals.at(0), t.scale);
}

}  // namespace

TEST(NumberFastPath, PlainNumbersConvertAsTheGeneralParserReadsThem) {
  std::vector<std::string> texts = {"0", "-0", "+0", "7", "-7", "+7", "12.5", "-12.50", ".5", "5.", "-.5", "0.0000000001",
                                    "999999999999999999", "-999999999999999999", "9223372036854775807",
                                    "-9223372036854775808", "9223372036854775808", "922337203.6854775807",
                                    "922337203.6854775808", "1234567890123456789012345", "000000000000000000000042",
                                    "99999999.99", "100000000.00", "2147483648", "1.1234567891"};
  std::mt19937 rng(18);
  for (int i = 0; i < 3000; ++i) {  // random plain shapes of 1..22 digits
    std::string t = (rng() % 3 == 0) ? "-" : "";
    int digits = 1 + static_cast<int>(rng() % 22), point = static_cast<int>(rng() % (digits + 2)) - 1;
    for (int d = 0; d < digits; ++d) {
      if (d == point) t += '.';
      t += static_cast<char>('0' + rng() % 10);
    }
    texts.push_back(t);
  }
  const std::vector<std::pair<std::optional<int>, std::optional<int>>> types = {
      {std::nullopt, std::nullopt}, {10, 2}, {5, std::nullopt}, {18, 0}, {38, 0}, {14, 4}, {38, 10}, {3, 3}};
  for (const auto& [p, s] : types) {
    Column c = number_column(p, s);
    LoadColumn lc = load_column_for(c);
    lc.column = &c;
    ColumnTarget t = make_column_target(lc, false, nullptr);
    for (const std::string& text : texts) {
      std::string want = expected(t, text);
      if (want == "general") continue;  // rounded or not a plain number: the general path only
      EXPECT_EQ(converted(t, text), want) << "NUMBER(" << p.value_or(0) << "," << s.value_or(0) << ") '" << text << "'";
    }
  }
}

TEST(NumberFastPath, ToNumberHandsOnPlainInputAndNormalisesTheRest) {
  auto f = NumberFormat::compile("9999999.99");
  ASSERT_TRUE(f);
  auto g = NumberFormat::compile("9G999D99MI");
  ASSERT_TRUE(g);
  auto run = [](const NumberFormat& fmt, std::string_view in, bool* same = nullptr) -> std::string {
    std::string buf;
    std::string_view out;
    if (!fmt.apply(in, buf, out)) return "invalid";
    std::string copy;
    EXPECT_TRUE(fmt.apply(in, copy));  // the copying form agrees
    EXPECT_EQ(copy, out);
    if (same) *same = out.data() == in.data();
    return std::string(out);
  };
  bool same = false;
  std::string in = "-1234.5";
  EXPECT_EQ(run(*f, in, &same), "-1234.5");
  EXPECT_TRUE(same);  // the input itself, no copy
  EXPECT_EQ(run(*f, "+1234.5", &same), "1234.5");
  EXPECT_FALSE(same);
  EXPECT_EQ(run(*f, " 12 "), "12");
  EXPECT_EQ(run(*f, "1234567.99"), "1234567.99");
  EXPECT_EQ(run(*f, "12345678"), "invalid");  // 8 integer digits, the model has 7
  EXPECT_EQ(run(*f, "1.234"), "invalid");     // 3 decimals, the model has 2
  EXPECT_EQ(run(*f, "1,234"), "invalid");     // no group separator in the model
  EXPECT_EQ(run(*f, "-"), "invalid");
  EXPECT_EQ(run(*f, "."), "invalid");
  EXPECT_EQ(run(*f, "1.2.3"), "invalid");
  EXPECT_EQ(run(*g, "1,234.50-"), "-1234.50");
  EXPECT_EQ(run(*g, "1234.50"), "1234.50");
  auto n = NumberFormat::compile("99999");  // no decimal point in the model
  ASSERT_TRUE(n);
  EXPECT_EQ(run(*n, "12.0"), "invalid");
  EXPECT_EQ(run(*n, "-12"), "-12");
}
