// Member functions that change their SELF IN OUT. Oracle gives the changed object back to the
// caller ("Object Methods", Object-Relational Developer's Guide: SELF is IN OUT for a member
// procedure, and may be declared so for a function); a PostgreSQL function's arguments are copies.
// Such a function becomes a procedure with INOUT "self" and an INOUT "orashift_result" for its
// value (the convention Redshift's functions already use), and so do the implementations of its
// family in a hierarchy and their dispatcher, so that every one keeps one shape.
//
// A call then needs a statement of its own: the statement holding it (x := obj.m(…), RETURN
// obj.m(…), IF obj.m(…) THEN, a procedure's argument) is preceded by
//   tmp := obj; CALL t.m(tmp, args…, res); obj := tmp;
// and reads res. That is exact where Oracle evaluates the call unconditionally before the
// statement uses its value: not inside AND/OR, CASE, DECODE or a later COALESCE/NVL argument, a
// query, or an ELSIF condition — those calls stay an error-level item, as does a call on an object
// that cannot be assigned (an element of a collection held as jsonb, a function's result).
#include <cctype>
#include <regex>

#include "common/naming.h"
#include "convert/plsql/codes.h"
#include "convert/plsql/lowerer.h"
#include "convert/query/sql_writer.h"
#include "sql/parser.h"

