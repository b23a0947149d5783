#pragma once
// Typed AST of PL/SQL: anonymous blocks and the units CREATE PROCEDURE / FUNCTION / PACKAGE
// [BODY] / TRIGGER / TYPE [BODY]. Embedded SQL reuses the SQL statement nodes; PL/SQL types
// (%TYPE, %ROWTYPE, REF CURSOR, ...) and unit options (AUTHID, DETERMINISTIC, ...) are leaves
// kept as spans, because conversion reads them as text anyway.
#include "sql/ast_stmt.h"

namespace orashift::sql::ast {

struct PlBlock;
struct PlDecl;
struct PlStmt;
using PlDeclPtr = std::unique_ptr<PlDecl>;
using PlStmtPtr = std::unique_ptr<PlStmt>;

// A PL/SQL type as written: NUMBER(5), t.c%TYPE, r%ROWTYPE, SYS_REFCURSOR, pkg.tab_t.
struct PlType {
  QualifiedName name;          // empty parts for built-ins with arguments (their text is in span)
  std::string_view attribute;  // TYPE / ROWTYPE, empty otherwise
  Span span;
};

struct PlParam {
  Ident name;
  std::string_view mode;  // IN / OUT / IN OUT, words as written (compacted by the printer)
  bool nocopy = false;
  PlType type;
  ExprPtr default_value;
  bool default_keyword = false;  // DEFAULT rather than :=
  Span mode_span;
};

// ---------------------------------------------------------------- declarations

enum class PlDeclKind { Variable, Exception, Type, Subtype, Cursor, Pragma, Subprogram, CondComp };

struct PlDecl {
  explicit PlDecl(PlDeclKind k) : kind(k) {}
  virtual ~PlDecl() = default;
  PlDeclKind kind;
  Span span;
};

struct PlVariable : PlDecl {  // v [CONSTANT] type [NOT NULL] [:= | DEFAULT expr]
  PlVariable() : PlDecl(PlDeclKind::Variable) {}
  Ident name;
  bool constant = false;
  PlType type;
  bool not_null = false;
  ExprPtr default_value;
  bool default_keyword = false;
};

struct PlExceptionDecl : PlDecl {
  PlExceptionDecl() : PlDecl(PlDeclKind::Exception) {}
  Ident name;
};

enum class PlTypeDefKind { Record, Table, Varray, RefCursor };
struct PlField {
  Ident name;
  PlType type;
  bool not_null = false;
  ExprPtr default_value;
  bool default_keyword = false;
};
struct PlTypeDecl : PlDecl {  // TYPE t IS RECORD (..) | TABLE OF x [INDEX BY y] | VARRAY(n) OF x | REF CURSOR
  PlTypeDecl() : PlDecl(PlDeclKind::Type) {}
  Ident name;
  PlTypeDefKind def = PlTypeDefKind::Record;
  std::vector<PlField> fields;
  PlType element;             // TABLE OF / VARRAY OF / REF CURSOR RETURN (empty span when absent)
  bool element_not_null = false;
  PlType index_by;            // INDEX BY (empty span when absent)
  std::string_view varray_word;  // VARRAY / VARYING ARRAY
  ExprPtr limit;              // VARRAY(n)
};

struct PlSubtype : PlDecl {  // SUBTYPE s IS base [RANGE a..b] [NOT NULL]
  PlSubtype() : PlDecl(PlDeclKind::Subtype) {}
  Ident name;
  PlType base;
  Span constraint;  // RANGE ... / NOT NULL text
};

struct PlCursorDecl : PlDecl {  // CURSOR c [(params)] [RETURN t] [IS query]
  PlCursorDecl() : PlDecl(PlDeclKind::Cursor) {}
  Ident name;
  std::vector<PlParam> params;
  bool has_params = false;
  std::optional<PlType> return_type;
  QueryPtr query;  // null for a cursor specification
};

struct PlPragma : PlDecl {  // PRAGMA AUTONOMOUS_TRANSACTION | EXCEPTION_INIT(e, -1) | ...
  PlPragma() : PlDecl(PlDeclKind::Pragma) {}
  Ident name;
  std::vector<ExprPtr> args;
  bool has_args = false;
};

// PROCEDURE / FUNCTION: a nested subprogram, a package member, a type method, or a whole unit.
struct PlSubprogram {
  Span method_kind;  // type methods: [OVERRIDING|FINAL|...] MEMBER / STATIC / MAP MEMBER ...
  bool constructor = false;
  bool is_function = false;
  QualifiedName name;
  std::vector<PlParam> params;
  bool has_params = false;
  std::optional<PlType> return_type;
  Span return_self;   // RETURN SELF AS RESULT (constructors)
  Span options;       // DETERMINISTIC, PIPELINED, AUTHID .., RESULT_CACHE .., ACCESSIBLE BY (..), ...
  std::string_view is_as;         // IS / AS; empty for a forward declaration / spec
  Span external;      // LANGUAGE C ... / EXTERNAL / AGGREGATE USING t: a call spec instead of a body
  std::unique_ptr<PlBlock> body;  // null for specs, forward declarations and call specs
  Span span;
};

struct PlSubprogramDecl : PlDecl {
  PlSubprogramDecl() : PlDecl(PlDeclKind::Subprogram) {}
  PlSubprogram sub;
};

// $IF cond $THEN .. [$ELSIF cond $THEN ..] [$ELSE ..] $END, and $ERROR msg $END. Branch contents
// are kept as text: they need not be complete constructs, and only one branch exists per build.
struct PlCondBranch {
  ExprPtr condition;  // null for $ELSE
  Span text;
};
struct PlCondComp {
  bool error = false;         // $ERROR expr $END
  ExprPtr error_message;
  std::vector<PlCondBranch> branches;
  Span span;
};

struct PlCondDecl : PlDecl {
  PlCondDecl() : PlDecl(PlDeclKind::CondComp) {}
  PlCondComp cc;
};

// ---------------------------------------------------------------- statements

enum class PlStmtKind {
  Null, Assign, Call, If, Case, Loop, Exit, Goto, Raise, Return, Sql, Forall, Open, Fetch, Close,
  ExecuteImmediate, PipeRow, Block, CondComp, Transaction, Pragma
};

struct PlStmt {
  explicit PlStmt(PlStmtKind k) : kind(k) {}
  virtual ~PlStmt() = default;
  PlStmtKind kind;
  std::vector<Ident> labels;  // <<l>> before the statement
  Span span;
};

struct PlNull : PlStmt { PlNull() : PlStmt(PlStmtKind::Null) {} };

struct PlAssign : PlStmt {  // target := value
  PlAssign() : PlStmt(PlStmtKind::Assign) {}
  ExprPtr target, value;
};

struct PlCall : PlStmt {  // p; pkg.p(a, b); obj.m().n(x); RAISE_APPLICATION_ERROR(..)
  PlCall() : PlStmt(PlStmtKind::Call) {}
  ExprPtr call;
};

struct PlIf : PlStmt {
  PlIf() : PlStmt(PlStmtKind::If) {}
  struct Branch {
    ExprPtr condition;
    std::vector<PlStmtPtr> body;
  };
  std::vector<Branch> branches;  // IF then ELSIFs
  bool has_else = false;
  std::vector<PlStmtPtr> else_body;
};

struct PlCase : PlStmt {
  PlCase() : PlStmt(PlStmtKind::Case) {}
  ExprPtr selector;  // null for a searched CASE
  std::vector<PlIf::Branch> whens;
  bool has_else = false;
  std::vector<PlStmtPtr> else_body;
  std::optional<Ident> end_label;
};

enum class PlLoopKind { Basic, While, ForRange, ForCursor };
struct PlLoop : PlStmt {
  PlLoop() : PlStmt(PlStmtKind::Loop) {}
  PlLoopKind loop = PlLoopKind::Basic;
  ExprPtr condition;     // WHILE
  Ident index;           // FOR i / FOR r
  bool reverse = false;
  ExprPtr low, high;     // FOR i IN low..high
  ExprPtr cursor;        // FOR r IN c(args) / FOR r IN (SELECT ..): a NameExpr/CallExpr or a SubqueryExpr
  std::vector<PlStmtPtr> body;
  std::optional<Ident> end_label;
};

struct PlExit : PlStmt {  // EXIT / CONTINUE [label] [WHEN cond]
  PlExit() : PlStmt(PlStmtKind::Exit) {}
  bool is_continue = false;
  std::optional<Ident> label;
  ExprPtr when;
};

struct PlGoto : PlStmt {
  PlGoto() : PlStmt(PlStmtKind::Goto) {}
  Ident label;
};

struct PlRaise : PlStmt {  // RAISE [e]
  PlRaise() : PlStmt(PlStmtKind::Raise) {}
  ExprPtr exception;
};

struct PlReturn : PlStmt {
  PlReturn() : PlStmt(PlStmtKind::Return) {}
  ExprPtr value;
};

struct PlSql : PlStmt {  // SELECT .. INTO, INSERT/UPDATE/DELETE/MERGE [RETURNING .. INTO], LOCK, ...
  PlSql() : PlStmt(PlStmtKind::Sql) {}
  StatementPtr statement;
};

struct PlForall : PlStmt {  // FORALL i IN low..high | INDICES OF c [BETWEEN ..] | VALUES OF c [SAVE EXCEPTIONS] dml
  PlForall() : PlStmt(PlStmtKind::Forall) {}
  Ident index;
  std::string_view bounds_kind;  // empty (range), INDICES, VALUES
  ExprPtr low, high;             // range, or INDICES OF c BETWEEN low AND high
  ExprPtr collection;
  bool save_exceptions = false;
  PlStmtPtr body;                // a PlSql or an EXECUTE IMMEDIATE
};

struct PlOpen : PlStmt {  // OPEN c [(args)] | OPEN rc FOR query | OPEN rc FOR 'text' [USING ..]
  PlOpen() : PlStmt(PlStmtKind::Open) {}
  ExprPtr cursor;
  bool has_for = false;
  QueryPtr query;
  ExprPtr dynamic;
  std::vector<CallArg> using_args;
};

struct PlFetch : PlStmt {  // FETCH c [BULK COLLECT] INTO a, b [LIMIT n]
  PlFetch() : PlStmt(PlStmtKind::Fetch) {}
  ExprPtr cursor;
  bool bulk_collect = false;
  std::vector<ExprPtr> into;
  ExprPtr limit;
};

struct PlClose : PlStmt {
  PlClose() : PlStmt(PlStmtKind::Close) {}
  ExprPtr cursor;
};

// EXECUTE IMMEDIATE text [[BULK COLLECT] INTO ..] [USING [IN|OUT|IN OUT] a, ..] [RETURN[ING] INTO ..]
struct PlExecImmediate : PlStmt {
  PlExecImmediate() : PlStmt(PlStmtKind::ExecuteImmediate) {}
  ExprPtr text;
  bool bulk_collect = false;
  std::vector<ExprPtr> into;
  std::vector<CallArg> using_args;  // CallArg::name holds the mode words (IN / OUT / IN OUT)
  std::string_view returning_keyword;
  std::vector<ExprPtr> returning_into;
};

struct PlPipeRow : PlStmt {
  PlPipeRow() : PlStmt(PlStmtKind::PipeRow) {}
  ExprPtr row;
};

struct PlBlockStmt : PlStmt {  // a nested [DECLARE ..] BEGIN .. END
  PlBlockStmt();
  ~PlBlockStmt() override;
  std::unique_ptr<PlBlock> block;
};

struct PlCondStmt : PlStmt {
  PlCondStmt() : PlStmt(PlStmtKind::CondComp) {}
  PlCondComp cc;
};

// COMMIT [WORK] / ROLLBACK [TO [SAVEPOINT] s] / SAVEPOINT s / SET TRANSACTION ..: words kept.
struct PlTransaction : PlStmt {
  PlTransaction() : PlStmt(PlStmtKind::Transaction) {}
  std::string_view verb;  // COMMIT, ROLLBACK, SAVEPOINT, SET
  Span rest;
};

struct PlPragmaStmt : PlStmt {  // PRAGMA INLINE (f, 'YES') among statements
  PlPragmaStmt() : PlStmt(PlStmtKind::Pragma) {}
  Ident name;
  std::vector<ExprPtr> args;
  bool has_args = false;
};

// ---------------------------------------------------------------- blocks and units

struct PlHandler {
  std::vector<QualifiedName> exceptions;  // WHEN a OR b THEN; OTHERS is a name too
  std::vector<PlStmtPtr> body;
};

struct PlBlock {
  bool declare_keyword = false;
  std::vector<PlDeclPtr> decls;
  bool has_begin = true;  // a package body may end without an initialisation section
  std::vector<PlStmtPtr> body;
  bool has_exception = false;
  std::vector<PlHandler> handlers;
  std::optional<Ident> end_name;
  Span span;
};

struct PlAnonymousBlock : Statement {
  PlAnonymousBlock() : Statement(StmtKind::PlBlock) {}
  std::vector<Ident> labels;
  PlBlock block;
};

// The words CREATE [OR REPLACE] [EDITIONABLE|NONEDITIONABLE] of every unit.
struct UnitHeader {
  bool or_replace = false;
  std::string_view edition;
};

struct CreateSubprogram : Statement {  // CREATE PROCEDURE / FUNCTION
  CreateSubprogram() : Statement(StmtKind::CreateSubprogram) {}
  UnitHeader header;
  PlSubprogram sub;
};

struct CreatePackage : Statement {  // CREATE PACKAGE [BODY]
  CreatePackage() : Statement(StmtKind::CreatePackage) {}
  UnitHeader header;
  bool body = false;
  QualifiedName name;
  Span options;  // AUTHID .., ACCESSIBLE BY (..), SHARING = ..
  std::string_view is_as;
  PlBlock block;  // specs: declarations only, has_begin false
};

// Compound triggers: timing-point sections.
struct PlTimingPoint {
  Span timing;  // BEFORE STATEMENT / AFTER EACH ROW / INSTEAD OF EACH ROW
  PlBlock block;
};

struct CreateTrigger : Statement {
  CreateTrigger() : Statement(StmtKind::CreateTrigger) {}
  UnitHeader header;
  QualifiedName name;
  Span timing;  // BEFORE / AFTER / INSTEAD OF / FOR (compound)
  bool system = false;      // ON DATABASE / ON SCHEMA events (LOGON, DDL, ...)
  Span event;               // events, ON table, REFERENCING, FOR EACH ROW, FOLLOWS, ENABLE, WHEN (..): text
  ExprPtr when;             // WHEN (condition)
  bool compound = false;
  std::vector<PlDeclPtr> compound_decls;
  std::vector<PlTimingPoint> timing_points;
  std::optional<Ident> compound_end_name;
  Span call;                // CALL routine body
  std::vector<Ident> labels;
  std::unique_ptr<PlBlock> block;  // DML / system trigger body
};

enum class TypeDefKind { Object, Under, Varray, Table, Incomplete, Other };
struct TypeAttribute {
  Ident name;
  PlType type;
};
struct CreateType : Statement {  // CREATE TYPE (spec); CREATE TYPE BODY is CreateTypeBody
  CreateType() : Statement(StmtKind::CreateType) {}
  UnitHeader header;
  QualifiedName name;
  Span pre;          // FORCE, OID '..', AUTHID .., ACCESSIBLE BY: text between name and IS/AS
  std::string_view is_as;
  TypeDefKind def = TypeDefKind::Incomplete;
  QualifiedName supertype;      // UNDER
  std::vector<TypeAttribute> attributes;
  std::vector<PlSubprogram> methods;
  std::vector<Span> pragmas;    // PRAGMA RESTRICT_REFERENCES (..) elements: text
  PlType element;               // VARRAY / TABLE OF
  std::string_view varray_word;
  ExprPtr limit;
  bool element_not_null = false;
  Span post;         // [NOT] FINAL, [NOT] INSTANTIABLE, [NOT] PERSISTABLE ... text
  Span other;        // TypeDefKind::Other: the definition's text
};

struct CreateTypeBody : Statement {
  CreateTypeBody() : Statement(StmtKind::CreateTypeBody) {}
  UnitHeader header;
  QualifiedName name;
  std::string_view is_as;
  std::vector<PlSubprogram> methods;
};

}  // namespace orashift::sql::ast
