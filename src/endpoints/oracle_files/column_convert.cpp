#include "endpoints/oracle_files/column_convert.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>

namespace orashift {

void start_batch(Batch& batch, const std::vector<ColumnTarget>& targets) {
  batch.clear();
  batch.columns.resize(targets.size());
  for (size_t i = 0; i < targets.size(); ++i) {
    batch.columns[i].kind = targets[i].kind;
    batch.columns[i].scale = targets[i].scale;
    batch.columns[i].utf8_checked = true;  // append_converted checks every text value
  }
}

ColumnTarget make_column_target(const LoadColumn& lc, bool not_null, const DateMask* field_mask) {
  ColumnTarget t;
  t.name = lc.name;
  t.kind = lc.kind;
  t.scale = lc.scale;
  t.not_null = not_null;
  if (!lc.column) return t;
  const OracleType& ty = lc.column->type;
  t.type_text = ty.text();
  t.narrowing = lc.column->narrowing;
  const std::string& n = ty.name;
  if (lc.kind == ValueKind::Int64 || lc.kind == ValueKind::Decimal) {
    t.precision = ty.star_precision ? 38 : ty.precision.value_or(0);
    if (n == "INTEGER" || n == "INT" || n == "SMALLINT") t.precision = 38;
    t.unconstrained_number = !ty.precision && !ty.star_precision && !(n == "INTEGER" || n == "INT" || n == "SMALLINT");
    if (ty.scale && *ty.scale < 0) t.negative_scale = -*ty.scale;
    t.limit = pow10_i128(t.precision > 0 ? std::min(38, t.precision + t.negative_scale) : 38);
  } else if (lc.kind == ValueKind::Timestamp) {
    t.is_date = n == "DATE";
    t.mask = field_mask ? field_mask : (t.is_date ? &default_date_mask() : &default_timestamp_mask());
  } else if (lc.kind == ValueKind::Text) {
    bool national = n == "NCHAR" || n == "NVARCHAR2" || n == "NCHAR VARYING";
    if (ty.length) t.max_length = *ty.length;
    else if (n == "CHAR" || n == "NCHAR") t.max_length = 1;  // CHAR without a length is CHAR(1)
    t.char_semantics = ty.char_semantics || national;
    t.blank_pad = n == "CHAR" || n == "NCHAR" || n == "CHARACTER";
  } else if (lc.kind == ValueKind::Bytes) {
    if (ty.length) t.max_length = *ty.length;
  }
  return t;
}

size_t utf8_valid_prefix(std::string_view s) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    // ASCII runs dominate real data: test 8 bytes at a time.
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) len = 2, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF) len = 3, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4) len = 4, cp = c & 0x07;
    else return i;
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
      return i;
    i += len;
  }
  return n;
}

