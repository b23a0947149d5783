#pragma once
// The SQL strings of SQL*Loader fields ("TO_NUMBER(:F,'99.99')", "UPPER(:F)", ...): the small
// subset real control files use, parsed once and evaluated per record without allocating.
// Anything outside the subset is a parse error, so a column is never loaded with a silently
// skipped expression.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/datetime.h"

namespace orashift {

// An Oracle number format model as TO_NUMBER uses it: 9 0 . D , G $ S MI FM.
class NumberFormat {
public:
  static std::optional<NumberFormat> compile(std::string_view mask, std::string* error = nullptr);
  // Checks `in` against the model and writes a plain number ("-1234.5") to `out`.
  // False when the value does not fit the model (Oracle: ORA-01722).
  bool apply(std::string_view in, std::string& out) const;
  // The same, without a copy when `in` is already plain: `result` is `in` itself or views `out`.
  bool apply(std::string_view in, std::string& out, std::string_view& result) const;
  const std::string& text() const { return text_; }

private:
  std::string text_;
  int int_digits_ = 0, frac_digits_ = 0;
  bool decimal_ = false, groups_ = false, dollar_ = false, trailing_minus_ = false;
};

// A value on its way from the data file to a column. Text views point into the record or
// into scratch buffers owned by the reader, valid until the next record.
struct FieldValue {
  enum class Kind : uint8_t { Null, Text, Time };
  Kind kind = Kind::Null;
  bool enclosed = false;  // the data had enclosure delimiters (blank values are kept)
  std::string_view text;
  Micros time = 0;
  static FieldValue null() { return {}; }
  static FieldValue of_text(std::string_view t) {
    FieldValue v;
    v.kind = t.empty() ? Kind::Null : Kind::Text;  // Oracle: '' is NULL
    v.text = t;
    return v;
  }
};

struct SqlExpr {
  enum class Kind { Bind, Text, Number, Null, Sysdate, Call, Concat };
  Kind kind = Kind::Null;
  std::string name;      // Bind: normalised field name; Call: upper-case function name
  std::string literal;   // Text / Number
  std::vector<SqlExpr> args;
  std::optional<DateMask> date_mask;          // TO_DATE / TO_TIMESTAMP format
  std::optional<NumberFormat> number_format;  // TO_NUMBER format
  uint32_t offset = 0;   // byte offset in the SQL string, for diagnostics
  // Filled per reader: index of the bound field, and a scratch buffer for this node's result.
  int bind_index = -1;
  std::string scratch;
};

struct SqlParseResult {
  std::shared_ptr<const SqlExpr> expr;
  std::string error;        // empty when parsed
  uint32_t error_offset = 0;
};

// Parses the text between the double quotes of a field's SQL string.
SqlParseResult parse_sql_string(std::string_view text);

// Calls `fn(node)` for every bind variable (":NAME") of the tree.
template <class Fn>
void for_each_bind(SqlExpr& e, Fn&& fn) {
  if (e.kind == SqlExpr::Kind::Bind) fn(e);
  for (auto& a : e.args) for_each_bind(a, fn);
}

// Evaluates a tree whose bind_index fields are set. `fields` are the record's field values.
// On failure returns false and sets `error` to an Oracle-style reason (ORA-01722 ...).
bool eval_sql(SqlExpr& e, const FieldValue* fields, Micros now, FieldValue& out, std::string& error);

// Oracle's default NLS_DATE_FORMAT, used when a DATE column gets text without a mask.
const DateMask& default_date_mask();
// Oracle's default NLS_TIMESTAMP_FORMAT ('DD-MON-RR HH.MI.SSXFF AM').
const DateMask& default_timestamp_mask();
// Maps a DateMask error to the ORA error Oracle raises for it.
std::string oracle_date_error(const std::string& mask_error, std::string_view value, const DateMask& mask);

}  // namespace orashift
