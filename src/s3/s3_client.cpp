#include "s3/s3_client.h"

#include <sys/stat.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "s3/crypto.h"
#include "s3/xml_extract.h"

namespace orashift::s3 {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Bucket names that can be a DNS label under TLS: no dots (the wildcard certificate covers one
// level only), no upper case, 3..63 characters.
bool dns_compatible(const std::string& bucket) {
  if (bucket.size() < 3 || bucket.size() > 63) return false;
  for (char c : bucket)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return bucket.front() != '-' && bucket.back() != '-';
}

std::string strip_quotes(std::string s) {
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') return s.substr(1, s.size() - 2);
  return s;
}

std::string where(const std::string& bucket, const std::string& key) {
  std::string w = "s3://" + bucket;
  if (!key.empty()) w += "/" + key;
  return w;
}

}  // namespace

S3Config S3Config::from_environment(std::string endpoint) {
  S3Config c;
  EnvLookup env = process_env();
  if (endpoint.empty()) {
    for (const char* var : {"AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"}) {
      if (auto v = env(var); v && !v->empty()) {
        endpoint = *v;
        break;
      }
    }
  }
  c.endpoint = endpoint;
  c.region = resolve_region(env);
  c.credentials = resolve_credentials(env);
  return c;
}

S3Client::S3Client(S3Config config, HttpTransport transport)
    : config_(std::move(config)), transport_(transport ? std::move(transport) : curl_transport(config_.timeouts)) {
  std::string ep = config_.endpoint.empty() ? "https://s3." + config_.region + ".amazonaws.com" : config_.endpoint;
  auto sep = ep.find("://");
  if (sep == std::string::npos) throw std::invalid_argument("S3 endpoint needs a scheme (http:// or https://): " + ep);
  scheme_ = ep.substr(0, sep);
  authority_ = ep.substr(sep + 3);
  while (!authority_.empty() && authority_.back() == '/') authority_.pop_back();
  if (authority_.empty() || authority_.find('/') != std::string::npos)
    throw std::invalid_argument("S3 endpoint must be scheme://host[:port] without a path: " + ep);
  std::string host = authority_.substr(0, authority_.rfind(':') == std::string::npos ? authority_.size()
                                                                                      : authority_.rfind(':'));
  aws_endpoint_ = ends_with(host, ".amazonaws.com") || ends_with(host, ".amazonaws.com.cn");
  if (config_.part_size < (5u << 20)) config_.part_size = 5u << 20;
  if (config_.upload_threads < 1) config_.upload_threads = 1;
  if (config_.retry.max_attempts < 1) config_.retry.max_attempts = 1;
}

bool S3Client::virtual_host_for(const std::string& bucket) const {
  switch (config_.addressing) {
    case Addressing::Path: return false;
    case Addressing::VirtualHost: return true;
    case Addressing::Auto: return aws_endpoint_ && dns_compatible(bucket);
  }
  return false;
}

std::string S3Client::url_for(const Call& call, std::string* host, std::string* path) const {
  bool vhost = !call.bucket.empty() && virtual_host_for(call.bucket);
  *host = vhost ? call.bucket + "." + authority_ : authority_;
  *path = "/";
  if (!call.bucket.empty() && !vhost) *path += call.bucket + (call.key.empty() ? "" : "/");
  *path += call.key;
  std::string url = scheme_ + "://" + *host + canonical_uri(*path);
  std::string q = canonical_query(call.query);
  if (!q.empty()) url += "?" + q;
  return url;
}

HttpResponse S3Client::send_once(const Call& call) {
  std::string host, path;
  std::string url = url_for(call, &host, &path);

  CanonicalInput in;
  in.method = call.method;
  in.decoded_path = path;
  in.query = call.query;
  in.amz_date = amz_date_now();  // fresh per attempt: a retried request must not look stale
  in.payload_hash = config_.sign_payload ? sha256_hex(call.body) : std::string(kUnsignedPayload);
  in.headers = {{"host", host}, {"x-amz-date", in.amz_date}, {"x-amz-content-sha256", in.payload_hash}};
  if (!config_.credentials.session_token.empty())
    in.headers.emplace_back("x-amz-security-token", config_.credentials.session_token);
  for (const auto& h : call.headers) in.headers.push_back(h);

  SignatureParts sig = sign_v4(in, config_.credentials.access_key_id, config_.credentials.secret_access_key,
                               config_.region, "s3");
  HttpRequest req{call.method, url, in.headers, call.body};
  req.headers.emplace_back("Authorization", sig.authorization);
  return transport_(req);
}

HttpResponse S3Client::execute(const Call& call) {
  const int max_attempts = config_.retry.max_attempts;
  for (int attempt = 1;; ++attempt) {
    HttpResponse resp = send_once(call);
    std::string code, message;
    bool ok = resp.status >= 200 && resp.status < 300;
    // CompleteMultipartUpload may answer 200 and report the failure in the body.
    if (ok && call.op == "CompleteMultipartUpload" && resp.body.find("<Error>") != std::string::npos) ok = false;
    if (ok) return resp;

    if (resp.status == 0) {
      code = resp.timed_out ? "Timeout" : "TransportError";
      message = resp.transport_error;
    } else {
      code = xml::first_text(resp.body, "Code").value_or("");
      message = xml::first_text(resp.body, "Message").value_or("");
      if (code.empty()) code = resp.status == 404 ? "NotFound" : "HTTP" + std::to_string(resp.status);
    }
    if (attempt < max_attempts && is_retryable(resp.status, code)) {
      std::this_thread::sleep_for(backoff_delay(config_.retry, attempt - 1));
      continue;
    }
    std::ostringstream what;
    what << call.op << " " << where(call.bucket, call.key) << " failed: ";
    if (resp.status == 0) what << "no HTTP response (" << message << ")";
    else what << "HTTP " << resp.status << " " << code << (message.empty() ? "" : ": " + message);
    what << " (endpoint " << scheme_ << "://" << authority_ << ", after " << attempt
         << (attempt == 1 ? " attempt)" : " attempts)");
    throw S3Error(what.str(), resp.status, code, message, attempt);
  }
}

std::string S3Client::put_object(const std::string& bucket, const std::string& key, std::string_view body,
                                 const std::string& content_type) {
  Call c{"PUT", bucket, key, {}, {}, body, "PutObject"};
  if (!content_type.empty()) c.headers.emplace_back("content-type", content_type);
  HttpResponse r = execute(c);
  return strip_quotes(r.headers["etag"]);
}

std::string S3Client::get_object(const std::string& bucket, const std::string& key) {
  return execute({"GET", bucket, key, {}, {}, {}, "GetObject"}).body;
}

std::optional<ObjectInfo> S3Client::head_object(const std::string& bucket, const std::string& key) {
  try {
    HttpResponse r = execute({"HEAD", bucket, key, {}, {}, {}, "HeadObject"});
    ObjectInfo info{key, 0, strip_quotes(r.headers["etag"])};
    if (auto it = r.headers.find("content-length"); it != r.headers.end()) info.size = std::stoull(it->second);
    return info;
  } catch (const S3Error& e) {
    if (e.status() == 404) return std::nullopt;
    throw;
  }
}

void S3Client::delete_object(const std::string& bucket, const std::string& key) {
  execute({"DELETE", bucket, key, {}, {}, {}, "DeleteObject"});
}

ListPage S3Client::list_objects_v2(const std::string& bucket, const std::string& prefix, int max_keys,
                                   const std::string& continuation_token) {
  Call c{"GET", bucket, "", {{"list-type", "2"}, {"max-keys", std::to_string(max_keys)}}, {}, {}, "ListObjectsV2"};
  if (!prefix.empty()) c.query.emplace_back("prefix", prefix);
  if (!continuation_token.empty()) c.query.emplace_back("continuation-token", continuation_token);
  HttpResponse r = execute(c);
  ListPage page;
  for (std::string_view contents : xml::elements(r.body, "Contents")) {
    ObjectInfo o;
    o.key = xml::first_text(contents, "Key").value_or("");
    o.size = std::stoull(xml::first_text(contents, "Size").value_or("0"));
    o.etag = strip_quotes(xml::first_text(contents, "ETag").value_or(""));
    page.objects.push_back(std::move(o));
  }
  page.is_truncated = xml::first_text(r.body, "IsTruncated").value_or("false") == "true";
  page.next_continuation_token = xml::first_text(r.body, "NextContinuationToken").value_or("");
  if (page.is_truncated && page.next_continuation_token.empty())
    throw S3Error("ListObjectsV2 " + where(bucket, prefix) + ": truncated listing without NextContinuationToken",
                  r.status, "MalformedResponse", "", 1);
  return page;
}

std::vector<ObjectInfo> S3Client::list_all(const std::string& bucket, const std::string& prefix, int page_size) {
  std::vector<ObjectInfo> all;
  std::string token;
  do {
    ListPage page = list_objects_v2(bucket, prefix, page_size, token);
    for (auto& o : page.objects) all.push_back(std::move(o));
    token = page.is_truncated ? page.next_continuation_token : "";
  } while (!token.empty());
  return all;
}

std::vector<DeleteFailure> S3Client::delete_objects(const std::string& bucket, const std::vector<std::string>& keys) {
  constexpr size_t kMaxPerRequest = 1000;  // S3's limit for one DeleteObjects call
  std::vector<DeleteFailure> failures;
  for (size_t start = 0; start < keys.size(); start += kMaxPerRequest) {
    size_t end = std::min(keys.size(), start + kMaxPerRequest);
    std::string body = "<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Quiet>true</Quiet>";
    for (size_t i = start; i < end; ++i) body += "<Object><Key>" + xml::escape(keys[i]) + "</Key></Object>";
    body += "</Delete>";
    Call c{"POST", bucket, "", {{"delete", ""}},
           {{"content-md5", md5_base64(body)}, {"content-type", "application/xml"}}, body, "DeleteObjects"};
    HttpResponse r = execute(c);
    for (std::string_view err : xml::elements(r.body, "Error")) {
      failures.push_back({xml::first_text(err, "Key").value_or(""), xml::first_text(err, "Code").value_or(""),
                          xml::first_text(err, "Message").value_or("")});
    }
  }
  return failures;
}

std::string S3Client::upload_file(const std::string& bucket, const std::string& key, const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw std::runtime_error("cannot stat " + path);
  if (static_cast<uint64_t>(st.st_size) >= config_.part_size) return multipart_upload_file(bucket, key, path);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return put_object(bucket, key, ss.str());
}

}  // namespace orashift::s3
