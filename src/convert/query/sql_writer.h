#pragma once
// The SQL writer behind sql_rewrite.h: prints the Oracle AST as target SQL, rewriting as it
// goes. Split by concern: sql_writer.cpp (expressions, queries), sql_writer_calls.cpp (function
// map, dates, format models), sql_writer_joins.cpp ((+) joins, ROWNUM), sql_writer_tree.cpp
// (CONNECT BY). The writer never mutates the tree: rewrites are decided while printing.
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "convert/sql_rewrite.h"
#include "sql/token.h"

namespace orashift::rewrite {

namespace ast = sql::ast;


// A FROM item visible by one name (alias, or table name) and, when known, its catalog table.
struct ScopeEntry {
  std::string name;          // normalised (upper case unless quoted)
  const Table* table = nullptr;
  std::shared_ptr<const Table> rows{};  // TABLE(collection): its columns as a table (`table` points at it)
};

// Hex digits (target SQL text) to bytes as Oracle's HEXTORAW reads them, PostgreSQL: an odd
// number of digits has a leading 0 assumed (HEXTORAW('D') is 0D), which decode() refuses.
inline std::string hex_to_bytes_sql(const std::string& x) {
  bool literal = x.size() >= 2 && x.front() == '\'' && x.back() == '\'' && x.find('\'', 1) == x.size() - 1;
  if (literal) return "decode(" + ((x.size() - 2) % 2 ? "'0" + x.substr(1) : x) + ", 'hex')";
  return "decode(lpad(" + x + ", length(" + x + ") + length(" + x + ") % 2, '0'), 'hex')";
}

class SqlWriter {
public:
  SqlWriter(Dialect dialect, const RewriteContext& ctx, RewriteResult& result)
      : d_(dialect), ctx_(ctx), res_(result) {}

  std::string expr(const ast::Expr& e);
  std::string query(const ast::Query& q);
  std::string statement(const ast::Statement& s);  // sql_writer_dml.cpp: SELECT, INSERT (ALL/FIRST), MERGE

  bool redshift() const { return d_ == Dialect::Redshift; }
  bool postgres() const { return d_ == Dialect::Postgres; }
  bool duckdb() const { return d_ == Dialect::DuckDb; }

  // Raises an action item at `span`; `breaks` = the printed SQL is not valid/equivalent.
  void item(std::string_view code, const std::string& message, Span span, bool breaks = true);

  ValueType type_of(const ast::Expr& e);
  // True when n's qualifier is a FROM item in scope (t.c is then a column, never a routine name).
  bool names_from_item(const ast::NameExpr& n) const;
  std::string ident(const ast::Ident& i);  // quoted target name
  std::string text_type() const;           // the target's unbounded text type for casts

  // Oracle's implicit conversions made explicit (sql_writer_implicit.cpp). `compared` prints an
  // operand of a comparison or arithmetic with a value of type `other`, converted as Oracle
  // would (a character value meeting a number becomes a NUMBER, meeting a date a DATE);
  // `assigned` prints a value stored into a column of type `column` (INSERT, UPDATE, DEFAULT).
  std::string compared(const ast::Expr& e, ValueType other);
  std::string assigned(const ast::Expr& e, ValueType column);
  // The type Oracle converts a `operand` value to when it meets an `other` value; Unknown when
  // it stays as it is.
  static ValueType implicit_target(ValueType operand, ValueType other);

private:
  bool in_statement_ = false;  // writing a whole SQL statement (not a PL/SQL expression)
  bool rownum_numbers_ = false;  // writing a select item: ROWNUM is the row's number (ROW_NUMBER() OVER ())
  // expressions (sql_writer.cpp)
  std::string literal(const ast::LiteralExpr& l);
  std::string name(const ast::NameExpr& n);
  std::string binary(const ast::BinaryExpr& b);
  std::string concat(const ast::BinaryExpr& b);
  std::string date_arith(const ast::BinaryExpr& b, ValueType lt, ValueType rt, const std::string& l, const std::string& r);
  std::string unary(const ast::UnaryExpr& u);
  std::string cast(const ast::CastExpr& c);
  std::string exprs(const std::vector<ast::ExprPtr>& v);
  std::string order_items(const std::vector<ast::OrderItem>& v);
  std::string window(const ast::WindowSpec& w);
  const Column* resolve_column(const ast::NameExpr& n) const;

