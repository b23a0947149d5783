#include "cli/code_options.h"

#include <stdexcept>

namespace orashift::cli {

void add_plsql_extension_option(CLI::App& cmd, std::string& extension) {
  cmd.add_option("--plsql-extension", extension,
                 "none (default): built-in packages rewritten inline; orafce: calls into the orafce extension's "
                 "packages (PostgreSQL; CREATE EXTENSION orafce is applied first; docs/plsql.md)")
      ->check(CLI::IsMember({"none", "orafce"}));
}

CodeOptions code_options(const std::string& extension, Dialect dialect) {
  CodeOptions c;
  c.orafce = extension == "orafce";
  if (c.orafce && dialect != Dialect::Postgres)
    throw std::runtime_error("--plsql-extension orafce needs --target postgres (orafce is a PostgreSQL extension)");
  return c;
}

}  // namespace orashift::cli
