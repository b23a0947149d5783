#include "load/task/typed_value.h"

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <limits>

#include "common/datetime.h"

namespace orashift {

static int sign(Int128 v) { return v < 0 ? -1 : v > 0 ? 1 : 0; }

// Multiplies by 10^n; false when the result would not fit (|result| > ~1.7e38).
static bool scale_up(Int128& v, int n) {
  const Int128 max = (~static_cast<unsigned __int128>(0)) >> 1;
  for (int i = 0; i < n; ++i) {
    if (v > max / 10 || v < -(max / 10)) return false;
    v *= 10;
  }
  return true;
}

int compare_scaled(Int128 a, int sa, Int128 b, int sb) {
  if (sign(a) != sign(b)) return sign(a) < sign(b) ? -1 : 1;
  if (sa < sb) {
    // Overflow means |a| is beyond anything b can be, so the sign of a decides.
    if (!scale_up(a, sb - sa)) return sign(a);
  } else if (sb < sa) {
    if (!scale_up(b, sa - sb)) return -sign(b);
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

static bool digits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

std::optional<int64_t> parse_iso_datetime(std::string_view t) {
  while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
  CivilDateTime c;
  if (!digits(t, 0, 4, c.year) || t.size() < 10 || t[4] != '-' || !digits(t, 5, 2, c.month) || t[7] != '-' ||
      !digits(t, 8, 2, c.day))
    return std::nullopt;
  size_t p = 10;
  if (p < t.size()) {
    if ((t[p] != ' ' && t[p] != 'T') || !digits(t, p + 1, 2, c.hour) || t.size() < p + 9 || t[p + 3] != ':' ||
        !digits(t, p + 4, 2, c.minute) || t[p + 6] != ':' || !digits(t, p + 7, 2, c.second))
      return std::nullopt;
    p += 9;
    if (p < t.size()) {
      if (t[p] != '.' || p + 1 == t.size() || t.size() - p - 1 > 9) return std::nullopt;
      int frac = 0, n = 0;
      for (size_t i = p + 1; i < t.size(); ++i, ++n) {
        if (!std::isdigit(static_cast<unsigned char>(t[i]))) return std::nullopt;
        if (n < 6) frac = frac * 10 + (t[i] - '0');
      }
      for (; n < 6; ++n) frac *= 10;
      c.micros = frac;
    }
  }
  if (!valid_civil(c)) return std::nullopt;
  return micros_from_civil(c);
}

static std::string_view rtrim_blanks(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

static bool is_blank_padded(const LoadColumn& c) {
  if (!c.column) return false;
  const std::string& n = c.column->type.name;
  return n == "CHAR" || n == "NCHAR" || n == "CHARACTER";
}

std::optional<TypedConstant> TypedConstant::parse(std::string_view text, const LoadColumn& column, std::string* error) {
  TypedConstant k;
  k.kind_ = column.kind;
  k.text_ = std::string(text);
  auto fail = [&](std::string why) -> std::optional<TypedConstant> {
    if (error) *error = std::string("\"") + std::string(text) + "\" is not " + why + " (column " + column.name + ")";
    return std::nullopt;
  };
  switch (column.kind) {
    case ValueKind::Int64:
    case ValueKind::Decimal: {
      // The smallest scale that holds the value exactly: "10.5" against NUMBER(5) must stay
      // 10.5 (so gte 10.5 keeps 11 and not 10), not be rounded to the column's scale.
      for (int s = 0; s <= 38; ++s) {
        bool rounded = false;
        Int128 v = 0;
        DecimalParse r = parse_decimal(text, s, v, &rounded);
        if (r == DecimalParse::Ok && !rounded) {
          k.number_ = v;
          k.scale_ = s;
          return k;
        }
        if (r != DecimalParse::Ok && r != DecimalParse::ScaleLoss) return fail("a number");
      }
      return fail("a number with at most 38 digits");
    }
    case ValueKind::Double: {
      std::string s(text);
      char* end = nullptr;
      k.real_ = std::strtod(s.c_str(), &end);
      while (end && *end == ' ') ++end;
      if (s.empty() || !end || *end) return fail("a number");
      return k;
    }
    case ValueKind::Timestamp: {
      auto t = parse_iso_datetime(text);
      if (!t) return fail("a date (YYYY-MM-DD or YYYY-MM-DD HH:MM:SS)");
      k.micros_ = *t;
      return k;
    }
    case ValueKind::Bytes: {
      if (text.size() % 2) return fail("hexadecimal bytes");
      for (size_t i = 0; i < text.size(); i += 2) {
        auto hex = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                                       : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1; };
        int hi = hex(text[i]), lo = hex(text[i + 1]);
        if (hi < 0 || lo < 0) return fail("hexadecimal bytes");
        k.bytes_.push_back(static_cast<char>(hi * 16 + lo));
      }
      return k;
    }
    case ValueKind::Text:
      k.blank_padded_ = is_blank_padded(column);
      k.bytes_ = std::string(k.blank_padded_ ? rtrim_blanks(text) : text);
      return k;
  }
  return fail("a value of a known kind");
}

static int cmp_bytes(std::string_view a, std::string_view b) {
  int c = a.compare(b);  // std::char_traits<char> compares as unsigned char bytes
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

int TypedConstant::compare_cell(const ColumnVector& v, size_t row) const {
  switch (kind_) {
    case ValueKind::Int64: return compare_scaled(v.ints[row], 0, number_, scale_);
    case ValueKind::Decimal: return compare_scaled(v.decimals[row], v.scale, number_, scale_);
    case ValueKind::Double: {
      double d = v.doubles[row];
      return d < real_ ? -1 : d > real_ ? 1 : 0;
    }
    case ValueKind::Timestamp: return v.ints[row] < micros_ ? -1 : v.ints[row] > micros_ ? 1 : 0;
    case ValueKind::Bytes: return cmp_bytes(v.text(row), bytes_);
    case ValueKind::Text: return cmp_bytes(blank_padded_ ? rtrim_blanks(v.text(row)) : v.text(row), bytes_);
  }
  return 0;
}

int TypedConstant::compare(const TypedConstant& o) const {
  switch (kind_) {
    case ValueKind::Int64:
    case ValueKind::Decimal: return compare_scaled(number_, scale_, o.number_, o.scale_);
    case ValueKind::Double: return real_ < o.real_ ? -1 : real_ > o.real_ ? 1 : 0;
    case ValueKind::Timestamp: return micros_ < o.micros_ ? -1 : micros_ > o.micros_ ? 1 : 0;
    case ValueKind::Bytes:
    case ValueKind::Text: return cmp_bytes(bytes_, o.bytes_);
  }
  return 0;
}

}  // namespace orashift
