#pragma once
// Streams batches into one PostgreSQL table with COPY ... FROM STDIN, one COPY in one explicit
// transaction per batch, so a refused batch is rolled back whole by the server; it is then
// redone in halves, down to single rows, so exactly the refused rows become rejects. Rows are
// sent while the batch is still being encoded. When the connection drops, the writer
// reconnects per the RetryPolicy and asks the server (txid_status) whether the batch's
// transaction committed: if not, it sends the same rows again; if its answer was lost after the
// commit, it does not — so no row is lost or doubled. With gather() (the engine's default), the
// COPY stays open across batches and commits every rows_per_commit() rows or max_held_bytes_ of
// held batch copies, whichever comes first: one COPY and one COMMIT per batch cost the server
// about 3.6 ms each, a fifth of a pgbench_accounts run at 10,000 rows per batch. A refused or
// lost gathered transaction is redone from the copies one batch per transaction, bisected as
// above, so the rejects are the same. The binary format is used when every
// column has an exact binary form for its target type (pg_copy_binary.h), the text format
// otherwise.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "endpoints/postgres/pg_connection.h"
#include "endpoints/postgres/pg_copy_binary.h"
#include "load/copy_text.h"
#include "load/endpoint.h"
#include "load/held_batches.h"

namespace orashift {

class PostgresWriter : public TableWriter {
public:
  // Opens its own connection and reads the table's column types (to refuse decimals that
  // NUMERIC(p,s) would round). Throws when the table or a column does not exist.
  // `session_sql` (e.g. SET search_path) runs on its connection first and after reconnects.
  PostgresWriter(const std::string& conninfo, std::string table, std::vector<LoadColumn> columns,
                 const std::string& session_sql = {});

  uint64_t write(const Batch& batch, RejectSink& rejects, const std::string& source) override;
  void finish() override { commit(); }
  size_t rows_per_commit() const override { return 100000; }
  void gather(size_t rows) override;
  uint64_t commit() override;
  void set_retry(const RetryPolicy& policy) override { retry_ = &policy; }
  bool uses_binary_copy() const { return binary_.has_value(); }
  // Binary COPY tuples of a PostgreSQL source whose columns have the very types of this table's.
  bool takes_raw(const RawRowFormat& format) const override;
  // Autovacuum off on the table while the task fills it, back to the table's default after.
  std::string bulk_load(bool loading) override;

private:
  struct NumericLimit {
    bool check = false;
    int precision = 0, scale = 0;
    // Values strictly inside ±fits_below need no rescaling check (0: always check).
    Int128 fits_below = 0;
  };

  std::optional<std::string> check_row(const Batch& batch, size_t row) const;
  // Appends row `row` to encoded_ and ends_; false when it cannot be sent. With `rejects`, the
  // row is checked first and a refused row rejected; without, it is one that passed before.
  bool encode_row(const Batch& batch, size_t row, RejectSink* rejects, const std::string& source);
  // Encodes every row of the batch into encoded_ (the sendable ones listed in rows_), sending
  // it to the open COPY as it grows, unless the connection is `lost`.
  void encode(const Batch& batch, RejectSink& rejects, const std::string& source, std::optional<std::string>& lost);
  // Runs `step`; a runtime_error on a lost connection is kept in `lost` (and later steps skipped).
  void streamed(std::optional<std::string>& lost, const std::function<void()>& step);
  // The rows of encoded_ (batch rows `rows`) after a COPY of them all ended with `refused`:
  // loaded when nothing was refused, bisected down to the refused rows otherwise.
  uint64_t load_encoded(const Batch& batch, const std::vector<uint32_t>& rows, RejectSink& rejects,
                        const std::string& source, std::optional<std::string> refused, int64_t attempt = 0);
  void reject_row(const Batch& batch, size_t row, std::string reason, RejectSink& rejects, const std::string& source) {
    rejects.reject(batch_row_reject(table_, source, batch, row, std::move(reason)));
  }
  void release_held();
  // After the gathered transaction was refused or lost: each held batch again, in its own
  // transaction, bisected; returns how many rows loaded.
  uint64_t redo_held();
  // The connection dropped while the gathered transaction was open or committing: reconnects
  // (or throws), then counts the held rows if it had committed, redoes them if not.
  uint64_t recover_held(const std::string& lost);
  // COPYs the encoded rows [lo, hi) in one statement; returns the server's message if refused.
  // Retries after a dropped connection; `attempt` is the number of retries already made.
  std::optional<std::string> copy_rows(size_t lo, size_t hi, int64_t attempt = 0);
  // After a failed COPY: when the connection is lost and the policy allows retry `attempt`,
  // waits, reconnects and returns true (a failed reconnect uses up further attempts). Then
  // `committed_` says whether the lost batch's transaction had committed (nothing to resend).
  bool recover(int64_t& attempt, const std::string& error);
  // Whether transaction `xid_` committed, asked on the new connection (waits while the old
  // backend has not yet noticed the loss); throws when the server cannot tell.
  bool batch_committed();
  // Begins the batch's transaction (noting its id) and the COPY.
  void start_copy();
  void send(size_t from, size_t to);  // bytes [from, to) of encoded_
  void put(std::string_view bytes);    // one PQputCopyData
  // Ends the COPY and commits (or rolls back and returns the server's message if it refused
  // the rows); throws for fatal errors and a lost connection.
  std::optional<std::string> finish_copy();

  PgConnection conn_;
  std::string table_;  // catalog name, as rejects report it
  std::string copy_sql_;
  std::vector<LoadColumn> columns_;
  std::vector<NumericLimit> limits_;
  std::vector<std::string> types_;  // each column's type, as format_type() spells it
  std::optional<PgCopyBinaryEncoder> binary_;  // set: COPY in binary format
  std::string encoded_;        // the batch's loadable rows in the COPY format (text rows end in '\n')
  std::vector<size_t> ends_;   // end offset of each encoded row
  std::vector<uint32_t> rows_;  // batch row of each encoded row
  // gather(): rows per transaction (0: one per write()), whether its COPY is open, and the
  // copies of the batches it holds.
  size_t gather_rows_ = 0;
  bool open_ = false;
  size_t open_rows_ = 0;
  HeldBatches held_;
  size_t max_held_bytes_ = size_t(32) << 20;
  const RetryPolicy* retry_ = nullptr;  // none: a dropped connection fails the batch
  std::string xid_;         // transaction id of the batch in flight ("" before it is known)
  bool committed_ = false;  // set by recover()
  bool autovacuum_paused_ = false;  // bulk_load(true) switched it off
};

}  // namespace orashift
