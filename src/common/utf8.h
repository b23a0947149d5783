#pragma once
// UTF-8 validation for text headed to targets that require valid UTF-8 (DuckDB's VARCHAR
// leaves invalid input undefined; we refuse the row instead).
#include <string_view>

namespace orashift {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool valid_utf8(std::string_view s);

}  // namespace orashift
