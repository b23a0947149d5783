#pragma once
// PL/SQL units (procedures, functions, packages, triggers, types) → target code objects,
// through the PL/SQL converter (src/convert/plsql). Units are parsed again from their catalog
// spans, indexed together (a call or a package variable of another unit is known by its
// declaration), converted, and returned in apply order: types, package schemas and state,
// routines (before views, which may call them), triggers (placed after views by the caller).
// A unit with an error-level item is written commented out and listed as flagged.
#include <set>
#include <vector>

#include "dialect/ddl_generator.h"

namespace orashift {

struct CodeObjects {
  std::vector<ConvertedObject> before_views;  // types, packages, routines
  std::vector<ConvertedObject> after_views;   // routines declaring a view's %ROWTYPE (its row type must exist)
  std::vector<ConvertedObject> triggers;
  std::vector<FlaggedObject> flagged;
  // Functions a query cannot call on this target (Redshift: converted to procedures): F, PKG.F.
  std::set<std::string> procedure_functions;
  // Functions converted and applied (F, PKG.F): views may call them.
  std::set<std::string> converted_functions;
};

// `handled` (parallel to catalog.unmodelled) is set for every unit this step took; the others
// stay with the DDL generator's OS9001/OS9003 handling.
CodeObjects generate_code_objects(const Catalog& catalog, const ConvertOptions& options, ActionItems& items,
                                  std::vector<bool>& handled);

}  // namespace orashift
