#include "sql/lexer.h"

namespace orashift::sql {

namespace {

inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
// Bytes >= 0x80 are parts of UTF-8 letters: Oracle accepts them in unquoted names.
inline bool is_ident_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}
inline bool is_ident_char(char c) { return is_ident_start(c) || is_digit(c) || c == '_' || c == '$' || c == '#'; }

}  // namespace

const char* token_kind_name(TokenKind k) {
  switch (k) {
    case TokenKind::End: return "end of statement";
    case TokenKind::Identifier: return "identifier";
    case TokenKind::QuotedIdentifier: return "quoted identifier";
    case TokenKind::Number: return "number";
    case TokenKind::String: return "string literal";
    case TokenKind::Bind: return "bind variable";
    case TokenKind::Substitution: return "substitution variable";
    case TokenKind::Comment: return "comment";
    case TokenKind::Hint: return "hint";
    case TokenKind::Error: return "invalid token";
    default: return "operator";
  }
}

Lexer::Lexer(const SourceFile& file, uint32_t offset)
    : file_(&file), src_(file.text().data()), size_(static_cast<uint32_t>(file.text().size())), pos_(offset) {}

Token Lexer::make(TokenKind kind, uint32_t begin, uint8_t flags) {
  Token t;
  t.kind = kind;
  t.flags = flags;
  t.span = Span{file_, begin, pos_};
  t.text = std::string_view(src_ + begin, pos_ - begin);
  return t;
}

