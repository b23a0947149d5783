#pragma once
// Retries after a recoverable error (a dropped target connection), as DMS's ErrorBehavior
// settings describe them: RecoverableErrorCount attempts (-1: without limit, 0: none),
// RecoverableErrorInterval seconds before the first, and with RecoverableErrorThrottling the
// wait doubles on each further attempt up to RecoverableErrorThrottlingMax seconds.
#include <cstdint>
#include <functional>
#include <string>

namespace orashift {

struct RetryPolicy {
  int64_t count = -1;
  int64_t interval_seconds = 5;
  bool throttling = true;
  int64_t throttling_max_seconds = 1800;
  std::function<void(const std::string&)> log;  // one line per retry (never a password)
  // Waits this many seconds; tests may shorten it. Default: sleeps.
  std::function<void(double)> wait;

  // True when attempt number `attempt` (1 = the first retry) is allowed.
  bool allows(int64_t attempt) const { return count < 0 || attempt <= count; }
  // Seconds to wait before retry `attempt`.
  double delay(int64_t attempt) const;
  // Logs `what`, waits delay(attempt); false (without waiting) when no attempt is left.
  bool before_retry(int64_t attempt, const std::string& what) const;
};

}  // namespace orashift
