#pragma once
// The arguments of a call of an Oracle built-in routine in its documented parameter order, named
// notation resolved: built-ins have no declaration in the registry to bind against.
#include <optional>
#include <string>
#include <vector>

#include "convert/query/sql_writer.h"
#include "sql/ast.h"

namespace orashift::plsql {

// nullptr for an omitted parameter; nullopt when a name is not among `params`, a parameter is
// given twice, or there are more arguments than parameters.
inline std::optional<std::vector<const sql::ast::Expr*>> builtin_args(const sql::ast::CallExpr* c,
                                                                      const std::vector<const char*>& params) {
  std::vector<const sql::ast::Expr*> out(params.size(), nullptr);
  if (!c) return out;
  for (size_t i = 0; i < c->args.size(); ++i) {
    size_t at = i;
    if (!c->args[i].name.empty()) {
      std::string n = rewrite::upper(std::string(c->args[i].name));
      at = params.size();
      for (size_t p = 0; p < params.size(); ++p)
        if (n == params[p]) at = p;
    }
    if (at >= out.size() || out[at]) return std::nullopt;
    out[at] = c->args[i].value.get();
  }
  return out;
}

// The value of a string literal argument ('AL32UTF8' → AL32UTF8); nullopt for anything else.
inline std::optional<std::string> string_literal(const sql::ast::Expr* e) {
  if (!e || e->kind != sql::ast::ExprKind::Literal) return std::nullopt;
  const auto& l = static_cast<const sql::ast::LiteralExpr&>(*e);
  if (l.literal != sql::ast::LiteralKind::String || l.text.size() < 2 || l.text.front() != '\'') return std::nullopt;
  std::string out;
  for (size_t i = 1; i + 1 < l.text.size(); ++i) {
    out.push_back(l.text[i]);
    if (l.text[i] == '\'') ++i;
  }
  return out;
}

inline bool null_literal(const sql::ast::Expr* e) {
  return e && e->kind == sql::ast::ExprKind::Literal &&
         static_cast<const sql::ast::LiteralExpr&>(*e).literal == sql::ast::LiteralKind::Null;
}

}  // namespace orashift::plsql
