// DML: SELECT as a statement, INSERT (single and multi-table), UPDATE, DELETE, MERGE.
#include "sql/parser_impl.h"

namespace orashift::sql {

std::string_view Parser::hint() { return peek().kind == TokenKind::Hint ? advance().text : std::string_view(); }

ast::StatementPtr Parser::select_statement() {
  auto s = std::make_unique<ast::SelectStmt>();
  s->query = query();
  return s;
}

ast::TableRefPtr Parser::dml_target() { return table_primary(); }

namespace {

// VALUES (DEFAULT, ..) and SET c = DEFAULT: DEFAULT is a reserved word, not an expression.
bool at_default_value(const Token& t, const Token& next) {
  return t.kw == Kw::DEFAULT && (next.kind == TokenKind::Comma || next.kind == TokenKind::RParen ||
                                 next.kind == TokenKind::End || next.kw == Kw::WHERE);
}

}  // namespace

ast::ExprPtr Parser::value_expr() {
  if (at_default_value(peek(), peek(1))) {
    auto n = std::make_unique<ast::NameExpr>();
    const Token& t = advance();
    n->parts.push_back(ast::Ident{t.text, t.span});
    n->span = t.span;
    return n;
  }
  return expr();
}

// Column lists of INSERT may qualify their columns (t.a); the qualified text is kept as one name.
std::vector<ast::Ident> Parser::column_list() {
  expect(TokenKind::LParen, "'('");
  std::vector<ast::Ident> out;
  do {
    ast::Ident first = ident("a column name");
    while (accept(TokenKind::Dot)) {
      ast::Ident next = ident("a column name");
      first.span.end = next.span.end;
      first.text = first.span.text();
    }
    out.push_back(first);
  } while (accept(TokenKind::Comma));
  expect(TokenKind::RParen, "',' or ')'");
  return out;
}

void Parser::insert_target(ast::InsertTarget& t, bool multi) {
  size_t start = pos_;
  expect(Kw::INTO);
  t.table = dml_target();
  if (peek().kind == TokenKind::LParen && !(peek(1).kw == Kw::SELECT || peek(1).kw == Kw::WITH) &&
      !at_query_in_parens())
    t.columns = column_list();
  if (accept(Kw::VALUES)) {
    t.has_values = true;
    if (peek().kind == TokenKind::LParen) {
      size_t row_start = pos_;
      ++pos_;
      do t.values.push_back(value_expr());
      while (accept(TokenKind::Comma));
      expect(TokenKind::RParen, "',' or ')' in VALUES");
      // Oracle 23ai: several rows, VALUES (1, 'a'), (2, 'b').
      if (!multi && peek().kind == TokenKind::Comma && peek(1).kind == TokenKind::LParen) {
        t.row_spans.push_back(span_from(row_start));
        while (accept(TokenKind::Comma)) {
          row_start = pos_;
          expect(TokenKind::LParen, "'(' of a VALUES row");
          auto& row = t.more_rows.emplace_back();
          do row.push_back(value_expr());
          while (accept(TokenKind::Comma));
          expect(TokenKind::RParen, "',' or ')' in VALUES");
          t.row_spans.push_back(span_from(row_start));
        }
      }
    } else {
      t.values_parens = false;  // PL/SQL: VALUES record
      t.values.push_back(expr());
    }
  } else if (!multi && !at_query_start() && peek().kind != TokenKind::LParen) {
    fail(peek(), "VALUES or a subquery");
  }
  t.span = span_from(start);
}

ast::StatementPtr Parser::insert() {
  auto ins = std::make_unique<ast::Insert>();
  expect(Kw::INSERT);
  ins->hint = hint();
  if (peek().kw == Kw::ALL || peek().kw == Kw::FIRST) {
    ins->multi = advance().text;
    if (peek().kw == Kw::WHEN) {
      ins->conditional = true;
      while (accept(Kw::WHEN)) {
        ast::InsertWhen w;
        w.condition = expr();
        expect(Kw::THEN);
        do {
          w.targets.emplace_back();
          insert_target(w.targets.back(), true);
        } while (peek().kw == Kw::INTO);
        ins->whens.push_back(std::move(w));
      }
      if (accept(Kw::ELSE)) {
        ast::InsertWhen w;
        do {
          w.targets.emplace_back();
          insert_target(w.targets.back(), true);
        } while (peek().kw == Kw::INTO);
        ins->whens.push_back(std::move(w));
      }
    } else {
      ast::InsertWhen w;
      do {
        w.targets.emplace_back();
        insert_target(w.targets.back(), true);
      } while (peek().kw == Kw::INTO);
      ins->whens.push_back(std::move(w));
    }
    ins->query = query();
    return ins;
  }
  insert_target(ins->single, false);
  if (!ins->single.has_values) ins->query = query();
  ins->returning = returning_clause();
  ins->error_logging = error_logging();
  return ins;
}

std::vector<ast::SetClause> Parser::set_clauses() {
  expect(Kw::SET);
  std::vector<ast::SetClause> out;
  do {
    ast::SetClause c;
    if (accept(TokenKind::LParen)) {
      c.row_form = true;
      do c.columns.push_back(name_or_call());
      while (accept(TokenKind::Comma));
      expect(TokenKind::RParen, "',' or ')'");
    } else {
      c.columns.push_back(name_or_call());
    }
    expect(TokenKind::Eq, "'='");
    c.value = value_expr();
    out.push_back(std::move(c));
  } while (accept(TokenKind::Comma));
  return out;
}

ast::StatementPtr Parser::update() {
  auto u = std::make_unique<ast::Update>();
  expect(Kw::UPDATE);
  u->hint = hint();
  u->target = dml_target();
  u->sets = set_clauses();
  if (accept(Kw::WHERE)) u->where = expr();
  u->returning = returning_clause();
  u->error_logging = error_logging();
  return u;
}

ast::StatementPtr Parser::delete_statement() {
  auto d = std::make_unique<ast::Delete>();
  expect(Kw::DELETE);
  d->hint = hint();
  d->from_keyword = accept(Kw::FROM);
  d->target = dml_target();
  if (accept(Kw::WHERE)) d->where = expr();
  d->returning = returning_clause();
  d->error_logging = error_logging();
  return d;
}

ast::StatementPtr Parser::merge() {
  auto m = std::make_unique<ast::Merge>();
  expect(Kw::MERGE);
  m->hint = hint();
  expect(Kw::INTO);
  m->target = dml_target();
  expect(Kw::USING);
  m->source = dml_target();
  expect(Kw::ON);
  m->on = expr();
  while (accept(Kw::WHEN)) {
    bool not_matched = accept(Kw::NOT);
    expect(Kw::MATCHED);
    expect(Kw::THEN);
    if (!not_matched) {
      if (m->matched) fail(peek(), "WHEN NOT MATCHED");
      if (!m->not_matched) m->matched_first = true;
      expect(Kw::UPDATE);
      ast::MergeMatched mm;
      mm.sets = set_clauses();
      if (accept(Kw::WHERE)) mm.where = expr();
      if (accept(Kw::DELETE)) {
        expect(Kw::WHERE);
        mm.delete_where = expr();
      }
      m->matched = std::move(mm);
    } else {
      if (m->not_matched) fail(peek(), "WHEN MATCHED");
      if (!m->matched) m->matched_first = false;
      expect(Kw::INSERT);
      ast::MergeNotMatched nm;
      if (peek().kind == TokenKind::LParen) nm.columns = column_list();
      expect(Kw::VALUES);
      expect(TokenKind::LParen, "'('");
      do nm.values.push_back(value_expr());
      while (accept(TokenKind::Comma));
      expect(TokenKind::RParen, "',' or ')' in VALUES");
      if (accept(Kw::WHERE)) nm.where = expr();
      m->not_matched = std::move(nm);
    }
  }
  m->error_logging = error_logging();
  return m;
}

std::optional<ast::Returning> Parser::returning_clause() {
  if (peek().kw != Kw::RETURNING && peek().kw != Kw::RETURN) return std::nullopt;
  ast::Returning r;
  r.keyword = advance().text;
  do r.exprs.push_back(expr());
  while (accept(TokenKind::Comma));
  if (accept(Kw::BULK)) {
    expect(Kw::COLLECT);
    r.bulk_collect = true;
  }
  expect(Kw::INTO);
  do r.into.push_back(expr());
  while (accept(TokenKind::Comma));
  return r;
}

Span Parser::error_logging() {
  size_t s = pos_;
  if (peek().kw == Kw::LOG && peek(1).kw == Kw::ERRORS) skip_until([](const Token&) { return false; });
  return span_from(s);
}

}  // namespace orashift::sql
