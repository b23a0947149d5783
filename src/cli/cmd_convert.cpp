#include <fmt/format.h>

#include "assess/summary_report.h"
#include "cli/code_options.h"
#include "cli/empty_source.h"
#include "cli/conversion.h"
#include "cli/schema_folder.h"
#include "cli/subcommands.h"
#include "cli/types_options.h"
#include "endpoints/factory.h"

namespace orashift::cli {

void add_convert_command(CLI::App& app, std::function<int()>& action) {
  struct Opts {
    std::string source, target = "redshift", out, effort_settings, type_map, design, types = "auto", plsql_extension = "none";
    uint64_t profile_rows = 0;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("convert", "Convert an Oracle schema to target DDL and report action items");
  cmd->add_option("--source", o->source, "oracle-files:DIR | oracle://… | postgres://USER@HOST:PORT/DB | sqlite:FILE")->required();
  cmd->add_option("--target", o->target, "redshift | postgres | duckdb")->check(CLI::IsMember({"redshift", "postgres", "duckdb"}));
  cmd->add_option("--out", o->out, "output directory")->required();
  cmd->add_option("--effort-settings", o->effort_settings, "JSON file overriding the report's effort model");
  cmd->add_option("--type-map", o->type_map, "JSON file overriding type mapping rules (docs/type-mapping.md)");
  add_types_options(*cmd, o->types, o->profile_rows);
  cmd->add_option("--design", o->design,
                  "JSON file with the Redshift design advisor's thresholds and statistics (docs/physical-design.md)");
  add_plsql_extension_option(*cmd, o->plsql_extension);
  cmd->callback([o, &action] {
    action = [o] {
      Dialect dialect;
      parse_dialect(o->target, dialect);
      EffortModel model = o->effort_settings.empty() ? EffortModel::defaults() : load_effort_model(o->effort_settings);
      TypeMappingSettings types = load_types(o->type_map, o->types, o->profile_rows);
      // Row counts feed the Redshift design advisor and rows the evidence for types: without
      // either, the schema alone is read.
      bool rows = dialect == Dialect::Redshift || types.from != TypesFrom::Declared;
      auto source = make_source(o->source, rows ? SourceUse::Profile : SourceUse::SchemaOnly);
      size_t errors = print_diagnostics(source->diagnostics());
      if (std::string empty = empty_source_error(*source, true); !empty.empty()) {
        std::fputs(empty.c_str(), stderr);
        return 1;
      }
      PhysicalDesignInput design = o->design.empty() ? PhysicalDesignInput{} : load_physical_design_file(o->design);
      // One source (or one schema of it) into `out`.
      auto convert_one = [&](const SourceEndpoint& src, const std::string& out) {
        // The object files are written on the second core while the report is built.
        ConversionOutput conv =
            convert_and_start_writing(src, dialect, out, types, design, code_options(o->plsql_extension, dialect));
        RunSummary s;
        s.command = "convert";
        s.source = src.describe();
        s.target = o->target;
        s.catalog = &src.catalog();
        s.diagnostics = &src.diagnostics();
        s.schema = &conv.schema;
        s.items = &conv.items;
        s.effort = &model;
        s.evidence = &conv.evidence;
        write_summary(s, out + "/report");
        conv.finish_files();
        fmt::print("convert: {} tables, {} objects, {} action items, {} source errors → {}\n",
                   src.catalog().tables.size(), conv.schema.objects.size(), conv.items.items().size(), errors, conv.dir);
        fmt::print("report: {}/report/report.html\n", out);
      };
      // A source with schemas of its own (PostgreSQL) converts each schema on its own, as load
      // and migrate do: OUT/<schema>/ when there are several.
      const std::vector<std::string> schemas = source->schemas();
      if (schemas.size() <= 1) convert_one(*source, o->out);
      else
        for (const auto& schema : schemas) convert_one(*source->only_schema(schema), o->out + "/" + schema_folder(schema));
      return errors ? 1 : 0;
    };
  });
}

}  // namespace orashift::cli
