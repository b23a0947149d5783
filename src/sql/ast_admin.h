#pragma once
// Administrative statements: GRANT / REVOKE and DROP. They carry no schema to convert, but a
// migration reads them (who may use what; what an install script removes first), so they are
// parsed into their parts rather than kept as raw text.
#include <vector>

#include "sql/ast.h"

namespace orashift::sql::ast {

// One granted privilege or role: its words ("SELECT", "CREATE ANY TABLE", "DBA") and the
// column list of a column privilege (UPDATE (a, b)).
struct Privilege {
  std::vector<std::string_view> words;
  std::vector<Ident> columns;
};

// GRANT privileges [ON [kind] object] TO grantees [WITH ... OPTION]
// REVOKE privileges [ON [kind] object] FROM grantees [CASCADE CONSTRAINTS] [FORCE]
struct Grant : Statement {
  Grant() : Statement(StmtKind::Grant) {}
  bool revoke = false;
  std::vector<Privilege> privileges;
  std::vector<std::string_view> object_kind;  // DIRECTORY, JAVA SOURCE, USER, … (empty: a schema object)
  std::optional<QualifiedName> object;        // ON object; absent for system privileges and roles
  std::vector<Ident> grantees;                // names, PUBLIC included
  std::vector<std::string_view> options;      // WITH GRANT OPTION, CASCADE CONSTRAINTS, … (the words)
};

// DROP [PUBLIC] kind [IF EXISTS] name [options]: kind words as written (TABLE, PACKAGE BODY,
// MATERIALIZED VIEW LOG ON, DATABASE LINK, …), options the trailing words (CASCADE
// CONSTRAINTS, PURGE, FORCE, VALIDATE, INCLUDING CONTENTS AND DATAFILES, …).
struct Drop : Statement {
  Drop() : Statement(StmtKind::Drop) {}
  bool is_public = false;
  std::vector<std::string_view> object_kind;
  bool if_exists = false;
  QualifiedName name;
  std::vector<std::string_view> options;
};

// COMMIT [WORK] [COMMENT 'text'] · ROLLBACK [WORK] [TO [SAVEPOINT] name] · SAVEPOINT name
struct Transaction : Statement {
  Transaction() : Statement(StmtKind::Transaction) {}
  std::string_view verb;  // COMMIT, ROLLBACK, SAVEPOINT (as written)
  bool work = false;
  bool to_savepoint_word = false;  // ROLLBACK TO SAVEPOINT x (the word SAVEPOINT written)
  std::optional<Ident> savepoint;
  std::string_view comment;  // COMMIT COMMENT: the literal as written
};

// ALTER SESSION SET name = value [name = value …]: values as written (a literal, a number, a
// word or a substitution variable).
struct AlterSession : Statement {
  AlterSession() : Statement(StmtKind::AlterSession) {}
  struct Parameter {
    Ident name;
    std::string_view value;
  };
  std::vector<Parameter> parameters;
};

// TRUNCATE TABLE name [PRESERVE/PURGE MATERIALIZED VIEW LOG] [DROP/REUSE STORAGE] [CASCADE]
struct Truncate : Statement {
  Truncate() : Statement(StmtKind::Truncate) {}
  std::string_view object_kind;  // TABLE or CLUSTER
  QualifiedName name;
  std::vector<std::string_view> options;
};

// CREATE [OR REPLACE] DIRECTORY name AS 'path'
struct CreateDirectory : Statement {
  CreateDirectory() : Statement(StmtKind::CreateDirectory) {}
  bool or_replace = false;
  Ident name;
  std::string_view path;  // the literal as written
};

// CREATE USER / ALTER USER name clauses: each clause its words as written, starting with its
// keyword (IDENTIFIED BY x, DEFAULT TABLESPACE t, QUOTA UNLIMITED ON t, TEMPORARY TABLESPACE t,
// PROFILE p, PASSWORD EXPIRE, ACCOUNT LOCK, DEFAULT ROLE …, CONTAINER = ALL, …).
struct User : Statement {
  User() : Statement(StmtKind::User) {}
  bool alter = false;
  Ident name;
  struct Clause {
    std::vector<std::string_view> words;
  };
  std::vector<Clause> clauses;
};

// CREATE DIMENSION: levels (the columns that identify them), hierarchies (levels from child
// to parent, with the join keys of snowflaked levels) and attributes (columns a level determines).
struct CreateDimension : Statement {
  CreateDimension() : Statement(StmtKind::CreateDimension) {}
  struct Level {
    Ident name;
    std::vector<QualifiedName> columns;
    bool parenthesized = false;
    bool skip_when_null = false;
  };
  struct JoinKey {
    std::vector<QualifiedName> columns;
    bool parenthesized = false;
    Ident level;
  };
  struct Hierarchy {
    Ident name;
    std::vector<Ident> levels;  // child first: levels[i] CHILD OF levels[i + 1]
    std::vector<JoinKey> join_keys;
  };
  struct Attribute {
    std::optional<Ident> name;  // extended form: ATTRIBUTE name LEVEL level DETERMINES …
    Ident level;
    std::vector<QualifiedName> columns;
    bool parenthesized = false;
  };
  bool or_replace = false;
  QualifiedName name;
  std::vector<Level> levels;
  std::vector<Hierarchy> hierarchies;
  std::vector<Attribute> attributes;
  std::vector<char> order;  // 'L', 'H', 'A' in source order, so the printer keeps it
};

}  // namespace orashift::sql::ast
