#include "sql/parser.h"
#include "sql/parse_selected.h"

#include <cctype>

#include "sql/lexer.h"
#include "sql/parser_impl.h"

namespace orashift::sql {

namespace {

std::string upper(std::string_view s) { return ascii_upper(s); }

std::string describe(const Token& t) {
  if (t.kind == TokenKind::End) return "end of statement";
  std::string_view s = t.text.substr(0, 40);
  return "'" + std::string(s) + (t.text.size() > 40 ? "...'" : "'");
}

}  // namespace

namespace {

bool is_plsql_kind(const std::string& k) {
  return k == "PL/SQL BLOCK" || k == "CREATE PROCEDURE" || k == "CREATE FUNCTION" || k == "CREATE PACKAGE" ||
         k == "CREATE PACKAGE BODY" || k == "CREATE TRIGGER" || k == "CREATE TYPE" || k == "CREATE TYPE BODY";
}

}  // namespace

Parser::Parser(std::span<const Token> tokens, Span whole) : toks_(tokens), whole_(whole) {
  end_.kind = TokenKind::End;
  uint32_t e = tokens.empty() ? whole.end : tokens.back().span.end;
  end_.span = Span{whole.file, e, e};
}

bool Parser::is_word(size_t k, std::string_view up) const {
  const Token& t = peek(k);
  if (t.kind != TokenKind::Identifier || t.text.size() != up.size()) return false;
  for (size_t i = 0; i < up.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(t.text[i])) != up[i]) return false;
  return true;
}

bool Parser::accept_word(std::string_view up) {
  if (!is_word(0, up)) return false;
  ++pos_;
  return true;
}

void Parser::fail(const Token& at, std::string_view expected) const {
  if (at.kind == TokenKind::Error) throw ParseError{kLexicalError, error_message(at), at.span};
  throw ParseError{kSyntaxError, "expected " + std::string(expected) + ", found " + describe(at), at.span};
}

const Token& Parser::expect(Kw k) {
  if (peek().kw != k) fail(peek(), std::string(keyword_name(k)));
  return advance();
}

const Token& Parser::expect(TokenKind k, const char* what) {
  if (peek().kind != k) fail(peek(), what);
  return advance();
}

Span Parser::span_between(size_t start, size_t stop) const {
  if (stop <= start || start >= toks_.size()) {
    uint32_t at = start < toks_.size() ? toks_[start].span.begin : end_.span.begin;
    return Span{whole_.file, at, at};
  }
  return Span{whole_.file, toks_[start].span.begin, toks_[stop - 1].span.end};
}

Span Parser::span_from(size_t start) const { return span_between(start, pos_); }

void Parser::skip_group() {
  const Token& open = expect(TokenKind::LParen, "'('");
  int depth = 1;
  while (depth > 0) {
    const Token& t = peek();
    if (t.kind == TokenKind::End) fail(t, "')' to close the '(' at line " + std::to_string(open.span.line()));
    if (t.kind == TokenKind::LParen) ++depth;
    if (t.kind == TokenKind::RParen) --depth;
    ++pos_;
  }
}

ast::Ident Parser::ident(const char* what) {
  const Token& t = peek();
  if (!t.is_word() && t.kind != TokenKind::Substitution) fail(t, what);
  ++pos_;
  return ast::Ident{t.text, t.span};
}

ast::QualifiedName Parser::qualified_name(const char* what) {
  size_t start = pos_;
  ast::QualifiedName q;
  q.parts.push_back(ident(what));
  while (peek().kind == TokenKind::Dot) {
    ++pos_;
    q.parts.push_back(ident(what));
  }
  if (peek().kind == TokenKind::At) {  // @dblink: part of the name as written
    ++pos_;
    q.dblink.push_back(ident("database link name"));
    while (accept(TokenKind::Dot)) q.dblink.push_back(ident("database link name"));
  }
  q.span = span_from(start);
  return q;
}

