#pragma once
// DMS task settings JSON, the parts that apply to a full load. Defaults are DMS's, each
// group citing the DMS user guide page it comes from. Sections and keys that only matter to
// change data capture, logging or DMS's own control tables are reported once as ignored.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "load/task/task_issue.h"

namespace orashift {

enum class TablePrepMode { DoNothing, DropAndCreate, TruncateBeforeLoad };
enum class ErrorPolicy { IgnoreRecord, LogError, SuspendTable, StopTask };
const char* table_prep_mode_name(TablePrepMode m);
const char* error_policy_name(ErrorPolicy p);

// "Target metadata task settings" (CHAP_Tasks.CustomizingTasks.TaskSettings.TargetMetadata).
struct TargetMetadataSettings {
  std::string target_schema;        // "": the source schema
  bool support_lobs = true;
  bool full_lob_mode = false;
  int64_t lob_chunk_size_kb = 64;
  bool limited_size_lob_mode = true;
  int64_t lob_max_size_kb = 32;
  int64_t inline_lob_max_size_kb = 0;  // full LOB mode: LOBs up to this size travel inline
};

// "Full-load task settings" (CHAP_Tasks.CustomizingTasks.TaskSettings.FullLoad). The page
// names no default prep mode; the console preselects "Drop tables on target", which is
// DROP_AND_CREATE.
struct FullLoadTaskSettings {
  TablePrepMode target_table_prep_mode = TablePrepMode::DropAndCreate;
  bool create_pk_after_full_load = false;
  int64_t max_full_load_subtasks = 8;   // 1..49
  int64_t commit_rate = 10000;          // rows per commit, 1..50000
};

// "Error handling task settings" (CHAP_Tasks.CustomizingTasks.TaskSettings.ErrorHandling).
struct ErrorBehaviorSettings {
  ErrorPolicy data_error_policy = ErrorPolicy::LogError;
  ErrorPolicy data_truncation_error_policy = ErrorPolicy::LogError;
  ErrorPolicy data_error_escalation_policy = ErrorPolicy::SuspendTable;
  int64_t data_error_escalation_count = 0;   // 0: never escalate
  ErrorPolicy table_error_policy = ErrorPolicy::SuspendTable;
  ErrorPolicy table_error_escalation_policy = ErrorPolicy::StopTask;
  int64_t table_error_escalation_count = 0;  // 0: never escalate
  int64_t recoverable_error_count = -1;      // -1: retry without limit; 0: never retry
  int64_t recoverable_error_interval = 5;    // seconds between retries
  bool recoverable_error_throttling = true;  // grow the interval on each retry…
  int64_t recoverable_error_throttling_max = 1800;  // …up to this many seconds
  bool fail_on_no_tables_captured = false;   // FailOnNoTablesCaptured: fail when no table is selected
};

// "Data validation task settings" (CHAP_Tasks.CustomizingTasks.TaskSettings.DataValidation).
struct ValidationTaskSettings {
  bool enable_validation = false;
  std::string validation_mode = "ROW_LEVEL";  // ROW_LEVEL | GROUP_LEVEL
  int64_t partition_size = 10000;             // rows per compared range
  int64_t failure_max_count = 10000;          // failures before validation of the task stops
  int64_t table_failure_max_count = 1000;     // failures before validation of a table stops
  int64_t thread_count = 5;
  bool validation_only = false;               // validate, do not load
  bool handle_collation_diff = false;
  int64_t record_failure_delay_limit_in_minutes = 0;
  bool skip_lob_columns = false;
  int64_t validation_partial_lob_size = 0;    // KB of each LOB compared; 0: all of it
};

struct TaskSettings {
  TargetMetadataSettings target_metadata;
  FullLoadTaskSettings full_load;
  ErrorBehaviorSettings error_behavior;
  ValidationTaskSettings validation;

  // The LOB handling that results: limited mode truncates at lob_max_size_kb.
  bool limited_lobs() const { return target_metadata.support_lobs && target_metadata.limited_size_lob_mode; }
};

// Missing keys keep DMS's defaults; an empty object gives exactly DMS's defaults.
TaskSettings parse_task_settings(const nlohmann::json& doc, TaskIssues& issues);
TaskSettings parse_task_settings_text(std::string_view json_text, TaskIssues& issues);
TaskSettings load_task_settings(const std::filesystem::path& file, TaskIssues& issues);

}  // namespace orashift
