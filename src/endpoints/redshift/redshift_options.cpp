#include "endpoints/redshift/redshift_options.h"

#include <cctype>
#include <stdexcept>

#include "endpoints/postgres/pg_conninfo.h"

namespace orashift::redshift {

std::string S3Location::key(const std::string& suffix) const { return prefix.empty() ? suffix : prefix + "/" + suffix; }
std::string S3Location::url(const std::string& suffix) const { return "s3://" + bucket + "/" + key(suffix); }

std::optional<S3Location> parse_s3_url(const std::string& url, std::string* error) {
  auto fail = [&](const char* why) {
    if (error) *error = std::string("bad S3 URL '") + url + "': " + why + " (expected s3://BUCKET/PREFIX)";
    return std::nullopt;
  };
  if (url.rfind("s3://", 0) != 0) return fail("it does not start with s3://");
  std::string rest = url.substr(5);
  size_t slash = rest.find('/');
  S3Location loc;
  loc.bucket = rest.substr(0, slash);
  if (loc.bucket.empty()) return fail("no bucket");
  for (char c : loc.bucket)
    if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '.'))
      return fail("bucket names are lower-case letters, digits, '-' and '.'");
  if (slash != std::string::npos) loc.prefix = rest.substr(slash + 1);
  while (!loc.prefix.empty() && loc.prefix.back() == '/') loc.prefix.pop_back();
  while (!loc.prefix.empty() && loc.prefix.front() == '/') loc.prefix.erase(0, 1);
  return loc;
}

bool is_redshift_url(const std::string& url) { return url.rfind("redshift://", 0) == 0; }

std::string redshift_conninfo(const std::string& url) {
  if (!is_redshift_url(url)) throw std::invalid_argument("not a redshift:// URL");
  std::string rest = url.substr(11);
  size_t q = rest.find('?');
  std::string query = q == std::string::npos ? "" : rest.substr(q + 1);
  std::string main = rest.substr(0, q);
  size_t at = main.rfind('@');
  std::string creds = at == std::string::npos ? "" : main.substr(0, at + 1);
  std::string hostpart = at == std::string::npos ? main : main.substr(at + 1);
  size_t slash = hostpart.find('/');
  std::string hostport = hostpart.substr(0, slash);
  std::string db = slash == std::string::npos ? "" : hostpart.substr(slash + 1);
  if (hostport.empty() || db.empty())
    throw std::invalid_argument("bad Redshift URL " + redact_conninfo("postgresql://" + rest) +
                                ": expected redshift://USER@HOST:5439/DB");
  // A host without a port (IPv6 literals in brackets keep theirs).
  size_t colon = hostport.rfind(':');
  size_t bracket = hostport.rfind(']');
  if (colon == std::string::npos || (bracket != std::string::npos && colon < bracket)) hostport += ":5439";
  if (query.find("sslmode=") == std::string::npos) query += (query.empty() ? "" : "&") + std::string("sslmode=require");
  return "postgresql://" + creds + hostport + "/" + db + "?" + query;
}

}  // namespace orashift::redshift
