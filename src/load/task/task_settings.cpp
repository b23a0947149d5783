#include "load/task/task_settings.h"

#include <fstream>
#include <sstream>

#include "load/task/json_fields.h"

namespace orashift {

using nlohmann::json;

const char* table_prep_mode_name(TablePrepMode m) {
  switch (m) {
    case TablePrepMode::DoNothing: return "DO_NOTHING";
    case TablePrepMode::DropAndCreate: return "DROP_AND_CREATE";
    case TablePrepMode::TruncateBeforeLoad: return "TRUNCATE_BEFORE_LOAD";
  }
  return "?";
}

const char* error_policy_name(ErrorPolicy p) {
  switch (p) {
    case ErrorPolicy::IgnoreRecord: return "IGNORE_RECORD";
    case ErrorPolicy::LogError: return "LOG_ERROR";
    case ErrorPolicy::SuspendTable: return "SUSPEND_TABLE";
    case ErrorPolicy::StopTask: return "STOP_TASK";
  }
  return "?";
}

namespace {

// Keys DMS has in a section that a full load does not use: one warning per section names
// the ones present, so a settings file saved from DMS (which has them all) stays readable.
void ignore_keys(JsonFields& f, std::initializer_list<const char*> keys, const char* why) {
  std::vector<std::string> present;
  for (const char* k : keys)
    if (f.has(k)) {
      f.raw(k);
      present.push_back(k);
    }
  if (!present.empty()) f.warning("", join_names(present) + (present.size() == 1 ? " does" : " do") + " not apply " + why + "; ignored");
}

template <typename T>
void set(std::optional<T> v, T& out) {
  if (v) out = *v;
}

void set_policy(JsonFields& f, const char* key, const std::vector<std::string>& allowed, ErrorPolicy& out) {
  auto v = f.one_of(key, allowed);
  if (!v) return;
  out = *v == "IGNORE_RECORD" ? ErrorPolicy::IgnoreRecord : *v == "LOG_ERROR" ? ErrorPolicy::LogError
      : *v == "SUSPEND_TABLE" ? ErrorPolicy::SuspendTable : ErrorPolicy::StopTask;
}

void parse_target_metadata(const json& j, TaskIssues& issues, TargetMetadataSettings& s) {
  JsonFields f(j, "TargetMetadata", issues);
  if (!f.is_object()) return;
  set(f.string("TargetSchema"), s.target_schema);
  set(f.boolean("SupportLobs"), s.support_lobs);
  auto full = f.boolean("FullLobMode");
  auto limited = f.boolean("LimitedSizeLobMode");
  set(full, s.full_lob_mode);
  set(limited, s.limited_size_lob_mode);
  // LimitedSizeLobMode defaults to true, so "FullLobMode": true alone means full LOB mode.
  if (full && *full && !limited) s.limited_size_lob_mode = false;
  set(f.integer("LobChunkSize", 1, INT32_MAX), s.lob_chunk_size_kb);
  set(f.integer("LobMaxSize", 0, INT32_MAX), s.lob_max_size_kb);
  set(f.integer("InlineLobMaxSize", 0, 102400), s.inline_lob_max_size_kb);
  ignore_keys(f, {"BatchApplyEnabled", "TaskRecoveryTableEnabled", "ParallelLoadThreads", "ParallelLoadBufferSize",
                  "ParallelLoadQueuesPerThread", "ParallelApplyThreads", "ParallelApplyBufferSize",
                  "ParallelApplyQueuesPerThread", "LoadMaxFileSize"},
              "to orashift's targets");
  if (s.support_lobs) {
    if (s.full_lob_mode && s.limited_size_lob_mode)
      f.error("LimitedSizeLobMode", "FullLobMode and LimitedSizeLobMode are both true; set exactly one");
    else if (!s.full_lob_mode && !s.limited_size_lob_mode)
      f.error("FullLobMode", "SupportLobs is true but neither FullLobMode nor LimitedSizeLobMode is; set one of them");
    if (s.limited_size_lob_mode && s.lob_max_size_kb == 0)
      f.error("LobMaxSize", "limited LOB mode needs LobMaxSize > 0 (kilobytes)");
    if (s.limited_size_lob_mode && s.lob_max_size_kb > 102400)
      f.warning("LobMaxSize", std::to_string(s.lob_max_size_kb) + " KB is above the 102400 KB (100 MB) DMS recommends");
  }
  f.finish();
}

void parse_full_load(const json& j, TaskIssues& issues, FullLoadTaskSettings& s) {
  JsonFields f(j, "FullLoadSettings", issues);
  if (!f.is_object()) return;
  if (auto m = f.one_of("TargetTablePrepMode", {"DO_NOTHING", "DROP_AND_CREATE", "TRUNCATE_BEFORE_LOAD"}))
    s.target_table_prep_mode = *m == "DO_NOTHING" ? TablePrepMode::DoNothing
                             : *m == "DROP_AND_CREATE" ? TablePrepMode::DropAndCreate : TablePrepMode::TruncateBeforeLoad;
  set(f.boolean("CreatePkAfterFullLoad"), s.create_pk_after_full_load);
  set(f.integer("MaxFullLoadSubTasks", 1, 49), s.max_full_load_subtasks);
  set(f.integer("CommitRate", 1, 50000), s.commit_rate);
  ignore_keys(f, {"StopTaskCachedChangesApplied", "StopTaskCachedChangesNotApplied", "TransactionConsistencyTimeout"},
              "to a full load without change data capture");
  f.finish();
}

void parse_error_behavior(const json& j, TaskIssues& issues, ErrorBehaviorSettings& s) {
  JsonFields f(j, "ErrorBehavior", issues);
  if (!f.is_object()) return;
  const std::vector<std::string> record = {"IGNORE_RECORD", "LOG_ERROR", "SUSPEND_TABLE", "STOP_TASK"};
  set_policy(f, "DataErrorPolicy", record, s.data_error_policy);
  set_policy(f, "DataTruncationErrorPolicy", record, s.data_truncation_error_policy);
  // The current page lists SUSPEND_TABLE and STOP_TASK; earlier versions also LOG_ERROR.
  set_policy(f, "DataErrorEscalationPolicy", {"LOG_ERROR", "SUSPEND_TABLE", "STOP_TASK"}, s.data_error_escalation_policy);
  set(f.integer("DataErrorEscalationCount", 0, INT32_MAX), s.data_error_escalation_count);
  set_policy(f, "TableErrorPolicy", {"SUSPEND_TABLE", "STOP_TASK"}, s.table_error_policy);
  // "The default and only user setting is STOP_TASK."
  set_policy(f, "TableErrorEscalationPolicy", {"STOP_TASK"}, s.table_error_escalation_policy);
  set(f.integer("TableErrorEscalationCount", 0, INT32_MAX), s.table_error_escalation_count);
  set(f.integer("RecoverableErrorCount", -1, INT32_MAX), s.recoverable_error_count);
  set(f.integer("RecoverableErrorInterval", 0, INT32_MAX), s.recoverable_error_interval);
  set(f.boolean("RecoverableErrorThrottling"), s.recoverable_error_throttling);
  set(f.integer("RecoverableErrorThrottlingMax", 0, INT32_MAX), s.recoverable_error_throttling_max);
  set(f.boolean("FailOnNoTablesCaptured"), s.fail_on_no_tables_captured);
  ignore_keys(f, {"ApplyErrorDeletePolicy", "ApplyErrorInsertPolicy", "ApplyErrorUpdatePolicy", "ApplyErrorEscalationPolicy",
                  "ApplyErrorEscalationCount", "ApplyErrorFailOnTruncationDdl", "FailOnTransactionConsistencyBreached",
                  "FullLoadIgnoreConflicts", "FulloadIgnoreConflicts", "EventErrorPolicy", "DataMaskingErrorPolicy",
                  "RecoverableErrorStopRetryAfterThrottlingMax"},
              "to a full load (change data capture, events or data masking)");
  f.finish();
}

void parse_validation(const json& j, TaskIssues& issues, ValidationTaskSettings& s) {
  JsonFields f(j, "ValidationSettings", issues);
  if (!f.is_object()) return;
  set(f.boolean("EnableValidation"), s.enable_validation);
  set(f.one_of("ValidationMode", {"ROW_LEVEL", "GROUP_LEVEL"}), s.validation_mode);
  set(f.integer("PartitionSize", 1, INT32_MAX), s.partition_size);
  set(f.integer("FailureMaxCount", 0, INT32_MAX), s.failure_max_count);
  set(f.integer("TableFailureMaxCount", 0, INT32_MAX), s.table_failure_max_count);
  set(f.integer("ThreadCount", 1, 1024), s.thread_count);
  set(f.boolean("ValidationOnly"), s.validation_only);
  set(f.boolean("HandleCollationDiff"), s.handle_collation_diff);
  set(f.integer("RecordFailureDelayLimitInMinutes", 0, INT32_MAX), s.record_failure_delay_limit_in_minutes);
  set(f.boolean("SkipLobColumns"), s.skip_lob_columns);
  set(f.integer("ValidationPartialLobSize", 0, INT32_MAX), s.validation_partial_lob_size);
  ignore_keys(f, {"RecordFailureDelayInMinutes", "RecordSuspendDelayInMinutes", "ValidationQueryCdcDelaySeconds",
                  "MaxKeyColumnSize", "ValidationS3Mode", "ValidationS3Time"},
              "to validation after a full load");
  if (s.validation_only && !s.enable_validation)
    f.warning("ValidationOnly", "has no effect unless EnableValidation is true");
  f.finish();
}

}  // namespace

TaskSettings parse_task_settings(const json& doc, TaskIssues& issues) {
  TaskSettings s;
  JsonFields top(doc, "", issues);
  if (!top.is_object()) return s;
  if (auto* v = top.raw("TargetMetadata")) parse_target_metadata(*v, issues, s.target_metadata);
  if (auto* v = top.raw("FullLoadSettings")) parse_full_load(*v, issues, s.full_load);
  if (auto* v = top.raw("ErrorBehavior")) parse_error_behavior(*v, issues, s.error_behavior);
  if (auto* v = top.raw("ValidationSettings")) parse_validation(*v, issues, s.validation);
  // DMS sections that do not shape a full load into these targets: one note each.
  for (const char* section : {"Logging", "ControlTablesSettings", "StreamBufferSettings", "ChangeProcessingTuning",
                              "ChangeProcessingDdlHandlingPolicy", "LoopbackPreventionSettings", "CharacterSetSettings",
                              "BeforeImageSettings", "TTSettings", "FailTaskWhenCleanTaskResourceFailed",
                              "PostProcessingRules", "CloudWatchLogGroup", "CloudWatchLogStream"}) {
    if (top.has(section)) {
      top.raw(section);
      issues.note(section, "DMS section not used by an orashift full load; ignored");
    }
  }
  top.finish();
  return s;
}

TaskSettings parse_task_settings_text(std::string_view json_text, TaskIssues& issues) {
  json doc;
  try {
    doc = json::parse(json_text);
  } catch (const json::parse_error& e) {
    issues.error("", std::string("invalid JSON: ") + e.what());
    return {};
  }
  return parse_task_settings(doc, issues);
}

TaskSettings load_task_settings(const std::filesystem::path& file, TaskIssues& issues) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    issues.error("", "cannot read task settings file " + file.string());
    return {};
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_task_settings_text(ss.str(), issues);
}

}  // namespace orashift
