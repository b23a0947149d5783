#include "s3/credentials.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace orashift::s3 {

namespace {

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::optional<std::string> nonempty(const EnvLookup& env, const std::string& name) {
  auto v = env(name);
  if (v && !v->empty()) return v;
  return std::nullopt;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string home_file(const EnvLookup& env, const char* override_var, const char* rel) {
  if (auto p = nonempty(env, override_var)) return *p;
  auto home = nonempty(env, "HOME");
  return home ? *home + "/" + rel : std::string();
}

std::string profile_name(const EnvLookup& env) {
  auto p = nonempty(env, "AWS_PROFILE");
  return p ? *p : "default";
}

}  // namespace

EnvLookup process_env() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* v = std::getenv(name.c_str());
    if (!v) return std::nullopt;
    return std::string(v);
  };
}

IniFile parse_ini(std::string_view text) {
  IniFile ini;
  std::string section;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string line = trim(text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;
    if (line.front() == '[' && line.back() == ']') {
      section = trim(std::string_view(line).substr(1, line.size() - 2));
      ini[section];
      continue;
    }
    size_t eq = line.find('=');
    if (eq == std::string::npos) continue;
    ini[section][lower(trim(std::string_view(line).substr(0, eq)))] = trim(std::string_view(line).substr(eq + 1));
  }
  return ini;
}

std::optional<Credentials> credentials_from_env(const EnvLookup& env) {
  auto id = nonempty(env, "AWS_ACCESS_KEY_ID");
  auto secret = nonempty(env, "AWS_SECRET_ACCESS_KEY");
  if (!id || !secret) return std::nullopt;
  Credentials c{*id, *secret, {}};
  if (auto tok = nonempty(env, "AWS_SESSION_TOKEN")) c.session_token = *tok;
  return c;
}

std::optional<Credentials> credentials_from_ini(const IniFile& ini, const std::string& profile) {
  auto it = ini.find(profile);
  if (it == ini.end()) return std::nullopt;
  const auto& kv = it->second;
  auto id = kv.find("aws_access_key_id");
  auto secret = kv.find("aws_secret_access_key");
  if (id == kv.end() || secret == kv.end() || id->second.empty() || secret->second.empty()) return std::nullopt;
  Credentials c{id->second, secret->second, {}};
  if (auto tok = kv.find("aws_session_token"); tok != kv.end()) c.session_token = tok->second;
  return c;
}

Credentials resolve_credentials(const EnvLookup& env) {
  if (auto c = credentials_from_env(env)) return *c;
  std::string path = home_file(env, "AWS_SHARED_CREDENTIALS_FILE", ".aws/credentials");
  std::string profile = profile_name(env);
  if (!path.empty()) {
    if (auto text = read_file(path)) {
      if (auto c = credentials_from_ini(parse_ini(*text), profile)) return *c;
    }
  }
  throw std::runtime_error(
      "no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or put profile [" + profile +
      "] with aws_access_key_id and aws_secret_access_key in " + (path.empty() ? "~/.aws/credentials" : path));
}

std::string resolve_region(const EnvLookup& env) {
  if (auto r = nonempty(env, "AWS_REGION")) return *r;
  if (auto r = nonempty(env, "AWS_DEFAULT_REGION")) return *r;
  std::string path = home_file(env, "AWS_CONFIG_FILE", ".aws/config");
  if (!path.empty()) {
    if (auto text = read_file(path)) {
      IniFile ini = parse_ini(*text);
      std::string profile = profile_name(env);
      // The config file names non-default profiles "[profile NAME]".
      for (const std::string& section : {profile == "default" ? profile : "profile " + profile, profile}) {
        auto it = ini.find(section);
        if (it == ini.end()) continue;
        auto r = it->second.find("region");
        if (r != it->second.end() && !r->second.empty()) return r->second;
      }
    }
  }
  return "us-east-1";
}

}  // namespace orashift::s3
