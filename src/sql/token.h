#pragma once
// Tokens of Oracle SQL / PL/SQL. A token is a view into its SourceFile's text plus a Span;
// nothing is copied. Keywords are not a separate token kind because almost every Oracle
// keyword is non-reserved: the parser sees an Identifier that also carries its keyword id.
#include <cstdint>
#include <string>
#include <string_view>

#include "common/diagnostic.h"
#include "sql/keywords.h"

namespace orashift::sql {

enum class TokenKind : uint8_t {
  End,
  Identifier,        // unquoted; `kw` says whether it is also a keyword
  QuotedIdentifier,  // "Mixed Case"
  Number,            // 12, 1.5e3, .5, 10d, 2f
  String,            // '..', N'..', q'[..]' (see Token::flags)
  Bind,              // :x, :1, :new
  Substitution,      // &x, &&x (SQL*Plus)
  Comment,           // -- .. and /* .. */ (trivia)
  Hint,              // /*+ .. */ and --+ ..
  LParen, RParen, Comma, Semicolon, Dot, DotDot,
  Plus, Minus, Star, Slash, Power,  // ** (PL/SQL)
  Concat,       // ||
  Assign,       // :=
  Arrow,        // =>
  Eq, Ne,       // != <> ^= ~=
  Lt, Le, Gt, Ge,
  OuterJoin,    // (+)
  At, Percent, Colon, LBracket, RBracket, LLabel, RLabel,  // << >>
  Question, Bang, Pipe, Ampersand, LBrace, RBrace,
  Error,        // unterminated literal/comment or a character Oracle does not accept
};

const char* token_kind_name(TokenKind k);

// String-literal flavours (Token::flags).
constexpr uint8_t kTokNational = 1;  // N'..'
constexpr uint8_t kTokQQuote = 2;    // q'[..]'

struct Token {
  TokenKind kind = TokenKind::End;
  Kw kw = Kw::None;
  uint8_t flags = 0;
  Span span;
  std::string_view text;

  bool is(TokenKind k) const { return kind == k; }
  bool is(Kw k) const { return kw == k; }
  bool is_word() const { return kind == TokenKind::Identifier || kind == TokenKind::QuotedIdentifier; }
};

// The value of a string literal token: quotes removed, '' unescaped, q-quote delimiters dropped.
std::string string_value(const Token& t);

}  // namespace orashift::sql
