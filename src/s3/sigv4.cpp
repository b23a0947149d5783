#include "s3/sigv4.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>

#include "s3/crypto.h"

namespace orashift::s3 {

namespace {

bool unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// Trim, and collapse runs of spaces into one (the suite's get-header-value-trim case).
std::string canonical_header_value(std::string_view v) {
  std::string out;
  bool pending_space = false;
  for (char c : v) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

}  // namespace

std::string uri_encode(std::string_view s, bool keep_slash) {
  static const char* digits = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size() * 3 / 2);
  for (unsigned char c : s) {
    if (unreserved(c) || (keep_slash && c == '/')) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += digits[c >> 4];
      out += digits[c & 15];
    }
  }
  return out;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

std::string canonical_uri(std::string_view decoded_path) {
  if (decoded_path.empty()) return "/";
  return uri_encode(decoded_path, /*keep_slash=*/true);
}

std::string canonical_query(const NameValues& decoded_params) {
  std::vector<std::pair<std::string, std::string>> enc;
  enc.reserve(decoded_params.size());
  for (const auto& [k, v] : decoded_params) enc.emplace_back(uri_encode(k, false), uri_encode(v, false));
  std::sort(enc.begin(), enc.end());
  std::string out;
  for (const auto& [k, v] : enc) {
    if (!out.empty()) out += '&';
    out += k;
    out += '=';
    out += v;
  }
  return out;
}

std::string derive_signing_key(std::string_view secret, const SigningKeyScope& scope) {
  std::string k = hmac_sha256_raw("AWS4" + std::string(secret), scope.date);
  k = hmac_sha256_raw(k, scope.region);
  k = hmac_sha256_raw(k, scope.service);
  return hmac_sha256_raw(k, "aws4_request");
}

SignatureParts sign_v4(const CanonicalInput& in, std::string_view access_key_id,
                       std::string_view secret_access_key, std::string_view region,
                       std::string_view service) {
  // std::map orders lower-cased names bytewise, which is the order SigV4 wants.
  std::map<std::string, std::string> headers;
  for (const auto& [name, value] : in.headers) {
    std::string key = lower(name);
    std::string val = canonical_header_value(value);
    auto [it, inserted] = headers.emplace(key, val);
    if (!inserted) it->second += "," + val;
  }

  SignatureParts p;
  std::string canonical_headers;
  for (const auto& [name, value] : headers) {
    canonical_headers += name + ":" + value + "\n";
    if (!p.signed_headers.empty()) p.signed_headers += ';';
    p.signed_headers += name;
  }

  p.canonical_request = in.method + "\n" + canonical_uri(in.decoded_path) + "\n" + canonical_query(in.query) +
                        "\n" + canonical_headers + "\n" + p.signed_headers + "\n" + in.payload_hash;

  SigningKeyScope scope{in.amz_date.substr(0, 8), std::string(region), std::string(service)};
  p.string_to_sign = "AWS4-HMAC-SHA256\n" + in.amz_date + "\n" + scope.str() + "\n" +
                     sha256_hex(p.canonical_request);
  p.signature = to_hex(hmac_sha256_raw(derive_signing_key(secret_access_key, scope), p.string_to_sign));
  p.authorization = "AWS4-HMAC-SHA256 Credential=" + std::string(access_key_id) + "/" + scope.str() +
                    ", SignedHeaders=" + p.signed_headers + ", Signature=" + p.signature;
  return p;
}

std::string amz_date_now() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

}  // namespace orashift::s3
