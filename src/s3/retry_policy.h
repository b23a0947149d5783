#pragma once
// Which failures are worth another attempt, and how long to wait before it.
#include <chrono>
#include <string_view>

namespace orashift::s3 {

struct RetryPolicy {
  int max_attempts = 5;  // total tries, including the first
  std::chrono::milliseconds base_delay{200};
  std::chrono::milliseconds max_delay{10'000};
};

// Connection errors and timeouts (status 0), 5xx, 429, and the S3 codes that mean "later".
bool is_retryable(long status, std::string_view s3_code);

// "Full jitter": uniform in [0, min(max_delay, base * 2^attempt)], attempt counted from 0.
// Spreads parallel part retries so they do not hit a throttled endpoint in lockstep.
std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int attempt);

}  // namespace orashift::s3
