#include "cli/empty_source.h"

namespace orashift::cli {

std::string empty_source_error(const SourceEndpoint& source, bool code_counts) {
  const Catalog& c = source.catalog();
  if (!c.tables.empty()) return "";
  if (code_counts && (!c.sequences.empty() || !c.synonyms.empty())) return "";
  if (code_counts)
    for (const auto& u : c.unmodelled)
      if (u.kind.rfind("CREATE", 0) == 0) return "";  // views, packages, procedures, types …
  std::string out = "orashift: error: no table found in " + source.describe() +
                    (code_counts ? " (nor any other schema object)" : "") + "\n";
  std::string inventory = source.inventory();
  size_t b = 0;
  while (b < inventory.size()) {  // indented under the error line
    size_t e = inventory.find('\n', b);
    if (e == std::string::npos) e = inventory.size();
    out += "  " + inventory.substr(b, e - b) + "\n";
    b = e + 1;
  }
  return out;
}

}  // namespace orashift::cli
