#pragma once
// Reads Oracle DDL scripts into the catalog: SQL*Plus script layer → parser → AST → catalog.
// Statements that do not parse are reported (file:line:col) and the rest still loads.
#include <memory>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "common/diagnostic.h"
#include "sql/ast.h"

namespace orashift {

struct DdlLoad {
  std::vector<std::unique_ptr<SourceFile>> files;  // kept alive: spans point into them
  Catalog catalog;
  Diagnostics diagnostics;
  size_t statements = 0;         // statements seen (SQL*Plus commands excluded)
  size_t statements_failed = 0;  // statements that did not parse
  size_t statements_ignored = 0; // parsed but not modelled: listed in catalog.unmodelled
};

// Reads and parses each file in order (later ALTERs and COMMENTs apply to earlier tables).
// A file that cannot be read is an error diagnostic, not an exception.
DdlLoad load_ddl(const std::vector<std::string>& paths);
// The same for scripts held in memory, each (name shown in locations, UTF-8 text): DDL a live
// source wrote from its dictionary (src/endpoints/oracle/oracle_dictionary.h).
DdlLoad load_ddl_texts(const std::vector<std::pair<std::string, std::string>>& texts);

// A parsed data type as the catalog keeps it.
OracleType oracle_type_of(const sql::ast::DataType& d);

}  // namespace orashift
