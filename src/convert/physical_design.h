#pragma once
// The Redshift physical design advisor: DISTSTYLE / DISTKEY and a compound SORTKEY per table,
// each decision with the sentence that explains it (printed as a comment above the table and
// shown in the report). Rules and thresholds: docs/physical-design.md.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "convert/type_mapping.h"

namespace orashift {

struct PhysicalDesignSettings {
  // Dimensions at or below this many rows are copied to every node (DISTSTYLE ALL).
  uint64_t all_distribution_max_rows = 3000000;
  // A DISTKEY candidate with fewer distinct values than this would leave slices empty or
  // overloaded (skew): it is not used. Redshift clusters have up to a few thousand slices.
  uint64_t key_min_distinct = 1000;
  // A candidate whose share of NULLs exceeds this puts all those rows on one slice: not used.
  double key_max_null_fraction = 0.10;
  // Compound sort keys longer than this rarely help (only a prefix is used for pruning).
  size_t sortkey_max_columns = 3;
};

// What is known about one column from statistics (Oracle's ALL_TAB_COL_STATISTICS, or counted).
struct ColumnStatistics {
  std::optional<uint64_t> distinct;
  std::optional<uint64_t> nulls;
};

struct TableStatistics {
  std::optional<uint64_t> rows;
  std::map<std::string, ColumnStatistics> columns;  // by Oracle column name
};

// Statistics by Oracle table name. Missing = unknown; the advisor then decides from metadata.
using SchemaStatistics = std::map<std::string, TableStatistics>;

struct TableDesign {
  std::string diststyle;               // ALL, KEY, EVEN, AUTO
  std::string distkey;                 // column (Oracle name) when KEY
  std::vector<std::string> sortkey;    // columns (Oracle names)
  std::vector<std::string> reasons;    // one sentence per decision
};

// row_estimates: table name → rows from the source (file sizes, catalog estimates); rows in
// `stats` take precedence. `types` is the conversion's type mapping: a column whose Redshift type
// cannot be a sort or distribution key (VARBYTE, SUPER, GEOMETRY, GEOGRAPHY, HLLSKETCH) is
// skipped, and the reasons say so.
std::map<std::string, TableDesign> advise_physical_design(const Catalog& catalog,
                                                          const std::map<std::string, uint64_t>& row_estimates,
                                                          const PhysicalDesignSettings& settings = {},
                                                          const SchemaStatistics& stats = {},
                                                          const TypeMappingSettings& types = {});

// What a user can give the advisor (`--design FILE.json`).
struct PhysicalDesignInput {
  PhysicalDesignSettings settings;
  SchemaStatistics statistics;
};

// Reads a design file (docs/physical-design.md): {"settings": {...}, "statistics": {...}}.
// Unknown keys and invalid values are errors naming the JSON path (std::runtime_error).
PhysicalDesignInput load_physical_design_file(const std::string& path);

}  // namespace orashift
