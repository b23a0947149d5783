#include "convert/physical_design.h"

#include <algorithm>
#include <optional>
#include <set>

namespace orashift {

namespace {

std::optional<uint64_t> rows_of(const std::map<std::string, uint64_t>& est, const std::string& t) {
  auto it = est.find(t);
  if (it == est.end()) return std::nullopt;
  return it->second;
}

bool is_date_type(const Column& c) { return c.type.name == "DATE" || c.type.name.rfind("TIMESTAMP", 0) == 0; }

}  // namespace

std::map<std::string, TableDesign> advise_physical_design(const Catalog& catalog,
                                                          const std::map<std::string, uint64_t>& est,
                                                          const PhysicalDesignSettings& settings) {
  // Tables that other tables reference are dimensions; tables with foreign keys to two or more
  // dimensions are facts (the star schema's shape).
  std::set<std::string> referenced;
  for (const auto& t : catalog.tables)
    for (const auto& c : t.constraints)
      if (c.kind == ConstraintKind::ForeignKey) referenced.insert(c.ref_table);

  std::map<std::string, TableDesign> out;
  for (const auto& t : catalog.tables) {
    TableDesign d;
    std::vector<const Constraint*> fks;
    for (const auto& c : t.constraints)
      if (c.kind == ConstraintKind::ForeignKey && c.columns.size() == 1) fks.push_back(&c);
    auto rows = rows_of(est, t.name);

    if (fks.size() >= 2) {
      // Fact: co-locate with the largest dimension it joins, so that join needs no redistribution.
      const Constraint* best = nullptr;
      uint64_t best_rows = 0;
      bool known = false;
      for (const Constraint* fk : fks) {
        auto r = rows_of(est, fk->ref_table);
        if (r && (!known || *r > best_rows)) {
          best = fk;
          best_rows = *r;
          known = true;
        }
      }
      if (best) {
        d.diststyle = "KEY";
        d.distkey = best->columns[0];
        d.reasons.push_back("fact table: DISTKEY " + d.distkey + " joins the largest dimension " + best->ref_table + " (about " +
                            std::to_string(best_rows) + " rows)");
      } else {
        d.diststyle = "AUTO";
        d.reasons.push_back("fact table without dimension statistics: DISTSTYLE AUTO lets Redshift choose");
      }
    } else if (referenced.count(t.name)) {
      if (rows && *rows <= settings.all_distribution_max_rows) {
        d.diststyle = "ALL";
        d.reasons.push_back("dimension of about " + std::to_string(*rows) + " rows (≤ " +
                            std::to_string(settings.all_distribution_max_rows) + "): DISTSTYLE ALL copies it to every node");
      } else {
        d.diststyle = "AUTO";
        d.reasons.push_back(rows ? "large dimension: DISTSTYLE AUTO" : "dimension without statistics: DISTSTYLE AUTO");
      }
    } else {
      d.diststyle = "AUTO";
      d.reasons.push_back("no join evidence: DISTSTYLE AUTO");
    }

    // Sort: partition keys first (they were the source's pruning key), else the first date column
    // (range filters), else the primary key of a dimension (merge joins and lookups).
    if (!t.partitioning.columns.empty()) {
      d.sortkey = t.partitioning.columns;
      d.reasons.push_back("SORTKEY on the partition key, which Oracle used for pruning");
    } else if (auto it = std::find_if(t.columns.begin(), t.columns.end(), is_date_type); it != t.columns.end() && fks.size() >= 2) {
      d.sortkey = {it->name};
      d.reasons.push_back("SORTKEY on the first date column " + it->name + " for range filters");
    } else if (const Constraint* pk = t.primary_key(); pk && !pk->columns.empty()) {
      d.sortkey = pk->columns;
      d.reasons.push_back("SORTKEY on the primary key for joins and lookups");
    }
    out[t.name] = std::move(d);
  }
  // The dimension a fact is distributed by is distributed on the same key (not copied to
  // every node), so that the fact's largest join stays node-local.
  for (const auto& t : catalog.tables) {
    const TableDesign& fact = out[t.name];
    if (fact.diststyle != "KEY") continue;
    for (const auto& c : t.constraints) {
      if (c.kind != ConstraintKind::ForeignKey || c.columns.size() != 1 || c.columns[0] != fact.distkey) continue;
      const Table* dim = catalog.find_table(c.ref_table);
      if (!dim) continue;
      std::string key = !c.ref_columns.empty() ? c.ref_columns[0]
                        : dim->primary_key() && dim->primary_key()->columns.size() == 1 ? dim->primary_key()->columns[0]
                                                                                         : "";
      if (key.empty()) continue;
      TableDesign& d = out[dim->name];
      d.diststyle = "KEY";
      d.distkey = key;
      d.reasons.erase(d.reasons.begin());  // the dist reason decided before this pass
      d.reasons.insert(d.reasons.begin(), "largest dimension of " + t.name + ": DISTKEY " + key +
                                               " co-locates it with " + t.name + "." + c.columns[0]);
    }
  }
  return out;
}

}  // namespace orashift
