// `orashift validate`: compares a source with a target that a load filled, table by table, as
// DMS's data validation does (docs/validation.md). Exit codes: 0 every table validated (or not
// validatable for want of a key), 1 mismatches or a table in error, 2 usage or task errors.
#include <algorithm>
#include <cstdio>

#include "cli/schema_folder.h"
#include "cli/subcommands.h"
#include "cli/validation_run.h"
#include "endpoints/factory.h"
#include "load/task/selection.h"
#include "load/task/task_settings.h"

namespace orashift::cli {

namespace {

struct ValidateCommandOptions {
  std::string source, target, out, mappings, settings, stats_json, source_schema, task_name = "orashift-validate";
};

constexpr const char* kIncludeAll =
    R"({"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"all","object-locator":)"
    R"({"schema-name":"%","table-name":"%"},"rule-action":"include"}]})";

int validate(const ValidateCommandOptions& o) {
  TaskIssues issues;
  TableMappings mappings = o.mappings.empty() ? parse_table_mappings_text(kIncludeAll, issues)
                                              : load_table_mappings(o.mappings, issues);
  TaskSettings settings = o.settings.empty() ? parse_task_settings_text("{}", issues) : load_task_settings(o.settings, issues);
  std::fputs(issues.render().c_str(), stderr);
  if (issues.has_errors()) return 2;
  auto source = make_source(o.source);
  PlanOptions po;
  po.default_schema = o.source_schema;
  TaskPlan plan = plan_task(source->catalog(), mappings, po);
  std::fputs(plan.issues.render().c_str(), stderr);
  if (!plan.ok()) return 2;
  auto target = make_target(o.target);
  if (source->schemas().empty())
    return run_validation(*source, *target, plan, settings.validation, o.out, o.task_name, o.stats_json) ? 0 : 1;
  // A source with schemas of its own: each selected schema against the target schema its tables
  // were loaded into (the source schema's name unless TargetSchema or a rule renames it, as
  // `load` does), through a source that sees that schema alone. With several, each schema
  // writes OUT/<schema>/validation.json, and its statistics OUT/<schema>/stats.json when
  // --stats-json is given.
  po.target_schema = settings.target_metadata.target_schema;
  std::vector<std::string> schemas;
  for (const auto& t : plan.tables)
    if (std::find(schemas.begin(), schemas.end(), t.source_schema) == schemas.end()) schemas.push_back(t.source_schema);
  bool ok = true;
  for (const auto& schema : schemas) {
    auto scoped = source->only_schema(schema);
    TaskPlan scoped_plan = plan_task(scoped->catalog(), mappings, po);
    if (!scoped_plan.tables.empty()) target->use_schema(scoped_plan.tables.front().target_schema);
    std::string out = schemas.size() == 1 ? o.out : o.out + "/" + cli::schema_folder(schema);
    std::string stats = schemas.size() == 1 || o.stats_json.empty() ? o.stats_json : out + "/stats.json";
    ok = run_validation(*scoped, *target, scoped_plan, settings.validation, out, o.task_name, stats) && ok;
  }
  return ok ? 0 : 1;
}

}  // namespace

void add_validate_command(CLI::App& app, std::function<int()>& action) {
  auto o = std::make_shared<ValidateCommandOptions>();
  auto* cmd = app.add_subcommand("validate", "Compare source and target row by row (DMS data validation)");
  cmd->add_option("--source", o->source, "oracle-files:DIR | postgres://USER@HOST:PORT/DB | sqlite:FILE")->required();
  cmd->add_option("--target", o->target, "duckdb:FILE | postgres://USER@HOST:PORT/DB")->required();
  cmd->add_option("--out", o->out, "directory for validation_failures.jsonl and validation.json")->required();
  cmd->add_option("--mappings", o->mappings, "DMS table-mappings JSON: the tables to validate (default: every table)");
  cmd->add_option("--settings", o->settings, "DMS task-settings JSON: its ValidationSettings apply");
  cmd->add_option("--source-schema", o->source_schema, "schema name of source tables that carry none (e.g. SH)");
  cmd->add_option("--stats-json", o->stats_json, "also write the per-table validation statistics here");
  cmd->add_option("--task-name", o->task_name, "TASK_NAME written in the failure records");
  cmd->callback([o, &action] { action = [o] { return validate(*o); }; });
}

}  // namespace orashift::cli
