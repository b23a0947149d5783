#pragma once
// DMS's ErrorBehavior applied to a full load ("Error handling task settings"):
// - a data error (a row the reader cannot decode, a value a transformation cannot convert, a
//   row the target refuses) follows DataErrorPolicy;
// - a truncated value (a LOB longer than the limited LOB size) follows
//   DataTruncationErrorPolicy;
// - both count towards DataErrorEscalationCount per table; reaching it applies
//   DataErrorEscalationPolicy;
// - an error of a table itself follows TableErrorPolicy, and TableErrorEscalationCount such
//   errors stop the task.
// Whatever the policy, a row that is not loaded is written to the table's reject file with
// the reason, so read = loaded + rejected + filtered always holds; docs/tasks.md says how each
// policy differs from DMS.
#include <atomic>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "load/load_guard.h"
#include "load/task/task_settings.h"

namespace orashift {

// A value cut to a size limit.
struct Truncation {
  std::string source;   // data file or segment
  uint64_t line = 0;    // source position of the row
  std::string column;   // target column
  uint64_t original_bytes = 0, kept_bytes = 0;
  std::string limit = "LOB size limit";  // which limit cut it
};

struct TableErrorState {
  std::string stop_reason;   // "" while the table loads
  bool suspended = false;    // stopped by SUSPEND_TABLE (the table's own errors)
  uint64_t data_errors = 0;  // counted towards DataErrorEscalationCount
  uint64_t truncations = 0;  // values truncated (loaded truncated or not)
  uint64_t not_loaded = 0;   // rows read after the table stopped
  std::string truncation_file;
};

class ErrorPolicyGuard : public LoadGuard {
public:
  // Truncation records go to <reject_dir>/<table>.truncations.jsonl.
  ErrorPolicyGuard(ErrorBehaviorSettings settings, std::string reject_dir, std::function<void(const std::string&)> log = {});
  ~ErrorPolicyGuard() override;

  RejectSink& data_sink(const std::string& table, RejectSink& reject_file) override;
  std::string stop_reason(const std::string& table) const override;
  void not_loaded(const std::string& table, const Batch& batch, RejectSink& reject_file, const std::string& source) override;
  void table_error(const std::string& table, const std::string& message) override;

  // A value of `table` was truncated. Returns true when the truncated value is to be loaded
  // (LOG_ERROR); otherwise the row must not be loaded and `row` has been written to the
  // table's reject file (data_sink must have been called for the table first).
  bool truncated(const std::string& table, const Truncation& t, Reject row);

  bool task_stopped() const { return task_stopped_.load(); }
  std::string task_stop_reason() const;
  // State of a table after the load (a copy; empty state for unknown tables).
  TableErrorState state(const std::string& table) const;

private:
  class TableSink;
  TableErrorState& table_locked(const std::string& table);
  // Applies policy `p` after an error of `table` (mutex held).
  void apply_locked(const std::string& table, ErrorPolicy p, const std::string& why, const char* setting);
  void count_error_locked(const std::string& table, const std::string& why);
  void log(const std::string& s) const {
    if (log_) log_(s);
  }

  ErrorBehaviorSettings settings_;
  std::string reject_dir_;
  std::function<void(const std::string&)> log_;
  mutable std::mutex mu_;
  std::map<std::string, TableErrorState> tables_;
  std::map<std::string, std::unique_ptr<TableSink>> sinks_;
  std::map<std::string, std::FILE*> truncation_files_;
  std::atomic<bool> task_stopped_{false};
  std::string task_stop_reason_;
  uint64_t table_errors_ = 0;
};

}  // namespace orashift
