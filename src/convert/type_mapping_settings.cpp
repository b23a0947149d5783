// --type-map FILE.json: per-type overrides and the unconstrained-NUMBER choice (docs/type-mapping.md).
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "convert/type_mapping.h"

namespace orashift {

namespace {

// A target type is spliced into DDL: accept only what a type name can look like.
bool plausible_type(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '(' && c != ')' && c != ',' && c != ' ')
      return false;
  return true;
}

std::string canonical_key(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' || (!out.empty() && out.back() != ' ' && out.back() != '(' && out.back() != ','))
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

TypeMappingSettings load_type_mapping_settings(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read type mapping settings " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  TypeMappingSettings s;
  auto fail = [&](const std::string& why) { throw std::runtime_error(path + ": " + why); };
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(ss.str());
  } catch (const std::exception& e) {
    fail(e.what());
  }
  if (!j.is_object()) fail("expected a JSON object");
  for (const auto& [key, value] : j.items()) {
    if (key == "unconstrained_number") {
      s.unconstrained_number_precision = value.value("precision", s.unconstrained_number_precision);
      s.unconstrained_number_scale = value.value("scale", s.unconstrained_number_scale);
      if (s.unconstrained_number_precision < 1 || s.unconstrained_number_precision > 38 ||
          s.unconstrained_number_scale < 0 || s.unconstrained_number_scale > s.unconstrained_number_precision)
        fail("unconstrained_number: need 1 ≤ precision ≤ 38 and 0 ≤ scale ≤ precision");
    } else if (key == "postgres_bounded_number") {
      s.postgres_bounded_number = value.get<bool>();
    } else if (key == "types") {
      if (!value.is_object()) fail("\"types\" must map Oracle types to {dialect: target type}");
      for (const auto& [oracle, targets] : value.items()) {
        if (!targets.is_object()) fail("types." + oracle + " must be an object such as {\"postgres\": \"TEXT\"}");
        for (const auto& [dialect, type] : targets.items()) {
          Dialect d;
          if (!parse_dialect(dialect, d)) fail("types." + oracle + ": unknown target \"" + dialect + "\"");
          if (!type.is_string() || !plausible_type(type.get<std::string>()))
            fail("types." + oracle + "." + dialect + ": not a type name: " + type.dump());
          s.overrides[canonical_key(oracle)][dialect_name(d)] = type.get<std::string>();
        }
      }
    } else if (key == "columns") {
      // {"SALES.PROD_ID": {"redshift": "BIGINT"}}: one column's type, whatever the evidence says.
      if (!value.is_object()) fail("\"columns\" must map TABLE.COLUMN to {dialect: target type}");
      for (const auto& [column, targets] : value.items()) {
        std::string name = canonical_key(column);
        if (name.find('.') == std::string::npos || name.front() == '.' || name.back() == '.')
          fail("columns." + column + ": expected TABLE.COLUMN");
        if (!targets.is_object()) fail("columns." + column + " must be an object such as {\"redshift\": \"BIGINT\"}");
        for (const auto& [dialect, type] : targets.items()) {
          Dialect d;
          if (!parse_dialect(dialect, d)) fail("columns." + column + ": unknown target \"" + dialect + "\"");
          if (!type.is_string() || !plausible_type(type.get<std::string>()))
            fail("columns." + column + "." + dialect + ": not a type name: " + type.dump());
          s.column_overrides[name][dialect_name(d)] = type.get<std::string>();
        }
      }
    } else {
      fail("unknown key \"" + key + "\" (expected types, columns, unconstrained_number, postgres_bounded_number)");
    }
  }
  return s;
}

}  // namespace orashift
