#include "convert/plsql/cond_comp.h"

#include "convert/install_block_ddl.h"

#include <cctype>
#include <cstdlib>

#include "convert/query/sql_writer.h"
#include "sql/lexer.h"
#include "sql/parser.h"

namespace orashift::plsql {

namespace ast = sql::ast;
using rewrite::upper;

namespace {

constexpr int kSourceVersion = 19;  // the Oracle release the source code is compiled for
constexpr int kSourceRelease = 0;

struct Value {
  enum Kind { Null, Bool, Num, Text } kind = Null;
  bool b = false;
  double n = 0;
  std::string s;
};

std::optional<Value> eval(const ast::Expr& e, const std::string& unit) {
  Value v;
  switch (e.kind) {
    case ast::ExprKind::Literal: {
      auto& l = static_cast<const ast::LiteralExpr&>(e);
      if (l.literal == ast::LiteralKind::Number) {
        v.kind = Value::Num;
        v.n = std::strtod(std::string(l.text).c_str(), nullptr);
      } else if (l.literal == ast::LiteralKind::String) {
        v.kind = Value::Text;
        v.s = rewrite::string_literal_value(l.text);
      } else if (l.literal == ast::LiteralKind::Boolean) {
        v.kind = Value::Bool;
        v.b = upper(l.text) == "TRUE";
      } else if (l.literal != ast::LiteralKind::Null) {
        return std::nullopt;
      }
      return v;
    }
    case ast::ExprKind::Name: {
      auto& n = static_cast<const ast::NameExpr&>(e);
      std::string first = upper(n.parts[0].text);
      if (n.parts.size() == 1) {
        if (first == "TRUE" || first == "FALSE") {
          v.kind = Value::Bool;
          v.b = first == "TRUE";
          return v;
        }
        if (first == "$$PLSQL_UNIT") {
          v.kind = Value::Text;
          v.s = unit;
          return v;
        }
        if (first.rfind("$$", 0) == 0) return v;  // an inquiry directive nobody set: NULL
        return std::nullopt;
      }
      if (n.parts.size() == 2 && first == "DBMS_DB_VERSION") {
        auto c = db_version_constant(upper(n.parts[1].text));
        if (!c) return std::nullopt;
        if (*c == "TRUE" || *c == "FALSE") {
          v.kind = Value::Bool;
          v.b = *c == "TRUE";
        } else {
          v.kind = Value::Num;
          v.n = std::atoi(c->c_str());
        }
        return v;
      }
      return std::nullopt;
    }
    case ast::ExprKind::List: {
      auto& l = static_cast<const ast::ListExpr&>(e);
      if (l.items.size() != 1) return std::nullopt;
      return eval(*l.items[0], unit);
    }
    case ast::ExprKind::Unary: {
      auto& u = static_cast<const ast::UnaryExpr&>(e);
      if (u.op != ast::UnaryOp::Not && u.op != ast::UnaryOp::Neg) return std::nullopt;
      auto o = eval(*u.operand, unit);
      if (!o) return std::nullopt;
      if (o->kind == Value::Null) return o;
      if (u.op == ast::UnaryOp::Neg) {
        if (o->kind != Value::Num) return std::nullopt;
        o->n = -o->n;
        return o;
      }
      if (o->kind != Value::Bool) return std::nullopt;
      o->b = !o->b;
      return o;
    }
    case ast::ExprKind::IsNull: {
      auto& i = static_cast<const ast::IsNullExpr&>(e);
      if (upper(sql::compact_text(i.test)) != "NULL") return std::nullopt;
      auto o = eval(*i.operand, unit);
      if (!o) return std::nullopt;
      v.kind = Value::Bool;
      v.b = (o->kind == Value::Null) != i.negated;
      return v;
    }
    case ast::ExprKind::Binary: {
      auto& b = static_cast<const ast::BinaryExpr&>(e);
      auto l = eval(*b.lhs, unit);
      auto r = eval(*b.rhs, unit);
      if (!l || !r) return std::nullopt;
      if (b.op == ast::BinaryOp::And || b.op == ast::BinaryOp::Or) {
        // Three-valued, as SQL: FALSE AND NULL is FALSE, TRUE OR NULL is TRUE.
        bool is_and = b.op == ast::BinaryOp::And;
        auto truth = [](const Value& x) { return x.kind == Value::Bool ? std::optional<bool>(x.b) : std::nullopt; };
        if ((l->kind != Value::Bool && l->kind != Value::Null) || (r->kind != Value::Bool && r->kind != Value::Null))
          return std::nullopt;
        auto lt = truth(*l), rt = truth(*r);
        if (is_and && ((lt && !*lt) || (rt && !*rt))) return v.kind = Value::Bool, v.b = false, v;
        if (!is_and && ((lt && *lt) || (rt && *rt))) return v.kind = Value::Bool, v.b = true, v;
        if (!lt || !rt) return v;  // NULL
        v.kind = Value::Bool;
        v.b = is_and;
        return v;
      }
      if (l->kind == Value::Null || r->kind == Value::Null) return v;
      if (l->kind != r->kind) return std::nullopt;
      int cmp = l->kind == Value::Num ? (l->n < r->n ? -1 : l->n > r->n ? 1 : 0)
                : l->kind == Value::Text ? l->s.compare(r->s)
                                         : (static_cast<int>(l->b) - static_cast<int>(r->b));
      v.kind = Value::Bool;
      switch (b.op) {
        case ast::BinaryOp::Eq: v.b = cmp == 0; return v;
        case ast::BinaryOp::Ne: v.b = cmp != 0; return v;
        case ast::BinaryOp::Lt: v.b = cmp < 0; return v;
        case ast::BinaryOp::Le: v.b = cmp <= 0; return v;
        case ast::BinaryOp::Gt: v.b = cmp > 0; return v;
        case ast::BinaryOp::Ge: v.b = cmp >= 0; return v;
        default: return std::nullopt;
      }
    }
    default: return std::nullopt;
  }
}

}  // namespace

std::optional<std::string> db_version_constant(const std::string& w) {
  if (w == "VERSION") return std::to_string(kSourceVersion);
  if (w == "RELEASE") return std::to_string(kSourceRelease);
  if (w.rfind("VER_LE_", 0) == 0 && w.size() > 7 && std::isdigit(static_cast<unsigned char>(w[7]))) {
    // VER_LE_10_2: version 10 release 2 or lower.
    std::string rest = w.substr(7);
    int ver = std::atoi(rest.c_str());
    size_t us = rest.find('_');
    int rel = us == std::string::npos ? 99 : std::atoi(rest.c_str() + us + 1);
    return kSourceVersion < ver || (kSourceVersion == ver && kSourceRelease <= rel) ? "TRUE" : "FALSE";
  }
  return std::nullopt;
}

std::optional<int> CondCompiler::choose(const ast::PlCondComp& cc, const std::string& unit, std::string& why) const {
  if (cc.error) {
    why = "$ERROR directive";
    return std::nullopt;
  }
  std::vector<const ast::Expr*> conditions;
  for (const auto& b : cc.branches) conditions.push_back(b.condition.get());
  return choose(conditions, unit, why);
}

std::optional<int> CondCompiler::choose(const std::vector<const ast::Expr*>& conditions, const std::string& unit,
                                        std::string& why) const {
  for (size_t i = 0; i < conditions.size(); ++i) {
    if (!conditions[i]) return static_cast<int>(i);
    auto v = eval(*conditions[i], unit);
    if (!v || (v->kind != Value::Bool && v->kind != Value::Null)) {
      why = "condition " + sql::compact_text(conditions[i]->span) + " cannot be evaluated at conversion time";
      return std::nullopt;
    }
    if (v->kind == Value::Bool && v->b) return static_cast<int>(i);
  }
  return -1;
}

const ast::PlBlock* CondCompiler::parse(Span text, bool decls, std::string& why) {
  if (!text.file) {
    why = "no source text";
    return nullptr;
  }
  // The file's text with everything outside the branch blanked (line breaks kept), so the
  // parsed nodes keep the branch's own lines and columns; a block is wrapped around it.
  const std::string& src = text.file->text();
  std::string blank(src.size(), ' ');
  for (size_t i = 0; i < src.size(); ++i)
    if (src[i] == '\n') blank[i] = '\n';
  blank.replace(text.begin, text.end - text.begin, src, text.begin, text.end - text.begin);
  std::string head = decls ? "DECLARE" : "BEGIN";
  if (text.begin < head.size() + 1) {
    why = "branch too close to the start of its file";
    return nullptr;
  }
  blank.replace(0, head.size(), head);
  blank += decls ? "\nBEGIN NULL; END;\n" : "\nEND;\n";
  copies_.emplace_back(std::make_unique<SourceFile>(text.file->path(), std::move(blank)), original(text).file);
  const SourceFile& f = *copies_.back().first;
  std::vector<sql::Token> toks = sql::tokenize(f);
  while (!toks.empty() && toks.back().kind == sql::TokenKind::End) toks.pop_back();
  Diagnostics diags;
  Span whole{&f, 0, static_cast<uint32_t>(f.text().size())};
  ast::StatementPtr st = sql::parse_tokens(toks, true, whole, diags);
  if (!st || st->kind != ast::StmtKind::PlBlock) {
    why = diags.items().empty() ? "the branch is not complete declarations or statements" : diags.items()[0].message;
    return nullptr;
  }
  trees_.push_back(std::move(st));
  return &static_cast<const ast::PlAnonymousBlock&>(*trees_.back()).block;
}

const ast::PlBlock* CondCompiler::parse_literal_block(Span literal, std::string& why) {
  std::unique_ptr<SourceFile> copy = literal_as_file(literal);
  if (!copy) {
    why = "not a string literal";
    return nullptr;
  }
  return parse_block_copy(std::move(copy), original(literal).file, why);
}

const ast::PlBlock* CondCompiler::parse_block_copy(std::unique_ptr<SourceFile> copy, const SourceFile* of, std::string& why) {
  copies_.emplace_back(std::move(copy), of);
  const SourceFile& f = *copies_.back().first;
  std::vector<sql::Token> toks = sql::tokenize(f);
  while (!toks.empty() && (toks.back().kind == sql::TokenKind::End || toks.back().kind == sql::TokenKind::Slash)) toks.pop_back();
  if (toks.empty() || (toks.front().kw != sql::Kw::BEGIN && toks.front().kw != sql::Kw::DECLARE)) {
    why = "not a PL/SQL block";
    return nullptr;
  }
  Diagnostics diags;
  Span whole{&f, 0, static_cast<uint32_t>(f.text().size())};
  ast::StatementPtr st = sql::parse_tokens(toks, true, whole, diags);
  if (!st || st->kind != ast::StmtKind::PlBlock || diags.error_count() != 0) {
    why = diags.items().empty() ? "the text is not one PL/SQL block" : diags.items()[0].message;
    return nullptr;
  }
  trees_.push_back(std::move(st));
  return &static_cast<const ast::PlAnonymousBlock&>(*trees_.back()).block;
}

Span CondCompiler::original(Span s) const {
  for (const auto& [copy, orig] : copies_)
    if (copy.get() == s.file) s.file = orig;
  return s;
}

std::vector<const ast::PlDecl*> CondCompiler::expand(const std::vector<ast::PlDeclPtr>& decls, const std::string& unit) {
  std::vector<const ast::PlDecl*> out;
  for (const auto& d : decls) {
    if (d->kind != ast::PlDeclKind::CondComp) {
      out.push_back(d.get());
      continue;
    }
    const auto& cc = static_cast<const ast::PlCondDecl&>(*d).cc;
    std::string why;
    auto branch = choose(cc, unit, why);
    const ast::PlBlock* parsed = nullptr;
    if (branch && *branch >= 0) parsed = parse(cc.branches[static_cast<size_t>(*branch)].text, true, why);
    if (!branch || (*branch >= 0 && !parsed)) {
      out.push_back(d.get());  // left for the caller to report
      continue;
    }
    if (parsed)
      for (const auto* x : expand(parsed->decls, unit)) out.push_back(x);
  }
  return out;
}

}  // namespace orashift::plsql
