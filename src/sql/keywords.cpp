#include "sql/keywords.h"

#include <algorithm>
#include <array>

namespace orashift::sql {

namespace {

struct Entry {
  std::string_view name;
  Kw kw;
};

constexpr Entry kEntries[] = {
#define ORASHIFT_KW_ENTRY(name) {#name, Kw::name},
    ORASHIFT_KEYWORDS(ORASHIFT_KW_ENTRY)
#undef ORASHIFT_KW_ENTRY
};
constexpr size_t kCount = sizeof(kEntries) / sizeof(kEntries[0]);

// Sorted once so lookups are a binary search over an upper-cased stack copy: no allocation.
const std::array<Entry, kCount>& sorted() {
  static const std::array<Entry, kCount> table = [] {
    std::array<Entry, kCount> t;
    std::copy(std::begin(kEntries), std::end(kEntries), t.begin());
    for (auto& e : t)
      if (e.name.back() == '_') e.name.remove_suffix(1);
    std::sort(t.begin(), t.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
    return t;
  }();
  return table;
}

}  // namespace

Kw keyword_of(std::string_view word) {
  constexpr size_t kMax = 24;
  if (word.empty() || word.size() > kMax) return Kw::None;
  char buf[kMax];
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    buf[i] = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  std::string_view up(buf, word.size());
  const auto& t = sorted();
  auto it = std::lower_bound(t.begin(), t.end(), up, [](const Entry& e, std::string_view w) { return e.name < w; });
  return (it != t.end() && it->name == up) ? it->kw : Kw::None;
}

std::string_view keyword_name(Kw k) {
  if (k == Kw::None) return {};
  std::string_view n = kEntries[static_cast<size_t>(k) - 1].name;
  if (n.back() == '_') n.remove_suffix(1);
  return n;
}

}  // namespace orashift::sql
