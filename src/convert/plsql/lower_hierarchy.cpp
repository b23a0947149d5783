// Object type hierarchies (CREATE TYPE s UNDER t) with Oracle's substitutability and dynamic
// dispatch ("Inheritance in SQL Object Types", Object-Relational Developer's Guide). PostgreSQL's
// composite types have no inheritance, so a hierarchy is one composite named after its root that
// holds every type's attributes and a type tag, "orashift_type", with the run-time type's Oracle
// name: a variable of any type of the hierarchy can hold an instance of any of its subtypes, as in
// Oracle. The root's unit creates the composite with its own attributes; each subtype's unit adds
// its own (ALTER TYPE … ADD ATTRIBUTE, so each attribute's type exists when it is added, as in
// Oracle's install order) and creates a domain of its name over the root. Attributes that sibling
// subtypes both declare get the declaring type's name appended.
//
// Dispatch: a member call whose method some subtype of the object's declared type overrides (or
// that has no body, NOT INSTANTIABLE) goes through "T"."m$dispatch", which calls the override of
// the tag's type; (SELF AS T).m() calls T's own. IS OF (t) tests the tag against t's descendants
// (IS OF (ONLY t): t itself) and TREAT(x AS t) is x when the tag is one of them, else NULL.
//
// An attribute holding the hierarchy's own values (a subtype's attribute holding a collection of
// the root, which Oracle allows and PostgreSQL's composites do not: they cannot contain
// themselves) is jsonb in the composite, converted where it is read and written (lower_box.cpp).
// A hierarchy whose such attribute jsonb cannot hold (not an object nor a collection of objects)
// keeps a composite per type and static dispatch, with the items that say so.
#include <algorithm>

#include "common/naming.h"
#include "convert/plsql/codes.h"
#include "convert/plsql/lowerer.h"
#include "convert/query/sql_writer.h"
#include "sql/parser.h"

