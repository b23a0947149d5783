#pragma once
// The few digests SigV4 and S3 need, on OpenSSL's EVP interface.
#include <string>
#include <string_view>

namespace orashift::s3 {

std::string sha256_raw(std::string_view data);
std::string sha256_hex(std::string_view data);
std::string hmac_sha256_raw(std::string_view key, std::string_view data);
std::string md5_base64(std::string_view data);  // Content-MD5, which DeleteObjects requires
std::string to_hex(std::string_view bytes);

}  // namespace orashift::s3
