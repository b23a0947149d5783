// Oracle's PL/SQL object types for JSON (JSON_ELEMENT_T, JSON_OBJECT_T, JSON_ARRAY_T,
// JSON_SCALAR_T; PL/SQL Packages and Types Reference, "JSON Data Structures") on PostgreSQL's
// jsonb: parse and the constructors, the getters, introspection, serialization, get_keys
// (JSON_KEY_LIST → text[]) and the changes put / put_null / append / append_null / remove /
// rename_key, written as assignments of the changed value.
//
// Two differences, stated in items and docs/plsql.md:
//  - Oracle's instances share their data: after `jo := TREAT(je AS JSON_OBJECT_T)` or
//    `li := arr.get(i)`, a change through one is seen through the other, and a procedure that
//    changes an object it was given changes the caller's. jsonb is a value. So a variable that is
//    changed is converted only when it is confined: it is not a parameter, and every assignment
//    to it is a fresh value (parse, a constructor); otherwise the change is an error item.
//  - jsonb keeps one member per key and orders keys by length, then bytes; Oracle keeps the
//    order they were put in. to_string therefore lists the keys in jsonb's order.
#include <map>

#include "convert/plsql/codes.h"
#include "convert/plsql/lowerer.h"
#include "convert/plsql/text_scan.h"
#include "convert/query/sql_writer.h"
#include "sql/parser.h"

namespace orashift::plsql {

namespace {

bool json_type_name(const std::string& n) {
  return n == "JSON_ELEMENT_T" || n == "JSON_OBJECT_T" || n == "JSON_ARRAY_T" || n == "JSON_SCALAR_T";
}

// Oracle's to_string: compact JSON, no blanks between tokens (jsonb's text has them).
constexpr const char* kJsonText = R"SQL((j jsonb)
RETURNS text
LANGUAGE sql IMMUTABLE
AS $orashift$
SELECT CASE jsonb_typeof(j)
  WHEN 'object' THEN '{' || COALESCE((SELECT string_agg(to_jsonb(e.key)::text || ':' || "orashift_json_text"(e.value), ',')
                                      FROM jsonb_each(j) AS e), '') || '}'
  WHEN 'array' THEN '[' || COALESCE((SELECT string_agg("orashift_json_text"(a.value), ',' ORDER BY a.n)
                                     FROM jsonb_array_elements(j) WITH ORDINALITY AS a(value, n)), '') || ']'
  ELSE j::text END
$orashift$;
)SQL";

}  // namespace

std::string json_result_family(const std::string& method) {
  static const std::map<std::string, std::string> families = {
      {"TO_STRING", "VARCHAR2"}, {"STRINGIFY", "VARCHAR2"}, {"GET_STRING", "VARCHAR2"}, {"TO_CLOB", "CLOB"},
      {"GET_CLOB", "CLOB"},      {"TO_NUMBER", "NUMBER"},   {"GET_NUMBER", "NUMBER"},   {"GET_SIZE", "NUMBER"},
      {"TO_BOOLEAN", "BOOLEAN"}, {"GET_BOOLEAN", "BOOLEAN"}, {"HAS", "BOOLEAN"},        {"TO_DATE", "DATE"},
      {"GET_DATE", "DATE"},      {"TO_TIMESTAMP", "TIMESTAMP"}, {"GET_TIMESTAMP", "TIMESTAMP"},
      {"GET", "JSON_ELEMENT_T"}, {"GET_OBJECT", "JSON_OBJECT_T"}, {"GET_ARRAY", "JSON_ARRAY_T"}};
  if (method.rfind("IS_", 0) == 0) return "BOOLEAN";
  auto it = families.find(method);
  return it == families.end() ? "" : it->second;
}

std::string json_helper_sql(const std::string& name) { return name == "orashift_json_text" ? kJsonText : ""; }

