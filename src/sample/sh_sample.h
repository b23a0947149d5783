#pragma once
// `orashift sample sh`: an SH-shaped sales star schema written by us (not Oracle's files):
// an Oracle DDL script plus SQL*Loader control and data files, deterministic for a seed.
#include <cstdint>
#include <string>

namespace orashift {

struct ShSampleOptions {
  double scale = 0.01;      // 1.0 → about 1,000,000 SALES rows
  uint64_t seed = 42;
  std::string out_dir;
};

struct ShSampleSummary {
  uint64_t sales_rows = 0;
  uint64_t total_rows = 0;
  uint64_t bytes = 0;
};

// Throws std::runtime_error when the directory cannot be written.
ShSampleSummary write_sh_sample(const ShSampleOptions& options);

}  // namespace orashift
