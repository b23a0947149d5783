#include "endpoints/table_list_source.h"

namespace orashift {

std::vector<LoadUnit> TableListSource::units() const {
  std::vector<LoadUnit> out;
  for (const auto& t : catalog_.tables) {
    LoadUnit u;
    u.table = t.name;
    u.label = t.name;
    u.data = "table " + t.name;
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace orashift
