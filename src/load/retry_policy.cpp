#include "load/retry_policy.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <thread>

namespace orashift {

double RetryPolicy::delay(int64_t attempt) const {
  double d = static_cast<double>(interval_seconds);
  if (!throttling) return d;
  // DMS: "the interval between attempts ... is increased in a series based on the value of
  // RecoverableErrorInterval", capped by RecoverableErrorThrottlingMax. We double it.
  for (int64_t i = 1; i < attempt && d < static_cast<double>(throttling_max_seconds); ++i) d *= 2;
  return std::min(d, std::max(static_cast<double>(throttling_max_seconds), static_cast<double>(interval_seconds)));
}

bool RetryPolicy::before_retry(int64_t attempt, const std::string& what) const {
  if (!allows(attempt)) {
    if (log) log(fmt::format("{}: giving up after {} retries (RecoverableErrorCount {})", what, attempt - 1, count));
    return false;
  }
  double d = delay(attempt);
  if (log)
    log(fmt::format("{}: retry {}{} in {:.0f} s", what, attempt, count < 0 ? "" : fmt::format(" of {}", count), d));
  if (wait) wait(d);
  else std::this_thread::sleep_for(std::chrono::duration<double>(d));
  return true;
}

}  // namespace orashift
