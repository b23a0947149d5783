// Binary COPY fields decoded into batch values, for the PostgreSQL source.
#include <cmath>
#include <cstring>

#include "common/datetime.h"
#include "endpoints/postgres/pg_copy_binary.h"
#include "load/copy_text.h"

namespace orashift {

using namespace pg_binary;

namespace {

constexpr int64_t kPgEpochDays = 10957;
constexpr uint16_t kNumericNeg = 0x4000;

uint64_t get64(const char* p) { return (uint64_t{get32(p)} << 32) | get32(p + 4); }

bool is_int(unsigned oid) { return oid == kInt2 || oid == kInt4 || oid == kInt8; }
bool is_text(unsigned oid) { return oid == kText || oid == kVarchar || oid == kBpchar; }

bool int_value(unsigned oid, std::string_view b, int64_t& out) {
  if (oid == kInt2 && b.size() == 2) out = static_cast<int16_t>(get16(b.data()));
  else if (oid == kInt4 && b.size() == 4) out = static_cast<int32_t>(get32(b.data()));
  else if (oid == kInt8 && b.size() == 8) out = static_cast<int64_t>(get64(b.data()));
  else return false;
  return true;
}

struct NumericHeader {
  int ndigits = 0, weight = 0, dscale = 0;
  uint16_t sign = 0;
  const char* digits = nullptr;
};

bool numeric_header(std::string_view b, NumericHeader& h) {
  if (b.size() < 8) return false;
  h.ndigits = get16(b.data());
  h.weight = static_cast<int16_t>(get16(b.data() + 2));
  h.sign = get16(b.data() + 4);
  h.dscale = get16(b.data() + 6);
  h.digits = b.data() + 8;
  return b.size() == 8 + 2 * static_cast<size_t>(h.ndigits);
}

std::string numeric_text(std::string_view b) {
  NumericHeader h;
  if (!numeric_header(b, h)) return "<malformed numeric>";
  if (h.sign == 0xC000) return "NaN";
  if (h.sign == 0xD000) return "Infinity";
  if (h.sign == 0xF000) return "-Infinity";
  auto group = [&](int i) { return i >= 0 && i < h.ndigits ? get16(h.digits + 2 * i) : 0; };
  std::string out = h.sign == kNumericNeg ? "-" : "";
  if (h.weight < 0) {
    out += '0';
  } else {
    for (int i = 0; i <= h.weight; ++i) {
      std::string g = std::to_string(group(i));
      if (i) g.insert(0, 4 - g.size(), '0');
      out += g;
    }
  }
  if (h.dscale > 0) {
    out += '.';
    std::string frac;
    for (int i = h.weight + 1; static_cast<int>(frac.size()) < h.dscale; ++i) {
      std::string g = std::to_string(group(i));
      frac += std::string(4 - g.size(), '0') + g;
    }
    out += frac.substr(0, h.dscale);
  }
  return out;
}

// value × 10^scale exactly, or false.
bool numeric_scaled(std::string_view b, int scale, Int128& out) {
  NumericHeader h;
  if (!numeric_header(b, h) || (h.sign != 0 && h.sign != kNumericNeg)) return false;
  if (h.ndigits == 0) {
    out = 0;
    return true;
  }
  if (h.ndigits <= 9) {  // up to 36 digits: one 128-bit accumulation, then a power of ten
    Int128 acc = 0;
    for (int i = 0; i < h.ndigits; ++i) acc = acc * 10000 + get16(h.digits + 2 * i);
    if (h.sign) acc = -acc;
    int frac = 4 * (h.ndigits - 1 - h.weight);  // decimal places held in acc (negative: a multiplier)
    int shift = scale - frac;
    if (shift >= 0 && 4 * h.ndigits + shift <= 38) {  // at most 38 digits: no overflow
      out = acc * pow10_i128(shift);
      return true;
    }
    if (shift < 0 && shift >= -38) {
      const Int128 p = pow10_i128(-shift);
      if (acc % p != 0) return false;  // finer than the scale
      out = acc / p;
      return true;
    }
  }
  bool rounded = false;
  return parse_decimal(numeric_text(b), scale, out, &rounded) == DecimalParse::Ok && !rounded;
}

bool micros_value(unsigned oid, std::string_view b, Micros& out) {
  if (oid == kDate && b.size() == 4) {
    int32_t d = static_cast<int32_t>(get32(b.data()));
    // ±infinity are INT32_MAX/MIN; dates that far out (beyond year ~270,000) would not fit.
    if (d > 100000000 || d < -100000000) return false;
    out = (d + kPgEpochDays) * kMicrosPerDay;
    return true;
  }
  if ((oid == kTimestamp || oid == kTimestampTz) && b.size() == 8) {
    int64_t t = static_cast<int64_t>(get64(b.data()));
    // ±infinity are INT64_MAX/MIN; near them the shift to 1970 would overflow.
    return t != INT64_MAX && t != INT64_MIN && !__builtin_add_overflow(t, kPgEpochMicros, &out);
  }
  return false;
}

}  // namespace

bool pg_binary_decodes(unsigned oid, ValueKind kind) {
  // float4 is absent: the text route reads its shortest digits as a double, which is not the
  // float widened; so are booleans, json, uuid… (carried as their text output).
  switch (kind) {
    case ValueKind::Int64:
    case ValueKind::Decimal: return is_int(oid) || oid == kNumeric;
    case ValueKind::Double: return oid == kFloat8;
    case ValueKind::Timestamp: return oid == kDate || oid == kTimestamp || oid == kTimestampTz;
    case ValueKind::Text: return is_text(oid);
    case ValueKind::Bytes: return oid == kBytea;
  }
  return false;
}

bool append_binary_field(ColumnVector& v, unsigned oid, std::string_view b) {
  switch (v.kind) {
    case ValueKind::Int64: {
      int64_t x;
      if (int_value(oid, b, x)) {
        v.append_int(x);
        return true;
      }
      Int128 d;
      if (oid != kNumeric || !numeric_scaled(b, 0, d) || d > INT64_MAX || d < INT64_MIN) return false;
      v.append_int(static_cast<int64_t>(d));
      return true;
    }
    case ValueKind::Decimal: {
      int64_t x;
      Int128 d;
      if (int_value(oid, b, x)) {
        if (v.scale > 18) return false;
        d = Int128(x) * pow10_i128(v.scale);
      } else if (oid != kNumeric || !numeric_scaled(b, v.scale, d)) {
        return false;
      }
      v.append_decimal(d);
      return true;
    }
    case ValueKind::Double: {
      if (b.size() != 8) return false;
      uint64_t bits = get64(b.data());
      double d;
      std::memcpy(&d, &bits, 8);
      v.append_double(d);
      return true;
    }
    case ValueKind::Timestamp: {
      Micros t;
      if (!micros_value(oid, b, t)) return false;
      v.append_int(t);
      return true;
    }
    case ValueKind::Text:
    case ValueKind::Bytes: v.append_text(b); return true;
  }
  return false;
}

std::string binary_field_text(unsigned oid, std::string_view b) {
  int64_t x;
  if (int_value(oid, b, x)) return std::to_string(x);
  if (oid == kNumeric) return numeric_text(b);
  if (oid == kFloat8 && b.size() == 8) {
    uint64_t bits = get64(b.data());
    double d;
    std::memcpy(&d, &bits, 8);
    std::string out;
    append_double_text(out, d);
    return out;
  }
  if (oid == kDate || oid == kTimestamp || oid == kTimestampTz) {
    Micros t;
    if (micros_value(oid, b, t)) {  // as the text output spells it: dates bare, UTC offsets
      std::string text = format_timestamp(t);
      bool bc = text.ends_with(" BC");
      if (bc) text.resize(text.size() - 3);
      if (oid == kDate) text.resize(10);
      if (oid == kTimestampTz) text += "+00";
      return bc ? text + " BC" : text;
    }
    bool negative = b.size() == 4 ? static_cast<int32_t>(get32(b.data())) < 0 : static_cast<int64_t>(get64(b.data())) < 0;
    return negative ? "-infinity" : "infinity";
  }
  if (oid == kBytea) {
    std::string out = "\\x";
    append_hex(out, b);
    return out;
  }
  return std::string(b);
}

}  // namespace orashift
