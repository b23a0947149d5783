#pragma once
// Oracle SQL parser: hand-written recursive descent over the tokens of one script statement,
// precedence climbing for expressions. A statement that does not parse yields exactly one
// error Diagnostic and an InvalidStatement; the next statement is unaffected.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/diagnostic.h"
#include "sql/ast.h"
#include "sql/script.h"

namespace orashift::sql {

// Parses one statement of a split script. Never throws on bad input.
ast::StatementPtr parse_statement(const Script& script, const ScriptStatement& st, Diagnostics& diags);

// Same, from a token range (`whole` is the statement's span, used for raw text and errors at its end).
ast::StatementPtr parse_tokens(std::span<const Token> tokens, bool plsql, Span whole, Diagnostics& diags);

// One data type from its tokens (a PL/SQL declaration's type text: NUMBER(5), VARCHAR2(10 CHAR),
// TIMESTAMP WITH TIME ZONE); nullopt when the tokens are not exactly one data type.
std::optional<ast::DataType> parse_data_type(std::span<const Token> tokens, Span whole);

struct ParsedScript {
  Script script;
  std::vector<ast::StatementPtr> statements;  // parallel to script.statements
};

// Split + parse a whole file.
ParsedScript parse_script(const SourceFile& file, Diagnostics& diags);

// "CREATE VIEW", "CREATE PACKAGE BODY", "INSERT", "PL/SQL BLOCK"...: the kind of statement its
// leading words make it; empty when the words start no Oracle statement.
std::string statement_kind_name(std::span<const Token> tokens);

// The text of a span with comments dropped and each run of blanks between tokens made one
// space: "VALUES LESS THAN\n   (1)" -> "VALUES LESS THAN (1)". String literals are untouched.
std::string compact_text(Span span);

// Diagnostic codes of the front end.
inline constexpr const char* kSyntaxError = "P0001";
inline constexpr const char* kUnknownStatement = "P0002";
inline constexpr const char* kLexicalError = "P0003";
inline constexpr const char* kEncoding = "P0004";
inline constexpr const char* kUnitNotClosed = "P0005";  // PL/SQL unit without its `/`, ended at its END  // file not UTF-8: converted (note) or unreadable (error)

}  // namespace orashift::sql
