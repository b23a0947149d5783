#include "cli/types_options.h"

#include <stdexcept>

namespace orashift::cli {

void add_types_options(CLI::App& cmd, std::string& types, uint64_t& profile_rows) {
  cmd.add_option("--types", types,
                 "auto (default): unconstrained NUMBER narrowed where the data's evidence covers every row; "
                 "evidence: also from a sample; declared: as declared (docs/type-mapping.md#types-from-evidence)")
      ->check(CLI::IsMember({"auto", "evidence", "declared"}));
  cmd.add_option("--profile-rows", profile_rows,
                 "rows per table the evidence pass reads (default 0 = all; fewer makes the evidence a sample)");
}

TypeMappingSettings load_types(const std::string& type_map, const std::string& types, uint64_t profile_rows) {
  TypeMappingSettings s = type_map.empty() ? TypeMappingSettings{} : load_type_mapping_settings(type_map);
  if (!parse_types_from(types, s.from)) throw std::invalid_argument("--types must be auto, evidence or declared");
  s.profile_rows = profile_rows;
  return s;
}

}  // namespace orashift::cli
