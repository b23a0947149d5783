// `orashift load`: a DMS-style full-load task. Table mappings select tables (with source
// filters and load order), task settings give the prep mode, parallelism and commit size.
// Transformation rules shape the target catalog (load/task/load_model.h) and the rows on their
// way to the writers (load/map/); ErrorBehavior is applied by load/error_policy.h.
#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "cli/empty_source.h"
#include "cli/conversion.h"
#include "cli/schema_folder.h"
#include "cli/subcommands.h"
#include "cli/terminal_progress.h"
#include "cli/validation_run.h"
#include "common/naming.h"
#include "endpoints/factory.h"
#include "load/after_load.h"
#include "load/error_policy.h"
#include "load/executor.h"
#include "load/map/transforming_target.h"
#include "load/resume.h"
#include "load/retry_policy.h"
#include "load/task/load_model.h"
#include "load/schema_apply.h"
#include "load/segments.h"
#include "load/task_state.h"
#include "load/task/selection.h"
#include "load/task/task_settings.h"

namespace orashift::cli {

namespace {

struct LoadCommandOptions {
  std::string source, target, out, mappings, settings, stats_json, source_schema;
  std::vector<std::string> target_settings;  // NAME=VALUE, DMS endpoint settings
  bool no_progress = false;
  uint64_t auto_segment_rows = default_auto_segment_rows();
};

std::string file_text(const std::string& path) {
  if (path.empty()) return "";
  std::ifstream f(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), {});
}

// What makes two runs "the same command" for resuming: a state file of another task is set aside.
std::string task_fingerprint(const LoadCommandOptions& o, const SourceEndpoint& source, const TargetEndpoint& target) {
  return fnv1a_hex(source.describe() + "\n" + target.describe() + "\n" + file_text(o.mappings) + "\n" +
                   file_text(o.settings) + "\n" + o.source_schema + "\n" + std::to_string(o.auto_segment_rows));
}

// The objects of `schema` that do not belong to a table in `skip` (kept by a resume).
ConvertedSchema without_tables(const ConvertedSchema& schema, const std::set<std::string>& skip) {
  ConvertedSchema out = schema;
  std::erase_if(out.objects, [&](const ConvertedObject& o) { return skip.count(o.table.empty() ? o.name : o.table) > 0; });
  return out;
}

// Every table of every schema: what a task without table mappings loads.
constexpr const char* kIncludeAll =
    R"({"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"all","object-locator":)"
    R"({"schema-name":"%","table-name":"%"},"rule-action":"include"}]})";

// Target endpoint settings of DMS that apply to every orashift target. DMS has EmptyAsNull on
// its Redshift endpoint; orashift applies it in the mapping step, so it works on any target.
bool apply_target_setting(const std::string& name_value, LoadModelOptions& o, std::string& error) {
  auto eq = name_value.find('=');
  std::string name = name_value.substr(0, eq), value = eq == std::string::npos ? "" : name_value.substr(eq + 1);
  std::string lower;
  for (char c : name) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (lower != "emptyasnull") {
    error = "--target-setting " + name + ": not a setting orashift load applies (EmptyAsNull)";
    return false;
  }
  if (value != "true" && value != "false") {
    error = "--target-setting EmptyAsNull: \"" + value + "\" is not one of true, false";
    return false;
  }
  o.empty_as_null = value == "true";
  return true;
}

// The tables the task selected, with foreign keys only between selected tables.
Catalog selected_catalog(const Catalog& all, const TaskPlan& plan) {
  std::set<std::string> names;
  for (const auto& t : plan.tables) names.insert(t.source->name);
  Catalog c;
  for (const auto& t : plan.tables) {
    Table copy = *t.source;
    std::erase_if(copy.constraints, [&](const Constraint& k) {
      return k.kind == ConstraintKind::ForeignKey && !names.count(k.ref_table);
    });
    c.tables.push_back(std::move(copy));
  }
  for (const auto& i : all.indexes)
    if (names.count(i.table)) c.indexes.push_back(i);
  return c;
}

