#pragma once
// PostgreSQL's binary COPY format. Encoding: batch rows, used by the PostgreSQL writer when every
// column's value kind has an exact binary form for its target type (pg_copy_binary.cpp lists
// them). Binary spares the server the text parsing of every field (numeric_in, timestamp_in,
// line splitting and de-escaping), which was most of a load's server time; any other column
// type keeps the whole table on the text format, whose input functions decide as they always
// did.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "load/batch.h"

namespace orashift {

// Shared by the encoder and the decoder: PostgreSQL type OIDs (pg_type.dat) with a binary form
// handled here, and the distance from our 1970-based microseconds to PostgreSQL's 2000 epoch.
namespace pg_binary {
constexpr unsigned kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kText = 25, kFloat8 = 701, kBpchar = 1042,
                   kVarchar = 1043, kDate = 1082, kTimestamp = 1114, kTimestampTz = 1184, kNumeric = 1700;
constexpr int64_t kPgEpochMicros = 946684800LL * 1000000;
// The format's big-endian words.
inline uint16_t get16(const char* p) { return static_cast<uint16_t>((static_cast<uint8_t>(p[0]) << 8) | static_cast<uint8_t>(p[1])); }
inline uint32_t get32(const char* p) { return (uint32_t{get16(p)} << 16) | get16(p + 2); }
// RawRowFormat::encoding of tuples a PostgreSQL source passes through undecoded (load/batch.h).
constexpr const char* kTupleEncoding = "postgres binary COPY tuple";
// A column's type as both ends compare it for that (pg_attribute a): format_type(), with
// TIMESTAMP(6) spelled as TIMESTAMP, which is the same microsecond precision.
constexpr const char* kPassTypeSql =
    "format_type(a.atttypid, CASE WHEN a.atttypid IN (1114, 1184) AND a.atttypmod = 6 THEN -1 ELSE a.atttypmod END)";
}  // namespace pg_binary

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

// Decoding, for the PostgreSQL source (pg_copy_binary_decode.cpp): the reader uses the binary
// format when every column's source type decodes exactly into its value kind.
bool pg_binary_decodes(unsigned type_oid, ValueKind kind);

// Appends one non-NULL binary field of type `type_oid` to `v` (kind `v.kind`, scale `v.scale`).
// False, appending nothing, when the value has no exact form in that kind: NaN or infinite
// numerics and datetimes, more fractional digits than the scale, more than 38 digits.
bool append_binary_field(ColumnVector& v, unsigned type_oid, std::string_view bytes);

// The field as PostgreSQL's text output spells it ("-12.50", "2020-01-02 03:04:05", "\\x00ff"),
// for reject reasons and records.
std::string binary_field_text(unsigned type_oid, std::string_view bytes);

}  // namespace orashift
