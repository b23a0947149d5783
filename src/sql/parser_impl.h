#pragma once
// Internal: the parser's cursor and grammar rules, split over parse_*.cpp by area.
#include <cctype>
#include <memory>
#include <span>
#include <string>

#include "common/ascii.h"
#include "sql/ast_plsql.h"
#include "sql/ast_stmt.h"
#include "sql/token.h"

namespace orashift::sql {

// True when `t` is an identifier spelling `upper` in any case (words not worth a keyword id).
inline bool word_is(const Token& t, std::string_view upper) {
  if (t.kind != TokenKind::Identifier || t.text.size() != upper.size()) return false;
  for (size_t i = 0; i < upper.size(); ++i)
    if (ascii_upper(t.text[i]) != upper[i]) return false;
  return true;
}

template <class T>
std::unique_ptr<T> node() { return std::make_unique<T>(); }

// Thrown inside the parser only; parse_tokens() turns it into one Diagnostic.
struct ParseError {
  std::string code;
  std::string message;
  Span span;
};

class Parser {
public:
  Parser(std::span<const Token> tokens, Span whole);

  ast::StatementPtr statement(bool plsql);

  // expressions (parse_expr.cpp)
  ast::ExprPtr expr(int min_prec = 1);

  // data types, columns, constraints (parse_table.cpp)
  ast::DataType data_type();
  ast::ColumnDef column_def();
  ast::ConstraintDef out_of_line_constraint();
  bool at_constraint_start() const;  // CONSTRAINT / PRIMARY / UNIQUE / FOREIGN / CHECK
  bool at_constraint_start_at(size_t k) const;
  bool is_add_other(size_t k) const;
  bool dropped_constraint(ast::AlterAction& act);
  bool changed_nullability(ast::AlterAction& act);
  bool finished() const { return at_end(); }

private:
  // --- cursor
  const Token& peek(size_t k = 0) const { return pos_ + k < toks_.size() ? toks_[pos_ + k] : end_; }
  const Token& advance() { return pos_ < toks_.size() ? toks_[pos_++] : end_; }
  bool at_end() const { return pos_ >= toks_.size(); }
  bool accept(Kw k) { return peek().kw == k ? (++pos_, true) : false; }
  bool accept(TokenKind k) { return peek().kind == k ? (++pos_, true) : false; }
  bool accept_word(std::string_view upper);  // for words not worth a keyword id
  bool accept_if_not_exists();  // 23ai: CREATE TABLE/INDEX/SEQUENCE … IF NOT EXISTS
  bool is_word(size_t k, std::string_view upper) const;
  const Token& expect(Kw k);
  const Token& expect(TokenKind k, const char* what);
  [[noreturn]] void fail(const Token& at, std::string_view expected) const;
  // Spans from a saved position (token index) to the last consumed token.
  Span span_from(size_t start) const;
  Span span_between(size_t start, size_t stop) const;
  // Consumes a balanced (...) group, the cursor on its `(`.
  void skip_group();
  // Consumes tokens until a depth-0 token for which stop() is true (or `)`/end); returns the span.
  template <class Stop> Span skip_until(Stop stop);

  ast::Ident ident(const char* what = "identifier");
  ast::QualifiedName qualified_name(const char* what = "name");
  std::vector<ast::Ident> ident_list();  // ( a, b, c )
  int integer(const char* what);

  // statements
  ast::StatementPtr create_table();
  ast::StatementPtr create_index();
  ast::StatementPtr alter_table();
  ast::StatementPtr comment_on();
  ast::StatementPtr other(const std::string& kind);

  // expressions
  ast::ExprPtr prefix();
  ast::ExprPtr primary();
  ast::ExprPtr name_or_call();
  ast::ExprPtr case_expr();
  ast::ExprPtr paren_or_subquery();
  ast::ExprPtr subquery_expr();  // cursor on SELECT / WITH / a `(` opening a query operand
  void call_args(ast::CallExpr& call);
  void call_suffixes(ast::CallExpr& call);  // KEEP, WITHIN GROUP, IGNORE NULLS, OVER
  ast::ExprPtr cast_expr();
  ast::ExprPtr extract_expr();
  bool at_query_in_parens() const;  // `(` [`(`..] SELECT/WITH

  // queries (parse_query.cpp)
public:
  ast::QueryPtr query();
private:
  bool at_query_start() const { return peek().kw == Kw::SELECT || peek().kw == Kw::WITH; }
  void with_clause(ast::Query& q);
  ast::QueryBodyPtr query_body();
  ast::QueryBodyPtr query_term();
  std::unique_ptr<ast::SelectCore> select_core();
  ast::SelectItem select_item();
  ast::TableRefPtr table_ref();
  ast::TableRefPtr table_primary();
  std::shared_ptr<ast::XmlTableSpec> xmltable_spec();  // parse_xmltable.cpp
  void table_alias(ast::TableRef& t);
  bool at_alias(bool table) const;
  bool at_join() const;
  Span partition_by_text();
  void pivot_clause(ast::TableRef& t);
  std::vector<ast::OrderItem> order_by_list();
  std::vector<ast::OrderItem> order_items();
  void window_spec(ast::WindowSpec& w);
  ast::FrameBound frame_bound();
  ast::ExprPtr group_by_item();
  void query_tail(ast::Query& q);

