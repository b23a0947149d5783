#include "endpoints/postgres/postgres_target.h"

#include "endpoints/postgres/pg_conninfo.h"
#include "common/naming.h"
#include "endpoints/postgres/postgres_writer.h"

namespace orashift {

PostgresTarget::PostgresTarget(std::string conninfo) : conninfo_(std::move(conninfo)), conn_(conninfo_) {}

std::string PostgresTarget::describe() const { return redact_conninfo(conninfo_); }

void PostgresTarget::execute(const std::string& sql) { conn_.execute(sql); }

QueryResult PostgresTarget::query(const std::string& sql) { return conn_.query(sql); }

std::unique_ptr<TableWriter> PostgresTarget::open_writer(const Table& table, const std::vector<LoadColumn>& columns) {
  return std::make_unique<PostgresWriter>(conninfo_, table.name, columns, session_sql_);
}

void PostgresTarget::use_schema(const std::string& schema) {
  conn_.execute("CREATE SCHEMA IF NOT EXISTS " + quote_ident(schema));
  session_sql_ = "SET search_path TO " + quote_ident(schema);
  conn_.set_session(session_sql_);
}

}  // namespace orashift
