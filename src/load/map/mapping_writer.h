#pragma once
// A TableWriter that maps each batch (source columns) to the target table's columns before
// handing it to the real writer. A row whose value cannot be converted is rejected (a data
// error); a LOB cut to the size limit is reported to the error policy, which says whether the
// truncated row loads.
#include <memory>
#include <string>

#include "load/error_policy.h"
#include "load/map/table_route.h"

namespace orashift {

class MappingWriter : public TableWriter {
public:
  // `table` is the source table name (as stats and rejects name it); `policy` may be null
  // (truncated values then load, like LOG_ERROR, without a record).
  MappingWriter(std::string table, const TableRoute& route, std::unique_ptr<TableWriter> inner, ErrorPolicyGuard* policy);

  uint64_t write(const Batch& batch, RejectSink& rejects, const std::string& source) override;
  void finish() override { inner_->finish(); }
  bool commits_at_finish() const override { return inner_->commits_at_finish(); }
  void set_retry(const RetryPolicy& policy) override { inner_->set_retry(policy); }
  size_t rows_per_commit() const override { return inner_->rows_per_commit(); }
  void gather(size_t rows) override { inner_->gather(rows); }
  uint64_t commit() override { return inner_->commit(); }
  // Rows passed through undecoded go on as they are when the route changes nothing but LOBs
  // over the limit, which are cut in the undecoded rows (raw_cut).
  bool takes_raw(const RawRowFormat& format) const override { return identity_ && inner_->takes_raw(format); }
  std::string bulk_load(bool loading) override { return inner_->bulk_load(loading); }

  // Maps rows of `in` into `out` (cleared first); exposed for tests. Rows that fail are
  // reported to `rejects` (or, for truncations, to the policy) and left out of `out`.
  void map(const Batch& in, Batch& out, RejectSink& rejects, const std::string& source);

private:
  static bool is_identity(const TableRoute& route);
  bool lob_over_limit(const Batch& batch) const;  // a LOB value of the batch longer than its limit
  bool over_lob_limit(size_t column, int64_t size) const;  // a value of `size` bytes in that column is
  // A batch passed through undecoded with a LOB over the limit: its rows in raw_cut_, each such
  // LOB cut as map() cuts it and reported to the policy, the other values as they came.
  const Batch& raw_cut(const Batch& batch, const std::string& source);

  std::string table_;
  const TableRoute& route_;
  std::unique_ptr<TableWriter> inner_;
  ErrorPolicyGuard* policy_;
  Batch out_;
  Batch raw_cut_;
  std::string scratch_;
  // map() would copy every value unchanged (unless a LOB is over its limit): such batches go to
  // the inner writer as they are.
  bool identity_;
};

// A batch whose columns have the kinds (and scales) of `columns`, with no rows.
Batch empty_batch_for(const std::vector<LoadColumn>& columns);

}  // namespace orashift
