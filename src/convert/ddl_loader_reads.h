#pragma once
// Which statements the DDL loader parses (ddl_loader.cpp): a header of its own so that the test
// that holds the rule against the corpus can call it.
#include <span>

#include "sql/token.h"

namespace orashift {

// True when load_ddl reads the statement's tree: the kinds the catalog models, anything that may
// run DDL from a block (EXECUTE IMMEDIATE) and statements that do not parse (a lexical error, no
// statement kind: the parser's diagnostic is theirs). Any other statement is listed in
// catalog.unmodelled by kind and span without being parsed.
bool ddl_loader_reads_tree(std::span<const sql::Token> tokens);

}  // namespace orashift
