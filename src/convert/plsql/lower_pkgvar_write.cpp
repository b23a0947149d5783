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

}  // namespace

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

// The package variable at the root of `e`, a target or a call statement (`drop_last`: the last
// name is the method, x.EXTEND → x); `used` says how much of the root path names the variable,
// so callers tell the whole variable (written through its setter directly) from a part. Only
// variables whose SQL type a local can be declared with, in a block.
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

// The package variable a part of which `a` assigns (nullptr: not such an assignment).
const Symbol* Lowerer::element_assign_root(const ast::PlAssign& a) const {
  size_t used = 0;
  const Symbol* s = written_package_variable(*a.target, false, &used);
  if (!s) return nullptr;
  const std::vector<ast::Ident>& path = *root_path(*a.target);
  if (a.target->kind == ast::ExprKind::Name && used == path.size()) return nullptr;  // the whole variable: its setter
  // m(k) := v, m(k).f := v on a whole package map: map_assign already writes it through the setter.
  const ast::Expr* element = a.target->kind == ast::ExprKind::Postfix ? static_cast<const ast::PostfixExpr&>(*a.target).base.get()
                                                                     : a.target.get();
  if (element->kind == ast::ExprKind::Call && used == path.size() && s->type.shape == Shape::Map) return nullptr;
  return s;
}

// pkg_var(i) := v and every other assignment to a part of a package variable.
bool Lowerer::package_element_assign(const ast::PlAssign& a, PgBody& out) {
  const Symbol* s = element_assign_root(a);
  if (!s) return false;
  through_package_temporary(*s, a.span, out, [&](PgBody& body) { assign(a, body); });
  return true;
}

namespace {

// Whether lowered statements only compute and assign locals: no routine of the converted code is
// called (those print quoted, "f"(…); another package variable's getter too), so nothing in them
// can read the package variable being changed or change anything outside the routine.
bool only_local_work(const PgBody& body) {
  for (const auto& st : body)
    if (st.kind != PgKind::Simple || st.text.find("\"(") != std::string::npos) return false;
  return !body.empty();
}

}  // namespace

// A run of assignments to parts of one package variable, stmts[i…] (20 lines filling a map in
// an initialisation section): read once, changed in the temporary, written back once, instead
// of a read and a write per line. The same as line by line when one of them raises: the error
// leaves the run, and the enclosing block's subtransaction (or the transaction) it then aborts
// began before the run, so it undoes the setters' set_config of earlier lines anyway (package
// state is a setting, which a rollback restores: docs/plsql.md). Batched only when the lines
// just assign locals (only_local_work): no routine called in between could read the variable
// before its write-back or write it. How many statements were lowered (0: not such a run).
size_t Lowerer::package_assignment_run(const std::vector<ast::PlStmtPtr>& stmts, size_t i, PgBody& out) {
  auto root = [&](size_t k) -> const Symbol* {
    if (k >= stmts.size() || stmts[k]->kind != ast::PlStmtKind::Assign || !stmts[k]->labels.empty()) return nullptr;
    return element_assign_root(static_cast<const ast::PlAssign&>(*stmts[k]));
  };
  const Symbol* s = root(i);
  if (!s || root(i + 1) != s) return 0;
  size_t n = 2;
  while (root(i + n) == s) ++n;
  std::string tmp = package_variable_temporary(*s, stmts[i]->span);
  std::string getter = s->ref, setter = s->setter;
  std::vector<PgBody> changes(n);
  {
    PackageVariableAsLocal local(*s, tmp);
    for (size_t k = 0; k < n; ++k) assign(static_cast<const ast::PlAssign&>(*stmts[i + k]), changes[k]);
  }
  bool batch = std::all_of(changes.begin(), changes.end(), only_local_work);
  for (size_t k = 0; k < n && !batch; ++k) {  // each on its own: read, change, write back
    if (changes[k].empty()) continue;
    Span span = stmts[i + k]->span;
    out.push_back(PgStmt::simple(tmp + " := " + getter, span));
    for (auto& st : changes[k]) out.push_back(std::move(st));
    out.push_back(PgStmt::simple("PERFORM " + setter + "(" + tmp + ")", span));
  }
  if (!batch) return n;
  out.push_back(PgStmt::simple(tmp + " := " + getter, stmts[i]->span));
  for (auto& c : changes)
    for (auto& st : c) out.push_back(std::move(st));
  out.push_back(PgStmt::simple("PERFORM " + setter + "(" + tmp + ")", stmts[i + n - 1]->span));
  return n;
}

