#include "endpoints/oracle_files/sqlplus_script.h"

#include <cctype>
#include <optional>

#include "sql/sqlplus_path.h"

namespace orashift {

void Pattern::append_literal(std::string_view s) {
  if (s.empty()) return;
  if (!pieces.empty() && !pieces.back().var) pieces.back().text.append(s);
  else pieces.push_back({false, std::string(s)});
}
void Pattern::append_var(const std::string& name) { pieces.push_back({true, name}); }
void Pattern::append(const Pattern& p) {
  for (const auto& x : p.pieces) x.var ? append_var(x.text) : append_literal(x.text);
}
bool Pattern::open() const {
  for (const auto& x : pieces)
    if (x.var) return true;
  return false;
}
std::string Pattern::display() const {
  std::string s;
  for (const auto& x : pieces) s += x.var ? "&" + x.text + "." : x.text;
  return s;
}
Pattern Pattern::basename() const {
  for (size_t i = pieces.size(); i-- > 0;) {
    if (pieces[i].var) continue;
    size_t slash = pieces[i].text.find_last_of("/\\");
    if (slash == std::string::npos) continue;
    Pattern out;
    out.append_literal(std::string_view(pieces[i].text).substr(slash + 1));
    for (size_t k = i + 1; k < pieces.size(); ++k) pieces[k].var ? out.append_var(pieces[k].text) : out.append_literal(pieces[k].text);
    return out;
  }
  return *this;
}
bool Pattern::ends_with_extension() const {
  return !pieces.empty() && !pieces.back().var && pieces.back().text.find('.') != std::string::npos;
}

static bool match_from(const Pattern& p, size_t pi, std::string_view s, size_t si, Bindings& b) {
  if (pi == p.pieces.size()) return si == s.size();
  const Pattern::Piece& piece = p.pieces[pi];
  auto fixed = [&](std::string_view text) {
    return s.substr(si, text.size()) == text && match_from(p, pi + 1, s, si + text.size(), b);
  };
  if (!piece.var) return fixed(piece.text);
  auto it = b.find(piece.text);
  if (it != b.end()) return fixed(it->second);
  for (size_t len = 0; si + len <= s.size(); ++len) {
    b[piece.text] = std::string(s.substr(si, len));
    if (match_from(p, pi + 1, s, si + len, b)) return true;
  }
  b.erase(piece.text);
  return false;
}

bool match_pattern(const Pattern& p, std::string_view s, Bindings& b) {
  Bindings trial = b;
  if (!match_from(p, 0, s, 0, trial)) return false;
  b = std::move(trial);
  return true;
}

Pattern substitute(const Pattern& p, const Bindings& b) {
  Pattern out;
  for (const auto& x : p.pieces) {
    auto it = x.var ? b.find(x.text) : b.end();
    if (it != b.end()) out.append_literal(it->second);
    else x.var ? out.append_var(x.text) : out.append_literal(x.text);
  }
  return out;
}

namespace {

std::string lower(std::string_view s) {
  std::string o(s);
  for (char& c : o) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return o;
}
bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || c == '#'; }

class Script {
public:
  std::map<std::string, Pattern> vars;

  // Substitutes &name / &&name / &name. (SET CONCAT '.' is SQL*Plus's default).
  Pattern expand(std::string_view s) const {
    Pattern out;
    size_t i = 0, lit = 0;
    while (i < s.size()) {
      if (s[i] != '&') {
        ++i;
        continue;
      }
      size_t j = i + 1;
      if (j < s.size() && s[j] == '&') ++j;
      size_t nb = j;
      while (j < s.size() && name_char(s[j])) ++j;
      if (j == nb) {
        ++i;
        continue;
      }
      out.append_literal(s.substr(lit, i - lit));
      std::string name = lower(s.substr(nb, j - nb));
      if (j < s.size() && s[j] == '.') ++j;
      auto it = vars.find(name);
      if (it != vars.end()) out.append(it->second);
      else out.append_var(name);
      i = lit = j;
    }
    out.append_literal(s.substr(lit));
    return out;
  }

