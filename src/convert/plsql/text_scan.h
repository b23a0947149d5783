#pragma once
// Reading names in a routine's upper-cased source text, for the scans that decide from the text
// what a routine may do (lower_unit.cpp's may_write, lower_json.cpp's json_shared,
// lower_dbms_sql.cpp's reaching_assignment): fast, and erring towards "it may".
#include <cctype>
#include <string>
#include <string_view>

#include "common/ascii.h"

namespace orashift::plsql {

// The text upper-cased, as unquoted Oracle names are compared.
inline std::string upper_text(std::string_view s) {
  return ascii_upper(s);
}

// A character of an unquoted Oracle name after its first: letters, digits, _ $ #.
inline bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || c == '#'; }

inline size_t skip_space(const std::string& t, size_t p) {
  while (p < t.size() && std::isspace(static_cast<unsigned char>(t[p]))) ++p;
  return p;
}

// `name` stands at `at` of `text` as a name of its own: no name character around it and no '.'
// before it (then it would be a field or member of another name).
inline bool whole_name_at(const std::string& text, size_t at, const std::string& name) {
  if (at > 0 && (name_char(text[at - 1]) || text[at - 1] == '.')) return false;
  return at + name.size() >= text.size() || !name_char(text[at + name.size()]);
}

}  // namespace orashift::plsql
