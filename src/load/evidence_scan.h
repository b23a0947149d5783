#pragma once
// The profiling pass behind types from evidence: before the DDL is written, the source's rows
// are read once for the columns that can narrow (convert/type_evidence.h can_narrow), and
// only those columns are parsed; memory stays constant whatever the table size.
#include <cstdint>

#include "convert/type_evidence.h"
#include "load/endpoint.h"

namespace orashift {

// Evidence for every column of `catalog` that can narrow and that the settings file does not
// map per column on `dialect`. `max_rows` > 0 stops each table after that many rows (a sample:
// the evidence is then not complete). Sources that cannot be scanned cheaply give none.
TypeEvidence scan_type_evidence(const SourceEndpoint& source, const Catalog& catalog, Dialect dialect,
                                const TypeMappingSettings& settings, uint64_t max_rows = 0);

}  // namespace orashift
