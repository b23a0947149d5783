#pragma once
// The effort model is data, not code: ora2pg's migration units (one unit = a few minutes of an
// expert's time) per object kind, per code construct, per KB of code and per test, scaled by a
// factor per target. docs/assessment.md lists the defaults and their ora2pg origin; a JSON
// settings file (`--effort-settings`) overrides any of them.
#include <map>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace orashift {

struct EffortModel {
  double minutes_per_unit = 5;     // ora2pg COST_UNIT_VALUE
  double hours_per_day = 8;        // one person-day
  double units_per_kb = 1;         // ora2pg SIZE_SCORE: one unit per 1000 characters
  double test_units_code = 2;      // ora2pg FCT_TEST_SCORE, per procedure/function/package/trigger…
  double test_units_query = 0.1;   // ora2pg QUERY_TEST_SCORE, per view
  double level_b_max_days = 5;     // ora2pg HUMAN_DAYS_LIMIT: above it, level C
  std::map<std::string, double> kind_units;       // "PACKAGE BODY" → 3
  std::map<std::string, double> construct_units;  // action item code of a construct → units
  std::map<std::string, double> target_factor;    // "redshift" → 2
  std::map<std::string, double> item_hours;       // overrides of the catalogue's hours per code

  static EffortModel defaults();
  // Overrides from a settings object (same keys as to_json()); unknown keys are errors, so a
  // typo does not silently keep a default.
  void merge(const nlohmann::json& settings);
  nlohmann::json to_json() const;

  double factor(const std::string& target) const;
  double units_to_hours(double units, const std::string& target) const {
    return units * minutes_per_unit / 60.0 * factor(target);
  }
  bool is_code_kind(const std::string& kind) const;
};

// Reads a JSON settings file over the defaults; throws std::runtime_error with the reason.
EffortModel load_effort_model(const std::string& path);

}  // namespace orashift
