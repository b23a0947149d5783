#include "endpoints/postgres/pg_conninfo.h"

#include <cctype>

namespace orashift {

namespace {

struct Span {
  size_t begin, end;
};

bool is_uri(std::string_view s) { return s.starts_with("postgres://") || s.starts_with("postgresql://"); }

// Where the password values sit in the string, in order.
std::vector<Span> password_spans(std::string_view s) {
  std::vector<Span> spans;
  if (is_uri(s)) {
    size_t start = s.find("://") + 3;
    // The last '@' ends the credentials: an unencoded '@', '/' or '?' inside a password then
    // still counts as password, at the price of masking host text after an '@' in a parameter.
    size_t at = s.rfind('@');
    if (at != std::string_view::npos && at > start) {
      size_t colon = s.find(':', start);
      if (colon < at) spans.push_back({colon + 1, at});
    }
    size_t q = s.find('?', at == std::string_view::npos ? start : at);
    while (q != std::string_view::npos && q < s.size()) {
      size_t key = q + 1, amp = s.find('&', key);
      size_t end = amp == std::string_view::npos ? s.size() : amp;
      std::string_view param = s.substr(key, end - key);
      if (param.starts_with("password=")) spans.push_back({key + 9, end});
      q = amp;
    }
    return spans;
  }
  // key=value form: password = value, value quoted '...' with \' and \\ escapes or bare.
  for (size_t i = s.find("password"); i != std::string_view::npos; i = s.find("password", i + 1)) {
    if (i > 0 && !std::isspace(static_cast<unsigned char>(s[i - 1]))) continue;
    size_t j = i + 8;
    while (j < s.size() && std::isspace(static_cast<unsigned char>(s[j]))) ++j;
    if (j >= s.size() || s[j] != '=') continue;
    ++j;
    while (j < s.size() && std::isspace(static_cast<unsigned char>(s[j]))) ++j;
    size_t b = j;
    if (j < s.size() && s[j] == '\'') {
      for (++j; j < s.size() && s[j] != '\''; ++j)
        if (s[j] == '\\') ++j;
      j = std::min(j + 1, s.size());
    } else {
      while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
    }
    spans.push_back({b, j});
  }
  return spans;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

}  // namespace

std::string redact_conninfo(std::string_view s) {
  std::string out;
  size_t at = 0;
  for (Span sp : password_spans(s)) {
    out.append(s.substr(at, sp.begin - at));
    out.append("***");
    at = sp.end;
  }
  out.append(s.substr(at));
  return out;
}

std::vector<std::string> conninfo_passwords(std::string_view s) {
  std::vector<std::string> out;
  for (Span sp : password_spans(s)) {
    std::string_view raw = s.substr(sp.begin, sp.end - sp.begin);
    if (raw.size() >= 2 && raw.front() == '\'' && raw.back() == '\'') {
      raw = raw.substr(1, raw.size() - 2);
      std::string unescaped;
      for (size_t i = 0; i < raw.size(); ++i) unescaped.push_back(raw[i] == '\\' && i + 1 < raw.size() ? raw[++i] : raw[i]);
      if (unescaped != raw) out.push_back(std::move(unescaped));
    }
    if (raw.empty()) continue;
    out.emplace_back(raw);
    std::string decoded = percent_decode(raw);
    if (decoded != raw) out.push_back(std::move(decoded));
  }
  return out;
}

std::string scrub_secrets(std::string message, const std::vector<std::string>& secrets) {
  for (const std::string& secret : secrets) {
    if (secret.empty()) continue;
    for (size_t i = message.find(secret); i != std::string::npos; i = message.find(secret, i + 3))
      message.replace(i, secret.size(), "***");
  }
  return message;
}

}  // namespace orashift
