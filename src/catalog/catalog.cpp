#include "catalog/catalog.h"

#include <algorithm>
#include <cctype>

namespace orashift {

std::string OracleType::text() const {
  std::string out = name;
  if (star_precision || precision || length) {
    out += "(";
    if (length) {
      out += std::to_string(*length);
      if (char_semantics) out += " CHAR";
    } else {
      out += star_precision ? "*" : std::to_string(*precision);
      if (scale) out += "," + std::to_string(*scale);
    }
    out += ")";
  }
  if (!suffix.empty()) out += " " + suffix;
  return out;
}

std::string normalize_identifier(std::string_view raw) {
  if (raw.size() >= 2 && raw.front() == '"' && raw.back() == '"') return std::string(raw.substr(1, raw.size() - 2));
  std::string out(raw);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
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
