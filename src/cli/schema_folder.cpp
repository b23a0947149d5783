#include "cli/schema_folder.h"

#include <cctype>

#include "load/task_state.h"

namespace orashift::cli {

std::string schema_folder(const std::string& schema) {
  bool plain = !schema.empty() && schema != "." && schema != "..";
  for (char c : schema)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.' && c != '$') plain = false;
  return plain ? schema : "schema-" + fnv1a_hex(schema);
}

}  // namespace orashift::cli
