#pragma once
// Streams the INSERT statements of a SQL*Plus script, in script order, with bounded memory:
// the file is read in chunks cut after whole statements (or, inside a huge PL/SQL block,
// after a `;` that ends a line), each chunk split by the SQL*Plus layer and its INSERTs
// parsed by the SQL front end. INSERTs are found at the top level and inside anonymous
// PL/SQL blocks (Oracle's sample schemas wrap thousands of them in BEGIN … END;).
#include <cstdint>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostic.h"
#include "sql/ast_stmt.h"
#include "sql/script.h"

namespace orashift {

struct ScriptInsert {
  // Insert: an INSERT statement. Assign: `name := expr;` in an anonymous PL/SQL block (Oracle's
  // CO script builds long JSON texts in a variable). BlockStart: a new anonymous block begins,
  // so earlier blocks' variables are gone.
  enum class Kind { Insert, Assign, BlockStart };
  Kind kind = Kind::Insert;
  std::string variable;                     // Assign: the variable (normalised)
  const sql::ast::Expr* value = nullptr;    // Assign: the expression, null when it does not parse
  const sql::ast::Insert* stmt = nullptr;   // null when the statement does not parse
  std::string parse_error;                  // why it does not parse
  std::vector<std::string> tables;          // target tables (normalised, each once), from the tokens
  std::vector<std::string> targets;         // one per INTO clause (per row of a 23ai VALUES (..), (..)): the rows the statement inserts
  bool in_control_flow = false;             // inside a PL/SQL block with LOOP / IF / WHILE …
  char define_char = '&';                   // SQL*Plus substitution prefix in force, 0 = SET DEFINE OFF
  Span span;                                // the statement in the current chunk
  uint64_t line = 0, column = 0;            // where it starts in the file (1-based)
  std::string_view text() const { return span.text(); }
};

class ScriptInsertStream {
public:
  // `error` is set when the file cannot be read.
  ScriptInsertStream(std::string path, std::string& error, size_t chunk_bytes = 512u << 10);
  ~ScriptInsertStream();
  // Without parsing, next() gives only kinds, locations and targets (counting rows is cheap).
  void set_parse(bool parse) { parse_ = parse; }
  // The next INSERT; its pointers are valid until the next call. False at the end.
  bool next(ScriptInsert& out);
  // "path:line:col" of a span of the current chunk.
  std::string location(const Span& s) const;
  uint64_t line_of(const Span& s) const;
  const std::string& path() const { return path_; }
  uint64_t bytes_read() const { return consumed_; }
  uint64_t bytes_total() const { return total_; }
  // Top-level UPDATE / DELETE / MERGE / TRUNCATE statements and triggers on INSERT seen so far
  // (not applied / not run).
  const std::vector<std::string>& other_dml() const { return other_dml_; }

private:
  struct Range {
    uint32_t first, count;
    bool flow;
    ScriptInsert::Kind kind;
    char define_char;
  };
  bool load_chunk();
  std::string path_;
  std::ifstream in_;
  size_t chunk_bytes_;
  std::string carry_;
  bool eof_ = false;
  uint64_t base_line_ = 1, consumed_ = 0, total_ = 0;
  std::unique_ptr<SourceFile> file_;
  size_t chunk_end_ = 0;  // bytes of file_ that belong to this chunk
  sql::Script script_;
  std::vector<Range> ranges_;
  size_t next_range_ = 0;
  sql::ast::StatementPtr current_;
  std::unique_ptr<SourceFile> wrapper_;  // an assignment's expression, parsed as INSERT … VALUES (expr)
  sql::Script wrapper_script_;
  std::vector<std::string> other_dml_;
  char define_char_ = '&';  // SET DEFINE state, carried across chunks
  // A PL/SQL unit cut between chunks goes on in the next chunk under a synthetic head without a
  // line break (line numbers hold; the first line's columns are corrected): an anonymous block
  // as a block, anything else (a package body) as a unit whose INSERTs do not run.
  static constexpr std::string_view kBlockPrefix = "BEGIN ";
  static constexpr std::string_view kUnitPrefix = "CREATE PROCEDURE orashift_cut IS BEGIN ";
  std::string_view continue_prefix_;
  bool parse_ = true;  // empty: the last chunk ended between statements
  std::vector<bool> continue_handler_;  // … its BEGIN nesting (true: in an EXCEPTION handler)
  int continue_depth_ = 0;              // … its LOOP/IF/CASE nesting
  size_t prefix_ = 0;            // bytes of kBlockPrefix at the start of the current chunk
};

}  // namespace orashift
