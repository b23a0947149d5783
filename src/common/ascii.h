#pragma once
// ASCII case folding for SQL words and Oracle names (Oracle folds unquoted identifiers with
// ASCII rules; locale-dependent std::toupper on whole strings would not).
#include <cctype>
#include <string>
#include <string_view>

namespace orashift {

inline std::string ascii_upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace orashift
