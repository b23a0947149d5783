// Queries: WITH, SELECT blocks, FROM items and joins, set operators, ORDER BY / OFFSET / FETCH /
// FOR UPDATE, analytic windows. Oracle reserves few words, so where an alias may follow, the
// words that can continue the statement decide (at_alias).
#include "sql/parser_impl.h"

namespace orashift::sql {

namespace {

bool is_set_op(Kw k) { return k == Kw::UNION || k == Kw::INTERSECT || k == Kw::MINUS || k == Kw::EXCEPT; }

// Words that end a select item or a FROM item instead of naming it.
bool clause_word(Kw k) {
  switch (k) {
    case Kw::FROM: case Kw::INTO: case Kw::BULK: case Kw::WHERE: case Kw::GROUP: case Kw::HAVING:
    case Kw::ORDER: case Kw::UNION: case Kw::INTERSECT: case Kw::MINUS: case Kw::EXCEPT: case Kw::CONNECT:
    case Kw::START: case Kw::FETCH: case Kw::OFFSET: case Kw::FOR: case Kw::MODEL: case Kw::JOIN:
    case Kw::INNER: case Kw::CROSS: case Kw::NATURAL: case Kw::ON: case Kw::USING: case Kw::PIVOT:
    case Kw::UNPIVOT: case Kw::SAMPLE: case Kw::RETURNING: case Kw::RETURN: case Kw::LOG: case Kw::SET:
    case Kw::VALUES: case Kw::WHEN: case Kw::THEN: case Kw::ELSE: case Kw::END: case Kw::AS: case Kw::WITH:
    case Kw::SELECT: case Kw::VERSIONS: case Kw::AND: case Kw::OR: case Kw::IS: case Kw::IN: case Kw::NOT:
    case Kw::LIKE: case Kw::BETWEEN: case Kw::PARTITION: case Kw::SUBPARTITION:
      return true;
    default: return false;
  }
}

}  // namespace

ast::QueryPtr Parser::query() {
  DepthGuard guard(*this);
  size_t start = pos_;
  auto q = std::make_unique<ast::Query>();
  if (peek().kw == Kw::WITH) with_clause(*q);
  q->body = query_body();
  query_tail(*q);
  q->span = span_from(start);
  return q;
}

void Parser::with_clause(ast::Query& q) {
  expect(Kw::WITH);
  if (peek().kw == Kw::FUNCTION || peek().kw == Kw::PROCEDURE)
    fail(peek(), "a query name (PL/SQL declarations in WITH are not supported yet)");
  do {
    size_t cs = pos_;
    ast::CommonTable ct;
    ct.name = ident("a query name");
    if (peek().kind == TokenKind::LParen) ct.columns = ident_list();
    expect(Kw::AS);
    expect(TokenKind::LParen, "'(' before the subquery");
    ct.query = query();
    expect(TokenKind::RParen, "')' after the subquery");
    size_t sc = pos_;
    // SEARCH DEPTH|BREADTH FIRST BY .. SET c / CYCLE a, b SET c [TO v DEFAULT w]
    if (is_word(0, "SEARCH")) {
      ++pos_;
      ident("DEPTH or BREADTH");
      expect(Kw::FIRST);
      expect(Kw::BY);
      do {
        expr();
        if (!accept(Kw::ASC)) accept(Kw::DESC);
        if (accept(Kw::NULLS) && !accept(Kw::FIRST)) expect(Kw::LAST);
      } while (accept(TokenKind::Comma));
      expect(Kw::SET);
      ident("an ordering column");
    }
    if (is_word(0, "CYCLE")) {
      ++pos_;
      do ident("a column name");
      while (accept(TokenKind::Comma));
      expect(Kw::SET);
      ident("a cycle mark column");
      if (accept(Kw::TO)) {
        expr(5);
        expect(Kw::DEFAULT);
        expr(5);
      }
    }
    ct.search_cycle = span_from(sc);
    ct.span = span_from(cs);
    q.with.push_back(std::move(ct));
  } while (accept(TokenKind::Comma));
}

ast::QueryBodyPtr Parser::query_body() {
  size_t start = pos_;
  ast::QueryBodyPtr lhs = query_term();
  while (is_set_op(peek().kw)) {
    auto op = std::make_unique<ast::SetOp>();
    Kw k = advance().kw;
    op->op = k == Kw::UNION ? (accept(Kw::ALL) ? ast::SetOpKind::UnionAll : ast::SetOpKind::Union)
             : k == Kw::INTERSECT ? ast::SetOpKind::Intersect
             : k == Kw::MINUS     ? ast::SetOpKind::Minus
                                  : ast::SetOpKind::Except;
    op->lhs = std::move(lhs);
    op->rhs = query_term();
    op->span = span_from(start);
    lhs = std::move(op);
  }
  return lhs;
}

ast::QueryBodyPtr Parser::query_term() {
  DepthGuard guard(*this);
  size_t start = pos_;
  if (accept(TokenKind::LParen)) {
    auto p = std::make_unique<ast::ParenQuery>();
    p->query = query();
    expect(TokenKind::RParen, "')' after the subquery");
    p->span = span_from(start);
    return p;
  }
  return select_core();
}

std::unique_ptr<ast::SelectCore> Parser::select_core() {
  size_t start = pos_;
  expect(Kw::SELECT);
  auto s = std::make_unique<ast::SelectCore>();
  if (peek().kind == TokenKind::Hint) s->hint = advance().text;
  if (peek().kw == Kw::DISTINCT || peek().kw == Kw::UNIQUE || (peek().kw == Kw::ALL && peek(1).kind != TokenKind::Comma))
    s->quantifier = advance().text;
  do s->items.push_back(select_item());
  while (accept(TokenKind::Comma));
  if (peek().kw == Kw::BULK) {
    ++pos_;
    expect(Kw::COLLECT);
    s->bulk_collect = true;
    if (peek().kw != Kw::INTO) fail(peek(), "INTO");
  }
  if (accept(Kw::INTO)) {
    do s->into.push_back(expr());
    while (accept(TokenKind::Comma));
  }
  if (accept(Kw::FROM)) {
    do s->from.push_back(table_ref());
    while (accept(TokenKind::Comma));
  }
  if (accept(Kw::WHERE)) s->where = expr();
  for (int i = 0; i < 2; ++i) {
    if (peek().kw == Kw::START && peek(1).kw == Kw::WITH && !s->start_with) {
      pos_ += 2;
      s->start_with_first = !s->connect_by;
      s->start_with = expr();
    } else if (peek().kw == Kw::CONNECT && peek(1).kw == Kw::BY && !s->connect_by) {
      pos_ += 2;
      s->nocycle = accept(Kw::NOCYCLE);
      s->connect_by = expr();
    }
  }
  for (int i = 0; i < 2; ++i) {
    if (peek().kw == Kw::GROUP && peek(1).kw == Kw::BY && s->group_by.empty()) {
      pos_ += 2;
      do s->group_by.push_back(group_by_item());
      while (accept(TokenKind::Comma));
    } else if (peek().kw == Kw::HAVING && !s->having) {
      ++pos_;
      s->having = expr();
    }
  }
  if (peek().kw == Kw::MODEL) {
    size_t m = pos_;
    ++pos_;
    skip_until([](const Token& t) {
      return t.kw == Kw::ORDER || is_set_op(t.kw) || t.kw == Kw::FETCH || t.kw == Kw::OFFSET;
    });
    s->model = span_from(m);
  }
  s->span = span_from(start);
  return s;
}

ast::SelectItem Parser::select_item() {
  size_t start = pos_;
  ast::SelectItem it;
  it.expr = expr();
  if (accept(Kw::AS)) {
    it.as_keyword = true;
    it.alias = ident("an alias");
  } else if (at_alias(false)) {
    it.alias = ident("an alias");
  }
  it.span = span_from(start);
  return it;
}

bool Parser::at_alias(bool table) const {
  const Token& t = peek();
  if (t.kind == TokenKind::QuotedIdentifier) return true;
  if (t.kind != TokenKind::Identifier) return false;
  if (clause_word(t.kw)) return false;
  if (table) {
    Kw n = peek(1).kw;
    if ((t.kw == Kw::LEFT || t.kw == Kw::RIGHT || t.kw == Kw::FULL) && (n == Kw::JOIN || n == Kw::OUTER)) return false;
    if (t.kw == Kw::OUTER && n == Kw::APPLY) return false;
  }
  return true;
}

// ---------------------------------------------------------------- FROM

bool Parser::at_join() const {
  switch (peek().kw) {
    case Kw::JOIN:
    case Kw::INNER:
    case Kw::NATURAL: return true;
    case Kw::CROSS: return peek(1).kw == Kw::JOIN || peek(1).kw == Kw::APPLY;
    case Kw::OUTER: return peek(1).kw == Kw::APPLY;
    case Kw::LEFT:
    case Kw::RIGHT:
    case Kw::FULL: return peek(1).kw == Kw::JOIN || peek(1).kw == Kw::OUTER;
    case Kw::PARTITION: return peek(1).kw == Kw::BY;
    default: return false;
  }
}

Span Parser::partition_by_text() {
  size_t s = pos_;
  pos_ += 2;  // PARTITION BY
  if (peek().kind == TokenKind::LParen) {
    skip_group();
  } else {
    do expr();
    while (accept(TokenKind::Comma));
  }
  return span_from(s);
}

ast::TableRefPtr Parser::table_ref() {
  size_t start = pos_;
  ast::TableRefPtr left = table_primary();
  while (at_join()) {
    auto j = std::make_unique<ast::Join>();
    if (peek().kw == Kw::PARTITION) j->left_partition = partition_by_text();
    if (accept(Kw::NATURAL)) j->natural = true;
    if (accept(Kw::CROSS)) {
      j->type = accept(Kw::APPLY) ? ast::JoinType::CrossApply : (expect(Kw::JOIN), ast::JoinType::Cross);
    } else if (peek().kw == Kw::OUTER && peek(1).kw == Kw::APPLY) {
      pos_ += 2;
      j->type = ast::JoinType::OuterApply;
    } else {
      if (accept(Kw::INNER)) {
        j->inner_keyword = true;
      } else if (peek().kw == Kw::LEFT || peek().kw == Kw::RIGHT || peek().kw == Kw::FULL) {
        Kw k = advance().kw;
        j->type = k == Kw::LEFT ? ast::JoinType::Left : k == Kw::RIGHT ? ast::JoinType::Right : ast::JoinType::Full;
        j->outer_keyword = accept(Kw::OUTER);
      }
      expect(Kw::JOIN);
    }
    j->left = std::move(left);
    j->right = table_primary();
    if (peek().kw == Kw::PARTITION && peek(1).kw == Kw::BY) j->right_partition = partition_by_text();
    bool needs_condition = !j->natural && j->type != ast::JoinType::Cross && j->type != ast::JoinType::CrossApply &&
                           j->type != ast::JoinType::OuterApply;
    if (needs_condition) {
      if (accept(Kw::ON))
        j->on = expr();
      else if (accept(Kw::USING))
        j->using_columns = ident_list();
      else
        fail(peek(), "ON or USING");
    }
    j->span = span_from(start);
    left = std::move(j);
  }
  return left;
}

ast::TableRefPtr Parser::table_primary() {
  DepthGuard guard(*this);
  size_t start = pos_;
  ast::TableRefPtr out;
  bool lateral = peek().kw == Kw::LATERAL && peek(1).kind == TokenKind::LParen;
  if (lateral) ++pos_;
  if (peek().kind == TokenKind::LParen) {
    size_t open = pos_;
    ++pos_;
    bool as_query = at_query_start();
    if (!as_query && at_query_in_parens()) {
      // ((SELECT ..) UNION ..) is a subquery; ((a JOIN b ..)) is a nested join.
      try {
        auto q = query();
        expect(TokenKind::RParen, "')'");
        auto sq = std::make_unique<ast::SubqueryRef>();
        sq->lateral = lateral;
        sq->query = std::move(q);
        out = std::move(sq);
      } catch (const ParseError&) {
        pos_ = open + 1;
      }
    }
    if (!out && as_query) {
      auto sq = std::make_unique<ast::SubqueryRef>();
      sq->lateral = lateral;
      sq->query = query();
      if (peek().kw == Kw::WITH && (is_word(1, "READ") || is_word(1, "CHECK"))) {
        size_t w = pos_;
        pos_ += 2;
        ++pos_;  // ONLY / OPTION
        if (accept(Kw::CONSTRAINT)) ident("a constraint name");
        sq->with_option = span_from(w).text();
      }
      expect(TokenKind::RParen, "')' after the subquery");
      out = std::move(sq);
    } else if (!out) {
      auto p = std::make_unique<ast::ParenRef>();
      p->inner = table_ref();
      expect(TokenKind::RParen, "')'");
      out = std::move(p);
    }
  } else if ((peek().kw == Kw::TABLE || is_word(0, "THE") || is_word(0, "XMLTABLE") || is_word(0, "JSON_TABLE")) &&
             peek(1).kind == TokenKind::LParen) {
    auto f = std::make_unique<ast::FunctionRef>();
    if (peek().kw == Kw::TABLE) {
      // TABLE is reserved, so name_or_call() would refuse it: build the call here.
      auto c = std::make_unique<ast::CallExpr>();
      c->name.push_back(ident());
      call_args(*c);
      c->span = span_from(start);
      f->call = std::move(c);
    } else {
      bool xml = is_word(0, "XMLTABLE");
      size_t at = pos_;
      f->call = name_or_call();
      if (xml) {
        // Its parts as well, when they have XMLTABLE's form (the call stays for the printer).
        size_t after = pos_;
        pos_ = at;
        try {
          f->xmltable = xmltable_spec();
        } catch (const ParseError&) {
          f->xmltable.reset();
        }
        pos_ = after;
      }
    }
    f->outer_join = accept(TokenKind::OuterJoin);
    out = std::move(f);
  } else {
    auto t = std::make_unique<ast::TableName>();
    if (peek().kw == Kw::ONLY && peek(1).kind == TokenKind::LParen) fail(peek(), "a table name (ONLY (..) is not supported)");
    t->name = qualified_name("a table name");
    if ((peek().kw == Kw::PARTITION || peek().kw == Kw::SUBPARTITION) &&
        (peek(1).kind == TokenKind::LParen || peek(1).kw == Kw::FOR)) {
      size_t p = pos_;
      pos_ += 1;
      accept(Kw::FOR);
      skip_group();
      t->partition_ext = span_from(p);
    }
    if (peek().kw == Kw::VERSIONS && peek(1).kw == Kw::BETWEEN) {
      size_t v = pos_;
      pos_ += 2;
      ident("SCN or TIMESTAMP");
      expr(5);
      expect(Kw::AND);
      expr(5);
      t->versions = span_from(v);
    }
    if (peek().kw == Kw::AS && peek(1).kw == Kw::OF) {
      pos_ += 2;
      if (!is_word(0, "SCN") && peek().kw != Kw::TIMESTAMP) fail(peek(), "SCN or TIMESTAMP");
      t->as_of = advance().text;
      t->as_of_expr = expr(5);
    }
    if (peek().kw == Kw::SAMPLE) {
      ++pos_;
      t->sample_block = accept_word("BLOCK");
      expect(TokenKind::LParen, "'(' with the sample percentage");
      t->sample_percent = expr();
      expect(TokenKind::RParen, "')'");
      if (accept(Kw::SEED)) {
        expect(TokenKind::LParen, "'('");
        t->sample_seed = expr();
        expect(TokenKind::RParen, "')'");
      }
    }
    out = std::move(t);
  }
  pivot_clause(*out);
  table_alias(*out);
  if (out->pivot.end <= out->pivot.begin) pivot_clause(*out);
  out->span = span_from(start);
  return out;
}

void Parser::table_alias(ast::TableRef& t) {
  if (at_alias(true)) t.alias = ident("an alias");
}

void Parser::pivot_clause(ast::TableRef& t) {
  size_t s = pos_;
  if (accept(Kw::PIVOT)) {
    accept_word("XML");
  } else if (accept(Kw::UNPIVOT)) {
    if (accept_word("INCLUDE") || accept_word("EXCLUDE")) expect(Kw::NULLS);
  } else if (is_word(0, "MATCH_RECOGNIZE") && peek(1).kind == TokenKind::LParen) {
    ++pos_;  // row pattern matching: kept as text like PIVOT
  } else {
    return;
  }
  if (peek().kind != TokenKind::LParen) fail(peek(), "'('");
  skip_group();
  t.pivot = span_from(s);
}

// ---------------------------------------------------------------- GROUP BY, ORDER BY, windows

ast::ExprPtr Parser::group_by_item() {
  size_t start = pos_;
  bool rollup = peek().kw == Kw::ROLLUP, cube = peek().kw == Kw::CUBE;
  bool sets = peek().kw == Kw::GROUPING && peek(1).kw == Kw::SETS;
  if (((rollup || cube) && peek(1).kind == TokenKind::LParen) || (sets && peek(2).kind == TokenKind::LParen)) {
    auto g = std::make_unique<ast::GroupingExpr>();
    g->grouping = rollup ? ast::GroupingKind::Rollup : cube ? ast::GroupingKind::Cube : ast::GroupingKind::GroupingSets;
    pos_ += sets ? 3 : 2;
    do g->items.push_back(group_by_item());
    while (accept(TokenKind::Comma));
    expect(TokenKind::RParen, "',' or ')'");
    g->span = span_from(start);
    return g;
  }
  if (peek().kind == TokenKind::LParen && peek(1).kind == TokenKind::RParen) {
    pos_ += 2;
    auto l = std::make_unique<ast::ListExpr>();
    l->span = span_from(start);
    return l;
  }
  return expr();
}

std::vector<ast::OrderItem> Parser::order_by_list() {
  expect(Kw::ORDER);
  expect(Kw::BY);
  return order_items();
}

std::vector<ast::OrderItem> Parser::order_items() {
  std::vector<ast::OrderItem> out;
  do {
    size_t s = pos_;
    ast::OrderItem it;
    it.expr = expr();
    if (accept(Kw::ASC))
      it.asc = true;
    else if (accept(Kw::DESC))
      it.desc = true;
    if (peek().kw == Kw::NULLS && (peek(1).kw == Kw::FIRST || peek(1).kw == Kw::LAST)) {
      ++pos_;
      it.nulls = advance().text;
    }
    it.span = span_from(s);
    out.push_back(std::move(it));
  } while (accept(TokenKind::Comma));
  return out;
}

void Parser::window_spec(ast::WindowSpec& w) {
  if (peek().is_word() && peek().kw != Kw::PARTITION && peek().kw != Kw::ORDER && peek().kw != Kw::ROWS &&
      peek().kw != Kw::RANGE && !is_word(0, "GROUPS"))
    w.name = ident();
  if (peek().kw == Kw::PARTITION && peek(1).kw == Kw::BY) {
    pos_ += 2;
    do w.partition_by.push_back(expr());
    while (accept(TokenKind::Comma));
  }
  if (peek().kw == Kw::ORDER) {
    if (peek(1).kw == Kw::SIBLINGS) fail(peek(1), "BY");
    w.order_by = order_by_list();
  }
  if (peek().kw == Kw::ROWS || peek().kw == Kw::RANGE || is_word(0, "GROUPS")) {
    w.frame_unit = advance().text;
    if (accept(Kw::BETWEEN)) {
      w.frame_between = true;
      w.frame_start = frame_bound();
      expect(Kw::AND);
      w.frame_end = frame_bound();
    } else {
      w.frame_start = frame_bound();
    }
    if (is_word(0, "EXCLUDE")) w.exclude = skip_until([](const Token&) { return false; });
  }
}

ast::FrameBound Parser::frame_bound() {
  ast::FrameBound b;
  if (accept(Kw::UNBOUNDED)) {
    if (accept(Kw::PRECEDING))
      b.kind = ast::FrameBoundKind::UnboundedPreceding;
    else if (accept(Kw::FOLLOWING))
      b.kind = ast::FrameBoundKind::UnboundedFollowing;
    else
      fail(peek(), "PRECEDING or FOLLOWING");
    return b;
  }
  if (peek().kw == Kw::CURRENT && peek(1).kw == Kw::ROW) {
    pos_ += 2;
    b.kind = ast::FrameBoundKind::CurrentRow;
    return b;
  }
  b.offset = expr(5);
  if (accept(Kw::PRECEDING))
    b.kind = ast::FrameBoundKind::Preceding;
  else if (accept(Kw::FOLLOWING))
    b.kind = ast::FrameBoundKind::Following;
  else
    fail(peek(), "PRECEDING or FOLLOWING");
  return b;
}

// ORDER [SIBLINGS] BY, OFFSET, FETCH, FOR UPDATE: they follow the whole query body.
void Parser::query_tail(ast::Query& q) {
  if (peek().kw == Kw::ORDER) {
    if (peek(1).kw == Kw::SIBLINGS) {
      q.order_siblings = true;
      pos_ += 2;
      expect(Kw::BY);
      q.order_by = order_items();
    } else {
      q.order_by = order_by_list();
    }
  }
  if (accept(Kw::OFFSET)) {
    q.offset = expr(5);
    if (peek().kw != Kw::ROW && peek().kw != Kw::ROWS) fail(peek(), "ROW or ROWS");
    q.offset_rows = advance().text;
  }
  if (accept(Kw::FETCH)) {
    if (peek().kw != Kw::FIRST && peek().kw != Kw::NEXT) fail(peek(), "FIRST or NEXT");
    q.fetch_first = advance().text;
    if (peek().kw != Kw::ROW && peek().kw != Kw::ROWS) {
      q.fetch_count = expr(5);
      q.fetch_percent = accept(Kw::PERCENT);
    }
    if (peek().kw != Kw::ROW && peek().kw != Kw::ROWS) fail(peek(), "ROW or ROWS");
    q.fetch_rows = advance().text;
    if (accept(Kw::WITH)) {
      expect(Kw::TIES);
      q.with_ties = true;
    } else {
      expect(Kw::ONLY);
    }
  }
  if (peek().kw == Kw::FOR && peek(1).kw == Kw::UPDATE) {
    pos_ += 2;
    ast::ForUpdate fu;
    if (accept(Kw::OF)) {
      do fu.columns.push_back(expr(5));
      while (accept(TokenKind::Comma));
    }
    if (peek().kw == Kw::NOWAIT) {
      fu.wait = advance().text;
    } else if (peek().kw == Kw::WAIT) {
      fu.wait = advance().text;
      fu.wait_seconds = expr(5);
    } else if (peek().kw == Kw::SKIP && peek(1).kw == Kw::LOCKED) {
      fu.wait = advance().text;
      ++pos_;
    }
    q.for_update = std::move(fu);
  }
}

}  // namespace orashift::sql
