#include "endpoints/redshift/stage_upload.h"

#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

namespace orashift::redshift {

void upload_all(const s3::S3Config& config, const std::string& bucket, const std::vector<UploadItem>& items, int threads) {
  std::atomic<size_t> next{0};
  std::exception_ptr first;
  std::mutex mu;
  auto worker = [&] {
    s3::S3Client client(config);  // one per thread: no shared curl state to reason about
    for (size_t i; (i = next.fetch_add(1)) < items.size();) {
      {
        std::lock_guard lock(mu);
        if (first) return;
      }
      try {
        client.upload_file(bucket, items[i].key, items[i].path);
      } catch (...) {
        std::lock_guard lock(mu);
        if (!first) first = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  size_t n = std::max<size_t>(1, std::min<size_t>(static_cast<size_t>(std::max(threads, 1)), items.size()));
  for (size_t i = 0; i < n; ++i) pool.emplace_back(worker);
  for (auto& t : pool) t.join();
  if (first) std::rethrow_exception(first);
}

std::vector<std::string> delete_all(const s3::S3Config& config, const std::string& bucket, const std::vector<std::string>& keys) {
  std::vector<std::string> problems;
  if (keys.empty()) return problems;
  s3::S3Client client(config);
  for (const auto& f : client.delete_objects(bucket, keys)) problems.push_back(f.key + ": " + f.code + " " + f.message);
  return problems;
}

}  // namespace orashift::redshift
