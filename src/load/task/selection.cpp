#include "load/task/selection.h"

#include <algorithm>
#include <map>
#include <set>

#include "common/naming.h"
#include "load/task/dms_types.h"
#include "load/task/name_transform.h"

namespace orashift {

const PlannedTable* TaskPlan::find(std::string_view source_table) const {
  for (const auto& t : tables)
    if (t.source_table == source_table) return &t;
  return nullptr;
}

namespace {

bool matches(const std::optional<NamePattern>& p, std::string_view name) { return !p || p->matches(name); }

struct Planner {
  const TableMappings& mappings;
  const PlanOptions& opt;
  TaskPlan& plan;
  std::vector<const MappingRule*> selection, transformation, settings;
  std::set<int64_t> used;                   // rule-ids that matched some object
  std::set<std::string> reported;           // de-duplicates repeated findings

  Planner(const TableMappings& m, const PlanOptions& o, TaskPlan& p)
      : mappings(m), opt(o), plan(p), selection(m.by_id(RuleType::Selection)),
        transformation(m.by_id(RuleType::Transformation)), settings(m.by_id(RuleType::TableSettings)) {}

  void once(Severity s, const MappingRule& r, std::string key, std::string message) {
    if (reported.insert(std::to_string(r.id) + "|" + key + "|" + message).second)
      plan.issues.add(s, r.path(), std::move(message), r.id_text);
  }

  // The lowest rule-id among `hits` is applied (rules are sorted by id); the rest are reported.
  const MappingRule* pick(const std::vector<const MappingRule*>& hits, const std::string& object, const char* effect) {
    if (hits.empty()) return nullptr;
    for (size_t i = 1; i < hits.size(); ++i)
      once(Severity::Warning, *hits[i], object,
           std::string("shadowed on ") + object + ": rule-id " + hits[0]->id_text + " sets its " + effect +
               " (DMS applies only the lowest rule-id)");
    for (const auto* h : hits) used.insert(h->id);
    return hits[0];
  }

  std::vector<const MappingRule*> transformation_hits(std::string_view schema, const std::string* table,
                                                      const std::string* column, bool (*want)(const MappingRule&)) {
    std::vector<const MappingRule*> out;
    for (const auto* r : transformation) {
      if (r->transformation.ignored || !want(*r)) continue;
      if (!matches(r->locator.schema, schema)) continue;
      if (table && !matches(r->locator.table, *table)) continue;
      if (column && !matches(r->locator.column, *column)) continue;
      out.push_back(r);
    }
    return out;
  }

  void plan_names(PlannedTable& t, std::string_view schema) {
    const std::string object = "table " + t.label();
    auto schema_rule = pick(transformation_hits(schema, nullptr, nullptr, [](const MappingRule& r) {
                              return r.transformation.target == TransformTarget::Schema && is_naming_action(r.transformation.action);
                            }),
                            "schema " + std::string(schema), "schema name");
    if (schema_rule) t.target_schema = apply_naming_action(schema_rule->transformation, schema);
    else if (!opt.target_schema.empty()) t.target_schema = opt.target_schema;
    else t.target_schema = target_name(schema);
    t.schema_named = schema_rule || !opt.target_schema.empty();

    auto table_rule = pick(transformation_hits(schema, &t.source_table, nullptr, [](const MappingRule& r) {
                             return r.transformation.target == TransformTarget::Table && is_naming_action(r.transformation.action);
                           }),
                           object, "table name");
    t.target_table = table_rule ? apply_naming_action(table_rule->transformation, t.source_table) : target_name(t.source_table);
  }

