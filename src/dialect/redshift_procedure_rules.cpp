#include "dialect/redshift_procedure_rules.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace orashift {

namespace {

// Pages of https://docs.aws.amazon.com/redshift/latest/dg/ each rule follows.
constexpr const char* kConstraints = "stored-procedure-constraints";
constexpr const char* kStatements = "c_PLpgSQL-statements";
constexpr const char* kTrapping = "stored-procedure-trapping-errors";
constexpr const char* kTransactions = "stored-procedure-transaction-management";
constexpr const char* kCreateFunction = "r_CREATE_FUNCTION";
constexpr const char* kCreateProcedure = "r_CREATE_PROCEDURE";

struct Tok {
  enum Kind { Word, Quoted, String, Number, Punct } kind;
  std::string text;  // words upper-cased
  int line;
};

std::vector<Tok> tokenize(const std::string& s, int first_line) {
  std::vector<Tok> out;
  int line = first_line;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '\n') ++line, ++i;
    else if (std::isspace(static_cast<unsigned char>(c))) ++i;
    else if (c == '-' && i + 1 < s.size() && s[i + 1] == '-') {
      while (i < s.size() && s[i] != '\n') ++i;
    } else if (c == '\'') {
      size_t j = i + 1;
      std::string v;
      while (j < s.size()) {
        if (s[j] == '\'' && j + 1 < s.size() && s[j + 1] == '\'') v += '\'', j += 2;
        else if (s[j] == '\'') break;
        else {
          if (s[j] == '\n') ++line;
          v += s[j++];
        }
      }
      out.push_back({Tok::String, v, line});
      i = j + 1;
    } else if (c == '"') {
      size_t j = s.find('"', i + 1);
      if (j == std::string::npos) j = s.size();
      out.push_back({Tok::Quoted, s.substr(i + 1, j - i - 1), line});
      i = j + 1;
    } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      size_t j = i;
      while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_' || s[j] == '$')) ++j;
      std::string w = s.substr(i, j - i);
      std::transform(w.begin(), w.end(), w.begin(), [](unsigned char x) { return std::toupper(x); });
      out.push_back({Tok::Word, w, line});
      i = j;
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      size_t j = i;
      while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) || (s[j] == '.' && !(j + 1 < s.size() && s[j + 1] == '.')))) ++j;
      out.push_back({Tok::Number, s.substr(i, j - i), line});
      i = j;
    } else {
      std::string p(1, c);
      if (i + 1 < s.size()) {
        std::string two = s.substr(i, 2);
        if (two == ".." || two == ":=" || two == "<<" || two == ">>" || two == "::" || two == "||") p = two;
      }
      out.push_back({Tok::Punct, p, line});
      i += p.size();
    }
  }
  return out;
}

bool word(const std::vector<Tok>& t, size_t i, const char* w) { return i < t.size() && t[i].kind == Tok::Word && t[i].text == w; }
bool punct(const std::vector<Tok>& t, size_t i, const char* p) { return i < t.size() && t[i].kind == Tok::Punct && t[i].text == p; }

class BodyChecker {
public:
  BodyChecker(const std::vector<Tok>& t, std::vector<RedshiftRuleViolation>& out) : t_(t), out_(out) {}

  int variables = 0;