std::string Lowerer::json_kind(const ast::Expr& e) const {
  if (dialect() != Dialect::Postgres) return "";
  if (e.kind == ast::ExprKind::Call) {
    const auto& c = static_cast<const ast::CallExpr&>(e);
    std::string first = c.name.empty() ? "" : norm(c.name[0]);
    if (c.name.size() == 1 && json_type_name(first)) return first;                        // JSON_OBJECT_T(…)
    if (c.name.size() == 2 && json_type_name(first) && norm(c.name[1]) == "PARSE") return first;
    if (c.name.size() == 1 && first == "TREAT" && c.args.size() == 1) {
      std::string tail = rewrite::upper(sql::compact_text(c.args[0].tail));
      if (tail.rfind("AS ", 0) == 0 && json_type_name(tail.substr(3))) return tail.substr(3);
    }
  }
  auto t = type_of(e);
  if (t && t->sql == "jsonb" && json_type_name(t->oracle)) return t->oracle;
  if (e.kind == ast::ExprKind::Call || e.kind == ast::ExprKind::Postfix) {
    // x.get_object(k) / x.get_array(k) / x.get(k) on a JSON value: JSON again.
    std::string method;
    const ast::Expr* base = nullptr;
    if (e.kind == ast::ExprKind::Call) {
      const auto& c = static_cast<const ast::CallExpr&>(e);
      if (c.name.size() < 2) return "";
      method = norm(c.name.back());
      std::vector<ast::Ident> prefix(c.name.begin(), c.name.end() - 1);
      auto pt = path_type(prefix, 0);
      if (!pt || pt->sql != "jsonb") return "";
    } else {
      const auto& p = static_cast<const ast::PostfixExpr&>(e);
      if (p.selectors.empty()) return "";
      size_t last = p.selectors.size() - 1;
      if (p.selectors[last].kind == ast::SelectorKind::Args && last > 0) --last;
      if (p.selectors[last].kind != ast::SelectorKind::Field) return "";
      method = norm(p.selectors[last].name);
      base = p.base.get();
      if (last > 0 || json_kind(*base).empty()) return "";
    }
    if (method == "GET_OBJECT") return "JSON_OBJECT_T";
    if (method == "GET_ARRAY") return "JSON_ARRAY_T";
    if (method == "GET") return "JSON_ELEMENT_T";
  }
  return "";
}

// Constructors, PARSE and TREAT(x AS JSON_…): the jsonb value; nullopt for anything else.
std::optional<std::string> Lowerer::json_construct(const ast::CallExpr& c, rewrite::SqlWriter& w) const {
  if (dialect() != Dialect::Postgres || c.name.empty()) return std::nullopt;
  std::string first = norm(c.name[0]);
  if (c.name.size() == 1 && first == "TREAT" && c.args.size() == 1 && !json_kind(c).empty()) return w.expr(*c.args[0].value);
  if (!json_type_name(first)) return std::nullopt;
  bool parse = c.name.size() == 2 && norm(c.name[1]) == "PARSE";
  if (c.name.size() != 1 && !parse) return std::nullopt;
  if (c.args.empty() && !parse) return std::string(first == "JSON_ARRAY_T" ? "'[]'::jsonb" : "'{}'::jsonb");
  if (c.args.size() != 1) return std::nullopt;
  const ast::Expr& a = *c.args[0].value;
  if (!parse && !json_kind(a).empty()) return w.expr(a);  // JSON_OBJECT_T(elem): the same data
  return "(" + w.expr(a) + ")::jsonb";
}

