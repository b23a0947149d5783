// Object type methods Oracle overloads on types the target merges (to_equal(DATE) and
// to_equal(TIMESTAMP), a function and a procedure of one name and arguments): as for package
// routines (overloads.h), the later one gets name$N (N: its position among the declaring type's
// methods of that name), and every call picks the overload Oracle picks from the arguments'
// Oracle types. An OVERRIDING method takes the name of the method it overrides, so that a
// dispatcher reaches every implementation under one name.
#include <set>

#include "common/naming.h"
#include "convert/plsql/lowerer.h"
#include "convert/plsql/overloads.h"
#include "convert/query/sql_writer.h"
#include "sql/parser.h"

namespace orashift::plsql {

using rewrite::upper;

namespace {

bool overriding(const ast::PlSubprogram& s) { return upper(sql::compact_text(s.method_kind)).find("OVERRIDING") != std::string::npos; }

}  // namespace

std::string method_signature(const ast::PlSubprogram& s) {
  std::string out = s.constructor ? "C(" : s.is_function ? "F(" : "P(";
  for (const auto& p : s.params)
    if (!is_self_param(p)) out += upper(sql::compact_text(p.type.span)) + ",";
  return out + ")";
}

const ast::PlSubprogram* Lowerer::spec_method(const std::string& type, const ast::PlSubprogram& m) const {
  auto ot = env_.registry->object_types.find(type);
  if (ot == env_.registry->object_types.end()) return nullptr;
  std::string sig = method_signature(m);
  for (const auto& s : ot->second->methods)
    if (same_name(s.name.name(), m.name.name()) && method_signature(s) == sig) return &s;
  return nullptr;
}

std::string Lowerer::method_name(const std::string& type, const ast::PlSubprogram& m) const {
  std::string name = m.constructor ? type : norm(m.name.name());
  const ast::PlSubprogram* spec = spec_method(type, m);
  if (!spec) return target_name(name);
  // An override is named as the method it overrides, in the nearest supertype declaring it.
  if (overriding(*spec)) {
    auto chain = env_.registry->type_chain(type);
    for (size_t i = chain.size() - 1; i-- > 0;) {
      std::string super = norm(chain[i]->name.name());
      if (const ast::PlSubprogram* up = spec_method(super, *spec)) return method_name(super, *up);
    }
  }
  auto ot = env_.registry->object_types.find(type);
  // The target identities a call may match: the full parameter list and, parameters with a
  // default being omissible, each shorter one (pop(a_cnt DEFAULT 1) is called as pop() too, so
  // it and pop() are one routine to PostgreSQL's CALL).
  std::set<std::string> seen;
  size_t position = 0;
  for (const auto& s : ot->second->methods) {
    if (norm(s.name.name()) != norm(spec->name.name()) || s.constructor != spec->constructor) continue;
    ++position;
    std::vector<std::string> identities{is_static(s) ? "S:" : "M:"};
    for (const auto& p : s.params) {
      if (is_self_param(p)) continue;
      std::string next = identities.back() + identity_type(p.type, dialect(), env_.types, *env_.registry) + ",";
      if (!p.default_value) identities.clear();
      identities.push_back(next);
    }
    bool plain = true;
    for (const auto& id : identities) plain &= seen.insert(id).second;
    if (&s == spec) return plain ? target_name(name) : target_name(name) + "$" + std::to_string(position);
  }
  return target_name(name);
}

// Among the methods a call could mean (same name, the arguments' count fits), the one whose
// parameters fit the arguments' Oracle types best; the first when nothing tells them apart.
const ast::PlSubprogram* Lowerer::pick_method(const std::vector<const ast::PlSubprogram*>& candidates,
                                              const std::vector<const ast::Expr*>& args) const {
  if (candidates.empty()) return nullptr;
  std::vector<const ast::PlSubprogram*> fit = candidates;
  for (size_t i = 0; i < args.size() && fit.size() > 1; ++i) {
    std::string arg = args[i] ? oracle_family_of(*args[i]) : "";
    if (arg.empty()) continue;
    std::vector<int> score;
    int best = 0;
    for (const auto* m : fit) {
      size_t k = 0, seen = 0;
      for (; k < m->params.size(); ++k)
        if (!is_self_param(m->params[k]) && seen++ == i) break;
      score.push_back(k < m->params.size() ? family_fit(arg, param_family(m->params[k].type)) : 0);
      best = std::max(best, score.back());
    }
    if (best == 0) continue;
    std::vector<const ast::PlSubprogram*> kept;
    for (size_t k = 0; k < fit.size(); ++k)
      if (score[k] == best) kept.push_back(fit[k]);
    fit = std::move(kept);
  }
  return fit.front();
}

}  // namespace orashift::plsql
