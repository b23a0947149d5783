#pragma once
// Where S3 credentials and the region come from, in the order the AWS CLI and SDKs use:
//   1. AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN)
//   2. the shared credentials file (AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials),
//      profile AWS_PROFILE, else "default"
// Region: AWS_REGION, AWS_DEFAULT_REGION, then `region` in the shared config file
// (AWS_CONFIG_FILE, else ~/.aws/config), else us-east-1.
// Not supported: instance metadata / ECS / SSO / credential_process / assume-role profiles.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace orashift::s3 {

struct Credentials {
  std::string access_key_id;
  std::string secret_access_key;  // never printed, logged or put in an exception message
  std::string session_token;      // empty unless temporary (STS) credentials
};

// Lets tests supply an environment instead of the process's.
using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;
EnvLookup process_env();

// section -> key -> value. Keys are lower-cased; "#" and ";" start comments; values trimmed.
using IniFile = std::map<std::string, std::map<std::string, std::string>>;
IniFile parse_ini(std::string_view text);

std::optional<Credentials> credentials_from_env(const EnvLookup& env);
std::optional<Credentials> credentials_from_ini(const IniFile& ini, const std::string& profile);

// Throws std::runtime_error naming the places looked in (never any value found there).
Credentials resolve_credentials(const EnvLookup& env = process_env());
std::string resolve_region(const EnvLookup& env = process_env());

}  // namespace orashift::s3