// base.method(args) on a JSON value, as an expression.
std::optional<std::string> Lowerer::json_method(const std::string& base, const std::string& kind, const std::string& method,
                                                const std::vector<const ast::Expr*>& args, Span span,
                                                rewrite::SqlWriter& w) const {
  auto key = [&](const ast::Expr& k) {
    // An array's position is a number (0 first, as jsonb's); an object's key is text.
    bool position = kind == "JSON_ARRAY_T" || (kind != "JSON_OBJECT_T" && oracle_family_of(k) == "NUMBER");
    return "(" + w.expr(k) + ")" + (position ? "::integer" : "::text");
  };
  const size_t n = args.size();
  if (n == 0) {
    if (method == "TO_STRING" || method == "STRINGIFY" || method == "TO_CLOB")
      return helper_call("orashift_json_text", base);
    if (method == "IS_OBJECT") return "(jsonb_typeof(" + base + ") = 'object')";
    if (method == "IS_ARRAY") return "(jsonb_typeof(" + base + ") = 'array')";
    if (method == "IS_STRING") return "(jsonb_typeof(" + base + ") = 'string')";
    if (method == "IS_NUMBER") return "(jsonb_typeof(" + base + ") = 'number')";
    if (method == "IS_BOOLEAN") return "(jsonb_typeof(" + base + ") = 'boolean')";
    if (method == "IS_NULL") return "(jsonb_typeof(" + base + ") = 'null')";
    if (method == "IS_SCALAR") return "(jsonb_typeof(" + base + ") NOT IN ('object', 'array'))";
    if (method == "IS_TRUE") return "(" + base + " = 'true'::jsonb)";
    if (method == "IS_FALSE") return "(" + base + " = 'false'::jsonb)";
    // jsonb has no date scalar: a DATE or TIMESTAMP put into it is its ISO text, a string.
    if (method == "IS_DATE" || method == "IS_TIMESTAMP") return "(" + base + " IS NOT NULL AND false)";
    if (method == "GET_SIZE")
      return "(CASE jsonb_typeof(" + base + ") WHEN 'array' THEN jsonb_array_length(" + base +
             ") WHEN 'object' THEN (SELECT count(*)::integer FROM jsonb_object_keys(" + base + ")) END)";
    if (method == "GET_KEYS") return "ARRAY(SELECT jsonb_object_keys(" + base + "))";
    if (method == "TO_NUMBER") return "((" + base + " #>> '{}')::numeric)";
    if (method == "TO_BOOLEAN") return "((" + base + " #>> '{}')::boolean)";
    if (method == "TO_TIMESTAMP") return "((" + base + " #>> '{}')::timestamp)";
    if (method == "TO_DATE") return "((" + base + " #>> '{}')::timestamp(0))";
  }
  if (n == 1) {
    std::string k = key(*args[0]);
    if (method == "GET" || method == "GET_OBJECT" || method == "GET_ARRAY") return "(" + base + " -> " + k + ")";
    if (method == "GET_STRING" || method == "GET_CLOB") return "(" + base + " ->> " + k + ")";
    if (method == "GET_NUMBER") return "((" + base + " ->> " + k + ")::numeric)";
    if (method == "GET_BOOLEAN") return "((" + base + " -> " + k + ")::boolean)";
    if (method == "GET_TIMESTAMP") return "((" + base + " ->> " + k + ")::timestamp)";
    if (method == "GET_DATE") return "((" + base + " ->> " + k + ")::timestamp(0))";
    if (method == "HAS" && kind != "JSON_ARRAY_T") return "(" + base + " ? " + k + ")";
  }
  item(plsql_codes::kNotConvertible, kind + " method " + method + " has no jsonb rendering here", span);
  return std::nullopt;
}

// x.m(…) and x.m where x names a JSON variable (a CallExpr or a NameExpr path).
std::optional<std::string> Lowerer::json_member(const std::vector<ast::Ident>& name, const ast::CallExpr* c, Span span,
                                                rewrite::SqlWriter& w) const {
  if (dialect() != Dialect::Postgres || name.size() < 2) return std::nullopt;
  std::vector<ast::Ident> prefix(name.begin(), name.end() - 1);
  auto t = path_type(prefix, 0);
  if (!t || t->sql != "jsonb" || !json_type_name(t->oracle)) return std::nullopt;
  ast::NameExpr base;
  base.parts = prefix;
  base.span = span;
  auto b = this->name(base, w);
  if (!b) return std::nullopt;
  std::vector<const ast::Expr*> args;
  if (c)
    for (const auto& a : c->args) args.push_back(a.value.get());
  json_note(span);
  return json_method(*b, t->oracle, norm(name.back()), args, span, w);
}

