#pragma once
// Typed AST of queries: WITH, SELECT blocks, FROM items and joins, set operators, and the
// clauses that follow a query (ORDER BY, OFFSET/FETCH, FOR UPDATE). Oracle-only clauses that
// no conversion reads yet (MODEL, PIVOT, partitioned outer joins) keep their text as a Span.
#include "sql/ast.h"

namespace orashift::sql::ast {

struct SelectItem {
  ExprPtr expr;  // StarExpr for * and t.*
  std::optional<Ident> alias;
  bool as_keyword = false;
  Span span;
};

enum class TableRefKind { Table, Subquery, Function, Join, Paren };

struct TableRef {
  explicit TableRef(TableRefKind k) : kind(k) {}
  virtual ~TableRef() = default;
  TableRefKind kind;
  std::optional<Ident> alias;
  Span pivot;  // PIVOT (...) / UNPIVOT (...) / MATCH_RECOGNIZE (...) after the item, as text
  Span span;
};
using TableRefPtr = std::unique_ptr<TableRef>;

struct TableName : TableRef {
  TableName() : TableRef(TableRefKind::Table) {}
  QualifiedName name;
  Span partition_ext;          // PARTITION (p) / SUBPARTITION FOR (..)
  Span versions;               // VERSIONS BETWEEN ... text
  std::string_view as_of;      // flashback AS OF SCN|TIMESTAMP: "SCN" / "TIMESTAMP"
  ExprPtr as_of_expr;
  bool sample_block = false;
  ExprPtr sample_percent, sample_seed;  // SAMPLE [BLOCK] (p) [SEED (s)]
};

struct SubqueryRef : TableRef {
  SubqueryRef() : TableRef(TableRefKind::Subquery) {}
  bool lateral = false;
  QueryPtr query;
  std::string_view with_option;  // subquery restriction: WITH READ ONLY / CHECK OPTION, as text
};

// XMLTABLE's parts (SQL Language Reference, "XMLTABLE"), read beside the generic call when the
// text has this form: [XMLNAMESPACES(ns, …),] row_path [PASSING [BY VALUE] expr [AS id]]
// [RETURNING SEQUENCE BY REF] [COLUMNS col, …]; col: name FOR ORDINALITY | name type [PATH p]
// [DEFAULT e].
struct XmlTableSpec {
  struct Namespace {
    ExprPtr uri;
    std::optional<Ident> prefix;  // none: DEFAULT
    Span span;
  };
  struct Column {
    Ident name;
    bool ordinality = false;
    std::shared_ptr<DataType> type;
    ExprPtr path, default_value;
    Span span;
  };
  std::vector<Namespace> namespaces;
  ExprPtr row_path, passing;
  std::vector<Column> columns;
};

// TABLE(coll), THE(..), XMLTABLE(..), JSON_TABLE(..): a call in FROM.
struct FunctionRef : TableRef {
  FunctionRef() : TableRef(TableRefKind::Function) {}
  ExprPtr call;
  bool outer_join = false;  // TABLE(..) (+)
  std::shared_ptr<XmlTableSpec> xmltable;  // XMLTABLE(…) of the form above
};

enum class JoinType { Inner, Left, Right, Full, Cross, CrossApply, OuterApply };
struct Join : TableRef {
  Join() : TableRef(TableRefKind::Join) {}
  JoinType type = JoinType::Inner;
  bool natural = false;
  bool inner_keyword = false, outer_keyword = false;
  TableRefPtr left, right;
  ExprPtr on;
  std::vector<Ident> using_columns;
  Span left_partition, right_partition;  // partitioned outer join: PARTITION BY (..) text
};

struct ParenRef : TableRef {  // (a JOIN b ON ..)
  ParenRef() : TableRef(TableRefKind::Paren) {}
  TableRefPtr inner;
};

enum class QueryBodyKind { Select, SetOp, Paren };
struct QueryBody {
  explicit QueryBody(QueryBodyKind k) : kind(k) {}
  virtual ~QueryBody() = default;
  QueryBodyKind kind;
  Span span;
};
using QueryBodyPtr = std::unique_ptr<QueryBody>;

struct SelectCore : QueryBody {
  SelectCore() : QueryBody(QueryBodyKind::Select) {}
  std::string_view hint;        // /*+ ... */
  std::string_view quantifier;  // DISTINCT / UNIQUE / ALL
  std::vector<SelectItem> items;
  bool bulk_collect = false;    // PL/SQL SELECT .. [BULK COLLECT] INTO ..
  std::vector<ExprPtr> into;
  std::vector<TableRefPtr> from;  // comma-separated items; ANSI joins nest inside one item
  ExprPtr where;
  ExprPtr start_with, connect_by;  // hierarchical query
  bool nocycle = false;
  bool start_with_first = true;    // START WITH written before CONNECT BY
  std::vector<ExprPtr> group_by;   // expressions, GroupingExpr, empty ListExpr
  ExprPtr having;
  Span model;  // MODEL ... text
};

enum class SetOpKind { Union, UnionAll, Intersect, Minus, Except };
struct SetOp : QueryBody {
  SetOp() : QueryBody(QueryBodyKind::SetOp) {}
  SetOpKind op = SetOpKind::Union;
  QueryBodyPtr lhs, rhs;
};

struct ParenQuery : QueryBody {  // ( query ) as a set-operator operand
  ParenQuery() : QueryBody(QueryBodyKind::Paren) {}
  QueryPtr query;
};

struct CommonTable {
  Ident name;
  std::vector<Ident> columns;  // recursive WITH names its columns
  QueryPtr query;
  Span search_cycle;           // SEARCH ... SET x / CYCLE ... SET ... text
  Span span;
};

struct ForUpdate {
  std::vector<ExprPtr> columns;  // OF a, t.b
  std::string_view wait;         // NOWAIT / WAIT / SKIP LOCKED ("SKIP")
  ExprPtr wait_seconds;
};

struct Query {
  Span with_plsql;  // WITH FUNCTION ... (12c): text
  std::vector<CommonTable> with;
  QueryBodyPtr body;
  bool order_siblings = false;
  std::vector<OrderItem> order_by;
  ExprPtr offset;
  std::string_view offset_rows;   // ROW / ROWS
  std::string_view fetch_first;   // FIRST / NEXT, empty without FETCH
  ExprPtr fetch_count;
  bool fetch_percent = false;
  std::string_view fetch_rows;    // ROW / ROWS
  bool with_ties = false;
  std::optional<ForUpdate> for_update;
  Span span;
};

}  // namespace orashift::sql::ast
