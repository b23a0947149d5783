#pragma once
// One side of a table's validation. Rows are put into partitions by a hash of their key (the
// same on both sides), and each side reports, per partition, its row count and the sum of its
// rows' hashes — order-independent, so the two sides never have to sort alike. Partitions that
// differ are then read back row by row (key and canonical row text only) to name the rows.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "load/endpoint.h"
#include "load/task/source_filter.h"
#include "validate/canonical.h"

namespace orashift {

using UInt128 = unsigned __int128;

struct PartitionDigest {
  uint64_t rows = 0;
  UInt128 hash_sum = 0;
  bool operator==(const PartitionDigest&) const = default;
};

struct SideDigest {
  std::vector<PartitionDigest> partitions;
  uint64_t rows = 0;
  uint64_t unreadable = 0;  // streamed source rows its reader refused (the load rejected them too)
};

// Canonical key text → canonical texts of the rows with that key (more than one only when
// the side does not enforce the key).
using RowImages = std::map<std::string, std::vector<std::string>>;

// What is compared: the columns in source order and the positions of the key columns.
struct TableShape {
  std::vector<CanonicalColumn> columns;
  std::vector<size_t> key;
};

class ValidationSide {
public:
  virtual ~ValidationSide() = default;
  // Rows as far as known cheaply (COUNT(*), or a source's estimate; 0 when unknown): sizes
  // the partitions.
  virtual uint64_t row_count_hint() = 0;
  virtual SideDigest digest(uint64_t partition_count) = 0;
  virtual RowImages rows_of(const std::vector<uint64_t>& partitions, uint64_t partition_count) = 0;
};

using QueryFn = std::function<QueryResult(const std::string&)>;

// A side that computes everything by SQL where the data is ("postgres" or "duckdb").
// `table_sql` and `column_sql` are quoted identifiers, column_sql in shape.columns' order;
// `where_sql` (may be empty) keeps only the rows a load's source filter selected.
std::unique_ptr<ValidationSide> make_sql_side(QueryFn query, std::string dialect, std::string table_sql,
                                              std::vector<std::string> column_sql, TableShape shape,
                                              std::string where_sql = "");

// A side that streams a source's reader over `units` and hashes in C++, keeping the rows
// `filter` keeps (its column indexes in the table's column order).
std::unique_ptr<ValidationSide> make_stream_side(const SourceEndpoint& source, const Table& table,
                                                 std::vector<LoadUnit> units, TableShape shape, RowFilter filter = {});

// The partition of a canonical key text.
inline uint64_t partition_of(std::string_view key_text, uint64_t partition_count) {
  return hash60(key_text) % partition_count;
}

std::string uint128_text(UInt128 v);

}  // namespace orashift
