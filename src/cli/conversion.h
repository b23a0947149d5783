#pragma once
// The convert step shared by `convert` and `migrate`: catalog → DDL files + report.
#include <string>

#include "assess/action_item.h"
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
};

// Converts the source's catalog and writes OUT/<dialect>/NNN_<kind>_<name>.sql plus apply.sql.
// The catalog is refined first (types from evidence unless `types.from` is Declared, then key
// types, see type_evidence.h and type_refinement.h); the refined model is kept in the output
// because the loader must type its batches the same way.
ConversionOutput convert_and_write(const SourceEndpoint& source, Dialect dialect, const std::string& out_dir,
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