  // nested tables and VARRAYs as arrays (sql_writer_collections.cpp): nullopt where not converted
  std::optional<std::string> collection_test(const ast::IsNullExpr& n, const std::string& test);
  std::optional<std::string> collection_operator(const ast::BinaryExpr& b);

  // calls (sql_writer_calls.cpp)
  std::string call(const ast::CallExpr& c);
  std::string call_generic(const ast::CallExpr& c, const std::string& target_name);
  std::optional<std::string> builtin_named_arguments(const ast::CallExpr& c, const std::string& f);
  std::string call_tail(const ast::CallExpr& c);  // KEEP / WITHIN GROUP / OVER
  std::string decode(const ast::CallExpr& c);
  std::string to_char(const ast::CallExpr& c);
  std::string to_date(const ast::CallExpr& c, bool timestamp);
  std::string to_number(const ast::CallExpr& c);
  std::string trunc_round(const ast::CallExpr& c, bool round);
  std::string date_call(const ast::CallExpr& c, const std::string& fn);
  std::string listagg(const ast::CallExpr& c);
  std::string replace(const ast::CallExpr& c, const std::string& fn);  // REPLACE, REGEXP_REPLACE
  std::string arg(const ast::CallExpr& c, size_t i) { return expr(*c.args[i].value); }
  std::string conditional_compilation(const ast::CallExpr& c);
  // A length, position or character code: Oracle truncates a NUMBER to an integer there (SUBSTR
  // 2.9 is 2), the targets' functions take integers only. A whole-number literal stays as written.
  std::string whole_arg(const ast::CallExpr& c, size_t i) { return whole_number(arg(c, i)); }
  static std::string whole_number(const std::string& a) {
    size_t digits = a.rfind('-', 0) == 0 ? a.find_first_not_of(' ', 1) : 0;
    if (digits < a.size() && a.find_first_not_of("0123456789", digits) == std::string::npos) return a;
    return "TRUNC(" + a + ")::INTEGER";
  }
  std::string date_format(const ast::Expr& mask, bool parsing, Span where);
  // A format model's text: a string literal, or a constant holding one (RoutineNames::constant_string).
  bool mask_text(const ast::Expr& mask, std::string* value) const;

  // implicit conversions (sql_writer_implicit.cpp)
  std::string converted(const ast::Expr& e, ValueType want);  // e as a `want` value, literals folded
  std::string number_type() const;                            // the cast type for TO_NUMBER
  std::string in_list(const ast::InExpr& n);
  // A concatenated part: a DATE is formatted with NLS_DATE_FORMAT as Oracle does, the rest as is.
  std::string concat_part(const ast::Expr& e);
  bool oracle_date(const ast::Expr& e);
  bool oracle_timestamp(const ast::Expr& e);  // a TIMESTAMP value (not a DATE): TIMESTAMP - x is an interval
  // A value a character function or LIKE reads: a number or a DATE is converted to text as
  // Oracle does (TO_CHAR; DATE with NLS_DATE_FORMAT); text as is.
  std::string as_text(const ast::Expr& e);
  std::optional<std::string> interval_text(const ast::Expr& e);
  // INSERT/UPDATE: the catalog table a DML statement writes, and VALUES converted to its columns.
  const Table* target_table(const ast::TableRef& t) const;
  std::string row_values(const Table* table, const std::vector<ast::Ident>& columns,
                         const std::vector<ast::ExprPtr>& values);
  std::string between(const ast::BetweenExpr& b);

  // queries (sql_writer.cpp)
  std::string body(const ast::QueryBody& b, bool direct, std::string* limit_out);
  std::string select(const ast::SelectCore& s, std::string* limit_out);
  std::string select_items(const ast::SelectCore& s);
  std::string table_ref(const ast::TableRef& t);
  std::string plain_from(const ast::SelectCore& s);
  void push_scope(const ast::SelectCore& s);
  void collect_scope(const ast::TableRef& t, std::vector<ScopeEntry>& out) const;

  // TABLE(collection) in a routine's query (sql_writer_collections.cpp): the routine's typed
  // collection as unnest(…) with Oracle's column names, or nullopt when the routine does not
  // know its element type (the item stays).
  struct CollectionRef {
    std::string alias;  // the target's quoted alias
    RoutineNames::CollectionRows rows;
  };
  const CollectionRef* collection_ref(const ast::TableRef& t) const;
  std::optional<std::string> user_type_cast(const ast::CastExpr& c, const RoutineNames::UserType& t);
  std::optional<std::string> collection_table(const ast::TableRef& t);
  std::optional<std::string> xquery_range_table(const ast::TableRef& t) const;
  std::string insert_target(const ast::TableRef& t);
  // XMLTABLE(…) on PostgreSQL (sql_writer_xmltable.cpp): nullopt leaves the item.
  std::optional<std::string> xml_table(const ast::TableRef& t);

