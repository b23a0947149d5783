#pragma once
// From a planned task to what the load needs: the target catalog the DDL is generated from
// (tables and columns renamed, removed, added and retyped by the transformation rules, the
// primary key a rule defined) and, once that catalog is converted, the reader catalog and the
// per-table routes (load/map/table_route.h) that map source rows to target rows.
//
// Names: a name a rule produced is marked verbatim (common/verbatim_name.h) so it reaches the
// target exactly as the rule wrote it; a name no rule touched keeps its Oracle spelling and is
// folded like every other name (SALES → sales).
#include <map>
#include <memory>
#include <string>

#include "catalog/catalog.h"
#include "load/map/table_route.h"
#include "load/task/selection.h"
#include "load/task/task_settings.h"

namespace orashift {

// The catalog name of a planned table / column in the target catalog.
std::string target_catalog_name(const PlannedTable& t);
std::string target_catalog_name(const PlannedColumn& c);

// Checks every add-column expression against its source table before anything is opened:
// an expression outside the evaluated subset is an error naming the rule.
void check_expressions(const TaskPlan& plan, TaskIssues& issues);

// True when transformation rules change the table's name, columns or column types.
bool changes_shape(const PlannedTable& t);

// `selected`: the source tables the task selected (foreign keys to unselected tables dropped).
// Constraints, indexes and partitioning follow renamed columns; those that mention a removed
// column are dropped (each with a warning in `issues`).
Catalog build_target_catalog(const Catalog& selected, const TaskPlan& plan, TaskIssues& issues);

struct LoadModelOptions {
  TargetMetadataSettings lobs;   // SupportLobs, LimitedSizeLobMode, LobMaxSize, FullLobMode
  bool empty_as_null = false;
};

// What the executor and the TransformingTarget need. Not copyable: routes point into catalogs.
struct LoadModel {
  Catalog reader;                             // source tables as the readers type them
  std::map<std::string, TableRoute> routes;   // by source table name
  LoadModel() = default;
  LoadModel(const LoadModel&) = delete;
  LoadModel& operator=(const LoadModel&) = delete;
};

// `converted`: the target catalog after conversion (types refined); must outlive the model.
// Tables whose rows need no mapping get no route and are read with the converted table's
// types, exactly as without a task. Errors (an expression that cannot be evaluated) go to
// `issues`.
std::unique_ptr<LoadModel> build_load_model(const Catalog& selected, const Catalog& converted, const TaskPlan& plan,
                                            const LoadModelOptions& options, TaskIssues& issues);

// The LOB handling of one table, from the task settings and the table's lob-settings.
struct LobHandling {
  bool migrate = true;           // false: SupportLobs is off, LOB columns load as NULL
  uint64_t limit_bytes = 0;      // > 0: limited LOB mode
  std::string text;              // "limited LOB mode, 32 KB"
};
LobHandling lob_handling(const TargetMetadataSettings& task, const std::optional<LobSettings>& table);
bool is_lob_type(const OracleType& t);

}  // namespace orashift
