#pragma once
// Translates the small Oracle expressions that appear in table definitions (CHECK conditions,
// virtual columns, defaults) when — and only when — they mean the same thing on every target:
// column names, numbers, non-empty string literals, comparisons, AND/OR/NOT, IN, BETWEEN,
// IS [NOT] NULL, LIKE, arithmetic and a few functions with identical semantics. Anything else
// (||, '' which Oracle treats as NULL, date literals that rely on NLS settings, other functions)
// returns nullopt so that the caller raises an action item instead of emitting a guess. The
// general expression rewriter (convert_expression) takes over where this says no.
#include <optional>
#include <string>

#include "catalog/catalog.h"
#include "convert/type_mapping.h"

namespace orashift {

// `table` supplies the column names (quoted on output) and their types. Returns the target
// text (string literals quoted for `dialect`), or nullopt when the expression is outside the
// safe subset.
std::optional<std::string> translate_simple_expression(std::string_view oracle_text, const Table& table,
                                                       Dialect dialect);

}  // namespace orashift
