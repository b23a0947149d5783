#pragma once
// DMS parallel-load "ranges": `boundaries` are upper bounds over `columns`, most significant
// column first. Segment 0 holds the rows whose column tuple sorts below boundary 0; segment
// k the rows at or above boundary k-1 and below boundary k; the last boundary's segment all
// the rest. DMS builds exactly these WHERE clauses ("Table and collection settings rules and
// operations", the COL1/COL2/COL3 example): "below" is lexicographic,
//   (C1 < v1) OR (C1 = v1 AND C2 < v2) OR (C1 = v1 AND C2 = v2 AND C3 < v3).
// DMS does not replicate rows with a NULL in a range column. orashift loses no row: they get
// one more segment of their own (null_segment()), documented in docs/tasks.md.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "load/task/table_mappings.h"
#include "load/task/typed_value.h"

namespace orashift {

class RangeSegments {
public:
  static std::optional<RangeSegments> compile(const ParallelLoad& p, const Table& table,
                                              const std::vector<LoadColumn>& columns, const std::string& path,
                                              const std::string& rule_id, TaskIssues& issues);

  // boundaries + 1 value segments, plus the NULL segment.
  size_t segment_count() const { return boundaries_.size() + 2; }
  size_t null_segment() const { return boundaries_.size() + 1; }
  // The segment a row belongs to (columns at their bound indexes, catalog order by default).
  size_t segment_of(const Batch& batch, size_t row) const;
  // The segment as a SQL condition (double-quoted identifiers, ANSI literals). `name` maps a
  // source column name to the one to write (the target's, to delete a segment's rows there).
  using NameMap = std::function<std::string(const std::string&)>;
  std::string where_sql(size_t segment, const NameMap& name = {}) const;
  const std::vector<std::string>& columns() const { return names_; }
  // Re-points column indexes at a reader's column list; false when one is not read.
  bool bind(const std::vector<LoadColumn>& read_columns, std::string* missing = nullptr);

private:
  // Sign of (row tuple - boundary b); no NULLs in the row.
  int compare_row(const Batch& batch, size_t row, size_t b) const;
  std::string below_sql(size_t b, const NameMap& name) const;

  std::vector<std::string> names_;
  std::vector<size_t> indexes_;
  std::vector<std::vector<TypedConstant>> boundaries_;
};

}  // namespace orashift
