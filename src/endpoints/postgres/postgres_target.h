#pragma once
// PostgreSQL as a target (`postgres://user@host:port/db?...`), through libpq.
#include <string>

#include "endpoints/postgres/pg_connection.h"
#include "load/endpoint.h"

namespace orashift {

class PostgresTarget : public TargetEndpoint {
public:
  // `conninfo` is passed to PQconnectdb as is (a URI or key=value string); the password may
  // come from it, PGPASSWORD or ~/.pgpass. Connects at once; throws std::runtime_error
  // (without the password) when it cannot.
  explicit PostgresTarget(std::string conninfo);

  std::string describe() const override;  // the connection string with its password masked
  std::string dialect() const override { return "postgres"; }
  // Runs one or more ';'-separated statements; throws with the server's message and detail.
  void execute(const std::string& sql) override;
  QueryResult query(const std::string& sql) override;
  // The writer COPYs into <target_name(table.name)> in the default schema (search_path,
  // normally public, or use_schema's), on a connection of its own so writers can run on
  // different threads.
  std::unique_ptr<TableWriter> open_writer(const Table& table, const std::vector<LoadColumn>& columns) override;
  void use_schema(const std::string& schema) override;

private:
  std::string conninfo_;
  PgConnection conn_;
  std::string session_sql_;  // SET search_path for every connection, once use_schema was called
};

}  // namespace orashift
