#include "convert/type_refinement.h"

namespace orashift {

static bool is_unconstrained_number(const OracleType& t) {
  return t.name == "NUMBER" && !t.precision && !t.scale && !t.star_precision;
}

void refine_key_types(Catalog& catalog, Dialect dialect, ActionItems& items) {
  for (auto& t : catalog.tables) {
    for (const auto& c : t.constraints) {
      if (c.kind != ConstraintKind::ForeignKey) continue;
      const Table* parent = catalog.find_table(c.ref_table);
      if (!parent) continue;
      std::vector<std::string> ref_cols = c.ref_columns;
      if (ref_cols.empty())
        if (const Constraint* pk = parent->primary_key()) ref_cols = pk->columns;
      for (size_t i = 0; i < c.columns.size() && i < ref_cols.size(); ++i) {
        Column* child = t.find_column(c.columns[i]);
        const Column* key = parent->find_column(ref_cols[i]);
        if (!child || !key || !is_unconstrained_number(child->type)) continue;
        if (key->type.name != "NUMBER" || !key->type.precision) continue;
        items.add("OS1005", "TABLE " + t.name,
                  "column " + child->name + " NUMBER → " + key->type.text() + " of " + parent->name + "." + key->name,
                  child->span, dialect_name(dialect));
        child->type = key->type;
        if (!key->narrowing.empty())
          child->narrowing = "foreign key " + t.name + "." + child->name + " takes the type of " + parent->name + "." +
                             key->name + ": " + key->narrowing;
      }
    }
  }
}

}  // namespace orashift