  void run() {
    bool at_start = true;
    for (size_t i = 0; i < t_.size(); ++i) {
      const Tok& k = t_[i];
      bool next_start = false;
      if (k.kind == Tok::Punct) {
        if (k.text == ";" || k.text == ">>") next_start = true;
        if (k.text == "[") violation("arrays", "an array subscript or type", k.line, kConstraints);
        if (k.text == "#") violation("directive", "a #directive", k.line, kStatements);
      } else if (k.kind == Tok::Word) {
        const std::string& w = k.text;
        if (w == "STRICT") violation("select-into-strict", "INTO STRICT", k.line, kStatements);
        if (w == "NEXTVAL" && punct(t_, i + 1, "(")) violation("sequences", "nextval()", k.line, kConstraints);
        if (w == "STACKED") violation("stacked-diagnostics", "GET STACKED DIAGNOSTICS", k.line, kStatements);
        if (w == "ARRAY" && punct(t_, i + 1, "[")) violation("arrays", "an ARRAY constructor", k.line, kConstraints);
        if (w == "THEN" || w == "ELSE" || w == "LOOP" || w == "BEGIN" || w == "DECLARE" || w == "EXCEPTION") next_start = true;
        if (w == "END") {
          close(i);
          if (word(t_, i + 1, "IF") || word(t_, i + 1, "LOOP") || word(t_, i + 1, "CASE")) ++i;
        } else if (w == "CASE") {
          stack_.push_back({Frame::Case});
        } else if (at_start) {
          i = statement(i);
          next_start = t_[i].kind == Tok::Punct && t_[i].text == ";";
          if (!next_start) next_start = word(t_, i, "THEN") || word(t_, i, "LOOP") || word(t_, i, "BEGIN") ||
                                        word(t_, i, "ELSE") || word(t_, i, "DECLARE") || word(t_, i, "EXCEPTION");
        }
      }
      at_start = next_start;
    }
  }

private:
  struct Frame {
    enum Kind { Block, If, Loop, Case } kind;
    bool handlers = false;
    bool cursor = false;
  };

  void violation(const char* rule, const std::string& what, int line, const char* page) {
    out_.push_back({rule, what + " at line " + std::to_string(line) + " (" + page + ")"});
  }
  bool in_cursor_loop() const {
    return std::any_of(stack_.begin(), stack_.end(), [](const Frame& f) { return f.kind == Frame::Loop && f.cursor; });
  }
  void close(size_t i) {
    Frame::Kind want = word(t_, i + 1, "IF") ? Frame::If : word(t_, i + 1, "LOOP") ? Frame::Loop
                       : word(t_, i + 1, "CASE")                                  ? Frame::Case
                                                                                  : Frame::Block;
    if (want == Frame::Block && !stack_.empty() && stack_.back().kind == Frame::Case) want = Frame::Case;  // CASE … END
    while (!stack_.empty()) {
      Frame::Kind k = stack_.back().kind;
      stack_.pop_back();
      if (k == want) break;
    }
  }
  size_t until(size_t i, const char* stop) const {
    while (i < t_.size() && !(t_[i].kind == Tok::Punct && t_[i].text == ";") && !word(t_, i, stop)) ++i;
    return i;
  }

  // A statement's first word at `i`; returns the index of the token that ends its head.
  size_t statement(size_t i) {
    const Tok& k = t_[i];
    const std::string& w = k.text;
    if (w == "DECLARE") {
      size_t j = i + 1;
      for (; j < t_.size() && !word(t_, j, "BEGIN"); ++j)
        if (punct(t_, j, ";")) ++variables;
      return j - 1;
    }
    if (w == "BEGIN") {
      stack_.push_back({Frame::Block});
      return i;
    }
    if (w == "IF") {
      stack_.push_back({Frame::If});
      return until(i, "THEN");
    }
    if (w == "ELSIF") return until(i, "THEN");
    if (w == "EXCEPTION") {
      for (size_t s = stack_.size(); s-- > 0;)
        if (stack_[s].kind == Frame::Block) {
          stack_[s].handlers = true;
          break;
        }
      return i;
    }
    if (w == "WHEN" && !stack_.empty() && stack_.back().kind == Frame::Block && stack_.back().handlers) {
      size_t j = until(i, "THEN");
      if (!(j == i + 2 && word(t_, i + 1, "OTHERS")))
        violation("handler", "a handler for a condition other than OTHERS", k.line, kTrapping);
      return j;
    }
    if (w == "LOOP") {
      stack_.push_back({Frame::Loop});
      return i;
    }
    if (w == "FOR" || w == "WHILE") {
      size_t j = i + 1;
      bool range = false;
      int depth = 0;
      for (; j < t_.size(); ++j) {
        if (punct(t_, j, "(")) ++depth;
        if (punct(t_, j, ")")) --depth;
        if (depth == 0 && punct(t_, j, "..")) range = true;
        if (depth == 0 && word(t_, j, "LOOP")) break;
      }
      bool cursor = w == "FOR" && !range;
      if (cursor && (in_cursor_loop() || open_ > 0))
        violation("one-cursor", "a cursor loop while another cursor is open", k.line, kConstraints);
      stack_.push_back({Frame::Loop, false, cursor});
      return j;
    }
    if (w == "OPEN") {
      if (in_cursor_loop() || open_ > 0) violation("one-cursor", "OPEN while another cursor is open", k.line, kConstraints);
      ++open_;
      return statement_end(i, true);
    }
    if (w == "CLOSE") {
      open_ = std::max(0, open_ - 1);
      return statement_end(i, false);
    }
    if ((w == "COMMIT" || w == "ROLLBACK" || w == "TRUNCATE") && in_cursor_loop())
      violation("commit-in-cursor-loop", w + " inside a cursor loop (it closes the cursor)", k.line, kTransactions);
    if (w == "PERFORM") violation("perform", "PERFORM", k.line, kStatements);
    if (w == "EXECUTE") return statement_end(i, true);
    if (w == "RAISE") return raise(i);
    return i;
  }

