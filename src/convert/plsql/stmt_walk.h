#pragma once
// The statements of a PL/SQL body and of the bodies nested in them (IF / CASE branches, loops),
// for the scans that read the tree before it is converted (sparse_scan.cpp,
// global_context_scan.cpp, runtime_table_scan.cpp). Each call statement goes to on_call; a nested
// block goes to on_block, which walks it as its scan needs (its declarations, its handlers); every
// statement, nested or not, to on_stmt first.
#include <vector>

#include "sql/ast_plsql.h"

namespace orashift::plsql {

template <class OnCall, class OnBlock, class OnStmt>
void walk_statements(const std::vector<sql::ast::PlStmtPtr>& list, OnCall&& on_call, OnBlock&& on_block, OnStmt&& on_stmt) {
  namespace ast = sql::ast;
  for (const auto& s : list) {
    on_stmt(*s);
    switch (s->kind) {
      case ast::PlStmtKind::Call: {
        const ast::Expr& e = *static_cast<const ast::PlCall&>(*s).call;
        if (e.kind == ast::ExprKind::Call) on_call(static_cast<const ast::CallExpr&>(e));
        break;
      }
      case ast::PlStmtKind::If: {
        const auto& i = static_cast<const ast::PlIf&>(*s);
        for (const auto& b : i.branches) walk_statements(b.body, on_call, on_block, on_stmt);
        walk_statements(i.else_body, on_call, on_block, on_stmt);
        break;
      }
      case ast::PlStmtKind::Case: {
        const auto& c = static_cast<const ast::PlCase&>(*s);
        for (const auto& b : c.whens) walk_statements(b.body, on_call, on_block, on_stmt);
        walk_statements(c.else_body, on_call, on_block, on_stmt);
        break;
      }
      case ast::PlStmtKind::Loop: walk_statements(static_cast<const ast::PlLoop&>(*s).body, on_call, on_block, on_stmt); break;
      case ast::PlStmtKind::Block: {
        const auto& b = static_cast<const ast::PlBlockStmt&>(*s);
        if (b.block) on_block(*b.block);
        break;
      }
      default: break;
    }
  }
}

template <class OnCall, class OnBlock>
void walk_statements(const std::vector<sql::ast::PlStmtPtr>& list, OnCall&& on_call, OnBlock&& on_block) {
  walk_statements(list, on_call, on_block, [](const sql::ast::PlStmt&) {});
}

// Every statement of a package (its routines' bodies and its initialisation), a standalone
// routine, a trigger (each timing point of a compound one) or a type body's methods, with their
// nested blocks, local routines and handlers.
template <class OnCall, class OnStmt>
void walk_unit(const sql::ast::Statement& unit, OnCall&& on_call, OnStmt&& on_stmt) {
  namespace ast = sql::ast;
  struct Walk {
    OnCall& call;
    OnStmt& stmt;
    void decls(const std::vector<ast::PlDeclPtr>& list) {
      for (const auto& d : list)
        if (d->kind == ast::PlDeclKind::Subprogram) {
          const auto& s = static_cast<const ast::PlSubprogramDecl&>(*d).sub;
          if (s.body) block(*s.body);
        }
    }
    void block(const ast::PlBlock& b) {
      decls(b.decls);
      body(b.body);
      for (const auto& h : b.handlers) body(h.body);
    }
    void body(const std::vector<ast::PlStmtPtr>& list) {
      walk_statements(list, call, [&](const ast::PlBlock& b) { block(b); }, stmt);
    }
  } walk{on_call, on_stmt};
  switch (unit.kind) {
    case ast::StmtKind::CreatePackage: walk.block(static_cast<const ast::CreatePackage&>(unit).block); break;
    case ast::StmtKind::CreateSubprogram:
      if (const auto& s = static_cast<const ast::CreateSubprogram&>(unit).sub; s.body) walk.block(*s.body);
      break;
    case ast::StmtKind::CreateTrigger: {
      const auto& t = static_cast<const ast::CreateTrigger&>(unit);
      if (t.block) walk.block(*t.block);
      walk.decls(t.compound_decls);
      for (const auto& p : t.timing_points) walk.block(p.block);
      break;
    }
    case ast::StmtKind::CreateTypeBody:
      for (const auto& m : static_cast<const ast::CreateTypeBody&>(unit).methods)
        if (m.body) walk.block(*m.body);
      break;
    default: break;
  }
}

}  // namespace orashift::plsql
