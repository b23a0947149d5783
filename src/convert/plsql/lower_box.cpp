// Attributes a type hierarchy's composite holds as jsonb ("boxed"). Oracle lets a type of a
// hierarchy hold values of the hierarchy itself — utPLSQL's ut_logical_suite holds `items`, a
// TABLE OF its root ut_suite_item; ut_matcher holds an expectation whose subtype
// ut_expectation_compound holds a matcher — and PostgreSQL's composite types cannot contain
// themselves. Such an attribute (its type reaches the hierarchy's root through attributes,
// collection elements and the types of any hierarchy on the way) is a jsonb column: to_jsonb of
// the value, read back with jsonb_populate_record (a collection through "orashift_unbox_array",
// element by element), which restores nested composites, arrays and
// NULLs exactly (tests/e2e/test_plsql_type_hierarchy.cpp checks the round trip). Every other
// attribute keeps its type, so the composite no longer contains itself and the hierarchy gets
// its one composite and dynamic dispatch.
//
// A read of the attribute gives the value as its type (an array of the root, the root); a
// statement that writes it or a part of it (x.items := v, x.items(i) := v, x.items.EXTEND,
// x.items(i).p(…)) runs on a local copy, read before and stored back after, as a package
// variable's parts are written (lower_pkgvar_write.cpp); so do SELECT/FETCH … INTO x.items and
// p(x.items) when p's parameter is OUT in every overload. A write the copy cannot reach (an OUT
// argument of a member call, a deeper path a.b.items) is an item, never a jsonb value assigned as
// something else.
#include <set>

#include "common/naming.h"
#include "convert/plsql/builtin_support.h"
#include "convert/plsql/codes.h"
#include "convert/plsql/lowerer.h"
#include "convert/query/sql_writer.h"
#include "sql/parser.h"