// A chain on a JSON value: JSON_ELEMENT_T.parse(x).get_size, o.get_object('a').get_string('b').
std::optional<std::string> Lowerer::json_postfix(const ast::PostfixExpr& p, rewrite::SqlWriter& w) const {
  std::string kind = json_kind(*p.base);
  if (kind.empty()) return std::nullopt;
  std::string text = w.expr(*p.base);
  for (size_t i = 0; i < p.selectors.size(); ++i) {
    const ast::Selector& s = p.selectors[i];
    if (s.kind != ast::SelectorKind::Field || kind.empty()) return std::nullopt;
    std::vector<const ast::Expr*> args;
    if (i + 1 < p.selectors.size() && p.selectors[i + 1].kind == ast::SelectorKind::Args)
      for (const auto& a : p.selectors[++i].args) args.push_back(a.value.get());
    std::string method = norm(s.name);
    auto m = json_method(text, kind, method, args, p.span, w);
    if (!m) return std::nullopt;
    text = *m;
    kind = method == "GET_OBJECT" ? "JSON_OBJECT_T" : method == "GET_ARRAY" ? "JSON_ARRAY_T" : method == "GET" ? "JSON_ELEMENT_T" : "";
  }
  json_note(p.span);
  return text;
}

void Lowerer::json_note(Span span) const {
  if (std::exchange(json_noted_, true)) return;
  item(plsql_codes::kBehaviour,
       "Oracle's JSON object types → jsonb: a value, not shared data (a variable that is changed is converted only when "
       "no other name can see its data), keys listed in jsonb's order (shorter first) rather than the order they were put",
       span);
}

// v.put(k, x), v.put_null(k), v.append(x), v.append_null, v.remove(k), v.rename_key(a, b) on a
// JSON variable: v := the changed value. True when handled (converted or flagged).
bool Lowerer::json_statement(const ast::PlCall& call, PgBody& out) {
  if (dialect() != Dialect::Postgres) return false;
  std::vector<ast::Ident> name;
  const ast::CallExpr* c = nullptr;
  if (call.call->kind == ast::ExprKind::Call) {
    c = &static_cast<const ast::CallExpr&>(*call.call);
    name = c->name;
  } else if (call.call->kind == ast::ExprKind::Name) {
    name = static_cast<const ast::NameExpr&>(*call.call).parts;
  }
  if (name.size() < 2) return false;
  std::vector<ast::Ident> prefix(name.begin(), name.end() - 1);
  auto t = path_type(prefix, 0);
  if (!t || t->sql != "jsonb" || !json_type_name(t->oracle)) return false;
  std::string method = norm(name.back());
  std::vector<std::string> args;
  if (c)
    for (const auto& a : c->args) args.push_back(expr(*a.value));
  size_t used = 0;
  const Symbol* s = lookup_path(prefix, used);
  std::string var = prefix.size() == 1 ? norm(prefix[0]) : "";
  json_note(call.span);
  if (!s || used != prefix.size() || prefix.size() != 1 || s->kind != SymbolKind::Variable) {
    std::string written;
    for (const auto& p : prefix) written += (written.empty() ? "" : ".") + norm(p);
    item(plsql_codes::kNotConvertible,
         t->oracle + "." + method + " on " + written +
             (s && s->kind == SymbolKind::Parameter
                  ? ", a parameter: Oracle changes the caller's object (the data is shared), jsonb a copy; return the "
                    "changed value (an OUT parameter or the function's result) instead"
                  : ", which is not a local variable: jsonb changes only a variable's own value"),
         call.span);
    return true;
  }
  var = s->ref;
  std::string changed;
  const bool array = t->oracle == "JSON_ARRAY_T";
  if (method == "PUT" && args.size() == 2 && !array) changed = var + " || jsonb_build_object((" + args[0] + ")::text, " + args[1] + ")";
  else if (method == "PUT_NULL" && args.size() == 1 && !array) changed = var + " || jsonb_build_object((" + args[0] + ")::text, NULL)";
  else if (method == "APPEND" && args.size() == 1 && array) changed = var + " || jsonb_build_array(" + args[0] + ")";
  else if (method == "APPEND_NULL" && args.empty() && array) changed = var + " || '[null]'::jsonb";
  else if (method == "REMOVE" && args.size() == 1) changed = var + " - (" + args[0] + (array ? ")::integer" : ")::text");
  else if (method == "RENAME_KEY" && args.size() == 2 && !array)
    changed = "(" + var + " - (" + args[0] + ")::text) || jsonb_build_object((" + args[1] + ")::text, " + var + " -> (" +
              args[0] + ")::text)";
  if (changed.empty()) {
    item(plsql_codes::kNotConvertible, t->oracle + " method " + method + " has no jsonb rendering here", call.span);
    return true;
  }
  std::string oracle_name = norm(prefix[0]);
  if (auto why = json_shared(oracle_name)) {
    item(plsql_codes::kNotConvertible,
         t->oracle + "." + method + " changes " + oracle_name + ", whose data " + *why +
             ": in Oracle the change is seen through both names, with jsonb only through " + oracle_name +
             "; build the value with one variable, or assign the changed value back to the other",
         call.span);
    return true;
  }
  out.push_back(PgStmt::simple(var + " := " + changed, call.span));
  return true;
}

