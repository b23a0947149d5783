#include "endpoints/oracle_files/ctl_lexer.h"

#include <cctype>

namespace orashift {

bool CtlToken::is(std::string_view kw) const {
  if (kind != CtlTok::Ident || value.size() != kw.size()) return false;
  for (size_t i = 0; i < kw.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(value[i])) != kw[i]) return false;
  return true;
}

static bool ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '$' || c == '#'; }
static bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || c == '#'; }

static int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::vector<CtlToken> lex_control_file(std::string_view s) {
  std::vector<CtlToken> out;
  size_t i = 0;
  auto push = [&](CtlTok k, std::string v, size_t b, size_t e) {
    out.push_back({k, std::move(v), static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
  };
  // A quoted string; a doubled quote or a backslash before the quote (as Oracle's own
  // samples write '\'') stands for the quote itself.
  auto quoted = [&](char q, std::string& v) -> bool {
    ++i;
    for (;;) {
      if (i >= s.size()) return false;
      char c = s[i];
      if (c == '\\' && i + 1 < s.size() && s[i + 1] == q) {
        v.push_back(q);
        i += 2;
      } else if (c == q) {
        if (i + 1 < s.size() && s[i + 1] == q) {
          v.push_back(q);
          i += 2;
        } else {
          ++i;
          return true;
        }
      } else {
        v.push_back(c);
        ++i;
      }
    }
  };
  while (i < s.size()) {
    char c = s[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    if (c == '-' && i + 1 < s.size() && s[i + 1] == '-') {
      while (i < s.size() && s[i] != '\n') ++i;
      continue;
    }
    size_t b = i;
    if ((c == 'X' || c == 'x') && i + 1 < s.size() && s[i + 1] == '\'') {
      ++i;
      std::string raw;
      if (!quoted('\'', raw)) {
        push(CtlTok::Error, "unterminated hex string", b, i);
        return out;
      }
      std::string bytes;
      bool ok = raw.size() % 2 == 0;
      for (size_t k = 0; ok && k < raw.size(); k += 2) {
        int hi = hex_value(raw[k]), lo = hex_value(raw[k + 1]);
        ok = hi >= 0 && lo >= 0;
        bytes.push_back(static_cast<char>(hi * 16 + lo));
      }
      if (!ok) {
        push(CtlTok::Error, "invalid hex string X'" + raw + "'", b, i);
        return out;
      }
      push(CtlTok::Hex, std::move(bytes), b, i);
      continue;
    }
    if (ident_start(c)) {
      while (i < s.size() && ident_char(s[i])) ++i;
      std::string v(s.substr(b, i - b));
      push(CtlTok::Ident, v, b, i);
      if (out.back().is("BEGINDATA")) {
        out.back().kind = CtlTok::BeginData;
        return out;
      }
      continue;
    }
    if (std::isdigit(static_cast<unsigned char>(c))) {
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
      push(CtlTok::Number, std::string(s.substr(b, i - b)), b, i);
      continue;
    }
    if (c == '\'' || c == '"') {
      std::string v;
      if (!quoted(c, v)) {
        push(CtlTok::Error, c == '"' ? "unterminated double-quoted string" : "unterminated string", b, s.size());
        return out;
      }
      push(c == '"' ? CtlTok::DQuoted : CtlTok::SQuoted, std::move(v), b, i);
      continue;
    }
    if ((c == '!' || c == '<' || c == '^') && i + 1 < s.size() && (s[i + 1] == '=' || (c == '<' && s[i + 1] == '>'))) {
      i += 2;
      push(CtlTok::Punct, "!=", b, i);  // != <> ^= all mean "not equal"
      continue;
    }
    if (std::string_view("(),:=*.+-;").find(c) != std::string_view::npos) {
      ++i;
      push(CtlTok::Punct, std::string(1, c), b, i);
      continue;
    }
    push(CtlTok::Error, std::string("unexpected character '") + c + "'", b, b + 1);
    return out;
  }
  push(CtlTok::End, "", s.size(), s.size());
  return out;
}

}  // namespace orashift
