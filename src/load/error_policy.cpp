#include "load/error_policy.h"
#include "load/reject_file.h"

#include <fmt/format.h>

#include <cctype>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "load/copy_text.h"

namespace orashift {

namespace {


// The first few errors of a table are logged (LOG_ERROR writes "to the task log"); after that
// the reject file has them all and the log says so once.
constexpr uint64_t kLoggedErrorsPerTable = 5;

}  // namespace

class ErrorPolicyGuard::TableSink : public RejectSink {
public:
  TableSink(ErrorPolicyGuard& owner, std::string table, RejectSink& file) : owner_(owner), table_(std::move(table)), file_(file) {}
  void reject(Reject r) override {
    std::string why = r.reason;
    file_.reject(std::move(r));  // nothing is lost, whatever the policy
    std::lock_guard lock(owner_.mu_);
    owner_.count_error_locked(table_, why);
  }
  RejectSink& file() { return file_; }

private:
  ErrorPolicyGuard& owner_;
  std::string table_;
  RejectSink& file_;
};

ErrorPolicyGuard::ErrorPolicyGuard(ErrorBehaviorSettings settings, std::string reject_dir,
                                   std::function<void(const std::string&)> log)
    : settings_(settings), reject_dir_(std::move(reject_dir)), log_(std::move(log)) {}

ErrorPolicyGuard::~ErrorPolicyGuard() {
  for (auto& [_, f] : truncation_files_)
    if (f) std::fclose(f);
}

TableErrorState& ErrorPolicyGuard::table_locked(const std::string& table) { return tables_[table]; }

RejectSink& ErrorPolicyGuard::data_sink(const std::string& table, RejectSink& reject_file) {
  std::lock_guard lock(mu_);
  auto& s = sinks_[table];
  if (!s) s = std::make_unique<TableSink>(*this, table, reject_file);
  table_locked(table);
  return *s;
}

std::string ErrorPolicyGuard::stop_reason(const std::string& table) const {
  std::lock_guard lock(mu_);
  if (task_stopped_.load()) return task_stop_reason_;
  auto it = tables_.find(table);
  return it == tables_.end() ? std::string() : it->second.stop_reason;
}

std::string ErrorPolicyGuard::task_stop_reason() const {
  std::lock_guard lock(mu_);
  return task_stop_reason_;
}

TableErrorState ErrorPolicyGuard::state(const std::string& table) const {
  std::lock_guard lock(mu_);
  auto it = tables_.find(table);
  TableErrorState s = it == tables_.end() ? TableErrorState{} : it->second;
  if (task_stopped_.load() && s.stop_reason.empty()) s.stop_reason = task_stop_reason_;
  return s;
}

void ErrorPolicyGuard::apply_locked(const std::string& table, ErrorPolicy p, const std::string& why, const char* setting) {
  switch (p) {
    case ErrorPolicy::IgnoreRecord:
    case ErrorPolicy::LogError: return;
    case ErrorPolicy::SuspendTable: {
      TableErrorState& s = table_locked(table);
      if (!s.stop_reason.empty()) return;
      s.suspended = true;
      s.stop_reason = fmt::format("table suspended ({} SUSPEND_TABLE): {}", setting, why);
      log(table + ": " + s.stop_reason);
      return;
    }
    case ErrorPolicy::StopTask:
      if (task_stopped_.load()) return;
      task_stop_reason_ = fmt::format("task stopped ({} STOP_TASK) by table {}: {}", setting, table, why);
      task_stopped_.store(true);
      log(task_stop_reason_);
      return;
  }
}

void ErrorPolicyGuard::count_error_locked(const std::string& table, const std::string& why) {
  TableErrorState& s = table_locked(table);
  ++s.data_errors;
  if (settings_.data_error_policy == ErrorPolicy::LogError) {
    if (s.data_errors <= kLoggedErrorsPerTable) log(table + ": data error: " + why);
    if (s.data_errors == kLoggedErrorsPerTable + 1) log(table + ": more data errors; all are in the reject file");
  }
  apply_locked(table, settings_.data_error_policy, why, "DataErrorPolicy");
  if (settings_.data_error_escalation_count > 0 &&
      s.data_errors == static_cast<uint64_t>(settings_.data_error_escalation_count))
    apply_locked(table, settings_.data_error_escalation_policy,
                 fmt::format("{} data errors reached DataErrorEscalationCount", s.data_errors),
                 "DataErrorEscalationPolicy");
}

bool ErrorPolicyGuard::truncated(const std::string& table, const Truncation& t, Reject row) {
  std::unique_lock lock(mu_);
  TableErrorState& s = table_locked(table);
  ++s.truncations;
  ErrorPolicy p = settings_.data_truncation_error_policy;
  bool keep = p == ErrorPolicy::LogError;
  // Every truncation is recorded, loaded truncated or not: the file says which values are
  // not whole in the target (or why a row was not loaded).
  std::FILE*& f = truncation_files_[table];
  if (!f) {
    s.truncation_file = reject_dir_ + "/" + safe_file_name(table) + ".truncations.jsonl";
    std::filesystem::create_directories(reject_dir_);
    f = std::fopen(s.truncation_file.c_str(), "w");
    if (!f) throw std::runtime_error("cannot write truncation file " + s.truncation_file);
  }
  nlohmann::json j = {{"table", table}, {"source", t.source}, {"line", t.line}, {"column", t.column},
                      {"original_bytes", t.original_bytes}, {"kept_bytes", t.kept_bytes}, {"limit", t.limit},
                      {"action", keep ? "loaded truncated" : "row not loaded"},
                      {"policy", std::string("DataTruncationErrorPolicy ") + error_policy_name(p)}};
  std::string line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  std::fwrite(line.data(), 1, line.size(), f);
  std::fflush(f);
  std::string why = fmt::format("column {}: value of {} bytes truncated to {} ({})", t.column, t.original_bytes,
                                t.kept_bytes, t.limit);
  ++s.data_errors;  // DMS: truncations count towards DataErrorEscalationCount
  if (!keep) {
    RejectSink* file = nullptr;
    if (auto it = sinks_.find(table); it != sinks_.end()) file = &it->second->file();
    row.reason = why + "; row not loaded (DataTruncationErrorPolicy " + error_policy_name(p) + ")";
    if (!file) throw std::logic_error("truncation in table " + table + " before its reject sink exists");
    lock.unlock();
    file->reject(std::move(row));
    lock.lock();
  }
  TableErrorState& s2 = table_locked(table);
  if (p == ErrorPolicy::LogError && s2.truncations <= kLoggedErrorsPerTable) log(table + ": " + why);
  apply_locked(table, p, why, "DataTruncationErrorPolicy");
  if (settings_.data_error_escalation_count > 0 &&
      s2.data_errors == static_cast<uint64_t>(settings_.data_error_escalation_count))
    apply_locked(table, settings_.data_error_escalation_policy,
                 fmt::format("{} data errors reached DataErrorEscalationCount", s2.data_errors),
                 "DataErrorEscalationPolicy");
  return keep;
}

void ErrorPolicyGuard::not_loaded(const std::string& table, const Batch& batch, RejectSink& reject_file,
                                  const std::string& source) {
  std::string reason = "not loaded: " + stop_reason(table);
  for (size_t row = 0; row < batch.rows(); ++row) reject_file.reject(batch_row_reject(table, source, batch, row, reason));
  std::lock_guard lock(mu_);
  table_locked(table).not_loaded += batch.rows();
}

void ErrorPolicyGuard::table_error(const std::string& table, const std::string& message) {
  std::lock_guard lock(mu_);
  ++table_errors_;
  apply_locked(table, settings_.table_error_policy, message, "TableErrorPolicy");
  TableErrorState& s = table_locked(table);
  if (s.stop_reason.empty()) s.stop_reason = "table error: " + message;
  if (settings_.table_error_escalation_count > 0 &&
      table_errors_ == static_cast<uint64_t>(settings_.table_error_escalation_count))
    apply_locked(table, settings_.table_error_escalation_policy,
                 fmt::format("{} table errors reached TableErrorEscalationCount", table_errors_), "TableErrorEscalationPolicy");
}

}  // namespace orashift
