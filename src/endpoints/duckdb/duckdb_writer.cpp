#include "endpoints/duckdb/duckdb_writer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <type_traits>

#include "common/decimal_rescale.h"
#include "common/utf8.h"
#include "common/naming.h"
#include "load/bisect.h"
#include "load/copy_text.h"

namespace orashift {

namespace {

// The type a batch column has in DuckDB when the table's type is something else; DuckDB's
// appender then casts it (and refuses the chunk when a value does not cast).
duckdb_logical_type natural_type(ValueKind kind, int scale) {
  switch (kind) {
    case ValueKind::Int64: return duckdb_create_logical_type(DUCKDB_TYPE_BIGINT);
    case ValueKind::Decimal: return duckdb_create_decimal_type(38, static_cast<uint8_t>(scale));
    case ValueKind::Double: return duckdb_create_logical_type(DUCKDB_TYPE_DOUBLE);
    case ValueKind::Text: return duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR);
    case ValueKind::Timestamp: return duckdb_create_logical_type(DUCKDB_TYPE_TIMESTAMP);
    case ValueKind::Bytes: return duckdb_create_logical_type(DUCKDB_TYPE_BLOB);
  }
  return nullptr;
}

// Integer column types the writer stores itself: its range and name (for reject reasons).
struct IntegerType {
  int64_t min, max;
  const char* name;
};
std::optional<IntegerType> integer_type(duckdb_type t) {
  switch (t) {
    case DUCKDB_TYPE_TINYINT: return IntegerType{INT8_MIN, INT8_MAX, "TINYINT"};
    case DUCKDB_TYPE_SMALLINT: return IntegerType{INT16_MIN, INT16_MAX, "SMALLINT"};
    case DUCKDB_TYPE_INTEGER: return IntegerType{INT32_MIN, INT32_MAX, "INTEGER"};
    case DUCKDB_TYPE_BIGINT: return IntegerType{INT64_MIN, INT64_MAX, "BIGINT"};
    default: return std::nullopt;
  }
}

bool exact_number(ValueKind kind) { return kind == ValueKind::Int64 || kind == ValueKind::Decimal; }

// The batch's representation is the vector's: values are copied as they are.
bool copies_directly(ValueKind kind, duckdb_type target) {
  switch (kind) {
    case ValueKind::Int64: return target == DUCKDB_TYPE_BIGINT;
    case ValueKind::Decimal: return false;
    case ValueKind::Double: return target == DUCKDB_TYPE_DOUBLE;
    case ValueKind::Text: return target == DUCKDB_TYPE_VARCHAR;
    case ValueKind::Timestamp: return target == DUCKDB_TYPE_TIMESTAMP;
    case ValueKind::Bytes: return target == DUCKDB_TYPE_BLOB;
  }
  return false;
}

// Errors that say nothing about the rows: bisecting would only reject good data.
bool fatal_error(duckdb_error_type type) {
  switch (type) {
    case DUCKDB_ERROR_IO:
    case DUCKDB_ERROR_INTERRUPT:
    case DUCKDB_ERROR_FATAL:
    case DUCKDB_ERROR_INTERNAL:
    case DUCKDB_ERROR_OUT_OF_MEMORY:
    case DUCKDB_ERROR_CONNECTION:
    case DUCKDB_ERROR_PERMISSION:
    case DUCKDB_ERROR_CATALOG: return true;
    default: return false;
  }
}

// Runs a statement; returns DuckDB's message on failure.
std::optional<std::string> run(duckdb_connection conn, const char* sql) {
  duckdb_result result;
  std::optional<std::string> error;
  if (duckdb_query(conn, sql, &result) == DuckDBError) error = duckdb_result_error(&result);
  duckdb_destroy_result(&result);
  return error;
}

}  // namespace