  void plan_columns(PlannedTable& t, std::string_view schema) {
    const Table& src = *t.source;
    bool has_include_column = !transformation_hits(schema, &t.source_table, nullptr, [](const MappingRule& r) {
                                 return r.transformation.action == TransformAction::IncludeColumn;
                               }).empty();
    for (const Column& c : src.columns) {
      const std::string object = "column " + t.label() + "." + c.name;
      auto presence = pick(transformation_hits(schema, &t.source_table, &c.name, [](const MappingRule& r) {
                             return r.transformation.action == TransformAction::RemoveColumn ||
                                    r.transformation.action == TransformAction::IncludeColumn;
                           }),
                           object, "presence");
      bool keep = presence ? presence->transformation.action == TransformAction::IncludeColumn : !has_include_column;
      auto naming = pick(transformation_hits(schema, &t.source_table, &c.name, [](const MappingRule& r) {
                           return r.transformation.target == TransformTarget::Column && is_naming_action(r.transformation.action);
                         }),
                         object, "name");
      auto typing = pick(transformation_hits(schema, &t.source_table, &c.name, [](const MappingRule& r) {
                           return r.transformation.action == TransformAction::ChangeDataType;
                         }),
                         object, "data type");
      if (!keep) {
        t.removed_columns.push_back(c.name);
        continue;
      }
      PlannedColumn pc;
      pc.source_name = c.name;
      pc.type = c.type;
      pc.target_name = naming ? apply_naming_action(naming->transformation, c.name) : target_name(c.name);
      if (naming) pc.name_rule = naming->id;
      if (typing) {
        pc.dms_type = typing->transformation.data_type;
        pc.type = oracle_type_for(*pc.dms_type);
        pc.type_rule = typing->id;
      }
      t.columns.push_back(std::move(pc));
    }
    // Added columns: one per distinct name, the lowest rule-id defining it.
    std::map<std::string, std::vector<const MappingRule*>> adds;
    std::vector<std::string> order;
    for (const auto* r : transformation_hits(schema, &t.source_table, nullptr, [](const MappingRule& r) {
           return r.transformation.action == TransformAction::AddColumn;
         })) {
      if (!adds.count(r->transformation.value)) order.push_back(r->transformation.value);
      adds[r->transformation.value].push_back(r);
    }
    for (const auto& name : order) {
      auto r = pick(adds[name], "column " + t.label() + "." + name, "definition");
      PlannedColumn pc;
      pc.added = true;
      pc.target_name = name;
      pc.dms_type = r->transformation.data_type;
      pc.type = oracle_type_for(*pc.dms_type);
      pc.expression = r->transformation.expression;
      pc.add_rule = r->id;
      t.columns.push_back(std::move(pc));
    }
    std::map<std::string, const PlannedColumn*> seen;
    for (const auto& pc : t.columns) {
      auto [it, fresh] = seen.emplace(pc.target_name, &pc);
      if (!fresh)
        plan.issues.error("", "table " + t.label() + " would have two target columns named \"" + pc.target_name + "\" (" +
                                  (it->second->added ? "added" : it->second->source_name) + " and " +
                                  (pc.added ? "added" : pc.source_name) + ")");
    }
  }

  const PlannedColumn* column_by_name(const PlannedTable& t, const std::string& name) {
    for (const auto& c : t.columns)
      if (c.source_name == name) return &c;
    for (const auto& c : t.columns)
      if (c.target_name == name) return &c;
    return nullptr;
  }

  void plan_primary_key(PlannedTable& t, std::string_view schema) {
    auto rule = pick(transformation_hits(schema, &t.source_table, nullptr, [](const MappingRule& r) {
                       return r.transformation.action == TransformAction::DefinePrimaryKey;
                     }),
                     "table " + t.label(), "primary key");
    if (rule) {
      const PrimaryKeyDef& def = *rule->transformation.primary_key;
      PlannedPrimaryKey pk{def.name, def.unique_index, {}, rule->id};
      for (size_t i = 0; i < def.columns.size(); ++i) {
        const PlannedColumn* c = column_by_name(t, def.columns[i]);
        if (!c) {
          plan.issues.error(rule->path() + ".primary-key-def.columns[" + std::to_string(i) + "]",
                            "table " + t.label() + " loads no column \"" + def.columns[i] + "\"", rule->id_text);
          return;
        }
        pk.columns.push_back(c->target_name);
      }
      t.primary_key = std::move(pk);
      return;
    }
    const Constraint* src = t.source->primary_key();
    if (!src) return;
    PlannedPrimaryKey pk{src->name.empty() ? std::string() : target_name(src->name), false, {}, -1};
    for (const auto& name : src->columns) {
      const PlannedColumn* c = nullptr;
      for (const auto& pc : t.columns)
        if (pc.source_name == name) c = &pc;
      if (!c) {
        plan.issues.warning("", "table " + t.label() + ": primary key column " + name +
                                    " is not loaded, so the target table gets no primary key");
        return;
      }
      pk.columns.push_back(c->target_name);
    }
    t.primary_key = std::move(pk);
  }

  void plan_filters(PlannedTable& t, const std::vector<const MappingRule*>& includes) {
    auto columns = load_columns_for(*t.source);
    size_t with_filters = 0;
    for (const auto* r : includes) {
      if (r->selection.filters.empty()) continue;
      ++with_filters;
      if (r->locator.table && !r->locator.table->is_literal())
        once(Severity::Warning, *r, "filters-wildcard",
             "DMS accepts filters only on rules naming one table; orashift applies them to every table the rule selects");
      std::vector<ColumnFilter> all_of;
      bool ok = true;
      for (const auto& def : r->selection.filters) {
        auto f = compile_filter(def, *t.source, columns, r->id_text, plan.issues);
        if (!f) ok = false;
        else all_of.push_back(std::move(*f));
      }
      if (ok) t.filter.add_alternative(std::move(all_of));
    }
    if (with_filters > 1)
      plan.issues.note("", "table " + t.label() + " is selected by " + std::to_string(with_filters) +
                               " filtered rules: a row is loaded when any of them keeps it");
  }

