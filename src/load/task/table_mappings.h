#pragma once
// DMS table mappings ({"rules": [...]}) as typed rules. Parsing checks everything that can
// be checked without a source catalog (names, values, required keys, combinations DMS
// forbids); checks that need the catalog (does the filter column exist?) happen when the
// rules are applied (selection.h).
//
// Formats follow the DMS user guide pages "Selection rules and actions", "Wildcards in
// table mapping", "Using source filters", "Transformation rules and actions" and "Table and
// collection settings rules and operations". docs/tasks.md lists every difference.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "load/task/task_issue.h"
#include "load/task/wildcard.h"

namespace orashift {

enum class RuleType { Selection, Transformation, TableSettings };

struct ObjectLocator {
  std::optional<NamePattern> schema;
  std::optional<NamePattern> table;
  std::optional<NamePattern> column;
};

// ---- selection ----
enum class SelectionAction { Include, Exclude, Explicit };
enum class TableType { Table, View, All };
// DMS writes "ste" as an alias of "lte"; both parse to Lte.
enum class FilterOperator { Eq, NotEq, Gte, Lte, Between, NotBetween, Null, NotNull };
const char* filter_operator_name(FilterOperator op);

struct FilterCondition {
  FilterOperator op = FilterOperator::Eq;
  std::string value;                   // eq, noteq, gte, lte
  std::string start_value, end_value;  // between, notbetween (both ends inclusive)
};

// Conditions of one filter are OR'ed; the filters of a rule are AND'ed.
struct SourceFilterDef {
  std::string column;   // exact source column name (case-sensitive)
  std::vector<FilterCondition> conditions;
  std::string path;     // "rules[2].filters[0]", for plan-time messages
};

struct SelectionRule {
  SelectionAction action = SelectionAction::Include;
  TableType table_type = TableType::Table;
  int64_t load_order = 0;  // higher loads first
  std::vector<SourceFilterDef> filters;
};

// ---- transformation ----
enum class TransformTarget { Schema, Table, Column, TableTablespace, IndexTablespace };
enum class TransformAction {
  Rename, ConvertLowercase, ConvertUppercase, AddPrefix, RemovePrefix, ReplacePrefix,
  AddSuffix, RemoveSuffix, ReplaceSuffix, RemoveColumn, IncludeColumn, AddColumn,
  ChangeDataType, DefinePrimaryKey
};
const char* transform_action_name(TransformAction a);
const char* transform_target_name(TransformTarget t);

// A DMS data type ("Data types for AWS Database Migration Service"), lower case.
struct DmsDataType {
  std::string type;  // string, wstring, boolean, bytes, date, time, datetime, int1..int8, uint1..uint8,
                     // numeric, real4, real8, blob, clob, nclob
  std::optional<int> precision, scale, length;
  std::string text() const;  // "numeric(10,2)", "string(30)"
};

struct PrimaryKeyDef {
  std::string name;
  bool unique_index = false;  // origin "unique-index" instead of "primary-key"
  std::vector<std::string> columns;
};

struct TransformationRule {
  TransformTarget target = TransformTarget::Table;
  TransformAction action = TransformAction::Rename;
  std::string value;      // new name, prefix/suffix, or the added column's name
  std::string old_value;  // replace-prefix / replace-suffix
  std::optional<DmsDataType> data_type;
  std::string expression; // add-column: DMS (SQLite-syntax) expression text, kept verbatim
  std::optional<PrimaryKeyDef> primary_key;
  bool ignored = false;   // understood but without effect here (tablespaces, CDC-only actions)
};

// ---- table-settings ----
enum class ParallelLoadType { None, PartitionsAuto, SubpartitionsAuto, PartitionsList, Ranges };
const char* parallel_load_type_name(ParallelLoadType t);

struct ParallelLoad {
  ParallelLoadType type = ParallelLoadType::None;
  std::vector<std::string> partitions, subpartitions;    // partitions-list
  std::vector<std::string> columns;                      // ranges: most significant first
  std::vector<std::vector<std::string>> boundaries;      // ranges: upper bounds, ascending
};

enum class LobMode { Limited, Unlimited, None };
struct LobSettings {
  LobMode mode = LobMode::Limited;
  int64_t bulk_max_size_kb = 0;  // limited: truncation size; unlimited: inline threshold (0 = none)
};

struct TableSettingsRule {
  std::optional<ParallelLoad> parallel_load;
  std::optional<LobSettings> lob_settings;
};

struct MappingRule {
  RuleType type = RuleType::Selection;
  int64_t id = 0;
  std::string id_text;   // as written, for messages
  std::string name;
  size_t index = 0;      // position in "rules"
  ObjectLocator locator;
  SelectionRule selection;
  TransformationRule transformation;
  TableSettingsRule table_settings;
  std::string path() const { return "rules[" + std::to_string(index) + "]"; }
};

struct TableMappings {
  std::vector<MappingRule> rules;  // file order
  // Rules of one type ordered by rule-id (ties by file order), the order DMS gives precedence.
  std::vector<const MappingRule*> by_id(RuleType type) const;
};

struct MappingOptions {
  // DMS's Oracle `escapeCharacter` extra connection attribute: makes the next pattern
  // character literal. 0 = none (the DMS default).
  char escape = 0;
};

TableMappings parse_table_mappings(const nlohmann::json& doc, TaskIssues& issues, const MappingOptions& opt = {});
// Parses JSON text; a syntax error becomes an issue with the byte position.
TableMappings parse_table_mappings_text(std::string_view json_text, TaskIssues& issues, const MappingOptions& opt = {});
TableMappings load_table_mappings(const std::filesystem::path& file, TaskIssues& issues, const MappingOptions& opt = {});

}  // namespace orashift
