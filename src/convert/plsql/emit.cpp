#include "convert/plsql/emit.h"

#include <cctype>
#include <string>
#include <vector>

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

// For each line of `text` after the first: whether it starts inside a quoted literal ('…', E'…'
// with backslash escapes, "…", $tag$…$tag$), where an indent would change the value.
std::vector<bool> lines_inside_literals(const std::string& text) {
  std::vector<bool> out;
  enum { None, Single, Escaped, Double, Dollar } in = None;
  std::string tag;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      out.push_back(in != None);
      continue;
    }
    switch (in) {
      case None:
        if (c == '\'') in = i > 0 && (text[i - 1] == 'E' || text[i - 1] == 'e') &&
                                   (i < 2 || !(std::isalnum(static_cast<unsigned char>(text[i - 2])) || text[i - 2] == '_'))
                                  ? Escaped
                                  : Single;
        else if (c == '"') in = Double;
        else if (c == '$') {
          size_t e = i + 1;
          while (e < text.size() && (std::isalnum(static_cast<unsigned char>(text[e])) || text[e] == '_')) ++e;
          if (e < text.size() && text[e] == '$' && (i == 0 || !(std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '_'))) {
            tag = text.substr(i, e - i + 1);
            in = Dollar;
            i = e;
          }
        } else if (c == '-' && i + 1 < text.size() && text[i + 1] == '-') {
          while (i + 1 < text.size() && text[i + 1] != '\n') ++i;  // a comment: its quotes are text
        }
        break;
      case Single:
        if (c == '\'') {
          if (i + 1 < text.size() && text[i + 1] == '\'') ++i;
          else in = None;
        }
        break;
      case Escaped:
        if (c == '\\') ++i;
        else if (c == '\'') {
          if (i + 1 < text.size() && text[i + 1] == '\'') ++i;
          else in = None;
        }
        break;
      case Double:
        if (c == '"') in = None;
        break;
      case Dollar:
        if (c == '$' && text.compare(i, tag.size(), tag) == 0) {
          i += tag.size() - 1;
          in = None;
        }
        break;
    }
  }
  return out;
}

}  // namespace

void Emitter::line(int indent, const std::string& text, Span span) {
  // A multi-line statement (a long query) keeps its own line breaks, each indented — except a
  // line that continues a quoted literal, whose text is the value.
  std::vector<bool> inside = text.find('\n') == std::string::npos ? std::vector<bool>{} : lines_inside_literals(text);
  size_t p = 0, n = 0;
  do {
    size_t e = text.find('\n', p);
    std::string part = text.substr(p, e == std::string::npos ? std::string::npos : e - p);
    bool continues_literal = n > 0 && n - 1 < inside.size() && inside[n - 1];
    out_ += (continues_literal ? std::string() : std::string(static_cast<size_t>(indent) * 2, ' ')) + part + "\n";
    spans_.push_back(span);
    p = e == std::string::npos ? std::string::npos : e + 1;
    ++n;
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
