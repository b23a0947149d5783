#include "common/naming.h"
#include "common/verbatim_name.h"

#include <cctype>

namespace orashift {

constexpr char kVerbatimMark = '\x01';

std::string verbatim_name(std::string_view name) {
  if (!name.empty() && name[0] == kVerbatimMark) return std::string(name);
  return kVerbatimMark + std::string(name);
}

std::string_view display_name(std::string_view name) {
  return !name.empty() && name[0] == kVerbatimMark ? name.substr(1) : name;
}

std::string target_name(std::string_view n) {
  if (!n.empty() && n[0] == kVerbatimMark) return std::string(n.substr(1));
  bool has_lower = false;
  for (char c : n)
    if (std::islower(static_cast<unsigned char>(c))) has_lower = true;
  std::string out(n);
  if (!has_lower)
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

static std::string quote_with(std::string_view s, char q) {
  std::string out;
  out.reserve(s.size() + 2);
  out.push_back(q);
  for (char c : s) {
    if (c == q) out.push_back(q);
    out.push_back(c);
  }
  out.push_back(q);
  return out;
}

std::string quote_ident(std::string_view name) { return quote_with(name, '"'); }
std::string quote_literal(std::string_view text) { return quote_with(text, '\''); }

}  // namespace orashift
