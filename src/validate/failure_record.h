#pragma once
// One row that failed validation, in the columns of DMS's awsdms_validation_failures_v1.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "validate/canonical.h"

namespace orashift {

enum class FailureType { RecordDiff, MissingSource, MissingTarget };
const char* failure_type_name(FailureType t);  // RECORD_DIFF, MISSING_SOURCE, MISSING_TARGET

struct FailureRecord {
  std::string task_name, table_owner, table_name, failure_time;
  std::string key_text;                    // canonical key (fields split by kCanonicalSeparator)
  FailureType type = FailureType::RecordDiff;
  std::string source_row, target_row;      // canonical rows ("" when absent)
};

// {"TASK_NAME":…, "TABLE_OWNER":…, "TABLE_NAME":…, "FAILURE_TIME":…, "KEY_TYPE":"Row",
//  "KEY":"{\"key\":[…]}", "FAILURE_TYPE":…, "DETAILS":…}; DETAILS lists, for a RECORD_DIFF, the
// columns that differ with both values, otherwise the row that exists.
nlohmann::json failure_record_json(const FailureRecord& f, const std::vector<CanonicalColumn>& columns);

// Splits a canonical row or key into values (nullopt for NULL).
std::vector<std::optional<std::string>> canonical_fields(const std::string& text);

}  // namespace orashift
