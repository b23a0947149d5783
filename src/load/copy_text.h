#pragma once
// PostgreSQL COPY text format for batch rows: tab-separated fields, \N for NULL, backslash
// escapes. The PostgreSQL writer streams it; every writer also uses it as the `record` of a
// reject, so a rejected row reads the same whichever target refused it.
#include <string>

#include "load/batch.h"
#include "load/endpoint.h"

namespace orashift {

// Appends one field. Text containing a NUL byte is written as \0 (a faithful rendering that
// PostgreSQL will refuse); the return value is false in that case so callers can reject first.
bool append_copy_field(std::string& out, const ColumnVector& column, size_t row);

// Appends the fields of one row separated by tabs, without the trailing newline. Returns the
// index of the first column whose text holds a NUL byte, or -1.
int append_copy_row(std::string& out, const Batch& batch, size_t row);

std::string copy_row_text(const Batch& batch, size_t row);

// The reject of one batch row: its source line (0 when the batch has none) and its text.
Reject batch_row_reject(const std::string& table, const std::string& source, const Batch& batch, size_t row,
                        std::string reason);

// Doubles in the spelling PostgreSQL reads back bit-exact: shortest round-trip digits,
// "NaN", "Infinity", "-Infinity".
void append_double_text(std::string& out, double v);
// append_decimal's and append_timestamp's text (common/), the same bytes, through 64-bit
// digits and without printf for the values that allow it (nearly all); tested against them in
// tests/unit/test_postgres_copy_text.cpp. Used by every text encoder (COPY text, Redshift CSV).
void append_decimal_text(std::string& out, Int128 v, int scale);
void append_timestamp_text(std::string& out, Micros t);
// Lower-case hex digits of every byte (COPY's bytea after its \\x prefix, Redshift's VARBYTE).
void append_hex(std::string& out, std::string_view bytes);

}  // namespace orashift
