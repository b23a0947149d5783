#pragma once
// A source in which no table was found is an error, not an empty success: the message says
// what the source looked for and what it found instead (issue 17).
#include <string>

#include "load/endpoint.h"

namespace orashift::cli {

// "" when the source has tables (or, with `code_counts`, any schema object at all: a folder of
// packages converts without a table); else the error text, ending with a newline.
std::string empty_source_error(const SourceEndpoint& source, bool code_counts = false);

}  // namespace orashift::cli
