#pragma once
// Exact decimals for Oracle NUMBER: a 128-bit integer scaled by 10^scale. Up to 38 digits,
// which covers NUMBER's precision; never goes through double.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace orashift {

using Int128 = __int128;

enum class DecimalParse { Ok, Empty, Syntax, Overflow, ScaleLoss };

// Parses text such as "-12.50", "+3", ".5", "1e3", "1.2E-2" into value * 10^scale.
// Extra fractional digits are rounded half away from zero, as Oracle does when it stores a
// value into NUMBER(p,s); `rounded` tells the caller that happened. Leading/trailing blanks ok.
DecimalParse parse_decimal(std::string_view text, int scale, Int128& out, bool* rounded = nullptr);

// Formats value / 10^scale with exactly `scale` fractional digits ("-0.05", "12.00").
std::string format_decimal(Int128 value, int scale);
void append_decimal(std::string& out, Int128 value, int scale);

// Number of decimal digits of |value| (0 has 1 digit).
int decimal_digits(Int128 value);

// 10^n, read from a table for 0 <= n <= 38 (the loaders call it per value).
Int128 pow10_i128(int n);
// 10^n for 0 <= n <= 19.
uint64_t pow10_u64(int n);

}  // namespace orashift
