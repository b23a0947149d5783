#include "s3/http_transport.h"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <mutex>
#include <stdexcept>

namespace orashift::s3 {

namespace {

void global_init_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// A per-thread handle: curl_easy_reset keeps the connection cache, so keep-alive works.
struct ThreadHandle {
  CURL* curl = nullptr;
  ThreadHandle() {
    global_init_once();
    curl = curl_easy_init();
    if (!curl) throw std::runtime_error("curl_easy_init failed");
  }
  ~ThreadHandle() { curl_easy_cleanup(curl); }
};

CURL* thread_curl() {
  thread_local ThreadHandle handle;
  curl_easy_reset(handle.curl);
  return handle.curl;
}

struct Reader {
  std::string_view data;
  size_t pos = 0;
};

size_t read_cb(char* buf, size_t size, size_t n, void* user) {
  auto* r = static_cast<Reader*>(user);
  size_t len = std::min(size * n, r->data.size() - r->pos);
  std::memcpy(buf, r->data.data() + r->pos, len);
  r->pos += len;
  return len;
}

// Lets libcurl rewind the body when it must resend it (redirects, auth retries).
int seek_cb(void* user, curl_off_t offset, int origin) {
  auto* r = static_cast<Reader*>(user);
  if (origin != SEEK_SET || offset < 0 || static_cast<size_t>(offset) > r->data.size()) return CURL_SEEKFUNC_FAIL;
  r->pos = static_cast<size_t>(offset);
  return CURL_SEEKFUNC_OK;
}

size_t write_cb(char* ptr, size_t size, size_t n, void* user) {
  static_cast<std::string*>(user)->append(ptr, size * n);
  return size * n;
}

size_t header_cb(char* buf, size_t size, size_t n, void* user) {
  auto* headers = static_cast<std::map<std::string, std::string>*>(user);
  std::string_view line(buf, size * n);
  if (line.rfind("HTTP/", 0) == 0) headers->clear();  // a new response (after 100-continue)
  auto colon = line.find(':');
  if (colon != std::string_view::npos) {
    std::string name(line.substr(0, colon));
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' '))
      value.remove_suffix(1);
    (*headers)[name] = std::string(value);
  }
  return size * n;
}

struct SList {
  curl_slist* list = nullptr;
  ~SList() { curl_slist_free_all(list); }
  void add(const std::string& s) { list = curl_slist_append(list, s.c_str()); }
};

}  // namespace

HttpTransport curl_transport(HttpTimeouts timeouts) {
  return [timeouts](const HttpRequest& req) {
    CURL* curl = thread_curl();
    HttpResponse resp;
    Reader reader{req.body, 0};
    SList headers;
    for (const auto& [name, value] : req.headers) headers.add(name + ": " + value);
    headers.add("Expect:");  // no 100-continue round trip per part
    if (req.method != "PUT" && req.method != "POST") headers.add("Content-Type:");

    char errbuf[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(curl, CURLOPT_URL, req.url.c_str());
    curl_easy_setopt(curl, CURLOPT_PATH_AS_IS, 1L);  // S3 keys may hold "/./" or "//"
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.list);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, timeouts.connect_ms);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, timeouts.low_speed_bytes_per_s);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, timeouts.low_speed_window_s);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, write_cb);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &resp.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, header_cb);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &resp.headers);

    if (req.method == "HEAD") {
      curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    } else if (req.method == "PUT" || req.method == "POST") {
      curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
      curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(req.body.size()));
      curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_cb);
      curl_easy_setopt(curl, CURLOPT_READDATA, &reader);
      curl_easy_setopt(curl, CURLOPT_SEEKFUNCTION, seek_cb);
      curl_easy_setopt(curl, CURLOPT_SEEKDATA, &reader);
      curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, req.method.c_str());
    } else {
      curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, req.method.c_str());
    }

    CURLcode rc = curl_easy_perform(curl);
    if (rc != CURLE_OK) {
      resp.status = 0;
      resp.timed_out = rc == CURLE_OPERATION_TIMEDOUT;
      resp.transport_error = errbuf[0] ? errbuf : curl_easy_strerror(rc);
      return resp;
    }
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &resp.status);
    return resp;
  };
}

}  // namespace orashift::s3
