#pragma once
// Oracle tells overloads apart by type families the target merges: DATE and TIMESTAMP are both
// timestamp, VARCHAR2 and CLOB both text, TIMESTAMP WITH [LOCAL] TIME ZONE both timestamptz. Such
// an overload gets a target name of its own, and each call is resolved at conversion time from
// its arguments' Oracle types, as Oracle resolves it ("Overloaded Subprograms", PL/SQL Language
// Reference); a call whose arguments do not settle it is flagged at the call.
#include <optional>
#include <string>
#include <vector>

#include "convert/plsql/registry.h"
#include "convert/type_mapping.h"

namespace orashift::plsql {

// Every overload of a package whose target signature (argument types, without names or type
// modifiers) equals an earlier one's gets `overload_name` name$2, name$3… (its position among
// the package's routines of that name) and `target` "pkg"."name$2".
void name_merged_overloads(Registry& registry, Dialect dialect, const TypeMappingSettings& settings);

// A parameter's type as the target tells routines apart by ("numeric", "timestamp", "?ROOT" for
// the types of an object type hierarchy, "?T" for another user type).
std::string identity_type(const sql::ast::PlType& t, Dialect dialect, const TypeMappingSettings& settings,
                          const Registry& registry);

// A routine's Oracle declaration (kind, parameter names, modes and written types): two entries
// with the same one are one routine declared twice, not overloads.
std::string oracle_signature(const sql::ast::PlSubprogram& s);

// The argument each parameter of `sub` receives from call `c` (positional, then named), nullptr
// for a parameter given none; nullopt when the call names an unknown parameter, gives one twice or
// gives too many.
std::optional<std::vector<const sql::ast::Expr*>> argument_slots(const sql::ast::PlSubprogram& sub,
                                                                 const sql::ast::CallExpr* c);

// How well an argument of Oracle family `arg` fits a parameter of family `param`: 3 the same
// family, 2 the same kind of value (CHAR for VARCHAR2, PLS_INTEGER for NUMBER, DATE for
// TIMESTAMP), 1 a conversion Oracle makes implicitly to a character type (NUMBER to VARCHAR2,
// VARCHAR2 to CLOB), 0 otherwise or unknown.
int family_fit(const std::string& arg, const std::string& param);

}  // namespace orashift::plsql
