#pragma once
// A value from a task file (a filter value, a range boundary) converted once to the batch
// kind of the column it is compared with, so each row comparison costs no parsing.
// Comparisons follow Oracle: NUMBER exactly (never through double), DATE/TIMESTAMP as
// instants, VARCHAR2 by binary (NLS_COMP=BINARY) byte order, CHAR/NCHAR blank-padded
// (trailing blanks do not count), RAW byte-wise with the value written in hex.
// Text values for dates use the formats DMS documents for filters: YYYY-MM-DD and
// YYYY-MM-DD HH:MM:SS (fractional seconds and a 'T' separator are accepted too).
#include <optional>
#include <string>
#include <string_view>

#include "load/endpoint.h"

namespace orashift {

class TypedConstant {
public:
  // `column` gives the kind (and scale); CHAR semantics come from its catalog type.
  static std::optional<TypedConstant> parse(std::string_view text, const LoadColumn& column, std::string* error = nullptr);

  // Sign of (cell - constant); the cell must not be NULL and must have this constant's kind.
  int compare_cell(const ColumnVector& v, size_t row) const;
  // Sign of (this - other); both parsed for the same column.
  int compare(const TypedConstant& other) const;

  ValueKind kind() const { return kind_; }
  const std::string& text() const { return text_; }

private:
  ValueKind kind_ = ValueKind::Text;
  std::string text_;      // as written
  Int128 number_ = 0;     // Int64/Decimal: value * 10^scale_
  int scale_ = 0;
  double real_ = 0;       // Double
  int64_t micros_ = 0;    // Timestamp
  std::string bytes_;     // Text (trailing blanks stripped when blank_padded_), Bytes (decoded)
  bool blank_padded_ = false;
};

// Sign of (a * 10^-sa) - (b * 10^-sb), exactly.
int compare_scaled(Int128 a, int sa, Int128 b, int sb);
// "YYYY-MM-DD[ HH:MM:SS[.f…]]" → microseconds since the epoch.
std::optional<int64_t> parse_iso_datetime(std::string_view text);

}  // namespace orashift