std::vector<ast::Ident> Parser::ident_list() {
  expect(TokenKind::LParen, "'('");
  std::vector<ast::Ident> out;
  do out.push_back(ident("column name"));
  while (accept(TokenKind::Comma));
  expect(TokenKind::RParen, "',' or ')'");
  return out;
}

int Parser::integer(const char* what) {
  const Token& t = peek();
  if (t.kind != TokenKind::Number) fail(t, what);
  ++pos_;
  int v = 0;
  for (char c : t.text) {
    if (c < '0' || c > '9') fail(t, what);
    v = v * 10 + (c - '0');
    if (v > 100000000) fail(t, what);
  }
  return v;
}

ast::StatementPtr Parser::other(const std::string&) {
  auto s = std::make_unique<ast::OtherStatement>();
  pos_ = toks_.size();
  return s;
}

ast::StatementPtr Parser::statement(bool /*plsql*/) {
  // A lexical error anywhere in the statement is its one diagnostic.
  for (const Token& t : toks_)
    if (t.kind == TokenKind::Error) fail(t, "");
  std::string kind = statement_kind_name(toks_);
  if (kind.empty()) throw ParseError{kUnknownStatement, "expected a SQL statement, found " + describe(peek()), peek().span};
  ast::StatementPtr s;
  if (kind == "CREATE TABLE")
    s = create_table();
  else if (kind == "CREATE INDEX")
    s = create_index();
  else if (kind == "ALTER TABLE")
    s = alter_table();
  else if (kind == "COMMENT")
    s = comment_on();
  else if (kind == "SELECT" || kind == "INSERT" || kind == "UPDATE" || kind == "DELETE" || kind == "MERGE" ||
           kind == "CREATE VIEW" || kind == "CREATE SEQUENCE" || kind == "CREATE SYNONYM" || is_plsql_kind(kind) ||
           kind == "GRANT" || kind == "REVOKE" || kind.rfind("DROP ", 0) == 0 || kind == "COMMIT" ||
           kind == "ROLLBACK" || kind == "SAVEPOINT" || kind == "ALTER SESSION" || kind == "TRUNCATE" ||
           kind == "CREATE DIRECTORY" || kind == "CREATE USER" || kind == "ALTER USER" ||
           kind == "CREATE DIMENSION")
    s = typed_or_other(kind);
  else
    s = other(kind);
  if (!at_end()) fail(peek(), "end of statement");
  s->span = whole_;
  s->kind_name = std::move(kind);
  return s;
}

// Kinds modelled after the DDL the catalog reads: a statement of one of them that does not parse
// stays an OtherStatement, as before they were modelled, with the reason kept for reports.
ast::StatementPtr Parser::typed_or_other(const std::string& kind) {
  size_t start = pos_;
  try {
    ast::StatementPtr s;
    if (kind == "SELECT")
      s = select_statement();
    else if (kind == "INSERT")
      s = insert();
    else if (kind == "UPDATE")
      s = update();
    else if (kind == "DELETE")
      s = delete_statement();
    else if (kind == "MERGE")
      s = merge();
    else if (kind == "CREATE VIEW")
      s = create_view();
    else if (kind == "CREATE SEQUENCE")
      s = create_sequence();
    else if (is_plsql_kind(kind))
      s = plsql_unit(kind);
    else if (kind == "GRANT" || kind == "REVOKE")
      s = grant();
    else if (kind.rfind("DROP ", 0) == 0)
      s = drop();
    else if (kind == "COMMIT" || kind == "ROLLBACK" || kind == "SAVEPOINT")
      s = transaction();
    else if (kind == "ALTER SESSION")
      s = alter_session();
    else if (kind == "TRUNCATE")
      s = truncate();
    else if (kind == "CREATE DIRECTORY")
      s = create_directory();
    else if (kind == "CREATE USER" || kind == "ALTER USER")
      s = user();
    else if (kind == "CREATE DIMENSION")
      s = create_dimension();
    else
      s = create_synonym();
    if (!at_end()) fail(peek(), "end of statement");
    return s;
  } catch (const ParseError& e) {
    pos_ = start;
    auto o = std::make_unique<ast::OtherStatement>();
    o->unparsed = Diagnostic{Severity::Warning, e.code, e.message, e.span};
    pos_ = toks_.size();
    return o;
  }
}

