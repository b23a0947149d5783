#pragma once
// A PostgreSQL source's declarative partitioning in the catalog's model (which is Oracle's:
// RANGE partitions by their upper bounds in order, LIST values, HASH by count), so that the
// converter creates the same partitions on a PostgreSQL target and reports them for DuckDB and
// Redshift like an Oracle table's. Written by hand: it reads the text of pg_get_partkeydef and
// pg_get_expr(relpartbound), which no library parses.
#include <map>
#include <string>

#include "catalog/catalog.h"

namespace orashift {

// `key_def` is pg_get_partkeydef of the parent ("RANGE (sold_at)"), `bounds` each child's
// pg_get_expr(relpartbound) by name ("FOR VALUES FROM ('2020-01-01') TO ('2021-01-01')", "FOR
// VALUES IN (1, 2)", "FOR VALUES WITH (modulus 4, remainder 1)", "DEFAULT"); the children are
// already in `p.partitions` by name. On success sets p.method, p.columns (and p.hash_count), each
// partition's bound_kind and bounds, orders the partitions as the model wants, and returns "".
// Otherwise leaves `p` unpartitioned (method empty) and says why: a key on expressions, a
// sub-partitioned child, RANGE partitions with gaps or a DEFAULT partition, HASH remainders
// missing. A RANGE chain not starting at MINVALUE is widened to it (every source row still fits).
std::string read_pg_partitioning(const std::string& key_def, const std::map<std::string, std::string>& bounds,
                                 Partitioning& p);

}  // namespace orashift
