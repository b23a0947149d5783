#include "dialect/sql_literal.h"

#include "common/naming.h"

namespace orashift {

std::string quote_literal(std::string_view text, Dialect dialect) {
  if (dialect != Dialect::Redshift) return quote_literal(text);
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back('\'');
  for (char c : text) {
    if (c == '\'' || c == '\\') out.push_back(c);
    out.push_back(c);
  }
  out.push_back('\'');
  return out;
}

}  // namespace orashift
