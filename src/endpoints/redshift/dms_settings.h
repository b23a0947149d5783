#pragma once
// The AWS DMS Redshift endpoint settings that have a COPY equivalent, by their DMS names, so a
// DMS user can carry them over (`--redshift-setting TruncateColumns=true`), and the MAXERROR
// that a DMS error policy implies.
#include <cstdint>
#include <string>

#include "endpoints/redshift/redshift_options.h"
#include "load/task/task_settings.h"

namespace orashift::redshift {

// Applies one Name=Value (names case-insensitive, booleans true/false): AcceptAnyDate,
// DateFormat, TimeFormat, EmptyAsNull, TruncateColumns, TrimBlanks, CompUpdate, ExplicitIds,
// ReplaceInvalidChars, MaxFileSize (KB), BucketFolder is not here (use --s3). Returns false with
// a reason for unknown names or bad values.
bool apply_dms_setting(RedshiftOptions& options, const std::string& name_equals_value, std::string* error);

// MAXERROR for COPY: 0 (any bad line fails the COPY, nothing loads) when the data error policy
// stops or suspends; otherwise the escalation count, or Redshift's ceiling of 100000 when the
// policy never escalates.
uint64_t max_error_for(const ErrorBehaviorSettings& e);

}  // namespace orashift::redshift
