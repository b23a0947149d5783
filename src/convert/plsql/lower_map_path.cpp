// Places inside associative arrays (docs/plsql.md "Associative arrays", nested collections): an
// element of a map, a field of a record element, an element of a map held by that element, at
// any depth — m(k), m(k).f, m(k).lines(l).f, m(k1)(k2), a(i).lines(l) — as assignment targets
// and as the collections DELETE changes. A map is one jsonb object, a record element a jsonb
// object of its fields, a map held in an element a jsonb object nested in it, so a place is a
// path of jsonb keys below the outermost map; the new outermost value is built level by level,
// each level's object so far (none for a new key) with one key replaced, the way Oracle creates
// an element assigned through (PL/SQL Language Reference, "Associative Arrays": assigning to a
// new index adds the element).
#include "common/naming.h"
#include "convert/plsql/codes.h"
#include "convert/plsql/lowerer.h"
#include "convert/plsql/plsql_support.h"
#include "convert/query/sql_writer.h"
#include "sql/parser.h"

namespace orashift::plsql {

namespace {

bool positional_one(const std::vector<ast::CallArg>& args) { return args.size() == 1 && args[0].name.empty(); }

}  // namespace

std::optional<Lowerer::MapPlace> Lowerer::map_place(const ast::Expr& target, bool* flagged) const {
  *flagged = false;
  const ast::CallExpr* c = nullptr;
  const ast::PostfixExpr* p = nullptr;
  size_t count = 0;
  if (target.kind == ast::ExprKind::Call) {
    c = &static_cast<const ast::CallExpr&>(target);
  } else if (target.kind == ast::ExprKind::Postfix) {
    p = &static_cast<const ast::PostfixExpr&>(target);
    if (p->base->kind != ast::ExprKind::Call) return std::nullopt;
    c = &static_cast<const ast::CallExpr&>(*p->base);
    count = p->selectors.size();
  } else {
    return std::nullopt;
  }
  return map_place(*c, p, count, flagged);
}

std::optional<Lowerer::MapPlace> Lowerer::map_place(const ast::CallExpr& c, const ast::PostfixExpr* p, size_t count,
                                                    bool* flagged) const {
  *flagged = false;
  if (c.name.empty()) return std::nullopt;
  std::vector<ast::Ident> ids(c.name.begin(), c.name.end());
  size_t used = 0;
  const Symbol* s = lookup_path(ids, used);
  if (!s || s->kind == SymbolKind::Type || s->kind == SymbolKind::Exception || s->kind == SymbolKind::Cursor) return std::nullopt;
  const TypeInfo* named = path_type(*s, ids, used);
  if (!named) return std::nullopt;
  MapPlace place;
  place.symbol = s;
  Span span = p ? p->span : c.span;
  // The keys and fields below the outermost map: (positional args) selectors, in order; the
  // call's own argument first when the call names the map.
  std::vector<const ast::Selector*> steps;
  const ast::CallArg* first_key = nullptr;
  TypeInfo t;
  if (named->shape == Shape::Map) {
    if (!positional_one(c.args)) return std::nullopt;
    ast::NameExpr path;
    path.parts = ids;
    path.span = c.span;
    place.write_base = place.read_base = expr(path);
    place.whole_symbol = used == ids.size();
    first_key = &c.args[0];
    t = *named;
    for (size_t i = 0; i < count; ++i) steps.push_back(&p->selectors[i]);
  } else if (named->shape == Shape::Array && named->element && positional_one(c.args) && p) {
    // a(i)…: the outermost map is further down, where a key is applied to a map.
    t = *named->element;
    size_t j = 0;
    for (; j < count; ++j) {
      const ast::Selector& sel = p->selectors[j];
      if (sel.kind == ast::SelectorKind::Args && t.shape == Shape::Map) break;
      if (sel.kind == ast::SelectorKind::Field && t.shape == Shape::Row && t.field(norm(sel.name))) {
        t = TypeInfo(t.field(norm(sel.name))->type);
      } else if (sel.kind == ast::SelectorKind::Args && t.shape == Shape::Array && t.element) {
        t = TypeInfo(*t.element);
      } else {
        return std::nullopt;
      }
    }
    if (j == count) return std::nullopt;  // no map on the way: an array place (selector_chain)
    RewriteContext ctx = writer_context();
    RewriteResult r;
    rewrite::SqlWriter w(dialect(), ctx, r);
    auto write = selector_chain(*p, j, true, w);
    auto read = selector_chain(*p, j, false, w);
    absorb(r);
    if (!write || !read) {
      *flagged = true;  // the chain's item says why
      return std::nullopt;
    }
    place.write_base = *write;
    place.read_base = *read;
    for (size_t i = j; i < count; ++i) steps.push_back(&p->selectors[i]);
  } else {
    return std::nullopt;
  }
  place.read = place.read_base;
  auto fail = [&](const std::string& why) -> std::optional<MapPlace> {
    item(plsql_codes::kCollection, sql::compact_text(span) + ": " + why, span);
    *flagged = true;
    return std::nullopt;
  };
  // A key of the map t; false when its elements cannot be kept (map_element_lossy says why).
  auto key_step = [&](const ast::Expr& key) {
    if (!t.element || map_element_lossy(t, span)) return false;
    std::string k = expr(key);
    place.read = map_read(t, place.read, k);
    place.keys.push_back(map_stored_key(t, k));
    t = TypeInfo(*t.element);
    return true;
  };
  if (first_key && !key_step(*first_key->value)) {
    *flagged = true;
    return std::nullopt;
  }
  for (const ast::Selector* sel : steps) {
    if (sel->kind == ast::SelectorKind::Args && t.shape == Shape::Map && positional_one(sel->args)) {
      if (!key_step(*sel->args[0].value)) {
        *flagged = true;
        return std::nullopt;
      }
      continue;
    }
    if (sel->kind == ast::SelectorKind::Field && t.shape == Shape::Row && !t.fields.empty() && t.sql != "record") {
      std::string f = norm(sel->name);
      const Field* fd = t.field(f);
      if (!fd) {
        item(plsql_codes::kNotConvertible, "no field " + f + " in " + sql::compact_text(span), span);
        *flagged = true;
        return std::nullopt;
      }
      if (!fd->column.empty() || fd->type.boxed)
        return fail("a field of a type hierarchy's element (its attribute is renamed, or held as jsonb)");
      place.read = "(" + place.read + ")." + fd->ref();
      place.keys.push_back(quote_literal(target_name(f)));
      t = TypeInfo(fd->type);
      continue;
    }
    if (sel->kind == ast::SelectorKind::Args && t.shape == Shape::Array)
      return fail("an element of a collection kept as an array inside an associative array (only keys of associative arrays "
                  "and fields of records are emulated there)");
    return fail("a selector that is not a key or a field inside an associative array");
  }
  place.type = t;
  return place;
}

// The outermost map after the place gets `value`: from the innermost level out, the level's
// object so far (an empty one for a new key or a NULL) with the place's key set.
std::string Lowerer::map_place_update(const MapPlace& place, const std::string& value) const {
  std::string out = "(" + value + ")::" + (place.type.sql.empty() ? std::string("text") : place.type.sql);
  for (size_t i = place.keys.size(); i-- > 0;) {
    std::string level = place.read_base;
    for (size_t j = 0; j < i; ++j) level += " -> " + place.keys[j];
    out = "COALESCE(NULLIF(" + level + ", 'null'), '{}') || jsonb_build_object(" + place.keys[i] + ", " + out + ")";
  }
  return out;
}

// place.DELETE[(k[, k2])] on a map held inside a map: the place gets the map without those
// elements. Reading the place raises NO_DATA_FOUND when an enclosing element does not exist, as
// Oracle does; EXTEND and TRIM are not methods of associative arrays.
void Lowerer::map_place_method(const MapPlace& place, const std::string& method, const std::vector<std::string>& args,
                               Span span, PgBody& out) const {
  std::string after = method == "DELETE" ? map_after_delete(place.type, place.read, args) : "";
  // DELETE without arguments does not read the place; reading it still raises when an enclosing
  // element does not exist.
  if (method == "DELETE" && args.empty()) after = "CASE WHEN " + place.read + " IS NULL THEN " + after + " ELSE " + after + " END";
  if (after.empty()) {
    item(plsql_codes::kCollection, "collection method " + method + (args.empty() ? "" : "(…)") + " on an associative array", span);
    return;
  }
  map_store(*place.symbol, place.whole_symbol, place.write_base, map_place_update(place, after), span, out);
}

}  // namespace orashift::plsql
