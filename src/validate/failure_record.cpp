#include "validate/failure_record.h"

namespace orashift {

const char* failure_type_name(FailureType t) {
  switch (t) {
    case FailureType::RecordDiff: return "RECORD_DIFF";
    case FailureType::MissingSource: return "MISSING_SOURCE";
    case FailureType::MissingTarget: return "MISSING_TARGET";
  }
  return "?";
}

std::vector<std::optional<std::string>> canonical_fields(const std::string& text) {
  std::vector<std::optional<std::string>> out;
  size_t start = 0;
  for (;;) {
    size_t end = text.find(kCanonicalSeparator, start);
    std::string_view f = std::string_view(text).substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!f.empty() && f[0] == 'v') out.emplace_back(std::string(f.substr(1)));
    else out.emplace_back(std::nullopt);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

namespace {

nlohmann::json value_json(const std::optional<std::string>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }

nlohmann::json row_json(const std::string& row, const std::vector<CanonicalColumn>& columns) {
  nlohmann::json o = nlohmann::json::object();
  auto fields = canonical_fields(row);
  for (size_t i = 0; i < columns.size() && i < fields.size(); ++i) o[columns[i].name] = value_json(fields[i]);
  return o;
}

}  // namespace

nlohmann::json failure_record_json(const FailureRecord& f, const std::vector<CanonicalColumn>& columns) {
  nlohmann::json key = nlohmann::json::array();
  for (const auto& v : canonical_fields(f.key_text)) key.push_back(value_json(v));
  nlohmann::json details;
  if (f.type == FailureType::RecordDiff) {
    details = nlohmann::json::array();
    auto s = canonical_fields(f.source_row), t = canonical_fields(f.target_row);
    for (size_t i = 0; i < columns.size() && i < s.size() && i < t.size(); ++i)
      if (s[i] != t[i]) details.push_back({{"column", columns[i].name}, {"source", value_json(s[i])}, {"target", value_json(t[i])}});
  } else {
    details = {{f.type == FailureType::MissingTarget ? "source" : "target",
                row_json(f.type == FailureType::MissingTarget ? f.source_row : f.target_row, columns)}};
  }
  return {{"TASK_NAME", f.task_name},
          {"TABLE_OWNER", f.table_owner},
          {"TABLE_NAME", f.table_name},
          {"FAILURE_TIME", f.failure_time},
          {"KEY_TYPE", "Row"},
          {"KEY", nlohmann::json{{"key", key}}.dump()},
          {"FAILURE_TYPE", failure_type_name(f.type)},
          {"DETAILS", details.dump()}};
}

}  // namespace orashift
