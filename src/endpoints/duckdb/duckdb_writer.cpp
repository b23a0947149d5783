#include "endpoints/duckdb/duckdb_writer.h"

#include <stdexcept>

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

bool fills_directly(ValueKind kind, duckdb_type target) {
  switch (kind) {
    case ValueKind::Int64: return target == DUCKDB_TYPE_BIGINT || target == DUCKDB_TYPE_DECIMAL;
    case ValueKind::Decimal: return target == DUCKDB_TYPE_DECIMAL;
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

template <class T>
void put_decimal(void* data, size_t i, Int128 v) {
  static_cast<T*>(data)[i] = static_cast<T>(v);
}

}  // namespace

DuckDbWriter::DuckDbWriter(duckdb_database db, std::string table, std::vector<LoadColumn> columns, std::string schema)
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
    if (fills_directly(s.kind, duckdb_get_type_id(target))) {
      s.chunk_type = target;
    } else {
      duckdb_destroy_logical_type(&target);
      s.chunk_type = natural_type(s.kind, s.batch_scale);
    }
    s.chunk_id = duckdb_get_type_id(s.chunk_type);
    if (s.chunk_id == DUCKDB_TYPE_DECIMAL) {
      s.decimal_storage = duckdb_decimal_internal_type(s.chunk_type);
      s.precision = duckdb_decimal_width(s.chunk_type);
      s.scale = duckdb_decimal_scale(s.chunk_type);
    }
    types.push_back(s.chunk_type);
  }
  chunk_ = duckdb_create_data_chunk(types.data(), types.size());
}