// What the error policies did to a table, beside the executor's statistics.
struct PolicyOutcome {
  std::string stop_reason;
  bool suspended = false, cancelled = false;
  uint64_t truncations = 0, not_loaded = 0;
  std::optional<uint64_t> rows_not_read;  // estimated from the source's row count
  std::string truncation_file;
};

std::string dms_table_state(const TableLoadStats& t, const PolicyOutcome& p) {
  if (p.cancelled) return "Table cancelled";
  if (p.suspended || t.state == "error") return "Table error";
  return t.sources.empty() ? "Table not loaded" : "Table completed";
}

void write_stats_json(const LoadReport& r, const std::map<std::string, PolicyOutcome>& outcomes, const std::string& path) {
  nlohmann::json tables = nlohmann::json::array();
  for (const auto& t : r.tables) {
    PolicyOutcome p;
    if (auto it = outcomes.find(t.table); it != outcomes.end()) p = it->second;
    tables.push_back({{"TableName", t.table},
                      {"TableState", dms_table_state(t, p)},
                      {"Truncations", p.truncations},
                      {"TruncationFile", p.truncation_file},
                      {"RowsNotLoadedAfterStop", p.not_loaded},
                      {"RowsNotRead", p.rows_not_read ? nlohmann::json(*p.rows_not_read) : nlohmann::json(nullptr)},
                      {"StopReason", p.stop_reason},
                      {"FullLoadRows", t.rows_loaded},
                      {"FullLoadErrorRows", t.rows_rejected},
                      {"FullLoadCondtnlChkFailedRows", t.rows_filtered},
                      {"RowsRead", t.rows_read},
                      {"FullLoadStartTime", t.start_time},
                      {"FullLoadEndTime", t.end_time},
                      {"Seconds", t.seconds},
                      {"RowsPerSecond", t.seconds > 0 ? t.rows_loaded / t.seconds : 0.0},
                      {"BytesRead", t.bytes_read},
                      {"RejectFile", t.reject_file},
                      {"Missing", t.missing},
                      {"Error", t.error}});
  }
  std::ofstream f(path);
  f << nlohmann::json{{"tables", tables}, {"seconds", r.seconds}, {"ok", r.ok()}}.dump(2) << "\n";
  if (!f) throw std::runtime_error("cannot write " + path);
}

// The one schema the task's tables go to: TargetSchema or a schema rule's name, or "" for the
// connection's default (no schema named). Tables going to different schemas are refused: the
// target's session works in one schema (use_schema). A source that reads several schemas of its
// own (`schemas_named`) names every table's schema, as DMS does: the source schema's name unless
// TargetSchema or a rule says otherwise; load() calls this once per source schema.
bool target_schema_of(const TaskPlan& plan, bool schemas_named, std::string& schema,
                      const std::function<void(const std::string&)>& log) {
  const PlannedTable* first = nullptr;
  for (const auto& t : plan.tables) {
    const std::string mine = t.schema_named || schemas_named ? t.target_schema : "";
    if (!first) {
      first = &t;
      schema = mine;
    } else if (mine != schema) {
      auto name = [](const std::string& s) { return s.empty() ? std::string("the connection's default schema") : "schema " + s; };
      log("error: table " + first->label() + " goes to " + name(schema) + " but table " + t.label() + " to " + name(mine) +
          "; orashift load writes every table of a task into one schema");
      return false;
    }
  }
  return true;
}

// One pass of the load: the tables of one source schema (or of a source with one schema), with
// the source seeing that schema alone, so a table name names one table.
struct LoadPass {
  const SourceEndpoint* source = nullptr;
  std::unique_ptr<SourceEndpoint> scoped;  // owns `source` when it is a schema of a larger source
  TaskPlan plan;
  std::string source_schema;  // "" for a source with one schema
  std::string target_schema;  // "" = the connection's default schema
  std::string out;            // its DDL, rejects and resume state
};

