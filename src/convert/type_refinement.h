#pragma once
// Catalog-level type decisions that need more than one column: a foreign-key column declared
// as unconstrained NUMBER takes the precise type of the key it references. Oracle compares
// NUMBERs whatever their precision, but PostgreSQL cannot build a foreign key between NUMERIC
// and INTEGER, and Redshift joins integers much faster than NUMERIC(38,10).
#include "assess/action_item.h"
#include "catalog/catalog.h"
#include "convert/type_mapping.h"

namespace orashift {

// Refines `catalog` in place; each change is recorded as an OS1005 item for `dialect`.
void refine_key_types(Catalog& catalog, Dialect dialect, ActionItems& items);

}  // namespace orashift
