#pragma once
// Oracle partitioning → PostgreSQL declarative partitions (RANGE, LIST, HASH; INTERVAL as the
// range partitions the script lists plus a DEFAULT partition for the rest). Bounds are
// translated from their Oracle text (numbers, strings, MAXVALUE/DEFAULT, TO_DATE with a mask);
// a bound that cannot be translated makes the whole table unpartitioned, with the reason.
#include <optional>
#include <string>

#include "catalog/catalog.h"

namespace orashift {

struct PartitionDdl {
  std::string clause;       // " PARTITION BY RANGE (\"time_id\")", appended to CREATE TABLE
  std::string partitions;   // CREATE TABLE … PARTITION OF … statements
  std::string note;         // what was not kept (subpartitions, interval), "" if nothing
};

// nullopt with `why` set when the table must be created whole instead.
std::optional<PartitionDdl> postgres_partitions(const Table& table, std::string& why);

// Translates one Oracle partition bound value; nullopt when it is not a constant we understand.
std::optional<std::string> partition_bound_value(std::string_view oracle_text);

}  // namespace orashift
