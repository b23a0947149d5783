#pragma once
// Splits a table's load into segments, each a LoadUnit of its own (so up to
// MaxFullLoadSubTasks of them load at once, and each can be finished, recorded and skipped on
// resume by itself):
// - DMS parallel-load `ranges`: one segment per range (RangeSegments), plus one for NULL keys;
// - `partitions-auto`: one per partition of the source (PostgreSQL declarative partitions);
// - `partitions-list`: the listed partitions first, then every other one (no row is lost);
// - automatically, for a table without a parallel-load setting whose single-column integer
//   primary key has at least `auto_rows` estimated rows: ceil(rows / auto_rows) key ranges of
//   equal width.
// Conditions are built from quoted identifiers and literals only; each segment also carries
// the same rows as a condition on the target (target_where), for resuming.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "load/endpoint.h"
#include "load/task/selection.h"

namespace orashift {

// Estimated rows from which a table is split by key when the user did not say:
// 1,000,000 on a machine of 4 cores or more; 10,000,000 below, where key ranges loaded side by
// side compete with the source's and the target's backends for the same cores (PostgreSQL →
// PostgreSQL on 2 cores: two key ranges of 2,000,000 rows 4.3–5.5 s, one segment 3.5–3.7 s,
// bench/README.md), so they only pay for resuming a crash without redoing a huge table.
uint64_t default_auto_segment_rows();

struct SegmentOptions {
  size_t subtasks = 8;  // MaxFullLoadSubTasks (segments in flight; informational here)
  uint64_t auto_rows = default_auto_segment_rows();  // estimated rows from which a table is split by key (0: never)
  size_t max_auto_segments = 256;
};

// `units` are the source's units of table `t` (several for file sources: one per data file,
// which are segments already). Sources that cannot segment (can_segment() false) keep them.
std::vector<LoadUnit> segment_units(const SourceEndpoint& source, const PlannedTable& t, std::vector<LoadUnit> units,
                                    const SegmentOptions& opt, const std::function<void(const std::string&)>& log);

// One large data file read by all cores: each unit of a file source that the source can split
// (SourceEndpoint::split_unit) becomes line-aligned byte ranges, at least `parallel` of them
// when every piece keeps kMinFilePieceBytes, more for files above kFilePieceBytes per piece (a
// crash then redoes one piece's rows, not the file's). Each piece is a segment of its own.
constexpr uint64_t kMinFilePieceBytes = 8u << 20;
constexpr uint64_t kFilePieceBytes = 256u << 20;
std::vector<LoadUnit> split_file_units(const SourceEndpoint& source, std::vector<LoadUnit> units, size_t parallel);

// Equal-width key ranges over [lo, hi] as `n` conditions on `column` (quoted): the first is
// open below, the last open above, so rows outside the bounds seen at planning still load.
std::vector<std::string> key_range_conditions(const std::string& column, int64_t lo, int64_t hi, size_t n);

}  // namespace orashift
