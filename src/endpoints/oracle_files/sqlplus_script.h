#pragma once
// Just enough of SQL*Plus to see which files a loader script hands to sqlldr: DEFINE
// substitution (&name, &name., &&name; `..` after a name is a literal '.'), continuation
// lines ending in '-', HOST/!/$ sqlldr commands and @/@@/START calls. Variables the script
// never defines (passed as @script arguments) stay open and are bound later by matching
// against the files that exist.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace orashift {

// Text with open substitution variables: literal pieces and variable pieces.
struct Pattern {
  struct Piece {
    bool var = false;
    std::string text;  // literal text, or the variable name (lower case)
  };
  std::vector<Piece> pieces;
  void append_literal(std::string_view s);
  void append_var(const std::string& name);
  void append(const Pattern& p);
  bool open() const;            // has variables
  std::string display() const;  // "&data_path.time_&vrs..ctl"-like, for messages
  // Drops everything up to the last '/' or '\' of a literal piece: files are looked up by name.
  Pattern basename() const;
  bool ends_with_extension() const;  // the last piece is literal and has a '.'
};

using Bindings = std::map<std::string, std::string>;

// Matches `p` against `s`, extending `b` with values for open variables (shortest first).
// `b` is unchanged when there is no match.
bool match_pattern(const Pattern& p, std::string_view s, Bindings& b);
// Replaces bound variables by their values.
Pattern substitute(const Pattern& p, const Bindings& b);

struct ScriptEvent {
  // Schema: CONNECT or ALTER SESSION SET CURRENT_SCHEMA, which changes the schema that
  // unqualified names of the statements after it belong to.
  enum class Kind { Sqlldr, Run, Schema };
  Kind kind = Kind::Sqlldr;
  uint32_t line = 0;       // 1-based line where the command starts
  Pattern control, data;   // Sqlldr: control= and data= (empty pattern when not given)
  Pattern script;          // Run: the script named by @ / @@ / START (first word, `;` dropped)
  bool nested = false;     // Run: `@@` (relative to this script's folder, not the start folder)
  std::string schema;      // Schema: upper-case name ("" when a substitution variable names it)
  std::string resolved;    // Run: the file it runs, once the script graph has found it
};

std::vector<ScriptEvent> scan_sqlplus_script(std::string_view text);

}  // namespace orashift
