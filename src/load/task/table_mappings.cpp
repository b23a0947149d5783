#include "load/task/table_mappings.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "load/task/mapping_parse.h"

namespace orashift {

using nlohmann::json;
using namespace mapping_parse;

const char* filter_operator_name(FilterOperator op) {
  switch (op) {
    case FilterOperator::Eq: return "eq";
    case FilterOperator::NotEq: return "noteq";
    case FilterOperator::Gte: return "gte";
    case FilterOperator::Lte: return "lte";
    case FilterOperator::Between: return "between";
    case FilterOperator::NotBetween: return "notbetween";
    case FilterOperator::Null: return "null";
    case FilterOperator::NotNull: return "notnull";
  }
  return "?";
}

const char* parallel_load_type_name(ParallelLoadType t) {
  switch (t) {
    case ParallelLoadType::None: return "none";
    case ParallelLoadType::PartitionsAuto: return "partitions-auto";
    case ParallelLoadType::SubpartitionsAuto: return "subpartitions-auto";
    case ParallelLoadType::PartitionsList: return "partitions-list";
    case ParallelLoadType::Ranges: return "ranges";
  }
  return "?";
}

std::vector<const MappingRule*> TableMappings::by_id(RuleType type) const {
  std::vector<const MappingRule*> out;
  for (const auto& r : rules)
    if (r.type == type) out.push_back(&r);
  std::stable_sort(out.begin(), out.end(), [](const MappingRule* a, const MappingRule* b) { return a->id < b->id; });
  return out;
}

namespace mapping_parse {

void parse_locator(JsonFields& rule, MappingRule& out, const MappingOptions& opt, bool literal_names,
                   TaskIssues& issues, TableType* table_type) {
  const json* loc = rule.raw("object-locator");
  if (!loc) {
    rule.error("object-locator", "is required");
    return;
  }
  JsonFields f(*loc, rule.child("object-locator"), issues, out.id_text);
  auto compile = [&](const char* key, std::optional<NamePattern>& dst) {
    auto text = f.string(key);
    if (!text) return;
    if (literal_names) {
      // Explicit rules name one object exactly; DMS takes no wildcards there, so '_' (common
      // in Oracle names) must not match any character.
      if (text->find('%') != std::string::npos)
        f.warning(key, "explicit rules take exact names: \"%\" is matched literally");
      dst = NamePattern::literal(*text);
      return;
    }
    std::string err;
    auto p = NamePattern::compile(*text, opt.escape, &err);
    if (!p) f.error(key, err);
    else dst = std::move(*p);
  };
  compile("schema-name", out.locator.schema);
  compile("table-name", out.locator.table);
  compile("column-name", out.locator.column);
  if (table_type) {
    if (auto t = f.one_of("table-type", {"table", "view", "all"}))
      *table_type = *t == "table" ? TableType::Table : *t == "view" ? TableType::View : TableType::All;
  }
  // Tablespace names only matter to Oracle targets; accepted so they are not "unknown".
  f.accept({"table-tablespace-name", "index-tablespace-name"});
  if (f.has("data-type") && out.type == RuleType::Transformation) {
    f.raw("data-type");
    f.error("data-type", "selecting columns by data type is not supported; name the columns with column-name");
  }
  f.finish();
}

}  // namespace mapping_parse

static void parse_rule(const json& j, size_t index, const MappingOptions& opt, TaskIssues& issues,
                       TableMappings& out) {
  MappingRule r;
  r.index = index;
  // rule-id first so every later message can name it.
  if (j.is_object()) {
    auto it = j.find("rule-id");
    if (it != j.end()) r.id_text = it->is_string() ? it->get<std::string>() : it->dump();
  }
  JsonFields f(j, r.path(), issues, r.id_text);
  if (!f.is_object()) return;
  auto id = f.integer("rule-id", 0, INT64_MAX / 2, true);
  if (!id) return;
  r.id = *id;
  if (auto name = f.string("rule-name")) r.name = *name;
  else f.warning("rule-name", "is missing (DMS requires a unique rule-name)");
  auto type = f.one_of("rule-type", {"selection", "transformation", "table-settings"}, true);
  if (!type) return;
  r.type = *type == "selection" ? RuleType::Selection
         : *type == "transformation" ? RuleType::Transformation : RuleType::TableSettings;
  f.accept({"rule-type"});
  // Optional free text some generators write; harmless.
  f.accept({"description"});
  size_t errors_before = issues.count(Severity::Error);
  switch (r.type) {
    case RuleType::Selection: parse_selection(f, r, issues); break;
    case RuleType::Transformation: parse_transformation(f, r, issues); break;
    case RuleType::TableSettings: parse_table_settings(f, r, issues); break;
  }
  bool literal = r.type == RuleType::Selection && r.selection.action == SelectionAction::Explicit;
  TableType tt = TableType::Table;
  parse_locator(f, r, opt, literal, issues, r.type == RuleType::Selection ? &tt : nullptr);
  r.selection.table_type = tt;
  // Which locator keys a rule needs depends on its type and target.
  auto need = [&](bool cond, const char* key, const char* why) {
    if (cond) issues.error(r.path() + ".object-locator." + key, std::string("is required ") + why, r.id_text);
  };
  if (f.has("object-locator") && f.raw("object-locator")->is_object()) {
    bool table_level = r.type != RuleType::Transformation || r.transformation.target != TransformTarget::Schema;
    need(!r.locator.schema, "schema-name", "in every rule");
    need(table_level && !r.locator.table, "table-name", "unless rule-target is schema");
    bool column_level = r.type == RuleType::Transformation && r.transformation.target == TransformTarget::Column &&
                        r.transformation.action != TransformAction::AddColumn;
    need(column_level && !r.locator.column, "column-name", "when rule-target is column");
    if (r.locator.column && !column_level && r.transformation.action != TransformAction::AddColumn)
      issues.warning(r.path() + ".object-locator.column-name", "is ignored: the rule does not target columns", r.id_text);
  }
  f.finish({"filters", "load-order", "value", "old-value", "data-type", "expression", "primary-key-def",
            "parallel-load", "lob-settings", "rule-target", "rule-action", "object-locator"});
  if (issues.count(Severity::Error) == errors_before) out.rules.push_back(std::move(r));
}

TableMappings parse_table_mappings(const json& doc, TaskIssues& issues, const MappingOptions& opt) {
  TableMappings out;
  JsonFields top(doc, "", issues);
  if (!top.is_object()) return out;
  const json* rules = top.raw("rules");
  if (!rules || !rules->is_array()) {
    top.error("rules", rules ? "expected an array of rules, found " + json_brief(*rules) : "is required");
    return out;
  }
  top.finish();
  for (size_t i = 0; i < rules->size(); ++i) parse_rule((*rules)[i], i, opt, issues, out);

  std::map<int64_t, const MappingRule*> ids;
  std::map<std::string, const MappingRule*> names;
  bool any_selection = false;
  for (const auto& r : out.rules) {
    any_selection = any_selection || r.type == RuleType::Selection;
    auto [it, fresh] = ids.emplace(r.id, &r);
    if (!fresh)
      issues.error(r.path() + ".rule-id", "duplicates the rule-id of " + it->second->path() + "; rule-ids must be unique",
                   r.id_text);
    if (!r.name.empty()) {
      auto [nit, nfresh] = names.emplace(r.name, &r);
      if (!nfresh) issues.warning(r.path() + ".rule-name", "\"" + r.name + "\" is also the name of " + nit->second->path(), r.id_text);
    }
  }
  if (!any_selection && !issues.has_errors())
    issues.error("rules", "at least one selection rule is required (DMS selects no table without one)");
  return out;
}

TableMappings parse_table_mappings_text(std::string_view json_text, TaskIssues& issues, const MappingOptions& opt) {
  json doc;
  try {
    doc = json::parse(json_text);
  } catch (const json::parse_error& e) {
    issues.error("", std::string("invalid JSON: ") + e.what());
    return {};
  }
  return parse_table_mappings(doc, issues, opt);
}

TableMappings load_table_mappings(const std::filesystem::path& file, TaskIssues& issues, const MappingOptions& opt) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    issues.error("", "cannot read table mappings file " + file.string());
    return {};
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_table_mappings_text(ss.str(), issues, opt);
}

}  // namespace orashift
