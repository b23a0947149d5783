// Which INDEX BY PLS_INTEGER collection types become maps (lower_map.cpp) rather than dense
// arrays, so that COUNT, FIRST, NEXT and EXISTS see gaps as Oracle does:
// - the source uses them sparsely: a unit deletes a single element (x.DELETE(i) or
//   x.DELETE(i, j)) of a collection x of that type;
// - another type holds them (a record's field, a collection's element): such a collection is
//   stored inside a map's jsonb when its holder is an element of one, and jsonb keeps an array's
//   elements, not its indexes (lines(200) would come back as lines(1)); as a map nested in the
//   map's jsonb it keeps them (docs/plsql.md "Associative arrays", nested collections).
// Every other integer-indexed collection stays a dense array. Read from the tree before any body
// is converted, so every unit agrees on the type's representation.
#include "convert/plsql/registry.h"
#include "convert/plsql/stmt_walk.h"

namespace orashift::plsql {

namespace ast = sql::ast;

namespace {

struct SparseScan {
  std::string owner;                                   // the package, or the standalone routine
  std::map<std::string, const ast::PlType*> declared;  // variables and parameters in scope → their types
  std::vector<const ast::PlType*> deleted;             // declared types of the collections deleted from
  std::vector<const ast::PlType*> held;                // types of record fields and collection elements

  void params(const ast::PlSubprogram& s) {
    auto outer = declared;  // the subprogram's names end with it
    for (const auto& p : s.params) declared[norm(p.name)] = &p.type;
    if (s.body) block(*s.body);
    declared = std::move(outer);
  }
  void decls(const std::vector<ast::PlDeclPtr>& list) {
    for (const auto& d : list) {
      if (d->kind == ast::PlDeclKind::Variable) {
        auto& v = static_cast<const ast::PlVariable&>(*d);
        declared[norm(v.name)] = &v.type;
      }
      if (d->kind == ast::PlDeclKind::Subprogram) params(static_cast<const ast::PlSubprogramDecl&>(*d).sub);
      if (d->kind == ast::PlDeclKind::Type) {
        auto& t = static_cast<const ast::PlTypeDecl&>(*d);
        if (t.def == ast::PlTypeDefKind::Record)
          for (const auto& f : t.fields) held.push_back(&f.type);
        if (t.def == ast::PlTypeDefKind::Table || t.def == ast::PlTypeDefKind::Varray) held.push_back(&t.element);
      }
    }
  }
  void block(const ast::PlBlock& b) {
    auto outer = declared;
    decls(b.decls);
    body(b.body);
    for (const auto& h : b.handlers) body(h.body);
    declared = std::move(outer);
  }
  void body(const std::vector<ast::PlStmtPtr>& list) {
    walk_statements(
        list,
        [&](const ast::CallExpr& c) {
          if (c.name.size() == 2 && !c.args.empty() && norm(c.name[1]) == "DELETE")
            if (auto it = declared.find(norm(c.name[0])); it != declared.end()) deleted.push_back(it->second);
        },
        [&](const ast::PlBlock& b) { block(b); });
  }
  // "OWNER.TYPE" of each deleted variable's declared type and of each held type (a type of
  // another package: PKG.TYPE). Only INDEX BY PLS_INTEGER types look the names up.
  void mark(std::set<std::string>& out) const {
    std::vector<const ast::PlType*> all = deleted;
    all.insert(all.end(), held.begin(), held.end());
    for (const ast::PlType* t : all) {
      if (!t->attribute.empty()) continue;
      const auto& parts = t->name.parts;
      if (parts.size() == 1) out.insert(owner + "." + norm(parts[0]));
      if (parts.size() == 2) out.insert(norm(parts[0]) + "." + norm(parts[1]));
    }
  }
};

}  // namespace

void mark_sparse_types(const ast::Statement& unit, const PackageDecls* spec, std::set<std::string>& out) {
  SparseScan scan;
  if (unit.kind == ast::StmtKind::CreatePackage) {
    auto& p = static_cast<const ast::CreatePackage&>(unit);
    scan.owner = norm(p.name.name());
    if (spec)  // a body's routines also delete from the specification's variables
      for (const auto& [name, v] : spec->variables) scan.declared[name] = &v->type;
    scan.block(p.block);
  } else if (unit.kind == ast::StmtKind::CreateSubprogram) {
    auto& s = static_cast<const ast::CreateSubprogram&>(unit);
    scan.owner = norm(s.sub.name.name());
    scan.params(s.sub);
  } else {
    return;
  }
  scan.mark(out);
}

}  // namespace orashift::plsql
