#pragma once
// `orashift sample sh`: an SH-shaped sales star schema written by us (not Oracle's files):
// an Oracle DDL script plus SQL*Loader control and data files, deterministic for a seed.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace orashift {

struct ShSampleOptions {
  double scale = 0.01;      // 1.0 → about 1,000,000 SALES rows
  uint64_t seed = 42;
  std::string out_dir;
};

struct ShSampleSummary {
  uint64_t sales_rows = 0;
  uint64_t total_rows = 0;
  uint64_t bytes = 0;                                        // all files written
  std::vector<std::pair<std::string, uint64_t>> table_rows;  // upper-case name, rows; in load order
};

// Writes sh_schema.sql, <table>.ctl and <table>.dat for each table, and expected.json into
// out_dir (created when missing). Rows per table for scale F: SALES max(200, round(1e6 F)),
// CUSTOMERS max(50, round(5e4 F)), PROMOTIONS max(20, round(503 min(1, 10 F))),
// COSTS max(20, SALES / 10); CHANNELS 5, COUNTRIES 23, PRODUCTS 72, TIMES 1461.
// Throws std::invalid_argument for a scale that is not a positive finite number, and
// std::runtime_error when the directory cannot be written.
ShSampleSummary write_sh_sample(const ShSampleOptions& options);

}  // namespace orashift
