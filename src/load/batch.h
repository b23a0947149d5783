#pragma once
// A column-oriented block of rows: typed vectors plus validity masks. Readers fill batches,
// writers drain them; a bounded queue between them keeps memory flat for any table size.
#include <cstdint>
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

struct Batch {
  std::vector<ColumnVector> columns;
  // Source position of each row, for reject records and resume ("file:line" or a key).
  std::vector<uint64_t> source_lines;
  size_t rows() const { return source_lines.size(); }
  size_t memory_bytes() const;
  size_t data_bytes() const;
  void clear();
  // Keeps the rows whose flag is set (source filters), in order; returns how many were dropped.
  size_t retain(const std::vector<uint8_t>& keep);
};

}  // namespace orashift
