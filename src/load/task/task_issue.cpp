#include "load/task/task_issue.h"

namespace orashift {

std::string TaskIssue::text() const {
  std::string out;
  if (!path.empty()) out += path + ": ";
  out += message;
  if (!rule_id.empty()) out += " (rule-id " + rule_id + ")";
  return out;
}

void TaskIssues::add(Severity s, std::string path, std::string message, std::string rule_id) {
  items_.push_back(TaskIssue{s, std::move(path), std::move(message), std::move(rule_id)});
}

void TaskIssues::append(const TaskIssues& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

size_t TaskIssues::count(Severity s) const {
  size_t n = 0;
  for (const auto& i : items_) n += i.severity == s;
  return n;
}

std::string TaskIssues::render() const {
  std::string out;
  for (const auto& i : items_) {
    out += severity_name(i.severity);
    out += ": ";
    out += i.text();
    out += '\n';
  }
  return out;
}

bool TaskIssues::mentions(const std::string& fragment, std::optional<Severity> severity) const {
  for (const auto& i : items_)
    if ((!severity || i.severity == *severity) && i.text().find(fragment) != std::string::npos) return true;
  return false;
}

}  // namespace orashift
