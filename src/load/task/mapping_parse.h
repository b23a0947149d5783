#pragma once
// Internal to the table-mappings parser: shared by the per-rule-type parsing files.
#include "load/task/json_fields.h"
#include "load/task/table_mappings.h"

namespace orashift::mapping_parse {

enum class LocatorUse { Selection, Transformation, TableSettings };
// Reads "object-locator" (compiling patterns); `table_type` receives the selection-only key.
void parse_locator(JsonFields& rule, MappingRule& out, const MappingOptions& opt, bool literal_names,
                   TaskIssues& issues, TableType* table_type);
void parse_selection(JsonFields& rule, MappingRule& out, TaskIssues& issues);
void parse_transformation(JsonFields& rule, MappingRule& out, TaskIssues& issues);
void parse_table_settings(JsonFields& rule, MappingRule& out, TaskIssues& issues);

}  // namespace orashift::mapping_parse
