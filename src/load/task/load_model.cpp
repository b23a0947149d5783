#include "load/task/load_model.h"

#include <algorithm>
#include <set>

#include "common/naming.h"
#include "common/verbatim_name.h"

namespace orashift {

namespace {

// A rule-made name that the usual folding would change must be kept verbatim; one it would
// not change (or the fold of the Oracle name itself) keeps the Oracle spelling.
std::string catalog_name(const std::string& target, const std::string& oracle) {
  if (!oracle.empty() && target == target_name(oracle)) return oracle;
  return target == target_name(target) ? target : verbatim_name(target);
}

}  // namespace

std::string target_catalog_name(const PlannedTable& t) { return catalog_name(t.target_table, t.source_table); }
std::string target_catalog_name(const PlannedColumn& c) { return catalog_name(c.target_name, c.source_name); }

void check_expressions(const TaskPlan& plan, TaskIssues& issues) {
  for (const PlannedTable& t : plan.tables) {
    std::vector<LoadColumn> columns;
    for (const PlannedColumn& c : t.columns) {
      if (!c.added || c.expression.empty()) continue;
      if (columns.empty()) columns = load_columns_for(*t.source);
      std::string err;
      if (!ColumnExpression::parse(c.expression, columns, &err))
        issues.error("rule-id " + std::to_string(c.add_rule), "table " + t.label() + ": add-column " + c.target_name + ": " + err);
    }
  }
}

bool changes_shape(const PlannedTable& t) {
  if (target_catalog_name(t) != t.source_table || !t.removed_columns.empty()) return true;
  for (const PlannedColumn& c : t.columns)
    if (c.added || c.dms_type || target_catalog_name(c) != c.source_name) return true;
  return false;
}

bool is_lob_type(const OracleType& t) {
  return t.name == "CLOB" || t.name == "NCLOB" || t.name == "BLOB" || t.name == "LONG" || t.name == "LONG RAW";
}

LobHandling lob_handling(const TargetMetadataSettings& task, const std::optional<LobSettings>& table) {
  LobHandling h;
  if (!task.support_lobs) {
    h.migrate = false;
    h.text = "SupportLobs false: LOB columns are not migrated";
    return h;
  }
  if (table && table->mode == LobMode::Limited) {
    h.limit_bytes = static_cast<uint64_t>(table->bulk_max_size_kb) * 1024;
    h.text = "limited LOB mode (table-settings), " + std::to_string(table->bulk_max_size_kb) + " KB";
  } else if (table && table->mode == LobMode::Unlimited) {
    h.text = "unlimited LOB mode (table-settings)";
  } else if (task.full_lob_mode || !task.limited_size_lob_mode) {
    h.text = "full LOB mode";
  } else {
    h.limit_bytes = static_cast<uint64_t>(task.lob_max_size_kb) * 1024;
    h.text = "limited LOB mode, " + std::to_string(task.lob_max_size_kb) + " KB";
  }
  return h;
}

Catalog build_target_catalog(const Catalog& selected, const TaskPlan& plan, TaskIssues& issues) {
  Catalog out;
  // Source table name → its catalog name, and per table source column → catalog column name.
  std::map<std::string, std::string> table_names;
  std::map<std::string, std::map<std::string, std::string>> column_names;
  for (const PlannedTable& t : plan.tables) {
    table_names[t.source->name] = target_catalog_name(t);
    auto& cols = column_names[t.source->name];
    for (const PlannedColumn& c : t.columns)
      if (!c.added) cols[c.source_name] = target_catalog_name(c);
  }
  auto map_columns = [](const std::map<std::string, std::string>& names, const std::vector<std::string>& in,
                        std::vector<std::string>& mapped) {
    mapped.clear();
    for (const auto& c : in) {
      auto it = names.find(c);
      if (it == names.end()) return false;
      mapped.push_back(it->second);
    }
    return true;
  };
  for (const PlannedTable& t : plan.tables) {
    const Table* src = selected.find_table(t.source->name);
    if (!src) continue;
    const auto& cols = column_names[src->name];
    Table tt = *src;
    tt.name = table_names[src->name];
    tt.columns.clear();
    bool reshaped = !t.removed_columns.empty();
    for (const PlannedColumn& pc : t.columns) {
      Column c;
      if (!pc.added) {
        c = *src->find_column(pc.source_name);
        if (pc.dms_type) {
          c.type = pc.type;
          // The source default was written for the source type; it may not fit the new one.
          c.default_sql.clear();
          c.identity_sql.clear();
          c.virtual_sql.clear();
        }
      } else {
        c.type = pc.type;
        reshaped = true;
      }
      c.name = target_catalog_name(pc);
      reshaped = reshaped || c.name != pc.source_name || pc.dms_type;
      tt.columns.push_back(std::move(c));
    }
    // Constraints follow the columns; what names a removed column (or whose condition text
    // names columns that changed) cannot be kept.
    std::vector<Constraint> kept;
    for (const Constraint& k : src->constraints) {
      if (k.kind == ConstraintKind::PrimaryKey && t.primary_key && t.primary_key->rule >= 0) continue;
      if (k.kind == ConstraintKind::PrimaryKey && !t.primary_key) continue;  // a key column was removed
      Constraint m = k;
      if (k.kind == ConstraintKind::Check && reshaped) {
        issues.warning("", "table " + t.label() + ": CHECK constraint " + (k.name.empty() ? "(unnamed)" : k.name) +
                               " is not created: its condition names source columns the rules changed");
        continue;
      }
      if (!map_columns(cols, k.columns, m.columns)) {
        issues.warning("", "table " + t.label() + ": constraint " + (k.name.empty() ? "(unnamed)" : k.name) +
                               " is not created: it names a column the rules removed");
        continue;
      }
      if (k.kind == ConstraintKind::ForeignKey) {
        auto rt = table_names.find(k.ref_table);
        if (rt == table_names.end() || !map_columns(column_names[k.ref_table], k.ref_columns, m.ref_columns)) {
          issues.warning("", "table " + t.label() + ": foreign key " + k.name +
                                 " is not created: the referenced columns are not loaded");
          continue;
        }
        m.ref_table = rt->second;
      }
      kept.push_back(std::move(m));
    }
    if (t.primary_key && t.primary_key->rule >= 0) {
      Constraint pk;
      pk.kind = t.primary_key->unique_index ? ConstraintKind::Unique : ConstraintKind::PrimaryKey;
      pk.name = t.primary_key->name.empty() ? std::string() : verbatim_name(t.primary_key->name);
      for (const auto& name : t.primary_key->columns)
        for (const PlannedColumn& pc : t.columns)
          if (pc.target_name == name) pk.columns.push_back(target_catalog_name(pc));
      // A primary key implies NOT NULL, as in DMS's target DDL.
      if (!t.primary_key->unique_index)
        for (auto& c : tt.columns)
          if (std::count(pk.columns.begin(), pk.columns.end(), c.name)) c.nullable = false;
      kept.insert(kept.begin(), std::move(pk));
    }
    tt.constraints = std::move(kept);
    if (!tt.partitioning.method.empty()) {
      std::vector<std::string> mapped;
      if (map_columns(cols, tt.partitioning.columns, mapped)) {
        tt.partitioning.columns = mapped;
      } else {
        issues.warning("", "table " + t.label() + " is created unpartitioned: a partitioning column was removed");
        tt.partitioning = Partitioning{};
      }
    }
    out.tables.push_back(std::move(tt));
  }
  for (const Index& i : selected.indexes) {
    auto tn = table_names.find(i.table);
    if (tn == table_names.end()) continue;
    Index m = i;
    m.table = tn->second;
    if (!map_columns(column_names[i.table], i.columns, m.columns)) {
      issues.warning("", "index " + i.name + " on " + i.table + " is not created: it names a column the rules removed or an expression");
      continue;
    }
    out.indexes.push_back(std::move(m));
  }
  return out;
}

std::unique_ptr<LoadModel> build_load_model(const Catalog& selected, const Catalog& converted, const TaskPlan& plan,
                                            const LoadModelOptions& options, TaskIssues& issues) {
  auto model = std::make_unique<LoadModel>();
  struct Pending {
    const PlannedTable* plan;
    const Table* target;
    bool reshaped;
    LobHandling lobs;
  };
  std::vector<Pending> pending;
  for (const PlannedTable& t : plan.tables) {
    const Table* target = converted.find_table(target_catalog_name(t));
    const Table* src = selected.find_table(t.source->name);
    if (!target || !src) continue;
    bool reshaped = target->name != src->name || target->columns.size() != src->columns.size();
    for (size_t i = 0; !reshaped && i < t.columns.size(); ++i)
      reshaped = t.columns[i].added || t.columns[i].dms_type || target->columns[i].name != src->columns[i].name;
    // Unchanged tables are read exactly as without a task (the converted, refined types), so
    // their rows need no conversion; reshaped ones are read with the source's own types.
    Table reader = reshaped ? *src : *target;
    reader.name = src->name;
    model->reader.tables.push_back(std::move(reader));
    pending.push_back({&t, target, reshaped, lob_handling(options.lobs, t.lob_settings)});
  }
  for (size_t k = 0; k < pending.size(); ++k) {
    const Pending& p = pending[k];
    const Table& reader = model->reader.tables[k];
    bool has_lob = std::any_of(reader.columns.begin(), reader.columns.end(), [](const Column& c) { return is_lob_type(c.type); });
    bool lob_work = has_lob && (!p.lobs.migrate || p.lobs.limit_bytes > 0);
    if (!p.reshaped && !lob_work && !options.empty_as_null) continue;
    TableRoute r;
    r.target = p.target;
    r.source_columns = load_columns_for(reader);
    r.target_columns = load_columns_for(*p.target);
    r.empty_as_null = options.empty_as_null;
    r.lob_policy = p.lobs.text;
    const PlannedTable& t = *p.plan;
    if (t.columns.size() != p.target->columns.size()) {
      issues.error("", "table " + t.label() + ": the converted table has " + std::to_string(p.target->columns.size()) +
                           " columns, the plan " + std::to_string(t.columns.size()));
      continue;
    }
    for (size_t i = 0; i < t.columns.size(); ++i) {
      const PlannedColumn& pc = t.columns[i];
      ColumnOutput o;
      o.name = p.target->columns[i].name;
      if (!pc.added) {
        for (size_t s = 0; s < reader.columns.size(); ++s)
          if (reader.columns[s].name == pc.source_name) o.source = static_cast<int>(s);
        if (is_lob_type(reader.columns[static_cast<size_t>(o.source)].type)) {
          o.lob_as_null = !p.lobs.migrate;
          o.lob_limit_bytes = p.lobs.limit_bytes;
        }
      }
      // A string(n) the rules set: longer values are cut to n characters (DMS truncates them
      // too; the truncation error policy decides what happens to the row).
      if (pc.dms_type && (pc.dms_type->type == "string" || pc.dms_type->type == "wstring") && pc.dms_type->length)
        o.char_limit = static_cast<uint64_t>(*pc.dms_type->length);
      if (pc.added && !pc.expression.empty()) {
        std::string err;
        o.expression = ColumnExpression::parse(pc.expression, r.source_columns, &err);
        if (!o.expression)
          issues.error("rule-id " + std::to_string(pc.add_rule), "table " + t.label() + ": add-column " + pc.target_name + ": " + err);
      }
      r.outputs.push_back(std::move(o));
    }
    model->routes.emplace(t.source->name, std::move(r));
  }
  return model;
}

}  // namespace orashift