// ---------------------------------------------------------------- classification

namespace {

bool is(const Token& t, std::string_view up) {
  if (t.kind != TokenKind::Identifier || t.text.size() != up.size()) return false;
  for (size_t i = 0; i < up.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(t.text[i])) != up[i]) return false;
  return true;
}

// Words between CREATE/ALTER/DROP and the object type that do not change what is created.
bool is_modifier(const Token& t) {
  // `create &action_type. synonym …` (utPLSQL): a substitution variable standing for a modifier
  // such as PUBLIC or OR REPLACE; the object word after it still gives the kind.
  if (t.kind == TokenKind::Substitution) return true;
  switch (t.kw) {
    case Kw::OR:
    case Kw::REPLACE:
    case Kw::EDITIONABLE:
    case Kw::NONEDITIONABLE:
    case Kw::EDITIONING:
    case Kw::FORCE:
    case Kw::NO:
    case Kw::PUBLIC:
    case Kw::GLOBAL:
    case Kw::TEMPORARY:
    case Kw::UNIQUE:
    case Kw::BITMAP:
    case Kw::AND: return true;
    default: break;
  }
  for (std::string_view w : {"NOFORCE", "PRIVATE", "SHARED", "SHARDED", "DUPLICATED", "IMMUTABLE", "BLOCKCHAIN",
                             "MULTIVALUE", "COMPILE", "RESOLVE", "NONSCHEMA", "SEARCH", "JSON"})
    if (is(t, w)) return true;
  return false;
}

}  // namespace

std::string statement_kind_name(std::span<const Token> t) {
  if (t.empty()) return {};
  const Token& f = t[0];
  if (f.kind == TokenKind::LLabel || f.kw == Kw::DECLARE || f.kw == Kw::BEGIN) return "PL/SQL BLOCK";
  if (f.kind == TokenKind::LParen) return "SELECT";
  if (f.kind != TokenKind::Identifier) return {};
  switch (f.kw) {
    case Kw::CREATE:
    case Kw::ALTER:
    case Kw::DROP: {
      std::string out = upper(f.text);
      size_t i = 1;
      while (i < t.size() && is_modifier(t[i])) ++i;
      if (i >= t.size() || t[i].kind != TokenKind::Identifier) return out;
      out += " " + upper(t[i].text);
      // Two-word object types.
      if (i + 1 < t.size()) {
        const Token& n = t[i + 1];
        bool two = ((t[i].kw == Kw::PACKAGE || t[i].kw == Kw::TYPE) && n.kw == Kw::BODY) ||
                   (t[i].kw == Kw::MATERIALIZED) || (is(t[i], "DATABASE") && is(n, "LINK")) ||
                   (t[i].kw == Kw::JAVA && n.kind == TokenKind::Identifier) || (is(t[i], "AUDIT") && is(n, "POLICY")) ||
                   (is(t[i], "PLUGGABLE") && is(n, "DATABASE"));
        if (two) out += " " + upper(n.text);
        if (t[i].kw == Kw::MATERIALIZED && i + 2 < t.size() && is(t[i + 2], "LOG")) out += " LOG";
      }
      return out;
    }
    case Kw::COMMENT: return "COMMENT";
    case Kw::SELECT:
    case Kw::WITH: return "SELECT";
    case Kw::INSERT: return "INSERT";
    case Kw::UPDATE: return "UPDATE";
    case Kw::DELETE: return "DELETE";
    case Kw::MERGE: return "MERGE";
    case Kw::GRANT: return "GRANT";
    case Kw::REVOKE: return "REVOKE";
    case Kw::TRUNCATE: return "TRUNCATE";
    case Kw::COMMIT: return "COMMIT";
    case Kw::ROLLBACK: return "ROLLBACK";
    case Kw::SAVEPOINT: return "SAVEPOINT";
    case Kw::LOCK: return "LOCK TABLE";
    case Kw::EXPLAIN: return "EXPLAIN PLAN";
    case Kw::CALL: return "CALL";
    case Kw::ANALYZE: return "ANALYZE";
    case Kw::AUDIT: return "AUDIT";
    case Kw::NOAUDIT: return "NOAUDIT";
    case Kw::RENAME: return "RENAME";
    case Kw::FLASHBACK: return "FLASHBACK";
    case Kw::PURGE: return "PURGE";
    case Kw::SET: return t.size() > 1 ? "SET " + upper(t[1].text) : std::string();
    default: break;
  }
  for (std::string_view w : {"ASSOCIATE", "DISASSOCIATE", "ADMINISTER"})
    if (is(f, w)) return std::string(w);
  return {};
}

