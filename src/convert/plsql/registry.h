#pragma once
// Every PL/SQL unit of a source, indexed before any body is converted: a call, a package
// variable or an exception of another unit is then known by its declaration (procedure or
// function, parameter names and modes, type, SQLSTATE), not guessed from its spelling.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "convert/plsql/cond_comp.h"
#include "sql/ast_plsql.h"

namespace orashift::plsql {

struct RoutineDecl {
  std::string package;  // Oracle name of the package, "" for a standalone routine
  std::string name;
  const sql::ast::PlSubprogram* sub = nullptr;
  std::string target = {};  // the quoted target name when it is not package.name (hoisted nested subprograms)
  // Hoisted nested subprograms: the enclosing routine's variables they read, passed by name as
  // trailing parameters of the same name, in parameter order.
  struct Captured {
    std::string oracle_name, param;  // param: the parameter's (and the caller's variable's) quoted name
    bool inout = false;              // the subprogram (or one it calls) writes it
  };
  std::vector<Captured> captured = {};
  // A nested function that writes a name of its enclosing routine, lowered as a procedure with an
  // INOUT "orashift_result": only `v := f(…)` calls it (Lowerer::procedure_assign).
  bool as_procedure = false;
  // Set when the target cannot tell this overload from an earlier one (overloads.h): its own name.
  std::string overload_name = {};
  bool is_function() const { return sub->is_function; }
};

struct PackageDecls {
  std::string name;
  const sql::ast::CreatePackage* spec = nullptr;
  const sql::ast::CreatePackage* body = nullptr;
  std::map<std::string, std::vector<RoutineDecl>> routines;  // spec and body members
  std::map<std::string, const sql::ast::PlVariable*> variables;
  std::map<std::string, const sql::ast::PlExceptionDecl*> exceptions;
  std::map<std::string, const sql::ast::PlDecl*> types;  // PlTypeDecl or PlSubtype
  std::map<std::string, const sql::ast::PlCursorDecl*> cursors;
  std::map<std::string, long> exception_codes;  // PRAGMA EXCEPTION_INIT(e, code)
};

struct Registry {
  CondCompiler* cond = nullptr;  // settles $IF in package declarations (may be null)
  std::map<std::string, PackageDecls> packages;
  std::map<std::string, std::vector<RoutineDecl>> routines;  // standalone
  std::map<std::string, const sql::ast::CreateType*> object_types;
  // INDEX BY PLS_INTEGER types ("OWNER.TYPE": the declaring package, or the standalone routine
  // for its local types) whose collections some unit deletes single elements of (x.DELETE(i)),
  // or that another type holds (a record's field, a collection's element): emulated as maps
  // (sparse, their indexes kept inside an enclosing map's jsonb), not arrays (sparse_scan.cpp).
  std::set<std::string> sparse_types;
  // Some unit writes a globally accessed application context (global_context_scan.cpp).
  bool global_contexts = false;
  // Tables some unit creates at run time by a literal dynamic CREATE TABLE (runtime_table_scan.cpp).
  std::set<std::string> runtime_tables;
  // The packages' EXCEPTION_INIT codes with no PostgreSQL error: their own SQLSTATE → the code
  // (SQLCODE gives the code back).
  std::map<std::string, long> unmapped_exception_codes;

  void add(const sql::ast::Statement& unit);
  const PackageDecls* package(const std::string& name) const;
  // The routines a call names: pkg.f, f (standalone, or a member of `current_package`).
  const std::vector<RoutineDecl>* routines_named(const std::vector<std::string>& parts,
                                                 const std::string& current_package) const;
  // An object type and its supertypes, root first (UNDER followed upwards; a missing supertype
  // ends the chain, so the first entry is then not a root: `complete` says whether it is).
  std::vector<const sql::ast::CreateType*> type_chain(const std::string& name, bool* complete = nullptr) const;
  // Object type hierarchies (types UNDER others): the direct subtypes of `name` (by name), every
  // descendant with `name` first (depth first), and the root of the hierarchy `name` is in — ""
  // when no type is UNDER it and it is UNDER none (a plain object type).
  std::vector<std::string> subtypes(const std::string& name) const;
  std::vector<std::string> descendants(const std::string& name) const;
  std::string hierarchy_root(const std::string& name) const;
private:
  mutable std::map<std::string, std::vector<std::string>> subtypes_;  // built on first use after add()
  mutable bool subtypes_built_ = false;

public:
  // A type body's methods by type name (the specs declare them, the bodies implement them).
  std::map<std::string, const sql::ast::CreateTypeBody*> type_bodies;
};

// Adds to `out` the INDEX BY PLS_INTEGER types a unit deletes single elements of, or that its
// record and collection types hold (sparse_scan.cpp);
// `spec`: for a package body, its specification's declarations when already indexed.
void mark_sparse_types(const sql::ast::Statement& unit, const PackageDecls* spec, std::set<std::string>& out);
// A unit calling DBMS_SESSION.SET_CONTEXT / CLEAR_CONTEXT with a client identifier (global_context_scan.cpp).
bool writes_global_context(const sql::ast::Statement& unit);
// Adds the tables a unit creates with EXECUTE IMMEDIATE 'CREATE … TABLE t …' (runtime_table_scan.cpp).
void add_runtime_tables(const sql::ast::Statement& unit, std::set<std::string>& out);

// Oracle's normalisation of a written identifier (upper case unless quoted).
std::string norm(const sql::ast::Ident& i);
// norm(a) == norm(b), without building either (method and parameter matching compares many).
bool same_name(const sql::ast::Ident& a, const sql::ast::Ident& b);

}  // namespace orashift::plsql
