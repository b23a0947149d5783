#include "convert/plsql/emit.h"

#include <cctype>

namespace orashift::plsql {

namespace {

// PL/pgSQL reads an IF / ELSIF / WHEN condition up to the first THEN outside parentheses, so a
// CASE expression at the condition's top level (… AND CASE WHEN a THEN …) ends it early: such a
// condition is written in parentheses.
std::string before_then(const std::string& cond) {
  int depth = 0;
  for (size_t i = 0; i < cond.size(); ++i) {
    char c = cond[i];
    if (c == '\'' || c == '"') {
      size_t e = cond.find(c, i + 1);
      while (e != std::string::npos && e + 1 < cond.size() && cond[e + 1] == c) e = cond.find(c, e + 2);
      if (e == std::string::npos) break;
      i = e;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (depth == 0 && (c == 'C' || c == 'c') && cond.compare(i, 4, c == 'C' ? "CASE" : "case") == 0 &&
               (i == 0 || !(std::isalnum(static_cast<unsigned char>(cond[i - 1])) || cond[i - 1] == '_')) &&
               (i + 4 == cond.size() || !(std::isalnum(static_cast<unsigned char>(cond[i + 4])) || cond[i + 4] == '_'))) {
      return "(" + cond + ")";
    }
  }
  return cond;
}

}  // namespace

void Emitter::line(int indent, const std::string& text, Span span) {
  // A multi-line statement (a long query) keeps its own line breaks, each indented.
  size_t p = 0;
  do {
    size_t e = text.find('\n', p);
    std::string part = text.substr(p, e == std::string::npos ? std::string::npos : e - p);
    out_ += std::string(static_cast<size_t>(indent) * 2, ' ') + part + "\n";
    spans_.push_back(span);
    p = e == std::string::npos ? std::string::npos : e + 1;
  } while (p != std::string::npos);
}

void Emitter::block(const PgBlock& b, int indent) {
  if (!b.label.empty()) line(indent, "<<" + b.label + ">>");
  if (!b.decls.empty()) {
    line(indent, "DECLARE");
    for (const auto& d : b.decls) line(indent + 1, d.text + ";", d.span);
  }
  line(indent, "BEGIN");
  body(b.body, indent + 1);
  if (!b.handlers.empty()) {
    line(indent, "EXCEPTION");
    for (const auto& h : b.handlers) {
      line(indent + 1, "WHEN " + h.condition + " THEN", h.span);
      body(h.body, indent + 2);
    }
  }
  line(indent, b.label.empty() ? "END" : "END " + b.label);
}

void Emitter::body(const PgBody& stmts, int indent) {
  if (stmts.empty()) line(indent, "NULL;");
  for (const auto& s : stmts) stmt(s, indent);
}

void Emitter::stmt(const PgStmt& s, int indent) {
  switch (s.kind) {
    case PgKind::Simple: line(indent, s.text + ";", s.span); return;
    case PgKind::If:
      for (size_t i = 0; i < s.branches.size(); ++i) {
        line(indent, std::string(i ? "ELSIF " : "IF ") + before_then(s.branches[i].first) + " THEN", s.span);
        body(s.branches[i].second, indent + 1);
      }
      if (s.has_else) {
        line(indent, "ELSE");
        body(s.else_body, indent + 1);
      }
      line(indent, "END IF;");
      return;
    case PgKind::Case:
      line(indent, s.text, s.span);
      for (const auto& [when, b] : s.branches) {
        line(indent + 1, "WHEN " + before_then(when) + " THEN");
        body(b, indent + 2);
      }
      if (s.has_else) {
        line(indent + 1, "ELSE");
        body(s.else_body, indent + 2);
      }
      line(indent, "END CASE;");
      return;
    case PgKind::Loop:
      if (!s.label.empty()) line(indent, "<<" + s.label + ">>");
      line(indent, s.text.empty() ? "LOOP" : s.text + " LOOP", s.span);
      body(s.body, indent + 1);
      line(indent, s.label.empty() ? "END LOOP;" : "END LOOP " + s.label + ";");
      return;
    case PgKind::Block:
      block(*s.block, indent);
      out_.insert(out_.size() - 1, ";");
      return;
  }
}

}  // namespace orashift::plsql
