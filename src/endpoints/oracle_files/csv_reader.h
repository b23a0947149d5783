#pragma once
// `TABLE.csv` files in an oracle-files folder: RFC 4180 CSV whose first record names the
// columns. Header names are matched to the table's columns (exactly, else ignoring case); a
// name that is no column is an error, columns the header lacks are NULL. Values are converted
// with the column's Oracle type like SQL*Loader data (exact NUMBER, length and NOT NULL
// checks); an empty field is NULL, as '' is in Oracle. DATE / TIMESTAMP columns read
// ISO-style text by default (formats configurable). Bad records are rejected with file:line.
#include <memory>
#include <string>
#include <vector>

#include "load/endpoint.h"

namespace orashift {

struct CsvOptions {
  std::string date_format = "YYYY-MM-DD HH24:MI:SS";          // DATE columns (time optional)
  std::string timestamp_format = "YYYY-MM-DD HH24:MI:SS.FF";  // TIMESTAMP columns
  size_t chunk_bytes = 4u << 20;
};

// The table a CSV file's name stands for: the stem equal to a table name, else equal ignoring
// case when exactly one table matches. Empty when none does; `error` set when several do.
std::string csv_table_for(const std::string& file_name, const Catalog& catalog, std::string& error);

class CsvReader final : public TableReader {
public:
  // Reads and checks the header; null with `error` ("file:1: …") when it does not fit the table.
  static std::unique_ptr<CsvReader> create(const std::string& path, const Table& table,
                                           const std::vector<LoadColumn>& columns, const CsvOptions& options,
                                           RejectSink& rejects, std::string& error);
  ~CsvReader() override;
  bool next(Batch& batch, size_t max_rows) override;
  uint64_t rows_read() const override;
  uint64_t rows_filtered() const override;
  uint64_t rows_rejected() const;
  uint64_t bytes_read() const override;
  uint64_t bytes_total() const override;

  struct Impl;

private:
  explicit CsvReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace orashift
