#pragma once
// SQL engines for end-to-end tests that run converted SQL: the test PostgreSQL server (libpq)
// and a DuckDB file (C API). exec() returns "" or the engine's error; query() renders rows as
// text, columns joined by '|', rows by ';', NULL as NULL.
#include <libpq-fe.h>

#include <string>

#include "duckdb.h"

namespace e2e {

class Engine {
public:
  virtual ~Engine() = default;
  virtual std::string exec(const std::string& sql) = 0;
  virtual std::string query(const std::string& sql, std::string& rows) = 0;
};

class Pg : public Engine {
public:
  explicit Pg(const std::string& uri) : c_(PQconnectdb(uri.c_str())) {}
  ~Pg() override { PQfinish(c_); }
  bool ok() const { return PQstatus(c_) == CONNECTION_OK; }
  std::string exec(const std::string& sql) override {
    PGresult* r = PQexec(c_, sql.c_str());
    std::string err = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK
                          ? "" : PQresultErrorMessage(r);
    PQclear(r);
    return err;
  }
  std::string query(const std::string& sql, std::string& rows) override {
    PGresult* r = PQexec(c_, sql.c_str());
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
      std::string e = PQresultErrorMessage(r);
      PQclear(r);
      return e;
    }
    for (int i = 0; i < PQntuples(r); ++i) {
      if (i) rows += ";";
      for (int j = 0; j < PQnfields(r); ++j)
        rows += (j ? "|" : "") + std::string(PQgetisnull(r, i, j) ? "NULL" : PQgetvalue(r, i, j));
    }
    PQclear(r);
    return "";
  }

private:
  PGconn* c_;
};

class Duck : public Engine {
public:
  explicit Duck(const std::string& path) {
    duckdb_open(path.c_str(), &db_);
    duckdb_connect(db_, &con_);
  }
  ~Duck() override {
    duckdb_disconnect(&con_);
    duckdb_close(&db_);
  }
  std::string exec(const std::string& sql) override {
    std::string rows;
    return query(sql, rows);
  }
  std::string query(const std::string& sql, std::string& rows) override {
    duckdb_result r;
    if (duckdb_query(con_, sql.c_str(), &r) == DuckDBError) {
      std::string e = duckdb_result_error(&r) ? duckdb_result_error(&r) : "error";
      duckdb_destroy_result(&r);
      return e;
    }
    idx_t n = duckdb_row_count(&r), m = duckdb_column_count(&r);
    for (idx_t i = 0; i < n; ++i) {
      if (i) rows += ";";
      for (idx_t j = 0; j < m; ++j) {
        rows += j ? "|" : "";
        if (duckdb_value_is_null(&r, j, i)) {
          rows += "NULL";
        } else {
          char* v = duckdb_value_varchar(&r, j, i);
          rows += v;
          duckdb_free(v);
        }
      }
    }
    duckdb_destroy_result(&r);
    return "";
  }

private:
  duckdb_database db_ = nullptr;
  duckdb_connection con_ = nullptr;
};

}  // namespace e2e
