#pragma once
// PL/SQL conditional compilation ($IF … $THEN … $ELSIF … $ELSE … $END), settled at conversion
// time as Oracle settles it at compile time: the conditions are evaluated for the source
// database (Oracle 19c: DBMS_DB_VERSION.VERSION 19, RELEASE 0, VER_LE_n false below 19) with
// every $$ inquiry directive unset (NULL) except $$PLSQL_UNIT; the chosen branch's text is
// parsed as declarations or statements, keeping its file, lines and columns for diagnostics.
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sql/ast_plsql.h"

namespace orashift::plsql {

// DBMS_DB_VERSION's constant `name` (VERSION, RELEASE, VER_LE_n…) for the source database, as SQL
// text ("19", "TRUE"); nullopt for a name the package does not have.
std::optional<std::string> db_version_constant(const std::string& name);

class CondCompiler {
public:
  // The branch Oracle compiles: its index in cc.branches, -1 when none is (no $ELSE), or nullopt
  // when a condition cannot be evaluated here (`why` says which).
  std::optional<int> choose(const sql::ast::PlCondComp& cc, const std::string& unit, std::string& why) const;
  // The same for the conditions alone ($IF inside an expression; nullptr for $ELSE).
  std::optional<int> choose(const std::vector<const sql::ast::Expr*>& conditions, const std::string& unit,
                            std::string& why) const;
  // The branch's text parsed as declarations (`decls`) or statements; null with `why` on failure.
  const sql::ast::PlBlock* parse(Span text, bool decls, std::string& why);
  // Declarations with every $IF replaced by the declarations of its chosen branch (recursively);
  // what cannot be settled is left in place as the PlCondDecl itself.
  std::vector<const sql::ast::PlDecl*> expand(const std::vector<sql::ast::PlDeclPtr>& decls, const std::string& unit);

  // The PL/SQL block a string literal holds (EXECUTE IMMEDIATE 'begin … end;'), parsed from a copy
  // of its file with the literal's value at its own offsets; null with `why` when it is not one.
  const sql::ast::PlBlock* parse_literal_block(Span literal, std::string& why);
  // The same for a copy of file `of` already holding the block's text at its own offsets (a block
  // joined from several literals, lower_dbms_sql.cpp).
  const sql::ast::PlBlock* parse_block_copy(std::unique_ptr<SourceFile> copy, const SourceFile* of, std::string& why);

  // Parsed branches live in copies of their file with the same offsets: a span into a copy
  // names the same text in the original, which outlives this object.
  Span original(Span s) const;

private:
  std::vector<std::pair<std::unique_ptr<SourceFile>, const SourceFile*>> copies_;
  std::vector<sql::ast::StatementPtr> trees_;
};

}  // namespace orashift::plsql
