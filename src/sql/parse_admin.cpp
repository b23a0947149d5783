// GRANT / REVOKE and DROP (ast_admin.h).
#include <array>

#include "sql/ast_admin.h"
#include "sql/parser_impl.h"

namespace orashift::sql {

namespace {

// What DROP removes, as Oracle spells it; the longest phrase that matches is taken, so
// DROP MATERIALIZED VIEW LOG ON t and DROP TABLE log both read right.
constexpr std::array<std::array<std::string_view, 4>, 40> kDropKinds = {{
    {"MATERIALIZED", "VIEW", "LOG", "ON"}, {"SNAPSHOT", "LOG", "ON"}, {"MATERIALIZED", "VIEW"}, {"PACKAGE", "BODY"},
    {"TYPE", "BODY"}, {"DATABASE", "LINK"}, {"JAVA", "SOURCE"}, {"JAVA", "CLASS"}, {"JAVA", "RESOURCE"},
    {"ANALYTIC", "VIEW"}, {"ATTRIBUTE", "DIMENSION"}, {"AUDIT", "POLICY"}, {"MATERIALIZED", "ZONEMAP"},
    {"TABLE"}, {"VIEW"}, {"INDEX"}, {"SEQUENCE"}, {"SYNONYM"}, {"PACKAGE"}, {"PROCEDURE"}, {"FUNCTION"},
    {"TRIGGER"}, {"TYPE"}, {"USER"}, {"ROLE"}, {"DIRECTORY"}, {"DIMENSION"}, {"SNAPSHOT"}, {"CONTEXT"},
    {"TABLESPACE"}, {"DATABASE"}, {"LIBRARY"}, {"CLUSTER"}, {"EDITION"}, {"PROFILE"}, {"OPERATOR"},
    {"INDEXTYPE"}, {"OUTLINE"}, {"HIERARCHY"}, {"DOMAIN"},
}};

}  // namespace

ast::StatementPtr Parser::grant() {
  auto s = std::make_unique<ast::Grant>();
  if (accept(Kw::REVOKE)) s->revoke = true;
  else expect(Kw::GRANT);
  const char* to = s->revoke ? "FROM" : "TO";
  do {
    ast::Privilege p;
    while (peek().kind == TokenKind::Identifier && peek().kw != Kw::ON && !is_word(0, to)) p.words.push_back(advance().text);
    if (p.words.empty()) fail(peek(), "a privilege or role");
    if (peek().kind == TokenKind::LParen) p.columns = ident_list();
    s->privileges.push_back(std::move(p));
  } while (accept(TokenKind::Comma));
  if (accept(Kw::ON)) {
    // ON DIRECTORY d, ON JAVA SOURCE j, ON SQL TRANSLATION PROFILE p, ON USER u, …
    size_t kind_words = is_word(0, "DIRECTORY") || is_word(0, "EDITION") || is_word(0, "USER") ? 1
                        : is_word(0, "JAVA") || is_word(0, "MINING")                           ? 2
                        : is_word(0, "SQL") && is_word(1, "TRANSLATION")                       ? 3
                                                                                               : 0;
    if (kind_words && peek(kind_words).is_word())
      for (size_t i = 0; i < kind_words; ++i) s->object_kind.push_back(advance().text);
    s->object = qualified_name("the object of the privilege");
  }
  if (!accept_word(to)) fail(peek(), to);
  do s->grantees.push_back(ident("a user or role"));
  while (accept(TokenKind::Comma));
  // WITH GRANT / ADMIN / HIERARCHY / DELEGATE OPTION, IDENTIFIED BY …, CASCADE CONSTRAINTS, FORCE
  while (!at_end()) {
    if (!peek().is_word()) fail(peek(), "end of statement");
    s->options.push_back(advance().text);
  }
  return s;
}

ast::StatementPtr Parser::drop() {
  auto s = std::make_unique<ast::Drop>();
  expect(Kw::DROP);
  s->is_public = accept(Kw::PUBLIC);
  for (const auto& phrase : kDropKinds) {
    size_t n = 0;
    while (n < phrase.size() && !phrase[n].empty() && is_word(n, phrase[n])) ++n;
    if (n == 0 || (n < phrase.size() && !phrase[n].empty())) continue;  // not the whole phrase
    for (size_t i = 0; i < n; ++i) s->object_kind.push_back(advance().text);
    break;
  }
  if (s->object_kind.empty()) fail(peek(), "the kind of object to drop");
  if (is_word(0, "IF") && is_word(1, "EXISTS")) {
    pos_ += 2;
    s->if_exists = true;
  }
  s->name = qualified_name("the name of the object to drop");
  while (!at_end()) {
    if (!peek().is_word()) fail(peek(), "end of statement");
    s->options.push_back(advance().text);
  }
  return s;
}

ast::StatementPtr Parser::transaction() {
  auto s = std::make_unique<ast::Transaction>();
  const Token& verb = advance();  // COMMIT, ROLLBACK or SAVEPOINT (the statement's kind)
  s->verb = verb.text;
  if (verb.kw == Kw::SAVEPOINT) {
    s->savepoint = ident("a savepoint name");
    return s;
  }
  s->work = accept_word("WORK");
  if (verb.kw == Kw::ROLLBACK && accept(Kw::TO)) {
    s->to_savepoint_word = accept(Kw::SAVEPOINT);
    s->savepoint = ident("a savepoint name");
  } else if (verb.kw == Kw::COMMIT && accept(Kw::COMMENT)) {
    if (peek().kind != TokenKind::String) fail(peek(), "the comment's text");
    s->comment = advance().text;
  }
  return s;
}

ast::StatementPtr Parser::alter_session() {
  auto s = std::make_unique<ast::AlterSession>();
  expect(Kw::ALTER);
  if (!accept_word("SESSION")) fail(peek(), "SESSION");
  expect(Kw::SET);
  while (!at_end()) {
    ast::AlterSession::Parameter p;
    p.name = ident("a session parameter");
    expect(TokenKind::Eq, "'='");
    const Token& v = peek();
    if (v.kind != TokenKind::String && v.kind != TokenKind::Number && !v.is_word() && v.kind != TokenKind::Substitution)
      fail(v, "a parameter value");
    p.value = advance().text;
    s->parameters.push_back(p);
  }
  if (s->parameters.empty()) fail(peek(), "a session parameter");
  return s;
}

ast::StatementPtr Parser::truncate() {
  auto s = std::make_unique<ast::Truncate>();
  expect(Kw::TRUNCATE);
  if (!is_word(0, "TABLE") && !is_word(0, "CLUSTER")) fail(peek(), "TABLE or CLUSTER");
  s->object_kind = advance().text;
  s->name = qualified_name("the table to truncate");
  while (!at_end()) {
    if (!peek().is_word()) fail(peek(), "end of statement");
    s->options.push_back(advance().text);
  }
  return s;
}

ast::StatementPtr Parser::create_directory() {
  auto s = std::make_unique<ast::CreateDirectory>();
  expect(Kw::CREATE);
  if (accept(Kw::OR)) {
    expect(Kw::REPLACE);
    s->or_replace = true;
  }
  if (!accept_word("DIRECTORY")) fail(peek(), "DIRECTORY");
  s->name = ident("a directory name");
  expect(Kw::AS);
  if (peek().kind != TokenKind::String) fail(peek(), "the directory's path");
  s->path = advance().text;
  return s;
}

ast::StatementPtr Parser::user() {
  auto s = std::make_unique<ast::User>();
  s->alter = accept(Kw::ALTER);
  if (!s->alter) expect(Kw::CREATE);
  if (!accept_word("USER")) fail(peek(), "USER");
  s->name = ident("a user name");
  static constexpr std::array<std::string_view, 13> kClauseStarts = {
      "IDENTIFIED", "NO", "DEFAULT", "LOCAL", "TEMPORARY", "QUOTA", "PROFILE", "PASSWORD", "ACCOUNT", "ENABLE",
      "CONTAINER", "GRANT", "REVOKE"};
  auto starts_clause = [&](size_t k) {
    for (auto w : kClauseStarts)
      if (is_word(k, w)) return true;
    return false;
  };
  while (!at_end()) {
    if (!starts_clause(0)) fail(peek(), "a user clause (IDENTIFIED, DEFAULT, QUOTA, TEMPORARY, PROFILE, ...)");
    ast::User::Clause c;
    c.words.push_back(advance().text);
    // A clause runs to the next clause keyword. BY / AS take the next token whatever it is (a
    // password or name may be spelled like a keyword).
    while (!at_end() && !starts_clause(0)) {
      const Token& t = peek();
      if (!t.is_word() && t.kind != TokenKind::Number && t.kind != TokenKind::String &&
          t.kind != TokenKind::Substitution && t.kind != TokenKind::Eq && t.kind != TokenKind::Comma)
        fail(t, "a user clause");
      bool takes_value = t.is_word() && (is_word(0, "BY") || is_word(0, "AS"));
      c.words.push_back(advance().text);
      if (takes_value && !at_end()) c.words.push_back(advance().text);
    }
    s->clauses.push_back(std::move(c));
  }
  return s;
}

// A column or a parenthesised list of them (LEVEL … IS, JOIN KEY, DETERMINES).
std::vector<ast::QualifiedName> Parser::dimension_columns(bool& parenthesized) {
  std::vector<ast::QualifiedName> cols;
  parenthesized = accept(TokenKind::LParen);
  do cols.push_back(qualified_name("a column"));
  while (parenthesized && accept(TokenKind::Comma));
  if (parenthesized) expect(TokenKind::RParen, "',' or ')'");
  return cols;
}

ast::StatementPtr Parser::create_dimension() {
  auto s = std::make_unique<ast::CreateDimension>();
  expect(Kw::CREATE);
  if (accept(Kw::OR)) {
    expect(Kw::REPLACE);
    s->or_replace = true;
  }
  if (!accept_word("DIMENSION")) fail(peek(), "DIMENSION");
  s->name = qualified_name("a dimension name");
  while (!at_end()) {
    if (accept_word("LEVEL")) {
      ast::CreateDimension::Level l;
      l.name = ident("a level name");
      expect(Kw::IS);
      l.columns = dimension_columns(l.parenthesized);
      if (is_word(0, "SKIP")) {
        ++pos_;
        if (!accept_word("WHEN") || !accept(Kw::NULL_)) fail(peek(), "SKIP WHEN NULL");
        l.skip_when_null = true;
      }
      s->levels.push_back(std::move(l));
      s->order.push_back('L');
    } else if (accept_word("HIERARCHY")) {
      ast::CreateDimension::Hierarchy h;
      h.name = ident("a hierarchy name");
      expect(TokenKind::LParen, "'('");
      h.levels.push_back(ident("a level"));
      while (accept_word("CHILD")) {
        if (!accept_word("OF")) fail(peek(), "OF");
        h.levels.push_back(ident("a level"));
      }
      while (accept_word("JOIN")) {
        if (!accept_word("KEY")) fail(peek(), "KEY");
        ast::CreateDimension::JoinKey k;
        k.columns = dimension_columns(k.parenthesized);
        if (!accept_word("REFERENCES")) fail(peek(), "REFERENCES");
        k.level = ident("a level");
        h.join_keys.push_back(std::move(k));
      }
      expect(TokenKind::RParen, "')'");
      s->hierarchies.push_back(std::move(h));
      s->order.push_back('H');
    } else if (accept_word("ATTRIBUTE")) {
      ast::CreateDimension::Attribute a;
      a.level = ident("a level or attribute name");
      if (accept_word("LEVEL")) {
        a.name = a.level;
        a.level = ident("a level");
      }
      if (!accept_word("DETERMINES")) fail(peek(), "DETERMINES");
      a.columns = dimension_columns(a.parenthesized);
      s->attributes.push_back(std::move(a));
      s->order.push_back('A');
    } else {
      fail(peek(), "LEVEL, HIERARCHY or ATTRIBUTE");
    }
  }
  return s;
}

}  // namespace orashift::sql