DuckDbWriter::DuckDbWriter(duckdb_database db, std::string table, std::vector<LoadColumn> columns, std::string schema,
                           DuckDbBlockCache* cache)
    : table_(std::move(table)), target_table_(target_name(table_)), schema_(std::move(schema)), columns_(std::move(columns)) {
  if (duckdb_connect(db, &conn_) == DuckDBError) throw std::runtime_error("duckdb: cannot open a connection");
  open_appender();
  slots_.resize(columns_.size());
  std::vector<duckdb_logical_type> types;
  for (size_t i = 0; i < columns_.size(); ++i) {
    Slot& s = slots_[i];
    s.kind = columns_[i].kind;
    s.batch_scale = columns_[i].scale;
    duckdb_logical_type target = duckdb_appender_column_type(appender_, i);
    duckdb_type id = duckdb_get_type_id(target);
    auto integer = integer_type(id);
    if (copies_directly(s.kind, id)) s.fill = Fill::Copy;
    else if (exact_number(s.kind) && integer) s.fill = Fill::Integer;
    else if (exact_number(s.kind) && id == DUCKDB_TYPE_DECIMAL) s.fill = Fill::Decimal;
    else s.fill = Fill::Cast;
    if (s.fill == Fill::Cast) {
      duckdb_destroy_logical_type(&target);
      s.chunk_type = natural_type(s.kind, s.batch_scale);
    } else {
      s.chunk_type = target;
    }
    s.chunk_id = duckdb_get_type_id(s.chunk_type);
    if (s.fill == Fill::Integer) {
      s.storage = s.chunk_id;
      s.limit = Int128(integer->max) + 1;
      s.type_name = integer->name;
    } else if (s.chunk_id == DUCKDB_TYPE_DECIMAL) {
      s.storage = duckdb_decimal_internal_type(s.chunk_type);
      s.precision = duckdb_decimal_width(s.chunk_type);
      s.scale = duckdb_decimal_scale(s.chunk_type);
      s.limit = pow10_i128(s.precision);
    }
    types.push_back(s.chunk_type);
  }
  chunk_ = duckdb_create_data_chunk(types.data(), types.size());
  if (cache) {  // last: a constructor that threw runs no destructor to tell the cache
    cache_ = cache;
    cache_->writer_opened();
  }
}

DuckDbWriter::~DuckDbWriter() {
  close_appender();
  if (cache_) cache_->writer_closed(conn_, in_transaction_, started_ && !finished_);
  if (chunk_) duckdb_destroy_data_chunk(&chunk_);
  for (Slot& s : slots_)
    if (s.chunk_type) duckdb_destroy_logical_type(&s.chunk_type);
  if (conn_) duckdb_disconnect(&conn_);
}

void DuckDbWriter::open_appender() {
  if (duckdb_appender_create_ext(conn_, nullptr, schema_.c_str(), target_table_.c_str(), &appender_) == DuckDBError) {
    std::string message = appender_ ? duckdb_appender_error(appender_) : "cannot create appender";
    close_appender();
    throw std::runtime_error("duckdb: table " + quote_ident(target_table_) + ": " + message);
  }
  for (const LoadColumn& c : columns_) {
    if (duckdb_appender_add_column(appender_, target_name(c.name).c_str()) == DuckDBError) {
      std::string message = duckdb_appender_error(appender_);
      close_appender();
      throw std::runtime_error("duckdb: table " + quote_ident(target_table_) + ": " + message);
    }
  }
}

void DuckDbWriter::close_appender() {
  // After a failed flush DuckDB has already dropped the appender's data; destroying it in the
  // aborted transaction cannot write anything either.
  if (appender_) duckdb_appender_destroy(&appender_);
  appender_ = nullptr;
}

