#pragma once
// Shared helpers for source reader tests: every row a reader yields, as text.
#include <string>
#include <vector>

#include "common/datetime.h"
#include "common/decimal.h"
#include "load/endpoint.h"
#include "target_test_util.h"

namespace orashift::testing {

// One value as text: NULL, integers, exact decimals, timestamps, hex for bytes.
inline std::string cell(const ColumnVector& v, size_t r) {
  if (v.is_null(r)) return "NULL";
  switch (v.kind) {
    case ValueKind::Int64: return std::to_string(v.ints[r]);
    case ValueKind::Decimal: return format_decimal(v.decimals[r], v.scale);
    case ValueKind::Timestamp: return format_timestamp(v.ints[r]);
    case ValueKind::Bytes: {
      std::string hex;
      for (unsigned char c : v.text(r)) {
        hex += "0123456789ABCDEF"[c >> 4];
        hex += "0123456789ABCDEF"[c & 15];
      }
      return hex;
    }
    default: return std::string(v.text(r));
  }
}

// All rows of a reader as text, "a|b|c" per row.
inline std::vector<std::string> drain(TableReader& reader, size_t batch_rows = 1000) {
  std::vector<std::string> rows;
  Batch b;
  while (reader.next(b, batch_rows))
    for (size_t r = 0; r < b.rows(); ++r) {
      std::string s;
      for (size_t c = 0; c < b.columns.size(); ++c) s += (c ? "|" : "") + cell(b.columns[c], r);
      rows.push_back(s);
    }
  return rows;
}

}  // namespace orashift::testing
