#include "convert/plsql/registry.h"

#include <algorithm>
#include <cstdlib>

#include "catalog/catalog.h"
#include "common/ascii.h"
#include "convert/plsql/builtin_support.h"
#include "convert/query/sql_writer.h"
#include "sql/parser.h"

namespace orashift::plsql {

namespace ast = sql::ast;

std::string norm(const ast::Ident& i) { return normalize_identifier(i.text); }

bool same_name(const ast::Ident& a, const ast::Ident& b) {
  auto folded = [](std::string_view raw, bool& quoted) {
    quoted = raw.size() >= 2 && raw.front() == '"' && raw.back() == '"';
    return quoted ? raw.substr(1, raw.size() - 2) : raw;
  };
  bool qa = false, qb = false;
  std::string_view x = folded(a.text, qa), y = folded(b.text, qb);
  if (x.size() != y.size()) return false;
  for (size_t k = 0; k < x.size(); ++k)
    if ((qa ? x[k] : ascii_upper(x[k])) != (qb ? y[k] : ascii_upper(y[k]))) return false;
  return true;
}

namespace {

void index_decls(PackageDecls& p, const std::vector<const ast::PlDecl*>& decls) {
  for (const ast::PlDecl* d : decls) {
    switch (d->kind) {
      case ast::PlDeclKind::Variable: {
        auto& v = static_cast<const ast::PlVariable&>(*d);
        p.variables[norm(v.name)] = &v;
        break;
      }
      case ast::PlDeclKind::Exception: {
        auto& e = static_cast<const ast::PlExceptionDecl&>(*d);
        p.exceptions[norm(e.name)] = &e;
        break;
      }
      case ast::PlDeclKind::Type: p.types[norm(static_cast<const ast::PlTypeDecl&>(*d).name)] = d; break;
      case ast::PlDeclKind::Subtype: p.types[norm(static_cast<const ast::PlSubtype&>(*d).name)] = d; break;
      case ast::PlDeclKind::Cursor: {
        auto& c = static_cast<const ast::PlCursorDecl&>(*d);
        if (!p.cursors.count(norm(c.name)) || c.query) p.cursors[norm(c.name)] = &c;
        break;
      }
      case ast::PlDeclKind::Pragma: {
        auto& pr = static_cast<const ast::PlPragma&>(*d);
        if (rewrite::upper(pr.name.text) != "EXCEPTION_INIT" || pr.args.size() != 2) break;
        if (pr.args[0]->kind != ast::ExprKind::Name) break;
        std::string e = normalize_identifier(static_cast<const ast::NameExpr&>(*pr.args[0]).parts.back().text);
        std::string code = sql::compact_text(pr.args[1]->span);
        code.erase(std::remove(code.begin(), code.end(), ' '), code.end());
        char* end = nullptr;
        long v = std::strtol(code.c_str(), &end, 10);
        if (end && *end == '\0') p.exception_codes[e] = v;
        break;
      }
      case ast::PlDeclKind::Subprogram: {
        auto& s = static_cast<const ast::PlSubprogramDecl&>(*d).sub;
        std::string name = norm(s.name.name());
        auto& list = p.routines[name];
        // A body's definition replaces the spec's declaration of the same overload position, and a
        // spec read after its body (files sorted .pkb before .pks) adds nothing the body defines.
        bool replaced = false;
        for (auto& r : list)
          if (!r.sub->body != !s.body && r.sub->params.size() == s.params.size() && r.sub->is_function == s.is_function) {
            if (s.body) r.sub = &s;
            replaced = true;
            break;
          }
        if (!replaced) list.push_back({p.name, name, &s});
        break;
      }
      case ast::PlDeclKind::CondComp: break;
    }
  }
}

}  // namespace

void Registry::add(const ast::Statement& unit) {
  global_contexts = global_contexts || writes_global_context(unit);
  add_runtime_tables(unit, runtime_tables);
  if (unit.kind == ast::StmtKind::CreatePackage && static_cast<const ast::CreatePackage&>(unit).body) {
    auto& body = static_cast<const ast::CreatePackage&>(unit);
    mark_sparse_types(unit, package(norm(body.name.name())), sparse_types);
  } else {
    mark_sparse_types(unit, nullptr, sparse_types);
  }
  switch (unit.kind) {
    case ast::StmtKind::CreatePackage: {
      auto& p = static_cast<const ast::CreatePackage&>(unit);
      std::string name = norm(p.name.name());
      PackageDecls& decls = packages[name];
      decls.name = name;
      (p.body ? decls.body : decls.spec) = &p;
      std::vector<const ast::PlDecl*> list;
      if (cond) {
        list = cond->expand(p.block.decls, name);
      } else {
        for (const auto& d : p.block.decls) list.push_back(d.get());
      }
      index_decls(decls, list);
      for (const auto& [e, code] : decls.exception_codes)
        if (sqlstate_of_oracle_code(code).empty()) unmapped_exception_codes.emplace(unmapped_sqlstate(code), code);
      break;
    }
    case ast::StmtKind::CreateSubprogram: {
      auto& s = static_cast<const ast::CreateSubprogram&>(unit);
      std::string name = norm(s.sub.name.name());
      routines[name].push_back({"", name, &s.sub});
      break;
    }
    case ast::StmtKind::CreateType: {
      auto& t = static_cast<const ast::CreateType&>(unit);
      if (t.def != ast::TypeDefKind::Incomplete) object_types[norm(t.name.name())] = &t;
      subtypes_built_ = false;
      break;
    }
    case ast::StmtKind::CreateTypeBody: {
      auto& b = static_cast<const ast::CreateTypeBody&>(unit);
      type_bodies[norm(b.name.name())] = &b;
      break;
    }
    default: break;
  }
}

std::vector<const ast::CreateType*> Registry::type_chain(const std::string& name, bool* complete) const {
  std::vector<const ast::CreateType*> chain;
  std::string at = name;
  if (complete) *complete = true;
  while (chain.size() < 32) {
    auto it = object_types.find(at);
    if (it == object_types.end()) {
      if (complete) *complete = false;
      break;
    }
    chain.insert(chain.begin(), it->second);
    if (it->second->def != ast::TypeDefKind::Under) break;
    at = norm(it->second->supertype.name());
  }
  return chain;
}

std::vector<std::string> Registry::subtypes(const std::string& name) const {
  if (!subtypes_built_) {
    subtypes_.clear();
    for (const auto& [n, t] : object_types)
      if (t->def == ast::TypeDefKind::Under) subtypes_[norm(t->supertype.name())].push_back(n);
    subtypes_built_ = true;
  }
  auto it = subtypes_.find(name);
  return it == subtypes_.end() ? std::vector<std::string>{} : it->second;
}

std::vector<std::string> Registry::descendants(const std::string& name) const {
  std::vector<std::string> out{name};
  for (size_t i = 0; i < out.size() && out.size() < 512; ++i)
    for (auto& s : subtypes(out[i])) out.push_back(std::move(s));
  return out;
}

std::string Registry::hierarchy_root(const std::string& name) const {
  auto chain = type_chain(name);
  if (chain.empty()) return "";
  if (chain.size() == 1 && subtypes(name).empty()) return "";
  return norm(chain.front()->name.name());
}

const PackageDecls* Registry::package(const std::string& name) const {
  auto it = packages.find(name);
  return it == packages.end() ? nullptr : &it->second;
}

const std::vector<RoutineDecl>* Registry::routines_named(const std::vector<std::string>& parts,
                                                         const std::string& current_package) const {
  if (parts.size() == 1) {
    if (!current_package.empty())
      if (const PackageDecls* p = package(current_package)) {
        auto it = p->routines.find(parts[0]);
        if (it != p->routines.end()) return &it->second;
      }
    auto it = routines.find(parts[0]);
    return it == routines.end() ? nullptr : &it->second;
  }
  // pkg.f, or schema.f / schema.pkg.f (the schema is dropped: units land in one database).
  const std::string& last = parts.back();
  const std::string& qual = parts[parts.size() - 2];
  if (const PackageDecls* p = package(qual)) {
    auto it = p->routines.find(last);
    if (it != p->routines.end()) return &it->second;
    return nullptr;
  }
  if (parts.size() == 2) {
    auto it = routines.find(last);
    if (it != routines.end()) return &it->second;
  }
  return nullptr;
}

}  // namespace orashift::plsql
