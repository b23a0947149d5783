#pragma once
// Appends batches to one DuckDB table through the data-chunk appender API: vectors are filled
// directly in the table's own column types, one transaction per batch, or (gather()) one per
// row group over several batches. A transaction DuckDB refuses is rolled back whole and its
// batches redone in halves, so exactly the refused rows become rejects.
#include <optional>
#include <string>
#include <vector>

#include "common/decimal.h"
#include "endpoints/duckdb/duckdb_api.h"
#include "endpoints/duckdb/duckdb_block_cache.h"

#include "load/endpoint.h"
#include "load/held_batches.h"

namespace orashift {

class DuckDbWriter : public TableWriter {
public:
  // Opens a connection of its own on `db` and an appender on <schema>.<target_name(table)>, for
  // `columns` in batch order (other table columns get their defaults). Throws
  // std::runtime_error with DuckDB's message when the table or a column does not exist.
  // `cache` (the target's, may be null) is told of every commit, to bound DuckDB's block cache.
  DuckDbWriter(duckdb_database db, std::string table, std::vector<LoadColumn> columns, std::string schema = "main",
               DuckDbBlockCache* cache = nullptr);
  ~DuckDbWriter() override;
  DuckDbWriter(const DuckDbWriter&) = delete;
  DuckDbWriter& operator=(const DuckDbWriter&) = delete;

  uint64_t write(const Batch& batch, RejectSink& rejects, const std::string& source) override;
  void finish() override;
  // DuckDB's row group (122,880 rows): a transaction of whole row groups is written straight
  // into the database file; a smaller one goes to the WAL first and is written again by the
  // checkpoint (measured: most of a 1,000,000-row load at 10,000 rows per batch; bench/README.md).
  size_t rows_per_commit() const override { return 122880; }
  void gather(size_t rows) override;
  uint64_t commit() override;
  // Held batch copies (see held_) past this many bytes of values end the open transaction
  // early (default 8 MB: two of the executor's batches).
  void limit_held_bytes(size_t bytes) { max_held_bytes_ = bytes; }

private:
  // How one batch column reaches its table column.
  enum class Fill : uint8_t {
    Copy,     // the batch's own representation is the vector's (BIGINT, TIMESTAMP, DOUBLE, VARCHAR, BLOB)
    Integer,  // TINYINT..BIGINT from Int64 or Decimal: range (and no fraction) checked, then stored
    Decimal,  // DECIMAL(p,s) from Int64 or Decimal: rescaled exactly, then stored in its width
    Cast,     // the batch's natural type; DuckDB's appender casts (and refuses what does not cast)
  };
  struct Slot {
    ValueKind kind = ValueKind::Text;
    int batch_scale = 0;
    Fill fill = Fill::Cast;
    duckdb_logical_type chunk_type = nullptr;  // the table's type when we can fill it directly
    duckdb_type chunk_id = DUCKDB_TYPE_INVALID;
    duckdb_type storage = DUCKDB_TYPE_INVALID;  // Integer: the type; Decimal: int16/32/64/hugeint
    int precision = 0, scale = 0;               // DECIMAL width and scale
    Int128 limit = 0;                           // Decimal: 10^precision; Integer: the type's maximum + 1
    const char* type_name = "";                 // Integer: for reject reasons
    // Values converted to the target's representation by the one checking pass (write()),
    // indexed by batch row; fill_chunk copies them. Reused from batch to batch.
    std::vector<int64_t> staged;
    std::vector<Int128> staged_wide;  // Decimal stored as HUGEINT
  };

  void open_appender();
  // BEGIN, and the end of the transaction (COMMIT or ROLLBACK done), told to the block cache,
  // which may hold a BEGIN back for a checkpoint.
  void begin();
  void ended();
  // Reads what DuckDB can refuse in the table (must_hold_, not_null_).
  void read_constraints();
  bool has_null_for_not_null(const Batch& batch) const;
  // The one checking pass over a batch: refused_ and reasons_ (unsorted), staged values.
  void stage(const Batch& batch);
  // Appends rows to the open transaction (beginning one); false when DuckDB refused them, and
  // the transaction is then rolled back.
  bool append_open(const Batch& batch, const uint32_t* rows, size_t n, std::string* error);
  // Fills and appends the rows, then flushes the appender; false when DuckDB refused them.
  bool append_rows(const Batch& batch, const uint32_t* rows, size_t n);
  std::string abandon_appender();
  // Commits the open transaction; false when DuckDB refused it (rolled back).
  bool commit_open(std::string* error = nullptr);
  // After a refused transaction: loads the held rows again, batch by batch, bisecting; returns
  // how many loaded. Clears the held rows.
  uint64_t redo_held();
  // Loads rows of `batch` one transaction per try, bisecting down to the refused rows (staged).
  uint64_t load_rows(const Batch& batch, const uint32_t* rows, size_t n, RejectSink& rejects,
                     const std::string& source);
  void reject_row(const Batch& batch, size_t row, std::string reason, RejectSink& rejects, const std::string& source);
  void close_appender();
  // Checks column `i` of every row not yet refused and stages its values; a row that fails is
  // refused with its first failing column's reason (columns are checked in order).
  void check_column(size_t i, const Batch& batch);
  std::optional<std::string> try_rows(const Batch& batch, const uint32_t* rows, size_t n);
  void fill_chunk(const Batch& batch, const uint32_t* rows, size_t n);

  std::string table_;         // catalog name, as rejects report it
  std::string target_table_;  // name in DuckDB
  std::string schema_;
  std::vector<LoadColumn> columns_;
  duckdb_connection conn_ = nullptr;
  DuckDbBlockCache* cache_ = nullptr;
  duckdb_appender appender_ = nullptr;
  std::vector<Slot> slots_;
  duckdb_data_chunk chunk_ = nullptr;
  // Per batch, reused: which rows the checks refused and why, and the rows that go to DuckDB.
  std::vector<uint8_t> refused_;
  std::vector<std::pair<uint32_t, std::string>> reasons_;
  std::vector<uint32_t> rows_;
  // gather(): rows per transaction (0: one per write()), the open transaction's rows, and the
  // copies of the batches it holds.
  // When DuckDB cannot refuse a row the writer let through (no key, UNIQUE, CHECK or FOREIGN
  // KEY constraint, no cast left to DuckDB, every NOT NULL column loaded), nothing is held:
  // transactions are then several row groups long at no cost in memory, and a batch with a
  // NULL for a NOT NULL column goes alone, in transactions of its own, as without gather().
  size_t gather_rows_ = 0;
  bool must_hold_ = true;
  std::vector<size_t> not_null_;  // batch columns whose table column is NOT NULL
  bool open_ = false;
  bool in_transaction_ = false;  // between begin() and ended()
  bool started_ = false;         // began a transaction (DuckDbBlockCache counts it as loading)
  bool finished_ = false;        // finish() ran: its unit is done
  size_t open_rows_ = 0;
  HeldBatches held_;
  size_t max_held_bytes_ = size_t(8) << 20;
};

}  // namespace orashift
