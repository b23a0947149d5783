#include "common/decimal.h"

#include <algorithm>
#include <array>

namespace orashift {

Int128 pow10_i128(int n) {
  static const auto table = [] {
    std::array<Int128, 39> t{};
    t[0] = 1;
    for (int i = 1; i < 39; ++i) t[i] = t[i - 1] * 10;
    return t;
  }();
  if (n >= 0 && n <= 38) return table[n];
  Int128 v = 1;  // outside NUMBER's range: as the multiplication gives it
  for (int i = 0; i < n; ++i) v *= 10;
  return v;
}

uint64_t pow10_u64(int n) {
  static const auto table = [] {
    std::array<uint64_t, 20> t{};
    t[0] = 1;
    for (int i = 1; i < 20; ++i) t[i] = t[i - 1] * 10;
    return t;
  }();
  return table[n];
}

int decimal_digits(Int128 value) {
  if (value < 0) value = -value;
  int d = 1;
  while (value >= 10) {
    value /= 10;
    ++d;
  }
  return d;
}

static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

DecimalParse parse_decimal(std::string_view s, int scale, Int128& out, bool* rounded) {
  if (rounded) *rounded = false;
  size_t i = 0, n = s.size();
  while (i < n && is_blank(s[i])) ++i;
  while (n > i && is_blank(s[n - 1])) --n;
  if (i == n) return DecimalParse::Empty;
  bool neg = false;
  if (s[i] == '+' || s[i] == '-') {
    neg = s[i] == '-';
    ++i;
  }
  // Collect significant digits and the position of the decimal point.
  std::string digits;
  digits.reserve(n - i);
  int frac_digits = 0;
  bool seen_point = false, any_digit = false;
  for (; i < n; ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      any_digit = true;
      if (digits.empty() && c == '0' && !seen_point) continue;  // leading zeros
      digits.push_back(c);
      if (seen_point) ++frac_digits;
    } else if (c == '.' && !seen_point) {
      seen_point = true;
    } else {
      break;
    }
  }
  if (!any_digit) return DecimalParse::Syntax;
  int exponent = 0;
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool eneg = false;
    if (i < n && (s[i] == '+' || s[i] == '-')) eneg = s[i++] == '-';
    if (i == n) return DecimalParse::Syntax;
    for (; i < n && s[i] >= '0' && s[i] <= '9'; ++i) {
      exponent = exponent * 10 + (s[i] - '0');
      if (exponent > 400) return DecimalParse::Overflow;
    }
    if (eneg) exponent = -exponent;
  }
  if (i != n) return DecimalParse::Syntax;
  // value = digits * 10^(exponent - frac_digits); we want value * 10^scale.
  int shift = exponent - frac_digits + scale;
  if (shift < 0) {
    // Drop -shift digits from the right, rounding half away from zero.
    size_t drop = static_cast<size_t>(-shift);
    bool round_up = false;
    bool lost = false;
    if (drop <= digits.size()) {
      std::string_view dropped(digits.data() + digits.size() - drop, drop);
      round_up = !dropped.empty() && dropped[0] >= '5';
      lost = std::any_of(dropped.begin(), dropped.end(), [](char c) { return c != '0'; });
      digits.resize(digits.size() - drop);
    } else {
      lost = std::any_of(digits.begin(), digits.end(), [](char c) { return c != '0'; });
      digits.clear();
    }
    if (rounded) *rounded = lost;
    shift = 0;
    Int128 v = 0;
    if (digits.size() > 38) return DecimalParse::Overflow;
    for (char c : digits) v = v * 10 + (c - '0');
    if (round_up) v += 1;
    if (decimal_digits(v) > 38) return DecimalParse::Overflow;
    out = neg ? -v : v;
    return DecimalParse::Ok;
  }
  if (digits.size() + static_cast<size_t>(shift) > 38 && !digits.empty()) return DecimalParse::Overflow;
  Int128 v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  if (v != 0) v *= pow10_i128(shift);
  out = neg ? -v : v;
  return DecimalParse::Ok;
}

void append_decimal(std::string& out, Int128 value, int scale) {
  char buf[64];
  int pos = 64;
  bool neg = value < 0;
  // Work with negative magnitudes so the most negative value formats too.
  Int128 v = neg ? value : -value;
  int written = 0;
  do {
    int digit = -static_cast<int>(v % 10);
    v /= 10;
    buf[--pos] = static_cast<char>('0' + digit);
    ++written;
    if (written == scale) buf[--pos] = '.';
  } while (v != 0 || written < scale + 1);
  if (buf[pos] == '.') buf[--pos] = '0';
  if (neg) buf[--pos] = '-';
  out.append(buf + pos, 64 - pos);
}

std::string format_decimal(Int128 value, int scale) {
  std::string s;
  append_decimal(s, value, scale);
  return s;
}

}  // namespace orashift
