#include "convert/sql_rewrite.h"

#include "convert/query/sql_writer.h"
#include "convert/simple_expression.h"
#include "sql/parser.h"

namespace orashift {

RewriteResult convert_expression(const sql::ast::Expr& expr, Dialect dialect, const RewriteContext& ctx) {
  RewriteResult r;
  rewrite::SqlWriter w(dialect, ctx, r);
  r.sql = w.expr(expr);
  return r;
}

RewriteResult convert_query(const sql::ast::Query& query, Dialect dialect, const RewriteContext& ctx) {
  RewriteResult r;
  rewrite::SqlWriter w(dialect, ctx, r);
  r.sql = w.query(query);
  return r;
}

RewriteResult convert_statement(const sql::ast::Statement& stmt, Dialect dialect, const RewriteContext& ctx) {
  RewriteResult r;
  rewrite::SqlWriter w(dialect, ctx, r);
  r.sql = w.statement(stmt);
  return r;
}

RewriteResult convert_expression_text(std::string_view oracle_sql, Span origin, Dialect dialect,
                                      const RewriteContext& ctx) {
  // The parser reads statements: the expression is parsed as the one item of a SELECT.
  SourceFile file(origin.file ? origin.file->path() : std::string("<expression>"),
                  "SELECT " + std::string(oracle_sql) + " FROM DUAL");
  Diagnostics diags;
  sql::ParsedScript parsed = sql::parse_script(file, diags);
  RewriteResult out;
  const sql::ast::Expr* expr = nullptr;
  if (diags.error_count() == 0 && parsed.statements.size() == 1 && parsed.statements[0] &&
      parsed.statements[0]->kind == sql::ast::StmtKind::Select) {
    auto& q = *static_cast<const sql::ast::SelectStmt&>(*parsed.statements[0]).query;
    if (q.body->kind == sql::ast::QueryBodyKind::Select) {
      auto& core = static_cast<const sql::ast::SelectCore&>(*q.body);
      if (core.items.size() == 1 && !core.items[0].alias) expr = core.items[0].expr.get();
    }
  }
  if (!expr) {
    out.items.add("OS4013", ctx.object, "expression does not parse: " + std::string(oracle_sql), origin,
                  dialect_name(dialect));
    out.sql = std::string(oracle_sql);
    out.convertible = false;
    return out;
  }
  RewriteResult r = convert_expression(*expr, dialect, ctx);
  out.sql = std::move(r.sql);
  out.convertible = r.convertible;
  // Spans point into the temporary text: report at the expression's place in the source.
  for (const auto& i : r.items.items()) out.items.add(i.kind->code, i.object, i.message, origin, i.target);
  return out;
}

RewriteResult convert_table_condition(std::string_view oracle_sql, Span origin, const Table& table,
                                      const Catalog& catalog, Dialect dialect, const std::string& object) {
  RewriteContext ctx;
  ctx.catalog = &catalog;
  ctx.table = &table;
  ctx.object = object;
  RewriteResult r = convert_expression_text(oracle_sql, origin, dialect, ctx);
  bool implicit = false;
  for (const auto& i : r.items.items())
    if (std::string_view(i.kind->code) == "OS4015" || std::string_view(i.kind->code) == "OS4016") implicit = true;
  if (!implicit)
    if (auto simple = translate_simple_expression(oracle_sql, table, dialect)) {
      RewriteResult out;
      out.sql = *simple;
      return out;
    }
  return r;
}

void merge_items(const RewriteResult& r, ActionItems& into) {
  for (const auto& i : r.items.items()) into.add(i.kind->code, i.object, i.message, i.span, i.target);
}

}  // namespace orashift
