#pragma once
// The sample's 23 countries, each with a few cities, so a customer's city, state and
// country always agree.
#include <cstdint>
#include <string_view>
#include <vector>

namespace orashift::sample {

struct City {
  std::string_view name, state;
};

struct Country {
  std::string_view iso, name, subregion;
  int subregion_id;
  std::string_view region;
  int region_id;
  std::string_view name_hist;  // empty: NULL
  std::vector<City> cities;
};

const std::vector<Country>& sh_countries();
inline int64_t country_id(size_t index) { return 52769 + static_cast<int64_t>(index); }

}  // namespace orashift::sample
