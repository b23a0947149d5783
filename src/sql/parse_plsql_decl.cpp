// PL/SQL declarations, parameters, types, subprograms and conditional compilation.
#include "sql/parser_impl.h"

namespace orashift::sql {

namespace {

// Words that end a PL/SQL type as written: what may follow a type in a declaration, a parameter,
// a RETURN clause or a type attribute.
bool ends_type(const Token& t) {
  switch (t.kind) {
    case TokenKind::Semicolon:
    case TokenKind::Comma:
    case TokenKind::Assign:
    case TokenKind::End: return true;
    case TokenKind::Identifier: break;
    default: return false;
  }
  if (t.text.front() == '$') return true;  // $IF around options: RETURN varchar2 $IF .. RESULT_CACHE $END
  switch (t.kw) {
    case Kw::DEFAULT: case Kw::NOT: case Kw::INDEX: case Kw::IS: case Kw::AS: case Kw::USING: return true;
    default: break;
  }
  for (std::string_view w : {"RANGE", "DETERMINISTIC", "PIPELINED", "PARALLEL_ENABLE", "RESULT_CACHE", "AUTHID",
                             "AGGREGATE", "LANGUAGE", "EXTERNAL", "ACCESSIBLE", "SQL_MACRO", "SHARING", "DEFAULT",
                             "NULL"})
    if (word_is(t, w)) return true;
  return false;
}

}  // namespace

ast::PlType Parser::pl_type() {
  size_t start = pos_;
  ast::PlType t;
  if (ends_type(peek()) || peek().kind == TokenKind::RParen) fail(peek(), "a type");
  // A plain (possibly qualified) name, optionally with %TYPE / %ROWTYPE: kept typed.
  size_t k = 0;
  bool plain = peek().is_word();
  while (plain && peek(k + 1).kind == TokenKind::Dot) {
    if (!peek(k + 2).is_word()) plain = false;
    k += 2;
  }
  if (plain) {
    t.name = qualified_name("a type");
    if (peek().kind == TokenKind::Percent && peek(1).is_word()) {
      ++pos_;
      t.attribute = advance().text;
    }
  }
  // The rest (NUMBER(5), VARCHAR2(10 CHAR), TIMESTAMP WITH TIME ZONE, REF CURSOR, CHARACTER SET ..)
  skip_until([](const Token& x) { return ends_type(x); });
  t.span = span_from(start);
  if (t.span.end <= t.span.begin) fail(peek(), "a type");
  return t;
}

std::vector<ast::PlParam> Parser::pl_params() {
  expect(TokenKind::LParen, "'('");
  std::vector<ast::PlParam> out;
  do {
    ast::PlParam p;
    p.name = ident("a parameter name");
    size_t m = pos_;
    if (accept(Kw::IN)) accept_word("OUT");
    else accept_word("OUT");
    p.mode_span = span_from(m);
    p.mode = p.mode_span.text();
    p.nocopy = accept_word("NOCOPY");
    p.type = pl_type();
    if (accept(TokenKind::Assign)) {
      p.default_value = expr();
    } else if (accept(Kw::DEFAULT)) {
      p.default_keyword = true;
      p.default_value = expr();
    }
    out.push_back(std::move(p));
  } while (accept(TokenKind::Comma));
  expect(TokenKind::RParen, "',' or ')'");
  return out;
}

// PROCEDURE / FUNCTION, the cursor on that word. Type specs separate methods with commas, so
// there a spec ends at `,` or `)` instead of `;`.
void Parser::pl_subprogram(ast::PlSubprogram& s, bool in_type_spec) {
  size_t start = pos_;
  if (accept(Kw::FUNCTION)) s.is_function = true;
  else expect(Kw::PROCEDURE);
  s.name = qualified_name("a subprogram name");
  if (peek().kind == TokenKind::LParen) {
    s.has_params = true;
    s.params = pl_params();
  }
  if (s.is_function) {
    expect(Kw::RETURN);
    size_t r = pos_;
    if (word_is(peek(), "SELF") && peek(1).kw == Kw::AS && word_is(peek(2), "RESULT")) {
      pos_ += 3;
      s.return_self = span_from(r);
    } else {
      s.return_type = pl_type();
    }
  }
  // Options may sit inside $IF .. $END, whose condition can hold IS: skip those whole.
  size_t os = pos_;
  int cc_depth = 0;
  while (!at_end()) {
    const Token& x = peek();
    if (word_is(x, "$IF")) ++cc_depth;
    else if (word_is(x, "$END") && cc_depth > 0) --cc_depth;
    else if (cc_depth == 0 && (x.kw == Kw::IS || x.kw == Kw::AS || x.kind == TokenKind::Semicolon ||
                               x.kind == TokenKind::Comma || x.kind == TokenKind::RParen))
      break;
    if (x.kind == TokenKind::LParen) skip_group();
    else ++pos_;
  }
  s.options = span_from(os);
  if (peek().kw == Kw::IS || peek().kw == Kw::AS) {
    s.is_as = advance().text;
    if (word_is(peek(), "LANGUAGE") || word_is(peek(), "EXTERNAL")) {
      s.external = skip_until([](const Token& x) { return x.kind == TokenKind::Semicolon; });
      expect_semicolon();
    } else {
      s.body = std::make_unique<ast::PlBlock>();
      pl_block(*s.body, true);
    }
  } else if (!in_type_spec) {
    expect_semicolon();
  }
  s.span = span_from(start);
}

ast::PlCondComp Parser::pl_cond_comp() {
  size_t start = pos_;
  ast::PlCondComp cc;
  auto is_dir = [this](size_t k, std::string_view w) { return word_is(peek(k), w); };
  if (is_dir(0, "$ERROR")) {
    ++pos_;
    cc.error = true;
    cc.error_message = expr();
    if (!accept_word("$END")) fail(peek(), "$END");
    cc.span = span_from(start);
    return cc;
  }
  if (!accept_word("$IF")) fail(peek(), "$IF");
  ast::ExprPtr cond = expr();
  if (!accept_word("$THEN")) fail(peek(), "$THEN");
  for (;;) {
    size_t b = pos_;
    int depth = 0;
    while (!at_end()) {
      if (is_dir(0, "$IF")) ++depth;
      else if (is_dir(0, "$END")) {
        if (depth == 0) break;
        --depth;
      } else if (depth == 0 && (is_dir(0, "$ELSIF") || is_dir(0, "$ELSE"))) break;
      ++pos_;
    }
    cc.branches.push_back(ast::PlCondBranch{std::move(cond), span_between(b, pos_)});
    if (accept_word("$ELSIF")) {
      cond = expr();
      if (!accept_word("$THEN")) fail(peek(), "$THEN");
      continue;
    }
    if (accept_word("$ELSE")) {
      cond = nullptr;
      size_t e = pos_;
      int d = 0;
      while (!at_end()) {
        if (is_dir(0, "$IF")) ++d;
        else if (is_dir(0, "$END")) {
          if (d == 0) break;
          --d;
        }
        ++pos_;
      }
      cc.branches.push_back(ast::PlCondBranch{nullptr, span_between(e, pos_)});
    }
    if (!accept_word("$END")) fail(peek(), "$END");
    break;
  }
  cc.span = span_from(start);
  return cc;
}

void Parser::pl_decls(std::vector<ast::PlDeclPtr>& out, bool compound) {
  for (;;) {
    const Token& t = peek();
    if (at_end() || t.kw == Kw::BEGIN || t.kw == Kw::END) return;
    if (compound && (word_is(t, "BEFORE") || word_is(t, "AFTER") || word_is(t, "INSTEAD"))) return;
    out.push_back(pl_decl());
  }
}

ast::PlDeclPtr Parser::pl_decl() {
  DepthGuard guard(*this);
  size_t start = pos_;
  const Token& t = peek();
  ast::PlDeclPtr d;
  if (word_is(t, "$IF") || word_is(t, "$ERROR")) {
    auto c = node<ast::PlCondDecl>();
    c->cc = pl_cond_comp();
    d = std::move(c);
  } else if (word_is(t, "PRAGMA")) {
    ++pos_;
    auto p = node<ast::PlPragma>();
    p->name = ident("a pragma name");
    if (accept(TokenKind::LParen)) {
      p->has_args = true;
      do p->args.push_back(expr());
      while (accept(TokenKind::Comma));
      expect(TokenKind::RParen, "',' or ')'");
    }
    expect_semicolon();
    d = std::move(p);
  } else if (word_is(t, "CURSOR")) {
    ++pos_;
    auto c = node<ast::PlCursorDecl>();
    c->name = ident("a cursor name");
    if (peek().kind == TokenKind::LParen) {
      c->has_params = true;
      c->params = pl_params();
    }
    if (accept(Kw::RETURN)) c->return_type = pl_type();
    if (accept(Kw::IS)) c->query = query();
    expect_semicolon();
    d = std::move(c);
  } else if (t.kw == Kw::PROCEDURE || t.kw == Kw::FUNCTION) {
    auto s = node<ast::PlSubprogramDecl>();
    pl_subprogram(s->sub, false);
    d = std::move(s);
  } else if (word_is(t, "SUBTYPE")) {
    ++pos_;
    auto s = node<ast::PlSubtype>();
    s->name = ident("a subtype name");
    expect(Kw::IS);
    s->base = pl_type();
    s->constraint = skip_until([](const Token& x) { return x.kind == TokenKind::Semicolon; });
    expect_semicolon();
    d = std::move(s);
  } else if (t.kw == Kw::TYPE) {
    ++pos_;
    auto y = node<ast::PlTypeDecl>();
    y->name = ident("a type name");
    if (!accept(Kw::IS)) expect(Kw::AS);
    if (accept_word("RECORD")) {
      y->def = ast::PlTypeDefKind::Record;
      expect(TokenKind::LParen, "'('");
      do {
        ast::PlField f;
        f.name = ident("a field name");
        f.type = pl_type();
        if (accept(Kw::NOT)) {
          expect(Kw::NULL_);
          f.not_null = true;
        }
        if (accept(TokenKind::Assign)) f.default_value = expr();
        else if (accept(Kw::DEFAULT)) {
          f.default_keyword = true;
          f.default_value = expr();
        }
        y->fields.push_back(std::move(f));
      } while (accept(TokenKind::Comma));
      expect(TokenKind::RParen, "',' or ')'");
    } else if (accept(Kw::TABLE)) {
      y->def = ast::PlTypeDefKind::Table;
      expect(Kw::OF);
      y->element = pl_type();
      if (accept(Kw::NOT)) {
        expect(Kw::NULL_);
        y->element_not_null = true;
      }
      if (accept(Kw::INDEX)) {
        expect(Kw::BY);
        y->index_by = pl_type();
      }
    } else if (word_is(peek(), "VARRAY") || (peek().kw == Kw::VARYING && word_is(peek(1), "ARRAY"))) {
      size_t w = pos_;
      pos_ += peek().kw == Kw::VARYING ? 2 : 1;
      y->varray_word = span_from(w).text();
      y->def = ast::PlTypeDefKind::Varray;
      expect(TokenKind::LParen, "'('");
      y->limit = expr();
      expect(TokenKind::RParen, "')'");
      expect(Kw::OF);
      y->element = pl_type();
      if (accept(Kw::NOT)) {
        expect(Kw::NULL_);
        y->element_not_null = true;
      }
    } else if (word_is(peek(), "REF") && word_is(peek(1), "CURSOR")) {
      pos_ += 2;
      y->def = ast::PlTypeDefKind::RefCursor;
      if (accept(Kw::RETURN)) y->element = pl_type();
    } else {
      fail(peek(), "RECORD, TABLE, VARRAY or REF CURSOR");
    }
    expect_semicolon();
    d = std::move(y);
  } else {
    ast::Ident name = ident("a declaration");
    if (word_is(peek(), "EXCEPTION")) {
      ++pos_;
      auto e = node<ast::PlExceptionDecl>();
      e->name = name;
      expect_semicolon();
      d = std::move(e);
    } else {
      auto v = node<ast::PlVariable>();
      v->name = name;
      v->constant = accept_word("CONSTANT");
      v->type = pl_type();
      if (accept(Kw::NOT)) {
        expect(Kw::NULL_);
        v->not_null = true;
      }
      if (accept(TokenKind::Assign)) v->default_value = expr();
      else if (accept(Kw::DEFAULT)) {
        v->default_keyword = true;
        v->default_value = expr();
      }
      expect_semicolon();
      d = std::move(v);
    }
  }
  d->span = span_from(start);
  return d;
}

}  // namespace orashift::sql
