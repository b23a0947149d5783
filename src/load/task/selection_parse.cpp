// Selection and table-settings rules of a DMS table mapping.
#include "load/task/mapping_parse.h"

namespace orashift::mapping_parse {

using nlohmann::json;

static bool negative(FilterOperator op) {
  return op == FilterOperator::NotEq || op == FilterOperator::NotBetween || op == FilterOperator::NotNull;
}

static void parse_condition(const json& j, const std::string& path, const std::string& rule_id, TaskIssues& issues,
                            SourceFilterDef& filter) {
  JsonFields f(j, path, issues, rule_id);
  if (!f.is_object()) return;
  auto op = f.one_of("filter-operator", {"eq", "noteq", "gte", "lte", "ste", "between", "notbetween", "null", "notnull"}, true);
  if (!op) return;
  FilterCondition c;
  c.op = *op == "eq" ? FilterOperator::Eq : *op == "noteq" ? FilterOperator::NotEq
       : *op == "gte" ? FilterOperator::Gte : (*op == "lte" || *op == "ste") ? FilterOperator::Lte
       : *op == "between" ? FilterOperator::Between : *op == "notbetween" ? FilterOperator::NotBetween
       : *op == "null" ? FilterOperator::Null : FilterOperator::NotNull;
  bool two = c.op == FilterOperator::Between || c.op == FilterOperator::NotBetween;
  bool none = c.op == FilterOperator::Null || c.op == FilterOperator::NotNull;
  if (two) {
    auto s = f.string("start-value", true), e = f.string("end-value", true);
    if (!s || !e) return;
    c.start_value = *s;
    c.end_value = *e;
    if (f.has("value")) { f.raw("value"); f.warning("value", "is ignored: " + *op + " takes start-value and end-value"); }
  } else if (none) {
    for (const char* k : {"value", "start-value", "end-value"})
      if (f.has(k)) { f.raw(k); f.warning(k, std::string("is ignored: ") + *op + " takes no value"); }
  } else {
    auto v = f.string("value", true);
    if (!v) return;
    c.value = *v;
    for (const char* k : {"start-value", "end-value"})
      if (f.has(k)) { f.raw(k); f.warning(k, std::string("is ignored: ") + *op + " takes value"); }
  }
  f.finish();
  filter.conditions.push_back(std::move(c));
}

static void parse_filters(JsonFields& rule, MappingRule& out, TaskIssues& issues) {
  const json* filters = rule.raw("filters");
  if (!filters) return;
  if (!filters->is_array()) {
    rule.error("filters", "expected an array of filters, found " + json_brief(*filters));
    return;
  }
  for (size_t i = 0; i < filters->size(); ++i) {
    std::string path = rule.child("filters") + "[" + std::to_string(i) + "]";
    JsonFields f((*filters)[i], path, issues, out.id_text);
    if (!f.is_object()) continue;
    SourceFilterDef def;
    def.path = path;
    f.one_of("filter-type", {"source"}, true);
    auto col = f.string("column-name", true);
    if (col) def.column = *col;
    const json* conds = f.raw("filter-conditions");
    if (!conds || !conds->is_array() || conds->empty()) {
      f.error("filter-conditions", conds ? "expected a non-empty array of conditions" : "is required");
    } else {
      for (size_t k = 0; k < conds->size(); ++k)
        parse_condition((*conds)[k], f.child("filter-conditions") + "[" + std::to_string(k) + "]", out.id_text, issues, def);
      // DMS: a negative operator may only stand alone in its filter (its conditions are OR'ed,
      // and "x != 1 OR x != 2" keeps everything).
      if (def.conditions.size() > 1)
        for (const auto& c : def.conditions)
          if (negative(c.op)) {
            f.error("filter-conditions", std::string("a filter with a negative operator (") + filter_operator_name(c.op) +
                                             ") must have exactly one condition; use several filters to AND them");
            break;
          }
    }
    f.finish();
    if (col) out.selection.filters.push_back(std::move(def));
  }
  if (!out.selection.filters.empty() && out.selection.action == SelectionAction::Exclude)
    rule.warning("filters", "filters apply only to include and explicit rules; ignored on an exclude rule");
}

void parse_selection(JsonFields& rule, MappingRule& out, TaskIssues& issues) {
  auto action = rule.one_of("rule-action", {"include", "exclude", "explicit"}, true);
  if (action)
    out.selection.action = *action == "include" ? SelectionAction::Include
                         : *action == "exclude" ? SelectionAction::Exclude : SelectionAction::Explicit;
  if (auto lo = rule.integer("load-order", INT32_MIN, INT32_MAX)) out.selection.load_order = *lo;
  parse_filters(rule, out, issues);
}

static std::optional<std::vector<std::vector<std::string>>> parse_boundaries(JsonFields& f) {
  const json* b = f.raw("boundaries");
  if (!b) return std::nullopt;
  if (!b->is_array()) {
    f.error("boundaries", "expected an array of column-value arrays, found " + json_brief(*b));
    return std::nullopt;
  }
  std::vector<std::vector<std::string>> out;
  for (size_t i = 0; i < b->size(); ++i) {
    const json& row = (*b)[i];
    std::string key = "boundaries[" + std::to_string(i) + "]";
    if (!row.is_array()) {
      f.error(key, "expected an array of values, one per column, found " + json_brief(row));
      return std::nullopt;
    }
    std::vector<std::string> values;
    for (const auto& v : row) {
      if (v.is_string()) values.push_back(v.get<std::string>());
      else if (v.is_number()) values.push_back(v.dump());
      else {
        f.error(key, "boundary values must be strings or numbers, found " + json_brief(v));
        return std::nullopt;
      }
    }
    out.push_back(std::move(values));
  }
  return out;
}

static void parse_parallel_load(JsonFields& rule, MappingRule& out, TaskIssues& issues) {
  const json* pl = rule.raw("parallel-load");
  if (!pl) return;
  JsonFields f(*pl, rule.child("parallel-load"), issues, out.id_text);
  if (!f.is_object()) return;
  auto type = f.one_of("type", {"none", "partitions-auto", "subpartitions-auto", "partitions-list", "ranges"}, true);
  if (!type) return;
  ParallelLoad p;
  p.type = *type == "none" ? ParallelLoadType::None : *type == "partitions-auto" ? ParallelLoadType::PartitionsAuto
         : *type == "subpartitions-auto" ? ParallelLoadType::SubpartitionsAuto
         : *type == "partitions-list" ? ParallelLoadType::PartitionsList : ParallelLoadType::Ranges;
  auto partitions = f.string_list("partitions");
  auto subpartitions = f.string_list("subpartitions");
  auto columns = f.string_list("columns");
  auto boundaries = parse_boundaries(f);
  auto unused = [&](bool present, const char* key) {
    if (present) f.warning(key, std::string("is ignored with type ") + *type);
  };
  size_t errors = issues.count(Severity::Error);
  switch (p.type) {
    case ParallelLoadType::PartitionsList:
      if ((!partitions || partitions->empty()) && (!subpartitions || subpartitions->empty()))
        f.error("partitions", "partitions-list needs a non-empty partitions or subpartitions array");
      if (partitions) p.partitions = *partitions;
      if (subpartitions) p.subpartitions = *subpartitions;
      unused(columns.has_value(), "columns");
      unused(boundaries.has_value(), "boundaries");
      break;
    case ParallelLoadType::Ranges:
      if (!columns || columns->empty()) f.error("columns", "ranges needs a non-empty columns array");
      else if (columns->size() > 10) f.error("columns", "DMS allows at most 10 range columns, found " + std::to_string(columns->size()));
      if (!boundaries || boundaries->empty()) f.error("boundaries", "ranges needs a non-empty boundaries array");
      if (columns && boundaries)
        for (size_t i = 0; i < boundaries->size(); ++i)
          if ((*boundaries)[i].size() != columns->size())
            f.error("boundaries[" + std::to_string(i) + "]", "has " + std::to_string((*boundaries)[i].size()) +
                                                                  " values for " + std::to_string(columns->size()) + " columns");
      if (columns) p.columns = *columns;
      if (boundaries) p.boundaries = *boundaries;
      unused(partitions.has_value(), "partitions");
      unused(subpartitions.has_value(), "subpartitions");
      break;
    default:
      unused(partitions.has_value(), "partitions");
      unused(subpartitions.has_value(), "subpartitions");
      unused(columns.has_value(), "columns");
      unused(boundaries.has_value(), "boundaries");
  }
  f.finish();
  if (issues.count(Severity::Error) == errors) out.table_settings.parallel_load = std::move(p);
}

static void parse_lob_settings(JsonFields& rule, MappingRule& out, TaskIssues& issues) {
  const json* ls = rule.raw("lob-settings");
  if (!ls) return;
  JsonFields f(*ls, rule.child("lob-settings"), issues, out.id_text);
  if (!f.is_object()) return;
  auto mode = f.one_of("mode", {"limited", "unlimited", "none"}, true);
  auto size = f.integer("bulk-max-size", 0, INT32_MAX);
  f.finish();
  if (!mode) return;
  LobSettings s;
  s.mode = *mode == "limited" ? LobMode::Limited : *mode == "unlimited" ? LobMode::Unlimited : LobMode::None;
  s.bulk_max_size_kb = size.value_or(0);
  if (s.mode == LobMode::Limited && s.bulk_max_size_kb == 0) {
    f.error("bulk-max-size", "limited mode needs a non-zero bulk-max-size (kilobytes)");
    return;
  }
  out.table_settings.lob_settings = s;
}

void parse_table_settings(JsonFields& rule, MappingRule& out, TaskIssues& issues) {
  parse_parallel_load(rule, out, issues);
  parse_lob_settings(rule, out, issues);
  if (!rule.has("parallel-load") && !rule.has("lob-settings"))
    rule.warning("", "table-settings rule has neither parallel-load nor lob-settings; it does nothing");
}

}  // namespace orashift::mapping_parse
