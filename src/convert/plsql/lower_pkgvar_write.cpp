// Writing part of a package variable: pkg_var(i) := v, pkg_var(i).f := v, pkg_var.f(k)(j) := v,
// pkg_var.list.EXTEND, pkg_var(i).p(args). A package variable is session state held whole (its
// getter returns the value, its setter stores it: lower_unit.cpp), so there is no element to
// assign to. The statement is lowered as Oracle's user would rewrite it: the whole value read into
// a local temporary, the statement lowered on the temporary exactly as on a local variable, and
// the temporary written back whole. Read, change, write in that order keeps Oracle's rule that a
// statement that raises leaves the variable unchanged (the write is never reached).
#include <algorithm>

#include "convert/plsql/lowerer.h"

namespace orashift::plsql {

namespace {

// While alive, a package variable's symbol stands for a local variable `tmp`: every lowering
// that reads or writes it (selector chains, maps, collection methods, member procedures) then
// prints `tmp` and assigns to it as to any local. Symbols live in std::map nodes (scope frames,
// foreign_symbols_), so the address is stable for the statement's lowering.
class PackageVariableAsLocal {
public:
  PackageVariableAsLocal(const Symbol& s, const std::string& tmp) : s_(const_cast<Symbol&>(s)), saved_(s) {
    s_.kind = SymbolKind::Variable;
    s_.ref = tmp;
    s_.setter.clear();
  }
  ~PackageVariableAsLocal() { s_ = std::move(saved_); }
  PackageVariableAsLocal(const PackageVariableAsLocal&) = delete;
  PackageVariableAsLocal& operator=(const PackageVariableAsLocal&) = delete;

private:
  Symbol& s_;
  Symbol saved_;
};

// The name path at the root of a written expression: v(i) → v, v.f(i) → v.f, a(i).f(j) → a,
// x.list → x. Empty when the root is not a name (a function result, (SELF AS t)).
const std::vector<ast::Ident>* root_path(const ast::Expr& e) {
  switch (e.kind) {
    case ast::ExprKind::Name: return &static_cast<const ast::NameExpr&>(e).parts;
    case ast::ExprKind::Call: return &static_cast<const ast::CallExpr&>(e).name;
    case ast::ExprKind::Postfix: return root_path(*static_cast<const ast::PostfixExpr&>(e).base);
    default: return nullptr;
  }
}

}  // namespace

// The package variable at the root of `e` when `e` names less than the whole variable (an
// element, a field, a method applied to it); `ids` is the path looked up, `used` how much of it
// names the variable.
const Symbol* Lowerer::written_package_variable(const ast::Expr& e, bool drop_last, size_t* used) const {
  const std::vector<ast::Ident>* path = root_path(e);
  if (!path || path->empty()) return nullptr;
  std::vector<ast::Ident> ids(path->begin(), path->end() - (drop_last && e.kind != ast::ExprKind::Postfix ? 1 : 0));
  if (ids.empty()) return nullptr;
  const Symbol* s = lookup_path(ids, *used);
  if (!s || s->kind != SymbolKind::PackageVariable) return nullptr;
  // The temporary needs the variable's own SQL type (a RECORD without one cannot be declared).
  if (s->type.sql.empty() || s->type.sql == "record" || !current_block_) return nullptr;
  return s;
}

// The local that holds package variable `s` while one statement changes it: one per variable and
// block, named after the variable (reused by every statement of the block that writes it).
std::string Lowerer::package_variable_temporary(const Symbol& s, Span span) {
  std::string name = "orashift_pkgvar$" + s.setter;  // "pkg"."v$set" → orashift_pkgvar$pkg$v
  name.erase(std::remove(name.begin(), name.end(), '"'), name.end());
  std::replace(name.begin(), name.end(), '.', '$');
  if (name.size() > 4 && name.compare(name.size() - 4, 4, "$set") == 0) name.resize(name.size() - 4);
  if (name.size() > 63) name = "orashift_pkgvar" + std::to_string(++temp_count_);  // PostgreSQL truncates at 63 bytes
  return local_variable(name, s.type.sql, span);
}

// `lower` lowers the statement with the variable rebound to the temporary; its statements go
// between the read and the write-back. Nothing is emitted when it produced nothing (its item
// says why).
void Lowerer::through_package_temporary(const Symbol& s, Span span, PgBody& out, const std::function<void(PgBody&)>& lower) {
  std::string tmp = package_variable_temporary(s, span);
  std::string getter = s.ref, setter = s.setter;
  PgBody changed;
  {
    PackageVariableAsLocal local(s, tmp);
    lower(changed);
  }
  if (changed.empty()) return;
  out.push_back(PgStmt::simple(tmp + " := " + getter, span));
  for (auto& st : changed) out.push_back(std::move(st));
  out.push_back(PgStmt::simple("PERFORM " + setter + "(" + tmp + ")", span));
}

// pkg_var(i) := v and every other assignment to a part of a package variable.
bool Lowerer::package_element_assign(const ast::PlAssign& a, PgBody& out) {
  size_t used = 0;
  const Symbol* s = written_package_variable(*a.target, false, &used);
  if (!s) return false;
  const std::vector<ast::Ident>& path = *root_path(*a.target);
  if (a.target->kind == ast::ExprKind::Name && used == path.size()) return false;  // the whole variable: its setter
  // m(k) := v, m(k).f := v on a whole package map: map_assign already writes it through the setter.
  const ast::Expr* element = a.target->kind == ast::ExprKind::Postfix ? static_cast<const ast::PostfixExpr&>(*a.target).base.get()
                                                                     : a.target.get();
  if (element->kind == ast::ExprKind::Call && used == path.size() && s->type.shape == Shape::Map) return false;
  through_package_temporary(*s, a.span, out, [&](PgBody& body) { assign(a, body); });
  return true;
}

// pkg_var.EXTEND, pkg_var.list.DELETE, pkg_var(i).list.TRIM(n), pkg_var(i).p(args),
// pkg_obj.p(args): statements that change (a part of) a package variable in place.
bool Lowerer::package_variable_statement(const ast::PlCall& c, PgBody& out) {
  size_t used = 0;
  const Symbol* s = written_package_variable(*c.call, true, &used);
  if (!s) return false;
  const std::vector<ast::Ident>* path = root_path(*c.call);
  // m.DELETE(k) on a whole package map: map_delete already writes it through the setter.
  if (c.call->kind != ast::ExprKind::Postfix && used + 1 == path->size() && s->type.shape == Shape::Map) return false;
  through_package_temporary(*s, c.span, out, [&](PgBody& body) { call_statement(c, body); });
  return true;
}

}  // namespace orashift::plsql
