#pragma once
// A column-oriented block of rows: typed vectors plus validity masks. Readers fill batches,
// writers drain them; a bounded queue between them keeps memory flat for any table size.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/datetime.h"
#include "common/decimal.h"

namespace orashift {

// How a value travels through the loader. Chosen per column from the Oracle type.
enum class ValueKind : uint8_t {
  Int64,      // NUMBER(p,0) with p <= 18
  Decimal,    // other NUMBER: Int128 scaled by `scale`
  Double,     // BINARY_DOUBLE / BINARY_FLOAT / FLOAT
  Text,       // CHAR, VARCHAR2, NCHAR, NVARCHAR2, CLOB (UTF-8)
  Timestamp,  // DATE, TIMESTAMP: microseconds since 1970-01-01
  Bytes,      // RAW, BLOB
};
const char* value_kind_name(ValueKind k);

struct ColumnVector {
  ValueKind kind = ValueKind::Text;
  int scale = 0;                   // Decimal only
  // Text only: the reader already checked every value is valid UTF-8 (the oracle-files readers
  // do, as Oracle does on INSERT), so a writer need not check again. Set by the reader that
  // fills the batch; a batch built any other way keeps false and is checked by the writer.
  bool utf8_checked = false;
  std::vector<uint8_t> valid;      // 1 = value present, 0 = NULL
  std::vector<int64_t> ints;       // Int64, Timestamp
  std::vector<Int128> decimals;    // Decimal
  std::vector<double> doubles;     // Double
  std::vector<uint32_t> ends;      // Text, Bytes: end offset of each value in `bytes`
  std::string bytes;

  size_t size() const { return valid.size(); }
  bool is_null(size_t row) const { return !valid[row]; }
  std::string_view text(size_t row) const {
    uint32_t b = row ? ends[row - 1] : 0;
    return std::string_view(bytes).substr(b, ends[row] - b);
  }
  void append_null();
  // Inline: called once per value by every reader.
  void append_int(int64_t v) {
    valid.push_back(1);
    ints.push_back(v);
  }
  void append_decimal(Int128 v) {
    valid.push_back(1);
    decimals.push_back(v);
  }
  void append_double(double v) {
    valid.push_back(1);
    doubles.push_back(v);
  }
  void append_text(std::string_view v) {
    valid.push_back(1);
    bytes.append(v);
    ends.push_back(static_cast<uint32_t>(bytes.size()));
  }
  void pop_back();  // undoes the last append (a row rejected half-way through decoding)
  void retain(const std::vector<uint8_t>& keep);  // keeps rows whose flag is set, in order
  void clear();
  size_t memory_bytes() const;  // allocated (capacity)
  size_t data_bytes() const;    // held by the values (size)
};

struct Batch;

// Rows a source can hand to a writer undecoded, in a form both ends share: a PostgreSQL source
// and a PostgreSQL target whose columns have the same types pass binary COPY tuples through, so
// neither side decodes, checks and re-encodes values the target type already holds exactly
// (load/executor.cpp asks the reader for its format and the writer whether it takes it).
class RawRowFormat {
public:
  virtual ~RawRowFormat() = default;
  std::string encoding;                   // e.g. "postgres binary COPY tuple"
  std::vector<std::string> column_types;  // each column's type as the source spells it
  // One row as COPY text, for reject records.
  virtual std::string row_text(std::string_view row) const = 0;
  // The bytes of a Text or Bytes value (nullopt: NULL), and the row with that value replaced,
  // appended to `out`: a LOB over the limit is cut without decoding the row.
  virtual std::optional<std::string_view> value(std::string_view row, size_t column) const = 0;
  virtual void append_replaced(std::string& out, std::string_view row, size_t column, std::string_view value) const = 0;
};

struct RawRows {
  const RawRowFormat* format = nullptr;  // set: the batch's rows are these, its columns are empty
  std::string bytes;                     // the rows, back to back
  std::vector<uint32_t> ends;            // end offset of each row in `bytes`
  // Per column, the size of its largest value in these rows (-1: only NULLs), which the reader
  // reads anyway: LOB limits are checked per batch, and only a batch over one is read row by row.
  std::vector<int64_t> widest;
  std::string_view row(size_t i) const {
    uint32_t b = i ? ends[i - 1] : 0;
    return std::string_view(bytes).substr(b, ends[i] - b);
  }
};

struct Batch {
  std::vector<ColumnVector> columns;
  RawRows raw;  // rows passed through undecoded (raw.format set), instead of the columns
  // Source position of each row, for reject records and resume ("file:line" or a key).
  std::vector<uint64_t> source_lines;
  size_t rows() const { return source_lines.size(); }
  size_t memory_bytes() const;
  size_t data_bytes() const;
  void clear();
  // Keeps the rows whose flag is set (source filters), in order; returns how many were dropped.
  // Decoded batches only: a source filter keeps its table's rows decoded (executor.cpp).
  size_t retain(const std::vector<uint8_t>& keep);
};

}  // namespace orashift
