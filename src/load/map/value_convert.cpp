#include "load/map/value_convert.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "common/decimal_rescale.h"
#include "load/copy_text.h"
#include "load/task/typed_value.h"

namespace orashift {

void append_value_text(std::string& out, const ColumnVector& c, size_t row) {
  switch (c.kind) {
    case ValueKind::Int64: out += std::to_string(c.ints[row]); break;
    case ValueKind::Decimal: append_decimal(out, c.decimals[row], c.scale); break;
    case ValueKind::Double: append_double_text(out, c.doubles[row]); break;
    case ValueKind::Timestamp: append_timestamp(out, c.ints[row]); break;
    case ValueKind::Text:
    case ValueKind::Bytes: out += c.text(row); break;
  }
}

bool append_parsed(ColumnVector& dst, std::string_view text, std::string* reason) {
  auto fail = [&](std::string why) {
    if (reason) *reason = std::move(why);
    return false;
  };
  switch (dst.kind) {
    case ValueKind::Text:
    case ValueKind::Bytes: dst.append_text(text); return true;
    case ValueKind::Int64:
    case ValueKind::Decimal: {
      Int128 v = 0;
      bool rounded = false;
      int scale = dst.kind == ValueKind::Int64 ? 0 : dst.scale;
      DecimalParse p = parse_decimal(text, scale, v, &rounded);
      if (p != DecimalParse::Ok || rounded)
        return fail("\"" + std::string(text) + "\" is not " +
                    (dst.kind == ValueKind::Int64 ? std::string("an integer")
                                                  : "a number with at most " + std::to_string(scale) + " decimals"));
      if (dst.kind == ValueKind::Int64) {
        if (v > INT64_MAX || v < INT64_MIN) return fail("\"" + std::string(text) + "\" is out of the 64-bit integer range");
        dst.append_int(static_cast<int64_t>(v));
      } else {
        dst.append_decimal(v);
      }
      return true;
    }
    case ValueKind::Double: {
      std::string s(text);
      if (s == "NaN" || s == "Infinity" || s == "-Infinity") {
        dst.append_double(s == "NaN" ? NAN : s[0] == '-' ? -INFINITY : INFINITY);
        return true;
      }
      char* end = nullptr;
      errno = 0;
      double d = std::strtod(s.c_str(), &end);
      if (s.empty() || *end != '\0' || errno == ERANGE) return fail("\"" + s + "\" is not a floating-point number");
      dst.append_double(d);
      return true;
    }
    case ValueKind::Timestamp: {
      auto t = parse_iso_datetime(text);
      if (!t) return fail("\"" + std::string(text) + "\" is not a date/time (YYYY-MM-DD[ HH:MI:SS[.f]])");
      dst.ints.push_back(*t);
      dst.valid.push_back(1);
      return true;
    }
  }
  return fail("unknown kind");
}

bool append_converted(const ColumnVector& src, size_t row, ColumnVector& dst, std::string* reason) {
  if (src.is_null(row)) {
    dst.append_null();
    return true;
  }
  if (src.kind == dst.kind && (src.kind != ValueKind::Decimal || src.scale == dst.scale)) {
    switch (src.kind) {
      case ValueKind::Int64: dst.append_int(src.ints[row]); return true;
      case ValueKind::Timestamp:
        dst.ints.push_back(src.ints[row]);
        dst.valid.push_back(1);
        return true;
      case ValueKind::Decimal: dst.append_decimal(src.decimals[row]); return true;
      case ValueKind::Double: dst.append_double(src.doubles[row]); return true;
      case ValueKind::Text:
      case ValueKind::Bytes: dst.append_text(src.text(row)); return true;
    }
  }
  // Exact numeric moves without text: a decimal to another scale or to an integer.
  bool src_num = src.kind == ValueKind::Int64 || src.kind == ValueKind::Decimal;
  bool dst_num = dst.kind == ValueKind::Int64 || dst.kind == ValueKind::Decimal;
  if (src_num && dst_num) {
    Int128 v = src.kind == ValueKind::Int64 ? Int128(src.ints[row]) : src.decimals[row];
    int from = src.kind == ValueKind::Int64 ? 0 : src.scale;
    int to = dst.kind == ValueKind::Int64 ? 0 : dst.scale;
    Int128 out = 0;
    int precision = dst.kind == ValueKind::Int64 ? 18 : 38;
    if (!rescale_decimal(v, from, precision, to, out, reason)) return false;
    if (dst.kind == ValueKind::Int64) dst.append_int(static_cast<int64_t>(out));
    else dst.append_decimal(out);
    return true;
  }
  std::string text;
  append_value_text(text, src, row);
  return append_parsed(dst, text, reason);
}

}  // namespace orashift
