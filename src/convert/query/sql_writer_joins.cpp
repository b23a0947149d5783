// Oracle's (+) outer joins → ANSI LEFT JOIN, and WHERE ROWNUM <= n → LIMIT n.
//
// (+) marks the optional side of each WHERE condition it appears in. The preserved FROM items
// keep their order (joined with CROSS JOIN, so later ON clauses may name any of them); each
// optional item follows as LEFT JOIN once every item its conditions name is placed, with all of
// its (+) conditions, constant ones included (t.c(+) = 'A'), as the ON clause. Conditions
// without (+) stay in WHERE, where Oracle applies them too.
#include <algorithm>

#include "convert/query/sql_writer.h"
#include "sql/parser.h"

namespace orashift::rewrite {

using namespace sql::ast;

namespace {

void collect_names(const Expr& e, std::vector<const NameExpr*>& out) {
  switch (e.kind) {
    case ExprKind::Name: out.push_back(static_cast<const NameExpr*>(&e)); return;
    case ExprKind::Unary: collect_names(*static_cast<const UnaryExpr&>(e).operand, out); return;
    case ExprKind::Binary: {
      auto& b = static_cast<const BinaryExpr&>(e);
      collect_names(*b.lhs, out);
      collect_names(*b.rhs, out);
      return;
    }
    case ExprKind::IsNull: collect_names(*static_cast<const IsNullExpr&>(e).operand, out); return;
    case ExprKind::Like: {
      auto& l = static_cast<const LikeExpr&>(e);
      collect_names(*l.lhs, out);
      collect_names(*l.pattern, out);
      return;
    }
    case ExprKind::In: {
      auto& n = static_cast<const InExpr&>(e);
      collect_names(*n.lhs, out);
      for (const auto& x : n.list) collect_names(*x, out);
      return;
    }
    case ExprKind::Between: {
      auto& b = static_cast<const BetweenExpr&>(e);
      collect_names(*b.operand, out);
      collect_names(*b.low, out);
      collect_names(*b.high, out);
      return;
    }
    case ExprKind::Call:
      for (const auto& a : static_cast<const CallExpr&>(e).args) collect_names(*a.value, out);
      return;
    case ExprKind::Case: {
      auto& c = static_cast<const CaseExpr&>(e);
      if (c.operand) collect_names(*c.operand, out);
      for (const auto& [w, t] : c.whens) {
        collect_names(*w, out);
        collect_names(*t, out);
      }
      if (c.else_value) collect_names(*c.else_value, out);
      return;
    }
    case ExprKind::List:
      for (const auto& x : static_cast<const ListExpr&>(e).items) collect_names(*x, out);
      return;
    case ExprKind::Cast: collect_names(*static_cast<const CastExpr&>(e).operand, out); return;
    case ExprKind::Extract: collect_names(*static_cast<const ExtractExpr&>(e).operand, out); return;
    default: return;  // subqueries keep their own (+), literals have none
  }
}

}  // namespace

int SqlWriter::item_of(const NameExpr& n, const std::vector<std::vector<ScopeEntry>>& items) const {
  if (n.parts.size() >= 2) {
    std::string q = normalize_identifier(n.parts[n.parts.size() - 2].text);
    for (size_t i = 0; i < items.size(); ++i)
      for (const auto& e : items[i])
        if (e.name == q) return static_cast<int>(i);
    return -1;
  }
  std::string col = normalize_identifier(n.parts[0].text);
  int found = -1;
  for (size_t i = 0; i < items.size(); ++i)
    for (const auto& e : items[i])
      if (e.table && e.table->find_column(col)) {
        if (found >= 0 && found != static_cast<int>(i)) return -2;  // ambiguous
        found = static_cast<int>(i);
      }
  return found;
}

bool SqlWriter::outer_join_plan(const SelectCore& s, const std::vector<const Expr*>& conjuncts, FromPlan& plan) {
  struct Cond {
    const Expr* e;
    int optional;
    std::set<int> refs;
  };
  std::vector<Cond> conds;
  std::vector<std::vector<ScopeEntry>> items;
  for (const auto& f : s.from) {
    items.emplace_back();
    collect_scope(*f, items.back());
  }
  bool any = false;
  for (const Expr* c : conjuncts) {
    std::vector<const NameExpr*> names;
    collect_names(*c, names);
    bool marked = std::any_of(names.begin(), names.end(), [](const NameExpr* n) { return n->outer_join; });
    if (!marked) continue;
    any = true;
    Cond cond{c, -1, {}};
    for (const NameExpr* n : names) {
      int i = item_of(*n, items);
      if (n->outer_join) {
        if (i < 0) {
          item("OS4009", "cannot tell which table " + sql::compact_text(n->span) + " belongs to", n->span);
          return false;
        }
        if (cond.optional >= 0 && cond.optional != i) {
          item("OS4009", "(+) on columns of two tables in one condition", c->span);
          return false;
        }
        cond.optional = i;
      } else if (i >= 0) {
        cond.refs.insert(i);
      }
    }
    if (cond.refs.count(cond.optional)) cond.refs.erase(cond.optional);
    conds.push_back(cond);
  }
  if (!any) return false;
  for (const Expr* c : conjuncts) {
    if (c->kind == ExprKind::Binary && static_cast<const BinaryExpr*>(c)->op == BinaryOp::Or) {
      std::vector<const NameExpr*> names;
      collect_names(*c, names);
      for (const NameExpr* n : names)
        if (n->outer_join) {
          item("OS4009", "(+) inside OR", c->span);
          return false;
        }
    }
  }
  std::set<int> optional;
  for (const auto& c : conds) optional.insert(c.optional);
  std::vector<int> order;
  std::set<int> placed;
  for (size_t i = 0; i < s.from.size(); ++i)
    if (!optional.count(static_cast<int>(i))) {
      order.push_back(static_cast<int>(i));
      placed.insert(static_cast<int>(i));
    }
  if (order.empty()) {
    item("OS4009", "every table of the FROM clause is on the optional side of a (+) join", s.span);
    return false;
  }
  size_t preserved = order.size();
  while (placed.size() < s.from.size()) {
    bool progress = false;
    for (int o : optional) {
      if (placed.count(o)) continue;
      bool ready = true;
      for (const auto& c : conds)
        if (c.optional == o)
          for (int r : c.refs)
            if (!placed.count(r)) ready = false;
      if (!ready) continue;
      order.push_back(o);
      placed.insert(o);
      progress = true;
    }
    if (!progress) {
      item("OS4009", "(+) joins form a cycle", s.span);
      return false;
    }
  }
  bool reordered = false;
  for (size_t i = 0; i < order.size(); ++i)
    if (order[i] != static_cast<int>(i)) reordered = true;
  if (reordered)
    for (const auto& it : s.items)
      if (it.expr->kind == ExprKind::Star && static_cast<const StarExpr&>(*it.expr).qualifier.empty())
        item("OS4009", "SELECT * over (+) joins: the column order follows the new join order", it.span, false);
  std::string from;
  for (size_t k = 0; k < order.size(); ++k) {
    const TableRef& t = *s.from[order[k]];
    if (k == 0) {
      from = table_ref(t);
      continue;
    }
    if (k < preserved) {
      from += " CROSS JOIN " + table_ref(t);
      continue;
    }
    std::string on;
    for (const auto& c : conds)
      if (c.optional == order[k]) {
        on += (on.empty() ? "" : " AND ") + expr(*c.e);
        plan.consumed.insert(c.e);
      }
    from += " LEFT JOIN " + table_ref(t) + " ON " + on;
  }
  plan.from = from;
  return true;
}

std::optional<std::string> SqlWriter::rownum_limit(const Expr& c) {
  if (c.kind != ExprKind::Binary) return std::nullopt;
  auto& b = static_cast<const BinaryExpr&>(c);
  const Expr* other = nullptr;
  BinaryOp op = b.op;
  if (is_rownum(*b.lhs)) {
    other = b.rhs.get();
  } else if (is_rownum(*b.rhs)) {
    other = b.lhs.get();
    switch (op) {  // n >= ROWNUM is ROWNUM <= n
      case BinaryOp::Ge: op = BinaryOp::Le; break;
      case BinaryOp::Gt: op = BinaryOp::Lt; break;
      case BinaryOp::Le: op = BinaryOp::Ge; break;
      case BinaryOp::Lt: op = BinaryOp::Gt; break;
      default: break;
    }
  } else {
    return std::nullopt;
  }
  if (other->kind != ExprKind::Literal || static_cast<const LiteralExpr*>(other)->literal != LiteralKind::Number)
    return std::nullopt;
  std::string n(static_cast<const LiteralExpr*>(other)->text);
  if (n.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  if (op == BinaryOp::Le) return n;
  if (op == BinaryOp::Lt) return std::to_string(std::max(0LL, std::stoll(n) - 1));
  if (op == BinaryOp::Eq && n == "1") return std::string("1");
  return std::nullopt;  // ROWNUM > n, ROWNUM = 2: never or differently true in Oracle; reported where printed
}

}  // namespace orashift::rewrite
