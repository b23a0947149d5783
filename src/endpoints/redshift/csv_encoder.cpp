#include "endpoints/redshift/csv_encoder.h"

#include <charconv>
#include <cstring>

#include "common/utf8.h"
#include "load/copy_text.h"

namespace orashift::redshift {

namespace {

void append_quoted(std::string& out, std::string_view s) {
  out.push_back('"');
  size_t run = 0;
  for (size_t i = s.find('"'); i != std::string_view::npos; i = s.find('"', i + 1)) {
    out.append(s.data() + run, i + 1 - run);
    out.push_back('"');
    run = i + 1;
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
}

// A UTC instant as TIMESTAMPTZ input: the offset goes before a " BC" suffix, as Redshift and
// PostgreSQL print it ("0044-03-15 12:00:00+00 BC").
void append_utc_timestamp(std::string& out, Micros t) {
  size_t start = out.size();
  append_timestamp_text(out, t);
  if (out.size() - start >= 3 && out.compare(out.size() - 3, 3, " BC") == 0) out.insert(out.size() - 3, "+00");
  else out += "+00";
}

void append_field(std::string& out, const ColumnVector& c, size_t row, bool utc_offset) {
  if (c.is_null(row)) {
    out += kCsvNull;
    return;
  }
  switch (c.kind) {
    case ValueKind::Int64: {
      char buf[24];
      auto r = std::to_chars(buf, buf + sizeof buf, c.ints[row]);
      out.append(buf, r.ptr);
      break;
    }
    case ValueKind::Decimal: append_decimal_text(out, c.decimals[row], c.scale); break;
    case ValueKind::Double: append_double_text(out, c.doubles[row]); break;
    case ValueKind::Timestamp:
      if (utc_offset) append_utc_timestamp(out, c.ints[row]);
      else append_timestamp_text(out, c.ints[row]);
      break;
    case ValueKind::Text: append_quoted(out, c.text(row)); break;
    case ValueKind::Bytes:
      // COPY loads an empty unquoted field of a non-character type as NULL (COPY data conversion
      // parameters, BLANKSASNULL/EMPTYASNULL); quoted, an empty BLOB is the empty hex string.
      if (c.text(row).empty()) out += "\"\"";
      else append_hex(out, c.text(row));
      break;
  }
}

}  // namespace

CsvRowProblem append_csv_row(std::string& out, const Batch& batch, size_t row, const CsvPolicy& policy) {
  // Checked before writing anything so a refused row leaves no partial text behind.
  for (size_t i = 0; i < batch.columns.size(); ++i) {
    const ColumnVector& c = batch.columns[i];
    if (c.kind != ValueKind::Text || c.is_null(row)) continue;
    std::string_view s = c.text(row);
    if (std::memchr(s.data(), '\0', s.size()))
      return {static_cast<int>(i), "text contains a NUL byte, which Redshift COPY cannot load"};
    // A column the reader already checked (utf8_checked) is not checked again.
    if (!policy.accept_invalid_utf8 && !c.utf8_checked && !valid_utf8(s))
      return {static_cast<int>(i), "text is not valid UTF-8 (Redshift COPY refuses it without ACCEPTINVCHARS)"};
  }
  for (size_t i = 0; i < batch.columns.size(); ++i) {
    if (i) out.push_back(',');
    append_field(out, batch.columns[i], row, i < policy.utc_offset.size() && policy.utc_offset[i]);
  }
  out.push_back('\n');
  return {};
}

std::string csv_field(const ColumnVector& column, size_t row, bool utc_offset) {
  std::string s;
  append_field(s, column, row, utc_offset);
  return s;
}

}  // namespace orashift::redshift
