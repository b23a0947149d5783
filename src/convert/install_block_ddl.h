#pragma once
// DDL that install scripts run from anonymous blocks: `BEGIN … EXECUTE IMMEDIATE 'create table …';
// END;` (often guarded by a dictionary query, so the script can be run again). SQL*Plus runs the
// block; the table exists afterwards exactly as if the script had said CREATE TABLE, so the
// catalog reads the statement text as DDL. A statement assembled in the block from literals (a
// variable set to a literal, `||`, REPLACE, LOWER, UPPER, TRIM — `l_sql := replace(l_sql,
// '%table_name%', l_name)`) is read with the value the block gives it, taking the guarded branch
// of an IF as run (a fresh install); one assembled from values read at run time (a column name
// fetched from a query or a collection) is reported, not guessed.
#include <memory>
#include <vector>

#include "common/diagnostic.h"
#include "sql/ast_plsql.h"

namespace orashift {

struct InstallBlockDdl {
  // Each literal statement as a copy of its file: the literal's text at its own offsets, the rest
  // blanked (line breaks kept), so parsed nodes and diagnostics keep the script's file:line:col.
  std::vector<std::unique_ptr<SourceFile>> statements;
  // EXECUTE IMMEDIATE of DDL built at run time (text starting with a DDL literal and joined with
  // `||`): what it creates or changes is not known here.
  std::vector<Span> dynamic;
};

// Walks the block's statements (IF/CASE/loop bodies, nested blocks, handlers when their block ran
// no DDL, and the branch of `$IF` that Oracle compiles) for EXECUTE IMMEDIATE of a literal
// CREATE/ALTER/COMMENT statement, or of variables assigned literal text joined with literals.
InstallBlockDdl install_block_ddl(const sql::ast::PlAnonymousBlock& block);

// The text of one Oracle string literal token ('…' with '' escapes, q'[…]', N'…') as a copy of its
// file: the value at the literal's offsets, everything else blank. Each doubled quote keeps the
// quote on the side facing the inner string literal it delimits, so the inner literals read back
// unchanged (a quote escaped inside an inner literal shifts the rest of its line by two columns).
// Null when the token is not a string literal.
std::unique_ptr<SourceFile> literal_as_file(Span literal);

// The same for several literals of one file, in file order (a statement kept in a variable and
// completed with `|| '…'` where it runs): each value at its own offsets. Null when one is not a
// string literal.
std::unique_ptr<SourceFile> literals_as_file(const std::vector<Span>& literals);

}  // namespace orashift
