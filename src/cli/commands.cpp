#include "cli/commands.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

#include "cli/subcommands.h"

namespace orashift::cli {

int run(int argc, char** argv) {
  CLI::App app{"orashift: Oracle → Amazon Redshift / PostgreSQL / DuckDB migration (schema + data)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "orashift 0.1.0");
  std::function<int()> action;
  add_sample_command(app, action);
  add_convert_command(app, action);
  add_migrate_command(app, action);
  add_parse_command(app, action);
  add_load_command(app, action);
  add_assess_command(app, action);
  add_validate_command(app, action);
  add_apply_command(app, action);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  try {
    return action ? action() : 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "orashift: error: %s\n", e.what());
    return 2;
  }
}

}  // namespace orashift::cli