// Which passes the task needs. A source with schemas of its own is read one schema at a time,
// in the order the plan first loads a table of it (load-order across schemas is kept between
// schemas, not interleaved); any other source is one pass, exactly as before.
bool plan_passes(const SourceEndpoint& source, const TaskPlan& plan, const TableMappings& mappings, const PlanOptions& po,
                 const std::string& out, std::vector<LoadPass>& passes, const std::function<void(const std::string&)>& log) {
  if (source.schemas().empty()) {
    LoadPass p;
    p.source = &source;
    p.plan = plan;
    p.out = out;
    if (!target_schema_of(p.plan, false, p.target_schema, log)) return false;
    passes.push_back(std::move(p));
    return true;
  }
  std::vector<std::string> order;
  for (const auto& t : plan.tables)
    if (std::find(order.begin(), order.end(), t.source_schema) == order.end()) order.push_back(t.source_schema);
  for (const auto& schema : order) {
    LoadPass p;
    p.scoped = source.only_schema(schema);
    p.source = p.scoped.get();
    p.source_schema = schema;
    // The same rules over the schema alone select the same tables (their findings were
    // reported for the whole source already).
    p.plan = plan_task(p.source->catalog(), mappings, po);
    p.out = order.size() == 1 ? out : out + "/" + schema_folder(schema);
    if (!target_schema_of(p.plan, true, p.target_schema, log)) return false;
    passes.push_back(std::move(p));
  }
  return true;
}

// What one pass produced, for the summary of the whole task.
struct PassOutcome {
  LoadReport report;
  std::map<std::string, PolicyOutcome> outcomes;
  size_t apply_failures = 0;
  bool validated = true;
};

