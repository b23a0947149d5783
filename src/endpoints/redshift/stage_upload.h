#pragma once
// Puts a table's staged parts and manifest into S3 (several parts at once; each large part also
// goes up as a parallel multipart upload inside S3Client) and removes them after the COPY.
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "s3/s3_client.h"

namespace orashift::redshift {

struct UploadItem {
  std::string path;  // local file
  std::string key;   // object key
};

// Uploads every item, `threads` at a time; throws the first failure after the others finished.
void upload_all(const s3::S3Config& config, const std::string& bucket, const std::vector<UploadItem>& items, int threads);

// Uploads parts in the background while the table is still being staged, so upload time
// overlaps encoding instead of following it. Threads start with the first submit.
class PartUploader {
public:
  PartUploader(s3::S3Config config, std::string bucket, int threads);
  ~PartUploader();  // stops the threads; pending uploads are abandoned (wait() was not called)
  PartUploader(const PartUploader&) = delete;
  PartUploader& operator=(const PartUploader&) = delete;

  void submit(UploadItem item);
  // Blocks until every submitted item is up; throws the first failure.
  void wait();

private:
  void work();
  s3::S3Config config_;
  std::string bucket_;
  size_t threads_;
  std::vector<std::thread> pool_;
  std::deque<UploadItem> queue_;
  size_t busy_ = 0;
  bool stop_ = false;
  std::exception_ptr error_;
  std::mutex mu_;
  std::condition_variable cv_;
};

// Deletes the keys; returns a message per key S3 refused (empty when all went).
std::vector<std::string> delete_all(const s3::S3Config& config, const std::string& bucket, const std::vector<std::string>& keys);

}  // namespace orashift::redshift
