#pragma once
// One Redshift table: batches become CSV rows streamed into compressed parts as they arrive;
// finish() writes the manifest, uploads, and runs (or, stage-only, writes) the COPY.
#include <memory>
#include <string>
#include <vector>

#include "endpoints/redshift/csv_encoder.h"
#include "endpoints/redshift/part_writer.h"
#include "endpoints/redshift/stage_context.h"
#include "endpoints/redshift/stage_upload.h"
#include "load/endpoint.h"

namespace orashift::redshift {

class RedshiftWriter : public TableWriter {
public:
  RedshiftWriter(StageContext& ctx, std::string table, std::vector<LoadColumn> columns);

  uint64_t write(const Batch& batch, RejectSink& rejects, const std::string& source) override;
  // Throws when upload or COPY fails; Redshift's per-line errors then become rejects first.
  void finish() override;
  bool commits_at_finish() const override { return true; }

  const std::vector<StagedPart>& parts() const { return parts_.parts(); }

private:
  std::string parts_prefix() const;  // s3://bucket/prefix/<table>/: where this table's parts are
  CopyStatement copy_statement() const;
  void run_copy(const std::string& sql);

  StageContext& ctx_;
  std::string table_;   // catalog name, as rejects report it
  std::string target_;  // target table name
  std::string folder_;
  std::vector<LoadColumn> columns_;
  CsvPolicy policy_;
  PartWriter parts_;
  std::unique_ptr<PartUploader> uploader_;  // null when nothing goes to S3
  std::string encoded_;
  std::vector<size_t> ends_;
  // finish() has no sink of its own: COPY's load errors go to the one the engine gave write()
  // (the table's reject file; the same for every unit of the table).
  RejectSink* sink_ = nullptr;
};

}  // namespace orashift::redshift
