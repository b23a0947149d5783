#include "cli/commands.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

#include "cli/subcommands.h"
#include "endpoints/oracle/oci_api.h"

namespace orashift::cli {

int run(int argc, char** argv) {
  CLI::App app{"orashift: Oracle → Amazon Redshift / PostgreSQL / DuckDB migration (schema + data)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "orashift 0.1.0");
  std::function<int()> action;
  // For every command reading oracle://: where Instant Client's libclntsh.so is (given after
  // the subcommand too: subcommands pass options they do not know up to here).
  std::string oracle_client_dir;
  app.add_option("--oracle-client-dir", oracle_client_dir,
                 "folder holding Oracle Instant Client's libclntsh.so (else ORACLE_HOME, else the loader path)");
  app.fallthrough();
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
    oci::set_client_dir(oracle_client_dir);
    return action ? action() : 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "orashift: error: %s\n", e.what());
    return 2;
  }
}

}  // namespace orashift::cli
