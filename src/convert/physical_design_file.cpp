// --design FILE.json: the advisor's thresholds and table/column statistics
// (docs/physical-design.md). Every problem names its JSON path.
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "common/ascii.h"
#include "convert/physical_design.h"

namespace orashift {

namespace {

class DesignFileReader {
public:
  explicit DesignFileReader(std::string path) : path_(std::move(path)) {}

  [[noreturn]] void fail(const std::string& where, const std::string& why) const {
    throw std::runtime_error(path_ + ": " + where + ": " + why);
  }

  uint64_t count(const nlohmann::json& v, const std::string& where) const {
    if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<int64_t>() >= 0))
      fail(where, "expected a non-negative integer");
    return v.get<uint64_t>();
  }

  void settings(const nlohmann::json& j, PhysicalDesignSettings& s) const {
    if (!j.is_object()) fail("settings", "expected an object");
    for (const auto& [key, v] : j.items()) {
      std::string where = "settings." + key;
      if (key == "all_distribution_max_rows") {
        s.all_distribution_max_rows = count(v, where);
      } else if (key == "key_min_distinct") {
        s.key_min_distinct = count(v, where);
      } else if (key == "key_max_null_fraction") {
        if (!v.is_number() || v.get<double>() < 0 || v.get<double>() > 1) fail(where, "expected a number from 0 to 1");
        s.key_max_null_fraction = v.get<double>();
      } else if (key == "sortkey_max_columns") {
        uint64_t n = count(v, where);
        if (n < 1 || n > 400) fail(where, "expected 1..400 (Redshift allows 400 compound sort key columns)");
        s.sortkey_max_columns = n;
      } else {
        fail(where, "unknown key (known: all_distribution_max_rows, key_min_distinct, key_max_null_fraction, "
                    "sortkey_max_columns)");
      }
    }
  }

  // Names are Oracle names: matched as Oracle folds them (unquoted → upper case).
  static std::string oracle_name(const std::string& s) { return ascii_upper(s); }

  void statistics(const nlohmann::json& j, SchemaStatistics& stats) const {
    if (!j.is_object()) fail("statistics", "expected an object of tables");
    for (const auto& [table, tv] : j.items()) {
      std::string where = "statistics." + table;
      if (!tv.is_object()) fail(where, "expected an object");
      TableStatistics& ts = stats[oracle_name(table)];
      for (const auto& [key, v] : tv.items()) {
        if (key == "rows") {
          ts.rows = count(v, where + ".rows");
        } else if (key == "columns") {
          if (!v.is_object()) fail(where + ".columns", "expected an object of columns");
          for (const auto& [column, cv] : v.items()) {
            std::string cw = where + ".columns." + column;
            if (!cv.is_object()) fail(cw, "expected an object");
            ColumnStatistics& cs = ts.columns[oracle_name(column)];
            for (const auto& [ck, n] : cv.items()) {
              if (ck == "distinct") cs.distinct = count(n, cw + ".distinct");
              else if (ck == "nulls") cs.nulls = count(n, cw + ".nulls");
              else fail(cw + "." + ck, "unknown key (known: distinct, nulls)");
            }
          }
        } else {
          fail(where + "." + key, "unknown key (known: rows, columns)");
        }
      }
    }
  }

private:
  std::string path_;
};

}  // namespace

PhysicalDesignInput load_physical_design_file(const std::string& path) {
  PhysicalDesignInput in_design;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read physical design file " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  DesignFileReader r(path);
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(ss.str());
  } catch (const std::exception& e) {
    r.fail("JSON", e.what());
  }
  if (!j.is_object()) r.fail("top level", "expected an object with \"settings\" and/or \"statistics\"");
  for (const auto& [key, v] : j.items()) {
    if (key == "settings") r.settings(v, in_design.settings);
    else if (key == "statistics") r.statistics(v, in_design.statistics);
    else r.fail(key, "unknown key (known: settings, statistics)");
  }
  return in_design;
}

}  // namespace orashift
