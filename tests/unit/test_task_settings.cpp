// DMS task settings: load/task/task_settings.h.
#include <gtest/gtest.h>

#include "load/task/task_settings.h"

using namespace orashift;

namespace {

std::string data(const char* name) { return std::string(ORASHIFT_SOURCE_DIR) + "/tests/data/tasks/" + name; }

TaskSettings parse(const std::string& text, TaskIssues& issues) { return parse_task_settings_text(text, issues); }

}  // namespace

TEST(TaskSettings, EmptyDocumentGivesEveryDmsDefault) {
  TaskIssues issues;
  TaskSettings s = parse("{}", issues);
  EXPECT_TRUE(issues.items().empty()) << issues.render();
  const auto& tm = s.target_metadata;
  EXPECT_EQ(tm.target_schema, "");
  EXPECT_TRUE(tm.support_lobs);
  EXPECT_FALSE(tm.full_lob_mode);
  EXPECT_EQ(tm.lob_chunk_size_kb, 64);
  EXPECT_TRUE(tm.limited_size_lob_mode);
  EXPECT_EQ(tm.lob_max_size_kb, 32);
  EXPECT_EQ(tm.inline_lob_max_size_kb, 0);
  const auto& fl = s.full_load;
  EXPECT_EQ(fl.target_table_prep_mode, TablePrepMode::DropAndCreate);
  EXPECT_FALSE(fl.create_pk_after_full_load);
  EXPECT_EQ(fl.max_full_load_subtasks, 8);
  EXPECT_EQ(fl.commit_rate, 10000);
  const auto& eb = s.error_behavior;
  EXPECT_EQ(eb.data_error_policy, ErrorPolicy::LogError);
  EXPECT_EQ(eb.data_truncation_error_policy, ErrorPolicy::LogError);
  EXPECT_EQ(eb.data_error_escalation_policy, ErrorPolicy::SuspendTable);
  EXPECT_EQ(eb.data_error_escalation_count, 0);
  EXPECT_EQ(eb.table_error_policy, ErrorPolicy::SuspendTable);
  EXPECT_EQ(eb.table_error_escalation_policy, ErrorPolicy::StopTask);
  EXPECT_EQ(eb.table_error_escalation_count, 0);
  EXPECT_EQ(eb.recoverable_error_count, -1);
  EXPECT_EQ(eb.recoverable_error_interval, 5);
  EXPECT_TRUE(eb.recoverable_error_throttling);
  EXPECT_EQ(eb.recoverable_error_throttling_max, 1800);
  EXPECT_FALSE(eb.fail_on_no_tables_captured);
  const auto& v = s.validation;
  EXPECT_FALSE(v.enable_validation);
  EXPECT_EQ(v.validation_mode, "ROW_LEVEL");
  EXPECT_EQ(v.partition_size, 10000);
  EXPECT_EQ(v.failure_max_count, 10000);
  EXPECT_EQ(v.table_failure_max_count, 1000);
  EXPECT_EQ(v.thread_count, 5);
  EXPECT_FALSE(v.validation_only);
  EXPECT_FALSE(v.handle_collation_diff);
  EXPECT_EQ(v.record_failure_delay_limit_in_minutes, 0);
  EXPECT_FALSE(v.skip_lob_columns);
  EXPECT_EQ(v.validation_partial_lob_size, 0);
  EXPECT_TRUE(s.limited_lobs());
}

TEST(TaskSettings, WalkthroughSettings) {
  TaskIssues issues;
  TaskSettings s = load_task_settings(data("walkthrough-settings.json"), issues);
  ASSERT_FALSE(issues.has_errors()) << issues.render();
  EXPECT_EQ(s.full_load.target_table_prep_mode, TablePrepMode::DoNothing);
  EXPECT_TRUE(s.limited_lobs());
  EXPECT_EQ(s.target_metadata.lob_max_size_kb, 32);
  // The CDC-only keys and the Logging section are reported once each, not as errors.
  EXPECT_TRUE(issues.mentions("FullLoadSettings: StopTaskCachedChangesApplied, StopTaskCachedChangesNotApplied, "
                              "TransactionConsistencyTimeout do not apply to a full load without change data capture; ignored",
                              Severity::Warning))
      << issues.render();
  EXPECT_TRUE(issues.mentions("TargetMetadata: BatchApplyEnabled does not apply", Severity::Warning)) << issues.render();
  EXPECT_TRUE(issues.mentions("Logging: DMS section not used by an orashift full load; ignored", Severity::Note))
      << issues.render();
}

