#pragma once
// The validation step as both `orashift validate` and `orashift load` (EnableValidation) run
// it: validate, print the summary, write DIR/validation.json (and --stats-json).
#include <string>

#include "validate/validator.h"

namespace orashift {

// Returns true when every table validated (or, like DMS, was skipped for want of a key).
bool run_validation(const SourceEndpoint& source, TargetEndpoint& target, const TaskPlan& plan,
                    const ValidationTaskSettings& settings, const std::string& out_dir, const std::string& task_name,
                    const std::string& stats_json = "");

}  // namespace orashift
