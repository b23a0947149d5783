#pragma once
// The SQL*Plus layer: splits a script into statements and SQL*Plus commands the way SQL*Plus
// reads it. SQL statements end at `;`; PL/SQL units (CREATE PROCEDURE/FUNCTION/PACKAGE/TRIGGER/
// TYPE/LIBRARY/JAVA, DECLARE, BEGIN) end at a line holding only `/`. Commands (SET, PROMPT, REM,
// @file, ...) are recognised only at the start of a line and end at the end of the line.
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "common/diagnostic.h"
#include "sql/token.h"

namespace orashift::sql {

enum class SqlPlusCommandKind : uint8_t {
  Set, Prompt, Remark, Spool, Define, Undefine, Whenever, Execute, Run /* @ */, RunNested /* @@ */,
  Start, Connect, Disconnect, Show, Column, Host, Pause, Accept, Title, Break, Compute, Clear,
  Variable, Print, Exit, Describe, Password, Other
};
const char* sqlplus_command_name(SqlPlusCommandKind k);

struct SqlPlusCommand {
  SqlPlusCommandKind kind = SqlPlusCommandKind::Other;
  Span span;                  // the whole command, continuation lines included
  std::string_view argument;  // text after the command word, trimmed (the file name of @file)
};

struct ScriptStatement {
  Span span;            // first to last token; the `;` or `/` terminator is not included
  uint32_t first_token = 0;
  uint32_t token_count = 0;
  bool plsql = false;   // a PL/SQL unit: its text ends with the unit's own `END;`
  bool terminated = true;  // false when the file ended before `;` or `/`
  // A PL/SQL unit that the next statement followed without the `/` SQL*Plus needs (files written
  // for other tools): it was ended at its matching END, and the statement after it read on its own.
  bool ended_at_end = false;
};

struct Script {
  const SourceFile* file = nullptr;
  std::vector<Token> tokens;  // significant tokens of all statements (no comments)
  std::vector<ScriptStatement> statements;
  std::vector<SqlPlusCommand> commands;
  std::vector<Span> comments;  // comments (and hints in places hints do not apply)

  std::span<const Token> tokens_of(const ScriptStatement& s) const {
    return std::span<const Token>(tokens.data() + s.first_token, s.token_count);
  }
};

Script split_script(const SourceFile& file);

// True when the leading tokens open a PL/SQL unit that SQL*Plus terminates with `/`.
bool starts_plsql_unit(std::span<const Token> tokens);

}  // namespace orashift::sql
