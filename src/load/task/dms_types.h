#pragma once
// DMS data types (change-data-type, add-column) expressed as the Oracle type that carries
// the same values, so the existing Oracle → target type mapping (convert/type_mapping.h)
// produces the target column and the loader picks its batch kind as for any source column.
#include "catalog/catalog.h"
#include "load/task/table_mappings.h"

namespace orashift {

OracleType oracle_type_for(const DmsDataType& t);

}  // namespace orashift
