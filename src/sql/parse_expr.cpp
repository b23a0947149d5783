// Expressions: precedence climbing. Levels, loosest first (Oracle's own table):
//   1 OR · 2 AND · 3 NOT (prefix) · 4 comparison, IS [NOT] NULL, [NOT] LIKE/IN/BETWEEN
//   5 + - || · 6 * / · 7 unary + -, PRIOR, CONNECT_BY_ROOT · 8 ** (PL/SQL)
#include "sql/parser_impl.h"

#include <algorithm>
#include <cctype>

namespace orashift::sql {

namespace {

constexpr int kOr = 1, kAnd = 2, kNot = 3, kCompare = 4, kAdditive = 5, kMultiplicative = 6, kUnary = 7, kPower = 8;

struct Infix {
  int prec = 0;
  ast::BinaryOp op = ast::BinaryOp::Eq;
  bool special = false;  // IS / LIKE / IN / BETWEEN / NOT ...: handled by hand
};

Infix infix_of(const Token& t, const Token& next) {
  using ast::BinaryOp;
  switch (t.kind) {
    case TokenKind::Eq: return {kCompare, BinaryOp::Eq};
    case TokenKind::Ne: return {kCompare, BinaryOp::Ne};
    case TokenKind::Lt: return {kCompare, BinaryOp::Lt};
    case TokenKind::Le: return {kCompare, BinaryOp::Le};
    case TokenKind::Gt: return {kCompare, BinaryOp::Gt};
    case TokenKind::Ge: return {kCompare, BinaryOp::Ge};
    case TokenKind::Plus: return {kAdditive, BinaryOp::Add};
    case TokenKind::Minus: return {kAdditive, BinaryOp::Sub};
    case TokenKind::Concat: return {kAdditive, BinaryOp::Concat};
    case TokenKind::Star: return {kMultiplicative, BinaryOp::Mul};
    case TokenKind::Slash: return {kMultiplicative, BinaryOp::Div};
    case TokenKind::Power: return {kPower, BinaryOp::Power};
    case TokenKind::Identifier: break;
    default: return {};
  }
  switch (t.kw) {
    case Kw::OR: return {kOr, BinaryOp::Or};
    case Kw::AND: return {kAnd, BinaryOp::And};
    case Kw::MOD: return {kMultiplicative, BinaryOp::Mod};  // PL/SQL `a MOD b`
    case Kw::IS:
    case Kw::LIKE:
    case Kw::LIKEC:
    case Kw::LIKE2:
    case Kw::LIKE4:
    case Kw::IN:
    case Kw::BETWEEN: return {kCompare, BinaryOp::Eq, true};
    case Kw::NOT:
      if (word_is(next, "MEMBER")) return {kCompare, BinaryOp::NotMemberOf};
      if (word_is(next, "SUBMULTISET")) return {kCompare, BinaryOp::NotSubmultisetOf};
      if (next.kw == Kw::LIKE || next.kw == Kw::LIKEC || next.kw == Kw::LIKE2 || next.kw == Kw::LIKE4 ||
          next.kw == Kw::IN || next.kw == Kw::BETWEEN)
        return {kCompare, BinaryOp::Eq, true};
      return {};
    default: break;
  }
  if (word_is(t, "MEMBER") && next.kw == Kw::OF) return {kCompare, BinaryOp::MemberOf};
  if (word_is(t, "SUBMULTISET")) return {kCompare, BinaryOp::SubmultisetOf};
  if (word_is(t, "MULTISET")) {
    if (next.kw == Kw::UNION) return {kAdditive, BinaryOp::MultisetUnion};
    if (next.kw == Kw::EXCEPT) return {kAdditive, BinaryOp::MultisetExcept};
    if (next.kw == Kw::INTERSECT) return {kAdditive, BinaryOp::MultisetIntersect};
  }
  return {};
}

// Reserved words cannot start an operand; failing on them gives a precise error instead of
// reading `THEN` or `FROM` as a column name.
bool reserved(Kw k) {
  switch (k) {
    case Kw::ADD: case Kw::ALL: case Kw::ALTER: case Kw::AND: case Kw::ANY: case Kw::AS: case Kw::ASC:
    case Kw::BETWEEN: case Kw::BY: case Kw::CHECK: case Kw::COLUMN: case Kw::CONNECT: case Kw::CONSTRAINT:
    case Kw::CREATE: case Kw::DEFAULT: case Kw::DELETE: case Kw::DESC: case Kw::DISTINCT: case Kw::DROP:
    case Kw::ELSE: case Kw::END: case Kw::FOR: case Kw::FROM: case Kw::GRANT: case Kw::IN: case Kw::INDEX:
    case Kw::INSERT: case Kw::INTO: case Kw::IS: case Kw::LIKE: case Kw::OF: case Kw::ON: case Kw::OR:
    case Kw::PRIMARY: case Kw::REFERENCES: case Kw::SELECT: case Kw::SET: case Kw::TABLE: case Kw::THEN:
    case Kw::TO: case Kw::UNIQUE: case Kw::UPDATE: case Kw::VALUES: case Kw::WHEN: case Kw::WITH:
    case Kw::WHERE: case Kw::GROUP: case Kw::ORDER: case Kw::UNION: case Kw::INTERSECT: case Kw::MINUS:
    case Kw::HAVING:
      return true;
    default: return false;
  }
}

}  // namespace


ast::ExprPtr Parser::expr(int min_prec) {
  DepthGuard guard(*this);
  size_t start = pos_;
  ast::ExprPtr lhs = prefix();
  for (int chain = 0;; ++chain) {
    const Token& t = peek();
    Infix in = infix_of(t, peek(1));
    if (in.prec == 0 || in.prec < min_prec) break;
    if (chain > kMaxChain) fail(t, "a shorter expression (more than 2000 operators in a row)");
    if (!in.special) {
      ++pos_;
      auto b = node<ast::BinaryExpr>();
      b->op = in.op;
      b->lhs = std::move(lhs);
      switch (in.op) {  // the rest of a multi-word operator
        case ast::BinaryOp::NotMemberOf:
        case ast::BinaryOp::NotSubmultisetOf: ++pos_; [[fallthrough]];
        case ast::BinaryOp::MemberOf:
        case ast::BinaryOp::SubmultisetOf:
          // OF is optional after SUBMULTISET only
          if (!accept(Kw::OF) && (in.op == ast::BinaryOp::MemberOf || in.op == ast::BinaryOp::NotMemberOf))
            fail(peek(), "OF");
          break;
        case ast::BinaryOp::MultisetUnion:
        case ast::BinaryOp::MultisetExcept:
        case ast::BinaryOp::MultisetIntersect:
          ++pos_;
          if (peek().kw == Kw::ALL || peek().kw == Kw::DISTINCT) b->quantifier = advance().text;
          break;
        default:
          if (in.prec == kCompare && (peek().kw == Kw::ANY || peek().kw == Kw::ALL || is_word(0, "SOME")))
            b->quantifier = advance().text;
          break;
      }
      // ** is right-associative, everything else left-associative.
      b->rhs = expr(in.op == ast::BinaryOp::Power ? in.prec : in.prec + 1);
      b->span = span_from(start);
      lhs = std::move(b);
      continue;
    }
    // Comparison-level predicates do not chain: `a = b = c` is an error in Oracle too.
    if (min_prec > kCompare) break;
    if (t.kw == Kw::IS) {
      ++pos_;
      auto n = node<ast::IsNullExpr>();
      n->negated = accept(Kw::NOT);
      size_t w = pos_;
      if (!accept(Kw::NULL_)) {
        // IS JSON [FORMAT ..] [STRICT], IS NAN, IS INFINITE, IS EMPTY, IS A SET, IS OF [TYPE] (t)
        ident("NULL or another IS test");
        skip_until([this](const Token& x) {
          return x.kind == TokenKind::Comma || infix_of(x, peek(1)).prec != 0 || x.kw == Kw::THEN || x.kw == Kw::WHEN ||
                 x.kw == Kw::ELSE || x.kw == Kw::END;
        });
      }
      n->test = span_from(w);
      n->operand = std::move(lhs);
      n->span = span_from(start);
      lhs = std::move(n);
      continue;
    }
    bool negated = accept(Kw::NOT);
    const Token& op = advance();
    if (op.kw == Kw::IN) {
      auto n = node<ast::InExpr>();
      n->negated = negated;
      n->lhs = std::move(lhs);
      expect(TokenKind::LParen, "'(' after IN");
      if (at_query_start()) {
        n->list.push_back(subquery_expr());
      } else {
        do n->list.push_back(expr());
        while (accept(TokenKind::Comma));
      }
      expect(TokenKind::RParen, "',' or ')'");
      n->span = span_from(start);
      lhs = std::move(n);
    } else if (op.kw == Kw::BETWEEN) {
      auto n = node<ast::BetweenExpr>();
      n->negated = negated;
      n->operand = std::move(lhs);
      n->low = expr(kAdditive);
      expect(Kw::AND);
      n->high = expr(kAdditive);
      n->span = span_from(start);
      lhs = std::move(n);
    } else {
      auto n = node<ast::LikeExpr>();
      n->negated = negated;
      n->op = op.text;
      n->lhs = std::move(lhs);
      n->pattern = expr(kAdditive);
      if (accept(Kw::ESCAPE)) n->escape = expr(kAdditive);
      n->span = span_from(start);
      lhs = std::move(n);
    }
  }
  return lhs;
}

ast::ExprPtr Parser::prefix() {
  size_t start = pos_;
  const Token& t = peek();
  ast::UnaryOp op;
  int operand_prec;
  if (t.kw == Kw::NOT) {
    op = ast::UnaryOp::Not;
    operand_prec = kNot;
  } else if (t.kind == TokenKind::Minus || t.kind == TokenKind::Plus) {
    op = t.kind == TokenKind::Minus ? ast::UnaryOp::Neg : ast::UnaryOp::Plus;
    operand_prec = kUnary;
  } else if (t.kw == Kw::PRIOR) {
    op = ast::UnaryOp::Prior;
    operand_prec = kUnary;
  } else if (is_word(0, "CONNECT_BY_ROOT")) {
    op = ast::UnaryOp::ConnectByRoot;
    operand_prec = kUnary;
  } else if (t.kw == Kw::EXISTS && peek(1).kind == TokenKind::LParen) {
    op = ast::UnaryOp::Exists;
    operand_prec = kUnary;
  } else {
    return primary();
  }
  ++pos_;
  auto u = node<ast::UnaryExpr>();
  u->op = op;
  u->operand = op == ast::UnaryOp::Exists ? paren_or_subquery() : expr(operand_prec);
  u->span = span_from(start);
  return u;
}

ast::ExprPtr Parser::primary() {
  size_t start = pos_;
  const Token& t = peek();
  // Conditional compilation inside an expression: $IF c $THEN v [$ELSIF c $THEN v]… [$ELSE v] $END,
  // kept as a call named $IF of (c1, v1, c2, v2, …[, else]) for the converter to settle (Oracle's
  // compiler keeps one branch; its conditions are evaluated there).
  if (word_is(t, "$IF")) {
    ++pos_;
    auto c = node<ast::CallExpr>();
    ast::Ident name;
    name.text = t.text;
    name.span = t.span;
    c->name.push_back(name);
    auto arg = [&](ast::ExprPtr e) {
      ast::CallArg a;
      a.value = std::move(e);
      c->args.push_back(std::move(a));
    };
    for (;;) {
      arg(expr());
      if (!accept_word("$THEN")) fail(peek(), "$THEN");
      arg(expr());
      if (accept_word("$ELSIF")) continue;
      if (accept_word("$ELSE")) arg(expr());
      if (!accept_word("$END")) fail(peek(), "$END");
      break;
    }
    c->span = span_from(start);
    return c;
  }
  switch (t.kind) {
    case TokenKind::Number:
    case TokenKind::String: {
      ++pos_;
      auto l = node<ast::LiteralExpr>();
      l->literal = t.kind == TokenKind::Number ? ast::LiteralKind::Number
                   : (t.flags & kTokNational) ? ast::LiteralKind::NationalString
                                              : ast::LiteralKind::String;
      l->text = t.text;
      l->span = t.span;
      return l;
    }
    case TokenKind::Bind:
    case TokenKind::Substitution: {
      ++pos_;
      auto b = node<ast::BindExpr>();
      b->text = t.text;
      b->substitution = t.kind == TokenKind::Substitution;
      b->span = t.span;
      return postfix(std::move(b), start);
    }
    case TokenKind::LParen: return paren_or_subquery();
    case TokenKind::Star: {
      ++pos_;
      auto s = node<ast::StarExpr>();
      s->span = t.span;
      return s;
    }
    case TokenKind::QuotedIdentifier: return name_or_call();
    case TokenKind::Identifier: break;
    default: fail(t, "an expression");
  }
  switch (t.kw) {
    case Kw::NULL_: {
      ++pos_;
      auto l = node<ast::LiteralExpr>();
      l->literal = ast::LiteralKind::Null;
      l->text = t.text;
      l->span = t.span;
      return l;
    }
    case Kw::DATE:
    case Kw::TIMESTAMP:
    case Kw::INTERVAL:
      if (peek(1).kind == TokenKind::String) {
        pos_ += 2;
        auto l = node<ast::LiteralExpr>();
        l->literal = t.kw == Kw::DATE ? ast::LiteralKind::Date
                     : t.kw == Kw::TIMESTAMP ? ast::LiteralKind::Timestamp
                                             : ast::LiteralKind::Interval;
        l->text = toks_[pos_ - 1].text;
        if (t.kw == Kw::INTERVAL) {
          // DAY[(p)] [TO SECOND[(s)]] / YEAR[(p)] [TO MONTH] / HOUR / MINUTE / SECOND
          size_t q = pos_;
          ident("interval field (DAY, YEAR, ...)");
          if (peek().kind == TokenKind::LParen) skip_group();
          if (accept(Kw::TO)) {
            ident("interval field");
            if (peek().kind == TokenKind::LParen) skip_group();
          }
          Span qs = span_from(q);
          l->qualifier = qs.text();
        }
        l->span = span_from(start);
        return l;
      }
      break;
    case Kw::CASE: return case_expr();
    default:
      // SET(nested_table) is a function, though SET is reserved
      if (reserved(t.kw) && !(t.kw == Kw::SET && peek(1).kind == TokenKind::LParen)) fail(t, "an expression");
      break;
  }
  return name_or_call();
}

ast::ExprPtr Parser::name_or_call() {
  size_t start = pos_;
  std::vector<ast::Ident> parts;
  parts.push_back(ident("a name"));
  while (peek().kind == TokenKind::Dot) {
    if (peek(1).kind == TokenKind::Star) {  // t.*
      pos_ += 2;
      auto s = node<ast::StarExpr>();
      s->qualifier = std::move(parts);
      s->span = span_from(start);
      return s;
    }
    ++pos_;
    parts.push_back(ident("a name after '.'"));
  }
  std::vector<ast::Ident> dblink;
  if (peek().kind == TokenKind::At) {  // remote object: name@dblink
    ++pos_;
    dblink.push_back(ident("database link name"));
    while (accept(TokenKind::Dot)) dblink.push_back(ident("database link name"));
  }
  if (peek().kind == TokenKind::LParen) {
    if (parts.size() == 1 && dblink.empty() && parts[0].text.size() == 4 && toks_[start].kw == Kw::CAST) {
      pos_ = start;
      return cast_expr();
    }
    if (parts.size() == 1 && dblink.empty() && toks_[start].kw == Kw::EXTRACT && peek(1).is_word() &&
        peek(2).kw == Kw::FROM) {
      pos_ = start;
      return extract_expr();
    }
    auto c = node<ast::CallExpr>();
    c->name = std::move(parts);
    call_args(*c);
    call_suffixes(*c);
    c->span = span_from(start);
    return postfix(std::move(c), start);
  }
  auto n = node<ast::NameExpr>();
  n->parts = std::move(parts);
  n->dblink = std::move(dblink);
  n->outer_join = accept(TokenKind::OuterJoin);
  n->span = span_from(start);
  return postfix(std::move(n), start);
}

// Selectors only PL/SQL has: a %attribute, or `.name` / `(args)` after a call or a bind.
ast::ExprPtr Parser::postfix(ast::ExprPtr base, size_t start) {
  size_t from = pos_;
  bool after_call_or_bind = base->kind != ast::ExprKind::Name;
  std::vector<ast::Selector> selectors;
  for (;;) {
    size_t at = pos_;
    ast::Selector sel;
    if (peek().kind == TokenKind::Percent && peek(1).is_word()) {
      ++pos_;
      sel.kind = ast::SelectorKind::Attribute;
      sel.name = ident("an attribute after '%'");
      after_call_or_bind = true;
    } else if (after_call_or_bind && peek().kind == TokenKind::Dot && peek(1).is_word()) {
      ++pos_;
      sel.name = ident("a name after '.'");
    } else if (after_call_or_bind && peek().kind == TokenKind::LParen &&
               (pos_ > from || base->kind == ast::ExprKind::Call)) {
      ast::CallExpr args;
      call_args(args);
      sel.kind = ast::SelectorKind::Args;
      sel.args = std::move(args.args);
    } else {
      break;
    }
    sel.span = span_from(at);
    selectors.push_back(std::move(sel));
  }
  if (pos_ == from) return base;
  auto p = node<ast::PostfixExpr>();
  p->base = std::move(base);
  p->suffix = span_from(from);
  p->selectors = std::move(selectors);
  p->span = span_from(start);
  return p;
}

void Parser::call_args(ast::CallExpr& c) {
  expect(TokenKind::LParen, "'('");
  if (accept(TokenKind::RParen)) return;
  if (peek().kind == TokenKind::Star && peek(1).kind == TokenKind::RParen) {
    pos_ += 2;
    c.star = true;
    return;
  }
  if (peek().kw == Kw::DISTINCT || peek().kw == Kw::ALL || peek().kw == Kw::UNIQUE) c.set_quantifier = advance().text;
  auto word_is = [](std::string_view t, std::string_view w) {
    return t.size() == w.size() && std::equal(t.begin(), t.end(), w.begin(), [](char a, char b) {
             return std::toupper(static_cast<unsigned char>(a)) == b;
           });
  };
  if (c.name.size() == 1 && word_is(c.name[0].text, "TRIM") && peek().is_word()) {
    std::string_view mode = peek().text;
    if (word_is(mode, "LEADING") || word_is(mode, "TRAILING") || word_is(mode, "BOTH")) {
      // TRIM(LEADING|TRAILING|BOTH [c] FROM s): each operand an expression of its own.
      c.trim_from = true;
      ast::CallArg word;
      auto n = node<ast::NameExpr>();
      const Token& t = advance();
      n->parts.push_back(ast::Ident{t.text, t.span});
      n->span = t.span;
      word.value = std::move(n);
      c.args.push_back(std::move(word));
      if (peek().kw != Kw::FROM) {
        ast::CallArg ch;
        ch.value = expr();
        c.args.push_back(std::move(ch));
      }
      expect(Kw::FROM);
      ast::CallArg source;
      source.value = expr();
      c.args.push_back(std::move(source));
      expect(TokenKind::RParen, "')' after TRIM's operands");
      return;
    }
  }
  do {
    ast::CallArg arg;
    if (peek().is_word() && peek(1).kind == TokenKind::Arrow) {
      arg.name = advance().text;
      ++pos_;
    }
    if (at_query_start()) {
      arg.value = subquery_expr();
      arg.bare_query = true;
    } else {
      if (peek().kw == Kw::DEFAULT && peek(1).kind == TokenKind::String) {
        // XMLNAMESPACES(DEFAULT 'uri'): the word, then the string as the argument's tail
        auto n = node<ast::NameExpr>();
        const Token& d = advance();
        n->parts.push_back(ast::Ident{d.text, d.span});
        n->span = d.span;
        arg.value = std::move(n);
      } else {
        arg.value = expr();
      }
      if (peek().kw == Kw::ORDER && peek(1).kw == Kw::BY) c.arg_order_by = order_by_list();
      // TRIM(LEADING '0' FROM s), LISTAGG(x, ',' ON OVERFLOW ..), XMLTABLE(.. PASSING ..): the
      // words after an operand that no conversion reads yet are kept as text.
      if (peek().kind != TokenKind::Comma && peek().kind != TokenKind::RParen)
        arg.tail = skip_until([](const Token& t) { return t.kind == TokenKind::Comma; });
    }
    c.args.push_back(std::move(arg));
  } while (accept(TokenKind::Comma));
  expect(TokenKind::RParen, "',' or ')' in argument list");
}

ast::ExprPtr Parser::case_expr() {
  size_t start = pos_;
  expect(Kw::CASE);
  auto c = node<ast::CaseExpr>();
  if (peek().kw != Kw::WHEN) c->operand = expr();
  if (peek().kw != Kw::WHEN) fail(peek(), "WHEN");
  while (accept(Kw::WHEN)) {
    ast::ExprPtr cond = expr();
    expect(Kw::THEN);
    c->whens.emplace_back(std::move(cond), expr());
  }
  if (accept(Kw::ELSE)) c->else_value = expr();
  expect(Kw::END);
  c->span = span_from(start);
  return c;
}

ast::ExprPtr Parser::paren_or_subquery() {
  size_t start = pos_;
  expect(TokenKind::LParen, "'('");
  if (at_query_start()) {
    ast::ExprPtr q = subquery_expr();
    expect(TokenKind::RParen, "')'");
    q->span = span_from(start);
    return q;
  }
  if (at_query_in_parens()) {
    // ((SELECT ..) UNION (SELECT ..)) or ((SELECT ..) + 1): try the query first.
    size_t inner = pos_;
    try {
      ast::ExprPtr q = subquery_expr();
      expect(TokenKind::RParen, "')'");
      q->span = span_from(start);
      return q;
    } catch (const ParseError&) {
      pos_ = inner;
    }
  }
  auto l = node<ast::ListExpr>();
  do l->items.push_back(expr());
  while (accept(TokenKind::Comma));
  if (l->items.size() == 1 && peek().kw == Kw::AS) {  // (self AS supertype).method(..)
    ++pos_;
    l->as_type = qualified_name("a type name");
    expect(TokenKind::RParen, "')'");
    l->span = span_from(start);
    return postfix(std::move(l), start);
  }
  expect(TokenKind::RParen, "',' or ')'");
  l->span = span_from(start);
  return l;
}

bool Parser::at_query_in_parens() const {
  size_t k = 0;
  while (peek(k).kind == TokenKind::LParen) ++k;
  return k > 0 && (peek(k).kw == Kw::SELECT || peek(k).kw == Kw::WITH);
}

ast::ExprPtr Parser::subquery_expr() {
  size_t start = pos_;
  auto q = node<ast::SubqueryExpr>();
  q->query = query();
  q->span = span_from(start);
  return q;
}

void Parser::call_suffixes(ast::CallExpr& c) {
  if (peek().kw == Kw::KEEP && peek(1).kind == TokenKind::LParen) {
    pos_ += 2;
    if (!accept_word("DENSE_RANK")) fail(peek(), "DENSE_RANK");
    if (peek().kw != Kw::FIRST && peek().kw != Kw::LAST) fail(peek(), "FIRST or LAST");
    c.keep = advance().text;
    c.keep_order_by = order_by_list();
    expect(TokenKind::RParen, "')'");
  }
  if (peek().kw == Kw::WITHIN && peek(1).kw == Kw::GROUP) {
    pos_ += 2;
    expect(TokenKind::LParen, "'('");
    c.has_within_group = true;
    c.within_group = order_by_list();
    expect(TokenKind::RParen, "')'");
  }
  if ((is_word(0, "IGNORE") || is_word(0, "RESPECT")) && peek(1).kw == Kw::NULLS) {
    c.nulls_treatment = advance().text;
    ++pos_;
  }
  if (peek().kw == Kw::OVER) {
    ++pos_;
    c.over = std::make_unique<ast::WindowSpec>();
    if (peek().kind == TokenKind::LParen) {
      ++pos_;
      window_spec(*c.over);
      expect(TokenKind::RParen, "')' to close OVER (...)");
    } else {
      c.over->name = ident("a window name or '('");
    }
  }
}

ast::ExprPtr Parser::cast_expr() {
  size_t start = pos_;
  pos_ += 2;  // CAST (
  auto c = std::make_unique<ast::CastExpr>();
  c->operand = at_query_start() ? subquery_expr() : expr();
  expect(Kw::AS);
  c->type = std::make_unique<ast::DataType>(data_type());
  if (accept(Kw::DEFAULT)) {
    c->default_on_error = expr();
    expect(Kw::ON);
    if (!accept_word("CONVERSION")) fail(peek(), "CONVERSION");
    if (!accept_word("ERROR")) fail(peek(), "ERROR");
  }
  while (accept(TokenKind::Comma)) c->format.push_back(expr());
  expect(TokenKind::RParen, "')' to close CAST");
  c->span = span_from(start);
  return c;
}

ast::ExprPtr Parser::extract_expr() {
  size_t start = pos_;
  pos_ += 2;  // EXTRACT (
  auto e = node<ast::ExtractExpr>();
  e->field = advance().text;
  expect(Kw::FROM);
  e->operand = expr();
  expect(TokenKind::RParen, "')' to close EXTRACT");
  e->span = span_from(start);
  return e;
}

}  // namespace orashift::sql