  void define(std::string_view rest) {
    size_t eq = rest.find('=');
    if (eq == std::string_view::npos) return;
    std::string name = lower(trim(rest.substr(0, eq)));
    std::string_view value = trim(rest.substr(eq + 1));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
      value = value.substr(1, value.size() - 2);
    Pattern p = expand(value);
    // `DEFINE data_path = &2`: the value is an argument we do not know; leave the name open
    // so that matching binds it under its own name.
    if (p.pieces.size() == 1 && p.pieces[0].var) vars.erase(name);
    else vars[name] = std::move(p);
  }

  static std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
  }
};

// Splits a pattern into whitespace-separated words (whitespace only counts in literals).
std::vector<Pattern> words(const Pattern& p) {
  std::vector<Pattern> out(1);
  for (const auto& piece : p.pieces) {
    if (piece.var) {
      out.back().append_var(piece.text);
      continue;
    }
    size_t b = 0;
    for (size_t i = 0; i <= piece.text.size(); ++i) {
      if (i == piece.text.size() || std::isspace(static_cast<unsigned char>(piece.text[i]))) {
        out.back().append_literal(std::string_view(piece.text).substr(b, i - b));
        if (i < piece.text.size() && !out.back().pieces.empty()) out.emplace_back();
        b = i + 1;
      }
    }
  }
  if (out.back().pieces.empty()) out.pop_back();
  return out;
}

void sqlldr_args(const Pattern& cmd, ScriptEvent& ev) {
  static const char* const kPositional[] = {"userid", "control", "log", "bad", "data"};
  std::vector<Pattern> w = words(cmd);
  size_t positional = 0;
  for (size_t k = 1; k < w.size(); ++k) {  // w[0] is "sqlldr"
    Pattern& arg = w[k];
    std::string key;
    if (!arg.pieces.empty() && !arg.pieces[0].var) {
      std::string& t = arg.pieces[0].text;
      size_t eq = t.find('=');
      if (eq != std::string::npos) {
        key = lower(t.substr(0, eq));
        t.erase(0, eq + 1);
        if (t.empty()) arg.pieces.erase(arg.pieces.begin());
      }
    }
    if (key.empty()) {
      if (positional >= 5) continue;
      key = kPositional[positional++];
    }
    if (!arg.pieces.empty() && !arg.pieces.front().var && !arg.pieces.front().text.empty() &&
        (arg.pieces.front().text[0] == '\'' || arg.pieces.front().text[0] == '"'))
      arg.pieces.front().text.erase(0, 1);
    if (!arg.pieces.empty() && !arg.pieces.back().var && !arg.pieces.back().text.empty() &&
        (arg.pieces.back().text.back() == '\'' || arg.pieces.back().text.back() == '"'))
      arg.pieces.back().text.pop_back();
    if (key == "control") ev.control = arg;
    else if (key == "data") ev.data = arg;
  }
}

bool starts_with_word(std::string_view s, std::string_view w) {
  if (s.size() < w.size()) return false;
  for (size_t i = 0; i < w.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != w[i]) return false;
  return s.size() == w.size() || !name_char(s[w.size()]);
}

// `START file` / `STA file`, not the `START WITH 3300` line of a CREATE SEQUENCE or CONNECT BY.
bool is_start_command(std::string_view c) {
  if (!starts_with_word(c, "start") && !starts_with_word(c, "sta")) return false;
  size_t word_end = c.find_first_of(" \t");
  if (word_end == std::string_view::npos) return true;
  return !starts_with_word(Script::trim(c.substr(word_end)), "with");
}

std::string upper_name(std::string_view s) {
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') return std::string(s.substr(1, s.size() - 2));
  std::string o(s);
  for (char& c : o) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return o;
}

// `ALTER SESSION SET CURRENT_SCHEMA = name` on one line.
std::optional<std::string> current_schema_of(std::string_view c) {
  if (!starts_with_word(c, "alter")) return std::nullopt;
  std::string up = upper_name(c);
  size_t at = up.find("CURRENT_SCHEMA");
  if (up.find("SESSION") == std::string::npos || at == std::string::npos) return std::nullopt;
  std::string_view rest = c.substr(at + 14);
  rest = Script::trim(rest);
  if (rest.empty() || rest.front() != '=') return std::nullopt;
  rest = Script::trim(rest.substr(1));
  size_t end = 0;
  while (end < rest.size() && (name_char(rest[end]) || rest[end] == '"')) ++end;
  if (end == 0 || rest.find('&') == 0) return std::string();
  return upper_name(rest.substr(0, end));
}

}  // namespace

