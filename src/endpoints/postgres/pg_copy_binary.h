#pragma once
// PostgreSQL's binary COPY format for batch rows, used by the PostgreSQL writer when every
// column's value kind has an exact binary form for its target type (pg_copy_binary.cpp lists
// them). Binary spares the server the text parsing of every field (numeric_in, timestamp_in,
// line splitting and de-escaping), which was most of a load's server time; any other column
// type keeps the whole table on the text format, whose input functions decide as they always
// did.
#include <optional>
#include <string>
#include <vector>

#include "load/batch.h"

namespace orashift {

class PgCopyBinaryEncoder {
public:
  struct Column {
    std::string name;  // target name, for reasons
    ValueKind kind;
    unsigned type_oid;
  };

  // True when values of `kind` have an exact binary form for the PostgreSQL type `type_oid`.
  static bool supports(ValueKind kind, unsigned type_oid);

  explicit PgCopyBinaryEncoder(std::vector<Column> columns) : columns_(std::move(columns)) {}

  // The 19-byte signature + flags + extension header every binary COPY starts with, and the
  // 2-byte trailer it ends with.
  static void append_header(std::string& out);
  static void append_trailer(std::string& out);

  // Appends one tuple. A value the target type cannot hold (an integer outside int2/int4, text
  // with a NUL byte) leaves `out` unchanged and returns the reason naming the column.
  std::optional<std::string> append_row(std::string& out, const Batch& batch, size_t row) const;

  // NUMERIC's binary form of value × 10^-scale: base-10000 digits, weight, sign, display scale.
  static void append_numeric(std::string& out, Int128 value, int scale);

private:
  std::vector<Column> columns_;
};

}  // namespace orashift
