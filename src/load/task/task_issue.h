#pragma once
// Findings about a task definition (table mappings, task settings, the plan built from them).
// They point into the user's JSON by path ("rules[3].rule-action") rather than by byte
// offset: DMS users think in rules and keys, and nlohmann-json keeps no source positions.
#include <optional>
#include <string>
#include <vector>

#include "common/diagnostic.h"

namespace orashift {

struct TaskIssue {
  Severity severity = Severity::Error;
  std::string path;     // JSON path, e.g. "rules[3].rule-action"; empty for whole-file findings
  std::string message;
  std::string rule_id;  // the DMS rule-id the finding belongs to, when there is one
  // "rules[3].rule-action: "inclde" is not one of include, exclude, explicit (rule-id 4)"
  std::string text() const;
};

class TaskIssues {
public:
  void add(Severity s, std::string path, std::string message, std::string rule_id = {});
  void error(std::string path, std::string message, std::string rule_id = {}) {
    add(Severity::Error, std::move(path), std::move(message), std::move(rule_id));
  }
  void warning(std::string path, std::string message, std::string rule_id = {}) {
    add(Severity::Warning, std::move(path), std::move(message), std::move(rule_id));
  }
  void note(std::string path, std::string message, std::string rule_id = {}) {
    add(Severity::Note, std::move(path), std::move(message), std::move(rule_id));
  }
  void append(const TaskIssues& other);

  const std::vector<TaskIssue>& items() const { return items_; }
  size_t count(Severity s) const;
  bool has_errors() const { return count(Severity::Error) > 0; }
  // One "severity: text" line per finding, for logs and test failure messages.
  std::string render() const;
  // True when some finding's text contains `fragment` (tests, and callers that react to one).
  bool mentions(const std::string& fragment, std::optional<Severity> severity = std::nullopt) const;

private:
  std::vector<TaskIssue> items_;
};

}  // namespace orashift
