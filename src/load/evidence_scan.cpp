#include "load/evidence_scan.h"

#include <map>
#include <stdexcept>

#include "common/naming.h"

namespace orashift {

namespace {

// Rows the source refuses while profiling (bad UTF-8, a NULL into NOT NULL, a short record) are
// refused again by the load and reported there; here they only do not count as evidence.
class DiscardRejects : public RejectSink {
public:
  void reject(Reject) override {}
};

constexpr size_t kBatchRows = 16384;

// A PostgreSQL source computes the profile where the data is: one aggregate query per table,
// exact and over every row, so only a handful of numbers cross the wire.
void query_evidence(const SourceEndpoint& source, const Table& t, ColumnEvidence* first, size_t n) {
  std::string sql = "SELECT COUNT(*)";
  for (size_t k = 0; k < n; ++k) {
    std::string c = quote_ident(first[k].column);
    sql += ", COUNT(" + c + "), MIN(" + c + ")::text, MAX(" + c + ")::text, MAX(CASE WHEN ABS(" + c +
           ") >= 1 THEN LENGTH(TRUNC(ABS(" + c + "))::text) ELSE 0 END), MAX(MIN_SCALE(" + c + ")), BOOL_OR(" + c +
           " <> TRUNC(" + c + ")), MAX(LENGTH(" + c + "::text))";
  }
  // A database source's table carries its schema (the same name may be in two of them).
  sql += " FROM " + (t.schema.empty() ? std::string() : quote_ident(t.schema) + ".") + quote_ident(t.name);
  QueryResult r;
  try {
    r = source.query(sql);
  } catch (const std::exception& e) {
    for (size_t k = 0; k < n; ++k) first[k].coverage = std::string("no evidence: the profile query failed: ") + e.what();
    return;
  }
  const auto& row = r.rows.at(0);
  auto num = [&](size_t i) { return row.at(i) ? std::stoull(*row.at(i)) : 0ULL; };
  uint64_t rows = num(0);
  for (size_t k = 0; k < n; ++k) {
    ColumnEvidence& e = first[k];
    size_t b = 1 + k * 7;
    e.rows_seen = rows;
    e.nulls = rows - num(b);
    // Through the text scanner, so min and max are canonical like the files' evidence.
    for (size_t i : {b + 1, b + 2})
      if (row.at(i)) {
        ColumnEvidence one;
        one.observe(*row.at(i));
        (i == b + 1 ? e.min : e.max) = one.min;
      }
    e.max_integer_digits = static_cast<int>(num(b + 3));
    e.max_scale = static_cast<int>(num(b + 4));
    e.non_integral = row.at(b + 5) && *row.at(b + 5) == "t";
    e.max_bytes = num(b + 6);
    e.complete = true;
    e.coverage = "all " + std::to_string(rows) + " rows (an exact query)";
  }
}

}  // namespace

TypeEvidence scan_type_evidence(const SourceEndpoint& source, const Catalog& catalog, Dialect dialect,
                                const TypeMappingSettings& settings, uint64_t max_rows) {
  TypeEvidence out;
  bool by_query = source.query_dialect() == "postgres";
  if (!source.profiles_by_scan() && !by_query) return out;
  std::map<std::string, std::vector<LoadUnit>> units;
  for (auto& u : source.units()) units[u.table].push_back(std::move(u));
  DiscardRejects rejects;
  Batch batch;
  for (const Table& t : catalog.tables) {
    // Only the columns that can narrow travel, as text: every other field is split but not converted.
    std::vector<LoadColumn> columns;
    size_t first = out.size();
    for (const Column& c : t.columns) {
      if (!can_narrow(t, c) || column_override(settings, t.name, c.name, dialect)) continue;
      columns.push_back({c.name, ValueKind::Text, 0, &c});
      ColumnEvidence e;
      e.table = t.name;
      e.column = c.name;
      e.declared = c.type.text();
      out.push_back(std::move(e));
    }
    if (columns.empty()) continue;
    if (by_query) {
      query_evidence(source, t, &out[first], columns.size());
      continue;
    }
    // A unit the source reports as missing is not loaded either (the load lists it as missing
    // data): the evidence still covers every row this run loads, and says what was absent.
    std::string absent;
    uint64_t rows = 0;
    auto it = units.find(t.name);
    bool any = false;
    for (const LoadUnit& u : it == units.end() ? std::vector<LoadUnit>{} : it->second) {
      if (u.missing) {
        absent += (absent.empty() ? "" : ", ") + u.label;
        continue;
      }
      any = true;
      if (max_rows && rows >= max_rows) break;
      auto reader = source.open(u, columns, rejects);
      while (reader->next(batch, kBatchRows)) {
        size_t n = batch.rows();
        if (max_rows && rows + n > max_rows) n = static_cast<size_t>(max_rows - rows);
        for (size_t k = 0; k < columns.size(); ++k) {
          const ColumnVector& col = batch.columns[k];
          ColumnEvidence& e = out[first + k];
          for (size_t r = 0; r < n; ++r) col.is_null(r) ? e.observe_null() : e.observe(col.text(r));
        }
        rows += n;
        if (max_rows && rows >= max_rows) break;
      }
    }
    bool sampled = max_rows && rows >= max_rows;
    for (size_t k = first; k < out.size(); ++k) {
      ColumnEvidence& e = out[k];
      e.complete = any && !sampled;
      e.coverage = !any      ? "no data for this table in the source"
                   : sampled ? "a sample of the first " + std::to_string(rows) + " rows"
                             : "all " + std::to_string(rows) + " rows";
      if (!absent.empty()) e.coverage += " (missing, so neither seen nor loaded: " + absent + ")";
    }
  }
  return out;
}

}  // namespace orashift