// Converts, prepares, loads (resuming what an earlier run finished) and validates one pass.
// Returns 0, or the exit code that stops the task before loading (2: the model is invalid,
// 1: the target could not be prepared).
int run_pass(const LoadCommandOptions& o, const LoadPass& pass, TargetEndpoint& target, const TaskSettings& settings,
             const LoadModelOptions& model_options, PassOutcome& result, const std::function<void(const std::string&)>& log) {
  const SourceEndpoint& source = *pass.source;
  const TaskPlan& plan = pass.plan;
  Dialect dialect;
  parse_dialect(target.dialect(), dialect);
  Catalog selected = selected_catalog(source.catalog(), plan);
  TaskIssues model_issues;
  ConversionOutput conv =
      convert_catalog_and_write(build_target_catalog(selected, plan, model_issues), source, dialect, pass.out, {}, {},
                                settings.full_load.create_pk_after_full_load);
  std::unique_ptr<LoadModel> model = build_load_model(selected, conv.catalog, plan, model_options, model_issues);
  std::fputs(model_issues.render().c_str(), stderr);
  if (model_issues.has_errors()) return 2;

  // Units of the selected tables, in the plan's load order, split into segments. A table that
  // transformation rules reshape keeps its segments on the source, but its rows cannot be
  // found on the target by the source's columns: a resume reloads it whole.
  SegmentOptions so;
  so.subtasks = static_cast<size_t>(settings.full_load.max_full_load_subtasks);
  so.auto_rows = o.auto_segment_rows;
  std::vector<LoadUnit> all_units = source.units(), units;
  std::map<std::string, std::string> target_tables;  // source table → target catalog name
  for (const auto& t : plan.tables) {
    target_tables[t.source->name] = target_catalog_name(t);
    std::vector<LoadUnit> mine;
    for (const auto& u : all_units)
      if (u.table == t.source->name) mine.push_back(u);
    for (auto& u : segment_units(source, t, std::move(mine), so, log)) {
      if (changes_shape(t)) u.target_where.clear();
      units.push_back(std::move(u));
    }
  }

  // Resuming: finished segments are kept, leftovers of unfinished ones deleted (docs/tasks.md).
  TaskState state(pass.out + "/task-state.jsonl", task_fingerprint(o, source, target), log);
  ResumeOptions ro;
  ro.prep_does_nothing = settings.full_load.target_table_prep_mode == TablePrepMode::DoNothing;
  ro.target_table = [&target_tables](const std::string& table) {
    auto it = target_tables.find(table);
    return quote_ident(target_name(it == target_tables.end() ? table : it->second));
  };
  ro.log = log;
  std::set<std::string> kept;
  try {
    kept = prepare_resume(target, units, state, ro);
  } catch (const std::exception& e) {
    log(std::string("error: cannot prepare the resumed load: ") + e.what());
    return 1;
  }

  ApplyResult applied;
  std::set<std::string> kept_targets;  // conv.schema names tables by their target catalog names
  for (const auto& t : kept) kept_targets.insert(target_tables.count(t) ? target_tables.at(t) : t);
  ConvertedSchema prep_schema = without_tables(conv.schema, kept_targets);  // kept tables are not re-created
  switch (settings.full_load.target_table_prep_mode) {
    case TablePrepMode::DropAndCreate:
      drop_tables(target, prep_schema, applied);
      apply_phase(target, prep_schema, ApplyPhase::BeforeLoad, applied);
      break;
    case TablePrepMode::TruncateBeforeLoad:
      for (const auto& t : plan.tables) {
        if (kept.count(t.source->name)) continue;  // resumed: its finished segments stay
        try {
          target.execute("TRUNCATE TABLE " + quote_ident(target_name(target_catalog_name(t))));
        } catch (const std::exception& e) {
          applied.failures.push_back({"TRUNCATE " + t.source->name, t.source->span.location(), e.what()});
        }
      }
      break;
    case TablePrepMode::DoNothing:
      break;
  }
  for (const auto& f : applied.failures)
    std::fprintf(stderr, "%s: error: %s failed: %s\n", f.location.c_str(), f.object.c_str(), f.error.c_str());
  if (!applied.failures.empty()) return 1;

  LoadOptions lo;
  lo.parallel = static_cast<size_t>(settings.full_load.max_full_load_subtasks);
  lo.batch_rows = static_cast<size_t>(settings.full_load.commit_rate);
  lo.batch_rows_chosen = settings.full_load.commit_rate != FullLoadTaskSettings{}.commit_rate;  // not DMS's default
  lo.reject_dir = pass.out + "/rejects";
  lo.catalog = &model->reader;
  lo.tables_created = settings.full_load.target_table_prep_mode == TablePrepMode::DropAndCreate;
  ErrorPolicyGuard policy(settings.error_behavior, lo.reject_dir, log);
  lo.guard = &policy;
  lo.state = &state;
  RetryPolicy retry;
  retry.count = settings.error_behavior.recoverable_error_count;
  retry.interval_seconds = settings.error_behavior.recoverable_error_interval;
  retry.throttling = settings.error_behavior.recoverable_error_throttling;
  retry.throttling_max_seconds = settings.error_behavior.recoverable_error_throttling_max;
  retry.log = log;
  lo.retry = &retry;
  lo.progress = terminal_progress(o.no_progress);
  if (!lo.progress) lo.log = log;
  for (const auto& t : plan.tables)
    if (!t.filter.empty()) {
      RowFilter f = t.filter;
      lo.row_filters[t.source->name] = [f](const Batch& b, size_t row) { return f.keep(b, row); };
    }
  TransformingTarget mapped_target(target, model->routes, &policy);
  LoadReport& report = result.report;
  report = run_load(source, mapped_target, units, lo);
  // The error policies' outcome per table; a stopped table is an error of the load.
  auto estimates = source.row_estimates();
  for (auto& t : report.tables) {
    TableErrorState st = policy.state(t.table);
    PolicyOutcome& p = result.outcomes[t.table];
    p.truncations = st.truncations;
    p.truncation_file = st.truncation_file;
    p.not_loaded = st.not_loaded;
    p.stop_reason = st.stop_reason;
    if (st.stop_reason.empty()) continue;
    p.suspended = st.suspended;
    p.cancelled = !st.suspended && policy.task_stopped();
    if (auto e = estimates.find(t.table); e != estimates.end())
      p.rows_not_read = e->second > t.rows_read ? e->second - t.rows_read : 0;
    t.state = p.cancelled ? "cancelled" : "suspended";
    if (t.error.empty()) t.error = st.stop_reason;
    log(fmt::format("{}: {}; {} rows read, {} of them not loaded after the stop, ~{} rows not read", t.table, t.state,
                    t.rows_read, p.not_loaded, p.rows_not_read ? std::to_string(*p.rows_not_read) : "?"));
  }
  if (settings.full_load.target_table_prep_mode == TablePrepMode::DropAndCreate) {
    AfterLoadContext after{target_tables, lo.reject_dir, state.resuming(), log};
    apply_after_load(target, conv.schema, after, report, applied);
  }
  for (const auto& f : applied.failures)
    std::fprintf(stderr, "%s: error: %s failed: %s\n", f.location.c_str(), f.object.c_str(), f.error.c_str());
  result.apply_failures = applied.failures.size();
  bool ok = report.ok() && applied.failures.empty();
  // Everything is loaded: the next run of this command is a new load, not a resume.
  if (ok) state.complete();
  if (ok && settings.validation.enable_validation)
    result.validated = run_validation(source, target, plan, settings.validation, pass.out, "orashift-load");
  return 0;
}

