#include "sql/script.h"

#include <cctype>
#include <optional>
#include <string>

#include "sql/lexer.h"

namespace orashift::sql {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(a[i])) != std::toupper(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

struct CommandWord {
  std::string_view word;
  SqlPlusCommandKind kind;
};

// SQL*Plus accepts abbreviations; these are the spellings seen in real scripts.
constexpr CommandWord kCommands[] = {
    {"SET", SqlPlusCommandKind::Set},          {"PROMPT", SqlPlusCommandKind::Prompt},
    {"PRO", SqlPlusCommandKind::Prompt},       {"PROMP", SqlPlusCommandKind::Prompt},
    {"REM", SqlPlusCommandKind::Remark},       {"REMARK", SqlPlusCommandKind::Remark},
    {"REMA", SqlPlusCommandKind::Remark},      {"REMAR", SqlPlusCommandKind::Remark},
    {"SPOOL", SqlPlusCommandKind::Spool},      {"SPO", SqlPlusCommandKind::Spool},
    {"DEFINE", SqlPlusCommandKind::Define},    {"DEF", SqlPlusCommandKind::Define},
    {"UNDEFINE", SqlPlusCommandKind::Undefine},{"UNDEF", SqlPlusCommandKind::Undefine},
    {"WHENEVER", SqlPlusCommandKind::Whenever},{"EXEC", SqlPlusCommandKind::Execute},
    {"EXECUTE", SqlPlusCommandKind::Execute},  {"START", SqlPlusCommandKind::Start},
    {"STA", SqlPlusCommandKind::Start},        {"CONNECT", SqlPlusCommandKind::Connect},
    {"CONN", SqlPlusCommandKind::Connect},     {"DISCONNECT", SqlPlusCommandKind::Disconnect},
    {"DISC", SqlPlusCommandKind::Disconnect},  {"SHOW", SqlPlusCommandKind::Show},
    {"SHO", SqlPlusCommandKind::Show},         {"COLUMN", SqlPlusCommandKind::Column},
    {"COL", SqlPlusCommandKind::Column},       {"HOST", SqlPlusCommandKind::Host},
    {"HO", SqlPlusCommandKind::Host},          {"PAUSE", SqlPlusCommandKind::Pause},
    {"PAU", SqlPlusCommandKind::Pause},        {"ACCEPT", SqlPlusCommandKind::Accept},
    {"ACC", SqlPlusCommandKind::Accept},       {"TTITLE", SqlPlusCommandKind::Title},
    {"TTI", SqlPlusCommandKind::Title},        {"BTITLE", SqlPlusCommandKind::Title},
    {"BTI", SqlPlusCommandKind::Title},        {"BREAK", SqlPlusCommandKind::Break},
    {"BRE", SqlPlusCommandKind::Break},        {"COMPUTE", SqlPlusCommandKind::Compute},
    {"COMP", SqlPlusCommandKind::Compute},     {"CLEAR", SqlPlusCommandKind::Clear},
    {"CL", SqlPlusCommandKind::Clear},         {"VARIABLE", SqlPlusCommandKind::Variable},
    {"VAR", SqlPlusCommandKind::Variable},     {"PRINT", SqlPlusCommandKind::Print},
    {"PRI", SqlPlusCommandKind::Print},        {"EXIT", SqlPlusCommandKind::Exit},
    {"QUIT", SqlPlusCommandKind::Exit},        {"DESC", SqlPlusCommandKind::Describe},
    {"DESCRIBE", SqlPlusCommandKind::Describe},{"PASSWORD", SqlPlusCommandKind::Password},
    {"PASSW", SqlPlusCommandKind::Password},   {"REPHEADER", SqlPlusCommandKind::Title},
    {"REPFOOTER", SqlPlusCommandKind::Title},  {"STORE", SqlPlusCommandKind::Other},
    {"TIMING", SqlPlusCommandKind::Other},     {"ARCHIVE", SqlPlusCommandKind::Other},
    {"ATTRIBUTE", SqlPlusCommandKind::Other},  {"RECOVER", SqlPlusCommandKind::Other},
    {"STARTUP", SqlPlusCommandKind::Other},    {"SHUTDOWN", SqlPlusCommandKind::Other},
    {"LOAD", SqlPlusCommandKind::Other},  // SQLcl
};

bool is_line_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

bool word_is(const Token& t, std::string_view up) { return t.kind == TokenKind::Identifier && iequals(t.text, up); }

// Follows the block structure of a PL/SQL unit well enough to know when its own END has been
// read: BEGIN and CASE open, END closes (END IF / END LOOP close what was never counted). A
// package, package body, type body or compound trigger opens at its header, closed by its END.
class UnitEnd {
public:
  void start(std::span<const Token> head) {
    size_t i = 1;
    while (i < head.size() && (head[i].kw == Kw::OR || head[i].kw == Kw::REPLACE || head[i].kw == Kw::EDITIONABLE ||
                               head[i].kw == Kw::NONEDITIONABLE || head[i].kw == Kw::EDITIONING || head[i].kw == Kw::FORCE ||
                               head[i].kw == Kw::NO || word_is(head[i], "AND") || word_is(head[i], "COMPILE") ||
                               word_is(head[i], "RESOLVE")))
      ++i;
    if (head[0].kw == Kw::CREATE && i < head.size()) {
      kind_ = head[i].kw;
      body_ = i + 1 < head.size() && word_is(head[i + 1], "BODY");
    }
    if (kind_ == Kw::JAVA) java_ = true;
    begins_with_begin_ = head[0].kw == Kw::BEGIN;
    if (kind_ == Kw::PACKAGE || (kind_ == Kw::TYPE && body_)) ++depth_, opened_ = true;
    for (const Token& t : head) {
      if (kind_ == Kw::TRIGGER && word_is(t, "COMPOUND")) ++depth_, opened_ = true;
      see(t);
    }
  }

  void see(const Token& t) {
    if (after_end_) {
      after_end_ = false;
      if (!word_is(t, "IF") && !word_is(t, "LOOP")) close();
    }
    if (t.kw == Kw::BEGIN) ++depth_, opened_ = true;
    else if (t.kw == Kw::CASE && last_ != Kw::END) ++depth_, opened_ = true;
    else if (t.kw == Kw::END) after_end_ = true;
    last_ = t.kw;
    last_semicolon_ = t.kind == TokenKind::Semicolon;
  }

  // True when `t`, at the start of a line after the unit's `;`, begins a statement that is not
  // part of the unit. CREATE, ALTER, DROP, GRANT, REVOKE, COMMENT ON and TRUNCATE TABLE are never
  // PL/SQL statements; a query, DML or a new block is, so it ends the unit only once the unit's
  // own END has been read (a package body's declarations hold no DML either).
  template <class Splitter>
  bool ends_before(const Token& t, const Splitter& sp) const {
    if (java_ || !last_semicolon_ || !sp.line_start(t)) return false;
    switch (t.kw) {
      case Kw::CREATE: case Kw::ALTER: case Kw::DROP: case Kw::GRANT: case Kw::REVOKE: return sp.next_is_word(t);
      default: break;
    }
    if (word_is(t, "COMMENT")) return sp.next_kw(t) == Kw::ON;
    if (t.kw == Kw::TRUNCATE) return sp.next_kw(t) == Kw::TABLE;
    // Inside a unit's declarations (a package body's, or before a routine's own BEGIN) DML and
    // DECLARE cannot appear, but BEGIN can: the body after nested subprograms. So BEGIN ends only
    // a unit that is itself a block begun with BEGIN.
    bool dml = t.kw == Kw::SELECT || t.kw == Kw::INSERT || t.kw == Kw::UPDATE || t.kw == Kw::DELETE ||
               t.kw == Kw::MERGE || t.kw == Kw::WITH || t.kw == Kw::DECLARE;
    if (t.kw == Kw::BEGIN) return begins_with_begin_ && opened_ && depth_ <= 0;
    if (!dml) return false;
    if (kind_ == Kw::TYPE && !body_) return depth_ <= 0;        // an object type spec has no body
    if (kind_ == Kw::PACKAGE && body_) return depth_ <= 1;      // declarations or the init section's end
    return opened_ && depth_ <= 0;
  }

private:
  void close() {
    if (depth_ > 0) --depth_;
  }
  Kw kind_ = Kw::None;
  bool body_ = false, java_ = false, opened_ = false, after_end_ = false, last_semicolon_ = false;
  bool begins_with_begin_ = false;
  int depth_ = 0;
  Kw last_ = Kw::None;
};

class Splitter {
public:
  bool line_start(const Token& t) const { return at_line_start(t.span.begin); }
  bool next_is_word(const Token& t) const {
    Lexer peek(file_, t.span.end);
    return peek.next().is_word();
  }
  Kw next_kw(const Token& t) const {
    Lexer peek(file_, t.span.end);
    return peek.next().kw;
  }

  explicit Splitter(const SourceFile& file) : file_(file), text_(file.text()), lex_(file) {
    out_.file = &file;
    // About one token per 4–8 bytes of SQL: reserving for one per 4 spares the copies (and the
    // fresh pages) of growing a vector of 40-byte tokens by doubling through a megabyte script.
    out_.tokens.reserve(text_.size() / 4);
  }

  Script run() {
    for (;;) {
      Token t = next_significant();
      if (t.kind == TokenKind::End) break;
      if (at_line_start(t.span.begin)) {
        if (is_lone_line(t)) {  // `/` or `.` alone: run/ends the buffer, nothing new
          lex_.reset(line_end(t.span.begin));
          continue;
        }
        if (try_command(t)) continue;
      }
      // A statement cut short by a blank line hands over the token that starts the next one.
      std::optional<Token> next = statement(t);
      while (next) next = statement(*next);
    }
    return std::move(out_);
  }

private:
  Token next_significant() {
    for (;;) {
      Token t = lex_.next();
      if (t.kind == TokenKind::Comment || t.kind == TokenKind::Hint) {
        out_.comments.push_back(t.span);
        continue;
      }
      return t;
    }
  }

  bool at_line_start(uint32_t off) const {
    while (off > 0 && is_line_space(text_[off - 1])) --off;
    return off == 0 || text_[off - 1] == '\n';
  }
  uint32_t line_end(uint32_t off) const {
    while (off < text_.size() && text_[off] != '\n') ++off;
    return off;
  }
  // The token is alone on its line (only blanks around it).
  bool alone_on_line(const Token& t) const {
    if (!at_line_start(t.span.begin)) return false;
    uint32_t e = t.span.end;
    while (e < text_.size() && is_line_space(text_[e])) ++e;
    return e >= text_.size() || text_[e] == '\n';
  }
  bool ends_line(const Token& t) const {
    uint32_t e = t.span.end;
    while (e < text_.size() && is_line_space(text_[e])) ++e;
    return e >= text_.size() || text_[e] == '\n';
  }
  bool is_lone_line(const Token& t) const {
    return (t.kind == TokenKind::Slash || t.kind == TokenKind::Dot) && alone_on_line(t);
  }

  bool try_command(const Token& t) {
    SqlPlusCommandKind kind = SqlPlusCommandKind::Other;
    uint32_t word_end = t.span.end;
    if (t.kind == TokenKind::At) {
      kind = SqlPlusCommandKind::Run;
      if (word_end < text_.size() && text_[word_end] == '@') {
        kind = SqlPlusCommandKind::RunNested;
        ++word_end;
      }
    } else if (t.kind == TokenKind::Bang || (t.kind == TokenKind::Error && t.text == "$")) {  // ! and $ run a host command
      kind = SqlPlusCommandKind::Host;
    } else if (t.kind == TokenKind::Identifier) {
      const CommandWord* found = nullptr;
      for (const auto& c : kCommands)
        if (iequals(c.word, t.text)) {
          found = &c;
          break;
        }
      if (!found) return false;
      kind = found->kind;
      // SET TRANSACTION / SET ROLE / SET CONSTRAINT(S) are SQL statements, not SQL*Plus.
      if (kind == SqlPlusCommandKind::Set) {
        Lexer peek(file_, t.span.end);
        Token n = peek.next();
        if (n.kw == Kw::TRANSACTION || n.kw == Kw::CONSTRAINT || n.kw == Kw::CONSTRAINTS || iequals(n.text, "ROLE"))
          return false;
      }
    } else {
      return false;
    }
    // The command runs to the end of the line; ` -` at the end continues it (not for REMARK,
    // and not for a run of hyphens such as `PROMPT -----`, which SQL*Plus users mean literally).
    uint32_t end = line_end(t.span.begin);
    if (kind != SqlPlusCommandKind::Remark) {
      for (;;) {
        uint32_t e = end;
        while (e > t.span.begin && is_line_space(text_[e - 1])) --e;
        bool cont = e >= 2 && text_[e - 1] == '-' && text_[e - 2] != '-';
        if (!cont || end >= text_.size()) break;
        end = line_end(end + 1);
      }
    }
    uint32_t stop = end;
    while (stop > t.span.begin && is_line_space(text_[stop - 1])) --stop;
    uint32_t a = word_end;
    while (a < stop && is_line_space(text_[a])) ++a;
    if (kind == SqlPlusCommandKind::Set) note_set(text_.substr(word_end, stop > word_end ? stop - word_end : 0));
    SqlPlusCommand cmd;
    cmd.kind = kind;
    cmd.span = Span{&file_, t.span.begin, stop};
    cmd.argument = text_.substr(a, stop > a ? stop - a : 0);
    out_.commands.push_back(cmd);
    lex_.reset(end);
    return true;
  }

  // SET SQLBLANKLINES ON (SQLBL): blank lines are part of SQL statements from here on.
  void note_set(std::string_view args) {
    std::string words;
    for (char c : args) words.push_back(is_line_space(c) ? ' ' : static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    std::string_view w = words;
    while (!w.empty() && w.front() == ' ') w.remove_prefix(1);
    for (std::string_view name : {"SQLBLANKLINES ", "SQLBL "})
      if (w.substr(0, name.size()) == name) {
        std::string_view v = w.substr(name.size());
        while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
        if (v.substr(0, 2) == "ON") sqlblanklines_ = true;
        else if (v.substr(0, 3) == "OFF") sqlblanklines_ = false;
      }
  }

  // SQL*Plus (SQLBLANKLINES OFF) ends a SQL statement at a blank line without running it. Many
  // scripts rely on SET SQLBLANKLINES ON instead, so we only cut when the line after the blank
  // one clearly starts another statement; the cut statement is marked unterminated. After SET
  // SQLBLANKLINES ON, never.
  bool blank_line_between(uint32_t a, uint32_t b) const {
    bool seen_newline = false;
    for (uint32_t i = a; i < b; ++i) {
      char c = text_[i];
      if (c == '\n') {
        if (seen_newline) return true;
        seen_newline = true;
      } else if (!is_line_space(c)) {
        seen_newline = false;  // a comment in between: only a truly empty line counts
      }
    }
    return false;
  }
  static bool starts_statement(const Token& t) {
    switch (t.kw) {
      case Kw::CREATE: case Kw::ALTER: case Kw::DROP: case Kw::COMMENT: case Kw::INSERT: case Kw::UPDATE:
      case Kw::DELETE: case Kw::GRANT: case Kw::REVOKE: case Kw::DECLARE: case Kw::BEGIN: case Kw::TRUNCATE:
      case Kw::MERGE: case Kw::SELECT: case Kw::WITH:
        return true;
      default: return false;
    }
  }

  std::optional<Token> statement(Token t) {
    std::optional<Token> carry;
    ScriptStatement st;
    st.first_token = static_cast<uint32_t>(out_.tokens.size());
    st.terminated = false;
    bool decided = false;
    Kw prev = Kw::None;
    UnitEnd unit;
    for (;;) {
      if (t.kind == TokenKind::End) break;
      if (t.kind == TokenKind::Comment) {
        out_.comments.push_back(t.span);
      } else if (t.kind == TokenKind::Hint) {
        // Hints only mean something right after the DML verb; elsewhere they are comments.
        if (prev == Kw::SELECT || prev == Kw::INSERT || prev == Kw::UPDATE || prev == Kw::DELETE || prev == Kw::MERGE)
          out_.tokens.push_back(t);
        else
          out_.comments.push_back(t.span);
      } else if (t.kind == TokenKind::Slash && alone_on_line(t)) {
        st.terminated = true;
        lex_.reset(line_end(t.span.end));
        break;
      } else if (decided && st.plsql && unit.ends_before(t, *this)) {
        // A PL/SQL unit complete at its END, and a statement that cannot be part of it starts the
        // next line: the `/` is missing (a file written for another tool). SQL*Plus would read on
        // and fail; we end the unit here so that both it and what follows are read.
        st.terminated = true;
        st.ended_at_end = true;
        carry = t;
        break;
      } else if (!decided && !sqlblanklines_ && out_.tokens.size() > st.first_token && starts_statement(t) && at_line_start(t.span.begin) &&
                 blank_line_between(out_.tokens.back().span.end, t.span.begin) &&
                 !starts_plsql_unit(std::span<const Token>(out_.tokens.data() + st.first_token,
                                                           out_.tokens.size() - st.first_token))) {
        carry = t;
        break;
      } else if (t.kind == TokenKind::Minus && ends_line(t) && out_.tokens.size() > st.first_token &&
                 !(decided ? st.plsql
                           : starts_plsql_unit(std::span<const Token>(out_.tokens.data() + st.first_token,
                                                                      out_.tokens.size() - st.first_token)))) {
        // SQL*Plus joins a line ending in '-' to the next one, in SQL text too (Oracle's sample
        // INSERT scripts rely on it): the hyphen is not part of the statement.
        out_.comments.push_back(t.span);
      } else if (t.kind == TokenKind::Semicolon && !st.plsql) {
        if (!decided) {
          decided = true;
          std::span<const Token> head(out_.tokens.data() + st.first_token, out_.tokens.size() - st.first_token);
          st.plsql = starts_plsql_unit(head);
          if (st.plsql) unit.start(head);
        }
        if (!st.plsql) {
          st.terminated = true;
          break;
        }
        unit.see(t);
        out_.tokens.push_back(t);
        prev = Kw::None;
      } else {
        if (decided) unit.see(t);
        out_.tokens.push_back(t);
        prev = t.kw;
      }
      t = lex_.next();
    }
    st.token_count = static_cast<uint32_t>(out_.tokens.size()) - st.first_token;
    if (!decided && st.token_count > 0)
      st.plsql = starts_plsql_unit(out_.tokens_of(st));
    if (st.token_count == 0) return carry;  // a lone `;`
    const Token& first = out_.tokens[st.first_token];
    const Token& last = out_.tokens[st.first_token + st.token_count - 1];
    st.span = Span{&file_, first.span.begin, last.span.end};
    out_.statements.push_back(st);
    return carry;
  }

  const SourceFile& file_;
  std::string_view text_;
  Lexer lex_;
  Script out_;
  bool sqlblanklines_ = false;
};

}  // namespace

const char* sqlplus_command_name(SqlPlusCommandKind k) {
  switch (k) {
    case SqlPlusCommandKind::Set: return "SET";
    case SqlPlusCommandKind::Prompt: return "PROMPT";
    case SqlPlusCommandKind::Remark: return "REMARK";
    case SqlPlusCommandKind::Spool: return "SPOOL";
    case SqlPlusCommandKind::Define: return "DEFINE";
    case SqlPlusCommandKind::Undefine: return "UNDEFINE";
    case SqlPlusCommandKind::Whenever: return "WHENEVER";
    case SqlPlusCommandKind::Execute: return "EXECUTE";
    case SqlPlusCommandKind::Run: return "@";
    case SqlPlusCommandKind::RunNested: return "@@";
    case SqlPlusCommandKind::Start: return "START";
    case SqlPlusCommandKind::Connect: return "CONNECT";
    case SqlPlusCommandKind::Disconnect: return "DISCONNECT";
    case SqlPlusCommandKind::Show: return "SHOW";
    case SqlPlusCommandKind::Column: return "COLUMN";
    case SqlPlusCommandKind::Host: return "HOST";
    case SqlPlusCommandKind::Pause: return "PAUSE";
    case SqlPlusCommandKind::Accept: return "ACCEPT";
    case SqlPlusCommandKind::Title: return "TTITLE";
    case SqlPlusCommandKind::Break: return "BREAK";
    case SqlPlusCommandKind::Compute: return "COMPUTE";
    case SqlPlusCommandKind::Clear: return "CLEAR";
    case SqlPlusCommandKind::Variable: return "VARIABLE";
    case SqlPlusCommandKind::Print: return "PRINT";
    case SqlPlusCommandKind::Exit: return "EXIT";
    case SqlPlusCommandKind::Describe: return "DESCRIBE";
    case SqlPlusCommandKind::Password: return "PASSWORD";
    case SqlPlusCommandKind::Other: return "OTHER";
  }
  return "OTHER";
}

Script split_script(const SourceFile& file) { return Splitter(file).run(); }

bool starts_plsql_unit(std::span<const Token> t) {
  if (t.empty()) return false;
  if (t[0].kw == Kw::DECLARE || t[0].kw == Kw::BEGIN) return true;
  if (t[0].kind == TokenKind::LLabel) return true;  // <<label>> BEGIN ...
  if (t[0].kw != Kw::CREATE) return false;
  size_t i = 1;
  if (i + 1 < t.size() && t[i].kw == Kw::OR && t[i + 1].kw == Kw::REPLACE) i += 2;
  while (i < t.size() && (t[i].kw == Kw::EDITIONABLE || t[i].kw == Kw::NONEDITIONABLE || t[i].kw == Kw::EDITIONING ||
                          iequals(t[i].text, "AND") || iequals(t[i].text, "COMPILE") || iequals(t[i].text, "RESOLVE") ||
                          t[i].kw == Kw::NO || t[i].kw == Kw::FORCE))
    ++i;
  if (i >= t.size()) return false;
  switch (t[i].kw) {
    case Kw::PROCEDURE:
    case Kw::FUNCTION:
    case Kw::PACKAGE:
    case Kw::TRIGGER:
    case Kw::TYPE:
    case Kw::LIBRARY:
    case Kw::JAVA: return true;
    default: return false;
  }
}

}  // namespace orashift::sql
