#include <fmt/format.h>

#include <chrono>

#include "cli/subcommands.h"
#include "sample/sh_sample.h"

namespace orashift::cli {

void add_sample_command(CLI::App& app, std::function<int()>& action) {
  auto* cmd = app.add_subcommand("sample", "Write a sample Oracle schema with data (SQL*Loader files)");
  auto opts = std::make_shared<ShSampleOptions>();
  auto* sh = cmd->add_subcommand("sh", "SH-shaped sales star schema (written by orashift, not Oracle's data)");
  cmd->require_subcommand(1);
  sh->add_option("--scale", opts->scale, "1.0 ≈ 1,000,000 SALES rows")->check(CLI::Range(0.0001, 1000.0));
  sh->add_option("--seed", opts->seed, "random seed (same seed, same files)");
  sh->add_option("--out", opts->out_dir, "output directory")->required();
  sh->callback([opts, &action] {
    action = [opts] {
      auto t0 = std::chrono::steady_clock::now();
      ShSampleSummary s = write_sh_sample(*opts);
      double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      fmt::print("sample sh: {} rows ({} SALES), {:.1f} MB in {:.2f}s → {}\n", s.total_rows, s.sales_rows,
                 s.bytes / 1e6, secs, opts->out_dir);
      return 0;
    };
  });
}

}  // namespace orashift::cli
