#pragma once
// DMS source filters compiled against one table: which rows a selection keeps.
// Semantics (DMS "Using source filters"): the conditions of a filter are OR'ed, the filters
// of a rule are AND'ed. NULL never satisfies eq/noteq/gte/lte/between/notbetween (as in
// SQL, and as DMS pushes the filter into the source query); only null/notnull test for it.
// between and notbetween include both ends.
// When several include rules with filters select the same table, orashift keeps a row that
// any of them keeps (see docs/tasks.md): each rule is one alternative.
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "load/endpoint.h"
#include "load/task/table_mappings.h"
#include "load/task/typed_value.h"

namespace orashift {

struct CompiledCondition {
  FilterOperator op = FilterOperator::Eq;
  std::optional<TypedConstant> value;  // eq/noteq/gte/lte; start of between/notbetween
  std::optional<TypedConstant> end;    // end of between/notbetween
  bool matches(const ColumnVector& v, size_t row) const;
};

struct ColumnFilter {
  std::string column;
  size_t index = 0;  // position of the column in the batch (source catalog order until rebound)
  std::vector<CompiledCondition> conditions;  // OR'ed
  bool matches(const ColumnVector& v, size_t row) const;
};

class RowFilter {
public:
  bool empty() const { return alternatives_.empty(); }
  // One rule's filters (AND'ed); alternatives are OR'ed.
  void add_alternative(std::vector<ColumnFilter> all_of) { alternatives_.push_back(std::move(all_of)); }
  const std::vector<std::vector<ColumnFilter>>& alternatives() const { return alternatives_; }

  // True when the row is selected. An empty filter keeps every row.
  bool keep(const Batch& batch, size_t row) const;
  // Re-points column indexes at a reader's column list (by name). False, naming the first
  // missing column, when a filter column is not read: the reader must read it.
  bool bind(const std::vector<LoadColumn>& read_columns, std::string* missing = nullptr);
  // Source column names the filter needs.
  std::vector<std::string> columns() const;
  // The filter as a SQL condition (double-quoted identifiers, ANSI literals: numbers bare,
  // text quoted, dates as TIMESTAMP '…'), for sources that can filter themselves; nullopt
  // when it holds a RAW comparison, which has no portable literal.
  std::optional<std::string> to_sql() const;

private:
  std::vector<std::vector<ColumnFilter>> alternatives_;
};

// Compiles one DMS filter for `table` (whose load columns are `columns`, in catalog order).
// Errors (unknown column, a value that is not of the column's type, a LOB column) go to
// `issues` with the filter's JSON path.
std::optional<ColumnFilter> compile_filter(const SourceFilterDef& def, const Table& table,
                                           const std::vector<LoadColumn>& columns, const std::string& rule_id,
                                           TaskIssues& issues);

}  // namespace orashift
