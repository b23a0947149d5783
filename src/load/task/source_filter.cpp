#include "load/task/source_filter.h"

#include <algorithm>

#include "common/naming.h"

namespace orashift {

bool CompiledCondition::matches(const ColumnVector& v, size_t row) const {
  bool null = v.is_null(row);
  switch (op) {
    case FilterOperator::Null: return null;
    case FilterOperator::NotNull: return !null;
    default: break;
  }
  if (null) return false;
  int c = value->compare_cell(v, row);
  switch (op) {
    case FilterOperator::Eq: return c == 0;
    case FilterOperator::NotEq: return c != 0;
    case FilterOperator::Gte: return c >= 0;
    case FilterOperator::Lte: return c <= 0;
    case FilterOperator::Between: return c >= 0 && end->compare_cell(v, row) <= 0;
    case FilterOperator::NotBetween: return c < 0 || end->compare_cell(v, row) > 0;
    default: return false;
  }
}

bool ColumnFilter::matches(const ColumnVector& v, size_t row) const {
  for (const auto& c : conditions)
    if (c.matches(v, row)) return true;
  return false;
}

bool RowFilter::keep(const Batch& batch, size_t row) const {
  if (alternatives_.empty()) return true;
  for (const auto& all_of : alternatives_) {
    bool ok = true;
    for (const auto& f : all_of) {
      if (!f.matches(batch.columns[f.index], row)) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
  }
  return false;
}

bool RowFilter::bind(const std::vector<LoadColumn>& read_columns, std::string* missing) {
  for (auto& all_of : alternatives_)
    for (auto& f : all_of) {
      size_t i = 0;
      while (i < read_columns.size() && read_columns[i].name != f.column) ++i;
      if (i == read_columns.size()) {
        if (missing) *missing = f.column;
        return false;
      }
      f.index = i;
    }
  return true;
}

std::vector<std::string> RowFilter::columns() const {
  std::vector<std::string> out;
  for (const auto& all_of : alternatives_)
    for (const auto& f : all_of)
      if (std::find(out.begin(), out.end(), f.column) == out.end()) out.push_back(f.column);
  return out;
}

static std::optional<std::string> literal_sql(const TypedConstant& k) {
  switch (k.kind()) {
    case ValueKind::Int64:
    case ValueKind::Decimal:
    case ValueKind::Double: return k.text();
    case ValueKind::Timestamp: {
      auto t = parse_iso_datetime(k.text());
      return "TIMESTAMP '" + format_timestamp(*t) + "'";
    }
    case ValueKind::Text: return quote_literal(k.text());
    case ValueKind::Bytes: return std::nullopt;
  }
  return std::nullopt;
}

std::optional<std::string> RowFilter::to_sql() const {
  if (alternatives_.empty()) return std::string("TRUE");
  std::string out;
  for (size_t a = 0; a < alternatives_.size(); ++a) {
    if (a) out += " OR ";
    out += "(";
    for (size_t i = 0; i < alternatives_[a].size(); ++i) {
      const ColumnFilter& f = alternatives_[a][i];
      if (i) out += " AND ";
      out += "(";
      std::string col = quote_ident(f.column);
      for (size_t k = 0; k < f.conditions.size(); ++k) {
        const CompiledCondition& c = f.conditions[k];
        if (k) out += " OR ";
        std::optional<std::string> v, e;
        if (c.value && !(v = literal_sql(*c.value))) return std::nullopt;
        if (c.end && !(e = literal_sql(*c.end))) return std::nullopt;
        switch (c.op) {
          case FilterOperator::Eq: out += col + " = " + *v; break;
          case FilterOperator::NotEq: out += col + " <> " + *v; break;
          case FilterOperator::Gte: out += col + " >= " + *v; break;
          case FilterOperator::Lte: out += col + " <= " + *v; break;
          case FilterOperator::Between: out += col + " BETWEEN " + *v + " AND " + *e; break;
          case FilterOperator::NotBetween: out += col + " NOT BETWEEN " + *v + " AND " + *e; break;
          case FilterOperator::Null: out += col + " IS NULL"; break;
          case FilterOperator::NotNull: out += col + " IS NOT NULL"; break;
        }
      }
      out += ")";
    }
    out += ")";
  }
  return out;
}

static bool is_lob(const Column& c) {
  const std::string& n = c.type.name;
  return n == "CLOB" || n == "NCLOB" || n == "BLOB" || n == "LONG" || n == "LONG RAW" || n == "BFILE";
}

std::optional<ColumnFilter> compile_filter(const SourceFilterDef& def, const Table& table,
                                           const std::vector<LoadColumn>& columns, const std::string& rule_id,
                                           TaskIssues& issues) {
  size_t idx = 0;
  while (idx < table.columns.size() && table.columns[idx].name != def.column) ++idx;
  if (idx == table.columns.size()) {
    issues.error(def.path + ".column-name", "table " + table.name + " has no column \"" + def.column +
                                                "\" (names are case-sensitive)", rule_id);
    return std::nullopt;
  }
  if (is_lob(table.columns[idx])) {
    issues.error(def.path + ".column-name", "column " + def.column + " is a " + table.columns[idx].type.name +
                                                "; DMS does not filter on LOB columns", rule_id);
    return std::nullopt;
  }
  ColumnFilter f;
  f.column = def.column;
  f.index = idx;
  bool ok = true;
  for (size_t i = 0; i < def.conditions.size(); ++i) {
    const FilterCondition& c = def.conditions[i];
    CompiledCondition cc;
    cc.op = c.op;
    std::string path = def.path + ".filter-conditions[" + std::to_string(i) + "]";
    auto typed = [&](const std::string& text, const char* key) -> std::optional<TypedConstant> {
      std::string err;
      auto k = TypedConstant::parse(text, columns[idx], &err);
      if (!k) {
        issues.error(path + "." + key, err, rule_id);
        ok = false;
      }
      return k;
    };
    switch (c.op) {
      case FilterOperator::Null:
      case FilterOperator::NotNull: break;
      case FilterOperator::Between:
      case FilterOperator::NotBetween:
        cc.value = typed(c.start_value, "start-value");
        cc.end = typed(c.end_value, "end-value");
        if (cc.value && cc.end && cc.value->compare(*cc.end) > 0)
          issues.warning(path, "start-value " + c.start_value + " is above end-value " + c.end_value +
                                   (c.op == FilterOperator::Between ? ": no row can match" : ": every non-NULL row matches"),
                         rule_id);
        break;
      default: cc.value = typed(c.value, "value");
    }
    f.conditions.push_back(std::move(cc));
  }
  if (!ok) return std::nullopt;
  return f;
}

}  // namespace orashift
