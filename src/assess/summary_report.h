#pragma once
// The run summary as JSON and a self-contained HTML page: what was converted, every action
// item with its location, and (for migrate) what happened to every row. First cut of the
// assessment report; docs/report-schema.md describes the JSON.
#include <string>

#include "assess/action_item.h"
#include "assess/effort_model.h"
#include "catalog/catalog.h"
#include "common/diagnostic.h"
#include "convert/type_evidence.h"
#include "dialect/ddl_generator.h"
#include "load/executor.h"
#include "validate/verify.h"

namespace orashift {

constexpr int kReportSchemaVersion = 2;  // docs/report-schema.md

struct RunSummary {
  std::string command;             // "convert" or "migrate"
  std::string source;              // describe() of the source (no secrets)
  std::string target;              // dialect or describe() of the target (no secrets)
  const Catalog* catalog = nullptr;
  const Diagnostics* diagnostics = nullptr;   // parse/read diagnostics
  const ConvertedSchema* schema = nullptr;
  const ActionItems* items = nullptr;
  const LoadReport* load = nullptr;           // migrate only
  const Verification* verification = nullptr; // migrate only
  const EffortModel* effort = nullptr;        // nullptr: EffortModel::defaults()
  const TypeEvidence* evidence = nullptr;     // convert/migrate: what the profiling pass saw per column
  std::string name;                           // the source's name in a portfolio
};

std::string summary_json(const RunSummary& s);
std::string summary_html(const RunSummary& s);

// Writes DIR/report.json, DIR/report.html and the CSV files (action_items.csv, action_codes.csv,
// objects.csv, and type_evidence.csv when there is evidence); throws on I/O failure.
void write_summary(const RunSummary& s, const std::string& dir);

// HTML-escapes text from the source (also safe inside <script> and attribute values).
std::string html_escape(std::string_view s);

}  // namespace orashift
