#pragma once
// The task state file (OUT/task-state.jsonl): what a full load has finished, so the same
// command started again after a crash (kill -9, power loss) skips it. One JSON object per line,
// appended and fsync'ed before the load goes on:
//   {"event":"task","fingerprint":…}            the task the file belongs to (first line)
//   {"event":"start","table":…,"segment":…,…}    a segment began writing to the target
//   {"event":"done",…,"read":…,"loaded":…,…}     all its rows are committed on the target
//   {"event":"reset","table":…}                  the table is reloaded whole: forget its segments
// A torn last line (killed while writing it) is ignored. When the whole task succeeds the file
// is renamed task-state.done.jsonl, so the next run of the command loads afresh.
#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "load/endpoint.h"

namespace orashift {

struct SegmentCounts {
  uint64_t read = 0, loaded = 0, rejected = 0, filtered = 0, bytes = 0;
};

struct SegmentRecord {
  std::string table, segment, where, relation, target_where;
  bool started = false, done = false;
  SegmentCounts counts;
  bool same_rows(const LoadUnit& u) const { return where == u.where && relation == u.relation; }
};

class TaskState {
public:
  // Opens (creating) the file at `path`. Records of an earlier run with the same fingerprint are
  // kept: the load resumes. A file of another task is moved aside to PATH.stale.
  TaskState(std::string path, std::string fingerprint, std::function<void(const std::string&)> log = {});
  ~TaskState();
  TaskState(const TaskState&) = delete;
  TaskState& operator=(const TaskState&) = delete;

  bool resuming() const { return resuming_; }
  const std::string& path() const { return path_; }
  // The counts of `u` when an earlier run finished exactly this segment (same rows).
  const SegmentCounts* finished(const LoadUnit& u) const;
  std::vector<SegmentRecord> records(const std::string& table) const;

  void record_start(const LoadUnit& u);
  void record_done(const LoadUnit& u, const SegmentCounts& c);
  void reset_table(const std::string& table);
  // The task succeeded: the file becomes task-state.done.jsonl (kept for the record).
  void complete();

private:
  void append(const std::string& line);
  static std::pair<std::string, std::string> key(const std::string& table, const std::string& segment) {
    return {table, segment};
  }

  std::string path_;
  std::FILE* file_ = nullptr;
  bool resuming_ = false;
  mutable std::mutex mu_;
  std::map<std::pair<std::string, std::string>, SegmentRecord> records_;
};

// A stable 64-bit FNV-1a hash as hex: fingerprints of the task's inputs.
std::string fnv1a_hex(const std::string& text);

}  // namespace orashift
