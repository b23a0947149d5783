// Transformation rules of a DMS table mapping.
#include <algorithm>
#include <cctype>

#include "load/task/mapping_parse.h"

namespace orashift {

const char* transform_action_name(TransformAction a) {
  switch (a) {
    case TransformAction::Rename: return "rename";
    case TransformAction::ConvertLowercase: return "convert-lowercase";
    case TransformAction::ConvertUppercase: return "convert-uppercase";
    case TransformAction::AddPrefix: return "add-prefix";
    case TransformAction::RemovePrefix: return "remove-prefix";
    case TransformAction::ReplacePrefix: return "replace-prefix";
    case TransformAction::AddSuffix: return "add-suffix";
    case TransformAction::RemoveSuffix: return "remove-suffix";
    case TransformAction::ReplaceSuffix: return "replace-suffix";
    case TransformAction::RemoveColumn: return "remove-column";
    case TransformAction::IncludeColumn: return "include-column";
    case TransformAction::AddColumn: return "add-column";
    case TransformAction::ChangeDataType: return "change-data-type";
    case TransformAction::DefinePrimaryKey: return "define-primary-key";
  }
  return "?";
}

const char* transform_target_name(TransformTarget t) {
  switch (t) {
    case TransformTarget::Schema: return "schema";
    case TransformTarget::Table: return "table";
    case TransformTarget::Column: return "column";
    case TransformTarget::TableTablespace: return "table-tablespace";
    case TransformTarget::IndexTablespace: return "index-tablespace";
  }
  return "?";
}

std::string DmsDataType::text() const {
  std::string out = type;
  if (precision) {
    out += std::string("(") + std::to_string(*precision);
    if (scale) out += std::string(",") + std::to_string(*scale);
    out += ")";
  } else if (length) {
    out += std::string("(") + std::to_string(*length) + ")";
  }
  return out;
}

namespace mapping_parse {

using nlohmann::json;

static const std::vector<std::string> kActions = {
    "rename", "convert-lowercase", "convert-uppercase", "add-prefix", "remove-prefix", "replace-prefix",
    "add-suffix", "remove-suffix", "replace-suffix", "remove-column", "include-column", "add-column",
    "change-data-type", "define-primary-key"};

// "Data types for AWS Database Migration Service"; the transformation page spells BYTE as "bytes".
static const std::vector<std::string> kDataTypes = {
    "string", "wstring", "boolean", "bytes", "byte", "date", "time", "datetime", "int1", "int2", "int4", "int8",
    "uint1", "uint2", "uint4", "uint8", "numeric", "real4", "real8", "blob", "clob", "nclob"};

static std::optional<DmsDataType> parse_data_type(JsonFields& rule, const std::string& rule_id, TaskIssues& issues) {
  const json* dt = rule.raw("data-type");
  if (!dt) return std::nullopt;
  JsonFields f(*dt, rule.child("data-type"), issues, rule_id);
  if (!f.is_object()) return std::nullopt;
  auto type = f.string("type", true);
  DmsDataType out;
  if (type) {
    std::string t = *type;
    std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (t == "byte") t = "bytes";
    if (std::find(kDataTypes.begin(), kDataTypes.end(), t) == kDataTypes.end()) {
      f.error("type", "\"" + *type + "\" is not one of " + join_names(kDataTypes));
      type.reset();
    }
    out.type = t;
  }
  if (auto p = f.integer("precision", 0, 38)) out.precision = static_cast<int>(*p);
  if (auto s = f.integer("scale", 0, 38)) out.scale = static_cast<int>(*s);
  if (auto l = f.integer("length", 1, INT32_MAX)) out.length = static_cast<int>(*l);
  if (out.precision && out.scale && *out.scale > *out.precision && out.type == "numeric")
    f.error("scale", "scale " + std::to_string(*out.scale) + " exceeds precision " + std::to_string(*out.precision));
  f.finish();
  if (!type) return std::nullopt;
  return out;
}

static std::optional<PrimaryKeyDef> parse_pk(JsonFields& rule, const std::string& rule_id, TaskIssues& issues) {
  const json* pk = rule.raw("primary-key-def");
  if (!pk) return std::nullopt;
  JsonFields f(*pk, rule.child("primary-key-def"), issues, rule_id);
  if (!f.is_object()) return std::nullopt;
  PrimaryKeyDef out;
  auto name = f.string("name", true);
  auto origin = f.one_of("origin", {"primary-key", "unique-index"});
  auto cols = f.string_list("columns", true);
  f.finish();
  if (cols && cols->empty()) f.error("columns", "needs at least one column");
  if (!name || !cols || cols->empty()) return std::nullopt;
  out.name = *name;
  out.unique_index = origin && *origin == "unique-index";
  out.columns = *cols;
  return out;
}

void parse_transformation(JsonFields& rule, MappingRule& out, TaskIssues& issues) {
  TransformationRule& t = out.transformation;
  auto target = rule.one_of("rule-target", {"schema", "table", "column", "table-tablespace", "index-tablespace"}, true);
  if (target)
    t.target = *target == "schema" ? TransformTarget::Schema : *target == "table" ? TransformTarget::Table
             : *target == "column" ? TransformTarget::Column
             : *target == "table-tablespace" ? TransformTarget::TableTablespace : TransformTarget::IndexTablespace;

  // Actions DMS has that do not fit a full load into these targets get their own message
  // instead of a bare "is not one of".
  if (auto raw = rule.raw("rule-action"); raw && raw->is_string()) {
    std::string a = raw->get<std::string>();
    if (a == "add-before-image-columns") {
      rule.warning("rule-action", "add-before-image-columns only affects change data capture; rule ignored");
      t.ignored = true;
      rule.accept({"before-image-def"});
      return;
    }
    if (a.rfind("data-masking-", 0) == 0) {
      rule.error("rule-action", "\"" + a + "\" (data masking) is not supported by orashift");
      return;
    }
  }
  auto action = rule.one_of("rule-action", kActions, true);
  if (!action || !target) return;
  t.action = static_cast<TransformAction>(std::find(kActions.begin(), kActions.end(), *action) - kActions.begin());

  // Which targets each action accepts.
  bool naming = t.action <= TransformAction::ReplaceSuffix;
  bool column_only = t.action >= TransformAction::RemoveColumn && t.action <= TransformAction::ChangeDataType;
  if (column_only && t.target != TransformTarget::Column)
    rule.error("rule-target", "\"" + *target + "\" does not fit rule-action " + *action + ", which needs column");
  if (t.action == TransformAction::DefinePrimaryKey && t.target != TransformTarget::Table)
    rule.error("rule-target", "\"" + *target + "\" does not fit rule-action define-primary-key, which needs table");
  if (naming && (t.target == TransformTarget::TableTablespace || t.target == TransformTarget::IndexTablespace)) {
    rule.warning("rule-target", "tablespaces only exist on Oracle targets; rule ignored");
    t.ignored = true;
  }

  bool needs_value = t.action == TransformAction::Rename || t.action == TransformAction::AddPrefix ||
                     t.action == TransformAction::RemovePrefix || t.action == TransformAction::ReplacePrefix ||
                     t.action == TransformAction::AddSuffix || t.action == TransformAction::RemoveSuffix ||
                     t.action == TransformAction::ReplaceSuffix || t.action == TransformAction::AddColumn;
  if (auto v = rule.string("value", needs_value)) {
    t.value = *v;
    if (needs_value && v->empty()) rule.error("value", "must not be empty for " + *action);
    if (!needs_value) rule.warning("value", "is ignored by " + *action);
  }
  bool replace = t.action == TransformAction::ReplacePrefix || t.action == TransformAction::ReplaceSuffix;
  if (auto ov = rule.string("old-value", replace)) {
    t.old_value = *ov;
    if (replace && ov->empty()) rule.error("old-value", "must not be empty for " + *action);
    if (!replace) rule.warning("old-value", "is ignored by " + *action);
  }
  bool needs_type = t.action == TransformAction::AddColumn || t.action == TransformAction::ChangeDataType;
  t.data_type = parse_data_type(rule, out.id_text, issues);
  if (needs_type && !t.data_type && !rule.has("data-type")) rule.error("data-type", "is required for " + *action);
  if (!needs_type && t.data_type) rule.warning("data-type", "is ignored by " + *action);
  if (auto e = rule.string("expression")) {
    t.expression = *e;
    if (t.action != TransformAction::AddColumn) rule.warning("expression", "is ignored by " + *action);
  }
  t.primary_key = parse_pk(rule, out.id_text, issues);
  if (t.action == TransformAction::DefinePrimaryKey && !t.primary_key && !rule.has("primary-key-def"))
    rule.error("primary-key-def", "is required for define-primary-key");
  if (t.action != TransformAction::DefinePrimaryKey && t.primary_key) rule.warning("primary-key-def", "is ignored by " + *action);
}

}  // namespace mapping_parse
}  // namespace orashift
