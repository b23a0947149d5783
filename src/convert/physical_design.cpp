#include "convert/physical_design.h"

#include <algorithm>
#include <set>

namespace orashift {

namespace {

class Advisor {
public:
  Advisor(const Catalog& cat, const std::map<std::string, uint64_t>& est, const PhysicalDesignSettings& s,
          const SchemaStatistics& stats, const TypeMappingSettings& types)
      : cat_(cat), est_(est), s_(s), stats_(stats), types_(types) {}

  std::map<std::string, TableDesign> run() {
    // Tables that other tables reference are dimensions; tables with foreign keys to two or more
    // dimensions are facts (the star schema's shape).
    for (const auto& t : cat_.tables)
      for (const auto& c : t.constraints)
        if (c.kind == ConstraintKind::ForeignKey) referenced_.insert(c.ref_table);
    for (const auto& t : cat_.tables) {
      TableDesign d;
      distribution(t, d);
      sort_key(t, d);
      out_[t.name] = std::move(d);
    }
    colocate_dimensions();
    return std::move(out_);
  }

private:
  std::optional<uint64_t> rows_of(const std::string& table) const {
    if (auto s = stats_.find(table); s != stats_.end() && s->second.rows) return s->second.rows;
    if (auto it = est_.find(table); it != est_.end()) return it->second;
    return std::nullopt;
  }

  const ColumnStatistics* column_stats(const std::string& table, const std::string& column) const {
    auto t = stats_.find(table);
    if (t == stats_.end()) return nullptr;
    auto c = t->second.columns.find(column);
    return c == t->second.columns.end() ? nullptr : &c->second;
  }

  // Why a column would distribute rows unevenly, from its statistics; "" when it would not (or
  // nothing is known, in which case a join key is assumed to be spread like the dimension's keys).
  std::string skew(const std::string& table, const std::string& column) const {
    const ColumnStatistics* c = column_stats(table, column);
    if (!c) return "";
    if (c->distinct && *c->distinct < s_.key_min_distinct)
      return column + " has only " + std::to_string(*c->distinct) + " distinct values (< " +
             std::to_string(s_.key_min_distinct) + ")";
    auto rows = rows_of(table);
    if (c->nulls && rows && *rows > 0 && static_cast<double>(*c->nulls) / static_cast<double>(*rows) > s_.key_max_null_fraction)
      return column + " is NULL in " + std::to_string(*c->nulls * 100 / *rows) + "% of the rows";
    return "";
  }

  // Why a column cannot be a Redshift sort or distribution key, from its Redshift type; "" when it
  // can. CREATE TABLE: VARBYTE, SUPER, GEOMETRY and GEOGRAPHY columns cannot be SORTKEY or DISTKEY
  // columns (nor HLLSKETCH).
  std::string key_type_problem(const Table& t, const std::string& column) const {
    const Column* c = t.find_column(column);
    if (!c) return "";
    std::string type = map_type(*c, "", Dialect::Redshift, types_, nullptr).sql;
    for (const char* p : {"VARBYTE", "SUPER", "GEOMETRY", "GEOGRAPHY", "HLLSKETCH"})
      if (type.rfind(p, 0) == 0) return column + " is " + type + ", which Redshift cannot use as a sort or distribution key";
    return "";
  }

  static std::vector<const Constraint*> single_column_fks(const Table& t) {
    std::vector<const Constraint*> fks;
    for (const auto& c : t.constraints)
      if (c.kind == ConstraintKind::ForeignKey && c.columns.size() == 1) fks.push_back(&c);
    return fks;
  }