  // To the statement's ';', checking EXECUTE … USING on the way.
  size_t statement_end(size_t i, bool dynamic) {
    size_t j = i;
    bool execute = false;
    for (; j < t_.size() && !punct(t_, j, ";"); ++j) {
      if (word(t_, j, "EXECUTE")) execute = true;
      if (dynamic && execute && word(t_, j, "USING")) violation("execute-using", "EXECUTE … USING", t_[j].line, kStatements);
    }
    return j;
  }

  // RAISE; | RAISE level 'format' [, variable …];
  size_t raise(size_t i) {
    static const std::set<std::string> levels = {"EXCEPTION", "INFO", "NOTICE", "WARNING", "LOG", "DEBUG"};
    size_t j = i + 1;
    if (punct(t_, j, ";")) return j;
    bool ok = j < t_.size() && t_[j].kind == Tok::Word && levels.count(t_[j].text);
    ++j;
    ok = ok && j < t_.size() && t_[j].kind == Tok::String;
    ++j;
    while (ok && punct(t_, j, ",")) {
      ok = j + 1 < t_.size() && (t_[j + 1].kind == Tok::Word || t_[j + 1].kind == Tok::Quoted) && !punct(t_, j + 2, "(") &&
           !punct(t_, j + 2, ".");
      j += 2;
    }
    ok = ok && punct(t_, j, ";");
    if (!ok) violation("raise-arguments", "RAISE other than level 'format' followed by variables", t_[i].line, kStatements);
    while (j < t_.size() && !punct(t_, j, ";")) ++j;
    return j;
  }

  const std::vector<Tok>& t_;
  std::vector<RedshiftRuleViolation>& out_;
  std::vector<Frame> stack_;
  int open_ = 0;
};

// `--` comments blanked (line breaks kept), so commented-out code is not read as code.
std::string without_comments(const std::string& s) {
  std::string out = s;
  bool in_string = false;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '\'') in_string = !in_string;
    if (!in_string && out[i] == '-' && i + 1 < out.size() && out[i + 1] == '-')
      while (i < out.size() && out[i] != '\n') out[i++] = ' ';
  }
  return out;
}

int line_of(const std::string& s, size_t pos) { return 1 + static_cast<int>(std::count(s.begin(), s.begin() + static_cast<long>(pos), '\n')); }

}  // namespace