// Why `var`'s data may be shared with another name in the routine being converted: an
// assignment to it of something other than a fresh value, or of it to something else. Read from
// the routine's text (errs towards "shared"); nullopt when confined.
std::optional<std::string> Lowerer::json_shared(const std::string& var) const {
  if (!routine_span_.file) return std::string("cannot be followed here");
  std::string text = upper_text(routine_span_.text());
  for (size_t at = text.find(var); at != std::string::npos; at = text.find(var, at + 1)) {
    if (!whole_name_at(text, at, var)) continue;
    size_t after = text.find_first_not_of(" \t\r\n", at + var.size());
    if (after != std::string::npos && text[after] == '.') continue;  // var.method(…)
    if (after != std::string::npos && text.compare(after, 2, ":=") == 0) {
      size_t v = text.find_first_not_of(" \t\r\n", after + 2);
      std::string value = text.substr(v, text.find(';', v) - v);
      bool fresh = value.rfind("JSON_", 0) == 0 || value.rfind("NEW JSON_", 0) == 0;
      if (fresh && value.find("PARSE") == std::string::npos) {
        // JSON_OBJECT_T(x): fresh when x is text, the same data when x is a JSON value.
        size_t open = value.find('('), close = value.rfind(')');
        std::string inner = open == std::string::npos || close == std::string::npos ? "" : value.substr(open + 1, close - open - 1);
        inner.erase(0, inner.find_first_not_of(' '));
        inner.erase(inner.find_last_not_of(' ') + 1);
        const Symbol* x = inner.empty() ? nullptr : scope_.find(inner);
        fresh = inner.empty() || inner.find('\'') != std::string::npos || (x && x->type.sql != "jsonb");
      }
      if (!fresh) return "comes from " + value.substr(0, 60);
      continue;
    }
    // Anything else: read, passed on or assigned elsewhere. A read is a copy unless it is the
    // whole value of an assignment or an argument (x := var; p(var)).
    size_t before = text.find_last_not_of(" \t\r\n", at == 0 ? 0 : at - 1);
    if (before != std::string::npos && before > 0 && text.compare(before - 1, 2, ":=") == 0) return std::string("is assigned to another name");
    if (before != std::string::npos && (text[before] == '(' || text[before] == ',') && after != std::string::npos &&
        (text[after] == ')' || text[after] == ','))
      return std::string("is passed to a routine");
  }
  return std::nullopt;
}

}  // namespace orashift::plsql
