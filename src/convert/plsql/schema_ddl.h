#pragma once
// What the dialect layer gives the PL/SQL walk for DDL that PL/SQL runs as dynamic SQL
// (dialect/dynamic_ddl.h): the target's statements and the action items their conversion raised,
// which the walk reports at the EXECUTE IMMEDIATE (convert/ sits below dialect/).
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace orashift::plsql {

struct SchemaDdl {
  std::string sql;                                         // ';'-separated statements
  std::vector<std::pair<std::string, std::string>> items;  // (code, message) of the generator's items
};

// An Oracle CREATE TABLE / CREATE SEQUENCE text → its conversion, or nothing.
using SchemaDdlConverter = std::function<std::optional<SchemaDdl>(const std::string&)>;

}  // namespace orashift::plsql
