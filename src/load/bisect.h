#pragma once
// Loading a batch "all or, failing that, exactly the good rows": try the whole range in one
// atomic step; when the target refuses it, split it in halves and retry, down to single rows,
// which are then rejected with the target's own reason. One bad row among n costs about
// 2*log2(n) extra attempts; nothing is half-written, nothing is dropped.
#include <cstddef>
#include <optional>
#include <string>

namespace orashift {

// try_range(lo, hi) loads rows [lo, hi) atomically and returns nullopt on success or the
// target's error message; it throws for failures that are not about the data (connection lost,
// disk full), which must stop the load instead of rejecting every row. reject(row, reason) is
// called for each single row the target refuses. Returns the number of rows loaded.
template <class TryRange, class RejectRow>
size_t load_bisecting(size_t lo, size_t hi, TryRange&& try_range, RejectRow&& reject) {
  if (lo >= hi) return 0;
  std::optional<std::string> error = try_range(lo, hi);
  if (!error) return hi - lo;
  if (hi - lo == 1) {
    reject(lo, *error);
    return 0;
  }
  size_t mid = lo + (hi - lo) / 2;
  return load_bisecting(lo, mid, try_range, reject) + load_bisecting(mid, hi, try_range, reject);
}

}  // namespace orashift
