#include "dialect/view_rows.h"

#include <set>

#include "common/naming.h"
#include "dialect/statement_finder.h"
#include "sql/ast_query.h"
#include "sql/ast_stmt.h"
#include "sql/parser.h"

namespace orashift {

namespace {

namespace ast = sql::ast;

OracleType text_type() {
  OracleType t;
  t.name = "VARCHAR2";
  t.length = 4000;
  return t;
}

OracleType named(const char* name) {
  OracleType t;
  t.name = name;
  return t;
}

struct Scope {
  std::vector<std::pair<std::string, const Table*>> from;  // alias (or name) → relation

  const Column* column(const ast::NameExpr& n) const {
    if (n.parts.size() == 2) {
      std::string q = normalize_identifier(n.parts[0].text);
      for (const auto& [alias, t] : from)
        if (alias == q) return t->find_column(normalize_identifier(n.parts[1].text));
      return nullptr;
    }
    if (n.parts.size() != 1) return nullptr;
    const Column* found = nullptr;
    for (const auto& [alias, t] : from)
      if (const Column* c = t->find_column(normalize_identifier(n.parts[0].text))) {
        if (found) return nullptr;  // ambiguous: Oracle would refuse the view
        found = c;
      }
    return found;
  }
};

// The type of a select item's value: a column keeps its table's type; an expression the family
// of what it computes; what cannot be told is text.
OracleType item_type(const ast::Expr& e, const Scope& scope) {
  switch (e.kind) {
    case ast::ExprKind::Name:
      if (const Column* c = scope.column(static_cast<const ast::NameExpr&>(e))) return c->type;
      return text_type();
    case ast::ExprKind::Literal: {
      auto k = static_cast<const ast::LiteralExpr&>(e).literal;
      if (k == ast::LiteralKind::Number) return OracleType::number(std::nullopt, std::nullopt);
      if (k == ast::LiteralKind::Date) return named("DATE");
      if (k == ast::LiteralKind::Timestamp) return named("TIMESTAMP");
      return text_type();
    }
    case ast::ExprKind::Binary: {
      const auto& b = static_cast<const ast::BinaryExpr&>(e);
      if (b.op == ast::BinaryOp::Concat) return text_type();
      OracleType l = item_type(*b.lhs, scope);
      if ((b.op == ast::BinaryOp::Add || b.op == ast::BinaryOp::Sub) && l.name == "DATE" &&
          item_type(*b.rhs, scope).name != "DATE")
        return l;
      return OracleType::number(std::nullopt, std::nullopt);
    }
    case ast::ExprKind::Call: {
      const auto& c = static_cast<const ast::CallExpr&>(e);
      std::string f = c.name.size() == 1 ? normalize_identifier(c.name[0].text) : "";
      static const std::set<std::string> numbers = {"COUNT", "SUM", "AVG", "TO_NUMBER", "LENGTH", "INSTR", "ABS",
                                                    "MOD", "CEIL", "FLOOR", "POWER", "SIGN", "STDDEV", "VARIANCE"};
      static const std::set<std::string> dates = {"TO_DATE", "ADD_MONTHS", "LAST_DAY", "NEXT_DAY"};
      static const std::set<std::string> same = {"MIN", "MAX", "NVL", "COALESCE", "ROUND", "TRUNC"};
      if (numbers.count(f)) return OracleType::number(std::nullopt, std::nullopt);
      if (dates.count(f)) return named("DATE");
      if (same.count(f) && !c.args.empty()) return item_type(*c.args[0].value, scope);
      return text_type();
    }
    default: return text_type();
  }
}

// The columns of `v`'s query, or nullopt when they cannot all be told (a star over a join or a
// subquery, an unnamed expression).
std::optional<std::vector<Column>> view_columns(const ast::CreateView& v, const Catalog& catalog,
                                                const std::map<std::string, Table>& views,
                                                const std::set<std::string>& view_names) {
  if (!v.query || !v.query->body) return std::nullopt;
  const ast::QueryBody* body = v.query->body.get();
  while (body->kind == ast::QueryBodyKind::SetOp) body = static_cast<const ast::SetOp&>(*body).lhs.get();
  if (body->kind != ast::QueryBodyKind::Select) return std::nullopt;
  const auto& core = static_cast<const ast::SelectCore&>(*body);
  Scope scope;
  for (const auto& f : core.from) {
    if (f->kind != ast::TableRefKind::Table) continue;  // a join or subquery: its columns are not typed here
    const auto& t = static_cast<const ast::TableName&>(*f);
    std::string name = normalize_identifier(t.name.name().text);
    const Table* table = catalog.find_table(name);
    if (!table && view_names.count(name)) {
      auto it = views.find(name);
      if (it == views.end()) return std::nullopt;  // a view not typed yet: the next pass
      table = &it->second;
    }
    if (!table) continue;
    scope.from.emplace_back(f->alias ? normalize_identifier(f->alias->text) : name, table);
  }
  std::vector<Column> out;
  for (const auto& item : core.items) {
    if (item.expr->kind == ast::ExprKind::Star) {
      const auto& s = static_cast<const ast::StarExpr&>(*item.expr);
      if (s.qualifier.empty() && (core.from.size() != 1 || scope.from.size() != 1)) return std::nullopt;
      const Table* t = nullptr;
      std::string q = s.qualifier.empty() ? "" : normalize_identifier(s.qualifier.back().text);
      for (const auto& [alias, rel] : scope.from)
        if (q.empty() || alias == q) t = rel;
      if (!t) return std::nullopt;
      for (const auto& c : t->columns)
        if (!c.invisible) out.push_back(c);
      continue;
    }
    Column c;
    if (item.alias) c.name = normalize_identifier(item.alias->text);
    else if (item.expr->kind == ast::ExprKind::Name)
      c.name = normalize_identifier(static_cast<const ast::NameExpr&>(*item.expr).parts.back().text);
    else if (v.columns.empty())
      return std::nullopt;
    c.type = item_type(*item.expr, scope);
    out.push_back(std::move(c));
  }
  if (!v.columns.empty()) {
    if (v.columns.size() != out.size()) return std::nullopt;
    for (size_t i = 0; i < out.size(); ++i) out[i].name = normalize_identifier(v.columns[i].text);
  }
  return out;
}

}  // namespace

std::map<std::string, Table> source_view_rows(const Catalog& catalog) {
  std::vector<ast::StatementPtr> parsed;
  StatementFinder finder;
  for (const auto& u : catalog.unmodelled) {
    if (u.kind != "CREATE VIEW" || !u.span.file) continue;
    const sql::Script* script = nullptr;
    const sql::ScriptStatement* st = finder.find(u.span, &script);
    if (!st) continue;
    Diagnostics diags;
    ast::StatementPtr s = sql::parse_statement(*script, *st, diags);
    if (s && s->kind == ast::StmtKind::CreateView) parsed.push_back(std::move(s));
  }
  // A view may read views defined after it in the files: passes until nothing new is typed.
  std::set<std::string> names;
  for (const auto& s : parsed) names.insert(normalize_identifier(static_cast<const ast::CreateView&>(*s).name.name().text));
  std::map<std::string, Table> rows;
  for (bool progress = true; progress;) {
    progress = false;
    for (const auto& s : parsed) {
      const auto& v = static_cast<const ast::CreateView&>(*s);
      std::string name = normalize_identifier(v.name.name().text);
      if (rows.count(name)) continue;
      if (auto columns = view_columns(v, catalog, rows, names)) {
        Table t;
        t.name = name;
        t.columns = std::move(*columns);
        rows.emplace(name, std::move(t));
        progress = true;
      }
    }
  }
  return rows;
}

}  // namespace orashift
