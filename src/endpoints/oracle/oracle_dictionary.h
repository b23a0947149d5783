#pragma once
// The schema of a live Oracle database, read from its data dictionary and written out as the
// Oracle DDL that would create it, which the same front end as `oracle-files:` then parses
// (convert/ddl_loader.h): so a live schema and its exported scripts give one catalog, and
// views and code units (ALL_VIEWS.TEXT, ALL_SOURCE) go through the same parser, rewriter and
// assessment. DBA_* views are read when the user may (SELECT_CATALOG_ROLE), ALL_* otherwise
// (ORA-00942 on the DBA_ view). Every query is listed in docs/sources.md.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace orashift::oracle {

class Connection;

// One row of a dictionary query: column name → value (nullopt = NULL).
using DictRow = std::map<std::string, std::optional<std::string>>;

// What was read, before it is written as DDL.
struct Dictionary {
  std::vector<DictRow> tables, columns, identity, constraints, cons_columns, indexes, ind_columns, ind_expressions,
      tab_comments, col_comments, views, sequences, source, synonyms, part_tables, part_key_columns, tab_partitions, mviews;
  std::map<std::string, std::string> view_used;  // "TABLES" → "DBA_TABLES" or "ALL_TABLES"
  std::vector<std::string> notes;                // parts that could not be read, and why
};

// Runs every dictionary query for `schemas` (upper-case owners).
Dictionary read_dictionary(Connection& conn, const std::vector<std::string>& schemas);

// The DDL script for what was read; names are qualified with their owner only when several
// schemas are read (one schema converts to unqualified names, as its own scripts would have).
std::string dictionary_ddl(const Dictionary& d, bool qualify);

// The Oracle type as DDL text for one ALL_TAB_COLS row ("VARCHAR2(20 CHAR)", "NUMBER(10,2)").
std::string column_type_sql(const DictRow& column);

// NUM_ROWS statistics by table name (for progress and the design advisor).
std::map<std::string, uint64_t> table_row_statistics(const Dictionary& d);

}  // namespace orashift::oracle
