#pragma once
// Redshift COPY manifests: the exact list of staged files for one table, so COPY loads all of
// them (mandatory: a missing part fails the COPY instead of loading less) and nothing else.
#include <cstdint>
#include <string>
#include <vector>

namespace orashift::redshift {

struct ManifestEntry {
  std::string url;               // s3://bucket/key
  uint64_t content_length = 0;   // the object's size in bytes (compressed, as stored)
};

// {"entries":[{"url":"s3://…","mandatory":true,"meta":{"content_length":N}}, …]}, one entry a
// line so the file diffs well.
std::string manifest_json(const std::vector<ManifestEntry>& entries);

}  // namespace orashift::redshift
