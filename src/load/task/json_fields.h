#pragma once
// Typed, path-aware reading of one JSON object of a DMS task file. Every key read is marked
// as known; finish() then warns about the keys nobody asked for, so a typo such as
// "tabel-name" is reported instead of silently ignored. Wrong types and out-of-range values
// become errors that name the path and what was expected.
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "load/task/task_issue.h"

namespace orashift {

// "a, b, c" — used in every "is not one of" message.
std::string join_names(const std::vector<std::string>& names, std::string_view sep = ", ");

class JsonFields {
public:
  // `object` must outlive the reader. A non-object value is reported once, and every read
  // then returns nothing.
  JsonFields(const nlohmann::json& object, std::string path, TaskIssues& issues, std::string rule_id = {});

  const std::string& path() const { return path_; }
  std::string child(std::string_view key) const { return path_.empty() ? std::string(key) : path_ + "." + std::string(key); }
  bool is_object() const { return ok_; }
  bool has(std::string_view key) const;

  // The raw value, marking the key known (nullptr when absent).
  const nlohmann::json* raw(std::string_view key);
  // Marks keys as known without reading them (accepted and deliberately ignored).
  void accept(std::initializer_list<std::string_view> keys);

  std::optional<std::string> string(std::string_view key, bool required = false);
  // DMS writes numbers both as JSON numbers and as digit strings ("rule-id": "1").
  std::optional<int64_t> integer(std::string_view key, int64_t min, int64_t max, bool required = false);
  // true/false, and the strings "true"/"false" some generators write.
  std::optional<bool> boolean(std::string_view key);
  // One of `allowed` exactly (DMS values are case-sensitive).
  std::optional<std::string> one_of(std::string_view key, const std::vector<std::string>& allowed, bool required = false);
  std::optional<std::vector<std::string>> string_list(std::string_view key, bool required = false);

  // Warns about every key not read or accepted; suggests a close known key when there is one.
  void finish(const std::vector<std::string>& known_but_unread = {});

  void error(const std::string& key, std::string message);
  void warning(const std::string& key, std::string message);

private:
  const nlohmann::json& j_;
  std::string path_;
  TaskIssues& issues_;
  std::string rule_id_;
  bool ok_ = false;
  std::set<std::string, std::less<>> seen_;
};

// Scalar as text for messages: strings quoted, others dumped.
std::string json_brief(const nlohmann::json& v);

// Closest candidate by edit distance (at most 2 edits, or a case-only difference), or "".
std::string closest_name(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace orashift
