#include "assess/code_constructs.h"
#include "common/ascii.h"

#include <cctype>
#include <deque>
#include <string_view>

#include "sql/lexer.h"

namespace orashift {

namespace {

using sql::Token;
using sql::TokenKind;

// Significant tokens of a span with their upper-cased word text. The words are views into one
// upper-cased copy of the span's text (a data script's block has hundreds of thousands of words:
// a string each was a third of its assessment).
struct Tok {
  Token t;
  std::string_view w;  // upper-case text of unquoted words, empty otherwise
};

class Tokens {
public:
  // `whole`: the span will be read to its end (one upper-cased copy of it); otherwise only its
  // first tokens are (each word upper-cased on its own).
  Tokens(Span span, bool whole) : span_(span), lex_(*span.file, span.begin) {
    if (whole && span.end > span.begin) upper_ = ascii_upper(span.file->text().substr(span.begin, span.end - span.begin));
  }
  // Reads the whole span.
  void read_all() {
    toks_.reserve((span_.end - span_.begin) / 6);
    while (read_one()) {
    }
  }
  // Token `i`, lexed on demand; null past the span's end.
  const Tok* at(size_t i) {
    while (toks_.size() <= i)
      if (!read_one()) return nullptr;
    return &toks_[i];
  }
  const std::vector<Tok>& all() const { return toks_; }

private:
  bool read_one() {
    if (done_ || !span_.file || span_.end <= span_.begin) return false;
    for (;;) {
      Token t = lex_.next();
      if (t.kind == TokenKind::End || t.span.begin >= span_.end) {
        done_ = true;
        return false;
      }
      if (t.kind == TokenKind::Comment || t.kind == TokenKind::Hint) continue;
      std::string_view w;
      if (t.kind == TokenKind::Identifier) {
        if (!upper_.empty() && t.span.end <= span_.end) {
          w = std::string_view(upper_).substr(t.span.begin - span_.begin, t.span.end - t.span.begin);
        } else {  // only the first tokens are read, or the word runs past the span
          spill_.push_back(ascii_upper(t.text));
          w = spill_.back();
        }
      }
      toks_.push_back({t, w});
      return true;
    }
  }
  Span span_;
  sql::Lexer lex_;
  std::string upper_;
  std::deque<std::string> spill_;
  std::vector<Tok> toks_;
  bool done_ = false;
};

Span join(const Token& a, const Token& b) { return Span{a.span.file, a.span.begin, b.span.end}; }

}  // namespace

std::vector<ConstructHit> find_constructs(Span unit) {
  std::vector<ConstructHit> hits;
  if (!unit.file) return hits;
  Tokens tokens(unit, true);
  tokens.read_all();
  const std::vector<Tok>& t = tokens.all();
  auto w = [&](size_t i) -> std::string_view { return i < t.size() ? t[i].w : std::string_view(); };
  auto kind = [&](size_t i) { return i < t.size() ? t[i].t.kind : TokenKind::End; };
  for (size_t i = 0; i < t.size(); ++i) {
    std::string_view x = t[i].w;
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
      hits.push_back({"OS5006", std::string(x), tok.span});
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
      hits.push_back({"OS5015", std::string(x), tok.span});
    } else if ((x == "COMMIT" || x == "ROLLBACK") && (kind(i + 1) == TokenKind::Semicolon || w(i + 1) == "WORK" ||
                                                      (x == "ROLLBACK" && w(i + 1) == "TO")) && !member) {
      hits.push_back({"OS5016", std::string(x), tok.span});
    } else if (x == "SAVEPOINT" && kind(i + 1) == TokenKind::Identifier) {
      hits.push_back({"OS5016", "SAVEPOINT", tok.span});
    } else if (x == "EXCEPTION" && w(i + 1) == "WHEN") {
      hits.push_back({"OS5017", "EXCEPTION WHEN", join(tok, t[i + 1].t)});
    }
  }
  return hits;
}

std::string created_name(Span statement, const std::string& kind) {
  if (!statement.file) return {};
  Tokens t(statement, false);  // the name is among the first tokens: a package body is not lexed whole
  auto word = [&](size_t i) { const Tok* k = t.at(i); return k ? k->w : std::string_view(); };
  // Walk the kind's words in order, skipping modifiers (OR REPLACE, EDITIONABLE, GLOBAL …).
  std::vector<std::string> words;
  for (size_t b = 0, e; b < kind.size(); b = e + 1) {
    e = kind.find(' ', b);
    if (e == std::string::npos) e = kind.size();
    words.push_back(kind.substr(b, e - b));
  }
  size_t i = 0, k = 0;
  for (; t.at(i) && k < words.size() && i < 16; ++i)
    if (word(i) == words[k]) ++k;
  if (k < words.size() || !t.at(i)) return {};
  if (word(i) == "IF" && t.at(i + 2) && word(i + 1) == "NOT") i += 3;  // IF NOT EXISTS (23ai)
  std::string name;
  while (t.at(i) && t.at(i)->t.is_word()) {
    const Token& tok = t.at(i)->t;
    name += tok.kind == TokenKind::QuotedIdentifier ? std::string(tok.text.substr(1, tok.text.size() - 2))
                                                    : std::string(word(i));
    if (t.at(i + 2) && t.at(i + 1)->t.kind == TokenKind::Dot) {
      name += ".";
      i += 2;
    } else {
      break;
    }
  }
  return name;
}

}  // namespace orashift
