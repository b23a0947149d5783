#pragma once
// Per-table reject files: one JSON object per line with the table, source file, line, reason
// and the raw record, so that every rejected row can be found, fixed and reloaded.
#include <atomic>
#include <cstdio>
#include <mutex>
#include <set>
#include <string>

#include "load/endpoint.h"

namespace orashift {

// A table's name as a file name (letters, digits and '_' kept, anything else '_'): reject and
// truncation files of one table sit side by side under these names.
std::string safe_file_name(const std::string& table);
// DIR/<table>.rejects.jsonl
std::string reject_file_path(const std::string& dir, const std::string& table);

class RejectFile : public RejectSink {
public:
  // The file is created on the first reject only: no empty files for clean tables.
  // `append`: after the records already there (rows rejected once the load was over).
  explicit RejectFile(std::string path, bool append = false) : path_(std::move(path)), append_(append) {}
  // A resumed load: the records an earlier run wrote for the segments in `finished` stay (those
  // segments are not loaded again); those of every other segment are removed now, because a
  // redone segment rejects its rows again. Records without a segment id are kept.
  RejectFile(std::string path, const std::set<std::string>& finished);
  ~RejectFile() override;
  void reject(Reject r) override;
  uint64_t count() const { return count_.load(); }
  const std::string& path() const { return path_; }
  // The first few reasons, for the summary.
  std::string first_reason() const;

private:
  std::string path_;
  bool append_ = false;
  mutable std::mutex mu_;
  std::FILE* file_ = nullptr;
  std::atomic<uint64_t> count_{0};
  std::string first_reason_;
};

}  // namespace orashift
