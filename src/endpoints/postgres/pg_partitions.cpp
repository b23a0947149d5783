#include "endpoints/postgres/pg_partitions.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

#include "common/ascii.h"

namespace orashift {

namespace {

std::string trim(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  size_t i = 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  return s.substr(i);
}

bool starts_with_word(const std::string& s, const std::string& word) { return ascii_upper(s.substr(0, word.size())) == word; }

// The text inside the parentheses that open at `open`; `end` is set past the closing one.
std::optional<std::string> parenthesized(const std::string& s, size_t open, size_t& end) {
  if (open >= s.size() || s[open] != '(') return std::nullopt;
  int depth = 0;
  bool quoted = false;
  for (size_t i = open; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '\'') quoted = i + 1 < s.size() && s[i + 1] == '\'' ? (++i, true) : false;
      continue;
    }
    if (c == '\'') quoted = true;
    else if (c == '(') ++depth;
    else if (c == ')' && --depth == 0) {
      end = i + 1;
      return s.substr(open + 1, i - open - 1);
    }
  }
  return std::nullopt;
}

// Top-level comma-separated items (quotes and parentheses respected), trimmed.
std::vector<std::string> items(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  int depth = 0;
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      cur += c;
      if (c == '\'') {
        if (i + 1 < s.size() && s[i + 1] == '\'') cur += s[++i];
        else quoted = false;
      }
      continue;
    }
    if (c == '\'') quoted = true;
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (c == ',' && depth == 0) {
      out.push_back(trim(cur));
      cur.clear();
      continue;
    }
    cur += c;
  }
  if (!trim(cur).empty()) out.push_back(trim(cur));
  return out;
}

// The parenthesized list after `keyword` in `s` (e.g. FROM (…)).
std::optional<std::vector<std::string>> list_after(const std::string& s, const std::string& keyword) {
  size_t at = ascii_upper(s).find(keyword + " (");
  if (at == std::string::npos) return std::nullopt;
  size_t end = 0;
  auto inside = parenthesized(s, at + keyword.size() + 1, end);
  if (!inside) return std::nullopt;
  return items(*inside);
}

bool plain_identifier(const std::string& s) {
  if (s.empty()) return false;
  if (s.front() == '"') return s.size() >= 2 && s.back() == '"';
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '$') return false;
  return true;
}

std::string unquote_identifier(const std::string& s) {
  if (s.front() != '"') return s;
  std::string out;
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    out += s[i];
    if (s[i] == '"') ++i;  // "" inside a quoted name
  }
  return out;
}

std::string fail(Partitioning& p, std::string why) {
  p.method.clear();
  p.columns.clear();
  p.hash_count.reset();
  for (auto& part : p.partitions) {
    part.bound_kind.clear();
    part.bounds.clear();
  }
  return why;
}

}  // namespace

std::string read_pg_partitioning(const std::string& key_def, const std::map<std::string, std::string>& bounds,
                                 Partitioning& p) {
  std::string def = trim(key_def);
  std::string method;
  for (const char* m : {"RANGE", "LIST", "HASH"})
    if (starts_with_word(def, m)) method = m;
  size_t end = 0;
  auto key = method.empty() ? std::nullopt : parenthesized(def, def.find('('), end);
  if (!key) return fail(p, "partition key " + def + " not understood");
  std::vector<std::string> columns;
  for (const auto& c : items(*key)) {
    if (!plain_identifier(c)) return fail(p, "partition key " + def + " is not a list of columns");
    columns.push_back(unquote_identifier(c));
  }
  if (p.partitions.empty()) return fail(p, "no partitions");
  auto bound_of = [&](const Partition& part) -> std::string {
    auto it = bounds.find(part.name);
    return it == bounds.end() ? "" : trim(it->second);
  };

  if (method == "LIST") {
    for (auto& part : p.partitions) {
      std::string b = bound_of(part);
      part.bound_kind = "VALUES";
      if (starts_with_word(b, "DEFAULT")) {
        part.bounds = {"DEFAULT"};
        continue;
      }
      auto values = list_after(b, "IN");
      if (!values) return fail(p, "partition " + part.name + ": " + b + " not understood");
      part.bounds = *values;
    }
  } else if (method == "HASH") {
    std::vector<std::pair<long, Partition>> by_remainder;
    long modulus = -1;
    for (auto& part : p.partitions) {
      std::string b = bound_of(part);
      auto args = list_after(b, "WITH");
      if (!args || args->size() != 2) return fail(p, "partition " + part.name + ": " + b + " not understood");
      long m = -1, r = -1;
      for (const auto& a : *args) {
        std::string w = a.substr(0, a.find(' '));
        long v = std::strtol(a.c_str() + std::min(a.size(), a.find(' ') + 1), nullptr, 10);
        if (starts_with_word(w, "MODULUS")) m = v;
        if (starts_with_word(w, "REMAINDER")) r = v;
      }
      if (modulus != -1 && m != modulus) return fail(p, "hash partitions of different moduli");
      modulus = m;
      by_remainder.emplace_back(r, part);
    }
    std::sort(by_remainder.begin(), by_remainder.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (size_t i = 0; i < by_remainder.size(); ++i)
      if (by_remainder[i].first != static_cast<long>(i) || modulus != static_cast<long>(by_remainder.size()))
        return fail(p, "hash partitions do not cover every remainder of modulus " + std::to_string(modulus));
    p.partitions.clear();
    for (auto& [r, part] : by_remainder) p.partitions.push_back(std::move(part));
    p.hash_count = static_cast<int>(modulus);
  } else {
    // RANGE: follow the chain FROM (lower) TO (upper), each lower the previous upper.
    struct Range {
      Partition part;
      std::vector<std::string> from, to;
    };
    std::vector<Range> ranges;
    for (auto& part : p.partitions) {
      std::string b = bound_of(part);
      if (starts_with_word(b, "DEFAULT")) return fail(p, "a DEFAULT range partition (" + part.name + ")");
      auto from = list_after(b, "FROM"), to = list_after(b, "TO");
      if (!from || !to || from->size() != columns.size() || to->size() != columns.size())
        return fail(p, "partition " + part.name + ": " + b + " not understood");
      ranges.push_back({part, *from, *to});
    }
    std::vector<Partition> ordered;
    auto is_upper_of_another = [&](const std::vector<std::string>& lower) {
      return std::any_of(ranges.begin(), ranges.end(), [&](const Range& r) { return r.to == lower; });
    };
    auto first = std::find_if(ranges.begin(), ranges.end(), [&](const Range& r) { return !is_upper_of_another(r.from); });
    std::vector<std::string> lower = first == ranges.end() ? std::vector<std::string>{} : first->from;
    while (ordered.size() < ranges.size()) {
      auto next = std::find_if(ranges.begin(), ranges.end(), [&](const Range& r) { return r.from == lower; });
      if (next == ranges.end()) return fail(p, "range partitions with gaps between them");
      next->part.bound_kind = "LESS THAN";
      next->part.bounds = next->to;
      ordered.push_back(next->part);
      lower = next->to;
    }
    p.partitions = std::move(ordered);
  }
  p.method = method;
  p.columns = columns;
  return "";
}

}  // namespace orashift
