#pragma once
// `orashift validate` and ValidationSettings.EnableValidation in a load: per table, row counts
// then per-partition checksums computed on each side; differing partitions are narrowed to the
// rows that differ, written as failure records shaped like DMS's awsdms_validation_failures_v1.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "load/endpoint.h"
#include "load/task/selection.h"
#include "load/task/task_settings.h"

namespace orashift {

// DMS's ValidationState vocabulary (TableStatistics.ValidationState).
namespace validation_state {
constexpr const char* kValidated = "Validated";
constexpr const char* kMismatched = "Mismatched records";
constexpr const char* kSuspended = "Suspended records";     // failure limit reached: rows left unchecked
constexpr const char* kNoPrimaryKey = "No primary key";
constexpr const char* kPending = "Pending validation";      // task failure limit reached before this table
constexpr const char* kError = "Error";
// Not compared: the table was reshaped by transformation rules (not supported yet).
constexpr const char* kNotEnabled = "Not enabled";
}  // namespace validation_state

struct TableValidation {
  std::string schema, table, target_table;
  std::string state = validation_state::kPending;
  uint64_t source_rows = 0, target_rows = 0;
  uint64_t source_unreadable = 0;   // streamed source rows its reader refused
  uint64_t failed_records = 0;      // failure records written
  uint64_t suspended_records = 0;   // rows of differing partitions not narrowed (limits)
  uint64_t partitions = 0, mismatched_partitions = 0;
  bool source_by_sql = false;       // checksums computed by the source's SQL (else streamed)
  double seconds = 0;
  std::string error;
};

struct ValidationReport {
  std::vector<TableValidation> tables;
  std::string failures_file;  // DIR/validation_failures.jsonl
  uint64_t failures() const;
  // Every table validated or (like DMS) skipped for having no key.
  bool ok() const;
};

struct ValidationOptions {
  ValidationTaskSettings settings;
  std::string out_dir;                 // validation_failures.jsonl goes here
  std::string task_name = "orashift";  // TASK_NAME of the failure records
  std::function<void(const std::string&)> log;
};

// Validates the plan's tables; the target tables are named as the load names them
// (target_name of the source table).
ValidationReport validate_tables(const SourceEndpoint& source, TargetEndpoint& target, const TaskPlan& plan,
                                 const ValidationOptions& options);

std::string format_validation_summary(const ValidationReport& report);
nlohmann::json validation_stats_json(const ValidationReport& report);

}  // namespace orashift
