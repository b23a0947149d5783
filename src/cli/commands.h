#pragma once

namespace orashift::cli {
// Parses the command line and runs a subcommand; returns the process exit code.
int run(int argc, char** argv);
}  // namespace orashift::cli
