#include "s3/retry_policy.h"

#include <algorithm>
#include <random>

namespace orashift::s3 {

bool is_retryable(long status, std::string_view s3_code) {
  if (status == 0 || status == 429 || status >= 500) return true;
  return s3_code == "RequestTimeout" || s3_code == "SlowDown" || s3_code == "InternalError" ||
         s3_code == "RequestTimeTooSkewed";  // re-signing with a fresh date can fix a stale one
}

std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int attempt) {
  long long cap = policy.base_delay.count();
  for (int i = 0; i < attempt && cap < policy.max_delay.count(); ++i) cap *= 2;
  cap = std::min<long long>(cap, policy.max_delay.count());
  thread_local std::mt19937_64 rng{std::random_device{}()};
  std::uniform_int_distribution<long long> dist(0, std::max<long long>(cap, 0));
  return std::chrono::milliseconds(dist(rng));
}

}  // namespace orashift::s3