namespace orashift::plsql {

using rewrite::upper;

namespace {

// Every word of the text, upper case: member procedure names and SELF passed on are looked up in it.
bool mentions_word(const std::string& upper_text, const std::string& word) {
  auto part = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || c == '#'; };
  for (size_t at = upper_text.find(word); at != std::string::npos; at = upper_text.find(word, at + 1))
    if ((at == 0 || !part(upper_text[at - 1])) && (at + word.size() == upper_text.size() || !part(upper_text[at + word.size()])))
      return true;
  return false;
}

// May `body` (a method of `type`) change SELF? Its attributes or SELF assigned (self_may_change on
// the source), a member procedure of the type called (it takes SELF IN OUT), or SELF passed to a
// routine. Errs towards "may".
bool body_may_change_self(const ast::PlSubprogram& body, const TypeInfo& self, const std::vector<std::string>& procedures) {
  if (!body.body) return false;
  if (self_may_change(body.body->span, self, "")) return true;
  std::string text(body.body->span.text());
  for (auto& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (const auto& p : procedures)
    if (mentions_word(text, p)) return true;
  static const std::regex passed(R"((\(|,|=>)\s*SELF\s*(,|\)))");
  return std::regex_search(text, passed);
}

// A literal, TRUE or FALSE: nothing a later COALESCE argument could skip.
bool constant(const ast::Expr& e) {
  if (e.kind == ast::ExprKind::Literal) return true;
  if (e.kind != ast::ExprKind::Name) return false;
  auto& n = static_cast<const ast::NameExpr&>(e);
  std::string w = n.parts.size() == 1 ? upper(std::string(n.parts[0].text)) : std::string();
  return w == "TRUE" || w == "FALSE";
}

// True when the expression evaluates every call in it unconditionally (see the file comment).
bool unconditional(const ast::Expr& e) {
  switch (e.kind) {
    case ast::ExprKind::Binary: {
      auto& b = static_cast<const ast::BinaryExpr&>(e);
      if (b.op == ast::BinaryOp::And || b.op == ast::BinaryOp::Or) return false;
      return unconditional(*b.lhs) && unconditional(*b.rhs);
    }
    case ast::ExprKind::Unary: return unconditional(*static_cast<const ast::UnaryExpr&>(e).operand);
    case ast::ExprKind::List: {
      for (const auto& i : static_cast<const ast::ListExpr&>(e).items)
        if (!unconditional(*i)) return false;
      return true;
    }
    case ast::ExprKind::Call: {
      auto& c = static_cast<const ast::CallExpr&>(e);
      std::string f = c.name.size() == 1 ? upper(std::string(c.name[0].text)) : std::string();
      if (f == "DECODE" || f == "NVL2") return false;
      for (size_t i = 0; i < c.args.size(); ++i) {
        if ((f == "COALESCE" || f == "NVL") && i > 0 && !constant(*c.args[i].value)) return false;
        if (!unconditional(*c.args[i].value)) return false;
      }
      return true;
    }
    case ast::ExprKind::Postfix: return unconditional(*static_cast<const ast::PostfixExpr&>(e).base);
    case ast::ExprKind::IsNull: return unconditional(*static_cast<const ast::IsNullExpr&>(e).operand);
    case ast::ExprKind::Like: {
      auto& l = static_cast<const ast::LikeExpr&>(e);
      return unconditional(*l.lhs) && unconditional(*l.pattern) && (!l.escape || unconditional(*l.escape));
    }
    case ast::ExprKind::Between: {
      auto& b = static_cast<const ast::BetweenExpr&>(e);
      return unconditional(*b.operand) && unconditional(*b.low) && unconditional(*b.high);
    }
    case ast::ExprKind::In: {  // the list may stop at the first match: literals only
      auto& in = static_cast<const ast::InExpr&>(e);
      for (const auto& x : in.list)
        if (!constant(*x)) return false;
      return unconditional(*in.lhs);
    }
    case ast::ExprKind::Name:
    case ast::ExprKind::Literal:
    case ast::ExprKind::Bind: return true;
    default: return false;  // CASE, subqueries, …
  }
}

}  // namespace

// x.f(i).m(…): a method called on an element (the last selectors a field and its arguments, after
// an element's).
bool Lowerer::member_call_on_element(const ast::Expr& e) {
  if (e.kind != ast::ExprKind::Postfix) return false;
  auto& p = static_cast<const ast::PostfixExpr&>(e);
  size_t n = p.selectors.size();
  return n >= 2 && p.selectors[n - 1].kind == ast::SelectorKind::Args && p.selectors[n - 2].kind == ast::SelectorKind::Field;
}

bool Lowerer::self_changing(const std::string& type, const ast::PlSubprogram& spec) const {
  if (!env_.profile->composite_types || !spec.is_function || spec.constructor || is_static(spec)) return false;
  bool self_in_out = false;
  for (const auto& p : spec.params)
    if (is_self_param(p) && upper(std::string(p.mode)).find("OUT") != std::string::npos) self_in_out = true;
  if (!self_in_out) return false;
  // The family: the topmost supertype declaring the method, and every implementation under it.
  std::string root = type;
  const ast::PlSubprogram* root_spec = &spec;
  auto chain = env_.registry->type_chain(type);
  for (const ast::CreateType* t : chain) {
    std::string name = norm(t->name.name());
    if (const ast::PlSubprogram* s = spec_method(name, spec)) {
      root = name;
      root_spec = s;
      break;
    }
  }
  std::string key = root + "." + norm(root_spec->name.name()) + "(" + method_signature(*root_spec) + ")";
  if (auto it = self_changing_.find(key); it != self_changing_.end()) return it->second;
  self_changing_[key] = false;  // a family reached again while deciding is not changed by that path
  std::vector<std::string> family{root};
  for (const auto& d : env_.registry->descendants(root)) family.push_back(d);
  bool changes = false;
  for (const auto& t : family) {
    auto b = env_.registry->type_bodies.find(t);
    if (b == env_.registry->type_bodies.end()) continue;
    std::vector<std::string> procedures;
    for (const ast::CreateType* c : env_.registry->type_chain(t))
      for (const auto& m : c->methods)
        if (!m.is_function && !m.constructor) procedures.push_back(norm(m.name.name()));
    for (const auto& m : b->second->methods)
      if (m.body && same_name(m.name.name(), spec.name.name()) && method_signature(m) == method_signature(spec) &&
          body_may_change_self(m, object_type_info(t), procedures))
        changes = true;
  }
  self_changing_[key] = changes;
  return changes;
}

std::optional<std::string> Lowerer::self_changing_call(const std::string& routine, const std::string& self_text,
                                                       const TypeInfo& self_type, const ast::PlSubprogram& m,
                                                       const std::string& args, Span span) const {
  std::string what = "member function " + norm(m.name.name()) + " changes SELF (declared IN OUT), which Oracle gives back to the caller";
  if (!self_calls_ || !current_block_) {
    item(plsql_codes::kNotConvertible,
         what + ": only a call a statement makes unconditionally is converted (x := obj.m(…), RETURN, IF …, an argument) — "
                "not inside AND/OR, CASE, DECODE, a query or an ELSIF; assign it to a variable first",
         span);
    return std::nullopt;
  }
  static const std::regex assignable(R"re(^("[^"]+"|[a-z_][a-z0-9_$#]*)(\."[^"]+"|\.[a-z_][a-z0-9_$#]*|\[[^\[\]]+\])*$)re");
  if (!std::regex_match(self_text, assignable)) {
    item(plsql_codes::kNotConvertible, what + ": the object (" + self_text + ") cannot be assigned back here; copy it to a variable first",
         span);
    return std::nullopt;
  }
  TypeInfo rt = m.return_type ? resolve_type(*m.return_type) : TypeInfo{};
  if (!rt.problem.empty() || rt.sql.empty()) return std::nullopt;
  std::string tmp_self = quote_ident("orashift_self" + std::to_string(++temp_count_));
  std::string tmp_result = quote_ident("orashift_result" + std::to_string(temp_count_));
  current_block_->decls.push_back({tmp_self + " " + self_type.sql, span});
  current_block_->decls.push_back({tmp_result + " " + rt.sql, span});
  self_calls_->first.push_back(tmp_self + " := " + self_text);
  self_calls_->first.push_back("CALL " + routine + "(" + tmp_self + (args.empty() ? "" : ", " + args) + ", " + tmp_result + ")");
  self_calls_->first.push_back(self_text + " := " + tmp_self);
  return tmp_result;
}

void Lowerer::with_self_calls(const ast::Expr* e, PgBody& out, const std::function<void(PgBody&)>& lower) {
  if (!e || self_calls_ || !unconditional(*e)) {
    lower(out);
    return;
  }
  ArgCopies calls;
  self_calls_ = &calls;
  PgBody body;
  lower(body);
  self_calls_ = nullptr;
  Span span = e->span;
  for (const auto& s : calls.first) out.push_back(PgStmt::simple(s, span));
  for (auto& s : body) out.push_back(std::move(s));
}

}  // namespace orashift::plsql
