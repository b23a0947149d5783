#include "assess/effort_model.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

namespace orashift {

using nlohmann::json;

EffortModel EffortModel::defaults() {
  EffortModel m;
  // ora2pg 23.2 %OBJECT_SCORE (lib/Ora2Pg/PLSQL.pm); ANONYMOUS BLOCK has no ora2pg weight and
  // takes QUERY's.
  m.kind_units = {{"FUNCTION", 1},      {"PROCEDURE", 1}, {"PACKAGE", 1},    {"PACKAGE BODY", 3},
                  {"TRIGGER", 1},       {"TYPE", 1},      {"TYPE BODY", 10}, {"VIEW", 1},
                  {"MATERIALIZED VIEW", 3}, {"ANONYMOUS BLOCK", 0.2}, {"TABLE", 0.1}, {"INDEX", 0.1},
                  {"SEQUENCE", 0.1},    {"SYNONYM", 0.1}, {"DATABASE LINK", 3}, {"JOB", 2}};
  // ora2pg 23.2 %UNCOVERED_SCORE, mapped onto the construct codes (OS50xx).
  m.construct_units = {{"OS5001", 1},  // CURSOR
                       {"OS5002", 5},  // BULK COLLECT
                       {"OS5003", 1},  // FORALL
                       {"OS5004", 3},  // DBMS_ (dynamic SQL through DBMS_SQL or EXECUTE IMMEDIATE)
                       {"OS5005", 3},  // PRAGMA
                       {"OS5006", 3},  // DBMS_ / UTL_
                       {"OS5007", 3},  // CONNECT BY
                       {"OS5008", 3},  // MERGE INTO
                       {"OS5009", 1},  // ROWNUM
                       {"OS5010", 2},  // OUTER JOIN
                       {"OS5011", 10}, // GLOBAL TEMPORARY TABLE (an %OBJECT_SCORE)
                       {"OS5012", 4},  // IS TABLE OF
                       {"OS5013", 1},  // PIPE ROW
                       {"OS5014", 2},  // GOTO
                       {"OS5015", 2},  // ROWID
                       {"OS5016", 1},  // COMMIT / SAVEPOINT
                       {"OS5017", 2},  // EXCEPTION
                       {"OS5018", 1}}; // DBLINK
  // ora2pg estimates PL/SQL → PL/pgSQL. Redshift's procedures are a PL/pgSQL subset without
  // triggers, packages or functions in PL/pgSQL; DuckDB has no procedural language at all, so
  // code moves into the application.
  m.target_factor = {{"postgres", 1.0}, {"redshift", 2.0}, {"duckdb", 3.0}};
  return m;
}

double EffortModel::factor(const std::string& target) const {
  auto it = target_factor.find(target);
  return it == target_factor.end() ? 1.0 : it->second;
}

bool EffortModel::is_code_kind(const std::string& kind) const {
  static const char* code[] = {"FUNCTION", "PROCEDURE", "PACKAGE", "PACKAGE BODY", "TRIGGER", "TYPE", "TYPE BODY",
                               "VIEW", "MATERIALIZED VIEW", "ANONYMOUS BLOCK", "JAVA SOURCE", "LIBRARY"};
  for (const char* c : code)
    if (kind == c) return true;
  return false;
}

json EffortModel::to_json() const {
  return {{"minutes_per_unit", minutes_per_unit}, {"hours_per_day", hours_per_day}, {"units_per_kb", units_per_kb},
          {"test_units_code", test_units_code},   {"test_units_query", test_units_query},
          {"level_b_max_days", level_b_max_days}, {"kind_units", kind_units},
          {"construct_units", construct_units},   {"target_factor", target_factor},
          {"item_hours", item_hours}};
}

void EffortModel::merge(const json& s) {
  if (!s.is_object()) throw std::runtime_error("effort settings: expected a JSON object");
  auto num = [](const json& v, const std::string& key) {
    if (!v.is_number() || v.get<double>() < 0) throw std::runtime_error("effort settings: " + key + " must be a number >= 0");
    return v.get<double>();
  };
  auto table = [&](const json& v, const std::string& key, std::map<std::string, double>& into) {
    if (!v.is_object()) throw std::runtime_error("effort settings: " + key + " must be an object");
    for (const auto& [k, x] : v.items()) into[k] = num(x, key + "." + k);
  };
  for (const auto& [key, v] : s.items()) {
    if (key == "minutes_per_unit") minutes_per_unit = num(v, key);
    else if (key == "hours_per_day") hours_per_day = num(v, key);
    else if (key == "units_per_kb") units_per_kb = num(v, key);
    else if (key == "test_units_code") test_units_code = num(v, key);
    else if (key == "test_units_query") test_units_query = num(v, key);
    else if (key == "level_b_max_days") level_b_max_days = num(v, key);
    else if (key == "kind_units") table(v, key, kind_units);
    else if (key == "construct_units") table(v, key, construct_units);
    else if (key == "target_factor") table(v, key, target_factor);
    else if (key == "item_hours") table(v, key, item_hours);
    else if (key.rfind("_", 0) == 0) continue;  // "_comment" and the like
    else throw std::runtime_error("effort settings: unknown key \"" + key + "\"");
  }
  if (hours_per_day <= 0) throw std::runtime_error("effort settings: hours_per_day must be > 0");
}

EffortModel load_effort_model(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read effort settings " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  EffortModel m = EffortModel::defaults();
  try {
    m.merge(json::parse(ss.str()));
  } catch (const json::exception& e) {
    throw std::runtime_error(path + ": " + e.what());
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(path + ": " + e.what());
  }
  return m;
}

}  // namespace orashift