TEST(TaskSettings, EveryValueRead) {
  TaskIssues issues;
  TaskSettings s = load_task_settings(data("full-settings.json"), issues);
  ASSERT_FALSE(issues.has_errors()) << issues.render();
  EXPECT_EQ(s.target_metadata.target_schema, "dw");
  EXPECT_TRUE(s.target_metadata.full_lob_mode);
  EXPECT_FALSE(s.target_metadata.limited_size_lob_mode);  // FullLobMode alone means full mode
  EXPECT_EQ(s.target_metadata.lob_chunk_size_kb, 128);
  EXPECT_EQ(s.target_metadata.inline_lob_max_size_kb, 16);
  EXPECT_FALSE(s.limited_lobs());
  EXPECT_EQ(s.full_load.target_table_prep_mode, TablePrepMode::TruncateBeforeLoad);
  EXPECT_TRUE(s.full_load.create_pk_after_full_load);
  EXPECT_EQ(s.full_load.max_full_load_subtasks, 16);
  EXPECT_EQ(s.full_load.commit_rate, 50000);
  const auto& eb = s.error_behavior;
  EXPECT_EQ(eb.data_error_policy, ErrorPolicy::IgnoreRecord);
  EXPECT_EQ(eb.data_truncation_error_policy, ErrorPolicy::SuspendTable);
  EXPECT_EQ(eb.data_error_escalation_policy, ErrorPolicy::StopTask);
  EXPECT_EQ(eb.data_error_escalation_count, 100);
  EXPECT_EQ(eb.table_error_policy, ErrorPolicy::StopTask);
  EXPECT_EQ(eb.table_error_escalation_count, 3);
  EXPECT_EQ(eb.recoverable_error_count, 6);
  EXPECT_EQ(eb.recoverable_error_interval, 10);
  EXPECT_FALSE(eb.recoverable_error_throttling);
  EXPECT_EQ(eb.recoverable_error_throttling_max, 600);
  const auto& v = s.validation;
  EXPECT_TRUE(v.enable_validation);
  EXPECT_EQ(v.validation_mode, "GROUP_LEVEL");
  EXPECT_EQ(v.partition_size, 5000);
  EXPECT_EQ(v.failure_max_count, 50);
  EXPECT_EQ(v.table_failure_max_count, 10);
  EXPECT_EQ(v.thread_count, 3);
  EXPECT_TRUE(v.handle_collation_diff);
  EXPECT_EQ(v.record_failure_delay_limit_in_minutes, 2);
  EXPECT_TRUE(issues.mentions("ErrorBehavior: ApplyErrorDeletePolicy, ApplyErrorInsertPolicy do not apply")) << issues.render();
  EXPECT_TRUE(issues.mentions("ValidationSettings: RecordFailureDelayInMinutes does not apply")) << issues.render();
  EXPECT_TRUE(issues.mentions("ChangeProcessingTuning: DMS section not used")) << issues.render();
  EXPECT_TRUE(issues.mentions("StreamBufferSettings: DMS section not used")) << issues.render();
}