static size_t utf8_chars(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

static std::string quoted(std::string_view v) {
  std::string s = "'";
  s.append(v.substr(0, 80));
  if (v.size() > 80) s += "...";
  return s + "'";
}

static bool blank(char c) { return c == ' ' || c == '\t'; }

static bool precision_error(const ColumnTarget& t, std::string_view v, std::string& error) {
  error = "ORA-01438: value larger than specified precision allowed for this column (column " + t.name + ": " +
          quoted(v) + " into " + t.type_text + ")";
  if (!t.narrowing.empty()) error += "; " + t.narrowing;
  return false;
}

static bool invalid_number(const ColumnTarget& t, std::string_view v, std::string& error) {
  error = "ORA-01722: invalid number (column " + t.name + ": " + quoted(v) + ")";
  return false;
}

// Rounds v (an integer) to a multiple of 10^k, half away from zero: NUMBER(p,-k).
static Int128 round_to_power(Int128 v, int k) {
  Int128 p = pow10_i128(k);
  Int128 q = v / p, r = v % p;
  if (r < 0) r = -r;
  if (r * 2 >= p) q += v < 0 ? -1 : 1;
  return q * p;
}

// Fast path for the common shape "[-]ddd[.ddd]" with few digits; falls back to parse_decimal.
// Up to 19 digits accumulate in 64 bits (every key and amount of real data): a 128-bit
// multiply per digit was most of this function's cost (bench/README.md, issue 18).
static DecimalParse parse_number(std::string_view s, int scale, Int128& out, bool& rounded) {
  rounded = false;
  size_t i = 0, n = s.size();
  bool neg = false;
  if (i < n && (s[i] == '-' || s[i] == '+')) neg = s[i++] == '-';
  uint64_t v = 0;
  int digits = 0, frac = 0;
  bool point = false, simple = i < n;
  for (; i < n; ++i) {
    const unsigned d = static_cast<unsigned char>(s[i]) - unsigned('0');
    if (d <= 9) {
      if (++digits > 19) {  // 10^19 - 1 < 2^64: no overflow up to here
        simple = false;
        break;
      }
      v = v * 10 + d;
      frac += point;
    } else if (s[i] == '.' && !point) {
      point = true;
    } else {
      simple = false;
      break;
    }
  }
  if (simple && digits > 0 && digits - frac + scale <= 38 && frac <= scale) {
    Int128 x = static_cast<Int128>(v);
    if (frac < scale) {
      const int k = scale - frac;
      x *= pow10_i128(k);
    }
    out = neg ? -x : x;
    return DecimalParse::Ok;
  }
  return parse_decimal(s, scale, out, &rounded);
}

// The plain shape "[-+]ddd[.ddd]" with at most 18 digits whose value times 10^scale fits 64
// bits (keys, codes and amounts of real data): the same value parse_number gives, with no
// 128-bit arithmetic. A 128-bit result passed back through memory stalled on every field
// (perf, bench/README.md).
static bool parse_small(std::string_view s, int scale, int64_t& out) {
  size_t i = 0, n = s.size();
  bool neg = false;
  if (i < n && (s[i] == '-' || s[i] == '+')) neg = s[i++] == '-';
  uint64_t v = 0;
  int digits = 0, frac = 0;
  bool point = false;
  for (; i < n; ++i) {
    const unsigned d = static_cast<unsigned char>(s[i]) - unsigned('0');
    if (d <= 9) {
      if (++digits > 18) return false;
      v = v * 10 + d;
      frac += point;
    } else if (s[i] == '.' && !point) {
      point = true;
    } else {
      return false;
    }
  }
  if (digits == 0 || frac > scale || scale - frac > 18) return false;
  if (__builtin_mul_overflow(v, pow10_u64(scale - frac), &v) || v > uint64_t(INT64_MAX)) return false;
  out = neg ? -static_cast<int64_t>(v) : static_cast<int64_t>(v);
  return true;
}

static bool convert_number(const ColumnTarget& t, std::string_view v, ColumnVector& col, std::string& error) {
  int scale = t.kind == ValueKind::Decimal ? t.scale : 0;
  int64_t small;
  if (t.negative_scale == 0 && parse_small(v, scale, small)) {  // nothing rounded: the checks below
    const Int128 x = small;
    if (x >= t.limit || x <= -t.limit) return precision_error(t, v, error);
    if (t.kind == ValueKind::Int64) col.append_int(small);
    else col.append_decimal(x);
    return true;
  }
  Int128 x;
  bool rounded = false;
  switch (parse_number(v, scale, x, rounded)) {
    case DecimalParse::Ok: break;
    case DecimalParse::Empty: col.append_null(); return true;
    case DecimalParse::Overflow: return precision_error(t, v, error);
    default: return invalid_number(t, v, error);
  }
  if (t.negative_scale) x = round_to_power(x, t.negative_scale);
  if (t.unconstrained_number && rounded) {
    error = "value has more than " + std::to_string(scale) + " decimal places (column " + t.name + ": " + quoted(v) +
            "); orashift carries NUMBER without precision as NUMERIC(38," + std::to_string(scale) + ")";
    return false;
  }
  if (rounded && !t.narrowing.empty()) {
    // Oracle would round into the declared NUMBER; the narrowed type must not round what the
    // declared one kept.
    error = "value has more than " + std::to_string(scale) + " decimal places for " + t.type_text + " (column " +
            t.name + ": " + quoted(v) + "); " + t.narrowing;
    return false;
  }
  // Compare with 10^p instead of counting digits: this runs for every numeric field.
  if (x >= t.limit || x <= -t.limit) return precision_error(t, v, error);
  if (t.kind == ValueKind::Int64) {
    if (x > INT64_MAX || x < INT64_MIN) return precision_error(t, v, error);
    col.append_int(static_cast<int64_t>(x));
  } else {
    col.append_decimal(x);
  }
  return true;
}

static bool convert_double(const ColumnTarget& t, std::string_view v, ColumnVector& col, std::string& error) {
  size_t b = 0, e = v.size();
  while (b < e && blank(v[b])) ++b;
  while (e > b && blank(v[e - 1])) --e;
  if (b < e && v[b] == '+') ++b;
  double d;
  auto r = std::from_chars(v.data() + b, v.data() + e, d);
  if (b == e || r.ec != std::errc() || r.ptr != v.data() + e) {
    if (r.ec == std::errc::result_out_of_range) {
      error = "ORA-01426: numeric overflow (column " + t.name + ": " + quoted(v) + ")";
      return false;
    }
    return invalid_number(t, v, error);
  }
  col.append_double(d);
  return true;
}

static bool convert_text(const ColumnTarget& t, std::string_view v, ColumnVector& col, std::string& error,
                         std::string& scratch) {
  size_t ok = utf8_valid_prefix(v);
  if (ok != v.size()) {
    error = "ORA-29275: partial multibyte character (column " + t.name + ": invalid UTF-8 at byte " +
            std::to_string(ok + 1) + ")";
    return false;
  }
  if (t.max_length > 0) {
    size_t len = t.char_semantics ? utf8_chars(v) : v.size();
    if (len > static_cast<size_t>(t.max_length)) {
      error = "ORA-12899: value too large for column " + t.name + " (actual: " + std::to_string(len) +
              ", maximum: " + std::to_string(t.max_length) + ")";
      return false;
    }
    if (t.blank_pad && len < static_cast<size_t>(t.max_length)) {
      scratch.assign(v);
      scratch.append(t.max_length - len, ' ');
      col.append_text(scratch);
      return true;
    }
  }
  col.append_text(v);
  return true;
}

static int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// RAW from text is hexadecimal, as Oracle's implicit HEXTORAW; an odd digit count gets a
// leading zero like Oracle does.
static bool convert_bytes(const ColumnTarget& t, std::string_view v, ColumnVector& col, std::string& error,
                          std::string& scratch) {
  scratch.clear();
  size_t i = 0;
  if (v.size() % 2) {
    int lo = hex_digit(v[0]);
    if (lo < 0) goto bad;
    scratch.push_back(static_cast<char>(lo));
    i = 1;
  }
  for (; i < v.size(); i += 2) {
    int hi = hex_digit(v[i]), lo = hex_digit(v[i + 1]);
    if (hi < 0 || lo < 0) goto bad;
    scratch.push_back(static_cast<char>(hi * 16 + lo));
  }
  if (t.max_length > 0 && scratch.size() > static_cast<size_t>(t.max_length)) {
    error = "ORA-12899: value too large for column " + t.name + " (actual: " + std::to_string(scratch.size()) +
            ", maximum: " + std::to_string(t.max_length) + ")";
    return false;
  }
  col.append_text(scratch);
  return true;
bad:
  error = "ORA-01465: invalid hex number (column " + t.name + ": " + quoted(v) + ")";
  return false;
}

bool append_converted(const ColumnTarget& t, const FieldValue& v, ColumnVector& col, std::string& error,
                      std::string& scratch) {
  if (v.kind == FieldValue::Kind::Null) {
    if (t.not_null) {
      error = "ORA-01400: cannot insert NULL into (" + t.name + ")";
      return false;
    }
    col.append_null();
    return true;
  }
  if (v.kind == FieldValue::Kind::Time) {
    if (t.kind == ValueKind::Timestamp) {
      Micros x = v.time;
      if (t.is_date) x -= ((x % kMicrosPerSecond) + kMicrosPerSecond) % kMicrosPerSecond;
      col.append_int(x);
      return true;
    }
    if (t.kind == ValueKind::Text) {
      std::string text;
      append_timestamp(text, v.time);
      return convert_text(t, text, col, error, scratch);
    }
    error = "ORA-00932: inconsistent datatypes: expected " + (t.type_text.empty() ? std::string("NUMBER") : t.type_text) +
            " got DATE (column " + t.name + ")";
    return false;
  }
  std::string_view s = v.text;
  switch (t.kind) {
    case ValueKind::Int64:
    case ValueKind::Decimal: return convert_number(t, s, col, error);
    case ValueKind::Double: return convert_double(t, s, col, error);
    case ValueKind::Text: return convert_text(t, s, col, error, scratch);
    case ValueKind::Bytes: return convert_bytes(t, s, col, error, scratch);
    case ValueKind::Timestamp: {
      Micros x;
      std::string why;
      if (!t.mask->parse(s, x, &why)) {
        error = oracle_date_error(why, s, *t.mask) + " (column " + t.name + ")";
        return false;
      }
      if (t.is_date) x -= ((x % kMicrosPerSecond) + kMicrosPerSecond) % kMicrosPerSecond;
      col.append_int(x);
      return true;
    }
  }
  return false;
}

}  // namespace orashift
