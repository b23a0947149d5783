#include "load/evidence_scan.h"

#include <map>

namespace orashift {

namespace {

// Rows the source refuses while profiling (bad UTF-8, a NULL into NOT NULL, a short record) are
// refused again by the load and reported there; here they only do not count as evidence.
class DiscardRejects : public RejectSink {
public:
  void reject(Reject) override {}
};

constexpr size_t kBatchRows = 16384;

}  // namespace

TypeEvidence scan_type_evidence(const SourceEndpoint& source, const Catalog& catalog, Dialect dialect,
                                const TypeMappingSettings& settings, uint64_t max_rows) {
  TypeEvidence out;
  if (!source.profiles_by_scan()) return out;
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
