#include "endpoints/redshift/redshift_writer.h"

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "common/naming.h"
#include "dialect/redshift_identifiers.h"
#include "endpoints/postgres/pg_conninfo.h"
#include "endpoints/redshift/load_errors.h"
#include "endpoints/redshift/manifest.h"
#include "endpoints/redshift/stage_upload.h"
#include "load/copy_text.h"

namespace orashift::redshift {

namespace fs = std::filesystem;

RedshiftWriter::RedshiftWriter(StageContext& ctx, std::string table, std::vector<LoadColumn> columns)
    : ctx_(ctx),
      table_(std::move(table)),
      target_(target_name(table_)),
      folder_(table_folder(target_)),
      columns_(std::move(columns)),
      parts_((fs::path(ctx.root) / folder_).string(), ctx.options.compression, ctx.options.max_file_size,
             ctx.options.compression_level) {
  policy_.accept_invalid_utf8 = ctx.options.accept_invalid_utf8;
  // TIMESTAMP WITH [LOCAL] TIME ZONE maps to TIMESTAMPTZ (docs/type-mapping.md); batches carry its UTC instant.
  for (const auto& c : columns_)
    policy_.utc_offset.push_back(c.column && c.column->type.suffix.find("TIME ZONE") != std::string::npos);
  if (ctx.s3_config) {
    uploader_ = std::make_unique<PartUploader>(*ctx.s3_config, ctx.s3->bucket, ctx.options.upload_threads);
    parts_.on_part_closed([this](const StagedPart& p) { uploader_->submit({p.path, ctx_.s3->key(folder_ + "/" + p.name)}); });
  }
}

uint64_t RedshiftWriter::write(const Batch& batch, RejectSink& rejects, const std::string& source) {
  if (batch.columns.size() != columns_.size())
    throw std::invalid_argument("redshift writer: batch has " + std::to_string(batch.columns.size()) +
                                " columns, the writer " + std::to_string(columns_.size()));
  sink_ = &rejects;
  encoded_.clear();
  ends_.clear();
  for (size_t row = 0; row < batch.rows(); ++row) {
    CsvRowProblem p = append_csv_row(encoded_, batch, row, policy_);
    if (p.column < 0) {
      ends_.push_back(encoded_.size());
      continue;
    }
    rejects.reject(
        batch_row_reject(table_, source, batch, row, "column " + target_name(columns_[p.column].name) + ": " + p.reason));
  }
  parts_.add_rows(encoded_, ends_);
  return ends_.size();
}

std::string RedshiftWriter::parts_prefix() const { return ctx_.s3->url(folder_ + "/"); }

CopyStatement RedshiftWriter::copy_statement() const {
  CopyStatement s;
  s.table = target_;
  for (const auto& c : columns_) s.columns.push_back(target_name(c.name));
  s.manifest_url = ctx_.s3->url(folder_ + "/manifest.json");
  s.compression = ctx_.options.compression;
  s.auth = ctx_.auth;
  s.region = ctx_.options.s3_region;
  s.settings = ctx_.options.copy;
  if (ctx_.options.accept_invalid_utf8 && s.settings.replace_invalid_chars.empty()) s.settings.replace_invalid_chars = "?";
  // The staged rows carry the Oracle identity values; COPY refuses a column list naming an
  // IDENTITY column unless EXPLICIT_IDS is given (COPY, "Column mapping options").
  for (const auto& c : columns_)
    if (c.column && !c.column->identity_sql.empty()) s.settings.explicit_ids = true;
  return s;
}

void RedshiftWriter::finish() {
  const std::vector<StagedPart>& parts = parts_.finish();
  const fs::path dir = fs::path(ctx_.root) / folder_;
  fs::create_directories(dir);
  std::vector<ManifestEntry> entries;
  std::vector<std::string> keys;  // everything this table put in S3
  for (const auto& p : parts) {
    entries.push_back({ctx_.s3->url(folder_ + "/" + p.name), p.file_bytes});
    keys.push_back(ctx_.s3->key(folder_ + "/" + p.name));
  }
  const std::string manifest_path = (dir / "manifest.json").string();
  {
    std::ofstream m(manifest_path, std::ios::binary | std::ios::trunc);
    m << manifest_json(entries);
    if (!m) throw std::runtime_error("cannot write " + manifest_path);
  }
  keys.push_back(ctx_.s3->key(folder_ + "/manifest.json"));

  CopyStatement stmt = copy_statement();
  if (parts.empty()) {
    // COPY fails on a manifest without files; an empty table needs no COPY at all.
    if (ctx_.stage_only()) ctx_.append_copy_sql("-- " + quote_ident(target_) + ": no rows staged, no COPY\n\n");
    return;
  }
  if (uploader_) {
    uploader_->wait();  // the parts went up while the table was staged
    // Last, so a manifest in S3 always names parts that are already there.
    upload_all(*ctx_.s3_config, ctx_.s3->bucket, {{manifest_path, keys.back()}}, 1);
  }
  const std::string session = ctx_.case_sensitive_identifiers ? std::string(kCaseSensitiveIdentifiers) + "\n" : "";
  if (ctx_.stage_only()) {
    // Whoever runs the COPY by hand gets the queries orashift would run when it fails.
    std::vector<std::string> queries = load_error_queries(parts_prefix());
    ctx_.append_copy_sql(session + copy_sql(stmt, true) + "-- if this COPY fails, its refused lines:\n--   " + queries[0] +
                         ";\n-- on Serverless, or when that returns no rows (concurrency scaling):\n--   " +
                         queries[1] + ";\n\n");
    return;
  }
  run_copy(session + copy_sql(stmt, false));
  if (!ctx_.options.keep_staged) {
    auto problems = delete_all(*ctx_.s3_config, ctx_.s3->bucket, keys);
    if (!problems.empty()) throw std::runtime_error("loaded, but staged files not deleted: " + problems.front());
    fs::remove_all(dir);
  }
}

void RedshiftWriter::run_copy(const std::string& sql) {
  std::lock_guard lock(ctx_.mu);
  try {
    ctx_.conn->execute(sql);
  } catch (const std::exception& copy_error) {
    // The COPY statement itself is never in the message: it may hold access keys.
    std::string message =
        scrub_secrets(copy_error.what(), {ctx_.auth.secret_access_key, ctx_.auth.session_token, ctx_.auth.access_key_id});
    size_t n = 0;
    for (const std::string& q : load_error_queries(parts_prefix())) {
      try {
        QueryResult errors = ctx_.conn->query(q);
        // STL_LOAD_ERRORS has no rows for Serverless and concurrency-scaling loads: ask the next.
        if (errors.rows.empty()) continue;
        for (const auto& row : errors.rows) {
          if (sink_) sink_->reject(reject_from_load_error(table_, row));
          ++n;
        }
        break;
      } catch (const std::exception&) {
        // STL_LOAD_ERRORS does not exist on Redshift Serverless: ask the next.
      }
    }
    throw std::runtime_error("redshift: COPY into " + quote_ident(target_) + " failed (" + std::to_string(n) +
                             " load errors recorded as rejects): " + message);
  }
}

}  // namespace orashift::redshift
