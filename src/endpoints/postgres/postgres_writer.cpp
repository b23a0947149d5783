#include "endpoints/postgres/postgres_writer.h"

#include <chrono>
#include <functional>
#include <stdexcept>
#include <thread>

#include "common/decimal_rescale.h"
#include "common/naming.h"
#include "load/bisect.h"
#include "load/copy_text.h"
#include "load/retry_policy.h"

namespace orashift {

namespace {

constexpr unsigned kNumericOid = 1700;
constexpr size_t kSendChunk = 1 << 20;    // bytes per PQputCopyData at most
constexpr size_t kStreamChunk = 128 << 10;  // encoded bytes sent while the batch is encoded

}  // namespace

PostgresWriter::PostgresWriter(const std::string& conninfo, std::string table, std::vector<LoadColumn> columns,
                               const std::string& session_sql)
    : conn_(conninfo), table_(std::move(table)), columns_(std::move(columns)) {
  conn_.set_session(session_sql);
  const std::string target = target_name(table_);
  QueryResult attrs = conn_.query_params(
      "SELECT a.attname, a.atttypid, a.atttypmod, " + std::string(pg_binary::kPassTypeSql) + " FROM pg_attribute a "
      "WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped",
      {quote_ident(target)});
  if (attrs.rows.empty()) throw std::runtime_error("postgres: table " + quote_ident(target) + " does not exist");
  std::string column_list;
  std::vector<PgCopyBinaryEncoder::Column> binary_columns;
  for (const LoadColumn& c : columns_) {
    const std::string name = target_name(c.name);
    const std::vector<std::optional<std::string>>* attr = nullptr;
    for (const auto& row : attrs.rows)
      if (row[0] == name) attr = &row;
    if (!attr) throw std::runtime_error("postgres: table " + quote_ident(target) + " has no column " + quote_ident(name));
    NumericLimit limit;
    int typmod = std::stoi(attr->at(2).value_or("-1"));
    unsigned oid = static_cast<unsigned>(std::stoul(attr->at(1).value_or("0")));
    binary_columns.push_back({name, c.kind, oid});
    types_.push_back(attr->at(3).value_or(""));
    if (oid == kNumericOid && typmod >= 4 &&
        (c.kind == ValueKind::Decimal || c.kind == ValueKind::Int64)) {
      // NUMERIC(p,s) typmod: ((p << 16) | (s & 0x7ff)) + 4, s an 11-bit signed number.
      limit.check = true;
      limit.precision = ((typmod - 4) >> 16) & 0xffff;
      limit.scale = (((typmod - 4) & 0x7ff) ^ 1024) - 1024;
      // Widening the scale by `shift` digits keeps a value exact; it then fits if it has at
      // most precision - shift digits: a plain comparison instead of rescale_decimal per value.
      int from_scale = c.kind == ValueKind::Decimal ? c.scale : 0;
      int shift = limit.scale - from_scale;
      if (shift >= 0 && limit.precision >= shift && limit.precision - shift <= 38)
        limit.fits_below = pow10_i128(limit.precision - shift);
    }
    limits_.push_back(limit);
    if (!column_list.empty()) column_list += ", ";
    column_list += quote_ident(name);
  }
  copy_sql_ = "COPY " + quote_ident(target) + " (" + column_list + ") FROM STDIN";
  bool all_binary = true;
  for (const auto& b : binary_columns) all_binary = all_binary && PgCopyBinaryEncoder::supports(b.kind, b.type_oid);
  if (all_binary) {
    binary_.emplace(std::move(binary_columns));
    copy_sql_ += " (FORMAT binary)";
  }
}

// The tuples hold values of exactly the column's types, so the checks below (NUMERIC(p,s)
// rounding, integer ranges, NUL bytes) cannot refuse one: the target server still checks what
// its types and constraints require, and a row it refuses is bisected out as any other.
bool PostgresWriter::takes_raw(const RawRowFormat& format) const {
  return binary_ && format.encoding == pg_binary::kTupleEncoding && format.column_types == types_;
}

// Committed in transactions of 100,000 rows, a table being loaded crosses autovacuum's insert
// and analyze thresholds again and again, and a worker vacuumed and analyzed it beside the load
// (40 % of a core in a pgbench_accounts run on two cores; one COPY transaction never shows it
// rows before its end). A table the task created is not the user's yet: its autovacuum is off
// until the load ends, then back to the table's default, which also lets autovacuum analyze it.
// Where PostgreSQL refuses the setting (a partitioned table) the load goes on as it was.
std::string PostgresWriter::bulk_load(bool loading) {
  const std::string table = quote_ident(target_name(table_));
  if (loading) {
    try {
      conn_.execute("ALTER TABLE " + table + " SET (autovacuum_enabled = false)");
      autovacuum_paused_ = true;
    } catch (const std::exception&) {
    }
    return "";
  }
  if (!autovacuum_paused_) return "";
  std::string error;
  for (int attempt = 0; attempt < 2; ++attempt) {
    try {
      if (!conn_.ok()) conn_.reset();
      conn_.execute("ALTER TABLE " + table + " RESET (autovacuum_enabled)");
      autovacuum_paused_ = false;
      return "";
    } catch (const std::exception& e) {
      error = e.what();
    }
  }
  return "autovacuum, paused during the load, could not be switched back on (" + error + "): run ALTER TABLE " +
         table + " RESET (autovacuum_enabled)";
}

// NUMERIC(p,s) rounds extra fractional digits without a word; we refuse them instead.
std::optional<std::string> PostgresWriter::check_row(const Batch& batch, size_t row) const {
  for (size_t i = 0; i < limits_.size(); ++i) {
    const NumericLimit& l = limits_[i];
    const ColumnVector& c = batch.columns[i];
    if (!l.check || c.is_null(row)) continue;
    bool is_int = c.kind == ValueKind::Int64;
    Int128 v = is_int ? Int128(c.ints[row]) : c.decimals[row];
    if (v < l.fits_below && -v < l.fits_below) continue;
    Int128 out;
    std::string reason;
    if (!rescale_decimal(v, is_int ? 0 : c.scale, l.precision, l.scale, out, &reason))
      return "column " + target_name(columns_[i].name) + ": " + reason;
  }
  return std::nullopt;
}

// Each batch is one explicit transaction whose id is read first: a connection lost around the
// COMMIT leaves the client unable to tell whether the rows are in; the id lets the reconnected
// writer ask (txid_status) instead of resending a committed batch and doubling its rows.
void PostgresWriter::start_copy() {
  xid_.clear();
  QueryResult begin = conn_.query("BEGIN; SELECT txid_current()");
  if (begin.rows.empty() || !begin.rows[0][0]) throw std::runtime_error("postgres: no transaction id for the batch");
  xid_ = *begin.rows[0][0];
  PgResult start(PQexec(conn_.get(), copy_sql_.c_str()), &PQclear);
  if (!start || PQresultStatus(start.get()) != PGRES_COPY_IN)
    throw std::runtime_error("postgres: " + copy_sql_ + ": " + conn_.error_of(start.get()));
  if (binary_) {
    std::string header;
    PgCopyBinaryEncoder::append_header(header);
    put(header);
  }
}

void PostgresWriter::put(std::string_view bytes) {
  if (PQputCopyData(conn_.get(), bytes.data(), static_cast<int>(bytes.size())) != 1)
    throw std::runtime_error("postgres: COPY data not sent: " + conn_.error_of(nullptr));
}

void PostgresWriter::send(size_t from, size_t to) {
  for (size_t at = from; at < to; at += kSendChunk)
    put(std::string_view(encoded_).substr(at, std::min(kSendChunk, to - at)));
}

std::optional<std::string> PostgresWriter::finish_copy() {
  PGconn* pg = conn_.get();
  if (binary_) {
    std::string trailer;
    PgCopyBinaryEncoder::append_trailer(trailer);
    put(trailer);
  }
  if (PQputCopyEnd(pg, nullptr) != 1) throw std::runtime_error("postgres: COPY not finished: " + conn_.error_of(nullptr));
  std::optional<std::string> error;
  bool fatal = false;
  while (PGresult* raw = PQgetResult(pg)) {
    PgResult r(raw, &PQclear);
    if (PQresultStatus(r.get()) != PGRES_COMMAND_OK && !error) {
      error = conn_.error_of(r.get());
      fatal = pg_fatal_sqlstate(PQresultErrorField(r.get(), PG_DIAG_SQLSTATE));
    }
  }
  if (error && (fatal || !conn_.ok())) throw std::runtime_error("postgres: " + copy_sql_ + ": " + *error);
  conn_.execute(error ? "ROLLBACK" : "COMMIT");
  return error;
}

bool PostgresWriter::batch_committed() {
  for (int waited_ms = 0;; waited_ms += 100) {
    QueryResult r = conn_.query("SELECT txid_status(" + xid_ + ")");
    std::string status = r.rows.empty() ? "" : r.rows[0][0].value_or("");
    if (status == "committed") return true;
    if (status == "aborted") return false;
    // "in progress": the old backend has not noticed the lost connection yet.
    if (status != "in progress" || waited_ms >= 60000)
      throw std::runtime_error("postgres: cannot tell whether the batch sent before the connection was lost (transaction " +
                               xid_ + ") was committed: " + (status.empty() ? "no status" : status));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

bool PostgresWriter::recover(int64_t& attempt, const std::string& error) {
  if (conn_.ok() || !retry_) return false;  // not a lost connection: the caller rethrows
  std::string what = "postgres: connection lost while loading " + quote_ident(target_name(table_)) + " (" + error + ")";
  for (;;) {
    ++attempt;
    if (!retry_->before_retry(attempt, what)) return false;
    try {
      conn_.reset();
      committed_ = !xid_.empty() && batch_committed();
      if (retry_->log)
        retry_->log("postgres: reconnected; " +
                    std::string(committed_ ? "the batch in flight had been committed, not resending it"
                                           : "resending the batch") +
                    " for " + quote_ident(target_name(table_)));
      return true;
    } catch (const std::exception& e) {
      what = e.what();
    }
  }
}

std::optional<std::string> PostgresWriter::copy_rows(size_t lo, size_t hi, int64_t attempt) {
  for (;;) {
    try {
      start_copy();
      send(lo ? ends_[lo - 1] : 0, ends_[hi - 1]);
      return finish_copy();
    } catch (const std::runtime_error& e) {
      if (!recover(attempt, e.what())) throw;
      if (committed_) return std::nullopt;
    }
  }
}

void PostgresWriter::streamed(std::optional<std::string>& lost, const std::function<void()>& step) {
  if (lost) return;
  try {
    step();
  } catch (const std::runtime_error& e) {
    if (conn_.ok()) throw;
    lost = e.what();
  }
}

bool PostgresWriter::encode_row(const Batch& batch, size_t row, RejectSink* rejects, const std::string& source) {
  if (batch.raw.format) {  // takes_raw() accepted the reader's format: the tuple as it came
    encoded_.append(batch.raw.row(row));
    ends_.push_back(encoded_.size());
    return true;
  }
  if (rejects) {
    if (auto refused = check_row(batch, row)) {
      reject_row(batch, row, std::move(*refused), *rejects, source);
      return false;
    }
  }
  if (binary_) {
    if (auto why = binary_->append_row(encoded_, batch, row)) {
      if (rejects) reject_row(batch, row, std::move(*why), *rejects, source);
      return false;
    }
  } else {
    size_t begin = encoded_.size();
    int nul_column = append_copy_row(encoded_, batch, row);
    if (nul_column >= 0) {
      encoded_.resize(begin);
      if (rejects)
        reject_row(batch, row,
                   "column " + target_name(columns_[nul_column].name) + ": text contains a NUL byte, which PostgreSQL cannot store",
                   *rejects, source);
      return false;
    }
    encoded_.push_back('\n');
  }
  ends_.push_back(encoded_.size());
  return true;
}

void PostgresWriter::encode(const Batch& batch, RejectSink& rejects, const std::string& source,
                            std::optional<std::string>& lost) {
  encoded_.clear();
  ends_.clear();
  rows_.clear();
  // The COPY is open while the batch is encoded and sent a chunk at a time, so the server
  // parses rows while the next ones are encoded (encoding first and sending after left the
  // server idle for that long on every batch).
  if (batch.raw.format && gather_rows_) {
    // Tuples passed through go out as they came: a refused or lost transaction is redone from
    // the held copy of the batch, so nothing here needs them encoded again.
    rows_.resize(batch.rows());
    for (size_t row = 0; row < rows_.size(); ++row) rows_[row] = static_cast<uint32_t>(row);
    streamed(lost, [&] {
      for (size_t at = 0; at < batch.raw.bytes.size(); at += kSendChunk)
        put(std::string_view(batch.raw.bytes).substr(at, kSendChunk));
    });
    return;
  }
  size_t sent = 0;
  for (size_t row = 0; row < batch.rows(); ++row) {
    if (!encode_row(batch, row, &rejects, source)) continue;
    rows_.push_back(static_cast<uint32_t>(row));
    if (encoded_.size() - sent >= kStreamChunk) {
      streamed(lost, [&] { send(sent, encoded_.size()); });
      sent = encoded_.size();
    }
  }
  streamed(lost, [&] { send(sent, encoded_.size()); });
}

uint64_t PostgresWriter::load_encoded(const Batch& batch, const std::vector<uint32_t>& rows, RejectSink& rejects,
                                      const std::string& source, std::optional<std::string> refused, int64_t attempt) {
  if (!refused) return rows.size();
  // Refused as a whole (and rolled back by the server): redo in halves down to single rows.
  auto try_range = [&](size_t lo, size_t hi) { return copy_rows(lo, hi, attempt); };
  auto reject_one = [&](size_t k, const std::string& reason) {
    reject_row(batch, rows[k], reason, rejects, source);
  };
  if (rows.size() == 1) {
    reject_one(0, *refused);
    return 0;
  }
  size_t mid = rows.size() / 2;
  return load_bisecting(0, mid, try_range, reject_one) + load_bisecting(mid, rows.size(), try_range, reject_one);
}

uint64_t PostgresWriter::write(const Batch& batch, RejectSink& rejects, const std::string& source) {
  if (batch.columns.size() != columns_.size())
    throw std::invalid_argument("postgres writer: batch has " + std::to_string(batch.columns.size()) +
                                " columns, the writer " + std::to_string(columns_.size()));
  // A dropped connection stops the streaming; the rows are encoded to the end and sent again
  // once reconnected.
  std::optional<std::string> lost;
  if (gather_rows_) {
    if (!open_) {
      streamed(lost, [&] { start_copy(); });
      open_ = true;
    }
    encode(batch, rejects, source, lost);
    if (!rows_.empty()) {
      held_.hold(batch, rows_.data(), rows_.size(), rejects, source);
      open_rows_ += rows_.size();
    }
    if (lost) return recover_held(*lost);
    if (open_rows_ < gather_rows_ && held_.bytes() < max_held_bytes_) return 0;
    return commit();
  }
  streamed(lost, [&] { start_copy(); });
  encode(batch, rejects, source, lost);
  std::optional<std::string> refused;
  streamed(lost, [&] { refused = finish_copy(); });
  int64_t attempt = 0;
  if (lost) {
    if (!recover(attempt, *lost)) throw std::runtime_error(*lost);
    if (committed_) return rows_.size();
    if (rows_.empty()) return 0;  // nothing to resend: every row of the batch was rejected
    refused = copy_rows(0, rows_.size(), attempt);
  }
  return load_encoded(batch, rows_, rejects, source, std::move(refused), attempt);
}

void PostgresWriter::gather(size_t rows) { gather_rows_ = rows; }

void PostgresWriter::release_held() {
  held_.clear();
  open_rows_ = 0;
}

uint64_t PostgresWriter::commit() {
  if (!open_) return 0;
  std::optional<std::string> lost, refused;
  streamed(lost, [&] { refused = finish_copy(); });
  open_ = false;
  if (lost) return recover_held(*lost);
  if (refused) return redo_held();
  const uint64_t rows = open_rows_;
  release_held();
  return rows;
}

uint64_t PostgresWriter::recover_held(const std::string& lost) {
  open_ = false;
  int64_t attempt = 0;
  if (!recover(attempt, lost)) throw std::runtime_error(lost);
  if (!committed_) return redo_held();
  const uint64_t rows = open_rows_;
  release_held();
  return rows;
}

// The gathered transaction was refused or lost: each held batch goes again in a transaction of
// its own, bisected down to the refused rows, so the rejects are those of one batch per
// transaction. Checks are not run again: the rows they refused were never held.
uint64_t PostgresWriter::redo_held() {
  uint64_t loaded = 0;
  for (HeldBatches::Held& h : held_) {
    encoded_.clear();
    ends_.clear();
    for (uint32_t row : h.rows) encode_row(h.batch, row, nullptr, h.source);
    loaded += load_encoded(h.batch, h.rows, *h.rejects, h.source, copy_rows(0, h.rows.size()));
  }
  release_held();
  return loaded;
}

}  // namespace orashift
