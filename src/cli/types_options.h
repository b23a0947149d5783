#pragma once
// `--types` and `--profile-rows`, shared by convert and migrate (docs/cli.md): where the types
// of unconstrained NUMBER columns come from.
#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>

#include "convert/type_mapping.h"

namespace orashift::cli {

void add_types_options(CLI::App& cmd, std::string& types, uint64_t& profile_rows);

// The --type-map file (if any) with the --types choice and the profiling limit.
TypeMappingSettings load_types(const std::string& type_map, const std::string& types, uint64_t profile_rows);

}  // namespace orashift::cli
