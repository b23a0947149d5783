#include "endpoints/duckdb/duckdb_target.h"

#include <stdexcept>

#include "common/naming.h"
#include "endpoints/duckdb/duckdb_writer.h"

namespace orashift {

DuckDbTarget::DuckDbTarget(std::string path) : path_(std::move(path)) {
  char* error = nullptr;
  const char* file = path_.empty() || path_ == ":memory:" ? nullptr : path_.c_str();
  file_ = file != nullptr;
  if (duckdb_open_ext(file, &db_, nullptr, &error) == DuckDBError) {
    std::string message = error ? error : "unknown error";
    if (error) duckdb_free(error);
    throw std::runtime_error("duckdb: cannot open " + path_ + ": " + message);
  }
  if (duckdb_connect(db_, &conn_) == DuckDBError) {
    duckdb_close(&db_);
    throw std::runtime_error("duckdb: cannot connect to " + path_);
  }
}

DuckDbTarget::~DuckDbTarget() {
  if (conn_) duckdb_disconnect(&conn_);
  if (db_) duckdb_close(&db_);
}

void duckdb_execute(duckdb_connection conn, const std::string& sql) {
  duckdb_extracted_statements statements = nullptr;
  idx_t count = duckdb_extract_statements(conn, sql.c_str(), &statements);
  if (count == 0) {
    std::string message = statements ? duckdb_extract_statements_error(statements) : "";
    duckdb_destroy_extracted(&statements);
    if (message.empty()) return;  // only blanks or comments
    throw std::runtime_error(message);
  }
  for (idx_t i = 0; i < count; ++i) {
    duckdb_prepared_statement prepared = nullptr;
    if (duckdb_prepare_extracted_statement(conn, statements, i, &prepared) == DuckDBError) {
      std::string message = duckdb_prepare_error(prepared);
      duckdb_destroy_prepare(&prepared);
      duckdb_destroy_extracted(&statements);
      throw std::runtime_error(message);
    }
    duckdb_result result;
    bool failed = duckdb_execute_prepared(prepared, &result) == DuckDBError;
    std::string message = failed ? duckdb_result_error(&result) : "";
    duckdb_destroy_result(&result);
    duckdb_destroy_prepare(&prepared);
    if (failed) {
      duckdb_destroy_extracted(&statements);
      throw std::runtime_error(message);
    }
  }
  duckdb_destroy_extracted(&statements);
}

void DuckDbTarget::execute(const std::string& sql) { duckdb_execute(conn_, sql); }

QueryResult DuckDbTarget::query(const std::string& sql) {
  duckdb_result result;
  if (duckdb_query(conn_, sql.c_str(), &result) == DuckDBError) {
    std::string message = duckdb_result_error(&result);
    duckdb_destroy_result(&result);
    throw std::runtime_error(message);
  }
  QueryResult out;
  idx_t columns = duckdb_column_count(&result), rows = duckdb_row_count(&result);
  for (idx_t c = 0; c < columns; ++c) out.columns.emplace_back(duckdb_column_name(&result, c));
  out.rows.resize(rows);
  for (idx_t r = 0; r < rows; ++r) {
    out.rows[r].reserve(columns);
    for (idx_t c = 0; c < columns; ++c) {
      if (duckdb_value_is_null(&result, c, r)) {
        out.rows[r].emplace_back(std::nullopt);
        continue;
      }
      char* text = duckdb_value_varchar(&result, c, r);
      out.rows[r].emplace_back(text ? std::string(text) : std::string());
      duckdb_free(text);
    }
  }
  duckdb_destroy_result(&result);
  return out;
}

std::unique_ptr<TableWriter> DuckDbTarget::open_writer(const Table& table, const std::vector<LoadColumn>& columns) {
  return std::make_unique<DuckDbWriter>(db_, table.name, columns, schema_, file_ ? &cache_ : nullptr);
}

void DuckDbTarget::use_schema(const std::string& schema) {
  execute("CREATE SCHEMA IF NOT EXISTS " + quote_ident(schema));
  execute("SET schema = " + quote_literal(schema));
  schema_ = schema;
}

}  // namespace orashift
