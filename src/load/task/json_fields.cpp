#include "load/task/json_fields.h"

#include <algorithm>
#include <cctype>

namespace orashift {

std::string join_names(const std::vector<std::string>& names, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += sep;
    out += names[i];
  }
  return out;
}

std::string json_brief(const nlohmann::json& v) {
  std::string s = v.is_string() ? std::string("\"") + v.get<std::string>() + "\"" : v.dump();
  if (s.size() > 80) s = s.substr(0, 77) + "...";
  return s;
}

static size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

static std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string closest_name(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_d = 3;
  for (const auto& c : candidates) {
    size_t d = lower(c) == lower(word) ? 0 : edit_distance(word, c);
    if (d < best_d) best_d = d, best = c;
  }
  return best;
}

JsonFields::JsonFields(const nlohmann::json& object, std::string path, TaskIssues& issues, std::string rule_id)
    : j_(object), path_(std::move(path)), issues_(issues), rule_id_(std::move(rule_id)), ok_(object.is_object()) {
  if (!ok_) issues_.error(path_, "expected a JSON object, found " + json_brief(object), rule_id_);
}

bool JsonFields::has(std::string_view key) const { return ok_ && j_.contains(key); }

const nlohmann::json* JsonFields::raw(std::string_view key) {
  if (!ok_) return nullptr;
  seen_.emplace(key);
  auto it = j_.find(key);
  return it == j_.end() ? nullptr : &*it;
}

void JsonFields::accept(std::initializer_list<std::string_view> keys) {
  for (auto k : keys) seen_.emplace(k);
}

void JsonFields::error(const std::string& key, std::string message) {
  issues_.error(key.empty() ? path_ : child(key), std::move(message), rule_id_);
}
void JsonFields::warning(const std::string& key, std::string message) {
  issues_.warning(key.empty() ? path_ : child(key), std::move(message), rule_id_);
}

std::optional<std::string> JsonFields::string(std::string_view key, bool required) {
  const auto* v = raw(key);
  if (!v) {
    if (required && ok_) error(std::string(key), "is required");
    return std::nullopt;
  }
  if (v->is_string()) return v->get<std::string>();
  // Numbers are accepted where DMS expects text (e.g. "value": 100 in a filter): the text is
  // what a user would have written in quotes.
  if (v->is_number()) return v->dump();
  error(std::string(key), "expected a string, found " + json_brief(*v));
  return std::nullopt;
}

std::optional<int64_t> JsonFields::integer(std::string_view key, int64_t min, int64_t max, bool required) {
  const auto* v = raw(key);
  if (!v) {
    if (required && ok_) error(std::string(key), "is required");
    return std::nullopt;
  }
  std::optional<int64_t> n;
  if (v->is_number_integer()) {
    n = v->get<int64_t>();
  } else if (v->is_string()) {
    const std::string s = v->get<std::string>();
    size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
    bool digits = i < s.size() && s.size() - i <= 18;
    for (size_t k = i; k < s.size() && digits; ++k) digits = std::isdigit(static_cast<unsigned char>(s[k]));
    if (digits) n = std::stoll(s);
  }
  if (!n) {
    error(std::string(key), "expected an integer, found " + json_brief(*v));
    return std::nullopt;
  }
  if (*n < min || *n > max) {
    error(std::string(key), std::to_string(*n) + " is out of range " + std::to_string(min) + ".." + std::to_string(max));
    return std::nullopt;
  }
  return n;
}

std::optional<bool> JsonFields::boolean(std::string_view key) {
  const auto* v = raw(key);
  if (!v) return std::nullopt;
  if (v->is_boolean()) return v->get<bool>();
  if (v->is_string()) {
    std::string s = lower(v->get<std::string>());
    if (s == "true") return true;
    if (s == "false") return false;
  }
  error(std::string(key), json_brief(*v) + " is not one of true, false");
  return std::nullopt;
}

std::optional<std::string> JsonFields::one_of(std::string_view key, const std::vector<std::string>& allowed,
                                              bool required) {
  auto s = string(key, required);
  if (!s) return std::nullopt;
  if (std::find(allowed.begin(), allowed.end(), *s) != allowed.end()) return s;
  error(std::string(key), "\"" + *s + "\" is not one of " + join_names(allowed));
  return std::nullopt;
}

std::optional<std::vector<std::string>> JsonFields::string_list(std::string_view key, bool required) {
  const auto* v = raw(key);
  if (!v) {
    if (required && ok_) error(std::string(key), "is required");
    return std::nullopt;
  }
  if (!v->is_array()) {
    error(std::string(key), "expected an array of strings, found " + json_brief(*v));
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < v->size(); ++i) {
    const auto& e = (*v)[i];
    if (e.is_string()) out.push_back(e.get<std::string>());
    else if (e.is_number()) out.push_back(e.dump());
    else {
      issues_.error(child(key) + "[" + std::to_string(i) + "]", "expected a string, found " + json_brief(e), rule_id_);
      return std::nullopt;
    }
  }
  return out;
}

void JsonFields::finish(const std::vector<std::string>& known_but_unread) {
  if (!ok_) return;
  std::vector<std::string> known(seen_.begin(), seen_.end());
  known.insert(known.end(), known_but_unread.begin(), known_but_unread.end());
  for (auto it = j_.begin(); it != j_.end(); ++it) {
    if (seen_.count(it.key())) continue;
    if (std::find(known_but_unread.begin(), known_but_unread.end(), it.key()) != known_but_unread.end()) {
      issues_.warning(child(it.key()), "\"" + it.key() + "\" does not apply here, ignored", rule_id_);
      continue;
    }
    std::string msg = "unknown key \"" + it.key() + "\", ignored";
    std::string near = closest_name(it.key(), known);
    if (!near.empty()) msg += " (did you mean \"" + near + "\"?)";
    issues_.warning(child(it.key()), msg, rule_id_);
  }
}

}  // namespace orashift
