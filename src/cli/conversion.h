#pragma once
// The convert step shared by `convert` and `migrate`: catalog → DDL files + report.
#include <memory>
#include <string>

#include "assess/action_item.h"
#include "cli/background_files.h"
#include "convert/type_evidence.h"
#include "dialect/ddl_generator.h"
#include "load/endpoint.h"

namespace orashift::cli {

struct ConversionOutput {
  Catalog catalog;  // the refined model the DDL was generated from
  ConvertedSchema schema;
  ActionItems items;
  std::string dir;  // OUT/<dialect>
  TypeEvidence evidence;  // what the profiling pass saw and decided (empty with --types declared)
  // The object files of convert_and_start_writing, still being written; finish_files() waits.
  std::shared_ptr<BackgroundFiles> pending_files;
  // Waits until every object file is written; throws for the first that could not be.
  void finish_files() {
    if (pending_files) pending_files->finish();
  }
};

// Converts the source's catalog and writes OUT/<dialect>/NNN_<kind>_<name>.sql plus apply.sql.
// The catalog is refined first (types from evidence unless `types.from` is Declared, then key
// types, see type_evidence.h and type_refinement.h); the refined model is kept in the output
// because the loader must type its batches the same way.
ConversionOutput convert_and_write(const SourceEndpoint& source, Dialect dialect, const std::string& out_dir,
                                   const TypeMappingSettings& types = {}, const PhysicalDesignInput& design = {},
                                   const CodeOptions& code = {});
// The same, returning while the per-object files are still being written on a thread of their
// own (apply.sql and manifest.json are written already): the caller writes its report meanwhile
// and calls finish_files() before it is done.
ConversionOutput convert_and_start_writing(const SourceEndpoint& source, Dialect dialect, const std::string& out_dir,
                                           const TypeMappingSettings& types = {}, const PhysicalDesignInput& design = {},
                                           const CodeOptions& code = {});
// The same for a given model (e.g. the tables a task selected); `source` supplies diagnostics
// and row estimates.
ConversionOutput convert_catalog_and_write(Catalog catalog, const SourceEndpoint& source, Dialect dialect,
                                           const std::string& out_dir, const TypeMappingSettings& types = {},
                                           const PhysicalDesignInput& design = {}, bool keys_after_load = false,
                                           const CodeOptions& code = {});

// Prints the source diagnostics (compiler style) to stderr; returns the error count.
size_t print_diagnostics(const Diagnostics& diags);

}  // namespace orashift::cli