TEST(TaskSettings, InvalidValuesNameKeyAndAllowedValues) {
  struct Case { const char* json; const char* message; };
  const Case cases[] = {
      {R"({"FullLoadSettings":{"TargetTablePrepMode":"DROP"}})",
       "FullLoadSettings.TargetTablePrepMode: \"DROP\" is not one of DO_NOTHING, DROP_AND_CREATE, TRUNCATE_BEFORE_LOAD"},
      {R"({"FullLoadSettings":{"MaxFullLoadSubTasks":50}})", "FullLoadSettings.MaxFullLoadSubTasks: 50 is out of range 1..49"},
      {R"({"FullLoadSettings":{"MaxFullLoadSubTasks":0}})", "FullLoadSettings.MaxFullLoadSubTasks: 0 is out of range 1..49"},
      {R"({"FullLoadSettings":{"CommitRate":50001}})", "FullLoadSettings.CommitRate: 50001 is out of range 1..50000"},
      {R"({"FullLoadSettings":{"CreatePkAfterFullLoad":"yes"}})",
       "FullLoadSettings.CreatePkAfterFullLoad: \"yes\" is not one of true, false"},
      {R"({"ErrorBehavior":{"DataErrorPolicy":"IGNORE"}})",
       "ErrorBehavior.DataErrorPolicy: \"IGNORE\" is not one of IGNORE_RECORD, LOG_ERROR, SUSPEND_TABLE, STOP_TASK"},
      {R"({"ErrorBehavior":{"DataTruncationErrorPolicy":"TRUNCATE"}})",
       "ErrorBehavior.DataTruncationErrorPolicy: \"TRUNCATE\" is not one of IGNORE_RECORD, LOG_ERROR, SUSPEND_TABLE, STOP_TASK"},
      {R"({"ErrorBehavior":{"TableErrorPolicy":"LOG_ERROR"}})",
       "ErrorBehavior.TableErrorPolicy: \"LOG_ERROR\" is not one of SUSPEND_TABLE, STOP_TASK"},
      {R"({"ErrorBehavior":{"TableErrorEscalationPolicy":"SUSPEND_TABLE"}})",
       "ErrorBehavior.TableErrorEscalationPolicy: \"SUSPEND_TABLE\" is not one of STOP_TASK"},
      {R"({"ErrorBehavior":{"RecoverableErrorCount":-2}})", "ErrorBehavior.RecoverableErrorCount: -2 is out of range -1.."},
      {R"({"ErrorBehavior":{"DataErrorEscalationCount":"many"}})",
       "ErrorBehavior.DataErrorEscalationCount: expected an integer, found \"many\""},
      {R"({"ValidationSettings":{"ValidationMode":"FAST"}})",
       "ValidationSettings.ValidationMode: \"FAST\" is not one of ROW_LEVEL, GROUP_LEVEL"},
      {R"({"ValidationSettings":{"PartitionSize":0}})", "ValidationSettings.PartitionSize: 0 is out of range 1.."},
      {R"({"ValidationSettings":{"ThreadCount":0}})", "ValidationSettings.ThreadCount: 0 is out of range 1..1024"},
      {R"({"TargetMetadata":{"FullLobMode":true,"LimitedSizeLobMode":true}})",
       "TargetMetadata.LimitedSizeLobMode: FullLobMode and LimitedSizeLobMode are both true; set exactly one"},
      {R"({"TargetMetadata":{"LimitedSizeLobMode":false}})",
       "TargetMetadata.FullLobMode: SupportLobs is true but neither FullLobMode nor LimitedSizeLobMode is"},
      {R"({"TargetMetadata":{"LobMaxSize":0}})", "TargetMetadata.LobMaxSize: limited LOB mode needs LobMaxSize > 0"},
      {R"({"TargetMetadata":[]})", "TargetMetadata: expected a JSON object"},
      {R"([1])", "expected a JSON object"},
      {R"({"FullLoadSettings": )", "invalid JSON"},
  };
  for (const auto& c : cases) {
    TaskIssues issues;
    parse(c.json, issues);
    EXPECT_TRUE(issues.mentions(c.message, Severity::Error)) << c.json << "\n" << issues.render();
  }
}

TEST(TaskSettings, UnknownKeysWarnWithThePath) {
  TaskIssues issues;
  TaskSettings s = parse(R"({"FullLoadSettings":{"TargetTablePrepMod":"DO_NOTHING","CommitRate":5000},
                             "ErrorBehaviour":{},"TargetMetadata":{"LobMaxSise":64}})",
                         issues);
  EXPECT_FALSE(issues.has_errors()) << issues.render();
  EXPECT_EQ(s.full_load.commit_rate, 5000);
  EXPECT_EQ(s.full_load.target_table_prep_mode, TablePrepMode::DropAndCreate);  // the misspelt key is not read
  EXPECT_TRUE(issues.mentions("FullLoadSettings.TargetTablePrepMod: unknown key \"TargetTablePrepMod\", ignored (did you mean \"TargetTablePrepMode\"?)",
                              Severity::Warning))
      << issues.render();
  EXPECT_TRUE(issues.mentions("ErrorBehaviour: unknown key \"ErrorBehaviour\", ignored (did you mean \"ErrorBehavior\"?)",
                              Severity::Warning))
      << issues.render();
  EXPECT_TRUE(issues.mentions("TargetMetadata.LobMaxSise: unknown key", Severity::Warning)) << issues.render();
}

TEST(TaskSettings, LenientScalarsAndWarnings) {
  TaskIssues issues;
  TaskSettings s = parse(R"({"FullLoadSettings":{"CommitRate":"20000","CreatePkAfterFullLoad":"true"},
                             "TargetMetadata":{"LobMaxSize":204800},
                             "ValidationSettings":{"ValidationOnly":true}})",
                         issues);
  EXPECT_FALSE(issues.has_errors()) << issues.render();
  EXPECT_EQ(s.full_load.commit_rate, 20000);
  EXPECT_TRUE(s.full_load.create_pk_after_full_load);
  EXPECT_TRUE(issues.mentions("above the 102400 KB (100 MB) DMS recommends", Severity::Warning)) << issues.render();
  EXPECT_TRUE(issues.mentions("ValidationOnly: has no effect unless EnableValidation is true", Severity::Warning))
      << issues.render();
}
