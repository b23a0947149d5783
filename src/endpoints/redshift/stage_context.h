#pragma once
// What the Redshift target shares with its table writers: the options, where things go, the
// cluster connection (absent in stage-only mode) and the copy.sql file.
#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "endpoints/postgres/pg_connection.h"
#include "endpoints/redshift/redshift_options.h"
#include "s3/s3_client.h"

namespace orashift::redshift {

struct StageContext {
  RedshiftOptions options;
  std::string root;                      // local folder holding <table>/part-… and manifest.json
  std::optional<S3Location> s3;          // where parts go in S3 (absent: local only)
  std::optional<s3::S3Config> s3_config;
  CopyAuth auth;                         // for COPY
  std::string copy_sql_path;             // stage-only: DIR/copy.sql
  std::unique_ptr<PgConnection> conn;    // null in stage-only mode
  std::mutex mu;                         // guards conn and copy.sql
  // The DDL turned enable_case_sensitive_identifier on (names differing only in case): each COPY
  // turns it on as well, so its column list means what the CREATE TABLE meant.
  std::atomic<bool> case_sensitive_identifiers = false;

  bool stage_only() const { return !options.stage_only_dir.empty(); }
  void append_copy_sql(const std::string& sql);
};

// A file-name-safe folder name for a table ("SALES$X" → "sales_x").
std::string table_folder(const std::string& target_table);

}  // namespace orashift::redshift
