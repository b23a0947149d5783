#pragma once
// Oracle SQL → target SQL for queries and expressions (issue 4 item 4).
//
// The rewriter prints the typed Oracle AST (sql/ast*.h) as SQL for Redshift, PostgreSQL or
// DuckDB, rewriting what the target spells differently: (+) joins, ROWNUM, CONNECT BY, DECODE,
// NVL/NVL2, SYSDATE, date arithmetic, format models, '' as NULL, MINUS, DUAL, sequences, LISTAGG.
// docs/sql-rewrites.md lists every rule. What it cannot convert becomes an action item (OS4xxx)
// located at the construct's span; the SQL then still prints but `convertible` is false, so a
// caller never applies it as if it were right.
//
// Column DEFAULTs and CHECK conditions (helper "apply"): convert_expression_text() parses the
// Oracle text kept in the catalog (Column::default_sql, Constraint::check_sql), e.g.
//   RewriteContext ctx;  ctx.catalog = &cat;  ctx.table = &table;  ctx.object = "TABLE T";
//   RewriteResult r = convert_expression_text(col.default_sql, col.span, Dialect::Postgres, ctx);
//   if (r.convertible) sql += " DEFAULT " + r.sql;   // SYSDATE → LOCALTIMESTAMP(0), ...
//   for (auto& i : r.items.items()) items.add(...);  // or merge_items(r, items)
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "assess/action_item.h"
#include "catalog/catalog.h"
#include "convert/type_mapping.h"
#include "sql/ast_stmt.h"

