#include "catalog/catalog.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "common/ascii.h"

namespace orashift {

std::string OracleType::text() const {
  // fmt rather than string concatenation: GCC 12 reports a false -Wrestrict on the latter.
  std::string args;
  if (length) args = fmt::format("({}{})", *length, char_semantics ? " CHAR" : "");
  else if (star_precision) args = scale ? fmt::format("(*,{})", *scale) : "(*)";
  else if (precision) args = scale ? fmt::format("({},{})", *precision, *scale) : fmt::format("({})", *precision);
  return suffix.empty() ? name + args : fmt::format("{}{} {}", name, args, suffix);
}

std::string normalize_identifier(std::string_view raw) {
  if (raw.size() >= 2 && raw.front() == '"' && raw.back() == '"') return std::string(raw.substr(1, raw.size() - 2));
  return ascii_upper(raw);
}

const Column* Table::find_column(std::string_view n) const {
  for (const auto& c : columns)
    if (c.name == n) return &c;
  return nullptr;
}
Column* Table::find_column(std::string_view n) {
  for (auto& c : columns)
    if (c.name == n) return &c;
  return nullptr;
}
const Constraint* Table::primary_key() const {
  for (const auto& c : constraints)
    if (c.kind == ConstraintKind::PrimaryKey) return &c;
  return nullptr;
}

Table* Catalog::find_table(std::string_view n) {
  for (auto& t : tables)
    if (t.name == n) return &t;
  return nullptr;
}
const Table* Catalog::find_table(std::string_view n) const {
  for (const auto& t : tables)
    if (t.name == n) return &t;
  return nullptr;
}

}  // namespace orashift
