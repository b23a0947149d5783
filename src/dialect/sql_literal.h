#pragma once
// A string literal as each target reads it. Every literal orashift writes for a target (defaults,
// comments, view and check text, COPY options, load-error queries) goes through here, so the one
// dialect difference lives in one place: Redshift string literals treat a backslash as an escape
// character (its QUOTE_LITERAL doubles backslashes for that reason), so '\' is written '\\' there;
// PostgreSQL (standard_conforming_strings on) and DuckDB read a backslash as itself.
#include <string>
#include <string_view>

#include "convert/type_mapping.h"

namespace orashift {

// Single-quotes `text` for `dialect`: embedded quotes doubled; on Redshift, backslashes too.
std::string quote_literal(std::string_view text, Dialect dialect);

}  // namespace orashift
