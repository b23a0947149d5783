#pragma once
// Typed AST of DML statements and of the schema objects defined by a query or a few options:
// SELECT, INSERT (single and multi-table), UPDATE, DELETE, MERGE, CREATE VIEW/SEQUENCE/SYNONYM.
#include "sql/ast_query.h"

namespace orashift::sql::ast {

struct SelectStmt : Statement {
  SelectStmt() : Statement(StmtKind::Select) {}
  QueryPtr query;
};

struct Returning {
  std::string_view keyword;  // RETURN / RETURNING
  std::vector<ExprPtr> exprs;
  bool bulk_collect = false;
  std::vector<ExprPtr> into;
};

struct InsertTarget {
  TableRefPtr table;
  std::vector<Ident> columns;
  bool has_values = false;
  std::vector<ExprPtr> values;  // VALUES (..); a single non-list expression for VALUES rec
  // Oracle 23ai table value constructor, VALUES (..), (..), …: the rows after the first (which
  // stays in `values`), each with its span for messages.
  std::vector<std::vector<ExprPtr>> more_rows;
  std::vector<Span> row_spans;  // every row's `( … )`, the first included, when more_rows is not empty
  bool values_parens = true;
  Span span;
};

struct InsertWhen {
  ExprPtr condition;  // null: ELSE (or the unconditional INSERT ALL list)
  std::vector<InsertTarget> targets;
};

struct Insert : Statement {
  Insert() : Statement(StmtKind::Insert) {}
  std::string_view hint;
  std::string_view multi;  // ALL / FIRST for multi-table inserts, empty otherwise
  InsertTarget single;     // single-table insert
  std::vector<InsertWhen> whens;  // multi-table: conditional clauses (or one unconditional)
  bool conditional = false;
  QueryPtr query;          // INSERT .. SELECT / the source of a multi-table insert
  std::optional<Returning> returning;
  Span error_logging;      // LOG ERRORS ... text
};

struct SetClause {
  std::vector<ExprPtr> columns;  // one, or several for SET (a, b) = (subquery)
  bool row_form = false;         // SET (a, b) = ...
  ExprPtr value;
};

struct Update : Statement {
  Update() : Statement(StmtKind::Update) {}
  std::string_view hint;
  TableRefPtr target;
  std::vector<SetClause> sets;
  ExprPtr where;
  std::optional<Returning> returning;
  Span error_logging;
};

struct Delete : Statement {
  Delete() : Statement(StmtKind::Delete) {}
  std::string_view hint;
  bool from_keyword = false;
  TableRefPtr target;
  ExprPtr where;
  std::optional<Returning> returning;
  Span error_logging;
};

struct MergeMatched {
  std::vector<SetClause> sets;
  ExprPtr where, delete_where;
};
struct MergeNotMatched {
  std::vector<Ident> columns;
  std::vector<ExprPtr> values;
  ExprPtr where;
};

struct Merge : Statement {
  Merge() : Statement(StmtKind::Merge) {}
  std::string_view hint;
  TableRefPtr target, source;
  ExprPtr on;
  bool matched_first = true;
  std::optional<MergeMatched> matched;
  std::optional<MergeNotMatched> not_matched;
  Span error_logging;
};

struct CreateView : Statement {
  CreateView() : Statement(StmtKind::CreateView) {}
  bool or_replace = false;
  std::string_view force;     // FORCE / NOFORCE
  std::string_view edition;   // EDITIONABLE / NONEDITIONABLE / EDITIONING (several words kept as text)
  QualifiedName name;
  std::vector<Ident> columns;
  Span column_text;           // the column list when it holds constraints or other than names
  Span options;               // OF type ..., BEQUEATH ..., SHARING = ..: text between name/columns and AS
  QueryPtr query;
  std::string_view with_option;  // "READ ONLY" / "CHECK OPTION" (text of the words)
  std::optional<Ident> constraint;
};

struct SequenceOption {
  std::string_view name;  // INCREMENT BY, START WITH, MAXVALUE, NOCACHE, ...: the words as written
  ExprPtr value;          // null for flags
  Span span;
};
struct CreateSequence : Statement {
  CreateSequence() : Statement(StmtKind::CreateSequence) {}
  QualifiedName name;
  std::vector<SequenceOption> options;
};

struct CreateSynonym : Statement {
  CreateSynonym() : Statement(StmtKind::CreateSynonym) {}
  bool or_replace = false;
  bool is_public = false;
  std::string_view edition;
  std::string_view substituted_modifier;  // create &action_type. synonym: the variable as written
  QualifiedName name;
  QualifiedName target;
};

}  // namespace orashift::sql::ast
