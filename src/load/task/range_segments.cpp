#include "load/task/range_segments.h"

#include "common/naming.h"

namespace orashift {

std::optional<RangeSegments> RangeSegments::compile(const ParallelLoad& p, const Table& table,
                                                    const std::vector<LoadColumn>& columns, const std::string& path,
                                                    const std::string& rule_id, TaskIssues& issues) {
  RangeSegments r;
  bool ok = true;
  for (size_t i = 0; i < p.columns.size(); ++i) {
    const std::string& name = p.columns[i];
    size_t idx = 0;
    while (idx < table.columns.size() && table.columns[idx].name != name) ++idx;
    std::string cpath = path + ".columns[" + std::to_string(i) + "]";
    if (idx == table.columns.size()) {
      issues.error(cpath, "table " + table.name + " has no column \"" + name + "\" (names are case-sensitive)", rule_id);
      ok = false;
      continue;
    }
    const std::string& tn = table.columns[idx].type.name;
    // DMS: "You can't use columns to define segment boundaries with the following AWS DMS
    // data types: DOUBLE, FLOAT, BLOB, CLOB, and NCLOB".
    if (columns[idx].kind == ValueKind::Double || tn == "BLOB" || tn == "CLOB" || tn == "NCLOB" || tn == "LONG" ||
        tn == "LONG RAW") {
      issues.error(cpath, "column " + name + " is " + tn + "; DMS does not allow floating-point or LOB range columns",
                   rule_id);
      ok = false;
      continue;
    }
    r.names_.push_back(name);
    r.indexes_.push_back(idx);
  }
  if (!ok) return std::nullopt;
  for (size_t b = 0; b < p.boundaries.size(); ++b) {
    std::vector<TypedConstant> row;
    for (size_t i = 0; i < p.boundaries[b].size() && i < r.indexes_.size(); ++i) {
      std::string err;
      auto k = TypedConstant::parse(p.boundaries[b][i], columns[r.indexes_[i]], &err);
      if (!k) {
        issues.error(path + ".boundaries[" + std::to_string(b) + "][" + std::to_string(i) + "]", err, rule_id);
        ok = false;
        continue;
      }
      row.push_back(std::move(*k));
    }
    r.boundaries_.push_back(std::move(row));
  }
  if (!ok) return std::nullopt;
  for (size_t b = 1; b < r.boundaries_.size(); ++b) {
    int c = 0;
    for (size_t i = 0; i < r.names_.size() && c == 0; ++i) c = r.boundaries_[b][i].compare(r.boundaries_[b - 1][i]);
    if (c <= 0)
      issues.warning(path + ".boundaries[" + std::to_string(b) + "]",
                     "is not above the previous boundary: its segment will be empty", rule_id);
  }
  return r;
}

int RangeSegments::compare_row(const Batch& batch, size_t row, size_t b) const {
  for (size_t i = 0; i < indexes_.size(); ++i) {
    int c = boundaries_[b][i].compare_cell(batch.columns[indexes_[i]], row);
    if (c) return c;
  }
  return 0;
}

size_t RangeSegments::segment_of(const Batch& batch, size_t row) const {
  for (size_t idx : indexes_)
    if (batch.columns[idx].is_null(row)) return null_segment();
  // Segments are defined as "not below the previous bound and below this one", so the first
  // bound the row is below wins even when bounds are out of order, exactly like the SQL.
  for (size_t b = 0; b < boundaries_.size(); ++b)
    if (compare_row(batch, row, b) < 0) return b;
  return boundaries_.size();
}

static std::string literal(const TypedConstant& k) {
  switch (k.kind()) {
    case ValueKind::Int64:
    case ValueKind::Decimal:
    case ValueKind::Double: return k.text();
    case ValueKind::Timestamp: return "TIMESTAMP '" + format_timestamp(*parse_iso_datetime(k.text())) + "'";
    case ValueKind::Bytes: return "X'" + k.text() + "'";
    case ValueKind::Text: return quote_literal(k.text());
  }
  return k.text();
}

std::string RangeSegments::below_sql(size_t b, const NameMap& name) const {
  auto col = [&](size_t i) { return quote_ident(name ? name(names_[i]) : names_[i]); };
  std::string out = "(";
  for (size_t i = 0; i < names_.size(); ++i) {
    if (i) out += " OR ";
    out += "(";
    for (size_t k = 0; k < i; ++k) out += std::string("(") + col(k) + " = " + literal(boundaries_[b][k]) + ") AND ";
    out += std::string("(") + col(i) + " < " + literal(boundaries_[b][i]) + "))";
  }
  return out + ")";
}

std::string RangeSegments::where_sql(size_t segment, const NameMap& name) const {
  std::string not_null, any_null;
  for (size_t i = 0; i < names_.size(); ++i) {
    std::string c = quote_ident(name ? name(names_[i]) : names_[i]);
    not_null += (i ? " AND " : "") + c + " IS NOT NULL";
    any_null += (i ? " OR " : "") + c + " IS NULL";
  }
  if (segment == null_segment()) return "(" + any_null + ")";
  std::string out = "(" + not_null + ")";
  if (segment > 0) out += " AND NOT " + below_sql(segment - 1, name);
  if (segment < boundaries_.size()) out += " AND " + below_sql(segment, name);
  return out;
}

bool RangeSegments::bind(const std::vector<LoadColumn>& read_columns, std::string* missing) {
  for (size_t i = 0; i < names_.size(); ++i) {
    size_t k = 0;
    while (k < read_columns.size() && read_columns[k].name != names_[i]) ++k;
    if (k == read_columns.size()) {
      if (missing) *missing = names_[i];
      return false;
    }
    indexes_[i] = k;
  }
  return true;
}

}  // namespace orashift
