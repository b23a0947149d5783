// PL/SQL statements and blocks. Embedded SQL is parsed by the SQL rules on the tokens up to its
// `;`, in a parser of its own, so no SQL rule can read past the end of its statement.
#include "sql/parser_impl.h"

namespace orashift::sql {

size_t Parser::find_semicolon() const {
  size_t i = pos_;
  int depth = 0;
  for (; i < toks_.size(); ++i) {
    const Token& t = toks_[i];
    if (t.kind == TokenKind::LParen) ++depth;
    else if (t.kind == TokenKind::RParen) --depth;
    else if (t.kind == TokenKind::Semicolon && depth <= 0) break;
  }
  return i;
}

void Parser::expect_semicolon() { expect(TokenKind::Semicolon, "';'"); }

void Parser::expect_end_word(std::string_view w) {
  if (!accept_word(w)) fail(peek(), std::string(w));
}

std::optional<ast::Ident> Parser::opt_end_label() {
  if (peek().is_word()) return ident();
  return std::nullopt;
}

bool Parser::at_stmts_end() const {
  const Token& t = peek();
  if (at_end()) return true;
  switch (t.kw) {
    case Kw::END: case Kw::ELSIF: case Kw::ELSE: case Kw::WHEN: return true;
    default: break;
  }
  // EXCEPTION starts the handlers unless it is assigned to or called (a variable named so is invalid anyway)
  return word_is(t, "EXCEPTION") || word_is(t, "$ELSIF") || word_is(t, "$ELSE") || word_is(t, "$END");
}

std::vector<ast::PlStmtPtr> Parser::pl_stmts() {
  std::vector<ast::PlStmtPtr> out;
  while (!at_stmts_end()) out.push_back(pl_stmt());
  return out;
}

// [decls] BEGIN stmts [EXCEPTION handlers] END [name] ;  -- with decls_first, the cursor is
// after DECLARE/IS/AS; otherwise on BEGIN.
void Parser::pl_block(ast::PlBlock& b, bool decls_first) {
  size_t start = pos_;
  if (decls_first) pl_decls(b.decls, false);
  b.has_begin = accept(Kw::BEGIN);
  if (b.has_begin) {
    b.body = pl_stmts();
    if (accept_word("EXCEPTION")) {
      b.has_exception = true;
      b.handlers = pl_handlers();
    }
  }
  expect(Kw::END);
  b.end_name = opt_end_label();
  expect_semicolon();
  b.span = span_from(start);
}

std::vector<ast::PlHandler> Parser::pl_handlers() {
  std::vector<ast::PlHandler> out;
  while (accept(Kw::WHEN)) {
    ast::PlHandler h;
    do h.exceptions.push_back(qualified_name("an exception name"));
    while (accept(Kw::OR));
    expect(Kw::THEN);
    h.body = pl_stmts();
    out.push_back(std::move(h));
  }
  return out;
}

ast::PlStmtPtr Parser::pl_stmt() {
  DepthGuard guard(*this);
  size_t start = pos_;
  std::vector<ast::Ident> labels;
  while (peek().kind == TokenKind::LLabel) {
    ++pos_;
    labels.push_back(ident("a label"));
    expect(TokenKind::RLabel, "'>>'");
  }
  ast::PlStmtPtr s = pl_stmt_unlabelled();
  s->labels = std::move(labels);
  s->span = span_from(start);
  return s;
}

ast::PlStmtPtr Parser::pl_sql_stmt() {
  size_t semi = find_semicolon();
  Parser sub(toks_.subspan(pos_, semi - pos_), span_between(pos_, semi));
  sub.depth_ = depth_;
  auto s = node<ast::PlSql>();
  const Token& t = peek();
  if (t.kw == Kw::SELECT || t.kw == Kw::WITH || t.kind == TokenKind::LParen) s->statement = sub.select_statement();
  else if (t.kw == Kw::INSERT) s->statement = sub.insert();
  else if (t.kw == Kw::UPDATE) s->statement = sub.update();
  else if (t.kw == Kw::DELETE) s->statement = sub.delete_statement();
  else s->statement = sub.merge();
  if (!sub.at_end()) sub.fail(sub.peek(), "';'");
  s->statement->span = span_between(pos_, semi);
  pos_ = semi;
  expect_semicolon();
  return s;
}

std::vector<ast::ExprPtr> Parser::pl_into_list() {
  std::vector<ast::ExprPtr> out;
  do out.push_back(expr());
  while (accept(TokenKind::Comma));
  return out;
}

std::vector<ast::CallArg> Parser::pl_using() {
  std::vector<ast::CallArg> out;
  do {
    ast::CallArg a;
    size_t m = pos_;
    if (accept(Kw::IN)) accept_word("OUT");
    else accept_word("OUT");
    a.name = span_from(m).text();
    a.value = expr();
    out.push_back(std::move(a));
  } while (accept(TokenKind::Comma));
  return out;
}

ast::PlStmtPtr Parser::pl_stmt_unlabelled() {
  const Token& t = peek();
  if (t.kw == Kw::DECLARE || t.kw == Kw::BEGIN) {
    auto b = node<ast::PlBlockStmt>();
    b->block = std::make_unique<ast::PlBlock>();
    b->block->declare_keyword = accept(Kw::DECLARE);
    pl_block(*b->block, b->block->declare_keyword);
    return b;
  }
  if (word_is(t, "$IF") || word_is(t, "$ERROR")) {
    auto c = node<ast::PlCondStmt>();
    c->cc = pl_cond_comp();
    return c;
  }
  if (word_is(t, "PRAGMA") && peek(1).is_word()) {
    ++pos_;
    auto p = node<ast::PlPragmaStmt>();
    p->name = ident("a pragma name");
    if (accept(TokenKind::LParen)) {
      p->has_args = true;
      do p->args.push_back(expr());
      while (accept(TokenKind::Comma));
      expect(TokenKind::RParen, "',' or ')'");
    }
    expect_semicolon();
    return p;
  }
  if (t.kw == Kw::NULL_ && peek(1).kind == TokenKind::Semicolon) {
    pos_ += 2;
    return node<ast::PlNull>();
  }
  if (word_is(t, "IF")) return pl_if();
  if (t.kw == Kw::CASE) return pl_case();
  if (word_is(t, "LOOP") || word_is(t, "WHILE") || t.kw == Kw::FOR) return pl_loop(node<ast::PlLoop>());
  if (t.kw == Kw::EXIT || word_is(t, "CONTINUE")) {
    auto e = node<ast::PlExit>();
    e->is_continue = t.kw != Kw::EXIT;
    ++pos_;
    if (peek().is_word() && peek().kw != Kw::WHEN) e->label = ident();
    if (accept(Kw::WHEN)) e->when = expr();
    expect_semicolon();
    return e;
  }
  if (word_is(t, "GOTO")) {
    ++pos_;
    auto g = node<ast::PlGoto>();
    g->label = ident("a label");
    expect_semicolon();
    return g;
  }
  if (word_is(t, "RAISE")) {
    ++pos_;
    auto r = node<ast::PlRaise>();
    if (peek().kind != TokenKind::Semicolon) r->exception = expr();
    expect_semicolon();
    return r;
  }
  if (t.kw == Kw::RETURN) {
    ++pos_;
    auto r = node<ast::PlReturn>();
    if (peek().kind != TokenKind::Semicolon) r->value = expr();
    expect_semicolon();
    return r;
  }
  if (t.kw == Kw::SELECT || t.kw == Kw::WITH || t.kw == Kw::INSERT || t.kw == Kw::UPDATE || t.kw == Kw::DELETE ||
      t.kw == Kw::MERGE || (t.kind == TokenKind::LParen && at_query_in_parens()))
    return pl_sql_stmt();
  if (word_is(t, "FORALL")) return pl_forall();
  if (word_is(t, "OPEN")) return pl_open();
  if (t.kw == Kw::FETCH) return pl_fetch();
  if (word_is(t, "CLOSE")) {
    ++pos_;
    auto c = node<ast::PlClose>();
    c->cursor = expr();
    expect_semicolon();
    return c;
  }
  if (t.kw == Kw::EXECUTE && peek(1).kw == Kw::IMMEDIATE) return pl_exec_immediate();
  if (word_is(t, "PIPE") && peek(1).kw == Kw::ROW) {
    pos_ += 2;
    auto p = node<ast::PlPipeRow>();
    expect(TokenKind::LParen, "'('");
    p->row = expr();
    expect(TokenKind::RParen, "')'");
    expect_semicolon();
    return p;
  }
  if ((t.kw == Kw::COMMIT || t.kw == Kw::ROLLBACK || t.kw == Kw::SAVEPOINT || t.kw == Kw::LOCK ||
       (t.kw == Kw::SET && peek(1).kw == Kw::TRANSACTION)) &&
      peek(1).kind != TokenKind::Assign && peek(1).kind != TokenKind::LParen) {
    auto x = node<ast::PlTransaction>();
    x->verb = advance().text;
    size_t r = pos_;
    pos_ = find_semicolon();
    x->rest = span_from(r);
    expect_semicolon();
    return x;
  }
  // assignment or procedure call
  size_t start = pos_;
  ast::ExprPtr lhs = expr(5);  // above comparison: `a := b` must not read `a` as a condition
  if (accept(TokenKind::Assign)) {
    auto a = node<ast::PlAssign>();
    a->target = std::move(lhs);
    a->value = expr();
    expect_semicolon();
    return a;
  }
  if (lhs->kind != ast::ExprKind::Name && lhs->kind != ast::ExprKind::Call && lhs->kind != ast::ExprKind::Postfix) {
    pos_ = start;
    fail(peek(), "a PL/SQL statement");
  }
  auto c = node<ast::PlCall>();
  c->call = std::move(lhs);
  expect_semicolon();
  return c;
}

ast::PlStmtPtr Parser::pl_if() {
  auto s = node<ast::PlIf>();
  expect_end_word("IF");
  do {
    ast::PlIf::Branch b;
    b.condition = expr();
    expect(Kw::THEN);
    b.body = pl_stmts();
    s->branches.push_back(std::move(b));
  } while (accept(Kw::ELSIF));
  if (accept(Kw::ELSE)) {
    s->has_else = true;
    s->else_body = pl_stmts();
  }
  expect(Kw::END);
  expect_end_word("IF");
  expect_semicolon();
  return s;
}

ast::PlStmtPtr Parser::pl_case() {
  auto s = node<ast::PlCase>();
  expect(Kw::CASE);
  if (peek().kw != Kw::WHEN) s->selector = expr();
  while (accept(Kw::WHEN)) {
    ast::PlIf::Branch b;
    b.condition = expr();
    expect(Kw::THEN);
    b.body = pl_stmts();
    s->whens.push_back(std::move(b));
  }
  if (s->whens.empty()) fail(peek(), "WHEN");
  if (accept(Kw::ELSE)) {
    s->has_else = true;
    s->else_body = pl_stmts();
  }
  expect(Kw::END);
  expect(Kw::CASE);
  s->end_label = opt_end_label();
  expect_semicolon();
  return s;
}

ast::PlStmtPtr Parser::pl_loop(std::unique_ptr<ast::PlLoop> l) {
  if (accept_word("WHILE")) {
    l->loop = ast::PlLoopKind::While;
    l->condition = expr();
  } else if (accept(Kw::FOR)) {
    l->index = ident("a loop index");
    expect(Kw::IN);
    l->reverse = accept_word("REVERSE");
    // FOR r IN (SELECT ..), FOR r IN c [(args)], FOR i IN a..b
    if (peek().kind == TokenKind::LParen && at_query_in_parens()) {
      // The parentheses belong to the FOR syntax: the SubqueryExpr prints them back.
      l->loop = ast::PlLoopKind::ForCursor;
      size_t qs = pos_;
      ++pos_;
      auto sq = std::make_unique<ast::SubqueryExpr>();
      sq->query = query();
      expect(TokenKind::RParen, "')'");
      sq->span = span_from(qs);
      l->cursor = std::move(sq);
    } else {
      ast::ExprPtr first = expr();
      if (accept(TokenKind::DotDot)) {
        l->loop = ast::PlLoopKind::ForRange;
        l->low = std::move(first);
        l->high = expr();
      } else {
        l->loop = ast::PlLoopKind::ForCursor;
        l->cursor = std::move(first);
      }
    }
  }
  expect_end_word("LOOP");
  l->body = pl_stmts();
  expect(Kw::END);
  expect_end_word("LOOP");
  l->end_label = opt_end_label();
  expect_semicolon();
  return l;
}

ast::PlStmtPtr Parser::pl_forall() {
  auto f = node<ast::PlForall>();
  expect_end_word("FORALL");
  f->index = ident("a FORALL index");
  expect(Kw::IN);
  if (accept_word("INDICES")) {
    f->bounds_kind = "INDICES";
    expect(Kw::OF);
    f->collection = expr(5);
    if (accept(Kw::BETWEEN)) {
      f->low = expr(5);
      expect(Kw::AND);
      f->high = expr(5);
    }
  } else if (accept(Kw::VALUES)) {
    f->bounds_kind = "VALUES";
    expect(Kw::OF);
    f->collection = expr(5);
  } else {
    f->low = expr();
    expect(TokenKind::DotDot, "'..'");
    f->high = expr();
  }
  if (accept_word("SAVE")) {
    if (!accept(Kw::EXCEPTIONS)) fail(peek(), "EXCEPTIONS");
    f->save_exceptions = true;
  }
  if (peek().kw == Kw::EXECUTE) f->body = pl_exec_immediate();
  else f->body = pl_sql_stmt();
  return f;
}

ast::PlStmtPtr Parser::pl_open() {
  auto o = node<ast::PlOpen>();
  expect_end_word("OPEN");
  o->cursor = expr(5);
  if (accept(Kw::FOR)) {
    o->has_for = true;
    if (at_query_start() || (peek().kind == TokenKind::LParen && at_query_in_parens())) {
      size_t semi = find_semicolon();
      Parser sub(toks_.subspan(pos_, semi - pos_), span_between(pos_, semi));
      sub.depth_ = depth_;
      o->query = sub.query();
      if (!sub.at_end()) sub.fail(sub.peek(), "';'");
      pos_ = semi;
    } else {
      o->dynamic = expr();
      if (accept(Kw::USING)) o->using_args = pl_using();
    }
  }
  expect_semicolon();
  return o;
}

ast::PlStmtPtr Parser::pl_fetch() {
  auto f = node<ast::PlFetch>();
  expect(Kw::FETCH);
  f->cursor = expr(5);
  if (accept(Kw::BULK)) {
    expect(Kw::COLLECT);
    f->bulk_collect = true;
  }
  expect(Kw::INTO);
  f->into = pl_into_list();
  if (accept_word("LIMIT")) f->limit = expr();
  expect_semicolon();
  return f;
}

ast::PlStmtPtr Parser::pl_exec_immediate() {
  auto x = node<ast::PlExecImmediate>();
  expect(Kw::EXECUTE);
  expect(Kw::IMMEDIATE);
  x->text = expr();
  if (accept(Kw::BULK)) {
    expect(Kw::COLLECT);
    x->bulk_collect = true;
    expect(Kw::INTO);
    x->into = pl_into_list();
  } else if (accept(Kw::INTO)) {
    x->into = pl_into_list();
  }
  if (accept(Kw::USING)) x->using_args = pl_using();
  if (peek().kw == Kw::RETURN || peek().kw == Kw::RETURNING) {
    x->returning_keyword = advance().text;
    expect(Kw::INTO);
    x->returning_into = pl_into_list();
  }
  expect_semicolon();
  return x;
}

}  // namespace orashift::sql
