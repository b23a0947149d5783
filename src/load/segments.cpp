#include "load/segments.h"

#include <fmt/format.h>

#include <algorithm>
#include <thread>

#include "common/naming.h"

namespace orashift {

namespace {

LoadUnit segment_of(const LoadUnit& whole, std::string id) {
  LoadUnit u = whole;
  u.segment = std::move(id);
  u.label = whole.label + " [" + u.segment + "]";
  u.data = whole.data + " [" + u.segment + "]";
  return u;
}

// True when every column keeps its name on the target, so a condition PostgreSQL wrote about
// the source table reads the same on the target table.
bool names_unchanged(const Table& t) {
  return std::all_of(t.columns.begin(), t.columns.end(), [](const Column& c) { return target_name(c.name) == c.name; });
}

std::vector<LoadUnit> by_partitions(const PlannedTable& t, const LoadUnit& whole, const std::function<void(const std::string&)>& log) {
  const auto& parts = t.source->partitioning.partitions;
  std::vector<const Partition*> order;
  if (t.parallel_load->type == ParallelLoadType::PartitionsList) {
    for (const auto& name : t.parallel_load->partitions)
      for (const auto& p : parts)
        if (p.name == name) order.push_back(&p);
    size_t listed = order.size();
    for (const auto& p : parts)
      if (std::find(order.begin(), order.end(), &p) == order.end()) order.push_back(&p);
    if (order.size() > listed)
      log(fmt::format("table {}: {} partitions not in partitions-list load after the listed ones, so no row is lost",
                      t.label(), order.size() - listed));
  } else {
    for (const auto& p : parts) order.push_back(&p);
  }
  bool same_names = names_unchanged(*t.source);
  std::vector<LoadUnit> out;
  for (const Partition* p : order) {
    LoadUnit u = segment_of(whole, "partition " + p->name);
    u.relation = p->name;
    // Hash partitions' constraints call satisfies_hash_partition() on the source table's oid:
    // meaningless on the target, so such a segment is redone by reloading its whole table.
    if (same_names && !p->bound_sql.empty() && p->bound_sql.find("satisfies_hash_partition") == std::string::npos)
      u.target_where = p->bound_sql;
    out.push_back(std::move(u));
  }
  return out;
}

std::vector<LoadUnit> by_ranges(const PlannedTable& t, const LoadUnit& whole) {
  std::vector<LoadUnit> out;
  const RangeSegments& r = *t.ranges;
  auto target = [](const std::string& n) { return target_name(n); };
  for (size_t s = 0; s < r.segment_count(); ++s) {
    LoadUnit u = segment_of(whole, s == r.null_segment() ? std::string("range NULL")
                                                           : fmt::format("range {}/{}", s + 1, r.segment_count() - 1));
    u.where = r.where_sql(s);
    u.target_where = r.where_sql(s, target);
    out.push_back(std::move(u));
  }
  return out;
}

std::vector<LoadUnit> by_key(const SourceEndpoint& source, const PlannedTable& t, const LoadUnit& whole,
                             const SegmentOptions& opt, const std::function<void(const std::string&)>& log) {
  const Constraint* pk = t.source->primary_key();
  if (!pk || pk->columns.size() != 1 || opt.auto_rows == 0) return {};
  const std::string& key = pk->columns[0];
  const Column* col = t.source->find_column(key);
  if (!col || load_column_for(*col).kind != ValueKind::Int64) return {};
  auto est = source.row_estimates();
  auto it = est.find(t.source->name);
  if (it == est.end() || it->second < opt.auto_rows) return {};
  auto bounds = source.key_bounds(t.source->name, key);
  if (!bounds) return {};
  // Segments of about auto_rows rows: a crash costs at most one segment's work per subtask.
  // Not one per subtask: on a small machine eight COPYs into one table were slower than one.
  uint64_t by_size = (it->second + opt.auto_rows - 1) / opt.auto_rows;
  size_t n = std::min<uint64_t>(opt.max_auto_segments, std::max<uint64_t>(2, by_size));
  auto source_conds = key_range_conditions(quote_ident(key), bounds->first, bounds->second, n);
  auto target_conds = key_range_conditions(quote_ident(target_name(key)), bounds->first, bounds->second, n);
  if (source_conds.size() < 2) return {};
  log(fmt::format("table {}: ~{} rows, loaded as {} key ranges of {} (automatic: single-column integer key, "
                  "at least {} estimated rows)",
                  t.label(), it->second, source_conds.size(), key, opt.auto_rows));
  std::vector<LoadUnit> out;
  for (size_t k = 0; k < source_conds.size(); ++k) {
    LoadUnit u = segment_of(whole, fmt::format("key {}/{}", k + 1, source_conds.size()));
    u.where = source_conds[k];
    u.target_where = target_conds[k];
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace

uint64_t default_auto_segment_rows() {
  return std::thread::hardware_concurrency() >= 4 ? 1000000 : 10000000;
}

std::vector<std::string> key_range_conditions(const std::string& column, int64_t lo, int64_t hi, size_t n) {
  if (hi < lo) std::swap(lo, hi);
  __int128 span = static_cast<__int128>(hi) - lo + 1;
  if (static_cast<__int128>(n) > span) n = static_cast<size_t>(span);
  if (n < 2) return {};
  std::vector<int64_t> cut;  // n - 1 ascending cut points, strictly inside (lo, hi]
  for (size_t k = 1; k < n; ++k) cut.push_back(static_cast<int64_t>(lo + span * static_cast<__int128>(k) / n));
  std::vector<std::string> out;
  out.push_back(fmt::format("{} < {}", column, cut.front()));
  for (size_t k = 1; k < cut.size(); ++k) out.push_back(fmt::format("{} >= {} AND {} < {}", column, cut[k - 1], column, cut[k]));
  out.push_back(fmt::format("{} >= {}", column, cut.back()));
  return out;
}

std::vector<LoadUnit> split_file_units(const SourceEndpoint& source, std::vector<LoadUnit> units, size_t parallel) {
  std::vector<LoadUnit> out;
  for (auto& u : units) {
    std::vector<LoadUnit> pieces = source.split_unit(u, parallel, kMinFilePieceBytes, kFilePieceBytes);
    for (auto& p : pieces) out.push_back(std::move(p));
  }
  return out;
}

std::vector<LoadUnit> segment_units(const SourceEndpoint& source, const PlannedTable& t, std::vector<LoadUnit> units,
                                    const SegmentOptions& opt, const std::function<void(const std::string&)>& log) {
  auto say = [&](const std::string& s) {
    if (log) log(s);
  };
  // Units a file source made (one per data file) are segments already; they cannot be
  // narrowed on the target, so an unfinished one makes a resume reload the table.
  if (units.size() != 1 || units[0].missing || !source.can_segment()) {
    if (t.parallel_load && t.parallel_load->type != ParallelLoadType::None)
      say("table " + t.label() + ": " + source.describe() + " cannot be read by segments; parallel-load ignored");
    const size_t files = units.size();
    // As many pieces as segments load at once, but no more than the cores that read them.
    size_t cores = std::max(1u, std::thread::hardware_concurrency());
    units = split_file_units(source, std::move(units), std::max<size_t>(1, std::min(opt.subtasks, cores)));
    if (units.size() > files)
      say(fmt::format("table {}: {} data file(s) read as {} line-aligned pieces", t.label(), files, units.size()));
    if (units.size() > 1)
      for (auto& u : units)
        if (u.segment.empty()) u.segment = u.data;
    return units;
  }
  const LoadUnit& whole = units[0];
  std::vector<LoadUnit> out;
  if (t.parallel_load) {
    switch (t.parallel_load->type) {
      case ParallelLoadType::Ranges:
        if (t.ranges) out = by_ranges(t, whole);
        break;
      case ParallelLoadType::PartitionsAuto:
      case ParallelLoadType::SubpartitionsAuto:
      case ParallelLoadType::PartitionsList: out = by_partitions(t, whole, say); break;
      case ParallelLoadType::None: break;  // DMS: explicitly one piece
    }
  } else {
    out = by_key(source, t, whole, opt, say);
  }
  if (out.empty()) return units;
  return out;
}

}  // namespace orashift
