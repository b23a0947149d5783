#include "endpoints/redshift/load_errors.h"

#include "dialect/sql_literal.h"

namespace orashift::redshift {

std::string stl_load_errors_sql() {
  return "SELECT TRIM(filename), line_number, TRIM(colname), err_code, TRIM(err_reason), TRIM(raw_line), "
         "TRIM(raw_field_value) FROM stl_load_errors WHERE query = pg_last_copy_id() ORDER BY filename, line_number";
}

std::string sys_load_error_detail_sql(const std::string& parts_prefix) {
  // The columns SYS_LOAD_ERROR_DETAIL documents: file_name, line_number, column_name, error_code,
  // error_message (no raw_line, no raw_field_value).
  const std::string mine = "session_id = pg_backend_pid() AND STRPOS(file_name, " +
                           quote_literal(parts_prefix, Dialect::Redshift) + ") = 1";
  return "SELECT TRIM(file_name), line_number, TRIM(column_name), error_code, TRIM(error_message), NULL, NULL "
         "FROM sys_load_error_detail WHERE query_id = (SELECT MAX(query_id) FROM sys_load_error_detail WHERE " +
         mine + ") AND " + mine + " ORDER BY file_name, line_number";
}

std::vector<std::string> load_error_queries(const std::string& parts_prefix) {
  return {stl_load_errors_sql(), sys_load_error_detail_sql(parts_prefix)};
}

namespace {

std::string cell(const std::vector<std::optional<std::string>>& row, size_t i) {
  if (i >= row.size() || !row[i]) return {};
  std::string s = *row[i];
  // CHAR columns come back blank-padded even where the query did not TRIM them.
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r')) s.pop_back();
  size_t b = s.find_first_not_of(' ');
  return b == std::string::npos ? std::string() : s.substr(b);
}

}  // namespace

Reject reject_from_load_error(const std::string& table, const std::vector<std::optional<std::string>>& row) {
  Reject r;
  r.table = table;
  r.source = cell(row, 0);
  try {
    r.line = std::stoull(cell(row, 1));
  } catch (...) {
    r.line = 0;
  }
  std::string column = cell(row, 2), code = cell(row, 3), reason = cell(row, 4), field = cell(row, 6);
  r.reason = "Redshift COPY";
  if (!code.empty()) r.reason += " error " + code;
  r.reason += ": " + (reason.empty() ? std::string("no reason given") : reason);
  if (!column.empty()) r.reason += " (column " + column + (field.empty() ? "" : ", value '" + field + "'") + ")";
  r.record = cell(row, 5);
  return r;
}

}  // namespace orashift::redshift