std::vector<RedshiftRuleViolation> check_redshift_routines(const std::string& text) {
  std::vector<RedshiftRuleViolation> out;
  const std::string sql = without_comments(text);
  // Bodies are dollar-quoted; the text outside them is the statements' heads.
  size_t pos = 0;
  while (true) {
    size_t open = sql.find("$$", pos);
    std::string head = sql.substr(pos, open == std::string::npos ? std::string::npos : open - pos);
    std::vector<Tok> h = tokenize(head, line_of(sql, pos));
    for (size_t i = 0; i < h.size(); ++i) {
      if (!word(h, i, "CREATE")) continue;
      size_t j = i + 1;
      if (word(h, j, "OR") && word(h, j + 1, "REPLACE")) j += 2;
      if (j >= h.size()) continue;
      const std::string& what = h[j].text;
      if (what == "TRIGGER") out.push_back({"no-triggers", "CREATE TRIGGER at line " + std::to_string(h[j].line) + " (" + kConstraints + ")"});
      if (what == "TYPE" || what == "DOMAIN")
        out.push_back({"no-types", "CREATE " + what + " at line " + std::to_string(h[j].line) + " (" + kConstraints + ")"});
      if (what == "SEQUENCE") out.push_back({"no-sequences", "CREATE SEQUENCE at line " + std::to_string(h[j].line)});
      if (what == "PROCEDURE") {
        // Arguments: 32 input (IN, INOUT, unmarked) and 32 output (OUT, INOUT) at most.
        size_t a = j + 1;
        while (a < h.size() && !punct(h, a, "(")) ++a;
        int depth = 0, in = 0, outs = 0;
        bool arg_start = true;
        for (; a < h.size(); ++a) {
          if (punct(h, a, "(")) {
            if (++depth == 1) {
              arg_start = true;
              continue;
            }
          }
          if (punct(h, a, ")") && --depth == 0) break;
          if (depth == 1 && punct(h, a, ",")) {
            arg_start = true;
            continue;
          }
          // The documented argument is `[argname] [argmode] argtype`: no default.
          if (depth == 1 && word(h, a, "DEFAULT"))
            out.push_back({"parameter-defaults", "an argument DEFAULT at line " + std::to_string(h[a].line) + " (" + kCreateProcedure + ")"});
          if (depth == 1 && arg_start) {
            arg_start = false;
            if (word(h, a, "OUT")) ++outs;
            else if (word(h, a, "INOUT")) ++outs, ++in;
            else ++in;
          }
        }
        if (in > 32) out.push_back({"arguments", std::to_string(in) + " input arguments (" + kConstraints + ")"});
        if (outs > 32) out.push_back({"arguments", std::to_string(outs) + " output arguments (" + kConstraints + ")"});
      }
    }
    if (open == std::string::npos) break;
    size_t close = sql.find("$$", open + 2);
    if (close == std::string::npos) {
      out.push_back({"quoting", "unterminated $$ body"});
      break;
    }
    std::string body = sql.substr(open + 2, close - open - 2);
    // LANGUAGE after the body says what the statement was.
    std::string tail = sql.substr(close + 2, 40);
    std::string upper_tail = tail;
    std::transform(upper_tail.begin(), upper_tail.end(), upper_tail.begin(), [](unsigned char c) { return std::toupper(c); });
    bool plpgsql = upper_tail.find("LANGUAGE PLPGSQL") != std::string::npos;
    size_t last_create = 0;
    for (size_t i = 0; i < h.size(); ++i)
      if (word(h, i, "CREATE")) last_create = i;
    for (size_t i = last_create; i + 1 < h.size(); ++i) plpgsql |= word(h, i, "LANGUAGE") && word(h, i + 1, "PLPGSQL");
    bool is_function = false;
    for (size_t i = h.size(); i-- > 0;)
      if (h[i].kind == Tok::Word && (h[i].text == "FUNCTION" || h[i].text == "PROCEDURE")) {
        is_function = h[i].text == "FUNCTION";
        break;
      }
    std::vector<Tok> b = tokenize(body, line_of(sql, open));
    if (is_function) {
      if (plpgsql) out.push_back({"no-plpgsql-functions", "a PL/pgSQL function (" + std::string(kCreateFunction) + ")"});
      for (const auto& t : b)
        if (t.kind == Tok::Word && (t.text == "FROM" || t.text == "INTO" || t.text == "WHERE"))
          out.push_back({"udf-select", "a SQL UDF whose SELECT has " + t.text + " at line " + std::to_string(t.line) + " (" + kCreateFunction + ")"});
    } else {
      BodyChecker c(b, out);
      c.run();
      if (c.variables > 1024) out.push_back({"variables", std::to_string(c.variables) + " variables (" + kConstraints + ")"});
      if (body.size() > 2 * 1024 * 1024) out.push_back({"source-size", "a body over 2 MB (" + std::string(kConstraints) + ")"});
    }
    pos = close + 2;
  }
  return out;
}

}  // namespace orashift
