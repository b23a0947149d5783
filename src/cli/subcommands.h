#pragma once
// Each subcommand registers its options on the app and sets `action` when it is chosen.
#include <CLI/CLI.hpp>

#include <functional>

namespace orashift::cli {

void add_sample_command(CLI::App& app, std::function<int()>& action);
void add_convert_command(CLI::App& app, std::function<int()>& action);
void add_migrate_command(CLI::App& app, std::function<int()>& action);
void add_parse_command(CLI::App& app, std::function<int()>& action);
void add_load_command(CLI::App& app, std::function<int()>& action);
void add_assess_command(CLI::App& app, std::function<int()>& action);
void add_validate_command(CLI::App& app, std::function<int()>& action);
void add_apply_command(CLI::App& app, std::function<int()>& action);

}  // namespace orashift::cli
