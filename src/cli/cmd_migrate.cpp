#include <fmt/format.h>

#include <cstdio>
#include <functional>

#include "assess/summary_report.h"
#include "cli/code_options.h"
#include "cli/conversion.h"
#include "cli/empty_source.h"
#include "cli/schema_folder.h"
#include "cli/subcommands.h"
#include "cli/types_options.h"
#include "cli/terminal_progress.h"
#include "endpoints/factory.h"
#include "endpoints/redshift/dms_settings.h"
#include "endpoints/redshift/redshift_target.h"
#include "common/naming.h"
#include "load/executor.h"
#include "load/segments.h"
#include "load/schema_apply.h"
#include "validate/verify.h"

namespace orashift::cli {

namespace {

struct MigrateOptions {
  std::string source, target, out, effort_settings, type_map, design, types = "auto", plsql_extension = "none";
  uint64_t profile_rows = 0;
  size_t parallel = 2;
  size_t batch_rows = 16384;
  bool replace = false;
  bool no_progress = false;
  // Redshift staging (meaningful only with a redshift:// target).
  std::string s3, s3_endpoint, s3_region, iam_role, stage_only, compression;
  bool keep_staged = false;
  bool accept_invalid_chars = false;
  uint64_t max_file_kb = 0;  // KB, as DMS's MaxFileSize
  std::vector<std::string> redshift_settings;  // DMS endpoint settings, Name=Value
};

bool has_redshift_options(const MigrateOptions& o) {
  return !o.s3.empty() || !o.s3_endpoint.empty() || !o.s3_region.empty() || !o.iam_role.empty() ||
         !o.stage_only.empty() || !o.compression.empty() || o.keep_staged || o.accept_invalid_chars || o.max_file_kb ||
         !o.redshift_settings.empty();
}

std::unique_ptr<TargetEndpoint> open_target(const MigrateOptions& o) {
  if (!redshift::is_redshift_url(o.target)) {
    if (has_redshift_options(o))
      throw std::invalid_argument("--s3, --s3-endpoint, --s3-region, --iam-role, --stage-only, --keep-staged, "
                                  "--compression, --max-file-size, --accept-invalid-chars and --redshift-setting need a "
                                  "redshift:// target");
    return make_target(o.target);
  }
  redshift::RedshiftOptions r;
  r.s3_url = o.s3;
  r.s3_endpoint = o.s3_endpoint;
  r.s3_region = o.s3_region;
  r.iam_role = o.iam_role;
  r.stage_only_dir = o.stage_only;
  r.keep_staged = o.keep_staged;
  r.accept_invalid_utf8 = o.accept_invalid_chars;
  if (o.max_file_kb) r.max_file_size = o.max_file_kb << 10;
  if (!o.compression.empty() && !redshift::parse_compression(o.compression, r.compression))
    throw std::invalid_argument("--compression must be gzip or zstd");
  for (const auto& setting : o.redshift_settings) {
    std::string error;
    if (!redshift::apply_dms_setting(r, setting, &error)) throw std::invalid_argument(error);
  }
  r.local_dir = o.out + "/staging";
  return std::make_unique<redshift::RedshiftTarget>(o.target, std::move(r));
}

bool stage_only_target(TargetEndpoint& t) {
  auto* rs = dynamic_cast<redshift::RedshiftTarget*>(&t);
  return rs && rs->stage_only();
}

// What one schema's migration gave, for the closing line.
struct MigrateTotals {
  uint64_t rows_loaded = 0, rows_rejected = 0;
  size_t source_errors = 0, apply_failures = 0;
  bool ok = true;
};

// Convert, apply, load, verify and report one source (or one schema of it) into `out`.
void migrate_schema(const MigrateOptions& o, const SourceEndpoint& source, TargetEndpoint& target, const EffortModel& model,
                    const std::string& out, MigrateTotals& totals, const std::function<void(const std::string&)>& log) {
  const bool stage_only = stage_only_target(target);
  Dialect dialect;
  parse_dialect(target.dialect(), dialect);

  // 1. assess + convert
  size_t source_errors = print_diagnostics(source.diagnostics());
  TypeMappingSettings types = load_types(o.type_map, o.types, o.profile_rows);
  PhysicalDesignInput design = o.design.empty() ? PhysicalDesignInput{} : load_physical_design_file(o.design);
  ConversionOutput conv = convert_and_write(source, dialect, out, types, design, code_options(o.plsql_extension, dialect));
  log(fmt::format("converted {} tables into {} objects ({} action items) → {}", source.catalog().tables.size(),
                  conv.schema.objects.size(), conv.items.items().size(), conv.dir));

  // 2. apply tables
  ApplyResult applied;
  if (o.replace) drop_tables(target, conv.schema, applied);
  apply_phase(target, conv.schema, ApplyPhase::BeforeLoad, applied);

  // 3. load
  LoadOptions lo;
  lo.parallel = o.parallel;
  lo.batch_rows = o.batch_rows;
  lo.batch_rows_chosen = o.batch_rows != MigrateOptions{}.batch_rows;  // --batch-rows given
  lo.reject_dir = out + "/rejects";
  lo.catalog = &conv.catalog;
  lo.tables_created = true;
  lo.progress = terminal_progress(o.no_progress);
  if (!lo.progress) lo.log = log;
  std::vector<LoadUnit> units = split_file_units(source, source.units(), o.parallel);
  LoadReport load = run_load(source, target, units, lo);

  // 4. keys, indexes, comments after the data
  apply_phase(target, conv.schema, ApplyPhase::AfterLoad, applied);
  for (const auto& f : applied.failures)
    std::fprintf(stderr, "%s: error: applying %s failed: %s\n", f.location.c_str(), f.object.c_str(), f.error.c_str());

  // 5. verify (stage-only: there is no loaded table to ask, so nothing is verified)
  Verification verification;
  if (!stage_only) verification = verify_load(source, target, units, load);

  std::fputs(format_load_summary(load).c_str(), stdout);
  if (stage_only)
    fmt::print("verification: SKIPPED — stage-only mode loads nothing; the staged files, manifests, ddl.sql and "
               "copy.sql are in {}\n",
               o.stage_only);
  else
    std::fputs(format_verification(verification).c_str(), stdout);
  RunSummary s;
  s.command = "migrate";
  s.source = source.describe();
  s.target = target.describe();
  s.catalog = &source.catalog();
  s.diagnostics = &source.diagnostics();
  s.schema = &conv.schema;
  s.items = &conv.items;
  s.load = &load;
  s.verification = stage_only ? nullptr : &verification;
  s.effort = &model;
  s.evidence = &conv.evidence;
  write_summary(s, out + "/report");
  totals.rows_loaded += load.rows_loaded();
  totals.rows_rejected += load.rows_rejected();
  totals.source_errors += source_errors;
  totals.apply_failures += applied.failures.size();
  totals.ok = totals.ok && load.ok() && (stage_only || verification.ok()) && applied.failures.empty();
}

int migrate(const MigrateOptions& o) {
  auto log = [](const std::string& s) { std::fprintf(stderr, "orashift: %s\n", s.c_str()); };
  // Read before the long part, so a bad settings file fails fast.
  EffortModel model = o.effort_settings.empty() ? EffortModel::defaults() : load_effort_model(o.effort_settings);
  prefetch_connections(o.target, 1);  // the target's connection opens while the source is read
  auto source = make_source(o.source);
  auto target = open_target(o);  // its options are checked before the source's contents
  if (std::string empty = empty_source_error(*source); !empty.empty()) {
    print_diagnostics(source->diagnostics());
    std::fputs(empty.c_str(), stderr);
    return 1;
  }
  const bool stage_only = stage_only_target(*target);
  log("source " + source->describe() + ", target " + target->describe());

  // A source with schemas of its own (PostgreSQL) migrates every one of them, each into the
  // target schema of the same name (as a DMS task without rules would), one after the other;
  // with several, each schema's DDL, rejects and report go to OUT/<schema>.
  MigrateTotals totals;
  const std::vector<std::string> schemas = source->schemas();
  if (schemas.empty()) {
    migrate_schema(o, *source, *target, model, o.out, totals, log);
  } else {
    for (const auto& schema : schemas) {
      auto scoped = source->only_schema(schema);
      log(fmt::format("source schema {}: {} tables → target schema {}", quote_ident(schema), scoped->catalog().tables.size(),
                      quote_ident(target_name(schema))));
      target->use_schema(target_name(schema));
      migrate_schema(o, *scoped, *target, model, schemas.size() == 1 ? o.out : o.out + "/" + schema_folder(schema),
                     totals, log);
    }
  }
  // 0: everything loaded and verified. 3: verified, but rows were rejected or source statements
  // did not parse (see the reject files and diagnostics). 1: something failed or does not match.
  bool review = totals.rows_rejected > 0 || totals.source_errors > 0;
  std::string reports = schemas.size() > 1 ? o.out + "/<schema>/report/report.html" : o.out + "/report/report.html";
  fmt::print("migrate: {} — {} rows {}, {} rejected, {} source errors, {} apply failures; report {}\n",
             !totals.ok ? "FAILED" : review ? "DONE WITH ISSUES" : "OK", totals.rows_loaded,
             stage_only ? "staged" : "loaded", totals.rows_rejected, totals.source_errors, totals.apply_failures, reports);
  return !totals.ok ? 1 : review ? 3 : 0;
}

}  // namespace

void add_migrate_command(CLI::App& app, std::function<int()>& action) {
  auto o = std::make_shared<MigrateOptions>();
  auto* cmd = app.add_subcommand("migrate", "Assess, convert, apply, load and verify: the whole walkthrough");
  cmd->add_option("--source", o->source, "oracle-files:DIR | oracle://… | postgres://USER@HOST:PORT/DB | sqlite:FILE")->required();
  cmd->add_option("--target", o->target, "duckdb:FILE | postgres://USER@HOST:PORT/DB | redshift://USER@HOST:5439/DB")
      ->required();
  cmd->add_option("--out", o->out, "directory for converted DDL, rejects and the report")->required();
  cmd->add_option("--effort-settings", o->effort_settings, "JSON file overriding the report's effort model");
  cmd->add_option("--type-map", o->type_map, "JSON file overriding type mapping rules (docs/type-mapping.md)");
  add_types_options(*cmd, o->types, o->profile_rows);
  add_plsql_extension_option(*cmd, o->plsql_extension);
  cmd->add_option("--design", o->design,
                  "JSON file with the Redshift design advisor's thresholds and statistics (docs/physical-design.md)");
  cmd->add_option("--parallel", o->parallel, "load units in flight")->check(CLI::Range(1, 64));
  cmd->add_option("--batch-rows", o->batch_rows, "rows per batch")->check(CLI::Range(64, 1000000));
  cmd->add_flag("--replace", o->replace, "drop the schema's tables on the target first");
  cmd->add_flag("--no-progress", o->no_progress, "no live progress display");
  cmd->add_option("--s3", o->s3, "redshift: stage parts in s3://BUCKET/PREFIX");
  cmd->add_option("--s3-endpoint", o->s3_endpoint, "redshift: S3-compatible endpoint URL (default: AWS)");
  cmd->add_option("--s3-region", o->s3_region, "redshift: the bucket's region (default: AWS_REGION / config)");
  cmd->add_option("--iam-role", o->iam_role, "redshift: IAM role ARN for COPY (default: COPY with the AWS keys)");
  cmd->add_option("--stage-only", o->stage_only,
                  "redshift: write DDL, parts, manifests and COPY SQL under DIR and connect to nothing "
                  "(with --s3: also upload the parts)");
  cmd->add_flag("--keep-staged", o->keep_staged, "redshift: keep staged files after a successful COPY");
  cmd->add_option("--compression", o->compression, "redshift: gzip (default) or zstd");
  cmd->add_option("--max-file-size", o->max_file_kb, "redshift: KB of uncompressed CSV per part, as DMS MaxFileSize (default 32768)")
      ->check(CLI::Range(1, 1 << 24));
  cmd->add_flag("--accept-invalid-chars", o->accept_invalid_chars,
                "redshift: stage invalid UTF-8 and let COPY ACCEPTINVCHARS replace it (default: reject the row)");
  cmd->add_option("--redshift-setting", o->redshift_settings,
                  "redshift: a DMS Redshift endpoint setting as Name=Value (TruncateColumns, AcceptAnyDate, TrimBlanks, "
                  "CompUpdate, ExplicitIds, ReplaceInvalidChars, DateFormat=auto, TimeFormat=auto, EmptyAsNull, "
                  "MaxFileSize); repeatable");
  cmd->callback([o, &action] { action = [o] { return migrate(*o); }; });
}

}  // namespace orashift::cli