namespace orashift::plsql {

using rewrite::upper;

namespace {

// While alive, the boxed place `label.name` (or the bare attribute `name` in a method) is a
// local of the unboxed type: lookups of the statement find it before the object's field.
class BoxedPlaceAsLocal {
public:
  BoxedPlaceAsLocal(Scope& scope, const std::string& label, const std::string& name, Symbol local) : scope_(scope) {
    scope_.push(label);
    scope_.add(name, std::move(local));
  }
  ~BoxedPlaceAsLocal() { scope_.pop(); }
  BoxedPlaceAsLocal(const BoxedPlaceAsLocal&) = delete;
  BoxedPlaceAsLocal& operator=(const BoxedPlaceAsLocal&) = delete;

private:
  Scope& scope_;
};

}  // namespace

// Whether values of type `attribute` can hold values of the hierarchy rooted at `root`: its
// type, a collection's element, an object's attributes, and for a type of a hierarchy the
// attributes of every type of that hierarchy (a variable of it may hold any of them).
bool Lowerer::holds_hierarchy(const ast::PlType& attribute, const std::string& root) const {
  if (attribute.name.parts.empty() || !attribute.attribute.empty()) return false;
  const Registry& reg = *env_.registry;
  std::set<std::string> seen;
  std::vector<std::string> todo{norm(attribute.name.name())};
  auto push = [&](const ast::PlType& t) {
    if (!t.name.parts.empty() && t.attribute.empty()) todo.push_back(norm(t.name.name()));
  };
  while (!todo.empty()) {
    std::string t = todo.back();
    todo.pop_back();
    if (!seen.insert(t).second || !reg.object_types.count(t)) continue;
    std::string r = reg.hierarchy_root(t);
    if (r == root) return true;
    for (const auto& d : r.empty() ? std::vector<std::string>{t} : reg.descendants(r)) {
      auto ot = reg.object_types.find(d);
      if (ot == reg.object_types.end()) continue;
      if (ot->second->def == ast::TypeDefKind::Table || ot->second->def == ast::TypeDefKind::Varray) push(ot->second->element);
      for (const auto& a : ot->second->attributes) push(a.type);
    }
  }
  return false;
}

// Boxed values are objects and collections of objects: jsonb_populate_record reads them back.
std::string Lowerer::boxing_problem(const TypeInfo& t) const {
  if (!t.problem.empty()) return t.problem;
  if (t.shape == Shape::Row && !t.sql.empty() && t.sql != "record") return "";
  if (t.shape == Shape::Array && t.element && t.element->shape == Shape::Row && !t.element->sql.empty() && !t.any_index)
    return "";
  return "it is neither an object nor a collection of objects, which is all jsonb holds here";
}

// The type a boxed attribute is read as, with the objects of hierarchies complete (their own
// boxed attributes one level down left as declared: a further read completes those).
TypeInfo Lowerer::boxed_type(const ast::PlType& attribute) const {
  TypeInfo t = resolve_type(attribute);
  auto complete = [&](const TypeInfo& row) {
    if (row.shape != Shape::Row || row.object_type.empty()) return row;
    auto full = hierarchy_type_info(row.object_type, false);
    return full ? *full : row;
  };
  if (t.shape == Shape::Array && t.element) t.element = std::make_shared<TypeInfo>(complete(*t.element));
  else t = complete(t);
  t.boxed = true;
  return t;
}

// A boxed attribute's type as a read continues from it: the objects of its hierarchies with
// their attributes (boxed_type leaves them bare one level down; each read completes one more).
TypeInfo Lowerer::boxed_complete(const TypeInfo& t) const {
  auto full = [&](const TypeInfo& row) {
    if (row.shape != Shape::Row || row.object_type.empty() || !row.fields.empty()) return row;
    auto f = hierarchy_type_info(row.object_type);
    return f ? *f : row;
  };
  TypeInfo r = t;
  if (r.shape == Shape::Array && r.element) r.element = std::make_shared<TypeInfo>(full(*r.element));
  else r = full(r);
  r.boxed = true;
  return r;
}

std::string Lowerer::box(const std::string& value) { return "to_jsonb(" + value + ")"; }

std::string Lowerer::unbox(const std::string& stored, const TypeInfo& t) const {
  if (t.shape == Shape::Row) return "jsonb_populate_record(NULL::" + t.sql + ", " + stored + ")";
  // A function, not a subquery: PostgreSQL refuses subqueries in CALL arguments.
  return helper_call("orashift_unbox_array", "NULL::" + t.element->sql + ", " + stored);
}

// "orashift_unbox_array"(base, stored) → the collection stored as a jsonb array, of base's type:
// a NULL collection stays NULL (ARRAY() would make it empty), a NULL element stays NULL, the
// elements in their order.
std::string boxed_helper_sql(const std::string& name) {
  if (name != "orashift_unbox_array") return "";
  return R"SQL((base anyelement, stored jsonb)
RETURNS anyarray
LANGUAGE sql IMMUTABLE
AS $orashift$
SELECT CASE WHEN stored IS NOT NULL THEN
  ARRAY(SELECT CASE WHEN e <> 'null' THEN jsonb_populate_record(base, e) END
        FROM jsonb_array_elements(stored) WITH ORDINALITY AS o(e, n) ORDER BY n)
END
$orashift$;
)SQL";
}

// A boxed place in an expression: read, or (outside the statements boxed_statement lowers on a
// copy) an item.
std::string Lowerer::boxed_read(const std::string& stored, const TypeInfo& t, bool writing, Span span) const {
  ++boxed_reads_;
  if (!writing) return unbox(stored, t);
  item(plsql_codes::kNotConvertible,
       "writing " + sql::compact_text(span) +
           " here: the attribute holds its hierarchy's own values, kept as jsonb, and only assignments, collection "
           "methods and member procedure calls on it (or its elements) write it back; assign a local copy, then the attribute",
       span);
  return stored;
}