  void plan_settings(PlannedTable& t, std::string_view schema) {
    std::vector<const MappingRule*> pl, lob;
    for (const auto* r : settings) {
      if (!matches(r->locator.schema, schema) || !matches(r->locator.table, t.source_table)) continue;
      if (r->table_settings.parallel_load) pl.push_back(r);
      if (r->table_settings.lob_settings) lob.push_back(r);
      used.insert(r->id);
    }
    if (auto r = pick(pl, "table " + t.label(), "parallel-load")) {
      const ParallelLoad& p = *r->table_settings.parallel_load;
      t.parallel_load = p;
      const Partitioning& part = t.source->partitioning;
      std::string path = r->path() + ".parallel-load";
      switch (p.type) {
        case ParallelLoadType::PartitionsAuto:
        case ParallelLoadType::SubpartitionsAuto:
          if (part.partitions.empty())
            plan.issues.warning(path, "table " + t.label() + " is not partitioned: it loads as one segment", r->id_text);
          if (p.type == ParallelLoadType::SubpartitionsAuto)
            plan.issues.warning(path, "subpartitions are not modelled by the catalog: table " + t.label() +
                                          " loads by partition", r->id_text);
          break;
        case ParallelLoadType::PartitionsList:
          for (size_t i = 0; i < p.partitions.size(); ++i) {
            bool found = std::any_of(part.partitions.begin(), part.partitions.end(),
                                     [&](const Partition& x) { return x.name == p.partitions[i]; });
            if (!found)
              plan.issues.error(path + ".partitions[" + std::to_string(i) + "]",
                                "table " + t.label() + " has no partition \"" + p.partitions[i] + "\"", r->id_text);
          }
          if (!p.subpartitions.empty())
            plan.issues.warning(path + ".subpartitions", "subpartitions are not modelled by the catalog; ignored", r->id_text);
          break;
        case ParallelLoadType::Ranges:
          t.ranges = RangeSegments::compile(p, *t.source, load_columns_for(*t.source), path, r->id_text, plan.issues);
          break;
        case ParallelLoadType::None: break;
      }
    }
    if (auto r = pick(lob, "table " + t.label(), "lob-settings")) t.lob_settings = r->table_settings.lob_settings;
  }

  void run(const Catalog& catalog) {
    for (const auto* r : selection)
      if (r->selection.table_type == TableType::View)
        plan.issues.warning(r->path() + ".object-locator.table-type",
                            "views are not modelled by the source catalog: this rule selects nothing", r->id_text);
    for (const Table& table : catalog.tables) {
      std::string schema = table.schema.empty() ? opt.default_schema : table.schema;
      std::vector<const MappingRule*> includes;
      const MappingRule* exclude = nullptr;
      for (const auto* r : selection) {
        if (r->selection.table_type == TableType::View) continue;
        if (!matches(r->locator.schema, schema) || !matches(r->locator.table, table.name)) continue;
        used.insert(r->id);
        if (r->selection.action == SelectionAction::Exclude) exclude = exclude ? exclude : r;
        else includes.push_back(r);
      }
      if (includes.empty() || exclude) continue;
      PlannedTable t;
      t.source = &table;
      t.source_schema = schema;
      t.source_table = table.name;
      for (const auto* r : includes) t.selected_by.push_back(r->id);
      // Several include rules may give different load orders: the highest wins, so a rule
      // that asks for a table early is honoured.
      t.load_order = (*std::max_element(includes.begin(), includes.end(), [](auto a, auto b) {
                          return a->selection.load_order < b->selection.load_order;
                        }))->selection.load_order;
      plan_names(t, schema);
      plan_columns(t, schema);
      plan_primary_key(t, schema);
      plan_filters(t, includes);
      plan_settings(t, schema);
      plan.tables.push_back(std::move(t));
    }
    std::stable_sort(plan.tables.begin(), plan.tables.end(), [](const PlannedTable& a, const PlannedTable& b) {
      if (a.load_order != b.load_order) return a.load_order > b.load_order;
      if (a.source_schema != b.source_schema) return a.source_schema < b.source_schema;
      return a.source_table < b.source_table;
    });
    std::map<std::string, const PlannedTable*> targets;
    for (const auto& t : plan.tables) {
      auto [it, fresh] = targets.emplace(t.target_schema + "\x1f" + t.target_table, &t);
      if (!fresh)
        plan.issues.error("", "tables " + it->second->label() + " and " + t.label() + " both map to target table " +
                                  t.target_schema + "." + t.target_table + " (DMS does not load two tables into one)");
    }
    for (const auto& r : mappings.rules) {
      if (used.count(r.id) || (r.type == RuleType::Transformation && r.transformation.ignored)) continue;
      if (r.type == RuleType::Selection && r.selection.table_type == TableType::View) continue;
      plan.issues.warning(r.path(), std::string(r.type == RuleType::Selection ? "selection" : r.type == RuleType::Transformation
                                                                                      ? "transformation" : "table-settings") +
                                        " rule matches no table of the source", r.id_text);
    }
    if (plan.tables.empty()) plan.issues.warning("", "the table mappings select no table");
  }
};

}  // namespace

TaskPlan plan_task(const Catalog& source, const TableMappings& mappings, const PlanOptions& options) {
  TaskPlan plan;
  Planner p(mappings, options, plan);
  p.run(source);
  return plan;
}

}  // namespace orashift
