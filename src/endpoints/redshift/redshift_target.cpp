#include "endpoints/redshift/redshift_target.h"

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <unistd.h>

#include "common/naming.h"
#include "dialect/redshift_identifiers.h"
#include "endpoints/postgres/pg_conninfo.h"
#include "endpoints/redshift/redshift_writer.h"
#include "s3/credentials.h"

namespace orashift::redshift {

namespace fs = std::filesystem;

namespace {

// Stage-only without --s3: the manifests and COPY statements need some URL; this one says
// plainly what to replace.
const S3Location kPlaceholder{"replace-with-your-bucket", "orashift"};

void write_file(const std::string& path, const std::string& text, bool append) {
  std::ofstream f(path, std::ios::binary | (append ? std::ios::app : std::ios::trunc));
  f << text;
  if (!f) throw std::runtime_error("cannot write " + path);
}

}  // namespace

void StageContext::append_copy_sql(const std::string& sql) {
  std::lock_guard lock(mu);
  write_file(copy_sql_path, sql, true);
}

std::string table_folder(const std::string& t) {
  std::string s;
  for (char c : t) s.push_back(std::isalnum(static_cast<unsigned char>(c)) || c == '_' ? c : '_');
  return s.empty() ? "_" : s;
}

RedshiftTarget::RedshiftTarget(std::string url, RedshiftOptions options) : url_(std::move(url)) {
  const std::string conninfo = redshift_conninfo(url_);  // validates the URL in every mode
  ctx_.options = std::move(options);
  RedshiftOptions& o = ctx_.options;
  if (o.max_file_size == 0) throw std::invalid_argument("redshift: max file size must be positive");
  if (!o.s3_url.empty()) {
    std::string error;
    ctx_.s3 = parse_s3_url(o.s3_url, &error);
    if (!ctx_.s3) throw std::invalid_argument(error);
    s3::S3Config config = s3::S3Config::from_environment(o.s3_endpoint);
    if (!o.s3_region.empty()) config.region = o.s3_region;
    config.upload_threads = o.upload_threads;
    ctx_.s3_config = std::move(config);
  } else if (!ctx_.stage_only()) {
    throw std::invalid_argument("redshift: --s3 s3://BUCKET/PREFIX is required (Redshift loads only from S3), "
                                "or use --stage-only DIR");
  } else {
    ctx_.s3 = kPlaceholder;
  }
  ctx_.auth.iam_role = o.iam_role;
  if (o.iam_role.empty() && !ctx_.stage_only()) {
    // COPY with the caller's own keys: the same ones the upload used.
    s3::Credentials c = ctx_.s3_config->credentials;
    ctx_.auth.access_key_id = c.access_key_id;
    ctx_.auth.secret_access_key = c.secret_access_key;
    ctx_.auth.session_token = c.session_token;
  }
  if (ctx_.stage_only()) {
    ctx_.root = o.stage_only_dir;
    fs::create_directories(ctx_.root);
    ddl_path_ = (fs::path(ctx_.root) / "ddl.sql").string();
    ctx_.copy_sql_path = (fs::path(ctx_.root) / "copy.sql").string();
    write_file(ddl_path_, "-- orashift: DDL for " + describe() + "\n\n", false);
    std::string header = "-- orashift: COPY statements for " + describe() + "\n";
    if (ctx_.s3 && ctx_.s3->bucket == kPlaceholder.bucket)
      header += "-- no --s3 given: upload each folder to s3://YOUR-BUCKET/PREFIX/ and replace " +
                kPlaceholder.url("") + " in the manifests and below\n";
    if (o.iam_role.empty()) header += "-- no --iam-role given: fill in the credentials masked as '***'\n";
    write_file(ctx_.copy_sql_path, header + "\n", false);
    return;
  }
  ctx_.root = o.local_dir.empty() ? (fs::temp_directory_path() / ("orashift-redshift-" + std::to_string(getpid()))).string()
                                  : o.local_dir;
  fs::create_directories(ctx_.root);
  ctx_.conn = std::make_unique<PgConnection>(conninfo);
}

std::string RedshiftTarget::describe() const {
  std::string redacted = redact_conninfo("postgresql://" + url_.substr(11));
  std::string s = "redshift://" + redacted.substr(13);
  if (ctx_.stage_only()) s += " (stage-only → " + ctx_.options.stage_only_dir + ")";
  if (ctx_.s3 && !ctx_.options.s3_url.empty()) s += " via " + ctx_.s3->url("");
  return s;
}

void RedshiftTarget::execute(const std::string& sql) {
  if (sql.find(kCaseSensitiveIdentifiers) != std::string::npos) ctx_.case_sensitive_identifiers = true;
  if (ctx_.stage_only()) {
    std::lock_guard lock(ctx_.mu);
    write_file(ddl_path_, sql + (sql.ends_with("\n") ? "\n" : "\n\n"), true);
    return;
  }
  std::lock_guard lock(ctx_.mu);
  ctx_.conn->execute(sql);
}

QueryResult RedshiftTarget::query(const std::string& sql) {
  if (ctx_.stage_only()) throw std::runtime_error("redshift: stage-only mode has no connection to query");
  std::lock_guard lock(ctx_.mu);
  return ctx_.conn->query(sql);
}

void RedshiftTarget::use_schema(const std::string& schema) {
  const std::string create = "CREATE SCHEMA IF NOT EXISTS " + quote_ident(schema);
  const std::string path = "SET search_path TO " + quote_ident(schema);
  std::lock_guard lock(ctx_.mu);
  if (ctx_.stage_only()) {
    write_file(ddl_path_, create + ";\n" + path + ";\n\n", true);
    write_file(ctx_.copy_sql_path, path + ";\n\n", true);
    return;
  }
  ctx_.conn->execute(create);
  ctx_.conn->set_session(path);
}

std::unique_ptr<TableWriter> RedshiftTarget::open_writer(const Table& table, const std::vector<LoadColumn>& columns) {
  return std::make_unique<RedshiftWriter>(ctx_, table.name, columns);
}

}  // namespace orashift::redshift
