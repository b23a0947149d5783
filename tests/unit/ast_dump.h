#pragma once
// A canonical, position-free dump of a typed statement tree, for comparing two trees: one line
// per leaf, "path = value" (e.g. "select.query.body.where.lhs.parts[0] = a"). It is written from
// the nodes' fields, never through the printer, so a printer that drops or changes a clause
// shows up as a differing line. Positions (the nodes' `span`) are left out; clauses the tree
// keeps as text (Span leaves such as PIVOT, MODEL, storage options) are dumped as their tokens
// joined by one blank, so comments and line breaks do not count.
//
// When a field is added to a node in src/sql/ast*.h, add it here too: a field missing here is a
// field the round-trip test cannot see.
#include <string>
#include <vector>

#include "sql/ast_admin.h"
#include "sql/ast_plsql.h"

namespace orashift::sql::test {

std::vector<std::string> dump_tree(const ast::Statement& s);

}  // namespace orashift::sql::test
