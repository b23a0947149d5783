#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

#include "assess/summary_report.h"
#include "cli/conversion.h"
#include "cli/subcommands.h"
#include "endpoints/factory.h"
#include "load/executor.h"
#include "load/schema_apply.h"
#include "validate/verify.h"

namespace orashift::cli {

namespace {

struct MigrateOptions {
  std::string source, target, out, effort_settings;
  size_t parallel = 2;
  size_t batch_rows = 16384;
  bool replace = false;
  bool no_progress = false;
};

int migrate(const MigrateOptions& o) {
  auto log = [](const std::string& s) { std::fprintf(stderr, "orashift: %s\n", s.c_str()); };
  // Read before the long part, so a bad settings file fails fast.
  EffortModel model = o.effort_settings.empty() ? EffortModel::defaults() : load_effort_model(o.effort_settings);
  auto source = make_source(o.source);
  auto target = make_target(o.target);
  Dialect dialect;
  parse_dialect(target->dialect(), dialect);
  log("source " + source->describe() + ", target " + target->describe());

  // 1. assess + convert
  size_t source_errors = print_diagnostics(source->diagnostics());
  ConversionOutput conv = convert_and_write(*source, dialect, o.out);
  log(fmt::format("converted {} tables into {} objects ({} action items) → {}", source->catalog().tables.size(),
                  conv.schema.objects.size(), conv.items.items().size(), conv.dir));

  // 2. apply tables
  ApplyResult applied;
  if (o.replace) drop_tables(*target, conv.schema, applied);
  apply_phase(*target, conv.schema, ApplyPhase::BeforeLoad, applied);

  // 3. load
  LoadOptions lo;
  lo.parallel = o.parallel;
  lo.batch_rows = o.batch_rows;
  lo.reject_dir = o.out + "/rejects";
  lo.catalog = &conv.catalog;
  lo.progress = !o.no_progress && isatty(STDERR_FILENO);
  if (!lo.progress) lo.log = log;
  std::vector<LoadUnit> units = source->units();
  LoadReport load = run_load(*source, *target, units, lo);

  // 4. keys, indexes, comments after the data
  apply_phase(*target, conv.schema, ApplyPhase::AfterLoad, applied);
  for (const auto& f : applied.failures)
    std::fprintf(stderr, "%s: error: applying %s failed: %s\n", f.location.c_str(), f.object.c_str(), f.error.c_str());

  // 5. verify
  Verification verification = verify_load(*source, *target, units, load);

  std::fputs(format_load_summary(load).c_str(), stdout);
  std::fputs(format_verification(verification).c_str(), stdout);
  RunSummary s;
  s.command = "migrate";
  s.source = source->describe();
  s.target = target->describe();
  s.catalog = &source->catalog();
  s.diagnostics = &source->diagnostics();
  s.schema = &conv.schema;
  s.items = &conv.items;
  s.load = &load;
  s.verification = &verification;
  s.effort = &model;
  write_summary(s, o.out + "/report");
  // 0: everything loaded and verified. 3: verified, but rows were rejected or source statements
  // did not parse (see the reject files and diagnostics). 1: something failed or does not match.
  bool ok = load.ok() && verification.ok() && applied.failures.empty();
  bool review = load.rows_rejected() > 0 || source_errors > 0;
  fmt::print("migrate: {} — {} rows loaded, {} rejected, {} source errors, {} apply failures; report {}/report/report.html\n",
             !ok ? "FAILED" : review ? "DONE WITH ISSUES" : "OK", load.rows_loaded(), load.rows_rejected(), source_errors,
             applied.failures.size(), o.out);
  return !ok ? 1 : review ? 3 : 0;
}

}  // namespace

void add_migrate_command(CLI::App& app, std::function<int()>& action) {
  auto o = std::make_shared<MigrateOptions>();
  auto* cmd = app.add_subcommand("migrate", "Assess, convert, apply, load and verify: the whole walkthrough");
  cmd->add_option("--source", o->source, "oracle-files:DIR")->required();
  cmd->add_option("--target", o->target, "duckdb:FILE | postgres://USER@HOST:PORT/DB")->required();
  cmd->add_option("--out", o->out, "directory for converted DDL, rejects and the report")->required();
  cmd->add_option("--effort-settings", o->effort_settings, "JSON file overriding the report's effort model");
  cmd->add_option("--parallel", o->parallel, "load units in flight")->check(CLI::Range(1, 64));
  cmd->add_option("--batch-rows", o->batch_rows, "rows per batch")->check(CLI::Range(64, 1000000));
  cmd->add_flag("--replace", o->replace, "drop the schema's tables on the target first");
  cmd->add_flag("--no-progress", o->no_progress, "no live progress display");
  cmd->callback([o, &action] { action = [o] { return migrate(*o); }; });
}

}  // namespace orashift::cli