// Refusals we must make ourselves: DuckDB would wrap or round a number that does not fit the
// column's type, and treats invalid UTF-8 in a VARCHAR as undefined behaviour. Every value is
// looked at once: the check also converts it (staged), and fill_chunk only copies.
void DuckDbWriter::check_column(size_t i, const Batch& batch) {
  Slot& s = slots_[i];
  const ColumnVector& c = batch.columns[i];
  const size_t n = batch.rows();
  auto refuse = [&](size_t row, std::string reason) {
    refused_[row] = 1;
    reasons_.emplace_back(static_cast<uint32_t>(row), "column " + target_name(columns_[i].name) + ": " + reason);
  };
  if (s.kind == ValueKind::Text) {
    if (c.utf8_checked) return;  // the reader checked every value
    for (size_t row = 0; row < n; ++row)
      if (!refused_[row] && !c.is_null(row) && !valid_utf8(c.text(row))) refuse(row, "text is not valid UTF-8");
    return;
  }
  if (s.fill != Fill::Integer && s.fill != Fill::Decimal) return;
  const bool wide = s.fill == Fill::Decimal && s.storage == DUCKDB_TYPE_HUGEINT;
  if (wide) s.staged_wide.resize(n);
  else s.staged.resize(n);
  const bool from_int = s.kind == ValueKind::Int64;
  const int from_scale = from_int ? 0 : s.batch_scale;
  size_t row = 0;
  if (s.fill == Fill::Integer && !from_int && from_scale > 0 && from_scale <= 18) {
    // A scaled decimal into an integer column (an unconstrained NUMBER key, carried at scale
    // 10): in 64 bits while the values fit them, with the general loop's tests; the general
    // loop below takes over at the first value outside 64 bits, with a fraction or out of the
    // column's range (it decides and says why). A divisor known at compile time is a multiply.
    const int64_t lo = static_cast<int64_t>(-s.limit), hi = static_cast<int64_t>(s.limit - 1);
    auto fast = [&](auto divisor) {
      for (; row < n; ++row) {
        if (refused_[row] || c.is_null(row)) continue;
        const Int128 v = c.decimals[row];
        const int64_t w = static_cast<int64_t>(v);
        if (Int128(w) != v) break;
        const int64_t q = w / divisor, r = w % divisor;
        if (r != 0 || q < lo || q > hi) break;
        s.staged[row] = q;
      }
    };
    if (from_scale == 10) fast(std::integral_constant<int64_t, 10'000'000'000>{});
    else fast(static_cast<int64_t>(pow10_u64(from_scale)));
  }
  for (; row < n; ++row) {
    if (refused_[row] || c.is_null(row)) continue;
    const Int128 v = from_int ? Int128(c.ints[row]) : c.decimals[row];
    Int128 out;
    if (s.fill == Fill::Integer) {
      out = v;
      if (from_scale > 0) {
        Int128 p = pow10_i128(std::min(from_scale, 38));
        if (from_scale > 38 ? v != 0 : v % p != 0) {
          refuse(row, format_decimal(v, from_scale) + " would be rounded to fit " + s.type_name);
          continue;
        }
        out = from_scale > 38 ? 0 : v / p;
      }
      if (out >= s.limit || out < -s.limit) {
        refuse(row, format_decimal(v, from_scale) + " does not fit " + s.type_name);
        continue;
      }
    } else if (from_scale == s.scale || (from_int && s.scale <= 18)) {
      // The common shapes: the same scale, or an integer into DECIMAL(p,s); a bound check.
      out = from_scale == s.scale ? v : v * pow10_i128(s.scale);
      if (out >= s.limit || out <= -s.limit) {  // the general rule decides, and says why
        std::string reason;
        if (!rescale_decimal(v, from_scale, s.precision, s.scale, out, &reason)) {
          refuse(row, std::move(reason));
          continue;
        }
      }
    } else {
      std::string reason;
      if (!rescale_decimal(v, from_scale, s.precision, s.scale, out, &reason)) {
        refuse(row, std::move(reason));
        continue;
      }
    }
    if (wide) s.staged_wide[row] = out;
    else s.staged[row] = static_cast<int64_t>(out);
  }
}

namespace {

template <class T, class V>
void put_rows(void* data, const V* values, const uint32_t* rows, size_t n) {
  T* out = static_cast<T*>(data);
  for (size_t k = 0; k < n; ++k) out[k] = static_cast<T>(values[rows[k]]);
}

// `rows` ascending and without gaps: the values are one block of the batch.
bool contiguous(const uint32_t* rows, size_t n) { return n > 0 && rows[n - 1] - rows[0] == n - 1; }

}  // namespace

void DuckDbWriter::fill_chunk(const Batch& batch, const uint32_t* rows, size_t n) {
  duckdb_data_chunk_reset(chunk_);
  const bool block = contiguous(rows, n);
  for (size_t i = 0; i < slots_.size(); ++i) {
    const Slot& s = slots_[i];
    const ColumnVector& c = batch.columns[i];
    duckdb_vector vec = duckdb_data_chunk_get_vector(chunk_, i);
    void* data = duckdb_vector_get_data(vec);
    uint64_t* validity = nullptr;
    for (size_t k = 0; k < n; ++k) {
      if (c.is_null(rows[k])) {
        if (!validity) {
          duckdb_vector_ensure_validity_writable(vec);
          validity = duckdb_vector_get_validity(vec);
        }
        duckdb_validity_set_row_invalid(validity, k);
      }
    }
    if (s.fill == Fill::Integer || (s.fill == Fill::Decimal && s.storage != DUCKDB_TYPE_HUGEINT)) {
      switch (s.storage) {
        case DUCKDB_TYPE_TINYINT: put_rows<int8_t>(data, s.staged.data(), rows, n); break;
        case DUCKDB_TYPE_SMALLINT: put_rows<int16_t>(data, s.staged.data(), rows, n); break;
        case DUCKDB_TYPE_INTEGER: put_rows<int32_t>(data, s.staged.data(), rows, n); break;
        default: put_rows<int64_t>(data, s.staged.data(), rows, n);
      }
      continue;
    }
    if (s.fill == Fill::Decimal || (s.fill == Fill::Cast && s.kind == ValueKind::Decimal)) {
      // HUGEINT storage: the staged value, or (cast) the batch's own at its own scale.
      const Int128* values = s.fill == Fill::Decimal ? s.staged_wide.data() : c.decimals.data();
      auto* out = static_cast<duckdb_hugeint*>(data);
      for (size_t k = 0; k < n; ++k) {
        Int128 v = values[rows[k]];
        out[k].lower = static_cast<uint64_t>(v);
        out[k].upper = static_cast<int64_t>(v >> 64);
      }
      continue;
    }
    switch (s.kind) {
      case ValueKind::Int64:
      case ValueKind::Timestamp:
        if (block) std::memcpy(data, c.ints.data() + rows[0], n * sizeof(int64_t));
        else put_rows<int64_t>(data, c.ints.data(), rows, n);
        break;
      case ValueKind::Double:
        if (block) std::memcpy(data, c.doubles.data() + rows[0], n * sizeof(double));
        else put_rows<double>(data, c.doubles.data(), rows, n);
        break;
      default:  // VARCHAR, BLOB
        for (size_t k = 0; k < n; ++k) {
          if (c.is_null(rows[k])) continue;
          std::string_view t = c.text(rows[k]);
          duckdb_vector_assign_string_element_len(vec, k, t.data(), t.size());
        }
    }
  }
  duckdb_data_chunk_set_size(chunk_, n);
}

// DuckDB out of memory, whatever the error's type says: a scale-10 load with a 32 MB block cache
// once got "Failed to append: could not allocate block of size 256.0 KiB (33.9 MiB/34.0 MiB
// used)" and rejected 2,048 good rows with it. Memory is never the rows' fault.
static bool out_of_memory_message(const std::string& message) {
  return message.find("could not allocate block") != std::string::npos ||
         message.find("Out of Memory") != std::string::npos;
}

// After DuckDB refused an append: its message, the appender dropped and the transaction rolled
// back; throws when the error says nothing about the rows.
std::string DuckDbWriter::abandon_appender() {
  duckdb_error_data data = duckdb_appender_error_data(appender_);
  std::string message = duckdb_error_data_message(data);
  bool fatal = fatal_error(duckdb_error_data_error_type(data)) || out_of_memory_message(message);
  duckdb_destroy_error_data(&data);
  close_appender();
  run(conn_, "ROLLBACK");
  ended();
  open_ = false;
  open_rows_ = 0;
  if (fatal) throw std::runtime_error("duckdb: table " + quote_ident(target_table_) + ": " + message);
  return message;
}

void DuckDbWriter::begin() {
  if (cache_) cache_->before_begin(!started_);
  started_ = true;
  in_transaction_ = true;
  if (auto error = run(conn_, "BEGIN TRANSACTION")) {
    ended();
    throw std::runtime_error("duckdb: " + *error);
  }
}

void DuckDbWriter::ended() {
  if (!in_transaction_) return;
  in_transaction_ = false;
  if (cache_) cache_->transaction_ended(conn_);
}

bool DuckDbWriter::append_rows(const Batch& batch, const uint32_t* rows, size_t n) {
  const size_t vector_size = duckdb_vector_size();
  for (size_t done = 0; done < n; done += vector_size) {
    fill_chunk(batch, rows + done, std::min(vector_size, n - done));
    if (duckdb_append_data_chunk(appender_, chunk_) != DuckDBSuccess) return false;
  }
  return duckdb_appender_flush(appender_) == DuckDBSuccess;
}

// Loads the given rows in one transaction, or none of them.
std::optional<std::string> DuckDbWriter::try_rows(const Batch& batch, const uint32_t* rows, size_t n) {
  if (!appender_) open_appender();
  begin();
  if (!append_rows(batch, rows, n)) return abandon_appender();
  auto error = run(conn_, "COMMIT");
  if (!error) {
    if (cache_) cache_->after_commit(conn_);
    ended();
    return std::nullopt;
  }
  run(conn_, "ROLLBACK");  // a failed COMMIT already rolled back; this only makes sure
  ended();
  if (out_of_memory_message(*error)) throw std::runtime_error("duckdb: table " + quote_ident(target_table_) + ": " + *error);
  return error;
}

bool DuckDbWriter::append_open(const Batch& batch, const uint32_t* rows, size_t n, std::string* error) {
  if (!appender_) open_appender();
  if (!open_) {
    begin();
    open_ = true;
    open_rows_ = 0;
  }
  // Flushed into the transaction's own row groups at once: the appender keeps no second copy.
  if (!append_rows(batch, rows, n)) {
    *error = abandon_appender();
    return false;
  }
  open_rows_ += n;
  return true;
}

bool DuckDbWriter::commit_open(std::string* error) {
  open_ = false;
  open_rows_ = 0;
  auto refused = run(conn_, "COMMIT");
  if (!refused) {
    if (cache_) cache_->after_commit(conn_);
    ended();
    return true;
  }
  run(conn_, "ROLLBACK");
  ended();
  if (out_of_memory_message(*refused))
    throw std::runtime_error("duckdb: table " + quote_ident(target_table_) + ": " + *refused);
  if (error) *error = *refused;
  return false;
}

void DuckDbWriter::gather(size_t rows) {
  read_constraints();
  // Nothing held: eight row groups per transaction (fewer commits, each row group written once,
  // straight into the file); held rows: one row group or max_held_bytes_ of copies, the fewer.
  gather_rows_ = must_hold_ ? rows : rows * 8;
}

void DuckDbWriter::read_constraints() {
  auto texts = [&](const std::string& sql) {
    std::vector<std::string> out;
    duckdb_result result;
    if (duckdb_query(conn_, sql.c_str(), &result) == DuckDBError) {
      std::string message = duckdb_result_error(&result);
      duckdb_destroy_result(&result);
      throw std::runtime_error("duckdb: table " + quote_ident(target_table_) + ": " + message);
    }
    for (idx_t r = 0; r < duckdb_row_count(&result); ++r) {
      char* v = duckdb_value_varchar(&result, 0, r);
      out.emplace_back(v ? v : "");
      duckdb_free(v);
    }
    duckdb_destroy_result(&result);
    return out;
  };
  const std::string where = " WHERE database_name = current_database() AND lower(schema_name) = lower(" +
                            quote_literal(schema_) + ") AND lower(table_name) = lower(" + quote_literal(target_table_) + ")";
  bool refusable = !texts("SELECT constraint_type FROM duckdb_constraints()" + where +
                          " AND constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'CHECK', 'FOREIGN KEY')")
                        .empty();
  for (const Slot& slot : slots_) refusable |= slot.fill == Fill::Cast;
  not_null_.clear();
  for (const std::string& name : texts("SELECT lower(column_name) FROM duckdb_columns()" + where + " AND NOT is_nullable")) {
    bool loaded = false;
    for (size_t i = 0; i < columns_.size(); ++i) {
      std::string mine = target_name(columns_[i].name);
      std::transform(mine.begin(), mine.end(), mine.begin(), [](unsigned char c) { return std::tolower(c); });
      if (mine != name) continue;
      not_null_.push_back(i);
      loaded = true;
    }
    refusable |= !loaded;  // filled by its default, which may be NULL
  }
  must_hold_ = refusable;
}

bool DuckDbWriter::has_null_for_not_null(const Batch& batch) const {
  for (size_t i : not_null_)
    for (uint32_t row : rows_)
      if (batch.columns[i].is_null(row)) return true;
  return false;
}

void DuckDbWriter::stage(const Batch& batch) {
  refused_.assign(batch.rows(), 0);
  reasons_.clear();
  for (size_t i = 0; i < slots_.size(); ++i) check_column(i, batch);
}

void DuckDbWriter::reject_row(const Batch& batch, size_t row, std::string reason, RejectSink& rejects,
                              const std::string& source) {
  rejects.reject(batch_row_reject(table_, source, batch, row, std::move(reason)));
}

uint64_t DuckDbWriter::load_rows(const Batch& batch, const uint32_t* rows, size_t n, RejectSink& rejects,
                                 const std::string& source) {
  return load_bisecting(
      0, n, [&](size_t lo, size_t hi) { return try_rows(batch, rows + lo, hi - lo); },
      [&](size_t k, const std::string& reason) { reject_row(batch, rows[k], reason, rejects, source); });
}

uint64_t DuckDbWriter::redo_held() {
  uint64_t loaded = 0;
  for (HeldBatches::Held& h : held_) {
    stage(h.batch);  // its values again; the rows the checks refused are not in h.rows
    loaded += load_rows(h.batch, h.rows.data(), h.rows.size(), *h.rejects, h.source);
  }
  held_.clear();
  return loaded;
}

uint64_t DuckDbWriter::write(const Batch& batch, RejectSink& rejects, const std::string& source) {
  if (batch.columns.size() != slots_.size())
    throw std::invalid_argument("duckdb writer: batch has " + std::to_string(batch.columns.size()) +
                                " columns, the writer " + std::to_string(slots_.size()));
  const size_t n = batch.rows();
  stage(batch);
  // Rejects in row order, as the rows are read.
  std::sort(reasons_.begin(), reasons_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [row, reason] : reasons_) reject_row(batch, row, std::move(reason), rejects, source);
  rows_.clear();
  for (size_t row = 0; row < n; ++row)
    if (!refused_[row]) rows_.push_back(static_cast<uint32_t>(row));
  if (!gather_rows_) return load_rows(batch, rows_.data(), rows_.size(), rejects, source);

  // Gathering: the rows join the open transaction, which commits when it holds gather_rows_
  // (a batch may end one transaction and begin the next). Rows left open are held (copied)
  // when DuckDB could refuse them.
  uint64_t loaded = 0;
  if (!must_hold_ && has_null_for_not_null(batch)) {  // DuckDB refuses some: alone, as without gather()
    loaded += commit();
    return loaded + load_rows(batch, rows_.data(), rows_.size(), rejects, source);
  }
  for (size_t k = 0; k < rows_.size();) {
    const size_t take = std::min(rows_.size() - k, gather_rows_ - open_rows_);
    const uint32_t* part = rows_.data() + k;
    const size_t before = open_rows_;
    std::string error;
    bool ok = append_open(batch, part, take, &error);
    bool full = ok && open_rows_ >= gather_rows_;
    bool held = false;
    if (ok && !full && must_hold_) {
      held_.hold(batch, part, take, rejects, source);  // the last part of this batch: it stays open
      held = true;
      // The copies are bounded in bytes, not only by the row group: a row group of wide rows
      // held by each unit was most of a scale-10 migrate's peak RSS (bench/README.md).
      full = held_.bytes() >= max_held_bytes_;
    }
    if (full) {
      ok = commit_open(&error);
      if (ok) {
        loaded += before + take;
        held_.clear();
      }
    }
    if (!ok && !must_hold_ && before > 0)  // rows of earlier batches are gone: say so, loudly
      throw std::runtime_error("duckdb: table " + quote_ident(target_table_) + ": a transaction of " +
                               std::to_string(before + take) + " rows was refused (" + error +
                               "), which the writer did not expect; its rows are not loaded");
    if (!ok) {  // redo what the refused transaction held, then this part (unless held), as separate batches
      loaded += redo_held();
      if (!held) {
        stage(batch);
        loaded += load_rows(batch, part, take, rejects, source);
      }
    }
    k += take;
  }
  return loaded;
}

uint64_t DuckDbWriter::commit() {
  if (!open_) return 0;
  const size_t rows = open_rows_;
  std::string error;
  if (commit_open(&error)) {
    held_.clear();
    return rows;
  }
  if (!must_hold_)
    throw std::runtime_error("duckdb: table " + quote_ident(target_table_) + ": a transaction of " + std::to_string(rows) +
                             " rows was refused (" + error + "), which the writer did not expect; its rows are not loaded");
  return redo_held();
}

void DuckDbWriter::finish() {
  commit();
  close_appender();
  if (cache_ && !finished_) cache_->writer_finished(started_);
  finished_ = true;
}

}  // namespace orashift
