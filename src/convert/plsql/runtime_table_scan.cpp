// The tables a unit creates at run time with a literal dynamic statement
// (EXECUTE IMMEDIATE 'CREATE [GLOBAL TEMPORARY] TABLE t …'): Oracle compiles the code that then
// reads t through dynamic SQL without knowing t, and so must the check of the converted code
// (Lowerer::deferred_check). Read before any body is converted, over every unit, because the
// routine creating the table and the one reading it are often different (a test's setup and
// teardown).
#include "catalog/catalog.h"
#include "common/ascii.h"
#include "convert/plsql/registry.h"
#include "convert/plsql/stmt_walk.h"
#include "convert/query/sql_writer.h"
#include "sql/lexer.h"

namespace orashift::plsql {

namespace ast = sql::ast;

namespace {

// The table a CREATE TABLE text creates ("" for any other text).
std::string created_table(const std::string& text) {
  SourceFile file("<dynamic>", text);
  std::vector<sql::Token> t;
  for (const auto& tok : sql::tokenize(file))
    if (tok.kind != sql::TokenKind::Comment && tok.kind != sql::TokenKind::End) t.push_back(tok);
  auto word = [&](size_t i, const char* w) { return i < t.size() && t[i].kind == sql::TokenKind::Identifier && ascii_upper(t[i].text) == w; };
  size_t i = 0;
  if (!word(i++, "CREATE")) return "";
  if (word(i, "GLOBAL") || word(i, "PRIVATE")) ++i;
  if (word(i, "TEMPORARY")) ++i;
  if (!word(i++, "TABLE")) return "";
  if (word(i, "IF") && word(i + 1, "NOT") && word(i + 2, "EXISTS")) i += 3;  // 23ai
  if (i >= t.size()) return "";
  // schema.table: the table's own name
  if (i + 2 < t.size() && t[i + 1].kind == sql::TokenKind::Dot) i += 2;
  if (t[i].kind != sql::TokenKind::Identifier && t[i].kind != sql::TokenKind::QuotedIdentifier) return "";
  return normalize_identifier(t[i].text);
}

}  // namespace

void add_runtime_tables(const ast::Statement& unit, std::set<std::string>& out) {
  walk_unit(unit, [](const ast::CallExpr&) {}, [&](const ast::PlStmt& s) {
    if (s.kind != ast::PlStmtKind::ExecuteImmediate) return;
    const auto& e = static_cast<const ast::PlExecImmediate&>(s);
    if (!e.text || e.text->kind != ast::ExprKind::Literal) return;
    std::string name = created_table(rewrite::string_literal_value(static_cast<const ast::LiteralExpr&>(*e.text).text));
    if (!name.empty()) out.insert(name);
  });
}

}  // namespace orashift::plsql