// A statement `e` (an assignment's target, or a call statement; `drop_last`: the last name is a
// method, x.items.EXTEND) that writes a boxed attribute or a part of it: `lower` lowers it on a
// local copy of the attribute, read before it and stored back after it (a statement that raises
// leaves the attribute as it was, as in Oracle). False: `e` writes no boxed attribute.
bool Lowerer::boxed_statement(const ast::Expr& e, bool drop_last, Span span, PgBody& out,
                              const std::function<void(PgBody&)>& lower) {
  const std::vector<ast::Ident>* path = root_path(e);
  if (!path || path->empty() || !current_block_) return false;
  std::vector<ast::Ident> ids(path->begin(), path->end() - (drop_last && e.kind != ast::ExprKind::Postfix ? 1 : 0));
  if (ids.empty()) return false;
  size_t used = 0;
  const Symbol* s = lookup_path(ids, used);
  if (!s || s->kind == SymbolKind::Type || s->kind == SymbolKind::Exception || s->kind == SymbolKind::Cursor) return false;
  // The place: the symbol itself (an attribute named bare in a method) or a field of it.
  const TypeInfo* t = &s->type;
  std::string place = s->ref;
  size_t depth = used;
  for (size_t i = used; !t->boxed && i < ids.size(); ++i) {
    const Field* f = t->field(norm(ids[i]));
    if (!f) return false;
    place += "." + f->ref();
    t = &f->type;
    depth = i + 1;
  }
  if (!t->boxed) return false;
  // Only v.attr and a bare attribute can stand for a local (a label frame names one level).
  if (place.find('(') != std::string::npos || !(depth == 1 || (depth == 2 && used == 1))) return false;
  TypeInfo local_type = boxed_complete(*t);
  local_type.boxed = false;
  std::string tmp = local_variable("orashift_box$" + std::to_string(++temp_count_), local_type.sql, span);
  Symbol local;
  local.kind = SymbolKind::Variable;
  local.ref = tmp;
  local.type = local_type;
  PgBody changed;
  {
    BoxedPlaceAsLocal as_local(scope_, depth == 2 ? norm(ids[0]) : "", norm(ids[depth - 1]), std::move(local));
    lower(changed);
  }
  if (changed.empty()) return true;  // its item says why
  out.push_back(PgStmt::simple(tmp + " := " + unbox(place, *t), span));
  for (auto& st : changed) out.push_back(std::move(st));
  out.push_back(PgStmt::simple(place + " := " + box(tmp), span));
  return true;
}

// Argument `position` of a call of method `m` read a boxed attribute: an item when its
// parameter is OUT (the argument would have to be written).
void Lowerer::boxed_out_argument(const ast::PlSubprogram& m, size_t position, const ast::CallArg& arg, Span span) const {
  const ast::PlParam* p = method_param(m, position, arg);
  if (p && upper(std::string(p->mode)).find("OUT") != std::string::npos) boxed_out_item(*arg.value, span);
}

void Lowerer::boxed_out_item(const ast::Expr& arg, Span span) const {
  item(plsql_codes::kNotConvertible,
       "OUT argument " + sql::compact_text(arg.span) +
           " reads an attribute held as jsonb (its type holds its hierarchy's own values): pass a local copy and assign "
           "the attribute from it after the call",
       span);
}

// SELECT … INTO x.items, FETCH c BULK COLLECT INTO x.items, …: the statement fills a local copy,
// stored back when it completes.
bool Lowerer::boxed_into(const ast::PlStmt& s, PgBody& out) {
  const std::vector<ast::ExprPtr>* targets = into_targets(s, true);
  if (!targets) return false;
  for (const auto& t : *targets)
    if (boxed_statement(*t, false, s.span, out, [&](PgBody& body) { into_statement(s, body); }))
      return true;
  return false;
}

// p(x.items) where p's parameter is OUT or IN OUT in every overload that fits the call: the
// argument is a local copy, stored back after the call (Oracle copies OUT values back when the
// call returns). A parameter some overload takes IN keeps the read, and the OUT check's item.
bool Lowerer::boxed_out_arguments(const ast::PlCall& c, PgBody& out) {
  if (c.call->kind != ast::ExprKind::Call) return false;
  auto& call = static_cast<const ast::CallExpr&>(*c.call);
  std::vector<std::string> parts;
  for (const auto& p : call.name) parts.push_back(norm(p));
  const std::vector<RoutineDecl>* routines = routines_for(parts);
  if (!routines || routines->empty()) return false;
  for (size_t i = 0; i < call.args.size(); ++i) {
    bool out_everywhere = true, fits = false;
    for (const auto& r : *routines) {
      if (!r.sub || r.sub->params.size() < call.args.size()) continue;
      const ast::PlParam* p = nullptr;
      if (call.args[i].name.empty()) {
        p = &r.sub->params[i];
      } else {
        for (const auto& q : r.sub->params)
          if (norm(q.name) == normalize_identifier(call.args[i].name)) p = &q;
      }
      if (!p) continue;
      fits = true;
      out_everywhere &= upper(std::string(p->mode)).find("OUT") != std::string::npos;
    }
    if (fits && out_everywhere &&
        boxed_statement(*call.args[i].value, false, c.span, out, [&](PgBody& body) { call_statement(c, body); }))
      return true;
  }
  return false;
}

}  // namespace orashift::plsql
