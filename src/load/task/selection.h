#pragma once
// Applies DMS table mappings to a source catalog: which tables a task loads, in what order,
// under which target names, with which columns, rows (source filters) and table settings.
//
// Decisions, each checked against the DMS user guide and listed in docs/tasks.md:
// - Names match case-sensitively, as DMS documents for selection and transformation rules.
// - A table is selected when an include or explicit rule matches it and no exclude rule
//   does: exclude wins, whatever the rule order.
// - Order: load-order descending (higher first), ties by source schema and table name.
// - Transformations: DMS applies one rule per object; when several match the same object
//   the lowest rule-id is the one applied. orashift applies the lowest rule-id per object
//   and per kind of effect (name, presence, data type, primary key, each added column), so
//   a column may be renamed by one rule and retyped by another; the others are reported as
//   shadowed.
// - A name a rule produced is kept verbatim (exactly as DMS writes it); a name no rule
//   touched goes through common/naming.h target_name() (SALES → sales), orashift's
//   convention for every target.
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "load/endpoint.h"
#include "load/task/range_segments.h"
#include "load/task/source_filter.h"
#include "load/task/table_mappings.h"

namespace orashift {

struct PlannedColumn {
  std::string source_name;   // empty for an added column
  std::string target_name;
  OracleType type;           // the source type, or the one a rule set (as an Oracle type)
  std::optional<DmsDataType> dms_type;  // set by change-data-type / add-column
  std::string expression;    // add-column: the DMS expression text (empty: NULL)
  bool added = false;
  int64_t name_rule = -1, type_rule = -1, add_rule = -1;  // rule-ids that shaped it, -1 = none
};

struct PlannedPrimaryKey {
  std::string name;
  bool unique_index = false;
  std::vector<std::string> columns;  // target column names
  int64_t rule = -1;                 // -1: the source's own primary key
};

struct PlannedTable {
  const Table* source = nullptr;
  std::string source_schema, source_table;
  std::string target_schema, target_table;
  bool schema_named = false;  // target_schema comes from a schema rule or TargetSchema
  int64_t load_order = 0;
  std::vector<PlannedColumn> columns;          // target order: kept source columns, then added
  std::vector<std::string> removed_columns;    // source columns not loaded
  std::optional<PlannedPrimaryKey> primary_key;
  RowFilter filter;                            // empty: every row
  std::optional<ParallelLoad> parallel_load;   // from a table-settings rule
  std::optional<RangeSegments> ranges;         // compiled when parallel_load is ranges
  std::optional<LobSettings> lob_settings;
  std::vector<int64_t> selected_by;            // include/explicit rule-ids that matched
  std::string label() const { return source_schema.empty() ? source_table : source_schema + "." + source_table; }
};

struct TaskPlan {
  std::vector<PlannedTable> tables;  // load order
  TaskIssues issues;
  bool ok() const { return !issues.has_errors(); }
  const PlannedTable* find(std::string_view source_table) const;
};

struct PlanOptions {
  // Schema of catalog tables that carry none (scripts without a schema prefix): selection
  // rules match against it. The oracle-files source knows it from the installer scripts.
  std::string default_schema;
  // TargetMetadata.TargetSchema: the target schema of tables no schema rule renamed.
  std::string target_schema;
};

TaskPlan plan_task(const Catalog& source, const TableMappings& mappings, const PlanOptions& options = {});

}  // namespace orashift
