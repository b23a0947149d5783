#pragma once
// Typed AST of Oracle SQL. Nodes keep spans into the SourceFile and string_views of its text,
// so the file must outlive the tree. Syntax the front end does not model yet is kept as an
// explicit node (OtherStatement, raw clauses) with its text, never silently dropped.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostic.h"

namespace orashift::sql::ast {

// A name as written: `"Mixed"` keeps its quotes in `text` so normalisation can tell.
struct Ident {
  std::string_view text;
  Span span;
  bool quoted() const { return !text.empty() && text.front() == '"'; }
};

// schema.name, or name (schema empty); also dblink-free object names.
struct QualifiedName {
  std::vector<Ident> parts;
  std::vector<Ident> dblink;  // name@link.domain: the link's parts
  Span span;
  const Ident& name() const { return parts.back(); }
  const Ident* schema() const { return parts.size() > 1 ? &parts[parts.size() - 2] : nullptr; }
};

// ---------------------------------------------------------------- expressions

enum class ExprKind {
  Literal, Name, Star, Bind, Unary, Binary, IsNull, Like, In, Between, Call, Case, Subquery, List, Raw,
  Cast, Extract, Grouping, Postfix
};

struct Query;  // ast_query.h
using QueryPtr = std::unique_ptr<Query>;
struct DataType;

struct Expr {
  explicit Expr(ExprKind k) : kind(k) {}
  virtual ~Expr() = default;
  ExprKind kind;
  Span span;  // the whole expression as written
};
using ExprPtr = std::unique_ptr<Expr>;

enum class LiteralKind { Number, String, NationalString, Null, Date, Timestamp, Interval, Boolean };

struct LiteralExpr : Expr {
  LiteralExpr() : Expr(ExprKind::Literal) {}
  LiteralKind literal = LiteralKind::Number;
  std::string_view text;      // the literal token (for DATE '..' the string token)
  std::string_view qualifier; // INTERVAL '..' DAY(2) TO SECOND: the field text after the string
};

// a, t.c, s.t.c, seq.NEXTVAL, t.c(+)
struct NameExpr : Expr {
  NameExpr() : Expr(ExprKind::Name) {}
  std::vector<Ident> parts;
  std::vector<Ident> dblink;
  bool outer_join = false;  // trailing (+)
};

struct StarExpr : Expr {  // * or t.*
  StarExpr() : Expr(ExprKind::Star) {}
  std::vector<Ident> qualifier;
};

struct BindExpr : Expr {  // :x, or &x substitution (SQL*Plus replaces it before Oracle sees it)
  BindExpr() : Expr(ExprKind::Bind) {}
  std::string_view text;
  bool substitution = false;
};

enum class UnaryOp { Neg, Plus, Not, Prior, ConnectByRoot, Exists };
struct UnaryExpr : Expr {
  UnaryExpr() : Expr(ExprKind::Unary) {}
  UnaryOp op = UnaryOp::Neg;
  ExprPtr operand;
};

enum class BinaryOp {
  Or, And, Eq, Ne, Lt, Le, Gt, Ge, Concat, Add, Sub, Mul, Div, Power, Mod,
  // collections (PL/SQL and SQL on nested tables); MULTISET ops keep ALL/DISTINCT as the quantifier
  MemberOf, NotMemberOf, SubmultisetOf, NotSubmultisetOf, MultisetUnion, MultisetExcept, MultisetIntersect
};
const char* binary_op_text(BinaryOp op);
struct BinaryExpr : Expr {
  BinaryExpr() : Expr(ExprKind::Binary) {}
  BinaryOp op = BinaryOp::Eq;
  ExprPtr lhs, rhs;
  std::string_view quantifier;  // = ANY (...), > ALL (...): "ANY"/"SOME"/"ALL" or empty
};

// IS [NOT] NULL, and the other IS tests (JSON, NAN, INFINITE, EMPTY, A SET, OF (types))
struct IsNullExpr : Expr {
  IsNullExpr() : Expr(ExprKind::IsNull) {}
  bool negated = false;
  Span test;  // the words after IS [NOT]: "NULL", "json", "OF TYPE (t)", ...
  ExprPtr operand;
};

struct LikeExpr : Expr {
  LikeExpr() : Expr(ExprKind::Like) {}
  bool negated = false;
  std::string_view op;  // LIKE, LIKEC, LIKE2, LIKE4
  ExprPtr lhs, pattern, escape;
};

struct InExpr : Expr {
  InExpr() : Expr(ExprKind::In) {}
  bool negated = false;
  ExprPtr lhs;
  std::vector<ExprPtr> list;  // one SubqueryExpr for IN (SELECT ...)
};

struct BetweenExpr : Expr {
  BetweenExpr() : Expr(ExprKind::Between) {}
  bool negated = false;
  ExprPtr operand, low, high;
};

struct CallArg {
  std::string_view name;  // named notation `p => v`
  ExprPtr value;
  bool bare_query = false;  // CURSOR(SELECT ..): the query is not parenthesized
  Span tail;              // unmodelled rest of the argument (TRIM(LEADING x FROM y), XMLTABLE's PASSING ...)
};

struct OrderItem {
  ExprPtr expr;
  bool asc = false, desc = false;  // as written; neither means the default
  std::string_view nulls;          // FIRST / LAST, empty when not written
  Span span;
};

enum class FrameBoundKind { UnboundedPreceding, UnboundedFollowing, CurrentRow, Preceding, Following };
struct FrameBound {
  FrameBoundKind kind = FrameBoundKind::CurrentRow;
  ExprPtr offset;  // n PRECEDING / n FOLLOWING
};

// OVER (PARTITION BY .. ORDER BY .. ROWS|RANGE ..), or OVER w
struct WindowSpec {
  std::optional<Ident> name;
  std::vector<ExprPtr> partition_by;
  std::vector<OrderItem> order_by;
  std::string_view frame_unit;  // ROWS / RANGE / GROUPS, empty without a frame
  bool frame_between = false;
  FrameBound frame_start, frame_end;
  Span exclude;                 // EXCLUDE ... text
};

struct CallExpr : Expr {
  CallExpr() : Expr(ExprKind::Call) {}
  std::vector<Ident> name;   // pkg.fn, TO_DATE
  std::string_view set_quantifier;  // DISTINCT / ALL / UNIQUE
  bool star = false;                // COUNT(*)
  std::vector<CallArg> args;
  std::vector<OrderItem> arg_order_by;  // XMLAGG(x ORDER BY y), LISTAGG(x, ',' ON OVERFLOW ..) is a tail
  bool has_within_group = false;
  std::vector<OrderItem> within_group;  // WITHIN GROUP (ORDER BY ..)
  std::string_view keep;                // KEEP (DENSE_RANK FIRST|LAST ORDER BY ..): FIRST / LAST
  std::vector<OrderItem> keep_order_by;
  std::string_view nulls_treatment;     // FIRST_VALUE(x) IGNORE NULLS: "IGNORE" / "RESPECT"
  std::unique_ptr<WindowSpec> over;
  // TRIM(LEADING|TRAILING|BOTH [c] FROM s): args are the mode word (a name), c if given, then s.
  bool trim_from = false;
};

// CAST(x AS type [DEFAULT v ON CONVERSION ERROR] [, fmt [, nls]]); MULTISET(..) is a call operand
struct CastExpr : Expr {
  CastExpr();
  ~CastExpr() override;
  ExprPtr operand;
  std::unique_ptr<DataType> type;
  ExprPtr default_on_error;
  std::vector<ExprPtr> format;  // fmt, nls params
};

struct ExtractExpr : Expr {  // EXTRACT(YEAR FROM d)
  ExtractExpr() : Expr(ExprKind::Extract) {}
  std::string_view field;
  ExprPtr operand;
};

// GROUP BY ROLLUP (..) / CUBE (..) / GROUPING SETS (..); `()` inside is an empty ListExpr.
enum class GroupingKind { Rollup, Cube, GroupingSets };
struct GroupingExpr : Expr {
  GroupingExpr() : Expr(ExprKind::Grouping) {}
  GroupingKind grouping = GroupingKind::Rollup;
  std::vector<ExprPtr> items;
};

struct CaseExpr : Expr {
  CaseExpr() : Expr(ExprKind::Case) {}
  ExprPtr operand;  // simple CASE x WHEN ...; null for searched CASE
  std::vector<std::pair<ExprPtr, ExprPtr>> whens;
  ExprPtr else_value;
};

struct SubqueryExpr : Expr {  // (SELECT ...); also a MULTISET / CURSOR operand
  SubqueryExpr();
  ~SubqueryExpr() override;
  QueryPtr query;
};

// (a, b) row value; with one item, a parenthesized expression (kept so spans and printing stay exact)
struct ListExpr : Expr {
  ListExpr() : Expr(ExprKind::List) {}
  std::vector<ExprPtr> items;
  std::optional<QualifiedName> as_type;  // PL/SQL (self AS supertype): one item
};

// PL/SQL selectors after a call or bind: c%ROWCOUNT, SQL%BULK_EXCEPTIONS(i).ERROR_INDEX,
// t(i).field, :new.col, f(x)(y). The selector chain is kept as text.
// One PL/SQL selector after a call or a bind: `.name`, `(args)` or `%attribute`.
enum class SelectorKind { Field, Args, Attribute };
struct Selector {
  SelectorKind kind = SelectorKind::Field;
  Ident name;                 // Field and Attribute
  std::vector<CallArg> args;  // Args
  Span span;
};

struct PostfixExpr : Expr {
  PostfixExpr() : Expr(ExprKind::Postfix) {}
  ExprPtr base;
  Span suffix;                      // the selectors as written
  std::vector<Selector> selectors;  // the same, parsed: a(i).f(j) → [.f, (j)] after the call a(i)
};

// ---------------------------------------------------------------- data types

struct DataType {
  std::string name;  // canonical upper case: NUMBER, VARCHAR2, LONG RAW, TIMESTAMP, INTERVAL, ...
  std::optional<QualifiedName> user_type;  // schema.type for user-defined types (name = its text)
  std::optional<int> precision, scale, length;
  bool star_precision = false;   // NUMBER(*,s)
  bool char_semantics = false;   // VARCHAR2(n CHAR)
  bool byte_semantics = false;   // VARCHAR2(n BYTE)
  std::string suffix;            // WITH [LOCAL] TIME ZONE; DAY(2) TO SECOND(6); YEAR TO MONTH
  Span span;
};

// ---------------------------------------------------------------- constraints

struct ConstraintState {
  std::optional<bool> enable;    // ENABLE / DISABLE
  std::optional<bool> validate;  // VALIDATE / NOVALIDATE
  bool rely = false;
  bool deferrable = false;
  bool initially_deferred = false;
  Span using_index;  // USING INDEX ... text
  Span exceptions;   // EXCEPTIONS INTO t
};

enum class ConstraintType { NotNull, Null, PrimaryKey, Unique, ForeignKey, Check };

struct ConstraintDef {
  std::optional<Ident> name;
  ConstraintType type = ConstraintType::NotNull;
  std::vector<Ident> columns;          // out-of-line only
  std::optional<QualifiedName> ref_table;
  std::vector<Ident> ref_columns;
  std::string_view on_delete;          // CASCADE / SET NULL
  ExprPtr check;
  ConstraintState state;
  Span span;
};

// ---------------------------------------------------------------- statements

enum class StmtKind {
  CreateTable, CreateIndex, AlterTable, Comment, Other, Invalid,
  Select, Insert, Update, Delete, Merge, CreateView, CreateSequence, CreateSynonym,
  PlBlock, CreateSubprogram, CreatePackage, CreateTrigger, CreateType, CreateTypeBody,  // ast_plsql.h
  Grant, Drop, Transaction, AlterSession, Truncate, CreateDirectory, User,
  CreateDimension  // ast_admin.h
};

struct Statement {
  explicit Statement(StmtKind k) : kind(k) {}
  virtual ~Statement() = default;
  StmtKind kind;
  Span span;
  std::string kind_name;  // "CREATE VIEW", "INSERT", "PL/SQL BLOCK", ...: from the leading words
};
using StatementPtr = std::unique_ptr<Statement>;

struct ColumnDef {
  Ident name;
  std::optional<DataType> type;  // absent in CREATE TABLE t (a, b) AS SELECT, and for some virtual columns
  ExprPtr default_value;
  bool default_on_null = false;
  bool default_on_null_update = false;  // 23ai: DEFAULT ON NULL FOR INSERT AND UPDATE
  ExprPtr virtual_expr;          // GENERATED ALWAYS AS (expr) [VIRTUAL]
  Span identity;                 // GENERATED ... AS IDENTITY [(...)] text
  std::vector<ConstraintDef> constraints;
  std::vector<Span> extras;      // SORT, VISIBLE/INVISIBLE, ENCRYPT ..., COLLATE x, 23ai DOMAIN d / ANNOTATIONS (..): text
  Span span;
};

enum class PropertyKind {
  Pctfree, Pctused, Initrans, Maxtrans, Storage, Tablespace, Logging, Nologging, Compress, Nocompress,
  Cache, Nocache, Parallel, Noparallel, Organization, Lob, OnCommit, RowMovement, SegmentCreation, AsSubquery, Other
};
const char* property_kind_name(PropertyKind k);

struct TableProperty {
  PropertyKind kind = PropertyKind::Other;
  std::string_view value;  // PCTFREE 5 -> "5"; TABLESPACE x -> "x"; ORGANIZATION INDEX -> "INDEX"
  Span span;               // the whole clause
};

struct PartitionDef {
  std::optional<Ident> name;
  std::string_view bound_kind;    // "LESS THAN", "VALUES" (list) or empty (hash)
  std::vector<ExprPtr> bounds;    // MAXVALUE / DEFAULT appear as NameExpr
  Span bound;                     // VALUES ... (...) text
  Span options;                   // everything after the bound: COMPRESS, TABLESPACE, subpartitions
  Span span;
};

struct PartitionSpec {
  std::string method;  // RANGE, LIST, HASH, REFERENCE, SYSTEM
  std::vector<Ident> columns;
  ExprPtr interval;    // INTERVAL (expr)
  Span subpartition;   // SUBPARTITION BY ... text (incl. template)
  std::optional<int> hash_count;  // PARTITIONS n
  Span extra;          // STORE IN (...) etc.
  std::vector<PartitionDef> partitions;
  Span span;
};

struct CreateTable : Statement {
  CreateTable() : Statement(StmtKind::CreateTable) {}
  QualifiedName name;
  bool if_not_exists = false;            // 23ai: CREATE TABLE IF NOT EXISTS
  bool global_temporary = false;
  bool private_temporary = false;
  Span modifiers;                        // SHARDED / DUPLICATED / IMMUTABLE / BLOCKCHAIN, as written
  std::optional<QualifiedName> of_type;  // object table: CREATE TABLE t OF type
  std::vector<ColumnDef> columns;
  std::vector<ConstraintDef> constraints;
  std::vector<TableProperty> properties;
  std::optional<PartitionSpec> partitioning;
};

struct IndexColumn {
  ExprPtr expr;  // a NameExpr for a plain column
  bool descending = false;
  Span span;
};

struct CreateIndex : Statement {
  CreateIndex() : Statement(StmtKind::CreateIndex) {}
  QualifiedName name;
  QualifiedName table;                // or the cluster (on_cluster)
  bool unique = false, bitmap = false, multivalue = false;
  bool on_cluster = false;            // CREATE INDEX i ON CLUSTER c: no column list
  std::optional<Ident> table_alias;   // bitmap join indexes: ON sales s (…)
  bool local = false, global = false;
  std::vector<IndexColumn> columns;
  Span options;  // everything after the column list
};

// DropConstraint: DROP CONSTRAINT name (target) or DROP PRIMARY KEY (target empty, primary_key).
// Nullability: MODIFY c [NOT] NULL / MODIFY (c [NOT] NULL, …) — target the column, not_null.
enum class AlterActionKind { AddConstraint, AddColumns, DropConstraint, Nullability, Other };
struct AlterAction {
  AlterActionKind kind = AlterActionKind::Other;
  std::vector<ConstraintDef> constraints;
  std::vector<ColumnDef> columns;
  std::vector<std::pair<Ident, bool>> nullability;  // column, NOT NULL
  Ident target;
  bool primary_key = false;
  Span span;
};

struct AlterTable : Statement {
  AlterTable() : Statement(StmtKind::AlterTable) {}
  QualifiedName name;
  std::vector<AlterAction> actions;
};

struct CommentOn : Statement {
  CommentOn() : Statement(StmtKind::Comment) {}
  std::string_view object_kind;  // TABLE, COLUMN, MATERIALIZED VIEW, ...
  QualifiedName target;          // table, or table.column (last part is the column)
  std::string text;              // the comment, unescaped
};

// Recognised but not modelled yet: CREATE VIEW, PL/SQL units, DML, GRANT, ...
struct OtherStatement : Statement {
  OtherStatement() : Statement(StmtKind::Other) {}
  // For kinds the parser models (SELECT, INSERT, CREATE VIEW, ...): why the typed parse gave up.
  // Not reported as an error: the statement is kept as it was before those kinds were modelled.
  std::optional<Diagnostic> unparsed;
};

// A statement that failed to parse; its diagnostic was reported.
struct InvalidStatement : Statement {
  InvalidStatement() : Statement(StmtKind::Invalid) {}
};

}  // namespace orashift::sql::ast