  void distribution(const Table& t, TableDesign& d) const {
    auto fks = single_column_fks(t);
    auto rows = rows_of(t.name);
    if (fks.size() >= 2) return fact_distribution(t, fks, d);
    if (referenced_.count(t.name)) {
      if (rows && *rows <= s_.all_distribution_max_rows) {
        d.diststyle = "ALL";
        d.reasons.push_back("dimension of about " + std::to_string(*rows) + " rows (≤ " +
                            std::to_string(s_.all_distribution_max_rows) + "): DISTSTYLE ALL copies it to every node");
      } else {
        d.diststyle = "AUTO";
        d.reasons.push_back(rows ? "large dimension: DISTSTYLE AUTO" : "dimension without statistics: DISTSTYLE AUTO");
      }
      return;
    }
    d.diststyle = "AUTO";
    d.reasons.push_back("no join evidence: DISTSTYLE AUTO");
  }

  // A fact is co-located with the largest dimension it joins, so that join needs no
  // redistribution; a join column that would skew the slices is passed over; if every one
  // would, the rows are spread round-robin (EVEN).
  void fact_distribution(const Table& t, std::vector<const Constraint*> fks, TableDesign& d) const {
    std::vector<std::pair<uint64_t, const Constraint*>> known;
    for (const Constraint* fk : fks)
      if (auto r = rows_of(fk->ref_table)) known.push_back({*r, fk});
    if (known.empty()) {
      d.diststyle = "AUTO";
      d.reasons.push_back("fact table without dimension statistics: DISTSTYLE AUTO lets Redshift choose");
      return;
    }
    std::stable_sort(known.begin(), known.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> skipped;
    for (const auto& [dim_rows, fk] : known) {
      std::string why = key_type_problem(t, fk->columns[0]);
      if (why.empty()) why = skew(t.name, fk->columns[0]);
      if (!why.empty()) {
        skipped.push_back(why);
        continue;
      }
      d.diststyle = "KEY";
      d.distkey = fk->columns[0];
      d.reasons.push_back("fact table: DISTKEY " + d.distkey + " joins the largest dimension " + fk->ref_table +
                          " (about " + std::to_string(dim_rows) + " rows)" +
                          (skipped.empty() ? "" : "; not " + join(skipped, "; not ")));
      return;
    }
    d.diststyle = "EVEN";
    d.reasons.push_back("fact table whose join keys would skew the slices or cannot be keys (" + join(skipped, "; ") +
                        "): DISTSTYLE EVEN");
  }

  static std::string join(const std::vector<std::string>& v, const std::string& sep) {
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
    return out;
  }

  static bool is_date(const Column& c) { return c.type.name == "DATE" || c.type.name.rfind("TIMESTAMP", 0) == 0; }

  // Compound sort key: the partition key (Oracle's pruning key) first; then, for facts, the
  // first date column (range filters); for dimensions, their primary key (joins); then the leading columns of the table's indexes (the
  // filters the application was tuned for), date columns first; a table with none of these is
  // sorted by its primary key (merge joins and lookups). At most sortkey_max_columns columns.
  void sort_key(const Table& t, TableDesign& d) const {
    std::vector<std::string> key;
    std::vector<std::string> not_keys;  // candidates whose type cannot be a sort key
    auto add = [&](const std::string& c) {
      if (key.size() >= s_.sortkey_max_columns || !t.find_column(c) || std::find(key.begin(), key.end(), c) != key.end())
        return;
      if (std::string why = key_type_problem(t, c); !why.empty()) {
        if (std::find(not_keys.begin(), not_keys.end(), why) == not_keys.end()) not_keys.push_back(why);
        return;
      }
      key.push_back(c);
    };
    // Said whatever the key ends up being, so a reader sees why a column is missing from it.
    auto note_skipped = [&] {
      if (!not_keys.empty()) d.reasons.push_back("not in the SORTKEY: " + join(not_keys, "; "));
    };
    std::vector<std::string> why;
    if (!t.partitioning.columns.empty()) {
      for (const auto& c : t.partitioning.columns) add(c);
      why.push_back("the partition key, which Oracle used for pruning");
    }
    bool fact = single_column_fks(t).size() >= 2;
    if (fact) {
      auto it = std::find_if(t.columns.begin(), t.columns.end(), is_date);
      if (it != t.columns.end() && key.size() < s_.sortkey_max_columns &&
          std::find(key.begin(), key.end(), it->name) == key.end()) {
        add(it->name);
        why.push_back("the first date column " + it->name + " for range filters");
      }
    }
    const Constraint* pk = t.primary_key();
    if (key.empty() && !fact && referenced_.count(t.name) && pk && !pk->columns.empty()) {
      // A dimension is read mostly through joins on its key: sorted by it, those can merge.
      for (const auto& c : pk->columns) add(c);
      d.sortkey = key;  // unique: a column after it would never order anything
      if (!key.empty()) d.reasons.push_back("SORTKEY on the primary key, which the tables referencing it join on");
      note_skipped();
      return;
    }
    std::vector<std::string> indexed_dates, indexed_other;
    for (const auto& ix : cat_.indexes) {
      if (ix.table != t.name || ix.columns.empty()) continue;
      const Column* c = t.find_column(ix.columns[0]);
      if (!c || (pk && pk->columns.size() == 1 && pk->columns[0] == c->name)) continue;  // expressions; the key itself
      (is_date(*c) ? indexed_dates : indexed_other).push_back(c->name);
    }
    size_t before = key.size();
    for (const auto& c : indexed_dates) add(c);
    for (const auto& c : indexed_other) add(c);
    if (key.size() > before)
      why.push_back("indexed filter column" + std::string(key.size() - before > 1 ? "s " : " ") +
                    join(std::vector<std::string>(key.begin() + static_cast<long>(before), key.end()), ", "));
    if (key.empty() && pk && !pk->columns.empty()) {
      for (const auto& c : pk->columns) add(c);
      why.push_back("the primary key for joins and lookups");
    }
    if (!key.empty()) {
      d.sortkey = key;
      d.reasons.push_back("SORTKEY on " + join(why, ", then "));
    }
    note_skipped();
  }

  // The dimension a fact is distributed by is distributed on the same key (not copied to every
  // node), so that the fact's largest join stays node-local.
  void colocate_dimensions() {
    for (const auto& t : cat_.tables) {
      const TableDesign& fact = out_[t.name];
      if (fact.diststyle != "KEY") continue;
      for (const auto& c : t.constraints) {
        if (c.kind != ConstraintKind::ForeignKey || c.columns.size() != 1 || c.columns[0] != fact.distkey) continue;
        const Table* dim = cat_.find_table(c.ref_table);
        if (!dim) continue;
        const Constraint* dpk = dim->primary_key();
        std::string key = !c.ref_columns.empty() ? c.ref_columns[0]
                          : dpk && dpk->columns.size() == 1 ? dpk->columns[0]
                                                            : "";
        if (key.empty()) continue;
        TableDesign& d = out_[dim->name];
        if (std::string why = key_type_problem(*dim, key); !why.empty()) {
          d.reasons.push_back("not co-located with " + t.name + ": " + why);
          continue;
        }
        d.diststyle = "KEY";
        d.distkey = key;
        d.reasons.erase(d.reasons.begin());  // the distribution reason decided before this pass
        d.reasons.insert(d.reasons.begin(), "largest dimension of " + t.name + ": DISTKEY " + key +
                                                 " co-locates it with " + t.name + "." + c.columns[0]);
      }
    }
  }

  const Catalog& cat_;
  const std::map<std::string, uint64_t>& est_;
  const PhysicalDesignSettings& s_;
  const SchemaStatistics& stats_;
  const TypeMappingSettings& types_;
  std::set<std::string> referenced_;
  std::map<std::string, TableDesign> out_;
};

}  // namespace

std::map<std::string, TableDesign> advise_physical_design(const Catalog& catalog,
                                                          const std::map<std::string, uint64_t>& row_estimates,
                                                          const PhysicalDesignSettings& settings,
                                                          const SchemaStatistics& stats,
                                                          const TypeMappingSettings& types) {
  return Advisor(catalog, row_estimates, settings, stats, types).run();
}

}  // namespace orashift
