#pragma once
// The lowered form of a PL/SQL body: a small PL/pgSQL tree that owns its strings and keeps the
// Oracle span of each statement. Oracle's variants arrive here already desugared (ELSIF chains,
// loop kinds, cursor FOR loops, := and DEFAULT); passes rewrite this tree, and the emitter
// (emit.h) prints it with indentation. Expressions are leaves: target SQL text written by the
// query writer, so views and routines agree on every rewrite.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/diagnostic.h"

namespace orashift::plsql {

struct PgStmt;
using PgBody = std::vector<PgStmt>;

struct PgDecl {
  std::string text;  // "v" numeric := 0   (no trailing ';')
  Span span;
};

struct PgHandler {
  std::string condition;  // no_data_found OR SQLSTATE 'OR001'
  PgBody body;
  Span span;
};

struct PgBlock {
  std::string label;
  std::vector<PgDecl> decls;
  PgBody body;
  std::vector<PgHandler> handlers;
};

enum class PgKind { Simple, If, Case, Loop, Block };

struct PgStmt {
  PgKind kind = PgKind::Simple;
  Span span;
  std::string text;   // Simple: the statement without ';'; Case: "CASE x" / "CASE"; Loop: "WHILE c" / "FOR i IN 1..n" / ""
  std::string label;  // <<label>> before a loop
  std::vector<std::pair<std::string, PgBody>> branches;  // If: conditions; Case: WHEN values
  bool has_else = false;
  PgBody else_body;
  PgBody body;                    // Loop
  std::shared_ptr<PgBlock> block; // Block

  static PgStmt simple(std::string text, Span span) {
    PgStmt s;
    s.text = std::move(text);
    s.span = span;
    return s;
  }
};

}  // namespace orashift::plsql
