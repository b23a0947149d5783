#pragma once
// Oracle SQL / PL/SQL tokenizer. Pull-based and restartable at any byte offset, because the
// SQL*Plus script layer decides line by line whether text is a command or SQL.
#include <cstdint>
#include <vector>

#include "common/diagnostic.h"
#include "sql/token.h"

namespace orashift::sql {

class Lexer {
public:
  explicit Lexer(const SourceFile& file, uint32_t offset = 0);

  // Next token, comments and hints included; TokenKind::End (empty span at EOF) at the end.
  // Whitespace is skipped. Error tokens carry the offending text; see error_message().
  Token next();
  uint32_t offset() const { return pos_; }
  void reset(uint32_t offset) { pos_ = offset; }
  const SourceFile& file() const { return *file_; }

private:
  Token make(TokenKind kind, uint32_t begin, uint8_t flags = 0);
  Token lex_word(uint32_t begin);
  Token lex_number(uint32_t begin);
  Token lex_string(uint32_t begin, uint32_t quote, uint8_t flags);
  Token lex_qstring(uint32_t begin, uint32_t quote, uint8_t flags);

  const SourceFile* file_;
  const char* src_;
  uint32_t size_;
  uint32_t pos_;
};

// Why an Error token is an error ("unterminated string literal", ...).
const char* error_message(const Token& t);

// Convenience for tests and tools: every token of the file except comments.
std::vector<Token> tokenize(const SourceFile& file, bool keep_comments = false);

}  // namespace orashift::sql
