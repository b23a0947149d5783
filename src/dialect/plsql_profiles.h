#pragma once
// The PL/SQL converter's target profiles (convert/plsql/profile.h): what each target's
// procedural language can do. nullptr: the target is not handled by the converter yet.
#include "convert/plsql/profile.h"

namespace orashift {

const plsql::Profile* plsql_profile(Dialect dialect);

}  // namespace orashift