Token Lexer::next() {
  while (pos_ < size_ && is_space(src_[pos_])) ++pos_;
  uint32_t b = pos_;
  if (pos_ >= size_) return make(TokenKind::End, b);
  char c = src_[pos_];
  char n = pos_ + 1 < size_ ? src_[pos_ + 1] : '\0';
  char n2 = pos_ + 2 < size_ ? src_[pos_ + 2] : '\0';

  // String prefixes must be checked before words: N'..', q'..', nq'..'.
  if (c == 'n' || c == 'N') {
    if (n == '\'') return lex_string(b, pos_ + 1, kTokNational);
    if ((n == 'q' || n == 'Q') && n2 == '\'') return lex_qstring(b, pos_ + 2, kTokNational | kTokQQuote);
  }
  if ((c == 'q' || c == 'Q') && n == '\'') return lex_qstring(b, pos_ + 1, kTokQQuote);
  if (is_ident_start(c)) return lex_word(b);
  if (is_digit(c) || (c == '.' && is_digit(n))) return lex_number(b);

  switch (c) {
    case '$': {
      // PL/SQL conditional compilation: $IF ... $THEN ... $END, $$PLSQL_UNIT inquiry directives.
      uint32_t p = pos_ + 1;
      if (p < size_ && src_[p] == '$') ++p;
      if (p < size_ && is_ident_start(src_[p])) {
        pos_ = p;
        while (pos_ < size_ && is_ident_char(src_[pos_])) ++pos_;
        return make(TokenKind::Identifier, b);
      }
      ++pos_;
      return make(TokenKind::Error, b);
    }
    case '\'': return lex_string(b, pos_, 0);
    case '"': {
      ++pos_;
      while (pos_ < size_ && src_[pos_] != '"') ++pos_;
      if (pos_ >= size_) return make(TokenKind::Error, b);
      ++pos_;
      return make(TokenKind::QuotedIdentifier, b);
    }
    case '-':
      if (n == '-') {
        bool hint = n2 == '+';
        while (pos_ < size_ && src_[pos_] != '\n') ++pos_;
        // A CR before LF belongs to the line break, not to the comment.
        uint32_t save = pos_;
        if (pos_ > b && src_[pos_ - 1] == '\r') --pos_;
        Token t = make(hint ? TokenKind::Hint : TokenKind::Comment, b);
        pos_ = save;
        return t;
      }
      ++pos_;
      return make(TokenKind::Minus, b);
    case '/':
      if (n == '*') {
        bool hint = n2 == '+';
        pos_ += 2;
        while (pos_ + 1 < size_ && !(src_[pos_] == '*' && src_[pos_ + 1] == '/')) ++pos_;
        if (pos_ + 1 >= size_) {
          pos_ = size_;
          return make(TokenKind::Error, b);
        }
        pos_ += 2;
        return make(hint ? TokenKind::Hint : TokenKind::Comment, b);
      }
      ++pos_;
      return make(TokenKind::Slash, b);
    case ':':
      if (n == '=') { pos_ += 2; return make(TokenKind::Assign, b); }
      if (is_ident_char(n) || n == '"') {
        ++pos_;
        if (src_[pos_] == '"') {
          ++pos_;
          while (pos_ < size_ && src_[pos_] != '"') ++pos_;
          if (pos_ < size_) ++pos_;
        } else {
          while (pos_ < size_ && is_ident_char(src_[pos_])) ++pos_;
        }
        return make(TokenKind::Bind, b);
      }
      ++pos_;
      return make(TokenKind::Colon, b);
    case '&': {
      uint32_t p = pos_ + 1;
      if (p < size_ && src_[p] == '&') ++p;
      if (p < size_ && is_ident_char(src_[p])) {
        while (p < size_ && is_ident_char(src_[p])) ++p;
        if (p < size_ && src_[p] == '.') {  // `&x.` : the period only ends the variable name,
          ++p;                              // and what follows is glued on: &owner._info
          while (p < size_ && is_ident_char(src_[p])) ++p;
        }
        pos_ = p;
        return make(TokenKind::Substitution, b);
      }
      ++pos_;
      return make(TokenKind::Ampersand, b);
    }
    case '(':
      if (n == '+' && n2 == ')') { pos_ += 3; return make(TokenKind::OuterJoin, b); }
      ++pos_;
      return make(TokenKind::LParen, b);
    case '|':
      if (n == '|') { pos_ += 2; return make(TokenKind::Concat, b); }
      ++pos_;
      return make(TokenKind::Pipe, b);
    case '=':
      if (n == '>') { pos_ += 2; return make(TokenKind::Arrow, b); }
      ++pos_;
      return make(TokenKind::Eq, b);
    case '.':
      if (n == '.') { pos_ += 2; return make(TokenKind::DotDot, b); }
      ++pos_;
      return make(TokenKind::Dot, b);
    case '*':
      if (n == '*') { pos_ += 2; return make(TokenKind::Power, b); }
      ++pos_;
      return make(TokenKind::Star, b);
    case '!':
    case '^':
    case '~':
      if (n == '=') { pos_ += 2; return make(TokenKind::Ne, b); }
      ++pos_;
      return make(c == '!' ? TokenKind::Bang : TokenKind::Error, b);
    case '<':
      if (n == '>') { pos_ += 2; return make(TokenKind::Ne, b); }
      if (n == '=') { pos_ += 2; return make(TokenKind::Le, b); }
      if (n == '<') { pos_ += 2; return make(TokenKind::LLabel, b); }
      ++pos_;
      return make(TokenKind::Lt, b);
    case '>':
      if (n == '=') { pos_ += 2; return make(TokenKind::Ge, b); }
      if (n == '>') { pos_ += 2; return make(TokenKind::RLabel, b); }
      ++pos_;
      return make(TokenKind::Gt, b);
    default: break;
  }
  ++pos_;
  switch (c) {
    case ')': return make(TokenKind::RParen, b);
    case ',': return make(TokenKind::Comma, b);
    case ';': return make(TokenKind::Semicolon, b);
    case '+': return make(TokenKind::Plus, b);
    case '@': return make(TokenKind::At, b);
    case '%': return make(TokenKind::Percent, b);
    case '[': return make(TokenKind::LBracket, b);
    case ']': return make(TokenKind::RBracket, b);
    case '{': return make(TokenKind::LBrace, b);
    case '}': return make(TokenKind::RBrace, b);
    case '?': return make(TokenKind::Question, b);
    default: return make(TokenKind::Error, b);
  }
}

Token Lexer::lex_word(uint32_t b) {
  while (pos_ < size_ && is_ident_char(src_[pos_])) ++pos_;
  Token t = make(TokenKind::Identifier, b);
  t.kw = keyword_of(t.text);
  return t;
}