// ---------------------------------------------------------------- entry points

ast::StatementPtr parse_tokens(std::span<const Token> tokens, bool plsql, Span whole, Diagnostics& diags) {
  Parser p(tokens, whole);
  try {
    return p.statement(plsql);
  } catch (const ParseError& e) {
    diags.add(Diagnostic{Severity::Error, e.code, e.message, e.span});
    auto bad = std::make_unique<ast::InvalidStatement>();
    bad->span = whole;
    bad->kind_name = statement_kind_name(tokens);
    return bad;
  }
}

std::optional<ast::DataType> parse_data_type(std::span<const Token> tokens, Span whole) {
  Parser p(tokens, whole);
  try {
    ast::DataType d = p.data_type();
    if (!p.finished()) return std::nullopt;
    return d;
  } catch (const ParseError&) {
    return std::nullopt;
  }
}

ast::StatementPtr parse_statement(const Script& script, const ScriptStatement& st, Diagnostics& diags) {
  return parse_tokens(script.tokens_of(st), st.plsql, st.span, diags);
}

ParsedScript parse_script(const SourceFile& file, Diagnostics& diags) {
  return parse_selected(file, diags, [](std::span<const Token>) { return true; });
}

ParsedScript parse_selected(const SourceFile& file, Diagnostics& diags, bool (*wanted)(std::span<const Token>)) {
  ParsedScript out;
  out.script = split_script(file);
  out.statements.reserve(out.script.statements.size());
  for (const auto& st : out.script.statements) {
    out.statements.push_back(wanted(out.script.tokens_of(st)) ? parse_statement(out.script, st, diags) : nullptr);
    if (st.ended_at_end) {
      size_t at = st.first_token + st.token_count - 1;  // at the unit's END (its `;` and name follow)
      while (at > st.first_token && out.script.tokens[at].kw != Kw::END) --at;
      const Token& last = out.script.tokens[at];
      diags.warning(kUnitNotClosed,
                    "PL/SQL unit not closed by '/' before the next statement: ended at its END here, and the "
                    "statement on the next line read on its own (SQL*Plus needs the '/')",
                    last.span);
    }
  }
  return out;
}

std::string compact_text(Span span) {
  std::string out;
  if (!span.file || span.end <= span.begin) return out;
  Lexer lex(*span.file, span.begin);
  uint32_t prev_end = span.begin;
  for (;;) {
    Token t = lex.next();
    if (t.kind == TokenKind::End || t.span.begin >= span.end) break;
    if (t.kind == TokenKind::Comment) continue;
    if (!out.empty() && t.span.begin > prev_end) out.push_back(' ');
    uint32_t e = std::min(t.span.end, span.end);
    out.append(span.file->text(), t.span.begin, e - t.span.begin);
    prev_end = t.span.end;
  }
  return out;
}

}  // namespace orashift::sql