  // joins and ROWNUM (sql_writer_joins.cpp)
  struct FromPlan {
    std::string from;                    // the FROM clause text (without FROM)
    std::set<const ast::Expr*> consumed; // WHERE conjuncts the plan moved into ON clauses
  };
  bool outer_join_plan(const ast::SelectCore& s, const std::vector<const ast::Expr*>& conjuncts, FromPlan& plan);
  std::optional<std::string> rownum_limit(const ast::Expr& conjunct);
  bool is_rownum(const ast::Expr& e) const;
  int item_of(const ast::NameExpr& n, const std::vector<std::vector<ScopeEntry>>& items) const;

  // DML (sql_writer_dml.cpp)
  std::string insert(const ast::Insert& s);
  std::string merge(const ast::Merge& s);
  std::string update(const ast::Update& s);
  std::string delete_stmt(const ast::Delete& s);
  bool is_rowid(const ast::Expr& e) const;
  std::optional<std::string> dml_view_target(const ast::TableRef& t, std::string& rows);
  std::string dml_where(const std::string& view_rows, const ast::Expr* where);
  std::string returning(const std::optional<ast::Returning>& r, Span where);
  std::string set_clauses(const std::vector<ast::SetClause>& sets);

  // PIVOT (sql_writer_pivot.cpp): the rewritten FROM item, or nullopt after an OS4006 item
  std::optional<std::string> pivot(const ast::TableRef& t);
  std::optional<std::string> unpivot(const ast::TableRef& t, const std::vector<sql::Token>& tokens);
  bool source_columns(const ast::TableRef& t, std::vector<std::string>& cols, std::string& source, std::string& why);
  std::optional<std::string> converted_from(const std::string& oracle, const ast::TableRef& t, const char* alias_base);

  // CONNECT BY (sql_writer_tree.cpp)
  std::string hierarchical(const ast::SelectCore& s);

public:
  // Hierarchical-query state, read by name()/call() while a CONNECT BY is printed.
  struct TreeState {
    std::string ref;          // quoted reference name of the table in the tree
    std::string prior_alias;  // quoted alias of the previous level in the recursive member
    std::string level_col;    // quoted LEVEL column
    bool in_recursive = false;  // printing the recursive member's join condition
    bool in_prior = false;      // inside PRIOR's operand
    bool final_select = false;  // printing the outer select over the tree
    std::vector<std::pair<std::string, std::string>> extra_cols;  // (anchor expr, recursive expr) per extra column
    std::vector<std::string> extra_names;
  };

private:
  Dialect d_;
  const RewriteContext& ctx_;
  RewriteResult& res_;
  const ast::SelectCore* order_from_ = nullptr;  // the query whose ORDER BY is being written
  std::vector<std::vector<ScopeEntry>> scopes_;    // innermost last
  std::vector<std::string>* ctes_ = nullptr;       // CTEs the current query must define first
  bool ctes_recursive_ = false;
  TreeState* tree_ = nullptr;
  int tree_count_ = 0;
  int subquery_count_ = 0;
  mutable std::map<const ast::TableRef*, std::optional<CollectionRef>> collection_refs_;
  std::string cte_defining_;                        // name of the CTE whose body is printed
  bool cte_self_reference_ = false;
  std::string inner_limit_;
  std::vector<std::string> cte_names_;  // CTEs in scope (Oracle names): FROM may read them  // ROWNUM limit pushed into the ordered subquery printed next
};

std::string upper(std::string_view s);
ValueType value_type_of(const OracleType& t);
std::string string_literal_value(std::string_view token);  // 'a''b' / q'[..]' / N'..' → value
bool is_string_literal(const sql::ast::Expr& e, std::string* value = nullptr);  // and its value
std::string regex_flags(const std::string& oracle_match_parameter);  // PostgreSQL's ARE flags
Column typed_column(const std::string& name, const sql::ast::DataType& t);  // a column of an Oracle type, for map_type

}  // namespace orashift::rewrite
