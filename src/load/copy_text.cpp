#include "load/copy_text.h"

#include <charconv>
#include <algorithm>
#include <cmath>
#include <cstring>

namespace orashift {

void append_double_text(std::string& out, double v) {
  if (std::isnan(v)) {
    out += "NaN";
  } else if (std::isinf(v)) {
    out += v < 0 ? "-Infinity" : "Infinity";
  } else {
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
  }
}

static inline uint64_t load8(const char* p) {
  uint64_t x;
  std::memcpy(&x, p, 8);
  return x;
}

// True when some byte of `x` is below 14 (NUL, \t, \n, \r among them) or a backslash: the
// classic "has a byte less than n" / "has a zero byte" tests, exact as a yes/no answer.
static inline bool word_needs_escape(uint64_t x) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  uint64_t below14 = (x - kOnes * 14) & ~x & kHighs;
  uint64_t y = x ^ (kOnes * '\\');
  uint64_t backslash = (y - kOnes) & ~y & kHighs;
  return (below14 | backslash) != 0;
}

// Returns false when a NUL byte was seen.
static bool append_escaped_text(std::string& out, std::string_view s) {
  bool clean = true;
  size_t run = 0;  // start of the pending run of bytes that need no escape
  size_t i = 0;
  for (;;) {
    // Eight bytes at a time while none needs an escape (most text): byte by byte, this loop
    // was the largest cost of loading pgbench_accounts' CHAR(84) filler.
    while (i + 8 <= s.size() && !word_needs_escape(load8(s.data() + i))) i += 8;
    size_t stop = std::min(s.size(), i + 8);
    for (; i < stop; ++i) {
      char esc;
      switch (s[i]) {
        case '\\': esc = '\\'; break;
        case '\t': esc = 't'; break;
        case '\n': esc = 'n'; break;
        case '\r': esc = 'r'; break;
        case '\0': esc = '0', clean = false; break;
        default: continue;
      }
      out.append(s.data() + run, i - run);
      out.push_back('\\');
      out.push_back(esc);
      run = i + 1;
    }
    if (i >= s.size()) break;
  }
  out.append(s.data() + run, s.size() - run);
  return clean;
}

void append_hex(std::string& out, std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  size_t at = out.size();
  out.resize(at + 2 * s.size());
  for (unsigned char c : s) {
    out[at++] = kHex[c >> 4];
    out[at++] = kHex[c & 15];
  }
}

// The same text as append_decimal, without its 128-bit digit loop for the values that fit in
// 64 bits (nearly all): formatting decimals was the largest cost of a PostgreSQL load.
void append_decimal_text(std::string& out, Int128 v, int scale) {
  constexpr Int128 kMax = static_cast<Int128>(UINT64_MAX);
  if (v > kMax || v < -kMax || scale > 19) {
    append_decimal(out, v, scale);
    return;
  }
  if (v < 0) out.push_back('-');
  uint64_t m = static_cast<uint64_t>(v < 0 ? -v : v);
  char digits[24];
  int n = static_cast<int>(std::to_chars(digits, digits + sizeof digits, m).ptr - digits);
  if (scale == 0) {
    out.append(digits, static_cast<size_t>(n));
    return;
  }
  if (n <= scale) {  // 0.00ddd
    out.append("0.");
    out.append(static_cast<size_t>(scale - n), '0');
    out.append(digits, static_cast<size_t>(n));
    return;
  }
  out.append(digits, static_cast<size_t>(n - scale));
  out.push_back('.');
  out.append(digits + n - scale, static_cast<size_t>(scale));
}

static inline void put_digits(char* at, int value, int width) {
  for (int i = width - 1; i >= 0; --i, value /= 10) at[i] = static_cast<char>('0' + value % 10);
}

// append_timestamp's text without printf, for years 1..9999 (the rest go through it).
void append_timestamp_text(std::string& out, Micros t) {
  CivilDateTime c = civil_from_micros(t);
  if (c.year < 1 || c.year > 9999) {
    append_timestamp(out, t);
    return;
  }
  char buf[26] = "0000-00-00 00:00:00.";
  put_digits(buf, c.year, 4);
  put_digits(buf + 5, c.month, 2);
  put_digits(buf + 8, c.day, 2);
  put_digits(buf + 11, c.hour, 2);
  put_digits(buf + 14, c.minute, 2);
  put_digits(buf + 17, c.second, 2);
  size_t n = 19;
  if (c.micros) {
    put_digits(buf + 20, c.micros, 6);
    n = 26;
    while (buf[n - 1] == '0') --n;
  }
  out.append(buf, n);
}

bool append_copy_field(std::string& out, const ColumnVector& c, size_t row) {
  if (c.is_null(row)) {
    out += "\\N";
    return true;
  }
  switch (c.kind) {
    case ValueKind::Int64: {
      char buf[24];
      auto r = std::to_chars(buf, buf + sizeof buf, c.ints[row]);
      out.append(buf, r.ptr);
      break;
    }
    case ValueKind::Decimal: append_decimal_text(out, c.decimals[row], c.scale); break;
    case ValueKind::Double: append_double_text(out, c.doubles[row]); break;
    case ValueKind::Timestamp: append_timestamp_text(out, c.ints[row]); break;
    case ValueKind::Text: return append_escaped_text(out, c.text(row));
    case ValueKind::Bytes:
      out += "\\\\x";  // bytea's \x prefix, its backslash escaped for COPY
      append_hex(out, c.text(row));
      break;
  }
  return true;
}

int append_copy_row(std::string& out, const Batch& batch, size_t row) {
  if (batch.raw.format) {
    out += batch.raw.format->row_text(batch.raw.row(row));
    return -1;
  }
  int nul_column = -1;
  for (size_t i = 0; i < batch.columns.size(); ++i) {
    if (i) out.push_back('\t');
    if (!append_copy_field(out, batch.columns[i], row) && nul_column < 0) nul_column = static_cast<int>(i);
  }
  return nul_column;
}

Reject batch_row_reject(const std::string& table, const std::string& source, const Batch& batch, size_t row,
                        std::string reason) {
  Reject r;
  r.table = table;
  r.source = source;
  r.line = row < batch.source_lines.size() ? batch.source_lines[row] : 0;
  r.reason = std::move(reason);
  r.record = copy_row_text(batch, row);
  return r;
}

std::string copy_row_text(const Batch& batch, size_t row) {
  std::string s;
  append_copy_row(s, batch, row);
  return s;
}

}  // namespace orashift