namespace orashift::plsql {

using rewrite::upper;

namespace {

constexpr const char* kTag = "\"orashift_type\"";

std::string q(const std::string& oracle_name) { return quote_ident(target_name(oracle_name)); }

// Does `t` (or an element type of it) name the composite `root_sql`?
bool contains(const TypeInfo& t, const std::string& root_sql) {
  if (t.sql == root_sql || t.sql == root_sql + "[]") return true;
  if (t.element && contains(*t.element, root_sql)) return true;
  for (const auto& f : t.fields)
    if (contains(f.type, root_sql)) return true;
  return false;
}

std::string tag_list(const std::vector<std::string>& types) {
  std::string out;
  for (const auto& t : types) out += (out.empty() ? "" : ", ") + quote_literal(t);
  return out;
}

}  // namespace

const Lowerer::Hierarchy* Lowerer::hierarchy_of(const std::string& type) const {
  if (!env_.profile->composite_types) return nullptr;
  std::string root = env_.registry->hierarchy_root(type);
  if (root.empty()) return nullptr;
  if (auto it = hierarchies_.find(root); it != hierarchies_.end()) return it->second.get();
  auto h = std::make_shared<Hierarchy>();
  h->root = root;
  hierarchies_[root] = h;  // building: attribute types that name the hierarchy see it so
  std::vector<std::string> members = env_.registry->descendants(root);
  std::map<std::string, int> declared;  // attribute name → how many types declare it
  for (const auto& m : members)
    if (auto ot = env_.registry->object_types.find(m); ot != env_.registry->object_types.end())
      for (const auto& a : ot->second->attributes) ++declared[norm(a.name)];
  std::string root_sql = q(root);
  for (const auto& m : members) {
    auto ot = env_.registry->object_types.find(m);
    if (ot == env_.registry->object_types.end()) continue;
    for (const auto& a : ot->second->attributes) {
      // An attribute holding the hierarchy's own values is boxed (lower_box.cpp).
      bool boxed = holds_hierarchy(a.type, root);
      HierarchyAttr at{m, norm(a.name), resolve_type(a.type), ""};
      at.type.boxed = boxed;
      std::string col = target_name(at.name);
      if (declared[at.name] > 1 && m != root) col += "$" + target_name(m);
      if (col.size() > 63) col = target_name(at.name).substr(0, 50) + "$" + std::to_string(h->attrs.size());
      at.column = quote_ident(col);
      std::string problem = boxed ? boxing_problem(at.type) : "";
      if (h->why.empty() && !problem.empty())
        h->why = "attribute " + at.name + " of " + m + " holds " + root + " values and cannot be kept as jsonb: " + problem;
      if (h->why.empty() && !boxed && contains(at.type, root_sql))
        h->why = "attribute " + at.name + " of " + m + " holds " + root + " values (a PostgreSQL composite type cannot contain itself)";
      h->attrs.push_back(std::move(at));
    }
  }
  h->building = false;
  h->usable = h->why.empty();
  return h.get();
}

// A type of a hierarchy: the root's composite, the attributes of its own type chain.
// `expand_boxed`: boxed attributes typed with their objects complete (boxed_type), else as
// declared (the objects of their own hierarchy without attributes).
std::optional<TypeInfo> Lowerer::hierarchy_type_info(const std::string& name, bool expand_boxed) const {
  const Hierarchy* h = hierarchy_of(name);
  if (!h || (!h->building && !h->usable)) return std::nullopt;
  TypeInfo r;
  r.shape = Shape::Row;
  r.sql = q(h->root);
  r.object_type = name;
  if (h->building) return r;  // an attribute naming its own hierarchy: only its spelling matters
  for (const ast::CreateType* t : env_.registry->type_chain(name)) {
    std::string owner = norm(t->name.name());
    for (const auto& a : t->attributes)
      for (const auto& at : h->attrs)
        if (at.owner == owner && at.name == norm(a.name))
          r.fields.push_back({at.name, at.type.boxed && expand_boxed ? boxed_type(a.type) : at.type, at.column});
  }
  return r;
}

std::string Lowerer::default_constructor(const std::string& type) const {
  return q(type) + "." + quote_ident(target_name(type) + "$new");
}

// The DDL of a hierarchy's type: the root's composite, or a subtype's domain and attributes; then
// Oracle's default constructor T(attributes…) as a function (instantiable types only), and the
// dispatchers of the methods subtypes override when the type has no body to hold them.
void Lowerer::hierarchy_type(const ast::CreateType& u) {
  std::string name = norm(u.name.name());
  const Hierarchy* h = hierarchy_of(name);
  std::string root = q(h->root);
  std::string sql;
  // Its own attributes and the inherited ones: a supertype's unconvertible attribute is this
  // type's too (the domain names the root, not the supertype, so no dependency would say so).
  for (const ast::CreateType* t : env_.registry->type_chain(name))
    for (const auto& at : h->attrs)
      if (at.owner == norm(t->name.name()) && !at.type.problem.empty())
        item(plsql_codes::kNotConvertible,
             "attribute " + at.name + (at.owner == name ? "" : " (of " + at.owner + ")") + ": " + at.type.problem, u.span);
  auto type_sql = [](const HierarchyAttr& at) {
    return at.type.boxed ? std::string("jsonb") : at.type.sql.empty() ? std::string("text") : at.type.sql;
  };
  if (u.def == ast::TypeDefKind::Under) {
    sql = "CREATE DOMAIN " + q(name) + " AS " + root + ";\n" + type_comment(u, "DOMAIN");
    for (const auto& at : h->attrs)
      if (at.owner == name) sql += "ALTER TYPE " + root + " ADD ATTRIBUTE " + at.column + " " + type_sql(at) + ";\n";
  } else {
    std::string cols;
    for (const auto& at : h->attrs)
      if (at.owner == name) cols += at.column + " " + type_sql(at) + ", ";
    sql = "CREATE TYPE " + root + " AS (" + cols + kTag + " text);\n" + type_comment(u, "TYPE");
  }
  item(plsql_codes::kPattern,
       "type " + name + " of hierarchy " + h->root + ": one composite " + root + " holds every type of the hierarchy and " +
           kTag + " the run-time type; methods that subtypes override are dispatched on it",
       u.span);
  bool instantiable = upper(sql::compact_text(u.post)).find("NOT INSTANTIABLE") == std::string::npos;
  TypeInfo self = *hierarchy_type_info(name);
  if (instantiable && !self.fields.empty()) {
    std::string params, body = "DECLARE\n  self " + root + ";\nBEGIN\n";
    for (size_t i = 0; i < self.fields.size(); ++i) {
      const Field& f = self.fields[i];
      params += (i ? ", " : "") + (f.type.sql.empty() ? std::string("text") : f.type.sql);
      std::string arg = "$" + std::to_string(i + 1);
      body += "  self." + f.ref() + " := " + (f.type.boxed ? box(arg) : arg) + ";\n";
    }
    body += "  self." + std::string(kTag) + " := " + quote_literal(name) + ";\n  RETURN self;\nEND\n";
    sql += "CREATE SCHEMA IF NOT EXISTS " + q(name) + ";\n" +
           plpgsql_function("CREATE OR REPLACE FUNCTION " + default_constructor(name) + "(" + params + ")\nRETURNS " + root, body);
  }
  res_.objects.push_back({"TYPE", name, sql, u.span, 0});
  if (!env_.registry->type_bodies.count(name)) dispatchers(name, false);
}

std::string Lowerer::method_routine(const std::string& static_type, const MethodRef& m, const std::string& name,
                                    bool static_call, Span span) const {
  std::string target = method_name(m.type, *m.sub);
  std::string own = q(m.type) + "." + quote_ident(target);
  const Hierarchy* h = hierarchy_of(static_type);
  bool bodied = has_body(m.type, *m.sub);
  if (!h || !h->usable || static_call) {
    if (!bodied)
      item(plsql_codes::kObjectType,
           m.type + "." + name + " has no body (NOT INSTANTIABLE): Oracle runs a subtype's override, found at run time; "
                                 "without dynamic dispatch there is nothing to call",
           span);
    return own;
  }
  bool overridden = false;
  for (const auto& d : env_.registry->descendants(static_type))
    if (auto dm = implementation(d, m); dm && dm->type != m.type) overridden = true;
  return overridden || !bodied ? q(m.type) + "." + quote_ident(target + "$dispatch") : own;
}

// For each member method of `type` that a subtype overrides (or that has no body): a routine
// "type"."m$dispatch" with the method's parameters that runs the implementation of the object's
// run-time type, found from its tag. `with_body`: emitted with the type body (else the spec).
void Lowerer::dispatchers(const std::string& type, bool with_body) {
  const Hierarchy* h = hierarchy_of(type);
  auto ot = env_.registry->object_types.find(type);
  if (!h || !h->usable || ot == env_.registry->object_types.end()) return;
  std::vector<std::string> members = env_.registry->descendants(type);
  for (const auto& m : ot->second->methods) {
    if (m.constructor || is_static(m)) continue;
    std::string name = norm(m.name.name());
    std::string target = method_name(type, m);
    MethodRef own{type, &m, 0};
    std::map<std::string, std::vector<std::string>> runs;  // implementing type → tags
    for (const auto& d : members)
      if (auto dm = implementation(d, own); dm && dm->type != type && has_body(dm->type, *dm->sub)) runs[dm->type].push_back(d);
    bool bodied = has_body(type, m);
    if (runs.empty() && bodied) continue;
    method_type_ = type;
    scope_.push(type + "." + name + "$dispatch");
    std::string signature;
    // A function that changes SELF is a procedure with INOUT "orashift_result" (lower_self_changes.cpp).
    bool changes_self = self_changing(type, m);
    bool function = m.is_function && !changes_self;
    std::string params = parameter_list(m, function, signature);
    scope_.pop();
    method_type_.clear();
    if (changes_self) {
      TypeInfo result = m.return_type ? resolve_type(*m.return_type) : TypeInfo{};
      params += ", INOUT " + quote_ident("orashift_result") + " " + (result.sql.empty() ? std::string("text") : result.sql);
    }
    // Overrides are called by name through EXECUTE: a subtype whose body was not converted then
    // fails for its own instances only, instead of taking its supertype's unit (and every unit
    // using the type) down with it.
    std::vector<std::string> vars{quote_ident("self")}, written{quote_ident("self")};
    for (const auto& p : m.params) {
      if (is_self_param(p)) continue;
      vars.push_back(q(norm(p.name)));
      if (upper(p.mode).find("OUT") != std::string::npos) written.push_back(q(norm(p.name)));
    }
    if (changes_self) {
      vars.push_back(quote_ident("orashift_result"));
      written.push_back(quote_ident("orashift_result"));
    }
    std::string args, placeholders;
    for (size_t i = 0; i < vars.size(); ++i) {
      args += (i ? ", " : "") + vars[i];
      placeholders += (i ? ", $" : "$") + std::to_string(i + 1);
    }
    std::string own_call = q(type) + "." + quote_ident(target) + "(" + args + ")";
    // A PIPELINED method returns rows (SETOF the element, as its implementations): the dispatcher
    // passes the chosen implementation's rows on.
    TypeInfo rt = function && m.return_type ? resolve_type(*m.return_type) : TypeInfo{};
    bool pipelined = function && upper(sql::compact_text(m.options)).find("PIPELINED") != std::string::npos &&
                     rt.shape == Shape::Array && rt.element;
    std::string body = "DECLARE\n  impl text;\n  result record;\nBEGIN\n  CASE self." + std::string(kTag) + "\n";
    for (const auto& [impl, tags] : runs)
      body += "    WHEN " + tag_list(tags) + " THEN\n      impl := " + quote_literal(target_name(impl)) + ";\n";
    body += "    ELSE\n      ";
    body += bodied ? (pipelined ? "RETURN QUERY SELECT * FROM " + own_call + ";\n      RETURN;"
                      : function ? "RETURN " + own_call + ";" : "CALL " + own_call + ";\n      RETURN;")
                   : "RAISE EXCEPTION USING ERRCODE = 'OR999', MESSAGE = format('method " + type + "." + name +
                         " is NOT INSTANTIABLE and type %s does not override it', self." + kTag + ");";
    body += "\n  END CASE;\n";
    if (pipelined) {
      body += "  RETURN QUERY EXECUTE format('SELECT * FROM %I.%I(" + placeholders + ")', impl, " + quote_literal(target) +
              ") USING " + args + ";\nEND\n";
    } else {
    // The record's shape first, so that plpgsql_check knows what EXECUTE … INTO fills.
    body += "  SELECT ";
    if (function) {
      body += "NULL::" + (rt.sql.empty() ? std::string("text") : rt.sql) + " AS v";
    } else {
      for (size_t i = 0; i < written.size(); ++i) body += (i ? ", " : "") + written[i] + " AS " + written[i];
    }
    body += " INTO result;\n  EXECUTE format('" + std::string(function ? "SELECT" : "CALL") + " %I.%I(" + placeholders + ")" +
            (function ? " AS v" : "") + "', impl, " + quote_literal(target) + ") INTO result USING " + args + ";\n";
    if (function) {
      body += "  RETURN result.v;\n";
    } else {
      for (const auto& v : written) body += "  " + v + " := result." + v + ";\n";
    }
    body += "END\n";
    }
    std::string full = q(type) + "." + quote_ident(target + "$dispatch");
    std::string head;
    if (function) {
      head = "CREATE OR REPLACE FUNCTION " + full + "(" + params + ")\nRETURNS " +
             (pipelined ? "SETOF " + rt.element->sql : rt.sql.empty() ? std::string("text") : rt.sql);
    } else {
      head = "CREATE OR REPLACE PROCEDURE " + full + "(" + params + ")";
    }
    std::string sql = (with_body ? "" : "CREATE SCHEMA IF NOT EXISTS " + q(type) + ";\n") + plpgsql_function(head, body);
    res_.objects.push_back({function ? "FUNCTION" : "PROCEDURE", type + "." + name + "$DISPATCH", sql, m.span, with_body ? 2 : 1});
  }
}

// (x AS t): x seen as its supertype t, when the hierarchy is emulated.
std::optional<TypeInfo> Lowerer::as_type_of(const ast::ListExpr& l) const {
  if (!l.as_type || l.items.size() != 1) return std::nullopt;
  std::string as = norm(l.as_type->name());
  auto from = type_of(*l.items[0]);
  const Hierarchy* h = hierarchy_of(as);
  if (!from || from->object_type.empty() || !h || !h->usable) return std::nullopt;
  for (const ast::CreateType* t : env_.registry->type_chain(from->object_type))
    if (norm(t->name.name()) == as) return hierarchy_type_info(as);
  return std::nullopt;
}

// IS [NOT] OF [TYPE] ([ONLY] t, …) on an object of an emulated hierarchy.
std::optional<std::string> Lowerer::type_test(const ast::Expr& operand, const std::string& test, rewrite::SqlWriter& w) const {
  if (test.rfind("OF", 0) != 0) return std::nullopt;
  auto t = type_of(operand);
  if (!t || t->object_type.empty()) return std::nullopt;
  const Hierarchy* h = hierarchy_of(t->object_type);
  if (!h || !h->usable) return std::nullopt;
  size_t open = test.find('('), close = test.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close < open) return std::nullopt;
  std::string list = test.substr(open + 1, close - open - 1);
  std::vector<std::string> tags;
  size_t at = 0;
  while (at <= list.size()) {
    size_t comma = list.find(',', at);
    std::string one = list.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
    at = comma == std::string::npos ? list.size() + 1 : comma + 1;
    one.erase(0, one.find_first_not_of(' '));
    one.erase(one.find_last_not_of(' ') + 1);
    bool only = one.rfind("ONLY ", 0) == 0;
    if (only) one = one.substr(5);
    if (auto dot = one.rfind('.'); dot != std::string::npos) one = one.substr(dot + 1);  // schema.t
    one.erase(std::remove(one.begin(), one.end(), '"'), one.end());
    if (env_.registry->hierarchy_root(one) != h->root) return std::nullopt;
    if (only) tags.push_back(one);
    else
      for (auto& d : env_.registry->descendants(one)) tags.push_back(d);
  }
  std::string v = w.expr(operand);
  return "(" + (v.find('(') != std::string::npos || v.find(' ') != std::string::npos ? "(" + v + ")" : v) + ")." + kTag +
         " IN (" + tag_list(tags) + ")";
}

