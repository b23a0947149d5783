#include "cli/conversion.h"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "convert/type_refinement.h"
#include "dialect/apply_manifest.h"
#include "common/naming.h"
#include "load/evidence_scan.h"

namespace orashift::cli {

static std::string file_part(const std::string& s) {
  std::string out;
  for (char c : target_name(s)) out.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  return out;
}

// Converts and writes apply.sql and manifest.json; the object files are left to out.pending_files.
static ConversionOutput convert_catalog_and_start_writing(Catalog catalog, const SourceEndpoint& source, Dialect dialect,
                                                          const std::string& out_dir, const TypeMappingSettings& types,
                                                          const PhysicalDesignInput& design, bool keys_after_load,
                                                          const CodeOptions& code);

ConversionOutput convert_and_write(const SourceEndpoint& source, Dialect dialect, const std::string& out_dir,
                                   const TypeMappingSettings& types, const PhysicalDesignInput& design,
                                   const CodeOptions& code) {
  return convert_catalog_and_write(source.catalog(), source, dialect, out_dir, types, design, false, code);
}

ConversionOutput convert_and_start_writing(const SourceEndpoint& source, Dialect dialect, const std::string& out_dir,
                                           const TypeMappingSettings& types, const PhysicalDesignInput& design,
                                           const CodeOptions& code) {
  return convert_catalog_and_start_writing(source.catalog(), source, dialect, out_dir, types, design, false, code);
}

ConversionOutput convert_catalog_and_write(Catalog catalog, const SourceEndpoint& source, Dialect dialect,
                                           const std::string& out_dir, const TypeMappingSettings& types,
                                           const PhysicalDesignInput& design, bool keys_after_load,
                                           const CodeOptions& code) {
  ConversionOutput out = convert_catalog_and_start_writing(std::move(catalog), source, dialect, out_dir, types, design,
                                                           keys_after_load, code);
  out.finish_files();
  return out;
}

static ConversionOutput convert_catalog_and_start_writing(Catalog catalog, const SourceEndpoint& source, Dialect dialect,
                                                   const std::string& out_dir, const TypeMappingSettings& types,
                                                   const PhysicalDesignInput& design, bool keys_after_load,
                                                   const CodeOptions& code) {
  ConversionOutput out;
  ConvertOptions opt;
  opt.code = code;
  opt.keys_after_load = keys_after_load;
  opt.dialect = dialect;
  opt.types = types;
  opt.physical = design;
  opt.row_estimates = source.row_estimates();
  out.catalog = std::move(catalog);
  if (types.from != TypesFrom::Declared) {
    // Before refine_key_types, so that foreign keys take the narrowed type of their key.
    out.evidence = scan_type_evidence(source, out.catalog, dialect, types, types.profile_rows);
    narrow_types_from_evidence(out.catalog, out.evidence, types.from, dialect, types, out.items);
  }
  refine_key_types(out.catalog, dialect, out.items);
  for (const auto& d : source.diagnostics().items())
    if (d.severity == Severity::Error) out.items.add("OS9002", "STATEMENT", d.message, d.span, dialect_name(dialect));
  out.schema = generate_ddl(out.catalog, opt, out.items);
  out.dir = out_dir + "/" + dialect_name(dialect);
  std::filesystem::create_directories(out.dir);
  // One file per object, numbered in apply order, so a reader (or psql -f) can follow along; the
  // objects of one Oracle unit that follow each other (a package's schema, state and routines)
  // share a file, which is how the unit was written and halves the files of a PL/SQL-heavy source.
  int n = 0;
  std::vector<const ConvertedObject*> ordered;
  std::vector<std::string> files;
  std::vector<int> parts;
  std::vector<std::pair<std::string, std::string>> contents;
  for (ApplyPhase phase : {ApplyPhase::BeforeLoad, ApplyPhase::AfterLoad}) {
    std::vector<const ConvertedObject*> in_phase;
    for (const auto& o : out.schema.objects)
      if (o.phase == phase) in_phase.push_back(&o);
    for (size_t i = 0; i < in_phase.size();) {
      size_t j = i + 1;
      const std::string& unit = in_phase[i]->unit;
      while (!unit.empty() && j < in_phase.size() && in_phase[j]->unit == unit) ++j;
      const ConvertedObject& first = *in_phase[i];
      if (j - i == 1) {
        std::string name = fmt::format("{:03}_{}_{}.sql", ++n, file_part(first.kind), file_part(first.name));
        contents.emplace_back(out.dir + "/" + name, first.sql);
        ordered.push_back(&first);
        files.push_back(name);
        parts.push_back(0);
      } else {
        std::string name = fmt::format("{:03}_{}.sql", ++n, file_part(unit));
        std::string text = fmt::format("-- {}: {} objects, in apply order\n", unit, j - i);
        for (size_t k = i; k < j; ++k) {
          text += "\n" + object_section_marker(static_cast<int>(k - i + 1), in_phase[k]->kind, in_phase[k]->name);
          text += in_phase[k]->sql;
          ordered.push_back(in_phase[k]);
          files.push_back(name);
          parts.push_back(static_cast<int>(k - i + 1));
        }
        contents.emplace_back(out.dir + "/" + name, std::move(text));
      }
      i = j;
    }
  }
  out.pending_files = std::make_shared<BackgroundFiles>(std::move(contents));
  write_whole_file(out.dir + "/apply.sql", out.schema.script());
  // What `orashift apply` reads: the files in order with their Oracle source locations.
  write_whole_file(out.dir + "/manifest.json", manifest_json(build_manifest(out.schema, ordered, files, parts, out.items)));
  return out;
}

size_t print_diagnostics(const Diagnostics& diags) {
  for (const auto& d : diags.items()) std::fputs(d.render().c_str(), stderr);
  return diags.error_count();
}

}  // namespace orashift::cli
