#pragma once
// After a failed (or partly failed) COPY, Redshift keeps one row per refused input line in
// STL_LOAD_ERRORS (provisioned clusters, main cluster only) and SYS_LOAD_ERROR_DETAIL (also
// Serverless and concurrency-scaling loads). These turn them into orashift rejects, so the reject
// file reads as on every other target.
#include <optional>
#include <string>
#include <vector>

#include "load/endpoint.h"

namespace orashift::redshift {

// Both queries return, in order: file name, line number, column name, error code, reason, raw
// line, raw field value.
//
// STL_LOAD_ERRORS, for the last COPY of this session (pg_last_copy_id(), as its documentation does).
std::string stl_load_errors_sql();

// SYS_LOAD_ERROR_DETAIL has no raw line or raw field value (NULL in those places), and its
// query_id is not the STL query id pg_last_copy_id() returns, so it is read for the latest load
// of this session (pg_backend_pid()) whose files lie under `parts_prefix` (s3://bucket/prefix/table/).
std::string sys_load_error_detail_sql(const std::string& parts_prefix);

// The order to ask in: STL first; SYS when STL does not exist (Serverless) or has no row for the
// COPY (Serverless, concurrency scaling).
std::vector<std::string> load_error_queries(const std::string& parts_prefix);

// One row of either query (text cells as libpq returns them; char columns are blank-padded).
Reject reject_from_load_error(const std::string& table, const std::vector<std::optional<std::string>>& row);

}  // namespace orashift::redshift
