#include "assess/code_constructs.h"
#include "common/ascii.h"

#include <cctype>

#include "sql/lexer.h"

namespace orashift {

namespace {

using sql::Token;
using sql::TokenKind;

// Significant tokens of the span with their upper-cased word text.
struct Tok {
  Token t;
  std::string w;  // upper-case text of unquoted words, empty otherwise
};

std::vector<Tok> tokens_of(Span span) {
  std::vector<Tok> out;
  if (!span.file || span.end <= span.begin) return out;
  sql::Lexer lex(*span.file, span.begin);
  for (;;) {
    Token t = lex.next();
    if (t.kind == TokenKind::End || t.span.begin >= span.end) break;
    if (t.kind == TokenKind::Comment || t.kind == TokenKind::Hint) continue;
    out.push_back({t, t.kind == TokenKind::Identifier ? ascii_upper(t.text) : std::string()});
  }
  return out;
}

Span join(const Token& a, const Token& b) { return Span{a.span.file, a.span.begin, b.span.end}; }

}  // namespace

std::vector<ConstructHit> find_constructs(Span unit) {
  std::vector<Tok> t = tokens_of(unit);
  std::vector<ConstructHit> hits;
  auto w = [&](size_t i) -> const std::string& {
    static const std::string none;
    return i < t.size() ? t[i].w : none;
  };
  auto kind = [&](size_t i) { return i < t.size() ? t[i].t.kind : TokenKind::End; };
  for (size_t i = 0; i < t.size(); ++i) {
    const std::string& x = t[i].w;
    const Token& tok = t[i].t;
    if (tok.kind == TokenKind::OuterJoin) {
      hits.push_back({"OS5010", "(+)", tok.span});
      continue;
    }
    // `@` directly after a name inside a statement is a database link (SQL*Plus @file lines are
    // commands, not statement tokens).
    if (tok.kind == TokenKind::At && i > 0 && t[i - 1].t.is_word() && (kind(i + 1) == TokenKind::Identifier ||
                                                                        kind(i + 1) == TokenKind::QuotedIdentifier)) {
      hits.push_back({"OS5018", "@" + std::string(t[i + 1].t.text), join(tok, t[i + 1].t)});
      continue;
    }
    if (x.empty()) continue;
    // A preceding `.` makes the word a member (rec.rowid, pkg.cursor): not the construct.
    bool member = i > 0 && t[i - 1].t.kind == TokenKind::Dot;
    if (x == "CURSOR" && !member && (kind(i + 1) == TokenKind::Identifier || w(i - 1) == "REF")) {
      hits.push_back({"OS5001", i > 0 && w(i - 1) == "REF" ? "REF CURSOR" : "CURSOR", tok.span});
    } else if (x == "SYS_REFCURSOR" && !member) {
      hits.push_back({"OS5001", "SYS_REFCURSOR", tok.span});
    } else if (x == "BULK" && w(i + 1) == "COLLECT") {
      hits.push_back({"OS5002", "BULK COLLECT", join(tok, t[i + 1].t)});
    } else if (x == "FORALL") {
      hits.push_back({"OS5003", "FORALL", tok.span});
    } else if (x == "EXECUTE" && w(i + 1) == "IMMEDIATE") {
      hits.push_back({"OS5004", "EXECUTE IMMEDIATE", join(tok, t[i + 1].t)});
    } else if (x == "DBMS_SQL" && kind(i + 1) == TokenKind::Dot) {
      hits.push_back({"OS5004", "DBMS_SQL", tok.span});
    } else if (x == "PRAGMA" && w(i + 1) == "AUTONOMOUS_TRANSACTION") {
      hits.push_back({"OS5005", "PRAGMA AUTONOMOUS_TRANSACTION", join(tok, t[i + 1].t)});
    } else if ((x.rfind("DBMS_", 0) == 0 || x.rfind("UTL_", 0) == 0) && x.size() > 5 && kind(i + 1) == TokenKind::Dot &&
               !(i >= 2 && t[i - 1].t.kind == TokenKind::Dot && w(i - 2) != "SYS")) {
      hits.push_back({"OS5006", x, tok.span});
    } else if (x == "CONNECT" && w(i + 1) == "BY") {
      hits.push_back({"OS5007", "CONNECT BY", join(tok, t[i + 1].t)});
    } else if (x == "MERGE" && w(i + 1) == "INTO") {
      hits.push_back({"OS5008", "MERGE", join(tok, t[i + 1].t)});
    } else if (x == "ROWNUM" && !member) {
      hits.push_back({"OS5009", "ROWNUM", tok.span});
    } else if (x == "GLOBAL" && w(i + 1) == "TEMPORARY" && w(i + 2) == "TABLE") {
      hits.push_back({"OS5011", "GLOBAL TEMPORARY TABLE", join(tok, t[i + 2].t)});
    } else if ((x == "IS" || x == "AS") && w(i + 1) == "TABLE" && w(i + 2) == "OF") {
      hits.push_back({"OS5012", "TABLE OF", join(tok, t[i + 2].t)});
    } else if (x == "VARRAY" || (x == "VARYING" && w(i + 1) == "ARRAY")) {
      hits.push_back({"OS5012", "VARRAY", tok.span});
    } else if ((x == "IS" || x == "AS") && w(i + 1) == "RECORD") {
      hits.push_back({"OS5012", "RECORD", join(tok, t[i + 1].t)});
    } else if (x == "PIPE" && w(i + 1) == "ROW") {
      hits.push_back({"OS5013", "PIPE ROW", join(tok, t[i + 1].t)});
    } else if (x == "GOTO") {
      hits.push_back({"OS5014", "GOTO", tok.span});
    } else if ((x == "ROWID" || x == "UROWID") && !member) {
      hits.push_back({"OS5015", x, tok.span});
    } else if ((x == "COMMIT" || x == "ROLLBACK") && (kind(i + 1) == TokenKind::Semicolon || w(i + 1) == "WORK" ||
                                                      (x == "ROLLBACK" && w(i + 1) == "TO")) && !member) {
      hits.push_back({"OS5016", x, tok.span});
    } else if (x == "SAVEPOINT" && kind(i + 1) == TokenKind::Identifier) {
      hits.push_back({"OS5016", "SAVEPOINT", tok.span});
    } else if (x == "EXCEPTION" && w(i + 1) == "WHEN") {
      hits.push_back({"OS5017", "EXCEPTION WHEN", join(tok, t[i + 1].t)});
    }
  }
  return hits;
}

std::string created_name(Span statement, const std::string& kind) {
  std::vector<Tok> t = tokens_of(Span{statement.file, statement.begin, statement.end});
  // Walk the kind's words in order, skipping modifiers (OR REPLACE, EDITIONABLE, GLOBAL …).
  std::vector<std::string> words;
  for (size_t b = 0, e; b < kind.size(); b = e + 1) {
    e = kind.find(' ', b);
    if (e == std::string::npos) e = kind.size();
    words.push_back(kind.substr(b, e - b));
  }
  size_t i = 0, k = 0;
  for (; i < t.size() && k < words.size() && i < 16; ++i)
    if (t[i].w == words[k]) ++k;
  if (k < words.size() || i >= t.size()) return {};
  if (t[i].w == "IF" && t.size() > i + 2 && t[i + 1].w == "NOT") i += 3;  // IF NOT EXISTS (23ai)
  std::string name;
  while (i < t.size() && t[i].t.is_word()) {
    name += t[i].t.kind == TokenKind::QuotedIdentifier ? std::string(t[i].t.text.substr(1, t[i].t.text.size() - 2))
                                                       : t[i].w;
    if (i + 2 < t.size() && t[i + 1].t.kind == TokenKind::Dot) {
      name += ".";
      i += 2;
    } else {
      break;
    }
  }
  return name;
}

}  // namespace orashift
