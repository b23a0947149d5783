#pragma once
// The report formats, each rendering the same Assessment (plus, for migrate, the load and the
// verification from the RunSummary).
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "assess/assessment.h"
#include "convert/type_evidence.h"

namespace orashift {

struct RunSummary;

nlohmann::json report_json(const Assessment& a, const RunSummary& s);
std::string report_html(const Assessment& a, const RunSummary& s);
// action_items.csv (one row per occurrence), action_codes.csv (per code), objects.csv.
void write_report_csv(const Assessment& a, const std::string& dir);

// type_evidence.csv: one row per profiled column (what was seen, over how many rows, the decision).
void write_type_evidence_csv(const TypeEvidence& evidence, const std::string& dir);
nlohmann::json type_evidence_json(const TypeEvidence& evidence);
std::string type_evidence_html(const TypeEvidence& evidence);

// One row per source of a multi-source assessment.
struct PortfolioRow {
  std::string name;
  std::string link;  // relative path of the source's own report.html
  Assessment assessment;
};
std::string portfolio_html(const std::vector<PortfolioRow>& rows);
nlohmann::json portfolio_json(const std::vector<PortfolioRow>& rows);
std::string portfolio_csv(const std::vector<PortfolioRow>& rows);

// RFC 4180 field quoting.
std::string csv_field(std::string_view s);
// "path:line:col" pieces of a span as JSON (null without a file).
nlohmann::json location_json(const Span& sp);

}  // namespace orashift
