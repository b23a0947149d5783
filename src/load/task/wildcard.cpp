#include "load/task/wildcard.h"

namespace orashift {

std::optional<NamePattern> NamePattern::compile(std::string_view text, char escape, std::string* error) {
  NamePattern p;
  p.text_ = std::string(text);
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    Token t;
    if (escape && c == escape && i + 1 < text.size()) {
      t.c = text[++i];
    } else if (c == '%') {
      t.kind = Kind::AnyRun;
      p.literal_ = false;
    } else if (c == '_') {
      t.kind = Kind::AnyOne;
      p.literal_ = false;
    } else if (c == '[') {
      size_t close = text.find(']', i + 1);
      // "[]" would be an empty set; "[]...]" is not something DMS documents, so a ']' right
      // after '[' closes an empty set and is rejected.
      if (close == std::string_view::npos || close == i + 1) {
        if (error) *error = close == std::string_view::npos ? "unterminated \"[\" in pattern \"" + std::string(text) + "\""
                                                            : "empty \"[]\" in pattern \"" + std::string(text) + "\"";
        return std::nullopt;
      }
      std::string_view body = text.substr(i + 1, close - i - 1);
      t.kind = Kind::Set;
      for (size_t k = 0; k < body.size(); ++k) {
        if (k + 2 < body.size() && body[k + 1] == '-') {
          char lo = body[k], hi = body[k + 2];
          if (lo > hi) std::swap(lo, hi);
          t.ranges.emplace_back(lo, hi);
          k += 2;
        } else {
          t.ranges.emplace_back(body[k], body[k]);
        }
      }
      // "[_]" is how DMS spells a literal underscore: a one-character set is just that
      // character, and keeping it a Char lets "TEST[_]T" still count as a literal name.
      if (t.ranges.size() == 1 && t.ranges[0].first == t.ranges[0].second) {
        t.kind = Kind::Char;
        t.c = t.ranges[0].first;
        t.ranges.clear();
      } else {
        p.literal_ = false;
      }
      i = close;
    } else {
      t.c = c;
    }
    // Consecutive '%' are one '%': keeps matching linear-ish on patterns like "%%%".
    if (t.kind == Kind::AnyRun && !p.tokens_.empty() && p.tokens_.back().kind == Kind::AnyRun) continue;
    p.tokens_.push_back(std::move(t));
  }
  return p;
}

NamePattern NamePattern::literal(std::string_view name) {
  NamePattern p;
  p.text_ = std::string(name);
  for (char c : name) {
    Token t;
    t.c = c;
    p.tokens_.push_back(t);
  }
  return p;
}

bool NamePattern::matches(std::string_view name) const { return match_from(0, name, 0); }

bool NamePattern::match_from(size_t t, std::string_view name, size_t n) const {
  while (t < tokens_.size()) {
    const Token& tok = tokens_[t];
    if (tok.kind == Kind::AnyRun) {
      if (t + 1 == tokens_.size()) return true;
      for (size_t k = n; k <= name.size(); ++k)
        if (match_from(t + 1, name, k)) return true;
      return false;
    }
    if (n >= name.size()) return false;
    char c = name[n];
    bool ok = false;
    switch (tok.kind) {
      case Kind::Char: ok = c == tok.c; break;
      case Kind::AnyOne: ok = true; break;
      case Kind::Set:
        for (auto [lo, hi] : tok.ranges) ok = ok || (c >= lo && c <= hi);
        break;
      case Kind::AnyRun: break;
    }
    if (!ok) return false;
    ++t;
    ++n;
  }
  return n == name.size();
}

}  // namespace orashift
