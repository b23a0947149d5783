#pragma once
// A source whose load units are simply its tables, one unit per table, with a catalog read
// from the database's own metadata (PostgreSQL, SQLite).
#include <map>
#include <string>

#include "load/endpoint.h"

namespace orashift {

class TableListSource : public SourceEndpoint {
public:
  const Catalog& catalog() const override { return catalog_; }
  const Diagnostics& diagnostics() const override { return diagnostics_; }
  std::map<std::string, uint64_t> row_estimates() const override { return estimates_; }
  std::vector<LoadUnit> units() const override;

protected:
  Catalog catalog_;
  Diagnostics diagnostics_;
  std::map<std::string, uint64_t> estimates_;
};

}  // namespace orashift
