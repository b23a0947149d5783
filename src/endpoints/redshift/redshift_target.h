#pragma once
// Amazon Redshift as a target (`redshift://USER@HOST:5439/DB`): DDL over libpq (Redshift speaks
// the PostgreSQL protocol), data as CSV parts staged in S3 and loaded with one COPY … MANIFEST
// per table. In stage-only mode nothing connects anywhere: the DDL, the parts, the manifests
// and the COPY statements land in a folder (and, with an S3 URL, the parts in S3).
#include <memory>
#include <string>

#include "endpoints/redshift/stage_context.h"
#include "load/endpoint.h"

namespace orashift::redshift {

class RedshiftTarget : public TargetEndpoint {
public:
  // Connects at once unless stage-only. Throws std::invalid_argument for bad options and
  // std::runtime_error (never with a password or secret key) when it cannot connect.
  RedshiftTarget(std::string url, RedshiftOptions options);

  std::string describe() const override;  // URL with its password masked, plus the staging place
  std::string dialect() const override { return "redshift"; }
  // Stage-only: appends the statement to DIR/ddl.sql.
  void execute(const std::string& sql) override;
  // Stage-only: throws (there is nothing to ask).
  QueryResult query(const std::string& sql) override;
  std::unique_ptr<TableWriter> open_writer(const Table& table, const std::vector<LoadColumn>& columns) override;
  // Stage-only: the CREATE SCHEMA and SET search_path lead ddl.sql and copy.sql.
  void use_schema(const std::string& schema) override;

  bool stage_only() const { return ctx_.stage_only(); }
  const StageContext& context() const { return ctx_; }

private:
  std::string url_;
  std::string ddl_path_;
  StageContext ctx_;
};

}  // namespace orashift::redshift
