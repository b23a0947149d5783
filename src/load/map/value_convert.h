#pragma once
// Moves one batch value into a column of another kind, for change-data-type and add-column:
// the source value is carried exactly when the kinds agree, and otherwise through its text
// form (the same text the PostgreSQL writer would send), which the target kind then parses.
// A value that does not fit the target kind is a data error with a reason, never a guess.
#include <string>
#include <string_view>

#include "load/batch.h"

namespace orashift {

// Appends the text form of a non-NULL value: integers and decimals exactly, timestamps as
// "YYYY-MM-DD HH:MI:SS[.ffffff]", doubles in shortest round-trip form, bytes as they are.
void append_value_text(std::string& out, const ColumnVector& column, size_t row);

// Appends `text` parsed as `dst`'s kind. Returns false with a reason when it is not a value
// of that kind (or needs rounding to fit a decimal's scale); nothing is appended then.
bool append_parsed(ColumnVector& dst, std::string_view text, std::string* reason);

// Appends src[row] (NULL stays NULL) converted to dst's kind.
bool append_converted(const ColumnVector& src, size_t row, ColumnVector& dst, std::string* reason);

}  // namespace orashift
