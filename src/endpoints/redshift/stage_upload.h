#pragma once
// Puts a table's staged parts and manifest into S3 (several parts at once; each large part also
// goes up as a parallel multipart upload inside S3Client) and removes them after the COPY.
#include <string>
#include <vector>

#include "s3/s3_client.h"

namespace orashift::redshift {

struct UploadItem {
  std::string path;  // local file
  std::string key;   // object key
};

// Uploads every item, `threads` at a time; throws the first failure after the others finished.
void upload_all(const s3::S3Config& config, const std::string& bucket, const std::vector<UploadItem>& items, int threads);

// Deletes the keys; returns a message per key S3 refused (empty when all went).
std::vector<std::string> delete_all(const s3::S3Config& config, const std::string& bucket, const std::vector<std::string>& keys);

}  // namespace orashift::redshift