  // DML and views (parse_dml.cpp, parse_view.cpp)
  ast::StatementPtr select_statement();
  ast::StatementPtr insert();
  ast::StatementPtr update();
  ast::StatementPtr delete_statement();
  ast::StatementPtr merge();
  ast::StatementPtr create_view();
  ast::StatementPtr create_sequence();
  ast::StatementPtr create_synonym();
  ast::StatementPtr grant();  // also REVOKE (parse_admin.cpp)
  ast::StatementPtr drop();
  ast::StatementPtr transaction();
  ast::StatementPtr alter_session();
  ast::StatementPtr truncate();
  ast::StatementPtr create_directory();
  ast::StatementPtr user();  // CREATE USER, ALTER USER
  ast::StatementPtr create_dimension();
  std::vector<ast::QualifiedName> dimension_columns(bool& parenthesized);
  std::string_view hint();
  ast::TableRefPtr dml_target();
  ast::ExprPtr value_expr();
  std::vector<ast::Ident> column_list();
  void insert_target(ast::InsertTarget& t, bool multi);
  std::vector<ast::SetClause> set_clauses();
  std::optional<ast::Returning> returning_clause();
  Span error_logging();
  ast::StatementPtr typed_or_other(const std::string& kind);

  // PL/SQL (parse_plsql_*.cpp)
  ast::StatementPtr plsql_unit(const std::string& kind);
  ast::StatementPtr anonymous_block();
  ast::StatementPtr create_subprogram(ast::UnitHeader h);
  ast::StatementPtr create_package(ast::UnitHeader h);
  ast::StatementPtr create_trigger(ast::UnitHeader h);
  ast::StatementPtr create_type(ast::UnitHeader h);
  ast::StatementPtr create_type_body(ast::UnitHeader h);
  ast::UnitHeader unit_header();
  void pl_block(ast::PlBlock& b, bool decls_first);  // [decls] BEGIN .. END [name] ;
  void pl_decls(std::vector<ast::PlDeclPtr>& out, bool compound);
  ast::PlDeclPtr pl_decl();
  void pl_subprogram(ast::PlSubprogram& s, bool in_type_spec);
  std::vector<ast::PlParam> pl_params();
  ast::PlType pl_type();
  ast::PlCondComp pl_cond_comp();
  std::vector<ast::PlStmtPtr> pl_stmts();
  ast::PlStmtPtr pl_stmt();
  ast::PlStmtPtr pl_stmt_unlabelled();
  ast::PlStmtPtr pl_sql_stmt();
  ast::PlStmtPtr pl_loop(std::unique_ptr<ast::PlLoop> l);
  ast::PlStmtPtr pl_if();
  ast::PlStmtPtr pl_case();
  ast::PlStmtPtr pl_forall();
  ast::PlStmtPtr pl_open();
  ast::PlStmtPtr pl_fetch();
  ast::PlStmtPtr pl_exec_immediate();
  std::vector<ast::CallArg> pl_using();
  std::vector<ast::ExprPtr> pl_into_list();
  std::vector<ast::PlHandler> pl_handlers();
  bool at_stmts_end() const;
  size_t find_semicolon() const;
  void expect_semicolon();
  void expect_end_word(std::string_view word);
  std::optional<ast::Ident> opt_end_label();
  ast::ExprPtr postfix(ast::ExprPtr base, size_t start);
  bool plsql_ = false;

  // create table pieces
  void constraint_state(ast::ConstraintState& st);
  void check_condition(ast::ConstraintDef& c);
  bool at_state_keyword() const;
  bool inline_constraint(ast::ColumnDef& col);
  void table_properties(ast::CreateTable& t);
  bool at_property_start() const;
  ast::PartitionSpec partition_spec();
  ast::PartitionDef partition_def();
  void references(ast::ConstraintDef& c);

  // Nesting of the recursive rules, bounded so hostile input (50,000 `(`) fails with a
  // diagnostic instead of overflowing the stack; sub-parsers for embedded SQL inherit it.
  static constexpr int kMaxDepth = 200;
  static constexpr int kMaxChain = 2000;  // operands of one operator chain: the printer recurses on them
  struct DepthGuard {
    explicit DepthGuard(Parser& p) : p_(p) {
      if (++p_.depth_ > kMaxDepth) {
        --p_.depth_;
        p_.fail(p_.peek(), "less deeply nested syntax (more than 200 levels)");
      }
    }
    ~DepthGuard() { --p_.depth_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;
    Parser& p_;
  };
  int depth_ = 0;

  std::span<const Token> toks_;
  size_t pos_ = 0;
  Token end_;  // the End token, placed at the statement's end
  Span whole_;
};

template <class Stop>
Span Parser::skip_until(Stop stop) {
  size_t start = pos_;
  while (!at_end()) {
    const Token& t = peek();
    if (t.kind == TokenKind::RParen) break;
    if (stop(t)) break;
    if (t.kind == TokenKind::LParen) {
      skip_group();
      continue;
    }
    ++pos_;
  }
  return span_between(start, pos_);
}

}  // namespace orashift::sql
