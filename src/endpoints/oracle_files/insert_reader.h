#pragma once
// Rows of one table from the INSERT statements of the folder's scripts, in script order.
// Every row of an INSERT into the table is read once: loaded, or rejected with the script's
// file:line:col and why (a value orashift cannot evaluate, a type or length Oracle would
// refuse). Statements into other tables are still walked so sequence NEXTVALs advance as
// they did when the scripts ran. See docs/sources.md, "INSERT scripts".
#include <memory>
#include <string>
#include <vector>

#include "load/endpoint.h"

namespace orashift {

// What a scan of the scripts found, for units, estimates and notes.
struct InsertScan {
  std::map<std::string, uint64_t> rows;        // table → INSERT rows
  std::vector<std::string> scripts_with_rows;  // scripts holding at least one INSERT
  std::vector<std::string> other_dml;          // "file:line:col: UPDATE" statements not applied
  std::vector<std::string> errors;             // scripts that could not be read
};
InsertScan scan_insert_scripts(const std::vector<std::string>& scripts);

class InsertReader final : public TableReader {
public:
  // `scripts` are read in order; `table` is the catalog table, `columns` what the load wants.
  InsertReader(std::vector<std::string> scripts, const Catalog& catalog, const Table& table,
               std::vector<LoadColumn> columns, RejectSink& rejects, size_t chunk_bytes = 512u << 10);
  ~InsertReader() override;
  bool next(Batch& batch, size_t max_rows) override;
  uint64_t rows_read() const override;
  uint64_t rows_rejected() const;
  uint64_t bytes_read() const override;
  uint64_t bytes_total() const override;

  struct Impl;

private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace orashift
