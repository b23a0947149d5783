#include "endpoints/factory.h"

#include <filesystem>
#include <stdexcept>

#include "endpoints/duckdb/duckdb_target.h"
#include "endpoints/oracle/oracle_source.h"
#include "endpoints/oracle_files/oracle_files_source.h"
#include "endpoints/postgres/pg_connection.h"
#include "endpoints/postgres/postgres_source.h"
#include "endpoints/postgres/postgres_target.h"
#include "endpoints/redshift/redshift_target.h"
#include "endpoints/sqlite/sqlite_source.h"

namespace orashift {

static bool starts_with(const std::string& s, std::string_view p) { return s.rfind(p, 0) == 0; }

std::unique_ptr<SourceEndpoint> make_source(const std::string& url, SourceUse use) {
  if (starts_with(url, "oracle-files:")) {
    OracleFilesOptions o;
    o.schema_only = use == SourceUse::SchemaOnly;
    o.loading = use == SourceUse::Load;
    o.dir = url.substr(std::string_view("oracle-files:").size());
    return std::make_unique<OracleFilesSource>(o);
  }
  if (starts_with(url, "postgres://") || starts_with(url, "postgresql://")) return std::make_unique<PostgresSource>(url);
  if (starts_with(url, "sqlite:")) return std::make_unique<SqliteSource>(url.substr(7));
  if (oracle::is_oracle_url(url))
    return std::make_unique<OracleSource>(oracle::parse_oracle_url(url), use != SourceUse::SchemaOnly);
  throw std::invalid_argument(
      "unknown source; expected oracle-files:DIR, oracle://USER@HOST:PORT/SERVICE, postgres://USER@HOST:PORT/DB or "
      "sqlite:FILE");
}

std::unique_ptr<TargetEndpoint> make_target(const std::string& url) {
  if (starts_with(url, "duckdb:")) {
    std::filesystem::path file = url.substr(7);
    // A new database file in a new folder is the common case (`--target duckdb:out/sh.duckdb`).
    if (file.has_parent_path() && file.string() != ":memory:") std::filesystem::create_directories(file.parent_path());
    return std::make_unique<DuckDbTarget>(file.string());
  }
  if (starts_with(url, "postgres://") || starts_with(url, "postgresql://")) return std::make_unique<PostgresTarget>(url);
  // Default staging options: S3 location and credentials come from `orashift migrate`'s --s3…
  // options, which build the target themselves (cmd_migrate.cpp).
  if (starts_with(url, "redshift://")) return std::make_unique<redshift::RedshiftTarget>(url, redshift::RedshiftOptions{});
  throw std::invalid_argument(
      "unknown target; expected duckdb:FILE, postgres://USER@HOST:PORT/DB or redshift://USER@HOST:5439/DB");
}

void prefetch_connections(const std::string& url, int count) {
  if (starts_with(url, "postgres://") || starts_with(url, "postgresql://")) prefetch_pg_connections(url, count);
}

}  // namespace orashift
