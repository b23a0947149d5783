#pragma once
// `oracle-files:DIR`: an Oracle schema as files. The catalog comes from the DDL scripts in DIR;
// rows come from SQL*Loader control + data files (pairing documented in docs/sources.md),
// from `TABLE.csv` files with a header, and from the INSERT statements of the scripts.
#include <memory>
#include <string>
#include <vector>

#include "convert/ddl_loader.h"
#include "endpoints/oracle_files/csv_reader.h"
#include "load/endpoint.h"

namespace orashift {

struct OracleFilesOptions {
  std::string dir;
  std::vector<std::string> ddl_files;  // empty: discover (*.sql files that create tables)
  CsvOptions csv;                      // how TABLE.csv values are read (date formats)
  // For commands that only convert the schema: CSV files and the INSERT statements of the
  // scripts are not scanned for rows (the scan parses every script a second time).
  bool schema_only = false;
  // False for commands that never load rows (convert, assess): a control file that cannot be
  // loaded is then a warning (reported, never a failure of the command), not an error.
  bool loading = true;
};

class OracleFilesSource : public SourceEndpoint {
public:
  explicit OracleFilesSource(OracleFilesOptions options);
  // Uses `catalog` instead of reading DDL scripts (tests; a catalog taken from elsewhere).
  OracleFilesSource(OracleFilesOptions options, Catalog catalog);
  ~OracleFilesSource() override;
  std::string describe() const override;
  const Catalog& catalog() const override;
  const Diagnostics& diagnostics() const override;
  std::vector<LoadUnit> units() const override;
  std::unique_ptr<TableReader> open(const LoadUnit& unit, const std::vector<LoadColumn>& columns,
                                    RejectSink& rejects) const override;
  // Counts the lines of small data files and extrapolates large ones from their first MB.
  std::map<std::string, uint64_t> row_estimates() const override;
  bool profiles_by_scan() const override { return true; }
  // The folder's files by extension, the main scripts and the scripts read, for "no table found".
  std::string inventory() const override;
  // SQL*Loader data files (records are lines) into line-aligned byte ranges (line_ranges.h),
  // unless the control file numbers records (SKIP, RECNUM, SEQUENCE: they count from the file's
  // start), joins lines into logical records (CONCATENATE, CONTINUEIF: a range could start inside
  // one) or the data is inline (BEGINDATA). CSV files are never split (quoted newlines).
  std::vector<LoadUnit> split_unit(const LoadUnit& unit, size_t min_pieces, uint64_t min_piece_bytes,
                                   uint64_t piece_bytes) const override;
  const DdlLoad& ddl() const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace orashift
