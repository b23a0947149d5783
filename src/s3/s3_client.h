#pragma once
// An S3 client on libcurl + OpenSSL: the operations orashift's Redshift staging needs.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "s3/credentials.h"
#include "s3/http_transport.h"
#include "s3/retry_policy.h"
#include "s3/s3_error.h"
#include "s3/sigv4.h"

namespace orashift::s3 {

enum class Addressing {
  Auto,         // virtual-host on AWS endpoints (when the bucket name allows it), path elsewhere
  Path,         // https://endpoint/bucket/key
  VirtualHost,  // https://bucket.endpoint/key
};

struct S3Config {
  std::string endpoint;  // empty: https://s3.REGION.amazonaws.com; or e.g. http://127.0.0.1:9000
  std::string region = "us-east-1";
  Addressing addressing = Addressing::Auto;
  Credentials credentials;
  RetryPolicy retry;
  HttpTimeouts timeouts;
  size_t part_size = 16u << 20;    // multipart part size; S3's minimum is 5 MiB
  int upload_threads = 4;          // parallel part uploads
  bool sign_payload = true;        // false: UNSIGNED-PAYLOAD (saves hashing; rely on TLS)

  // Region, credentials from the standard AWS environment / files (see credentials.h).
  static S3Config from_environment(std::string endpoint = {});
};

struct ObjectInfo {
  std::string key;
  uint64_t size = 0;
  std::string etag;  // as S3 returns it, quotes stripped
};

struct ListPage {
  std::vector<ObjectInfo> objects;
  std::string next_continuation_token;  // empty when is_truncated is false
  bool is_truncated = false;
};

struct DeleteFailure {
  std::string key;
  std::string code;
  std::string message;
};

class S3Client {
public:
  explicit S3Client(S3Config config, HttpTransport transport = {});

  std::string put_object(const std::string& bucket, const std::string& key, std::string_view body,
                         const std::string& content_type = {});  // returns the ETag
  std::string get_object(const std::string& bucket, const std::string& key);
  std::optional<ObjectInfo> head_object(const std::string& bucket, const std::string& key);
  void delete_object(const std::string& bucket, const std::string& key);

  // One ListObjectsV2 page.
  ListPage list_objects_v2(const std::string& bucket, const std::string& prefix, int max_keys = 1000,
                           const std::string& continuation_token = {});
  // Every object under prefix, following continuation tokens.
  std::vector<ObjectInfo> list_all(const std::string& bucket, const std::string& prefix, int page_size = 1000);

  // Batch delete (DeleteObjects, at most 1000 keys a request). Returns the keys S3 refused.
  std::vector<DeleteFailure> delete_objects(const std::string& bucket, const std::vector<std::string>& keys);

  // Uploads a file: one PUT below part_size, otherwise a multipart upload whose parts go up in
  // parallel (upload_threads); aborted if any part fails. Returns the final ETag.
  std::string upload_file(const std::string& bucket, const std::string& key, const std::string& path);
  std::string multipart_upload_file(const std::string& bucket, const std::string& key, const std::string& path);

  const S3Config& config() const { return config_; }

  // Exposed for the tests and for callers that need a raw signed call.
  struct Call {
    std::string method;
    std::string bucket;
    std::string key;
    NameValues query;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string_view body;
    std::string op;  // for messages: "PutObject", ...
  };
  HttpResponse execute(const Call& call);  // signs, sends, retries; throws S3Error on failure

private:
  HttpResponse send_once(const Call& call);
  std::string url_for(const Call& call, std::string* host, std::string* path) const;
  bool virtual_host_for(const std::string& bucket) const;

  // Multipart steps (multipart_upload.cpp).
  std::string create_multipart(const std::string& bucket, const std::string& key);
  std::string upload_part(const std::string& bucket, const std::string& key, const std::string& upload_id,
                          int part_number, std::string_view data);
  std::string complete_multipart(const std::string& bucket, const std::string& key, const std::string& upload_id,
                                 const std::vector<std::string>& etags);
  void abort_multipart(const std::string& bucket, const std::string& key, const std::string& upload_id);

  S3Config config_;
  HttpTransport transport_;
  std::string scheme_;     // "https"
  std::string authority_;  // "s3.us-east-1.amazonaws.com" or "127.0.0.1:9000"
  bool aws_endpoint_ = true;
};

}  // namespace orashift::s3
