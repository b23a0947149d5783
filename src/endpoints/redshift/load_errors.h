#pragma once
// After a failed (or partly failed) COPY, Redshift keeps one row per refused input line in
// STL_LOAD_ERRORS (provisioned clusters) or SYS_LOAD_ERROR_DETAIL (also serverless). These turn
// them into orashift rejects, so the reject file reads as on every other target.
#include <optional>
#include <string>
#include <vector>

#include "load/endpoint.h"

namespace orashift::redshift {

// The queries for the last COPY of this session (pg_last_copy_id()). Both return, in order:
// file name, line number, column name, error code, reason, raw line, raw field value.
std::string stl_load_errors_sql();
std::string sys_load_error_detail_sql();

// One row of either query (text cells as libpq returns them; char columns are blank-padded).
Reject reject_from_load_error(const std::string& table, const std::vector<std::optional<std::string>>& row);

}  // namespace orashift::redshift