Token Lexer::lex_number(uint32_t b) {
  while (pos_ < size_ && is_digit(src_[pos_])) ++pos_;
  // `1..10` is a PL/SQL range, not 1. followed by .10
  if (pos_ < size_ && src_[pos_] == '.' && !(pos_ + 1 < size_ && src_[pos_ + 1] == '.')) {
    ++pos_;
    while (pos_ < size_ && is_digit(src_[pos_])) ++pos_;
  }
  if (pos_ < size_ && (src_[pos_] == 'e' || src_[pos_] == 'E')) {
    uint32_t p = pos_ + 1;
    if (p < size_ && (src_[p] == '+' || src_[p] == '-')) ++p;
    if (p < size_ && is_digit(src_[p])) {
      while (p < size_ && is_digit(src_[p])) ++p;
      pos_ = p;
    }
  }
  if (pos_ < size_) {
    char c = src_[pos_];
    bool suffix = c == 'f' || c == 'F' || c == 'd' || c == 'D';
    if (suffix && !(pos_ + 1 < size_ && is_ident_char(src_[pos_ + 1]))) ++pos_;
  }
  return make(TokenKind::Number, b);
}

Token Lexer::lex_string(uint32_t b, uint32_t quote, uint8_t flags) {
  pos_ = quote + 1;
  while (pos_ < size_) {
    if (src_[pos_] == '\'') {
      if (pos_ + 1 < size_ && src_[pos_ + 1] == '\'') {
        pos_ += 2;
        continue;
      }
      ++pos_;
      return make(TokenKind::String, b, flags);
    }
    ++pos_;
  }
  return make(TokenKind::Error, b, flags);
}

Token Lexer::lex_qstring(uint32_t b, uint32_t quote, uint8_t flags) {
  uint32_t d = quote + 1;
  if (d >= size_ || is_space(src_[d])) {
    pos_ = d;
    return make(TokenKind::Error, b, flags);
  }
  char open = src_[d];
  char close = open == '[' ? ']' : open == '{' ? '}' : open == '<' ? '>' : open == '(' ? ')' : open;
  pos_ = d + 1;
  while (pos_ + 1 < size_ && !(src_[pos_] == close && src_[pos_ + 1] == '\'')) ++pos_;
  if (pos_ + 1 >= size_) {
    pos_ = size_;
    return make(TokenKind::Error, b, flags);
  }
  pos_ += 2;
  return make(TokenKind::String, b, flags);
}

const char* error_message(const Token& t) {
  if (t.kind != TokenKind::Error) return "";
  if (t.text.empty()) return "unexpected end of input";
  if (t.flags & kTokQQuote) return "unterminated q-quoted string literal";
  switch (t.text[0]) {
    case '\'': return "unterminated string literal";
    case '"': return "unterminated quoted identifier";
    case '/': return "unterminated comment";
    case 'n':
    case 'N': return "unterminated national string literal";
    default: return "character not valid in SQL";
  }
}

std::string string_value(const Token& t) {
  std::string_view s = t.text;
  if (t.flags & kTokNational) s.remove_prefix(1);
  if (t.flags & kTokQQuote) {
    // q'X ... X'  : drop q, quote, delimiter at both ends and the final quote.
    return s.size() >= 5 ? std::string(s.substr(3, s.size() - 5)) : std::string();
  }
  if (s.size() < 2) return {};
  s = s.substr(1, s.size() - 2);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    out.push_back(s[i]);
    if (s[i] == '\'' && i + 1 < s.size() && s[i + 1] == '\'') ++i;
  }
  return out;
}

std::vector<Token> tokenize(const SourceFile& file, bool keep_comments) {
  std::vector<Token> out;
  Lexer lex(file);
  for (;;) {
    Token t = lex.next();
    if (t.kind == TokenKind::End) break;
    if (!keep_comments && t.kind == TokenKind::Comment) continue;
    out.push_back(t);
  }
  return out;
}

}  // namespace orashift::sql
