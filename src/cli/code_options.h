#pragma once
// `--plsql-extension`, shared by convert and migrate (docs/cli.md): whether PL/SQL's built-in
// packages become inline rewrites or calls into the orafce extension (docs/plsql.md).
#include <CLI/CLI.hpp>

#include <string>

#include "dialect/ddl_generator.h"

namespace orashift::cli {

void add_plsql_extension_option(CLI::App& cmd, std::string& extension);

// The option's value as the converter's settings; orafce is for PostgreSQL only (an error otherwise).
CodeOptions code_options(const std::string& extension, Dialect dialect);

}  // namespace orashift::cli
