#pragma once
// The statements of a PL/SQL body and of the bodies nested in them (IF / CASE branches, loops),
// for the scans that read the tree before it is converted (sparse_scan.cpp,
// global_context_scan.cpp). Each call statement goes to on_call; a nested block goes to
// on_block, which walks it as its scan needs (its declarations, its handlers).
#include <vector>

#include "sql/ast_plsql.h"

namespace orashift::plsql {

template <class OnCall, class OnBlock>
void walk_statements(const std::vector<sql::ast::PlStmtPtr>& list, OnCall&& on_call, OnBlock&& on_block) {
  namespace ast = sql::ast;
  for (const auto& s : list) {
    switch (s->kind) {
      case ast::PlStmtKind::Call: {
        const ast::Expr& e = *static_cast<const ast::PlCall&>(*s).call;
        if (e.kind == ast::ExprKind::Call) on_call(static_cast<const ast::CallExpr&>(e));
        break;
      }
      case ast::PlStmtKind::If: {
        const auto& i = static_cast<const ast::PlIf&>(*s);
        for (const auto& b : i.branches) walk_statements(b.body, on_call, on_block);
        walk_statements(i.else_body, on_call, on_block);
        break;
      }
      case ast::PlStmtKind::Case: {
        const auto& c = static_cast<const ast::PlCase&>(*s);
        for (const auto& b : c.whens) walk_statements(b.body, on_call, on_block);
        walk_statements(c.else_body, on_call, on_block);
        break;
      }
      case ast::PlStmtKind::Loop: walk_statements(static_cast<const ast::PlLoop&>(*s).body, on_call, on_block); break;
      case ast::PlStmtKind::Block: {
        const auto& b = static_cast<const ast::PlBlockStmt&>(*s);
        if (b.block) on_block(*b.block);
        break;
      }
      default: break;
    }
  }
}

}  // namespace orashift::plsql
