#pragma once
// Converts one field value into a batch column and checks it the way Oracle checks a value on
// INSERT: NOT NULL, precision, length in bytes or characters, UTF-8, date formats. A failure
// is an Oracle-style reason; the caller turns it into a Reject.
#include <string>
#include <string_view>

#include "endpoints/oracle_files/sql_string.h"
#include "load/endpoint.h"

namespace orashift {

struct ColumnTarget {
  std::string name;
  ValueKind kind = ValueKind::Text;
  int scale = 0;             // Decimal: batch scale
  int precision = 0;         // NUMBER(p, s): 0 = unconstrained (38)
  Int128 limit = 0;          // 10^precision (10^38 when unconstrained): |value| must stay below
  int negative_scale = 0;    // NUMBER(p, -k): round to 10^k
  bool unconstrained_number = false;
  bool not_null = false;
  bool is_date = false;      // Oracle DATE: whole seconds
  int max_length = 0;        // text / raw limit, 0 = none
  bool char_semantics = false;
  bool blank_pad = false;    // CHAR / NCHAR: padded to max_length like Oracle stores them
  std::string type_text;     // for messages: "NUMBER(10,2)"
  std::string narrowing;     // the type was narrowed from evidence: appended to a value's reject reason
  const DateMask* mask = nullptr;  // text → timestamp; the field's mask or Oracle's default
};

// Empties `batch` and gives its columns the kinds and scales of `targets` (each reader's next()).
void start_batch(Batch& batch, const std::vector<ColumnTarget>& targets);

// Fills `t` from the catalog column (and its batch kind); `field_mask` is the ctl DATE mask.
ColumnTarget make_column_target(const LoadColumn& lc, bool not_null, const DateMask* field_mask);

// Appends `v` to `col` or returns false with `error` set and `col` unchanged.
bool append_converted(const ColumnTarget& t, const FieldValue& v, ColumnVector& col, std::string& error,
                      std::string& scratch);

// Length of the longest valid UTF-8 prefix; equals s.size() when all of it is valid.
size_t utf8_valid_prefix(std::string_view s);

}  // namespace orashift
