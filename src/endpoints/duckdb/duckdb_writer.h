#pragma once
// Appends batches to one DuckDB table through the data-chunk appender API: vectors are filled
// directly in the table's own column types, one transaction per batch. A batch DuckDB refuses
// is rolled back whole and redone in halves, so exactly the refused rows become rejects.
#include <optional>
#include <string>
#include <vector>

#include "endpoints/duckdb/duckdb_api.h"

#include "load/endpoint.h"

namespace orashift {

class DuckDbWriter : public TableWriter {
public:
  // Opens a connection of its own on `db` and an appender on <schema>.<target_name(table)>, for
  // `columns` in batch order (other table columns get their defaults). Throws
  // std::runtime_error with DuckDB's message when the table or a column does not exist.
  DuckDbWriter(duckdb_database db, std::string table, std::vector<LoadColumn> columns, std::string schema = "main");
  ~DuckDbWriter() override;
  DuckDbWriter(const DuckDbWriter&) = delete;
  DuckDbWriter& operator=(const DuckDbWriter&) = delete;

  uint64_t write(const Batch& batch, RejectSink& rejects, const std::string& source) override;
  void finish() override;
  // DuckDB's row group (122,880 rows): a transaction of whole row groups is written straight
  // into the database file; a smaller one goes to the WAL first and is written again by the
  // checkpoint (measured: most of a 1,000,000-row load at 10,000 rows per batch; bench/README.md).
  size_t min_batch_rows() const override { return 122880; }

private:
  // How one batch column reaches its table column.
  struct Slot {
    ValueKind kind = ValueKind::Text;
    int batch_scale = 0;
    duckdb_logical_type chunk_type = nullptr;  // the table's type when we can fill it directly
    duckdb_type chunk_id = DUCKDB_TYPE_INVALID;
    duckdb_type decimal_storage = DUCKDB_TYPE_INVALID;  // int16/32/64/hugeint for DECIMAL
    int precision = 0, scale = 0;                       // DECIMAL width and scale
  };

  void open_appender();
  void close_appender();
  std::optional<std::string> check_row(const Batch& batch, size_t row) const;
  std::optional<std::string> try_rows(const Batch& batch, const uint32_t* rows, size_t n);
  void fill_chunk(const Batch& batch, const uint32_t* rows, size_t n);

  std::string table_;         // catalog name, as rejects report it
  std::string target_table_;  // name in DuckDB
  std::string schema_;
  std::vector<LoadColumn> columns_;
  duckdb_connection conn_ = nullptr;
  duckdb_appender appender_ = nullptr;
  std::vector<Slot> slots_;
  duckdb_data_chunk chunk_ = nullptr;
};

}  // namespace orashift
