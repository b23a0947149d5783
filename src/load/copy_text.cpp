#include "load/copy_text.h"

#include <charconv>
#include <cmath>

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

// Returns false when a NUL byte was seen.
static bool append_escaped_text(std::string& out, std::string_view s) {
  bool clean = true;
  size_t run = 0;  // start of the pending run of bytes that need no escape
  for (size_t i = 0; i < s.size(); ++i) {
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
    case ValueKind::Decimal: append_decimal(out, c.decimals[row], c.scale); break;
    case ValueKind::Double: append_double_text(out, c.doubles[row]); break;
    case ValueKind::Timestamp: append_timestamp(out, c.ints[row]); break;
    case ValueKind::Text: return append_escaped_text(out, c.text(row));
    case ValueKind::Bytes:
      out += "\\\\x";  // bytea's \x prefix, its backslash escaped for COPY
      append_hex(out, c.text(row));
      break;
  }
  return true;
}

int append_copy_row(std::string& out, const Batch& batch, size_t row) {
  int nul_column = -1;
  for (size_t i = 0; i < batch.columns.size(); ++i) {
    if (i) out.push_back('\t');
    if (!append_copy_field(out, batch.columns[i], row) && nul_column < 0) nul_column = static_cast<int>(i);
  }
  return nul_column;
}

std::string copy_row_text(const Batch& batch, size_t row) {
  std::string s;
  append_copy_row(s, batch, row);
  return s;
}

}  // namespace orashift
