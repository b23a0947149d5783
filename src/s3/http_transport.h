#pragma once
// One HTTP exchange over libcurl. Each thread keeps its own easy handle (and with it the
// connection cache), so parallel part uploads reuse their TCP/TLS connections.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace orashift::s3 {

struct HttpRequest {
  std::string method;  // GET PUT POST DELETE HEAD
  std::string url;     // already encoded
  std::vector<std::pair<std::string, std::string>> headers;
  std::string_view body;  // not owned; must outlive the call
};

struct HttpResponse {
  long status = 0;                             // 0: no HTTP answer (see transport_error)
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  std::string transport_error;  // libcurl's description when status == 0
  bool timed_out = false;
};

struct HttpTimeouts {
  long connect_ms = 10'000;
  long low_speed_bytes_per_s = 1024;  // abort a transfer slower than this ...
  long low_speed_window_s = 60;       // ... for this long (a stalled connection, not a big file)
};

// Tests swap this for a fake to script failures.
using HttpTransport = std::function<HttpResponse(const HttpRequest&)>;
HttpTransport curl_transport(HttpTimeouts timeouts = {});

}  // namespace orashift::s3
