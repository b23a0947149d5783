#pragma once
// ASCII case folding for SQL words and Oracle names (Oracle folds unquoted identifiers with
// ASCII rules; locale-dependent std::toupper on whole strings would not).
#include <cctype>
#include <string>
#include <string_view>

namespace orashift {

// Without a call per character: names are folded on every lookup of the PL/SQL converter.
inline char ascii_upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

inline std::string ascii_upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_upper(c);
  return out;
}

}  // namespace orashift
