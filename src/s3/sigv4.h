#pragma once
// AWS Signature Version 4 for S3 requests (header-based, single-chunk payload).
// Checked against the published AWS SigV4 test suite and the S3 documentation's examples
// (tests/data/sigv4/). S3 differs from the generic algorithm in one place that matters here:
// the path is NOT normalised (no "." / ".." / "//" collapsing) and is encoded exactly once.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace orashift::s3 {

using NameValues = std::vector<std::pair<std::string, std::string>>;

inline constexpr std::string_view kUnsignedPayload = "UNSIGNED-PAYLOAD";
inline constexpr std::string_view kEmptyPayloadSha256 =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

// RFC 3986 percent-encoding as SigV4 defines it: only A-Z a-z 0-9 - . _ ~ stay literal,
// every other byte becomes %XX (upper-case hex). With keep_slash, '/' stays literal (paths).
std::string uri_encode(std::string_view s, bool keep_slash);
std::string percent_decode(std::string_view s);

// "/bucket/key with space" -> "/bucket/key%20with%20space": each segment encoded, '/' kept.
std::string canonical_uri(std::string_view decoded_path);
// Parameters given decoded; encoded, then sorted by name and value (byte order).
// A parameter without a value is "name=".
std::string canonical_query(const NameValues& decoded_params);

struct SigningKeyScope {
  std::string date;     // YYYYMMDD
  std::string region;   // us-east-1
  std::string service;  // s3
  std::string str() const { return date + "/" + region + "/" + service + "/aws4_request"; }
};

struct SignatureParts {
  std::string canonical_request;
  std::string string_to_sign;
  std::string signed_headers;  // "host;x-amz-date"
  std::string signature;       // hex
  std::string authorization;   // the Authorization header value
};

struct CanonicalInput {
  std::string method;
  std::string decoded_path;   // "/" or "/bucket/key"; encoded here
  NameValues query;           // decoded names/values
  NameValues headers;         // every header to sign, any case; duplicates are joined with ','
  std::string payload_hash;   // hex SHA-256 of the body, or UNSIGNED-PAYLOAD
  std::string amz_date;       // YYYYMMDDTHHMMSSZ, also present in headers as x-amz-date
};

// The pure algorithm: no clock, no environment. Credentials are passed as two strings so the
// caller decides where secrets live; nothing here keeps them.
SignatureParts sign_v4(const CanonicalInput& in, std::string_view access_key_id,
                       std::string_view secret_access_key, std::string_view region,
                       std::string_view service);

std::string derive_signing_key(std::string_view secret, const SigningKeyScope& scope);

// Current UTC time as "YYYYMMDDTHHMMSSZ".
std::string amz_date_now();

}  // namespace orashift::s3
