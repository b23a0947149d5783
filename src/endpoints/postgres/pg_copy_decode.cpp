// COPY text format and PostgreSQL's datetime output, decoded for the PostgreSQL source.
#include <cctype>

#include "endpoints/postgres/postgres_source.h"

namespace orashift {

void decode_copy_text(std::string_view f, std::string& out) {
  out.clear();
  for (size_t i = 0; i < f.size(); ++i) {
    char c = f[i];
    if (c != '\\' || i + 1 == f.size()) {
      out.push_back(c);
      continue;
    }
    char e = f[++i];
    switch (e) {
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 't': out.push_back('\t'); break;
      case 'v': out.push_back('\v'); break;
      case 'x': {  // \xhh: one or two hex digits
        int v = 0, n = 0;
        while (n < 2 && i + 1 < f.size() && std::isxdigit(static_cast<unsigned char>(f[i + 1]))) {
          char h = f[++i];
          v = v * 16 + (std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : (std::tolower(h) - 'a' + 10));
          ++n;
        }
        out.push_back(static_cast<char>(v));
        break;
      }
      default:
        if (e >= '0' && e <= '7') {  // \ooo: one to three octal digits
          int v = e - '0', n = 1;
          while (n < 3 && i + 1 < f.size() && f[i + 1] >= '0' && f[i + 1] <= '7') {
            v = v * 8 + (f[++i] - '0');
            ++n;
          }
          out.push_back(static_cast<char>(v));
        } else {
          out.push_back(e);  // \\ and any other escaped character stand for themselves
        }
    }
  }
}

bool parse_pg_timestamp(std::string_view s, Micros& out) {
  CivilDateTime c;
  size_t i = 0;
  auto num = [&](int digits_min, int digits_max, int& v) {
    size_t b = i;
    v = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) && static_cast<int>(i - b) < digits_max)
      v = v * 10 + (s[i++] - '0');
    return static_cast<int>(i - b) >= digits_min;
  };
  auto lit = [&](char ch) { return i < s.size() && s[i] == ch ? (++i, true) : false; };
  if (!num(4, 6, c.year) || !lit('-') || !num(2, 2, c.month) || !lit('-') || !num(2, 2, c.day)) return false;
  if (lit(' ') && i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
    if (!num(2, 2, c.hour) || !lit(':') || !num(2, 2, c.minute) || !lit(':') || !num(2, 2, c.second)) return false;
    if (lit('.')) {
      int frac = 0, n = 0;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
        if (n < 6) frac = frac * 10 + (s[i] - '0');
        ++n;
        ++i;
      }
      if (n == 0 || n > 6) return false;
      for (int k = n; k < 6; ++k) frac *= 10;
      c.micros = frac;
    }
    // A zone offset (timestamptz): the source session runs in UTC, so it is "+00".
    if (i + 3 <= s.size() && (s[i] == '+' || s[i] == '-') && s.substr(i, 3) == "+00") i += 3;
    lit(' ');
  }
  if (s.substr(i) == "BC") {
    c.year = 1 - c.year;
    i = s.size();
  }
  if (i != s.size() || !valid_civil(c)) return false;
  out = micros_from_civil(c);
  return true;
}

}  // namespace orashift
