#include "common/redact.h"

#include <cctype>

namespace orashift {

namespace {

bool word_at(std::string_view s, size_t i, std::string_view upper) {
  if (i + upper.size() > s.size()) return false;
  for (size_t k = 0; k < upper.size(); ++k)
    if (std::toupper(static_cast<unsigned char>(s[i + k])) != upper[k]) return false;
  bool left = i == 0 || !(std::isalnum(static_cast<unsigned char>(s[i - 1])) || s[i - 1] == '_');
  size_t e = i + upper.size();
  bool right = e == s.size() || !(std::isalnum(static_cast<unsigned char>(s[e])) || s[e] == '_');
  return left && right;
}

size_t skip_space(std::string_view s, size_t i) {
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

}  // namespace

std::string redact_passwords(std::string_view sql_text) {
  std::string out(sql_text);
  for (size_t i = 0; i < out.size(); ++i) {
    if (!word_at(out, i, "IDENTIFIED")) continue;
    size_t j = skip_space(out, i + 10);
    if (!word_at(out, j, "BY")) continue;
    j = skip_space(out, j + 2);
    if (j >= out.size()) break;
    size_t end = j;
    if (out[j] == '"') {
      end = out.find('"', j + 1);
      end = end == std::string::npos ? out.size() : end + 1;
    } else {
      while (end < out.size() && !std::isspace(static_cast<unsigned char>(out[end])) && out[end] != ';') ++end;
    }
    std::string_view secret(out.data() + j, end - j);
    bool substitution = secret.find('&') != std::string_view::npos;  // &pass, "&pass": not a secret
    if (!substitution)
      for (size_t k = j; k < end; ++k) out[k] = '*';
    i = end;
  }
  return out;
}

}  // namespace orashift
