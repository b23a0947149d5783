// Associative arrays as jsonb objects (docs/plsql.md "Associative arrays"): an array Oracle
// indexes by strings, or a PLS_INTEGER-indexed one that the source deletes single elements of
// (sparse), is one jsonb object keyed by the index's text. Values are stored with
// jsonb_build_object (records as objects of their fields) and cast back to the element type on
// read; order (FIRST, NEXT, …) is computed from the keys: VARCHAR2 keys in binary order
// (COLLATE "C", Oracle's default NLS_SORT=BINARY), PLS_INTEGER keys numerically. A jsonb value is
// copied on assignment, as Oracle copies a whole collection. A map held by an element (a record
// field, or the element itself) is a jsonb object nested in it; places at depth are
// lower_map_path.cpp's.
#include "convert/plsql/codes.h"
#include "convert/plsql/lowerer.h"
#include "convert/plsql/plsql_support.h"
#include "convert/query/sql_writer.h"
#include "common/naming.h"
#include "sql/parser.h"

namespace orashift::plsql {

namespace {

// The keys of `map` as a set-returning FROM item with column k, and k in the index's order.
// (Named so that no routine variable is captured: the body reads `#variable_conflict use_column`.)
std::string keys_from(const std::string& map) { return "jsonb_object_keys(" + map + ") AS orashift_keys(\"orashift$k\")"; }
std::string ordered_key(const TypeInfo& map) {
  return map.keys == MapKeys::Integer ? "\"orashift$k\"::integer" : "\"orashift$k\" COLLATE \"C\"";
}

}  // namespace

// A key as the object stores it: the text of the index (an integer index rounded as Oracle
// converts it to PLS_INTEGER).
std::string Lowerer::map_stored_key(const TypeInfo& map, const std::string& key) {
  return map.keys == MapKeys::Integer ? "((" + key + ")::integer)::text" : "(" + key + ")::text";
}

const TypeInfo* Lowerer::path_type(const Symbol& s, const std::vector<ast::Ident>& parts, size_t used) const {
  const TypeInfo* t = &s.type;
  for (size_t i = used; i < parts.size() && t; ++i) {
    const Field* f = t->field(norm(parts[i]));
    t = f ? &f->type : nullptr;
  }
  return t;
}

bool Lowerer::map_element(const ast::Expr& e) const {
  const ast::Expr* x = &e;
  if (x->kind == ast::ExprKind::Postfix) x = static_cast<const ast::PostfixExpr&>(*x).base.get();
  if (x->kind != ast::ExprKind::Call) return false;
  auto& c = static_cast<const ast::CallExpr&>(*x);
  if (c.name.empty()) return false;
  std::vector<ast::Ident> ids(c.name.begin(), c.name.end());
  size_t used = 0;
  const Symbol* s = lookup_path(ids, used);
  if (!s || s->kind == SymbolKind::Type || s->kind == SymbolKind::Exception || s->kind == SymbolKind::Cursor) return false;
  const TypeInfo* t = path_type(*s, ids, used);
  return t && t->shape == Shape::Map;
}

// An element holding an INDEX BY PLS_INTEGER collection: jsonb would renumber it from 1.
bool Lowerer::map_element_lossy(const TypeInfo& map, Span span) const {
  if (!map.element || !holds_any_index_array(*map.element)) return false;
  item(plsql_codes::kCollection,
       "an element of an associative array holding an INDEX BY PLS_INTEGER collection (" + sql::compact_text(span) +
           "): jsonb keeps its elements, not its indexes",
       span);
  return true;
}

std::string Lowerer::map_read(const TypeInfo& map, const std::string& base, const std::string& key) const {
  res_.needs_map_support = true;
  std::string got = std::string(kMapGetFunction) + "(" + base + ", " + map_stored_key(map, key) + ")";
  const TypeInfo* e = map.element.get();
  if (e && e->shape == Shape::Row) return "jsonb_populate_record(NULL::" + e->sql + ", NULLIF(" + got + ", 'null'))";
  if (e && e->shape == Shape::Map) return got;  // a map held by the map: its jsonb object as stored
  return "(" + got + " #>> '{}')::" + (e ? e->sql : std::string("text"));
}

std::optional<std::string> Lowerer::map_method(const TypeInfo& map, const std::string& base, const std::string& method,
                                               const std::vector<std::string>& args, Span span) const {
  std::string k = ordered_key(map);
  if (method == "COUNT" && args.empty()) return "(SELECT count(*) FROM " + keys_from(base) + ")::integer";
  if ((method == "FIRST" || method == "LAST") && args.empty())
    return "(SELECT " + std::string(method == "FIRST" ? "min" : "max") + "(" + k + ") FROM " + keys_from(base) + ")";
  if ((method == "NEXT" || method == "PRIOR") && args.size() == 1) {
    std::string bound = map.keys == MapKeys::Integer ? "(" + args[0] + ")::integer" : "(" + args[0] + ")::text";
    bool next = method == "NEXT";
    return "(SELECT " + std::string(next ? "min" : "max") + "(" + k + ") FROM " + keys_from(base) + " WHERE " + k +
           (next ? " > " : " < ") + bound + ")";
  }
  if (method == "EXISTS" && args.size() == 1) return "COALESCE(" + base + " ? " + map_stored_key(map, args[0]) + ", FALSE)";
  if (method == "LIMIT" && args.empty()) return "NULL::integer";
  item(plsql_codes::kCollection,
       "collection method " + method + (args.empty() ? "" : "(…)") + " on an associative array in an expression", span);
  return std::nullopt;
}

// The new value of the map after m.DELETE / m.DELETE(k) / m.DELETE(k1, k2) (empty when the form is unknown).
std::string Lowerer::map_after_delete(const TypeInfo& map, const std::string& base, const std::vector<std::string>& args) const {
  if (args.empty()) return "'{}'::jsonb";
  if (args.size() == 1) return "COALESCE(" + base + " - " + map_stored_key(map, args[0]) + ", " + base + ")";  // DELETE(NULL): nothing
  if (args.size() == 2) {
    // "DELETE(m, n)": the elements whose indexes are in m..n; nothing when m > n or either is NULL.
    std::string k = ordered_key(map);
    std::string lo = map.keys == MapKeys::Integer ? "(" + args[0] + ")::integer" : "(" + args[0] + ")::text";
    std::string hi = map.keys == MapKeys::Integer ? "(" + args[1] + ")::integer" : "(" + args[1] + ")::text";
    return "COALESCE((SELECT jsonb_object_agg(\"orashift$k\", \"orashift$v\") FROM jsonb_each(" + base +
           ") AS orashift_elems(\"orashift$k\", \"orashift$v\") WHERE NOT COALESCE(" +
           k + " BETWEEN " + lo + " AND " + hi + ", FALSE)), '{}')";
  }
  return "";
}

// `base` gets `value`: a local or parameter by assignment, a package variable through its setter.
void Lowerer::map_store(const Symbol& s, bool whole_symbol, const std::string& base, const std::string& value, Span span,
                        PgBody& out) const {
  if (s.kind == SymbolKind::Constant || s.kind == SymbolKind::PackageConstant) {
    item(plsql_codes::kNotConvertible, "assignment to a constant", span);
    return;
  }
  if (s.kind == SymbolKind::PackageVariable) {
    if (!whole_symbol) {
      item(plsql_codes::kCollection, "an associative array in a field of a package variable is not written back", span);
      return;
    }
    out.push_back(PgStmt::simple("PERFORM " + s.setter + "(" + value + ")", span));
    return;
  }
  out.push_back(PgStmt::simple(base + " := " + value, span));
}

// m(k) := v, m(k).f := v, m(k).lines(l).f := v, m(k1)(k2) := v: the place inside the map
// (lower_map_path.cpp) inserted or replaced ("Associative Arrays": assigning to a new index adds
// the element; to a record element's field creates it too).
bool Lowerer::map_assign(const ast::PlAssign& a, PgBody& out) {
  bool flagged = false;
  auto place = map_place(*a.target, &flagged);
  if (!place) return flagged;
  map_store(*place->symbol, place->whole_symbol, place->write_base, map_place_update(*place, expr(*a.value)), a.span, out);
  return true;
}

// m.DELETE[(k[, k2])] as a statement; other methods of a map are not statements Oracle allows on
// associative arrays (EXTEND, TRIM).
void Lowerer::map_delete(const Symbol& s, bool whole_symbol, const TypeInfo& map, const std::string& base,
                         const std::string& method, const std::vector<std::string>& args, Span span, PgBody& out) {
  std::string after = method == "DELETE" ? map_after_delete(map, base, args) : "";
  if (after.empty()) {
    item(plsql_codes::kCollection, "collection method " + method + (args.empty() ? "" : "(…)") + " on an associative array", span);
    return;
  }
  map_store(s, whole_symbol, base, after, span, out);
}

// BULK COLLECT INTO a map (a sparse PLS_INTEGER-indexed collection): not emulated.
bool Lowerer::bulk_into_map(const std::vector<ast::ExprPtr>& targets, Span span) const {
  for (const auto& t : targets) {
    if (t->kind != ast::ExprKind::Name) continue;
    auto& n = static_cast<const ast::NameExpr&>(*t);
    size_t used = 0;
    const Symbol* s = lookup_path(n.parts, used);
    const TypeInfo* mt = s ? path_type(*s, n.parts, used) : nullptr;
    if (mt && mt->shape == Shape::Map) {
      item(plsql_codes::kCollection, "BULK COLLECT INTO " + sql::compact_text(t->span) + ", a sparse associative array", span);
      return true;
    }
  }
  return false;
}

}  // namespace orashift::plsql
