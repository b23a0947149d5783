// Object types' methods: a type body's members become routines in a schema named after the type,
// SELF their first argument ("T"."m"(self, …); member procedures take it INOUT so changes reach
// the caller); a user constructor is "T"."T"(…) returning the composite; Oracle's default
// constructor T(a, b) is ROW(a, b)::"T". Calls obj.m(…), SELF.m, m(…) inside a method, T.s(…)
// and T(…) are resolved here against the type specs, most derived type first. Dispatch is
// static: a subtype inherits its supertypes' methods through a projection of its leading
// attributes (the supertype's), and a call is bound to the variable's declared type.
#include <algorithm>
#include <set>

#include "common/naming.h"
#include "convert/plsql/codes.h"
#include "convert/plsql/lowerer.h"
#include "convert/query/sql_writer.h"
#include "sql/parser.h"

namespace orashift::plsql {

using rewrite::upper;

namespace {

std::string q(const std::string& oracle_name) { return quote_ident(target_name(oracle_name)); }

}  // namespace

bool is_self_param(const ast::PlParam& p) { return upper(std::string(p.name.text)) == "SELF"; }

size_t own_params(const ast::PlSubprogram& s) {
  size_t n = 0;
  for (const auto& p : s.params) n += !is_self_param(p);
  return n;
}

bool is_static(const ast::PlSubprogram& s) { return upper(sql::compact_text(s.method_kind)).find("STATIC") != std::string::npos; }

TypeInfo Lowerer::object_type_info(const std::string& name) const {
  if (auto it = object_types_.find(name); it != object_types_.end()) return it->second;
  if (auto h = hierarchy_type_info(name)) {
    if (!hierarchy_of(name)->building) object_types_.emplace(name, *h);
    return *h;
  }
  TypeInfo r;
  r.shape = Shape::Row;
  r.sql = q(name);
  r.object_type = name;
  for (const ast::CreateType* t : env_.registry->type_chain(name))
    for (const auto& a : t->attributes) r.fields.push_back({norm(a.name), resolve_type(a.type)});
  object_types_.emplace(name, r);
  return r;
}

// The method `name` a call with `args` arguments means, searched from `type` up its supertypes.
// The parameter of method `m` (SELF not counted) that argument `position` of a call, `arg`, binds.
const ast::PlParam* method_param(const ast::PlSubprogram& m, size_t position, const ast::CallArg& arg) {
  size_t own = 0;
  for (const auto& p : m.params) {
    if (is_self_param(p)) continue;
    if (arg.name.empty() ? own++ == position : norm(p.name) == normalize_identifier(arg.name)) return &p;
  }
  return nullptr;
}

std::optional<Lowerer::MethodRef> Lowerer::find_method(const std::string& type, const std::string& name, size_t args,
                                                       bool want_static, const std::vector<const ast::Expr*>* call_args,
                                                       std::optional<bool> function) const {
  auto chain = env_.registry->type_chain(type);
  for (size_t i = chain.size(); i-- > 0;) {
    const ast::CreateType* t = chain[i];
    const ast::PlSubprogram* best = nullptr;
    std::vector<const ast::PlSubprogram*> exact;
    for (const auto& m : t->methods) {
      if (m.constructor || norm(m.name.name()) != name || is_static(m) != want_static) continue;
      if (function && m.is_function != *function) continue;
      size_t n = own_params(m), required = 0;
      for (const auto& p : m.params) required += !is_self_param(p) && !p.default_value;
      if (args > n || args < required) continue;
      if (!best || n == args) best = &m;
      if (n == args) exact.push_back(&m);
    }
    if (call_args && exact.size() > 1) best = pick_method(exact, *call_args);
    if (best) return MethodRef{norm(t->name.name()), best, i + 1};
  }
  return std::nullopt;
}

std::optional<Lowerer::MethodRef> Lowerer::implementation(const std::string& d, const MethodRef& m) const {
  auto chain = env_.registry->type_chain(d);
  for (size_t i = chain.size(); i-- > 0;) {
    std::string t = norm(chain[i]->name.name());
    if (const ast::PlSubprogram* s = spec_method(t, *m.sub)) return MethodRef{t, s, i + 1};
    if (t == m.type) break;
  }
  return std::nullopt;
}

// Does the type's body implement this method (same name and number of parameters)?
bool Lowerer::has_body(const std::string& type, const ast::PlSubprogram& spec) const {
  auto b = env_.registry->type_bodies.find(type);
  if (b == env_.registry->type_bodies.end()) return false;
  for (const auto& m : b->second->methods)
    if (m.body && same_name(m.name.name(), spec.name.name()) && method_signature(m) == method_signature(spec)) return true;
  return false;
}

// The object a call's leading names denote (a variable, a field, SELF): its text and type.
bool Lowerer::object_of(const std::vector<ast::Ident>& ids, rewrite::SqlWriter& w, std::string& text, TypeInfo& type) const {
  if (ids.empty()) return false;
  size_t used = 0;
  const Symbol* s = lookup_path(ids, used);
  if (!s || s->kind == SymbolKind::Exception || s->kind == SymbolKind::Type || s->kind == SymbolKind::Cursor) return false;
  const TypeInfo* t = &s->type;
  for (size_t i = used; i < ids.size() && t; ++i) {
    const Field* f = t->field(norm(ids[i]));
    t = f ? &f->type : nullptr;
  }
  if (!t || t->object_type.empty()) return false;
  ast::NameExpr path;
  path.parts = ids;
  auto n = name(path, w);
  if (!n) return false;
  text = *n;
  type = *t;
  return true;
}

// A user constructor in named notation, T(a => 1, d => 2): the one constructor whose parameters
// take exactly these names (positional ones first) and leave out only parameters with defaults,
// called in PostgreSQL's named notation. Ambiguity (two fit) is left to the generic path's item.
std::optional<std::string> Lowerer::named_user_constructor(const std::string& type, const ast::CreateType& decl,
                                                           const ast::CallExpr& c, rewrite::SqlWriter& w) const {
  const ast::PlSubprogram* chosen = nullptr;
  for (const auto& m : decl.methods) {
    if (!m.constructor) continue;
    std::vector<const ast::PlParam*> own;
    for (const auto& p : m.params)
      if (!is_self_param(p)) own.push_back(&p);
    std::vector<bool> given(own.size(), false);
    bool fits = true;
    for (size_t i = 0; i < c.args.size() && fits; ++i) {
      size_t at = i;
      if (!c.args[i].name.empty()) {
        at = own.size();
        for (size_t k = 0; k < own.size(); ++k)
          if (norm(own[k]->name) == normalize_identifier(c.args[i].name)) at = k;
      }
      fits = at < own.size() && !given[at];
      if (fits) given[at] = true;
    }
    for (size_t k = 0; k < own.size() && fits; ++k) fits = given[k] || own[k]->default_value;
    if (!fits) continue;
    if (chosen) return std::nullopt;
    chosen = &m;
  }
  if (!chosen) return std::nullopt;
  std::string args;
  for (const auto& a : c.args)
    args += (args.empty() ? "" : ", ") +
            (a.name.empty() ? std::string() : q(normalize_identifier(a.name)) + " => ") + w.expr(*a.value);
  return q(type) + "." + quote_ident(method_name(type, *chosen)) + "(" + args + ")";
}

// Oracle's default constructor in named notation, T(b => 2, a => 1): the attributes in their
// declared order (the default constructor takes every attribute); a type with constructors of its
// own takes them (named_user_constructor). Anything else named is left to the generic path, which
// flags it.
std::optional<std::string> Lowerer::named_default_constructor(const std::vector<ast::Ident>& ids, const ast::CallExpr& c,
                                                              bool as_statement, rewrite::SqlWriter& w) const {
  if (as_statement || ids.size() != 1) return std::nullopt;
  std::string last = norm(ids.back());
  auto ot = env_.registry->object_types.find(last);
  if (ot == env_.registry->object_types.end() ||
      (ot->second->def != ast::TypeDefKind::Object && ot->second->def != ast::TypeDefKind::Under))
    return std::nullopt;
  for (const auto& m : ot->second->methods)
    if (m.constructor) return named_user_constructor(last, *ot->second, c, w);
  if (ot->second->def != ast::TypeDefKind::Object) return std::nullopt;
  if (const Hierarchy* h = hierarchy_of(last); h && h->usable) return std::nullopt;
  TypeInfo t = object_type_info(last);
  if (t.fields.size() != c.args.size()) return std::nullopt;
  std::vector<std::string> values(t.fields.size());
  std::vector<bool> given(t.fields.size(), false);
  for (size_t i = 0; i < c.args.size(); ++i) {
    size_t at = i;
    if (!c.args[i].name.empty()) {
      at = t.fields.size();
      for (size_t k = 0; k < t.fields.size(); ++k)
        if (t.fields[k].name == normalize_identifier(c.args[i].name)) at = k;
    }
    if (at >= t.fields.size() || given[at]) return std::nullopt;
    given[at] = true;
    values[at] = w.expr(*c.args[i].value);
  }
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
  return "ROW(" + out + ")::" + q(last);
}

std::optional<std::string> Lowerer::object_call(const std::vector<ast::Ident>& ids, const ast::CallExpr* c, bool as_statement,
                                                Span span, rewrite::SqlWriter& w, ArgCopies* copies) const {
  if (ids.empty()) return std::nullopt;
  size_t nargs = c ? c->args.size() : 0;
  bool named = false;
  if (c)
    for (const auto& a : c->args) named |= !a.name.empty();
  std::string last = norm(ids.back());
  if (named) {
    if (auto d = named_default_constructor(ids, *c, as_statement, w)) return d;
  }
  // Named arguments keep their names (PostgreSQL's `name => value`, the method's parameter names).
  // An OUT parameter's argument must be writable: one that reads an attribute held as jsonb
  // (lower_box.cpp) is not (`m`: the method called, nullptr for constructors).
  // A call statement's OUT argument goes through a temporary when PostgreSQL cannot write it as
  // it is (out_argument).
  auto args_of = [&](std::string first, const ast::PlSubprogram* m) {
    std::string out = std::move(first);
    for (size_t i = 0; i < nargs; ++i) {
      size_t reads = boxed_reads_;
      std::string a = w.expr(*c->args[i].value);
      const ast::PlParam* p = m ? method_param(*m, i, c->args[i]) : nullptr;
      bool written = p && upper(std::string(p->mode)).find("OUT") != std::string::npos;
      if (written && boxed_reads_ != reads) boxed_out_item(*c->args[i].value, span);
      if (written && as_statement && copies) a = out_argument(*c->args[i].value, a, *p, span, *copies);
      out += (out.empty() ? "" : ", ") + (c->args[i].name.empty() ? "" : q(normalize_identifier(c->args[i].name)) + " => ") + a;
    }
    return out;
  };
  auto args = [&](std::string first) { return args_of(std::move(first), nullptr); };
  auto names_given = [&](const ast::PlSubprogram& m) {
    for (const auto& a : c->args) {
      if (a.name.empty()) continue;
      bool found = false;
      for (const auto& p : m.params) found |= !is_self_param(p) && norm(p.name) == normalize_identifier(a.name);
      if (!found) return false;
    }
    return true;
  };
  // With named arguments the method must be the only one of its name and kind (overloads are
  // told apart by position) and have every parameter named.
  auto named_fits = [&](const MethodRef& m, const std::string& type, bool want_static) {
    if (!named) return true;
    std::set<std::string> signatures;
    for (const ast::CreateType* t : env_.registry->type_chain(type))
      for (const auto& om : t->methods)
        if (!om.constructor && norm(om.name.name()) == last && is_static(om) == want_static && om.is_function == m.sub->is_function)
          signatures.insert(method_signature(om));
    return signatures.size() <= 1 && names_given(*m.sub);
  };
  std::vector<const ast::Expr*> call_exprs;
  for (size_t i = 0; i < nargs; ++i) call_exprs.push_back(c->args[i].value.get());
  // A collection type's constructor, T(a, b) → ARRAY[a, b]::element[] (T() → an empty array).
  if (!as_statement && !named) {
    std::vector<std::string> parts;
    for (const auto& id : ids) parts.push_back(norm(id));
    if (parts.size() > 1 && parts[0] == "SYS") parts.erase(parts.begin());
    auto ot = parts.size() == 1 ? env_.registry->object_types.find(last) : env_.registry->object_types.end();
    bool user = ot != env_.registry->object_types.end() &&
                (ot->second->def == ast::TypeDefKind::Table || ot->second->def == ast::TypeDefKind::Varray);
    // A collection type the unit or a package declares (TYPE t IS TABLE OF …): its constructor too.
    size_t used = 0;
    const Symbol* local = lookup_path(ids, used);
    bool declared = local && used == ids.size() && local->kind == SymbolKind::Type && local->type.shape == Shape::Array &&
                    !local->type.string_keys;
    ast::PlType named;
    named.name.parts.assign(ids.begin(), ids.end());
    named.span = span;
    // pkg.t() of another package's spec (utPLSQL's ut_utils.t_clob_tab()): its scope is not open
    // here, but its declaration resolves.
    bool other_package = false;
    if (!user && !declared && parts.size() == 2 && !routines_for(parts)) {
      TypeInfo t = resolve_type(named);
      other_package = t.problem.empty() && t.shape == Shape::Array && !t.string_keys && !t.sql.empty();
    }
    if (user || declared || other_package || builtin_collection_element(parts)) {
      TypeInfo t = resolve_type(named);
      if (!t.problem.empty() || t.sql.empty()) return std::nullopt;  // the declaration's item says why
      return (nargs ? "ARRAY[" + args("") + "]" : std::string("'{}'")) + "::" + t.sql;
    }
  }
  // T(…): a user constructor with as many arguments, else Oracle's default one (every attribute).
  if (ids.size() == 1 && !as_statement) {
    auto ot = env_.registry->object_types.find(last);
    if (ot != env_.registry->object_types.end() &&
        (ot->second->def == ast::TypeDefKind::Object || ot->second->def == ast::TypeDefKind::Under)) {
      std::vector<const ast::PlSubprogram*> fitting;
      for (const auto& m : ot->second->methods) {
        size_t required = 0;
        for (const auto& p : m.params) required += !is_self_param(p) && !p.default_value;
        if (m.constructor && nargs <= own_params(m) && nargs >= required) fitting.push_back(&m);
      }
      // Named arguments were settled by named_user_constructor (the one constructor taking them).
      if (named) return std::nullopt;
      if (!fitting.empty()) {
        std::vector<const ast::Expr*> exprs;
        for (size_t i = 0; i < nargs; ++i) exprs.push_back(c->args[i].value.get());
        const ast::PlSubprogram* m = pick_method(fitting, exprs);
        return q(last) + "." + quote_ident(method_name(last, *m)) + "(" + args("") + ")";
      }
      TypeInfo t = object_type_info(last);
      if (t.fields.size() != nargs) {
        item(plsql_codes::kObjectType, "constructor " + last + " with " + std::to_string(nargs) + " argument(s): the type has " +
                                           std::to_string(t.fields.size()) + " attribute(s) and no such constructor",
             span);
        return std::nullopt;
      }
      if (const Hierarchy* h = hierarchy_of(last); h && h->usable) return default_constructor(last) + "(" + args("") + ")";
      return "ROW(" + args("") + ")::" + q(last);
    }
  }
  // T.s(…): a static method.
  if (ids.size() == 2 && env_.registry->object_types.count(norm(ids[0])))
    if (auto m = find_method(norm(ids[0]), last, nargs, true, &call_exprs); m && named_fits(*m, norm(ids[0]), true))
      return q(m->type) + "." + quote_ident(method_name(m->type, *m->sub)) + "(" + args_of("", m->sub) + ")";
  // obj.m(…) / SELF.m(…), or m(…) inside a method of the type (SELF implied).
  std::string self_text;
  TypeInfo self_type;
  std::vector<ast::Ident> prefix(ids.begin(), ids.end() - 1);
  if (!prefix.empty()) {
    if (!object_of(prefix, w, self_text, self_type)) return std::nullopt;
  } else if (!method_type_.empty()) {
    self_text = quote_ident("self");
    self_type = object_type_info(method_type_);
  } else {
    return std::nullopt;
  }
  auto m = find_method(self_type.object_type, last, nargs, false, &call_exprs, !as_statement);
  if (!m) {
    if (auto sm = find_method(self_type.object_type, last, nargs, true, &call_exprs);
        sm && prefix.empty() && named_fits(*sm, self_type.object_type, true))
      return q(sm->type) + "." + quote_ident(method_name(sm->type, *sm->sub)) + "(" + args_of("", sm->sub) + ")";
    return std::nullopt;
  }
  if (as_statement == m->sub->is_function || !named_fits(*m, self_type.object_type, false)) return std::nullopt;
  if (!as_statement && self_changing(m->type, *m->sub)) {
    const Hierarchy* h = hierarchy_of(self_type.object_type);
    if (m->type != self_type.object_type && !(h && h->usable)) {
      item(plsql_codes::kNotConvertible, "member function " + last + " inherited from " + m->type + " changes SELF: not converted", span);
      return std::nullopt;
    }
    std::string routine = h && h->usable ? method_routine(self_type.object_type, *m, last, false, span)
                                         : q(m->type) + "." + quote_ident(method_name(m->type, *m->sub));
    return self_changing_call(routine, self_text, self_type, *m->sub, args_of("", m->sub), span);
  }
  if (const Hierarchy* h = hierarchy_of(self_type.object_type); h && h->usable)  // one composite: SELF as it is
    return method_routine(self_type.object_type, *m, last, false, span) + "(" + args_of(self_text, m->sub) + ")";
  if (!has_body(m->type, *m->sub))
    item(plsql_codes::kObjectType,
         m->type + "." + last + " has no body (NOT INSTANTIABLE): Oracle runs a subtype's override, found at run time; "
                               "without dynamic dispatch there is nothing to call",
         span);
  std::string self_arg = self_text;
  if (m->type != self_type.object_type) {
    // Inherited: the supertype's composite from the subtype's leading attributes.
    TypeInfo super = object_type_info(m->type);
    std::string fields;
    for (const auto& f : super.fields) fields += (fields.empty() ? "" : ", ") + std::string("(") + self_text + ")." + q(f.name);
    self_arg = "ROW(" + fields + ")::" + q(m->type);
    if (!m->sub->is_function && copies && current_block_ && self_text.find('(') == std::string::npos) {
      // An inherited member procedure on a subtype variable: SELF goes through a supertype
      // temporary, whose attributes are copied back into the subtype's leading ones.
      std::string tmp = quote_ident("orashift_super" + std::to_string(++temp_count_));
      current_block_->decls.push_back({tmp + " " + q(m->type), span});
      copies->first.push_back(tmp + " := " + self_arg);
      for (const auto& f : super.fields) copies->second.push_back(self_text + "." + q(f.name) + " := " + tmp + "." + q(f.name));
      self_arg = tmp;
    }
    // Static dispatch: inside the inherited method, the subtype's overrides are not seen.
    std::string overrides;
    auto chain = env_.registry->type_chain(self_type.object_type);
    for (size_t i = m->depth; i < chain.size(); ++i)
      for (const auto& om : chain[i]->methods)
        if (upper(sql::compact_text(om.method_kind)).find("OVERRIDING") != std::string::npos)
          overrides += (overrides.empty() ? "" : ", ") + norm(om.name.name());
    if (!overrides.empty())
      item(plsql_codes::kBehaviour,
           m->type + "." + last + " runs on " + self_type.object_type + " as " + m->type +
               ": methods it calls are " + m->type + "'s, not the overrides of " + self_type.object_type + " (" + overrides +
               "; Oracle dispatches dynamically)",
           span);
    if (!m->sub->is_function && self_arg.rfind("ROW(", 0) == 0)
      item(plsql_codes::kObjectType, "member procedure " + m->type + "." + last + " inherited by " + self_type.object_type +
                                         ": its changes to SELF would not reach the subtype's value",
           span);
  }
  return q(m->type) + "." + quote_ident(method_name(m->type, *m->sub)) + "(" + args_of(self_arg, m->sub) + ")";
}

// CREATE TYPE BODY t: each member a routine in schema "t" (see the file comment).
void Lowerer::type_body(const ast::CreateTypeBody& u) {
  std::string tname = norm(u.name.name());
  if (!env_.profile->composite_types) {
    item(plsql_codes::kTargetLacks, "type body " + tname + ": " + dialect_name(dialect()) + " has no object types to hold its methods",
         u.span);
    return;
  }
  auto ot = env_.registry->object_types.find(tname);
  if (ot == env_.registry->object_types.end()) {
    item(plsql_codes::kDependency, "type body " + tname + ": its type specification is not among the converted units", u.span);
    return;
  }
  res_.objects.push_back({"PACKAGE", tname + " METHODS", "CREATE SCHEMA IF NOT EXISTS " + q(tname) + ";\n", u.span, 1});
  for (const auto& m : u.methods) {
    if (!m.body) continue;
    std::string name = m.constructor ? tname : norm(m.name.name());
    method_type_ = tname;
    constructor_ = m.constructor;
    static_method_ = is_static(m);
    std::string sql = routine(m, tname, tname + "." + name, method_name(tname, m));
    method_type_.clear();
    constructor_ = static_method_ = false;
    res_.objects.push_back({m.is_function ? "FUNCTION" : "PROCEDURE", tname + "." + name, sql, m.span, 2});
  }
  dispatchers(tname, true);
}

// In a method: SELF and the attributes (implicitly SELF's) are names of the routine.
void Lowerer::add_self_symbols() {
  TypeInfo t = object_type_info(method_type_);
  for (const auto& f : t.fields) {
    if (scope_.find(f.name)) continue;  // a parameter of the same name hides the attribute, as in Oracle
    Symbol a;
    a.kind = SymbolKind::Variable;
    a.ref = quote_ident("self") + "." + f.ref();
    a.type = f.type;
    scope_.add(f.name, a);
  }
  Symbol self;
  self.kind = SymbolKind::Variable;
  self.ref = quote_ident("self");
  self.type = t;
  scope_.add("SELF", self);
}

// "orashift: Oracle OBJECT|COLLECTION [UNDER s] [NOT FINAL] [NOT INSTANTIABLE]": the type's
// Oracle kind, supertype and flags, which the emulated USER_TYPES / ALL_TYPES read
// (dictionary_views.cpp); PostgreSQL's catalog has no such properties.
std::string Lowerer::type_comment(const ast::CreateType& u, const char* object) const {
  bool collection = u.def == ast::TypeDefKind::Table || u.def == ast::TypeDefKind::Varray;
  std::string text = std::string("orashift: Oracle ") + (collection ? "COLLECTION" : "OBJECT");
  if (u.def == ast::TypeDefKind::Under) text += " UNDER " + norm(u.supertype.name());
  std::string post = upper(sql::compact_text(u.post));
  if (post.find("NOT FINAL") != std::string::npos) text += " NOT FINAL";
  if (post.find("NOT INSTANTIABLE") != std::string::npos) text += " NOT INSTANTIABLE";
  // Qualified with the schema the type was created in: an unqualified name may be a built-in type
  // too (pg_catalog.circle), which the search path finds first.
  return std::string("DO $orashift$ BEGIN EXECUTE format('COMMENT ON ") + object + " %I.%I IS %L', current_schema(), " +
         quote_literal(target_name(norm(u.name.name()))) + ", " + quote_literal(text) + "); END $orashift$;\n";
}

}  // namespace orashift::plsql
