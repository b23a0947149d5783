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

PartUploader::PartUploader(s3::S3Config config, std::string bucket, int threads)
    : config_(std::move(config)), bucket_(std::move(bucket)), threads_(static_cast<size_t>(std::max(threads, 1))) {}

PartUploader::~PartUploader() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
    queue_.clear();
  }
  cv_.notify_all();
  for (auto& t : pool_) t.join();
}

void PartUploader::submit(UploadItem item) {
  std::lock_guard lock(mu_);
  if (error_) return;  // wait() reports it; no point sending more
  queue_.push_back(std::move(item));
  if (pool_.size() < threads_ && pool_.size() < queue_.size() + busy_) pool_.emplace_back([this] { work(); });
  cv_.notify_one();
}

void PartUploader::work() {
  s3::S3Client client(config_);
  std::unique_lock lock(mu_);
  for (;;) {
    cv_.wait(lock, [&] { return stop_ || !queue_.empty(); });
    if (stop_) return;
    UploadItem item = std::move(queue_.front());
    queue_.pop_front();
    ++busy_;
    lock.unlock();
    std::exception_ptr failed;
    try {
      client.upload_file(bucket_, item.key, item.path);
    } catch (...) {
      failed = std::current_exception();
    }
    lock.lock();
    --busy_;
    if (failed && !error_) {
      error_ = failed;
      queue_.clear();
    }
    cv_.notify_all();
  }
}

void PartUploader::wait() {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [&] { return queue_.empty() && busy_ == 0; });
  if (error_) std::rethrow_exception(error_);
}

std::vector<std::string> delete_all(const s3::S3Config& config, const std::string& bucket, const std::vector<std::string>& keys) {
  std::vector<std::string> problems;
  if (keys.empty()) return problems;
  s3::S3Client client(config);
  for (const auto& f : client.delete_objects(bucket, keys)) problems.push_back(f.key + ": " + f.code + " " + f.message);
  return problems;
}

}  // namespace orashift::redshift