namespace orashift {

namespace rewrite {
class SqlWriter;
// What a rewrite needs to know of a value's type; from the catalog, literals, functions and, in
// PL/SQL, the routine's declarations.
enum class ValueType { Unknown, Date, Number, Text, Interval };
}  // namespace rewrite

// The names a PL/SQL routine declares, for the SQL and expressions inside it (convert/plsql).
// The writer asks it about every name that is not a column of a FROM item in scope (Oracle
// resolves columns first inside SQL); nullopt means "not the routine's": the writer goes on as
// for a view.
class RoutineNames {
public:
  virtual ~RoutineNames() = default;
  virtual std::optional<std::string> name(const sql::ast::NameExpr& n, rewrite::SqlWriter& w) const = 0;
  virtual std::optional<std::string> call(const sql::ast::CallExpr& c, rewrite::SqlWriter& w) const = 0;
  virtual std::optional<std::string> bind(const sql::ast::BindExpr& b, rewrite::SqlWriter& w) const = 0;
  virtual std::optional<std::string> postfix(const sql::ast::PostfixExpr& p, rewrite::SqlWriter& w) const = 0;
  virtual rewrite::ValueType value_type(const sql::ast::Expr& e) const = 0;
  // `e IS [NOT] test` other than NULL on the routine's values (IS OF (t) on an object): the
  // target's test, or nullopt (the writer flags it). `test`: the words after IS [NOT], upper case.
  virtual std::optional<std::string> is_test(const sql::ast::IsNullExpr& e, const std::string& test,
                                             rewrite::SqlWriter& w) const {
    (void)e, (void)test, (void)w;
    return std::nullopt;
  }
  // A format model known only at run time (a parameter): the target's expression converting it
  // then (PostgreSQL: a support function of the routine's), or nullopt (the writer flags it).
  virtual std::optional<std::string> runtime_format_model(const std::string& mask_sql, bool parsing) const {
    (void)mask_sql, (void)parsing;
    return std::nullopt;
  }
  // A support function the routine creates beside itself (PostgreSQL: orashift_xpath for XMLType's
  // namespace argument, orashift_instr): true when it will exist; false (outside a routine) leaves
  // the item. support_call writes the call.
  virtual bool support_function(const char* name) const {
    (void)name;
    return false;
  }
  std::optional<std::string> support_call(const char* name, const std::string& args) const {
    if (!support_function(name)) return std::nullopt;
    return std::string("\"") + name + "\"(" + args + ")";
  }
  // A constant of the routine's (or a package's) whose value is a string literal: the value, so
  // that a format model held in a constant converts as the literal would; nullopt otherwise.
  virtual std::optional<std::string> constant_string(const sql::ast::Expr& e) const {
    (void)e;
    return std::nullopt;
  }
  // SELECT .. INTO targets: the INTO clause as the target writes it (" INTO STRICT a, b"), or
  // nullopt when the targets cannot be written (the routine raised the item).
  // `strict`: SELECT INTO (exactly one row, as Oracle); RETURNING INTO is not strict.
  virtual std::optional<std::string> into(const std::vector<sql::ast::ExprPtr>& targets, bool bulk, bool strict,
                                          Span where, rewrite::SqlWriter& w) const = 0;
  // TABLE(collection) in FROM: the rows' columns when the routine knows the collection's element
  // type (Oracle's COLUMN_VALUE for scalar elements, the attributes of object or record elements);
  // nullopt leaves the item flagged.
  struct CollectionRows {
    std::vector<std::pair<std::string, rewrite::ValueType>> columns;  // Oracle names, in order
    bool set_returning = false;  // the argument returns rows itself (a pipelined function): no unnest
    std::string element_sql;     // an object element's composite (quoted), for VALUE(alias); empty for scalars
  };
  // A user-defined type named in CAST(x AS t): the target's type, and for a collection whether its
  // elements are objects (CAST(COLLECT(..)) / CAST(MULTISET(..)) build one); nullopt: not known.
  struct UserType {
    std::string sql;
    bool collection = false;
    std::string element_sql;   // a collection's element type
    bool element_row = false;  // … an object (a composite)
    bool map = false;          // an associative array (jsonb)
  };
  // The Oracle type family of a value of the routine's (a variable, a parameter, an element):
  // "DATE", "TIMESTAMP…", "NUMBER", "VARCHAR2"…; "" when unknown.
  virtual std::string value_family(const sql::ast::Expr& e) const {
    (void)e;
    return "";
  }
  // The same with the precision as declared ("INTERVAL DAY(3) TO SECOND(2)"); "" when unknown.
  virtual std::string declared_type(const sql::ast::Expr& e) const {
    (void)e;
    return "";
  }
  // $IF inside an expression: the index of the branch conditional compilation keeps (nullptr
  // conditions are $ELSE), -1 for none, nullopt when a condition cannot be evaluated (`why`).
  virtual std::optional<int> conditional_branch(const std::vector<const sql::ast::Expr*>& conditions,
                                                std::string& why) const {
    (void)conditions, (void)why;
    return std::nullopt;
  }
  virtual std::optional<UserType> user_type(const sql::ast::DataType& t) const {
    (void)t;
    return std::nullopt;
  }
  virtual std::optional<CollectionRows> collection_rows(const sql::ast::Expr& collection) const {
    (void)collection;
    return std::nullopt;
  }
};

struct RewriteContext {
  const Catalog* catalog = nullptr;  // column types for type-dependent rewrites (DATE - DATE); may be null
  const Table* table = nullptr;      // DEFAULT/CHECK: unqualified column names resolve in this table
  std::string object;                // action items' object, e.g. "VIEW EMP_V" or "TABLE EMP"
  // Relations a query may read besides the catalog's tables (the source's views), Oracle names.
  // With a catalog, reading anything else (another schema's table, V$ views) is an OS4013 item.
  const std::set<std::string>* other_relations = nullptr;
  // Inside a PL/SQL routine: its declarations (variables are not columns, SELECT INTO is legal).
  const RoutineNames* routine = nullptr;
  // Redshift: the PL/SQL functions that became procedures (F, PKG.F): a query cannot call them.
  const std::set<std::string>* procedure_functions = nullptr;
  // The PL/SQL functions converted and applied with this output (F, PKG.F): a query may call them.
  const std::set<std::string>* converted_functions = nullptr;
  // The Oracle session's NLS_DATE_FORMAT: how Oracle reads text compared with or stored into a
  // DATE ('01-JAN-2020' = hiredate). Oracle's default (NLS_TERRITORY AMERICA) when empty.
  std::string nls_date_format;
  // Oracle's dictionary views (USER_OBJECTS, NLS_SESSION_PARAMETERS …) may be read from the
  // emulation of dictionary_views.h (PostgreSQL code objects); RewriteResult names those read.
  bool dictionary_views = false;
};

struct RewriteResult {
  std::string sql;          // target SQL text (no trailing ';')
  ActionItems items;        // OS4xxx items raised while converting, located at source spans
  bool convertible = true;  // false when an item says the SQL is not valid or not equivalent on the target
  std::optional<size_t> first_breaking;  // the item (index into items) that made it not convertible
  std::set<std::string> dictionary_views;  // emulated dictionary views read (Oracle names)
  std::set<std::string> unknown_relations;  // tables read that neither the catalog nor the context knows
};

// One expression (a DEFAULT value, a CHECK condition, a select item).
RewriteResult convert_expression(const sql::ast::Expr& expr, Dialect dialect, const RewriteContext& ctx);

// The same from Oracle text (as kept in the catalog); `origin` locates items and parse errors
// (an unparsable text gives convertible = false and an OS4013 item).
RewriteResult convert_expression_text(std::string_view oracle_sql, Span origin, Dialect dialect,
                                      const RewriteContext& ctx);

// A CHECK condition of `table` (Oracle text from the catalog). The simple translation
// (simple_expression.h) prints it when it means the same on the target; the rewriter takes over
// when it cannot, and when Oracle converts a value implicitly there (a CHAR column compared with
// a number, a DATE with text: OS4015/OS4016 items), so the conversion is written out.
// convertible = false: neither could translate it (the caller raises OS2005).
RewriteResult convert_table_condition(std::string_view oracle_sql, Span origin, const Table& table,
                                      const Catalog& catalog, Dialect dialect, const std::string& object);

// A whole query (SELECT ... / WITH ...), e.g. a view's body.
RewriteResult convert_query(const sql::ast::Query& query, Dialect dialect, const RewriteContext& ctx);

// A statement: SELECT, INSERT (incl. INSERT ALL/FIRST → one INSERT ... SELECT per target) or
// MERGE (PostgreSQL 15+ and DuckDB 1.4 MERGE; Redshift's needs a table source). Others: OS4013.
RewriteResult convert_statement(const sql::ast::Statement& stmt, Dialect dialect, const RewriteContext& ctx);

// Appends r's items to `into`.
void merge_items(const RewriteResult& r, ActionItems& into);

}  // namespace orashift
