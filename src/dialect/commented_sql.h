#pragma once
// An object that was not converted stays in the output for the reader, commented out, so an
// apply script does not fail on it.
#include <string>

namespace orashift {

inline std::string commented(const std::string& sql) {
  std::string out = "-- not converted, see the action items of this object:\n";
  size_t p = 0;
  while (p < sql.size()) {
    size_t e = sql.find('\n', p);
    if (e == std::string::npos) e = sql.size();
    out += "-- " + sql.substr(p, e - p) + "\n";
    p = e + 1;
  }
  return out;
}

}  // namespace orashift
