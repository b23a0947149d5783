// CREATE VIEW (with its query parsed), CREATE SEQUENCE, CREATE SYNONYM.
#include "sql/parser_impl.h"

namespace orashift::sql {

ast::StatementPtr Parser::create_view() {
  auto v = std::make_unique<ast::CreateView>();
  expect(Kw::CREATE);
  if (accept(Kw::OR)) {
    expect(Kw::REPLACE);
    v->or_replace = true;
  }
  size_t f = pos_;
  if (accept(Kw::NO)) expect(Kw::FORCE);
  else if (!accept(Kw::FORCE)) accept_word("NOFORCE");
  v->force = span_from(f).text();
  size_t e = pos_;
  while (peek().kw == Kw::EDITIONABLE || peek().kw == Kw::NONEDITIONABLE || peek().kw == Kw::EDITIONING) ++pos_;
  v->edition = span_from(e).text();
  expect(Kw::VIEW);
  v->name = qualified_name("a view name");
  size_t o = pos_;
  if (is_word(0, "SHARING")) {
    pos_ += 3;  // SHARING = METADATA
  }
  if (peek().kind == TokenKind::LParen) {
    // (a, b, c), or with inline constraints / VISIBLE: names only are modelled.
    size_t c = pos_;
    ++pos_;
    bool names_only = true;
    std::vector<ast::Ident> cols;
    for (;;) {
      if (!peek().is_word() || at_constraint_start()) {
        names_only = false;
        break;
      }
      cols.push_back(ident());
      if (accept(TokenKind::Comma)) continue;
      if (!accept(TokenKind::RParen)) names_only = false;
      break;
    }
    if (names_only) {
      v->columns = std::move(cols);
    } else {
      pos_ = c;
      skip_group();
      v->column_text = span_from(c);
    }
    o = pos_;
  }
  while (!at_end() && peek().kw != Kw::AS) {
    if (peek().kind == TokenKind::LParen) {
      skip_group();
      continue;
    }
    ++pos_;
  }
  v->options = span_from(o);
  expect(Kw::AS);
  v->query = query();
  if (accept(Kw::WITH)) {
    size_t w = pos_;
    if (accept(Kw::READ)) {
      expect(Kw::ONLY);
    } else {
      expect(Kw::CHECK);
      expect(Kw::OPTION);
    }
    v->with_option = span_from(w).text();
    if (accept(Kw::CONSTRAINT)) v->constraint = ident("a constraint name");
  }
  return v;
}

ast::StatementPtr Parser::create_sequence() {
  auto s = std::make_unique<ast::CreateSequence>();
  expect(Kw::CREATE);
  expect(Kw::SEQUENCE);
  accept_if_not_exists();  // a new target has none of the sequences yet: the condition holds
  s->name = qualified_name("a sequence name");
  while (!at_end()) {
    size_t start = pos_;
    ast::SequenceOption opt;
    const Token& w = peek();
    if (!w.is_word()) fail(w, "a sequence option");
    if ((is_word(0, "INCREMENT") && peek(1).kw == Kw::BY) || (w.kw == Kw::START && peek(1).kw == Kw::WITH)) {
      pos_ += 2;
      opt.name = span_from(start).text();
      opt.value = expr(5);
    } else if (w.kw == Kw::MAXVALUE || is_word(0, "MINVALUE") || w.kw == Kw::CACHE) {
      ++pos_;
      opt.name = w.text;
      opt.value = expr(5);
    } else if (is_word(0, "SHARING") && peek(1).kind == TokenKind::Eq) {
      pos_ += 3;
      opt.name = span_from(start).text();
    } else if (is_word(0, "SCALE")) {
      ++pos_;
      if (!accept_word("EXTEND")) accept_word("NOEXTEND");
      opt.name = span_from(start).text();
    } else {
      ++pos_;  // NOCACHE, CYCLE, NOCYCLE, ORDER, NOORDER, KEEP, SESSION, GLOBAL, ...
      opt.name = w.text;
    }
    opt.span = span_from(start);
    s->options.push_back(std::move(opt));
  }
  return s;
}

ast::StatementPtr Parser::create_synonym() {
  auto s = std::make_unique<ast::CreateSynonym>();
  expect(Kw::CREATE);
  if (accept(Kw::OR)) {
    expect(Kw::REPLACE);
    s->or_replace = true;
  }
  size_t e = pos_;
  while (peek().kw == Kw::EDITIONABLE || peek().kw == Kw::NONEDITIONABLE) ++pos_;
  s->edition = span_from(e).text();
  if (peek().kind == TokenKind::Substitution) s->substituted_modifier = advance().text;
  s->is_public = accept(Kw::PUBLIC);
  expect(Kw::SYNONYM);
  s->name = qualified_name("a synonym name");
  expect(Kw::FOR);
  s->target = qualified_name("the synonym's object");
  return s;
}

}  // namespace orashift::sql
