#pragma once
// The CSV dialect of orashift's Redshift staging files, chosen so every value survives
// Redshift's `COPY … CSV NULL AS '\N'` exactly (docs/redshift.md, "CSV dialect"):
//   - fields separated by ',', rows end in '\n';
//   - NULL is an unquoted \N; every text value is quoted, so "" (empty) and "\N" (the text)
//     can never be read back as NULL, and blanks at either end are kept;
//   - '"' inside text is doubled; ',', '\n', '\r' and '\' are literal inside quotes;
//   - numbers exact (decimals from the scaled integer, doubles shortest round-trip);
//   - timestamps "YYYY-MM-DD HH:MI:SS[.ffffff]", years before 1 as "YYYY-MM-DD … BC"; TIMESTAMPTZ
//     values (UTC instants) with an explicit "+00", so the session's time zone cannot shift them;
//   - bytes (VARBYTE) as unquoted lowercase hex; an empty value as "" (unquoted empty is NULL to COPY).
// Redshift refuses NUL bytes and (without ACCEPTINVCHARS) invalid UTF-8: such rows are reported
// to the caller instead of being written.
#include <string>
#include <vector>

#include "load/batch.h"

namespace orashift::redshift {

struct CsvPolicy {
  // false: rows with invalid UTF-8 text are rejected here. true: they are written as is and
  // COPY's ACCEPTINVCHARS replaces the bad bytes (the COPY statement must then say so).
  bool accept_invalid_utf8 = false;
  // Per column: a TIMESTAMPTZ column, whose UTC instants are written with "+00" (absent = none).
  std::vector<bool> utc_offset = {};
};

inline constexpr const char* kCsvNull = "\\N";

struct CsvRowProblem {
  int column = -1;     // first offending column, -1 when the row is fine
  std::string reason;  // "text contains a NUL byte, which Redshift cannot load"
};

// Appends the row's fields and the trailing '\n' to `out`; when the row cannot be loaded,
// leaves `out` as it was and returns the problem.
CsvRowProblem append_csv_row(std::string& out, const Batch& batch, size_t row, const CsvPolicy& policy);

// One field as it would be written (tests, reject records); utc_offset as in CsvPolicy.
std::string csv_field(const ColumnVector& column, size_t row, bool utc_offset = false);

}  // namespace orashift::redshift
