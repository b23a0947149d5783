#pragma once
// Where one schema's files go when a command works through several schemas of a source
// (load, migrate): OUT/<schema>.
#include <string>

namespace orashift::cli {

// The schema's name when it is a plain file name, else "schema-<hash of the name>".
std::string schema_folder(const std::string& schema);

}  // namespace orashift::cli
