#pragma once
// DuckDB as a target (`duckdb:FILE`), through DuckDB's C API: the embedded default target.
#include <string>

#include "endpoints/duckdb/duckdb_api.h"
#include "endpoints/duckdb/duckdb_block_cache.h"

#include "load/endpoint.h"

namespace orashift {

class DuckDbTarget : public TargetEndpoint {
public:
  // Opens (creating if needed) the database file; ":memory:" or "" gives an in-memory database.
  // Throws std::runtime_error with DuckDB's message when the file cannot be opened.
  explicit DuckDbTarget(std::string path);
  ~DuckDbTarget() override;
  DuckDbTarget(const DuckDbTarget&) = delete;
  DuckDbTarget& operator=(const DuckDbTarget&) = delete;

  std::string describe() const override { return "duckdb:" + path_; }
  std::string dialect() const override { return "duckdb"; }
  // Runs one or more ';'-separated statements, one at a time; throws with DuckDB's message.
  void execute(const std::string& sql) override;
  // Every cell as DuckDB's text (NULL as nullopt). Through the C API's value accessors, so a
  // VARCHAR holding a NUL byte comes back cut at it (the stored value is complete).
  QueryResult query(const std::string& sql) override;
  // The writer appends to <schema>.<target_name(table.name)> (main unless use_schema) on a
  // connection of its own, so writers of different tables can run on different threads. It
  // must not outlive this target.
  std::unique_ptr<TableWriter> open_writer(const Table& table, const std::vector<LoadColumn>& columns) override;
  void use_schema(const std::string& schema) override;

private:
  std::string path_;
  duckdb_database db_ = nullptr;
  duckdb_connection conn_ = nullptr;
  std::string schema_ = "main";  // where writers append
  // A file database's writers bound its cache of written blocks (an in-memory database's
  // blocks are its data: nothing to evict).
  DuckDbBlockCache cache_;
  bool file_ = false;
};

// Runs ';'-separated statements on `conn`; throws std::runtime_error with DuckDB's message.
void duckdb_execute(duckdb_connection conn, const std::string& sql);

}  // namespace orashift
