#include "convert/plsql/overloads.h"

#include <map>
#include <set>

#include "common/naming.h"
#include "convert/plsql/pl_type.h"
#include "convert/query/sql_writer.h"
#include "sql/parser.h"

namespace orashift::plsql {

namespace ast = sql::ast;

// A parameter's type as the target identifies routines by: the mapped type without (…), or the
// written text of a type the converter resolves later (a user type, %TYPE); the types of an
// object type hierarchy are all its root's composite (lower_hierarchy.cpp).
std::string identity_type(const ast::PlType& t, Dialect dialect, const TypeMappingSettings& settings,
                          const Registry& registry) {
  TypeInfo info = builtin_type(t, dialect, settings);
  if (!info.problem.empty()) {
    if (t.attribute.empty() && !t.name.parts.empty()) {
      std::string root = registry.hierarchy_root(norm(t.name.parts.back()));
      if (!root.empty()) return "?" + root;
    }
    return "?" + rewrite::upper(sql::compact_text(t.span));
  }
  std::string out;
  int depth = 0;
  for (char c : info.sql) {
    if (c == '(') ++depth;
    else if (c == ')') --depth;
    else if (depth == 0) out += c;
  }
  return out;
}

namespace {

std::string identity(const ast::PlSubprogram& s, Dialect dialect, const TypeMappingSettings& settings,
                     const Registry& registry) {
  std::string key;
  for (const auto& p : s.params) {
    std::string mode = rewrite::upper(p.mode);
    // A function's OUT arguments are not part of its identity; a procedure's are (PostgreSQL 14+).
    if (s.is_function && mode.find("OUT") != std::string::npos && mode.find("IN") == std::string::npos) continue;
    key += identity_type(p.type, dialect, settings, registry) + ",";
  }
  return key;
}

}  // namespace

std::string oracle_signature(const ast::PlSubprogram& s) {
  std::string key = s.is_function ? "F(" : "P(";
  for (const auto& p : s.params) {
    // IN is the default mode; NOCOPY is a hint.
    std::string mode;
    for (char c : rewrite::upper(p.mode))
      if (c != ' ') mode += c;
    if (auto at = mode.find("NOCOPY"); at != std::string::npos) mode.erase(at, 6);
    if (mode.empty()) mode = "IN";
    key += norm(p.name) + " " + mode + " " + rewrite::upper(sql::compact_text(p.type.span)) + ",";
  }
  return key + ")";
}

void name_merged_overloads(Registry& registry, Dialect dialect, const TypeMappingSettings& settings) {
  for (auto& [pkg, decls] : registry.packages)
    for (auto& [name, list] : decls.routines) {
      if (list.size() < 2) continue;
      std::map<std::string, size_t> first;  // identity → the overload that keeps the plain name
      std::set<std::string> seen;           // a package read twice declares the same routine twice
      for (size_t i = 0; i < list.size(); ++i) {
        RoutineDecl& r = list[i];
        if (!r.sub || !seen.insert(oracle_signature(*r.sub)).second) continue;
        if (first.emplace(identity(*r.sub, dialect, settings, registry), i).second) continue;
        r.overload_name = target_name(name) + "$" + std::to_string(i + 1);
        r.target = quote_ident(target_name(pkg)) + "." + quote_ident(r.overload_name);
      }
    }
}

std::optional<std::vector<const ast::Expr*>> argument_slots(const ast::PlSubprogram& sub, const ast::CallExpr* c) {
  const auto& params = sub.params;
  std::vector<const ast::Expr*> slot(params.size(), nullptr);
  size_t n = c ? c->args.size() : 0;
  if (n > params.size()) return std::nullopt;
  for (size_t i = 0; i < n; ++i) {
    const auto& a = c->args[i];
    size_t at = i;
    if (!a.name.empty()) {
      at = params.size();
      for (size_t k = 0; k < params.size(); ++k)
        if (norm(params[k].name) == normalize_identifier(a.name)) at = k;
    }
    if (at >= params.size() || slot[at]) return std::nullopt;
    slot[at] = a.value.get();
  }
  return slot;
}

int family_fit(const std::string& arg, const std::string& param) {
  if (arg.empty() || param.empty()) return 0;
  if (arg == param) return 3;
  auto kind = [](const std::string& f) -> int {
    if (f == "VARCHAR2" || f == "CHAR" || f == "NVARCHAR2") return 1;
    if (f == "NUMBER" || f == "PLS_INTEGER" || f == "BINARY_DOUBLE" || f == "BINARY_FLOAT") return 2;
    if (f == "DATE" || f.rfind("TIMESTAMP", 0) == 0 || f.rfind("INTERVAL", 0) == 0) return 3;
    if (f == "RAW") return 4;
    return 0;
  };
  if (kind(arg) && kind(arg) == kind(param)) return 2;
  // Oracle converts a number, datetime or RAW to VARCHAR2 implicitly but not to CLOB ("Implicit
  // Data Conversion", SQL Language Reference, Table 2-8): of a VARCHAR2 and a CLOB overload only
  // the VARCHAR2 one takes such an argument.
  if (kind(arg) == 1 && (param == "CLOB" || param == "NCLOB")) return 1;  // character data into a CLOB
  return kind(arg) >= 2 && kind(param) == 1 ? 1 : 0;
}

}  // namespace orashift::plsql
