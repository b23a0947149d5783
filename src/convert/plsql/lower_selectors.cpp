// Typed selector chains: what an expression over the routine's records, collections and objects
// is (type_of), and how a chain of PL/SQL selectors after a call prints — a(i).f, a(i).f(j),
// w.sheets(s).rows(r)(c).value, rec.list.count(), a(i).list.exists(j), f(x).m(y) — with the same
// rules as plain names: a record field is `.f`, a collection element `[i]` (collections are
// 1-based arrays), collection methods their array forms, an object's member function
// "T"."m"(obj, …). TABLE(collection) in FROM asks collection_rows() for the rows' columns.
#include "common/naming.h"
#include "convert/plsql/codes.h"
#include "convert/plsql/lowerer.h"
#include "convert/query/sql_writer.h"
#include "sql/parser.h"

namespace orashift::plsql {

using rewrite::upper;

namespace {

std::string q(const std::string& oracle_name) { return quote_ident(target_name(oracle_name)); }

bool pipelined(const ast::PlSubprogram& s) { return upper(sql::compact_text(s.options)).find("PIPELINED") != std::string::npos; }

// Oracle's collection methods that read (PL/SQL Language Reference, "Collection Methods").
bool reading_method(const std::string& m) {
  return m == "COUNT" || m == "FIRST" || m == "LAST" || m == "LIMIT" || m == "EXISTS" || m == "NEXT" || m == "PRIOR";
}

bool args_are_positional(const std::vector<ast::CallArg>* args) {
  if (args)
    for (const auto& a : *args)
      if (!a.name.empty()) return false;
  return true;
}

}  // namespace

// The array forms of the reading collection methods (the same as for a collection named plainly).
std::optional<std::string> Lowerer::collection_method(const std::string& a, const std::string& m,
                                                      const std::vector<std::string>& args) const {
  if (args.empty()) {
    if (m == "COUNT") return "COALESCE(cardinality(" + a + "), 0)";
    if (m == "FIRST") return "(CASE WHEN cardinality(" + a + ") > 0 THEN array_lower(" + a + ", 1) END)";
    if (m == "LAST") return "(CASE WHEN cardinality(" + a + ") > 0 THEN array_upper(" + a + ", 1) END)";
    if (m == "LIMIT") return "NULL";
    return std::nullopt;
  }
  if (args.size() != 1) return std::nullopt;
  const std::string& i = args[0];
  if (m == "EXISTS") return "COALESCE(" + i + " BETWEEN array_lower(" + a + ", 1) AND array_upper(" + a + ", 1), FALSE)";
  if (m == "NEXT") return "(CASE WHEN " + i + " < array_upper(" + a + ", 1) THEN " + i + " + 1 END)";
  if (m == "PRIOR") return "(CASE WHEN " + i + " > array_lower(" + a + ", 1) THEN " + i + " - 1 END)";
  return std::nullopt;
}

// The type a name path has: a variable (or label.v, pkg.v) and its fields.
std::optional<TypeInfo> Lowerer::path_type(const std::vector<ast::Ident>& ids, size_t skip_last) const {
  if (ids.size() <= skip_last) return std::nullopt;
  std::vector<ast::Ident> path(ids.begin(), ids.end() - static_cast<long>(skip_last));
  size_t used = 0;
  const Symbol* s = lookup_path(path, used);
  if (!s || s->kind == SymbolKind::Exception || s->kind == SymbolKind::Type || s->kind == SymbolKind::Cursor) return std::nullopt;
  const TypeInfo* t = &s->type;
  for (size_t i = used; i < path.size() && t; ++i) {
    const Field* f = t->field(norm(path[i]));
    t = f ? &f->type : nullptr;
  }
  if (!t) return std::nullopt;
  return *t;
}

// The type of a routine's or a method's result, for a call written with `nargs` arguments.
std::optional<TypeInfo> Lowerer::call_type(const std::vector<ast::Ident>& ids, size_t nargs, bool* set_returning) const {
  std::vector<std::string> parts;
  for (const auto& id : ids) parts.push_back(norm(id));
  if (parts.size() > 1 && parts[0] == "SYS") parts.erase(parts.begin());
  // T(…): a constructor of a collection or object type.
  if (parts.size() == 1)
    if (auto ot = env_.registry->object_types.find(parts[0]); ot != env_.registry->object_types.end()) {
      ast::PlType named;
      named.name.parts.assign(ids.end() - 1, ids.end());
      TypeInfo t = resolve_type(named);
      if (!t.problem.empty()) return std::nullopt;
      return t;
    }
  // obj.m(…) / SELF.m(…) / m(…) in a method: a member function's result.
  std::optional<TypeInfo> self;
  if (ids.size() >= 2) self = path_type(ids, 1);
  else if (!method_type_.empty()) self = object_type_info(method_type_);
  if (self && !self->object_type.empty()) {
    auto m = find_method(self->object_type, parts.back(), nargs, false, nullptr, true);
    if (!m && ids.size() == 1) m = find_method(self->object_type, parts.back(), nargs, true, nullptr, true);
    if (m && m->sub->is_function && m->sub->return_type) {
      if (set_returning) *set_returning = pipelined(*m->sub);
      TypeInfo t = resolve_type(*m->sub->return_type);
      if (t.problem.empty()) return t;
    }
    return std::nullopt;
  }
  // T.s(…): a static function.
  if (ids.size() == 2 && env_.registry->object_types.count(parts[0]))
    if (auto m = find_method(parts[0], parts[1], nargs, true); m && m->sub->return_type) {
      TypeInfo t = resolve_type(*m->sub->return_type);
      if (t.problem.empty()) return t;
      return std::nullopt;
    }
  // f(…) / pkg.f(…): the function's declared return type (every overload must agree).
  const std::vector<RoutineDecl>* routines = routines_for(parts);
  if (!routines || routines->empty()) return std::nullopt;
  std::optional<TypeInfo> out;
  for (const auto& r : *routines) {
    if (!r.sub || !r.sub->is_function || !r.sub->return_type) return std::nullopt;
    TypeInfo t = resolve_type(*r.sub->return_type);
    if (!t.problem.empty() || (out && out->sql != t.sql)) return std::nullopt;
    if (set_returning) *set_returning = pipelined(*r.sub);
    out = std::move(t);
  }
  return out;
}

std::optional<TypeInfo> Lowerer::type_of(const ast::Expr& e, bool* set_returning) const {
  if (set_returning) *set_returning = false;
  switch (e.kind) {
    case ast::ExprKind::Name: {
      auto& n = static_cast<const ast::NameExpr&>(e);
      if (auto t = path_type(n.parts, 0)) return t;
      return call_type(n.parts, 0, set_returning);
    }
    case ast::ExprKind::Call: {
      auto& c = static_cast<const ast::CallExpr&>(e);
      if (c.name.empty()) return std::nullopt;
      if (auto target = treat_target(c)) return hierarchy_type_info(*target);
      // a(i), rec.list(i): an element.
      if (auto t = path_type(c.name, 0)) {
        if ((t->shape == Shape::Array || t->shape == Shape::Map) && t->element && c.args.size() == 1) return *t->element;
        return std::nullopt;
      }
      return call_type(c.name, c.args.size(), set_returning);
    }
    case ast::ExprKind::Postfix: {
      auto& p = static_cast<const ast::PostfixExpr&>(e);
      std::optional<TypeInfo> t;
      if (p.base->kind == ast::ExprKind::List) t = as_type_of(static_cast<const ast::ListExpr&>(*p.base));
      else if (p.base->kind == ast::ExprKind::Call) t = type_of(*p.base);
      else return std::nullopt;
      for (size_t i = 0; t && i < p.selectors.size(); ++i) {
        const ast::Selector& s = p.selectors[i];
        if (s.kind == ast::SelectorKind::Args && (t->shape == Shape::Array || t->shape == Shape::Map) && t->element &&
            s.args.size() == 1) {
          t = TypeInfo(*t->element);
        } else if (s.kind == ast::SelectorKind::Field && t->shape == Shape::Row) {
          std::string f = norm(s.name);
          if (const Field* fd = t->field(f)) {
            t = fd->type.boxed ? boxed_complete(fd->type) : TypeInfo(fd->type);
          } else if (!t->object_type.empty()) {
            bool with_args = i + 1 < p.selectors.size() && p.selectors[i + 1].kind == ast::SelectorKind::Args;
            size_t nargs = with_args ? p.selectors[i + 1].args.size() : 0;
            auto m = find_method(t->object_type, f, nargs, false, nullptr, true);
            if (!m || !m->sub->return_type) return std::nullopt;
            t = resolve_type(*m->sub->return_type);
            if (!t->problem.empty()) return std::nullopt;
            i += with_args;
          } else {
            return std::nullopt;
          }
        } else {
          return std::nullopt;
        }
      }
      return t;
    }
    default: return std::nullopt;
  }
}

std::optional<RoutineNames::CollectionRows> Lowerer::collection_rows(const ast::Expr& collection) const {
  if (!env_.profile->arrays) return std::nullopt;  // no arrays (Redshift): TABLE(…) stays an item
  if (xml_sequence_call(collection)) {
    CollectionRows nodes;
    nodes.columns.push_back({"COLUMN_VALUE", rewrite::ValueType::Unknown});
    return nodes;
  }
  bool set_returning = false;
  auto t = type_of(collection, &set_returning);
  if (!t || t->shape != Shape::Array || !t->element || !t->problem.empty()) return std::nullopt;
  const TypeInfo& el = *t->element;
  CollectionRows rows;
  rows.set_returning = set_returning;
  if (el.shape == Shape::Scalar && !el.sql.empty()) {
    rows.columns.push_back({"COLUMN_VALUE", el.value});
  } else if (el.shape == Shape::Row && !el.fields.empty() && el.sql != "record") {
    for (const auto& f : el.fields) rows.columns.push_back({f.name, f.type.value});
    rows.element_sql = el.sql;
  } else {
    return std::nullopt;  // a collection of collections, cursors, untyped records
  }
  return rows;
}

std::optional<RoutineNames::UserType> Lowerer::user_type(const ast::DataType& dt) const {
  if (!dt.user_type) return std::nullopt;
  ast::PlType pt;
  pt.name = *dt.user_type;
  pt.span = dt.span;
  TypeInfo t = resolve_type(pt);
  if (!t.problem.empty() || t.sql.empty() || t.shape == Shape::Cursor) return std::nullopt;
  UserType out;
  out.sql = t.sql;
  out.map = t.shape == Shape::Map;
  if (out.map && t.sql != "jsonb") return std::nullopt;
  if (t.shape == Shape::Array) {
    if (!t.element || !t.element->problem.empty() || t.element->sql.empty()) return std::nullopt;
    out.collection = true;
    out.element_sql = t.element->sql;
    out.element_row = t.element->shape == Shape::Row;
  }
  return out;
}

// The selectors [0, count) after the call that starts `p`, printed; `assign`: as an assignment
// target (PL/pgSQL assigns a[i].f[j] without parentheses; reading needs (a[i]).f). `type` gets
// the chain's type when known.
std::optional<std::string> Lowerer::selector_chain(const ast::PostfixExpr& p, size_t count, bool assign, rewrite::SqlWriter& w,
                                                   std::optional<TypeInfo>* type) const {
  std::string text;
  std::optional<TypeInfo> t;
  bool static_call = false;
  if (p.base->kind == ast::ExprKind::Bind) {
    auto b = bind(static_cast<const ast::BindExpr&>(*p.base), w);
    if (!b) return std::nullopt;
    text = *b;
  } else if (p.base->kind == ast::ExprKind::List) {
    // (SELF AS t).m(…): t's own method, not the run-time type's override.
    auto& l = static_cast<const ast::ListExpr&>(*p.base);
    t = as_type_of(l);
    if (!t) return std::nullopt;
    text = w.expr(*l.items[0]);
    static_call = true;
  } else if (p.base->kind == ast::ExprKind::Call) {
    auto& c = static_cast<const ast::CallExpr&>(*p.base);
    auto s = call(c, w);
    if (!s) return std::nullopt;
    text = *s;
    t = type_of(c);
    // A function's result, not an element: parenthesised before a selector.
    if (!t || !path_type(c.name, 0)) text = "(" + text + ")";
  } else {
    return std::nullopt;
  }
  auto fail = [&](const std::string& why) -> std::optional<std::string> {
    item(plsql_codes::kNotConvertible, "selector " + sql::compact_text(p.suffix) + ": " + why, p.span);
    return std::nullopt;
  };
  auto args_of = [&](const ast::Selector& s) {
    std::vector<std::string> out;
    for (const auto& a : s.args) out.push_back(w.expr(*a.value));
    return out;
  };
  for (size_t i = 0; i < count; ++i) {
    const ast::Selector& s = p.selectors[i];
    bool next_args = i + 1 < count && p.selectors[i + 1].kind == ast::SelectorKind::Args;
    if (s.kind == ast::SelectorKind::Attribute) return fail("attribute %" + std::string(s.name.text));
    if (s.kind == ast::SelectorKind::Args && t && t->shape == Shape::Map && t->element && s.args.size() == 1 &&
        s.args[0].name.empty() && !assign) {
      // An element of a map held by an element or a field (m(k)(j), m(k).lines(l)): read by key.
      if (map_element_lossy(*t, p.span)) return std::nullopt;
      text = map_read(*t, text, w.expr(*s.args[0].value));
      t = TypeInfo(*t->element);
      continue;
    }
    if (s.kind == ast::SelectorKind::Args) {
      if (!t || t->shape != Shape::Array || !t->element || s.args.size() != 1 || !s.args[0].name.empty())
        return fail("a call of something that is not a known collection");
      if (t->string_keys) item(plsql_codes::kCollection, "associative array indexed by strings: " + sql::compact_text(p.span), p.span);
      if (!assign && !text.empty() && text.back() == ')') text = "(" + text + ")";
      text += "[" + w.expr(*s.args[0].value) + "]";
      t = TypeInfo(*t->element);
      continue;
    }
    std::string f = norm(s.name);
    if (!t) {
      // Untyped (:NEW, a record of a cursor loop): the field as written.
      if (next_args) return fail("a call after an untyped value");
      text += "." + q(f);
      continue;
    }
    if (t->shape == Shape::Map && reading_method(f) && !assign) {
      std::vector<std::string> args = next_args ? args_of(p.selectors[i + 1]) : std::vector<std::string>{};
      i += next_args;
      if (i + 1 != count) return fail("a selector after collection method " + f);
      if (type) *type = std::nullopt;
      return map_method(*t, text, f, args, p.span);
    }
    if (t->shape == Shape::Array && reading_method(f) && !assign) {
      std::vector<std::string> args = next_args ? args_of(p.selectors[i + 1]) : std::vector<std::string>{};
      i += next_args;
      if (i + 1 != count) return fail("a selector after collection method " + f);
      if (t->string_keys) item(plsql_codes::kCollection, "associative array indexed by strings: " + sql::compact_text(p.span), p.span);
      auto m = collection_method(text, f, args);
      if (!m) return fail("collection method " + f + " with these arguments");
      if (type) *type = std::nullopt;
      return m;
    }
    // (Not an object type's: those are known, one left bare would be read as written wrongly.)
    if (t->shape == Shape::Row && (t->fields.empty() || t->sql == "record") && t->object_type.empty() && !next_args) {
      // A record whose fields are not known here (a cursor's %ROWTYPE): the field as written.
      text = (assign ? text : "(" + text + ")") + "." + q(f);
      t = std::nullopt;
      continue;
    }
    if (t->shape == Shape::Row) {
      if (const Field* fd = t->field(f)) {
        text = (assign ? text : "(" + text + ")") + "." + fd->ref();
        if (fd->type.boxed) text = boxed_read(text, fd->type, assign, p.span);
        t = fd->type.boxed ? boxed_complete(fd->type) : TypeInfo(fd->type);
        continue;
      }
      if (!t->object_type.empty() && !assign) {
        // obj.m(…) on a computed object (an element, a function's result): a member function.
        size_t nargs = next_args ? p.selectors[i + 1].args.size() : 0;
        std::vector<const ast::Expr*> exprs;
        if (next_args)
          for (const auto& a : p.selectors[i + 1].args) exprs.push_back(a.value.get());
        auto m = find_method(t->object_type, f, nargs, false, &exprs, true);
        if (!m || !m->sub->is_function) return fail("no member function " + f + " of " + t->object_type + " with " + std::to_string(nargs) + " argument(s)");
        const Hierarchy* h = hierarchy_of(t->object_type);
        if (m->type != t->object_type && !(h && h->usable))
          return fail(f + " is inherited from " + m->type + " (a supertype's method on a computed object is not converted)");
        if (self_changing(m->type, *m->sub)) {  // its SELF written back: only to an assignable object
          std::string args;
          if (next_args)
            for (const auto& a : args_of(p.selectors[i + 1])) args += (args.empty() ? "" : ", ") + a;
          auto r = self_changing_call(method_routine(t->object_type, *m, f, static_call, p.span), text, *t, *m->sub, args, p.span);
          if (!r) return std::nullopt;
          text = *r;
          static_call = false;
          i += next_args;
          t = m->sub->return_type ? std::optional<TypeInfo>(resolve_type(*m->sub->return_type)) : std::nullopt;
          if (t && !t->problem.empty()) t = std::nullopt;
          continue;
        }
        std::string call_text = method_routine(t->object_type, *m, f, static_call, p.span) + "(" + text;
        static_call = false;
        if (next_args)
          for (const auto& a : args_of(p.selectors[i + 1])) call_text += ", " + a;
        text = call_text + ")";
        i += next_args;
        t = m->sub->return_type ? std::optional<TypeInfo>(resolve_type(*m->sub->return_type)) : std::nullopt;
        if (t && !t->problem.empty()) t = std::nullopt;
        continue;
      }
    }
    return fail("no field " + f + (t->object_type.empty() ? "" : " of " + t->object_type));
  }
  if (type) *type = t;
  return text;
}

// Statements on a collection or object reached through fields or elements: rec.list.EXTEND,
// SELF.tokens.TRIM(n), a(i).list.DELETE, w.sheets(s).rows.DELETE(), and a member procedure of an
// element, a(i).p(args) — the element is read into a temporary, the procedure called on it (its
// SELF is INOUT) and the temporary written back, as Oracle changes the element in place. A plain
// collection variable (a.EXTEND) is left to call_statement. False: not such a statement.
bool Lowerer::collection_statement(const ast::PlCall& c, PgBody& out) {
  const ast::Expr& e = *c.call;
  std::string method;
  const std::vector<ast::CallArg>* args = nullptr;
  std::string target;
  std::optional<TypeInfo> type;
  // Where the object a member procedure runs on lives: an element (read into a temporary and
  // written back), a variable seen as its supertype ((SELF AS t).p: called on it directly), a
  // function's result (a temporary; Oracle's changes to it are lost too).
  enum class Holder { Element, Variable, Result } holder = Holder::Element;
  RewriteContext ctx = writer_context();
  RewriteResult r;
  rewrite::SqlWriter w(dialect(), ctx, r);
  if (e.kind == ast::ExprKind::Name || e.kind == ast::ExprKind::Call) {
    const auto& ids = e.kind == ast::ExprKind::Name ? static_cast<const ast::NameExpr&>(e).parts
                                                    : static_cast<const ast::CallExpr&>(e).name;
    if (ids.size() < 2) return false;
    std::vector<ast::Ident> prefix(ids.begin(), ids.end() - 1);
    size_t used = 0;
    const Symbol* sym = lookup_path(prefix, used);
    if (!sym || used == prefix.size()) return false;  // a plain variable (or not one)
    if ((sym->kind == SymbolKind::PackageVariable || sym->kind == SymbolKind::PackageConstant) && path_type(ids, 1) &&
        path_type(ids, 1)->shape == Shape::Array) {
      item(plsql_codes::kNotConvertible, "call " + sql::compact_text(e.span) +
                                             ": a field of a package variable is read through its function; copy it to a "
                                             "local variable, change that and assign it back whole",
           c.span);
      return true;
    }
    type = path_type(ids, 1);
    if (!type || type->shape != Shape::Array) return false;
    ast::NameExpr base;
    base.parts = prefix;
    base.span = e.span;
    auto t = name(base, w);
    if (!t) return false;
    target = *t;
    method = norm(ids.back());
    if (e.kind == ast::ExprKind::Call) args = &static_cast<const ast::CallExpr&>(e).args;
  } else if (e.kind == ast::ExprKind::Postfix) {
    auto& p = static_cast<const ast::PostfixExpr&>(e);
    size_t n = p.selectors.size();
    size_t count = 0;
    if (n >= 2 && p.selectors[n - 1].kind == ast::SelectorKind::Args && p.selectors[n - 2].kind == ast::SelectorKind::Field) {
      method = norm(p.selectors[n - 2].name);
      args = &p.selectors[n - 1].args;
      count = n - 2;
    } else if (n >= 1 && p.selectors[n - 1].kind == ast::SelectorKind::Field) {
      method = norm(p.selectors[n - 1].name);
      count = n - 1;
    } else {
      return false;
    }
    if (p.base->kind == ast::ExprKind::Call && args_are_positional(args)) {
      // m(k).lines.DELETE(l), m(k1)(k2).DELETE: a map inside a map (lower_map_path.cpp).
      bool flagged = false;
      auto place = map_place(static_cast<const ast::CallExpr&>(*p.base), &p, count, &flagged);
      if (flagged) return true;
      if (place && place->type.shape == Shape::Map) {
        std::vector<std::string> a;
        if (args)
          for (const auto& x : *args) a.push_back(expr(*x.value));
        map_place_method(*place, method, a, c.span, out);
        return true;
      }
    }
    auto t = selector_chain(p, count, true, w, &type);
    absorb(r);
    if (!t) return true;  // the chain's item says why
    bool element = p.base->kind == ast::ExprKind::Call && path_type(static_cast<const ast::CallExpr&>(*p.base).name, 0);
    bool object = type && !type->object_type.empty();
    if (!element && object && count == 0 && p.base->kind == ast::ExprKind::List) holder = Holder::Variable;
    else if (!element && object && p.base->kind == ast::ExprKind::Call) holder = Holder::Result;
    else if (!element) {
      item(plsql_codes::kNotConvertible, "call " + sql::compact_text(e.span) + ": not a variable's element", c.span);
      return true;
    }
    target = *t;
    if (holder == Holder::Element && target.substr(0, target.find_first_of('[')).find("()") != std::string::npos) {
      item(plsql_codes::kNotConvertible, "call " + sql::compact_text(e.span) +
                                             ": an element of a package variable is read through its function; copy it to a "
                                             "local variable, change that and assign it back whole",
           c.span);
      return true;
    }
  } else {
    return false;
  }
  std::vector<std::string> a;
  std::vector<bool> boxed_args;  // the argument read an attribute held as jsonb (lower_box.cpp)
  if (args)
    for (const auto& x : *args) {
      size_t reads = boxed_reads_;
      a.push_back(w.expr(*x.value));
      boxed_args.push_back(boxed_reads_ != reads);
    }
  absorb(r);
  if (type && type->shape == Shape::Array) {
    if (type->string_keys) item(plsql_codes::kCollection, "associative array indexed by strings: " + sql::compact_text(e.span), c.span);
    std::string element = type->element ? type->element->sql : "text";
    if (method == "EXTEND" && a.size() <= 1) {
      out.push_back(PgStmt::simple(target + " := " + target + " || array_fill(NULL::" + element + ", ARRAY[" +
                                       (a.empty() ? std::string("1") : a[0]) + "])",
                                   c.span));
      return true;
    }
    if (method == "DELETE" && a.empty()) {
      out.push_back(PgStmt::simple(target + " := '{}'", c.span));
      return true;
    }
    if (method == "TRIM" && a.size() <= 1) {
      std::string n = a.empty() ? "1" : a[0];
      out.push_back(PgStmt::simple(target + " := " + target + "[array_lower(" + target + ", 1):array_upper(" + target +
                                       ", 1) - " + n + "]",
                                   c.span));
      return true;
    }
    item(plsql_codes::kCollection, "collection method " + method + (a.empty() ? "" : "(…)") + " (sparse collections are not emulated)",
         c.span);
    return true;
  }
  if (type && !type->object_type.empty() && e.kind == ast::ExprKind::Postfix) {
    // a(i).p(args): a member procedure of an element, through a temporary of the element's type.
    std::vector<const ast::Expr*> exprs;
    if (args)
      for (const auto& x : *args) exprs.push_back(x.value.get());
    auto m = find_method(type->object_type, method, a.size(), false, &exprs, false);
    const Hierarchy* h = hierarchy_of(type->object_type);
    if (!m || m->sub->is_function || (m->type != type->object_type && !(h && h->usable))) {
      item(plsql_codes::kObjectType, "call " + sql::compact_text(e.span) + ": no member procedure " + method + " of " +
                                         type->object_type + " with " + std::to_string(a.size()) + " argument(s) declared by the type itself",
           c.span);
      return true;
    }
    // OUT arguments PostgreSQL cannot write as they are go through temporaries (out_argument).
    ArgCopies copies;
    std::string args_text;
    for (size_t i = 0; i < a.size(); ++i) {
      const ast::CallArg& arg = (*args)[i];
      if (boxed_args[i]) boxed_out_argument(*m->sub, i, arg, c.span);
      const ast::PlParam* p = method_param(*m->sub, i, arg);
      if (p && upper(std::string(p->mode)).find("OUT") != std::string::npos) a[i] = out_argument(*arg.value, a[i], *p, c.span, copies);
      args_text += ", " + (arg.name.empty() ? "" : q(normalize_identifier(arg.name)) + " => ") + a[i];
    }
    std::string routine = method_routine(type->object_type, *m, method, holder == Holder::Variable, c.span);
    std::string tmp = holder == Holder::Variable ? target : local_variable("orashift_elem" + std::to_string(++temp_count_), type->sql, c.span);
    if (holder != Holder::Variable) out.push_back(PgStmt::simple(tmp + " := " + target, c.span));
    for (const auto& pre : copies.first) out.push_back(PgStmt::simple(pre, c.span));
    out.push_back(PgStmt::simple("CALL " + routine + "(" + tmp + args_text + ")", c.span));
    for (const auto& post : copies.second) out.push_back(PgStmt::simple(post, c.span));
    if (holder == Holder::Element) out.push_back(PgStmt::simple(target + " := " + tmp, c.span));
    return true;
  }
  return false;
}

}  // namespace orashift::plsql