// Pass results under one summary; with several schemas a table is named schema.table.
void add_pass(const LoadPass& pass, bool qualify, PassOutcome&& from, PassOutcome& into) {
  auto name = [&](const std::string& table) { return qualify ? pass.source_schema + "." + table : table; };
  for (auto& t : from.report.tables) {
    t.table = name(t.table);
    into.report.tables.push_back(std::move(t));
  }
  into.report.seconds += from.report.seconds;
  for (auto& [table, p] : from.outcomes) into.outcomes[name(table)] = std::move(p);
  into.apply_failures += from.apply_failures;
  into.validated = into.validated && from.validated;
}

int load(const LoadCommandOptions& o) {
  auto log = [](const std::string& s) { std::fprintf(stderr, "orashift: %s\n", s.c_str()); };
  TaskIssues issues;
  TableMappings mappings = o.mappings.empty() ? parse_table_mappings_text(kIncludeAll, issues)
                                              : load_table_mappings(o.mappings, issues);
  TaskSettings settings = o.settings.empty() ? parse_task_settings_text("{}", issues) : load_task_settings(o.settings, issues);
  std::fputs(issues.render().c_str(), stderr);
  if (issues.has_errors()) return 2;
  // A load's first table needs a reader on the source besides its catalog connection, and a
  // writer on the target besides the target's own: opened together once the task files are
  // valid, they are ready when the catalog has been read instead of each waiting for the one
  // before. (A task that selects nothing still stops before writing anything to the target.)
  prefetch_connections(o.source, 2);
  prefetch_connections(o.target, 2);
  auto source = make_source(o.source);
  for (const auto& d : source->diagnostics().items())
    if (d.severity == Severity::Error) std::fputs(d.render().c_str(), stderr);
  if (std::string empty = empty_source_error(*source); !empty.empty()) {
    std::fputs(empty.c_str(), stderr);
    return 1;
  }

  PlanOptions po;
  po.default_schema = o.source_schema;
  po.target_schema = settings.target_metadata.target_schema;
  TaskPlan plan = plan_task(source->catalog(), mappings, po);
  std::fputs(plan.issues.render().c_str(), stderr);
  if (!plan.ok()) return 2;
  {
    TaskIssues expressions;
    check_expressions(plan, expressions);
    std::fputs(expressions.render().c_str(), stderr);
    if (expressions.has_errors()) return 2;
  }
  LoadModelOptions model_options;
  model_options.lobs = settings.target_metadata;
  for (const auto& ts : o.target_settings) {
    std::string err;
    if (!apply_target_setting(ts, model_options, err)) {
      log("error: " + err);
      return 2;
    }
  }
  std::vector<LoadPass> passes;
  if (!plan_passes(*source, plan, mappings, po, o.out, passes, log)) return 2;
  if (plan.tables.empty()) {
    log("no table selected by the table mappings");
    return settings.error_behavior.fail_on_no_tables_captured ? 1 : 0;
  }
  log(fmt::format("task: {} tables selected, prep mode {}, {} subtasks, commit rate {}", plan.tables.size(),
                  table_prep_mode_name(settings.full_load.target_table_prep_mode), settings.full_load.max_full_load_subtasks,
                  settings.full_load.commit_rate));

  // The target is opened only once the task is known to be valid.
  auto target = make_target(o.target);
  const bool qualify = passes.size() > 1;
  PassOutcome total;
  for (const LoadPass& pass : passes) {
    if (!pass.source_schema.empty())
      log(fmt::format("source schema {}: {} tables", quote_ident(pass.source_schema), pass.plan.tables.size()));
    if (!pass.target_schema.empty()) {
      target->use_schema(pass.target_schema);
      log("target schema: " + quote_ident(pass.target_schema));
    }
    if (settings.validation.enable_validation && settings.validation.validation_only) {  // DMS's validation-only task
      total.validated = run_validation(*pass.source, *target, pass.plan, settings.validation, pass.out, "orashift-load") &&
                        total.validated;
      continue;
    }
    PassOutcome outcome;
    if (int stop = run_pass(o, pass, *target, settings, model_options, outcome, log); stop) return stop;
    add_pass(pass, qualify, std::move(outcome), total);
  }
  if (settings.validation.enable_validation && settings.validation.validation_only) return total.validated ? 0 : 1;

  const LoadReport& report = total.report;
  std::fputs(format_load_summary(report).c_str(), stdout);
  for (const auto& [table, p] : total.outcomes) {
    if (p.truncations) std::printf("  %s: %llu LOB values truncated → %s\n", table.c_str(),
                                   static_cast<unsigned long long>(p.truncations), p.truncation_file.c_str());
    if (!p.stop_reason.empty())
      std::printf("  %s: %llu rows read after the stop are in the reject file; %s rows not read\n", table.c_str(),
                  static_cast<unsigned long long>(p.not_loaded),
                  p.rows_not_read ? ("~" + std::to_string(*p.rows_not_read)).c_str() : "an unknown number of");
  }
  if (!o.stats_json.empty()) write_stats_json(report, total.outcomes, o.stats_json);
  bool ok = report.ok() && total.apply_failures == 0 && total.validated;
  return !ok ? 1 : report.rows_rejected() ? 3 : 0;
}

}  // namespace