// The INTO targets of SELECT … INTO, FETCH … INTO and EXECUTE IMMEDIATE … INTO (`bulk`: also
// BULK COLLECT INTO).
const std::vector<ast::ExprPtr>* into_targets(const ast::PlStmt& s, bool bulk) {
  if (s.kind == ast::PlStmtKind::Fetch) {
    auto& f = static_cast<const ast::PlFetch&>(s);
    return f.bulk_collect && !bulk ? nullptr : &f.into;
  }
  if (s.kind == ast::PlStmtKind::ExecuteImmediate) {
    auto& e = static_cast<const ast::PlExecImmediate&>(s);
    return e.bulk_collect && !bulk ? nullptr : &e.into;
  }
  if (s.kind != ast::PlStmtKind::Sql) return nullptr;
  auto& st = static_cast<const ast::PlSql&>(s).statement;
  if (!st || st->kind != ast::StmtKind::Select) return nullptr;
  auto& q = static_cast<const ast::SelectStmt&>(*st).query;
  if (!q || !q->body || q->body->kind != ast::QueryBodyKind::Select) return nullptr;
  auto& core = static_cast<const ast::SelectCore&>(*q->body);
  return core.bulk_collect && !bulk ? nullptr : &core.into;
}

// A statement with INTO lowered as it is (after the package variables among its targets).
void Lowerer::into_statement(const ast::PlStmt& s, PgBody& out) {
  if (package_into(s, out) || boxed_into(s, out)) return;  // the next package variable or boxed attribute among the targets
  if (s.kind == ast::PlStmtKind::Sql) sql(static_cast<const ast::PlSql&>(s), out);
  else if (s.kind == ast::PlStmtKind::Fetch) fetch(static_cast<const ast::PlFetch&>(s), out);
  else execute_immediate(static_cast<const ast::PlExecImmediate&>(s), out);
}

// SELECT … INTO pkg_var[.f], FETCH c INTO pkg_var, EXECUTE IMMEDIATE … INTO pkg_var: the statement
// fills a local copy, written back when it completes (NO_DATA_FOUND leaves the variable as it
// was). Each package variable among the targets gets its own copy.
bool Lowerer::package_into(const ast::PlStmt& s, PgBody& out) {
  const std::vector<ast::ExprPtr>* targets = into_targets(s, false);
  if (!targets) return false;
  for (const auto& t : *targets) {
    size_t used = 0;
    const Symbol* v = written_package_variable(*t, false, &used);
    if (!v) continue;
    through_package_temporary(*v, s.span, out, [&](PgBody& body) { into_statement(s, body); });
    return true;
  }
  return false;
}

// pkg_var.EXTEND, pkg_var.list.DELETE, pkg_var(i).list.TRIM(n), pkg_var(i).p(args),
// pkg_obj.p(args): statements that change (a part of) a package variable in place.
bool Lowerer::package_variable_statement(const ast::PlCall& c, PgBody& out) {
  size_t used = 0;
  const Symbol* s = written_package_variable(*c.call, true, &used);
  if (!s) return package_lob_argument(c, out);
  const std::vector<ast::Ident>* path = root_path(*c.call);
  // m.DELETE(k) on a whole package map: map_delete already writes it through the setter.
  if (c.call->kind != ast::ExprKind::Postfix && used + 1 == path->size() && s->type.shape == Shape::Map) return false;
  through_package_temporary(*s, c.span, out, [&](PgBody& body) { call_statement(c, body); });
  return true;
}

// DBMS_LOB.APPEND(g(i), x), DBMS_LOB.CREATETEMPORARY(g(i).pixels, TRUE), … : the LOB argument
// is an element or field of a package variable, which the procedure writes. DBMS_LOB's
// procedures are built-ins (they run no code of the unit that could read or write the variable),
// so the variable goes through a local copy around the call like any written part.
bool Lowerer::package_lob_argument(const ast::PlCall& c, PgBody& out) {
  if (c.call->kind != ast::ExprKind::Call) return false;
  auto& call = static_cast<const ast::CallExpr&>(*c.call);
  size_t n = call.name.size();
  if (n < 2 || norm(call.name[n - 2]) != "DBMS_LOB") return false;
  for (const auto& a : call.args) {
    size_t used = 0;
    const Symbol* v = written_package_variable(*a.value, false, &used);
    if (!v) continue;
    if (a.value->kind == ast::ExprKind::Name && used == static_cast<const ast::NameExpr&>(*a.value).parts.size())
      continue;  // a whole variable: DBMS_LOB's lowering writes it through its setter
    through_package_temporary(*v, c.span, out, [&](PgBody& body) { call_statement(c, body); });
    return true;
  }
  return false;
}

}  // namespace orashift::plsql
