// PL/SQL units: anonymous blocks, CREATE PROCEDURE / FUNCTION / PACKAGE [BODY] / TRIGGER /
// TYPE [BODY]. A unit that does not parse fully stays an OtherStatement with the reason kept,
// as units were before they were modelled (typed_or_other).
#include "sql/parser.h"
#include "sql/parser_impl.h"

namespace orashift::sql {

ast::StatementPtr Parser::plsql_unit(const std::string& kind) {
  if (kind == "PL/SQL BLOCK") return anonymous_block();
  ast::UnitHeader h = unit_header();
  if (kind == "CREATE PROCEDURE" || kind == "CREATE FUNCTION") return create_subprogram(h);
  if (kind == "CREATE PACKAGE" || kind == "CREATE PACKAGE BODY") return create_package(h);
  if (kind == "CREATE TRIGGER") return create_trigger(h);
  if (kind == "CREATE TYPE") return create_type(h);
  return create_type_body(h);
}

ast::UnitHeader Parser::unit_header() {
  ast::UnitHeader h;
  expect(Kw::CREATE);
  if (accept(Kw::OR)) {
    expect(Kw::REPLACE);
    h.or_replace = true;
  }
  if (peek().kw == Kw::EDITIONABLE || peek().kw == Kw::NONEDITIONABLE) h.edition = advance().text;
  return h;
}

ast::StatementPtr Parser::anonymous_block() {
  auto b = node<ast::PlAnonymousBlock>();
  while (peek().kind == TokenKind::LLabel) {
    ++pos_;
    b->labels.push_back(ident("a label"));
    expect(TokenKind::RLabel, "'>>'");
  }
  b->block.declare_keyword = accept(Kw::DECLARE);
  if (!b->block.declare_keyword && peek().kw != Kw::BEGIN) fail(peek(), "DECLARE or BEGIN");
  pl_block(b->block, b->block.declare_keyword);
  return b;
}

ast::StatementPtr Parser::create_subprogram(ast::UnitHeader h) {
  auto s = node<ast::CreateSubprogram>();
  s->header = h;
  pl_subprogram(s->sub, false);
  if (s->sub.is_as.empty()) fail(peek(), "IS or AS");
  return s;
}

ast::StatementPtr Parser::create_package(ast::UnitHeader h) {
  auto p = node<ast::CreatePackage>();
  p->header = h;
  expect(Kw::PACKAGE);
  p->body = accept(Kw::BODY);
  p->name = qualified_name("a package name");
  p->options = skip_until([](const Token& x) { return x.kw == Kw::IS || x.kw == Kw::AS; });
  if (peek().kw != Kw::IS && peek().kw != Kw::AS) fail(peek(), "IS or AS");
  p->is_as = advance().text;
  pl_block(p->block, true);
  if (!p->body && p->block.has_begin) fail(peek(), "END (a package specification has no BEGIN)");
  return p;
}

ast::StatementPtr Parser::create_trigger(ast::UnitHeader h) {
  auto t = node<ast::CreateTrigger>();
  t->header = h;
  expect(Kw::TRIGGER);
  t->name = qualified_name("a trigger name");
  size_t ts = pos_;
  if (word_is(peek(), "INSTEAD")) {
    pos_ += 1;
    expect(Kw::OF);
  } else if (word_is(peek(), "BEFORE") || word_is(peek(), "AFTER") || peek().kw == Kw::FOR) {
    ++pos_;
  } else {
    fail(peek(), "BEFORE, AFTER, INSTEAD OF or FOR");
  }
  t->timing = span_from(ts);
  size_t es = pos_;
  while (!at_end()) {
    const Token& x = peek();
    if (x.kw == Kw::DECLARE || x.kw == Kw::BEGIN || x.kind == TokenKind::LLabel || x.kw == Kw::CALL ||
        (word_is(x, "COMPOUND") && peek(1).kw == Kw::TRIGGER))
      break;
    if (x.kw == Kw::ON && (word_is(peek(1), "DATABASE") || word_is(peek(1), "SCHEMA"))) t->system = true;
    if (x.kind == TokenKind::LParen) skip_group();
    else ++pos_;
  }
  t->event = span_from(es);
  if (t->event.end <= t->event.begin) fail(peek(), "the triggering event");
  if (word_is(peek(), "COMPOUND")) {
    pos_ += 2;
    t->compound = true;
    pl_decls(t->compound_decls, true);
    while (peek().kw != Kw::END) {
      ast::PlTimingPoint tp;
      size_t s = pos_;
      if (word_is(peek(), "INSTEAD")) {
        ++pos_;
        expect(Kw::OF);
      } else if (!accept_word("BEFORE") && !accept_word("AFTER")) {
        fail(peek(), "BEFORE, AFTER, INSTEAD OF or END");
      }
      if (!accept_word("STATEMENT")) {
        expect_end_word("EACH");
        expect(Kw::ROW);
      }
      tp.timing = span_from(s);
      expect(Kw::IS);
      // The section ends `END <timing point>;`: read the block by hand.
      size_t bs = pos_;
      pl_decls(tp.block.decls, false);
      expect(Kw::BEGIN);
      tp.block.body = pl_stmts();
      if (accept_word("EXCEPTION")) {
        tp.block.has_exception = true;
        tp.block.handlers = pl_handlers();
      }
      expect(Kw::END);
      size_t ws = pos_;
      while (!at_end() && peek().kind != TokenKind::Semicolon) ++pos_;
      {
        // Oracle requires the closing words to repeat the timing point (case aside).
        std::string a = compact_text(span_from(ws)), b = compact_text(tp.timing);
        for (char& c : a) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        for (char& c : b) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (a != b) fail(toks_[ws < toks_.size() ? ws : toks_.size() - 1], "END " + b);
      }
      expect_semicolon();
      tp.block.span = span_from(bs);
      t->timing_points.push_back(std::move(tp));
    }
    expect(Kw::END);
    t->compound_end_name = opt_end_label();
    expect_semicolon();
    return t;
  }
  if (accept(Kw::CALL)) {
    t->call = skip_until([](const Token& x) { return x.kind == TokenKind::Semicolon; });
    accept(TokenKind::Semicolon);
    return t;
  }
  while (peek().kind == TokenKind::LLabel) {
    ++pos_;
    t->labels.push_back(ident("a label"));
    expect(TokenKind::RLabel, "'>>'");
  }
  t->block = std::make_unique<ast::PlBlock>();
  t->block->declare_keyword = accept(Kw::DECLARE);
  pl_block(*t->block, t->block->declare_keyword);
  return t;
}

namespace {

// [NOT] OVERRIDING / FINAL / INSTANTIABLE, then MEMBER / STATIC / MAP MEMBER / ORDER MEMBER /
// CONSTRUCTOR: the words before PROCEDURE / FUNCTION of a type method.
bool method_word(const Token& t) {
  for (std::string_view w : {"OVERRIDING", "FINAL", "INSTANTIABLE", "MEMBER", "STATIC", "MAP", "ORDER", "CONSTRUCTOR"})
    if (word_is(t, w)) return true;
  return t.kw == Kw::NOT;
}

}  // namespace

ast::StatementPtr Parser::create_type(ast::UnitHeader h) {
  auto t = node<ast::CreateType>();
  t->header = h;
  expect(Kw::TYPE);
  t->name = qualified_name("a type name");
  t->pre = skip_until([](const Token& x) {
    return x.kw == Kw::IS || x.kw == Kw::AS || word_is(x, "UNDER") || x.kind == TokenKind::Semicolon;
  });
  auto elements = [&] {
    expect(TokenKind::LParen, "'('");
    do {
      if (word_is(peek(), "PRAGMA")) {
        size_t s = pos_;
        ++pos_;
        ident("a pragma name");
        if (peek().kind == TokenKind::LParen) skip_group();
        t->pragmas.push_back(span_from(s));
        continue;
      }
      if (method_word(peek()) && (method_word(peek(1)) || peek(1).kw == Kw::FUNCTION || peek(1).kw == Kw::PROCEDURE)) {
        size_t s = pos_;
        while (method_word(peek())) ++pos_;
        ast::PlSubprogram m;
        m.method_kind = span_from(s);
        m.constructor = word_is(toks_[pos_ - 1], "CONSTRUCTOR");
        pl_subprogram(m, true);
        t->methods.push_back(std::move(m));
        continue;
      }
      ast::TypeAttribute a;
      a.name = ident("an attribute or method");
      a.type = pl_type();
      t->attributes.push_back(std::move(a));
    } while (accept(TokenKind::Comma));
    expect(TokenKind::RParen, "',' or ')'");
  };
  if (accept_word("UNDER")) {
    t->def = ast::TypeDefKind::Under;
    t->supertype = qualified_name("a supertype");
    elements();
  } else if (peek().kw == Kw::IS || peek().kw == Kw::AS) {
    t->is_as = advance().text;
    if (accept_word("OBJECT")) {
      t->def = ast::TypeDefKind::Object;
      elements();
    } else if (word_is(peek(), "VARRAY") || (peek().kw == Kw::VARYING && word_is(peek(1), "ARRAY"))) {
      size_t w = pos_;
      pos_ += peek().kw == Kw::VARYING ? 2 : 1;
      t->varray_word = span_from(w).text();
      t->def = ast::TypeDefKind::Varray;
      expect(TokenKind::LParen, "'('");
      t->limit = expr();
      expect(TokenKind::RParen, "')'");
      expect(Kw::OF);
      t->element = pl_type();
    } else if (accept(Kw::TABLE)) {
      t->def = ast::TypeDefKind::Table;
      expect(Kw::OF);
      t->element = pl_type();
    } else {
      fail(peek(), "OBJECT, VARRAY or TABLE");
    }
    if (t->def != ast::TypeDefKind::Object && accept(Kw::NOT)) {
      expect(Kw::NULL_);
      t->element_not_null = true;
    }
  }
  t->post = skip_until([](const Token& x) { return x.kind == TokenKind::Semicolon; });
  accept(TokenKind::Semicolon);
  return t;
}

ast::StatementPtr Parser::create_type_body(ast::UnitHeader h) {
  auto t = node<ast::CreateTypeBody>();
  t->header = h;
  expect(Kw::TYPE);
  expect(Kw::BODY);
  t->name = qualified_name("a type name");
  if (peek().kw != Kw::IS && peek().kw != Kw::AS) fail(peek(), "IS or AS");
  t->is_as = advance().text;
  while (peek().kw != Kw::END) {
    if (at_end()) fail(peek(), "END");
    size_t s = pos_;
    while (method_word(peek())) ++pos_;
    ast::PlSubprogram m;
    m.method_kind = span_from(s);
    m.constructor = pos_ > s && word_is(toks_[pos_ - 1], "CONSTRUCTOR");
    pl_subprogram(m, false);
    t->methods.push_back(std::move(m));
  }
  expect(Kw::END);
  accept(TokenKind::Semicolon);
  return t;
}

}  // namespace orashift::sql