std::optional<std::string> Lowerer::is_test(const ast::IsNullExpr& e, const std::string& test, rewrite::SqlWriter& w) const {
  auto s = type_test(*e.operand, test, w);
  if (!s) return std::nullopt;
  return e.negated ? "NOT " + *s : *s;
}

// TREAT(x AS t): x when its run-time type is t or one of t's subtypes, else NULL (SQL Language
// Reference, "TREAT"). treat_target: t, when x is of t's hierarchy.
std::optional<std::string> Lowerer::treat_target(const ast::CallExpr& c) const {
  if (c.name.size() != 1 || upper(std::string(c.name[0].text)) != "TREAT" || c.args.size() != 1) return std::nullopt;
  std::string tail = upper(sql::compact_text(c.args[0].tail));
  if (tail.rfind("AS ", 0) != 0 || tail.rfind("AS REF ", 0) == 0) return std::nullopt;
  std::string target = tail.substr(3);
  if (auto dot = target.rfind('.'); dot != std::string::npos) target = target.substr(dot + 1);
  target.erase(std::remove(target.begin(), target.end(), '"'), target.end());
  auto from = type_of(*c.args[0].value);
  if (!from || from->object_type.empty()) return std::nullopt;
  const Hierarchy* h = hierarchy_of(target);
  if (!h || !h->usable || env_.registry->hierarchy_root(from->object_type) != h->root) return std::nullopt;
  return target;
}

std::optional<std::string> Lowerer::treat(const ast::CallExpr& c, rewrite::SqlWriter& w) const {
  auto target = treat_target(c);
  if (!target) return std::nullopt;
  std::string v = w.expr(*c.args[0].value);
  return "(CASE WHEN (" + v + ")." + kTag + " IN (" + tag_list(env_.registry->descendants(*target)) + ") THEN " + v + " END)";
}

}  // namespace orashift::plsql
