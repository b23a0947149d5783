#pragma once
// Redshift distribution and sort keys, first cut: a simple, explained rule. Each decision
// carries its reason, printed as a comment above the table and shown in the report.
#include <map>
#include <string>
#include <vector>

#include "catalog/catalog.h"

namespace orashift {

struct PhysicalDesignSettings {
  // Dimensions at or below this many rows are copied to every node (DISTSTYLE ALL).
  uint64_t all_distribution_max_rows = 3000000;
};

struct TableDesign {
  std::string diststyle;               // ALL, KEY, EVEN, AUTO
  std::string distkey;                 // column (Oracle name) when KEY
  std::vector<std::string> sortkey;    // columns (Oracle names)
  std::vector<std::string> reasons;    // one sentence per decision
};

// row_estimates: table name → rows, from statistics when known (missing = unknown).
std::map<std::string, TableDesign> advise_physical_design(const Catalog& catalog,
                                                          const std::map<std::string, uint64_t>& row_estimates,
                                                          const PhysicalDesignSettings& settings = {});

}  // namespace orashift
