#include "endpoints/oracle/oracle_values.h"

#include <bit>
#include <cstring>

namespace orashift::oracle {

namespace {

bool fail(std::string* error, const std::string& why) {
  if (error) *error = why;
  return false;
}

std::string hex(std::string_view bytes) {
  static const char* digits = "0123456789ABCDEF";
  std::string out;
  for (unsigned char b : bytes) {
    if (!out.empty()) out += ',';
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

}  // namespace

std::optional<std::string> decode_number(std::string_view bytes, std::string* error) {
  auto bad = [&](const char* why) -> std::optional<std::string> {
    fail(error, std::string("invalid NUMBER bytes [") + hex(bytes) + "]: " + why);
    return std::nullopt;
  };
  if (bytes.empty() || bytes.size() > 21) return bad("length must be 1 to 21");
  auto b = [&](size_t i) { return static_cast<unsigned char>(bytes[i]); };
  if (bytes.size() == 1 && b(0) == 0x80) return std::string("0");
  if (bytes.size() == 1 && b(0) == 0x00) return std::string("-Infinity");
  if (bytes.size() == 2 && b(0) == 0xFF && b(1) == 0x65) return std::string("Infinity");
  bool positive = b(0) & 0x80;
  // The exponent (in base-100 digits) of the first mantissa digit: excess 65 in the low seven
  // bits, the bits inverted for negative numbers.
  int exponent = positive ? (b(0) & 0x7F) - 65 : (~b(0) & 0x7F) - 65;
  size_t end = bytes.size();
  if (!positive && end > 1 && b(end - 1) == 102) --end;  // the terminator of a short negative
  if (end < 2) return bad("no mantissa");
  std::string pairs;
  for (size_t i = 1; i < end; ++i) {
    int d = positive ? b(i) - 1 : 101 - b(i);
    if (d < 0 || d > 99) return bad("mantissa byte out of range");
    pairs += static_cast<char>('0' + d / 10);
    pairs += static_cast<char>('0' + d % 10);
  }
  // Place the decimal point after (exponent + 1) pairs.
  long point = 2L * (exponent + 1);
  std::string int_part, frac_part;
  if (point <= 0) {
    frac_part = std::string(static_cast<size_t>(-point), '0') + pairs;
  } else if (static_cast<size_t>(point) >= pairs.size()) {
    int_part = pairs + std::string(static_cast<size_t>(point) - pairs.size(), '0');
  } else {
    int_part = pairs.substr(0, static_cast<size_t>(point));
    frac_part = pairs.substr(static_cast<size_t>(point));
  }
  size_t lead = int_part.find_first_not_of('0');
  int_part = lead == std::string::npos ? "0" : int_part.substr(lead);
  while (!frac_part.empty() && frac_part.back() == '0') frac_part.pop_back();
  std::string out = positive ? "" : "-";
  out += int_part;
  if (!frac_part.empty()) out += "." + frac_part;
  if (out == "-0") out = "0";
  return out;
}

std::optional<std::string> decode_varnum(std::string_view bytes, std::string* error) {
  if (bytes.empty() || static_cast<unsigned char>(bytes[0]) + 1u > bytes.size()) {
    fail(error, "invalid VARNUM: length byte beyond the buffer");
    return std::nullopt;
  }
  return decode_number(bytes.substr(1, static_cast<unsigned char>(bytes[0])), error);
}

std::optional<std::string> encode_number(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  std::string digits;
  long point = -1;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '.' && point < 0) {
      point = static_cast<long>(digits.size());
    } else if (c >= '0' && c <= '9') {
      digits += c;
    } else {
      return std::nullopt;
    }
  }
  if (digits.empty()) return std::nullopt;
  if (point < 0) point = static_cast<long>(digits.size());
  size_t lead = digits.find_first_not_of('0');
  if (lead == std::string::npos) return std::string("\x80", 1);
  digits.erase(0, lead);
  point -= static_cast<long>(lead);
  while (digits.back() == '0') digits.pop_back();
  // Align to base-100 pairs: an odd number of digits before the point gets a leading zero.
  if (point % 2 != 0) {
    digits.insert(digits.begin(), '0');
    ++point;
  }
  if (digits.size() % 2) digits += '0';
  size_t n = digits.size() / 2;
  if (n > 20) return std::nullopt;
  long exponent = point / 2 - 1;
  if (exponent < -65 || exponent > 62) return std::nullopt;
  std::string out;
  out += static_cast<char>(negative ? 62 - exponent : 193 + exponent);
  for (size_t i = 0; i < n; ++i) {
    int d = (digits[2 * i] - '0') * 10 + (digits[2 * i + 1] - '0');
    out += static_cast<char>(negative ? 101 - d : d + 1);
  }
  if (negative && n < 20) out += static_cast<char>(102);
  return out;
}

std::optional<Micros> decode_date(std::string_view bytes, std::string* error) {
  if (bytes.size() != 7) {
    fail(error, "invalid DATE: " + std::to_string(bytes.size()) + " bytes, expected 7");
    return std::nullopt;
  }
  auto b = [&](size_t i) { return static_cast<int>(static_cast<unsigned char>(bytes[i])); };
  CivilDateTime c;
  if (b(0) >= 100 && b(1) >= 100) {
    c.year = (b(0) - 100) * 100 + (b(1) - 100);
  } else {
    int bc = (100 - b(0)) * 100 + (100 - b(1));  // 4712 BC → 53, 88
    c.year = 1 - bc;                               // astronomical: 1 BC is year 0
  }
  c.month = b(2);
  c.day = b(3);
  c.hour = b(4) - 1;
  c.minute = b(5) - 1;
  c.second = b(6) - 1;
  if (c.year < -4711 || c.year > 9999 || !valid_civil(c)) {
    fail(error, "invalid DATE bytes [" + hex(bytes) + "]");
    return std::nullopt;
  }
  return micros_from_civil(c);
}

std::optional<Micros> decode_timestamp(std::string_view bytes, std::string* error) {
  if (bytes.size() != 7 && bytes.size() != 11) {
    fail(error, "invalid TIMESTAMP: " + std::to_string(bytes.size()) + " bytes, expected 7 or 11");
    return std::nullopt;
  }
  auto date = decode_date(bytes.substr(0, 7), error);
  if (!date) return std::nullopt;
  if (bytes.size() == 7) return date;
  uint32_t nanos = 0;
  for (size_t i = 7; i < 11; ++i) nanos = (nanos << 8) | static_cast<unsigned char>(bytes[i]);
  if (nanos > 999999999u) {
    fail(error, "invalid TIMESTAMP fraction bytes [" + hex(bytes.substr(7)) + "]");
    return std::nullopt;
  }
  return *date + static_cast<Micros>((nanos + 500) / 1000);
}

std::string encode_date(const CivilDateTime& c) {
  std::string out(7, '\0');
  if (c.year >= 1) {
    out[0] = static_cast<char>(100 + c.year / 100);
    out[1] = static_cast<char>(100 + c.year % 100);
  } else {
    int bc = 1 - c.year;
    out[0] = static_cast<char>(100 - bc / 100);
    out[1] = static_cast<char>(100 - bc % 100);
  }
  out[2] = static_cast<char>(c.month);
  out[3] = static_cast<char>(c.day);
  out[4] = static_cast<char>(c.hour + 1);
  out[5] = static_cast<char>(c.minute + 1);
  out[6] = static_cast<char>(c.second + 1);
  return out;
}

std::string encode_timestamp(const CivilDateTime& c, uint32_t nanos) {
  std::string out = encode_date(c);
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((nanos >> shift) & 0xFF);
  return out;
}

namespace {

template <typename Bits>
Bits unflip(std::string_view bytes) {
  Bits u = 0;
  for (unsigned char c : bytes) u = static_cast<Bits>((u << 8) | c);
  constexpr Bits sign = Bits(1) << (sizeof(Bits) * 8 - 1);
  return (u & sign) ? static_cast<Bits>(u & ~sign) : static_cast<Bits>(~u);
}

}  // namespace

std::optional<double> decode_binary_double(std::string_view bytes, std::string* error) {
  if (bytes.size() != 8) {
    fail(error, "invalid BINARY_DOUBLE: " + std::to_string(bytes.size()) + " bytes, expected 8");
    return std::nullopt;
  }
  return std::bit_cast<double>(unflip<uint64_t>(bytes));
}

std::optional<float> decode_binary_float(std::string_view bytes, std::string* error) {
  if (bytes.size() != 4) {
    fail(error, "invalid BINARY_FLOAT: " + std::to_string(bytes.size()) + " bytes, expected 4");
    return std::nullopt;
  }
  return std::bit_cast<float>(unflip<uint32_t>(bytes));
}

std::string encode_binary_double(double v) {
  uint64_t u = std::bit_cast<uint64_t>(v);
  constexpr uint64_t sign = uint64_t(1) << 63;
  u = (u & sign) ? ~u : (u | sign);
  std::string out;
  for (int shift = 56; shift >= 0; shift -= 8) out += static_cast<char>((u >> shift) & 0xFF);
  return out;
}

}  // namespace orashift::oracle
