#pragma once
// parse_script for callers that read the trees of some statements only: the others are split
// (their tokens and span are there) but not parsed.
#include <span>

#include "sql/parser.h"

namespace orashift::sql {

// Split + parse, parsing only the statements `wanted` picks from their tokens; the others stay
// null in `statements` (no tree built, no diagnostic). The diagnostics of the parsed ones come in
// the same order as parse_script's.
ParsedScript parse_selected(const SourceFile& file, Diagnostics& diags, bool (*wanted)(std::span<const Token>));

}  // namespace orashift::sql