void add_load_command(CLI::App& app, std::function<int()>& action) {
  auto o = std::make_shared<LoadCommandOptions>();
  auto* cmd = app.add_subcommand("load", "Full load driven by DMS table mappings and task settings");
  cmd->add_option("--source", o->source, "oracle-files:DIR | postgres://USER@HOST:PORT/DB | sqlite:FILE")->required();
  cmd->add_option("--target", o->target, "duckdb:FILE | postgres://USER@HOST:PORT/DB")->required();
  cmd->add_option("--out", o->out, "directory for DDL (DROP_AND_CREATE) and reject files")->required();
  cmd->add_option("--mappings", o->mappings, "DMS table-mappings JSON (default: every table)");
  cmd->add_option("--settings", o->settings, "DMS task-settings JSON (default: DMS's defaults)");
  cmd->add_option("--source-schema", o->source_schema, "schema name of source tables that carry none (e.g. SH)");
  cmd->add_option("--stats-json", o->stats_json, "write per-table statistics (DMS vocabulary) to this file");
  cmd->add_option("--target-setting", o->target_settings,
                  "DMS target endpoint setting NAME=VALUE (EmptyAsNull=true: empty strings load as NULL)");
  cmd->add_flag("--no-progress", o->no_progress, "no live progress display");
  cmd->add_option("--auto-segment-rows", o->auto_segment_rows,
                  "split tables with a single-column integer primary key and at least this many estimated rows into "
                  "key ranges (0: never; default 1000000 on 4 cores or more, 10000000 below)");
  cmd->callback([o, &action] { action = [o] { return load(*o); }; });
}

}  // namespace orashift::cli
