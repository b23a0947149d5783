// The report's "Types from evidence" part: per profiled column, what was seen, over how many
// rows, whether that is every row, and what was decided (docs/report-schema.md).
#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "assess/report_writers.h"
#include "assess/summary_report.h"

namespace orashift {

using nlohmann::json;

json type_evidence_json(const TypeEvidence& evidence) {
  json arr = json::array();
  for (const auto& e : evidence)
    arr.push_back({{"table", e.table},
                   {"column", e.column},
                   {"declared", e.declared},
                   {"rows_seen", e.rows_seen},
                   {"nulls", e.nulls},
                   {"not_numbers", e.not_numbers},
                   {"min", e.min.empty() ? json() : json(e.min)},
                   {"max", e.max.empty() ? json() : json(e.max)},
                   {"max_integer_digits", e.max_integer_digits},
                   {"max_scale", e.max_scale},
                   {"non_integral", e.non_integral},
                   {"max_bytes", e.max_bytes},
                   {"complete", e.complete},
                   {"coverage", e.coverage},
                   {"decision", e.decision}});
  return arr;
}

void write_type_evidence_csv(const TypeEvidence& evidence, const std::string& dir) {
  std::string out =
      "table,column,declared,rows_seen,nulls,not_numbers,min,max,max_integer_digits,max_scale,non_integral,max_bytes,"
      "complete,coverage,decision\n";
  for (const auto& e : evidence)
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", csv_field(e.table), csv_field(e.column),
                       csv_field(e.declared), e.rows_seen, e.nulls, e.not_numbers, e.min, e.max, e.max_integer_digits,
                       e.max_scale, e.non_integral, e.max_bytes, e.complete, csv_field(e.coverage),
                       csv_field(e.decision));
  std::ofstream f(dir + "/type_evidence.csv", std::ios::binary);
  f << out;
  if (!f) throw std::runtime_error("cannot write " + dir + "/type_evidence.csv");
}

std::string type_evidence_html(const TypeEvidence& evidence) {
  std::string h =
      "<section id=\"evidence\"><h2>Types from evidence</h2><p class=\"muted\">Columns declared without precision, "
      "profiled before the DDL was written. A type is narrowed only where the evidence covers every row (unless "
      "<code>--types evidence</code>); values that do not fit the narrowed type are rejected, never rounded.</p>"
      "<table class=\"sortable\"><thead><tr><th>column</th><th>declared</th><th>rows seen</th><th>NULL</th>"
      "<th>min</th><th>max</th><th>integer digits</th><th>scale</th><th>coverage</th><th>decision</th></tr></thead>"
      "<tbody>\n";
  for (const auto& e : evidence)
    h += "<tr><td>" + html_escape(e.table + "." + e.column) + "</td><td>" + html_escape(e.declared) + "</td><td>" +
         std::to_string(e.rows_seen) + "</td><td>" + std::to_string(e.nulls) + "</td><td>" + html_escape(e.min) +
         "</td><td>" + html_escape(e.max) + "</td><td>" + std::to_string(e.max_integer_digits) + "</td><td>" +
         std::to_string(e.max_scale) + "</td><td>" + html_escape(e.coverage) + "</td><td>" + html_escape(e.decision) +
         "</td></tr>\n";
  return h + "</tbody></table></section>\n";
}

}  // namespace orashift
