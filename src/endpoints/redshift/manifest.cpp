#include "endpoints/redshift/manifest.h"

#include <nlohmann/json.hpp>

namespace orashift::redshift {

std::string manifest_json(const std::vector<ManifestEntry>& entries) {
  std::string out = "{\"entries\":[";
  for (size_t i = 0; i < entries.size(); ++i) {
    // nlohmann escapes the URL (keys may hold quotes or non-ASCII table names).
    out += i ? ",\n  " : "\n  ";
    out += "{\"url\":" + nlohmann::json(entries[i].url).dump() + ",\"mandatory\":true,\"meta\":{\"content_length\":" +
           std::to_string(entries[i].content_length) + "}}";
  }
  out += entries.empty() ? "]}\n" : "\n]}\n";
  return out;
}

}  // namespace orashift::redshift
