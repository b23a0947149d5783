#pragma once
// A failed S3 operation. The message names the operation, bucket/key, HTTP status and S3's
// Code/Message, and how many attempts were made. It never holds credentials, the Authorization
// header, or signing material: only what S3 or libcurl said about the outcome.
#include <stdexcept>
#include <string>

namespace orashift::s3 {

class S3Error : public std::runtime_error {
public:
  S3Error(const std::string& what, long status, std::string code, std::string message, int attempts)
      : std::runtime_error(what), status_(status), code_(std::move(code)), message_(std::move(message)),
        attempts_(attempts) {}
  long status() const { return status_; }          // 0: no HTTP answer (connection, timeout)
  const std::string& code() const { return code_; }  // S3 <Code>, or "TransportError"
  const std::string& s3_message() const { return message_; }
  int attempts() const { return attempts_; }

private:
  long status_;
  std::string code_;
  std::string message_;
  int attempts_;
};

}  // namespace orashift::s3
