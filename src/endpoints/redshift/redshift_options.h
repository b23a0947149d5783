#pragma once
// Everything the Redshift target needs besides the cluster URL: where parts are staged, how COPY
// authenticates and what it is told. Filled by `orashift migrate` from its --s3… options.
#include <cstdint>
#include <optional>
#include <string>

#include "endpoints/redshift/compressor.h"
#include "endpoints/redshift/copy_sql.h"

namespace orashift::redshift {

struct RedshiftOptions {
  std::string s3_url;       // s3://BUCKET/PREFIX: where parts and manifests go
  std::string s3_endpoint;  // S3-compatible store (http://127.0.0.1:9000); empty: AWS
  std::string s3_region;    // empty: from the AWS environment/config
  std::string iam_role;     // COPY … IAM_ROLE; empty: COPY with the AWS environment's keys
  Compression compression = Compression::Gzip;
  int compression_level = 0;                // 0: the format's default
  uint64_t max_file_size = 32ull << 20;     // uncompressed CSV bytes per part (DMS MaxFileSize)
  bool keep_staged = false;                 // keep local and S3 parts after a successful COPY
  bool accept_invalid_utf8 = false;         // write invalid UTF-8 and let ACCEPTINVCHARS replace it
  // Stage-only: write parts, manifests, ddl.sql and copy.sql under this folder and connect to
  // nothing; with s3_url also set, parts are uploaded too (still no connection to Redshift).
  std::string stage_only_dir;
  std::string local_dir;    // where parts are written before upload when not stage-only
  int upload_threads = 4;
  CopySettings copy;
};

struct S3Location {
  std::string bucket, prefix;  // prefix without leading or trailing '/'
  std::string url(const std::string& key_suffix) const;  // s3://bucket/prefix/suffix
  std::string key(const std::string& key_suffix) const;  // prefix/suffix
};

// "s3://bucket/a/b/" → {bucket, "a/b"}; nullopt with a reason when malformed.
std::optional<S3Location> parse_s3_url(const std::string& url, std::string* error = nullptr);

// redshift://USER[:PASSWORD]@HOST[:PORT]/DB[?k=v…] → the libpq URI postgresql://… with port 5439
// when none is given and sslmode=require unless the URL says otherwise (Redshift clusters
// accept TLS by default; a user can still ask for verify-full). Throws std::invalid_argument
// (without the password) when malformed.
std::string redshift_conninfo(const std::string& url);
bool is_redshift_url(const std::string& url);

}  // namespace orashift::redshift