std::vector<ScriptEvent> scan_sqlplus_script(std::string_view text) {
  std::vector<ScriptEvent> out;
  Script script;
  std::vector<std::string_view> lines;
  for (size_t b = 0; b <= text.size();) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    std::string_view l = text.substr(b, e - b);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    lines.push_back(l);
    b = e + 1;
  }
  bool in_comment = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view l = Script::trim(lines[i]);
    uint32_t line_no = static_cast<uint32_t>(i + 1);
    if (in_comment) {
      if (l.find("*/") != std::string_view::npos) in_comment = false;
      continue;
    }
    if (l.substr(0, 2) == "/*") {
      in_comment = l.find("*/", 2) == std::string_view::npos;
      continue;
    }
    if (l.empty() || l.substr(0, 2) == "--" || starts_with_word(l, "rem") || starts_with_word(l, "remark") ||
        starts_with_word(l, "prompt") || starts_with_word(l, "pro"))
      continue;
    // SQL*Plus commands continue on the next line when they end with '-'.
    std::string cmd(l);
    while (!cmd.empty() && cmd.back() == '-' && i + 1 < lines.size()) {
      cmd.pop_back();
      cmd += ' ';
      cmd += Script::trim(lines[++i]);
    }
    std::string_view c = cmd;
    if (starts_with_word(c, "define") || starts_with_word(c, "def")) {
      c.remove_prefix(starts_with_word(c, "define") ? 6 : 3);
      script.define(c);
    } else if (starts_with_word(c, "undefine") || starts_with_word(c, "undef")) {
      c.remove_prefix(starts_with_word(c, "undefine") ? 8 : 5);
      std::string_view n = Script::trim(c);
      script.vars.erase(lower(n));
    } else if (starts_with_word(c, "host") || c.substr(0, 1) == "!" || c.substr(0, 1) == "$") {
      c.remove_prefix(c[0] == '!' || c[0] == '$' ? 1 : 4);
      c = Script::trim(c);
      if (!starts_with_word(c, "sqlldr")) continue;
      ScriptEvent ev;
      ev.kind = ScriptEvent::Kind::Sqlldr;
      ev.line = line_no;
      sqlldr_args(script.expand(c), ev);
      out.push_back(std::move(ev));
    } else if (c.substr(0, 1) == "@" || is_start_command(c)) {
      ScriptEvent ev;
      ev.nested = c.substr(0, 2) == "@@";
      if (c[0] == '@') c.remove_prefix(ev.nested ? 2 : 1);
      else c.remove_prefix(starts_with_word(c, "start") ? 5 : 3);
      std::vector<Pattern> w = words(script.expand(Script::trim(c)));
      if (w.empty()) continue;
      ev.kind = ScriptEvent::Kind::Run;
      ev.line = line_no;
      ev.script = w[0];
      // `@orders.tab;` — SQL*Plus takes the `;` as the end of the command, not part of the name.
      while (!ev.script.pieces.empty() && !ev.script.pieces.back().var && !ev.script.pieces.back().text.empty() &&
             ev.script.pieces.back().text.back() == ';')
        ev.script.pieces.back().text.pop_back();
      out.push_back(std::move(ev));
    } else if (starts_with_word(c, "connect") || starts_with_word(c, "conn")) {
      c.remove_prefix(starts_with_word(c, "connect") ? 7 : 4);
      ScriptEvent ev;
      ev.kind = ScriptEvent::Kind::Schema;
      ev.line = line_no;
      ev.schema = sql::sqlplus_connect_schema(script.expand(Script::trim(c)).display());
      out.push_back(std::move(ev));
    } else if (auto schema = current_schema_of(c)) {
      ScriptEvent ev;
      ev.kind = ScriptEvent::Kind::Schema;
      ev.line = line_no;
      ev.schema = *schema;
      out.push_back(std::move(ev));
    }
  }
  return out;
}

}  // namespace orashift