DuckDbWriter::~DuckDbWriter() {
  close_appender();
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

// Refusals we must make ourselves: DuckDB would wrap or round a decimal that does not fit the
// chunk's type, and treats invalid UTF-8 in a VARCHAR as undefined behaviour.
std::optional<std::string> DuckDbWriter::check_row(const Batch& batch, size_t row) const {
  for (size_t i = 0; i < slots_.size(); ++i) {
    const Slot& s = slots_[i];
    const ColumnVector& c = batch.columns[i];
    if (c.is_null(row)) continue;
    std::string reason;
    Int128 out;
    if (s.chunk_id == DUCKDB_TYPE_DECIMAL &&
        !rescale_decimal(s.kind == ValueKind::Int64 ? Int128(c.ints[row]) : c.decimals[row],
                         s.kind == ValueKind::Int64 ? 0 : s.batch_scale, s.precision, s.scale, out, &reason))
      return "column " + target_name(columns_[i].name) + ": " + reason;
    if (s.kind == ValueKind::Text && !valid_utf8(c.text(row)))
      return "column " + target_name(columns_[i].name) + ": text is not valid UTF-8";
  }
  return std::nullopt;
}

void DuckDbWriter::fill_chunk(const Batch& batch, const uint32_t* rows, size_t n) {
  duckdb_data_chunk_reset(chunk_);
  for (size_t i = 0; i < slots_.size(); ++i) {
    const Slot& s = slots_[i];
    const ColumnVector& c = batch.columns[i];
    duckdb_vector vec = duckdb_data_chunk_get_vector(chunk_, i);
    void* data = duckdb_vector_get_data(vec);
    uint64_t* validity = nullptr;
    for (size_t k = 0; k < n; ++k) {
      size_t row = rows[k];
      if (c.is_null(row)) {
        if (!validity) {
          duckdb_vector_ensure_validity_writable(vec);
          validity = duckdb_vector_get_validity(vec);
        }
        duckdb_validity_set_row_invalid(validity, k);
        continue;
      }
      switch (s.chunk_id) {
        case DUCKDB_TYPE_DECIMAL: {
          Int128 v = 0;
          if (s.kind == ValueKind::Int64)
            rescale_decimal(c.ints[row], 0, s.precision, s.scale, v);
          else
            rescale_decimal(c.decimals[row], s.batch_scale, s.precision, s.scale, v);
          switch (s.decimal_storage) {
            case DUCKDB_TYPE_SMALLINT: put_decimal<int16_t>(data, k, v); break;
            case DUCKDB_TYPE_INTEGER: put_decimal<int32_t>(data, k, v); break;
            case DUCKDB_TYPE_BIGINT: put_decimal<int64_t>(data, k, v); break;
            default: {
              duckdb_hugeint h;
              h.lower = static_cast<uint64_t>(v);
              h.upper = static_cast<int64_t>(v >> 64);
              static_cast<duckdb_hugeint*>(data)[k] = h;
            }
          }
          break;
        }
        case DUCKDB_TYPE_BIGINT:
        case DUCKDB_TYPE_TIMESTAMP: static_cast<int64_t*>(data)[k] = c.ints[row]; break;
        case DUCKDB_TYPE_DOUBLE: static_cast<double*>(data)[k] = c.doubles[row]; break;
        default: {  // VARCHAR, BLOB
          std::string_view t = c.text(row);
          duckdb_vector_assign_string_element_len(vec, k, t.data(), t.size());
        }
      }
    }
  }
  duckdb_data_chunk_set_size(chunk_, n);
}

// Loads the given rows in one transaction, or none of them.
std::optional<std::string> DuckDbWriter::try_rows(const Batch& batch, const uint32_t* rows, size_t n) {
  if (!appender_) open_appender();
  if (auto error = run(conn_, "BEGIN TRANSACTION")) throw std::runtime_error("duckdb: " + *error);
  const size_t vector_size = duckdb_vector_size();
  bool ok = true;
  for (size_t done = 0; ok && done < n; done += vector_size) {
    fill_chunk(batch, rows + done, std::min(vector_size, n - done));
    ok = duckdb_append_data_chunk(appender_, chunk_) == DuckDBSuccess;
  }
  if (ok) ok = duckdb_appender_flush(appender_) == DuckDBSuccess;
  if (ok) {
    auto error = run(conn_, "COMMIT");
    if (!error) return std::nullopt;
    run(conn_, "ROLLBACK");  // a failed COMMIT already rolled back; this only makes sure
    return error;
  }
  duckdb_error_data data = duckdb_appender_error_data(appender_);
  std::string message = duckdb_error_data_message(data);
  bool fatal = fatal_error(duckdb_error_data_error_type(data));
  duckdb_destroy_error_data(&data);
  close_appender();
  run(conn_, "ROLLBACK");
  if (fatal) throw std::runtime_error("duckdb: table " + quote_ident(target_table_) + ": " + message);
  return message;
}

uint64_t DuckDbWriter::write(const Batch& batch, RejectSink& rejects, const std::string& source) {
  if (batch.columns.size() != slots_.size())
    throw std::invalid_argument("duckdb writer: batch has " + std::to_string(batch.columns.size()) +
                                " columns, the writer " + std::to_string(slots_.size()));
  auto reject = [&](size_t row, std::string reason) {
    Reject r;
    r.table = table_;
    r.source = source;
    r.line = row < batch.source_lines.size() ? batch.source_lines[row] : 0;
    r.reason = std::move(reason);
    r.record = copy_row_text(batch, row);
    rejects.reject(std::move(r));
  };
  std::vector<uint32_t> rows;
  rows.reserve(batch.rows());
  for (size_t row = 0; row < batch.rows(); ++row) {
    if (auto why = check_row(batch, row))
      reject(row, std::move(*why));
    else
      rows.push_back(static_cast<uint32_t>(row));
  }
  return load_bisecting(
      0, rows.size(), [&](size_t lo, size_t hi) { return try_rows(batch, rows.data() + lo, hi - lo); },
      [&](size_t k, const std::string& reason) { reject(rows[k], reason); });
}

void DuckDbWriter::finish() { close_appender(); }

}  // namespace orashift
