#pragma once
// Prints the typed AST back as Oracle SQL on one line: keywords upper case, names as written,
// one space between tokens. Parsing the output gives the same tree, so printing the result again
// gives the same text (the round-trip test). Statements the parser keeps as text (OtherStatement,
// and for now CREATE TABLE/INDEX, ALTER TABLE, COMMENT) print their source compacted.
#include <string>

#include "sql/ast_stmt.h"

namespace orashift::sql {

std::string print_statement(const ast::Statement& s);
std::string print_expr(const ast::Expr& e);
std::string print_query(const ast::Query& q);
std::string print_data_type(const ast::DataType& t);

// PL/SQL units (ast_plsql.h); print_statement() calls it for them.
std::string print_plsql_unit(const ast::Statement& s);

// True when print_statement() prints the statement from its tree (not from its source text).
bool printed_from_tree(const ast::Statement& s);

}  // namespace orashift::sql
