#include "validate/validator.h"

#include "load/task/load_model.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <future>

#include "common/naming.h"
#include "validate/failure_record.h"
#include "validate/validation_side.h"

namespace orashift {

namespace {

using Clock = std::chrono::steady_clock;

// How many differing partitions are read back at once: bounds the rows held in memory.
constexpr size_t kPartitionsPerNarrowing = 8;

std::string utc_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
}

// The primary key, else the first unique key: DMS validates only tables that have one.
std::vector<size_t> key_positions(const Table& t) {
  const Constraint* key = t.primary_key();
  if (!key)
    for (const auto& c : t.constraints)
      if (c.kind == ConstraintKind::Unique) {
        key = &c;
        break;
      }
  std::vector<size_t> out;
  if (!key) return out;
  for (const auto& name : key->columns) {
    auto it = std::find_if(t.columns.begin(), t.columns.end(), [&](const Column& c) { return c.name == name; });
    if (it == t.columns.end()) return {};
    out.push_back(static_cast<size_t>(it - t.columns.begin()));
  }
  return out;
}

// Pairs the rows of one key on both sides; what is left over is a failure.
void compare_key(const std::string& key, const std::vector<std::string>* src, const std::vector<std::string>* tgt,
                 std::vector<FailureRecord>& out) {
  std::vector<std::string> s = src ? *src : std::vector<std::string>{};
  std::vector<std::string> t = tgt ? *tgt : std::vector<std::string>{};
  for (auto it = s.begin(); it != s.end();) {
    auto match = std::find(t.begin(), t.end(), *it);
    if (match != t.end()) {
      t.erase(match);
      it = s.erase(it);
    } else {
      ++it;
    }
  }
  size_t paired = std::min(s.size(), t.size());
  for (size_t i = 0; i < paired; ++i) out.push_back({{}, {}, {}, {}, key, FailureType::RecordDiff, s[i], t[i]});
  for (size_t i = paired; i < s.size(); ++i) out.push_back({{}, {}, {}, {}, key, FailureType::MissingTarget, s[i], {}});
  for (size_t i = paired; i < t.size(); ++i) out.push_back({{}, {}, {}, {}, key, FailureType::MissingSource, {}, t[i]});
}

std::vector<FailureRecord> diff_images(const RowImages& src, const RowImages& tgt) {
  std::vector<FailureRecord> out;
  for (const auto& [key, rows] : src) {
    auto t = tgt.find(key);
    compare_key(key, &rows, t == tgt.end() ? nullptr : &t->second, out);
  }
  for (const auto& [key, rows] : tgt)
    if (!src.count(key)) compare_key(key, nullptr, &rows, out);
  return out;
}

class TableValidator {
public:
  TableValidator(const SourceEndpoint& source, TargetEndpoint& target, const ValidationOptions& opt, std::ofstream& failures,
                 uint64_t& task_failures)
      : source_(source), target_(target), opt_(opt), failures_(failures), task_failures_(task_failures) {}

  void run(const PlannedTable& planned, TableValidation& v) {
    const Table& table = *planned.source;
    TableShape shape{canonical_columns(table), key_positions(table)};
    if (shape.key.empty()) {
      v.state = validation_state::kNoPrimaryKey;
      return;
    }
    std::vector<std::string> target_columns;
    for (const auto& c : shape.columns) target_columns.push_back(quote_ident(target_name(c.name)));
    auto tgt = make_sql_side([this](const std::string& sql) { return target_.query(sql); }, target_.dialect(),
                             quote_ident(v.target_table), target_columns, shape);
    // The load's source filter: the rows it did not select are not expected on the target.
    std::optional<std::string> where = planned.filter.empty() ? std::optional<std::string>("") : planned.filter.to_sql();
    std::unique_ptr<ValidationSide> src;
    v.source_by_sql = !source_.query_dialect().empty() && where;
    if (v.source_by_sql) {
      std::vector<std::string> source_columns;
      for (const auto& c : shape.columns) source_columns.push_back(quote_ident(c.name));
      src = make_sql_side([this](const std::string& sql) { return source_.query(sql); }, source_.query_dialect(),
                          quote_ident(table.name), source_columns, shape, *where);
    } else {
      std::vector<LoadUnit> units;
      for (const auto& u : source_.units())
        if (u.table == table.name && !u.missing) units.push_back(u);
      src = make_stream_side(source_, table, units, shape, planned.filter);
    }
    if (target_.dialect() == "postgres") target_.query("SET TimeZone = 'UTC'");

    uint64_t size = static_cast<uint64_t>(std::max<int64_t>(1, opt_.settings.partition_size));
    uint64_t rows_hint = std::max(tgt->row_count_hint(), src->row_count_hint());
    uint64_t n = std::max<uint64_t>(1, (rows_hint + size - 1) / size);
    v.partitions = n;
    // Both sides scan at the same time, each where its data is.
    auto src_digest = std::async(std::launch::async, [&] { return src->digest(n); });
    SideDigest t = tgt->digest(n);
    SideDigest s = src_digest.get();
    v.source_rows = s.rows;
    v.target_rows = t.rows;
    v.source_unreadable = s.unreadable;

    std::vector<uint64_t> differing;
    for (uint64_t p = 0; p < n; ++p)
      if (!(s.partitions[p] == t.partitions[p])) differing.push_back(p);
    v.mismatched_partitions = differing.size();

    size_t at = 0;
    for (; at < differing.size() && !limit_reached(v); at += kPartitionsPerNarrowing) {
      std::vector<uint64_t> group(differing.begin() + static_cast<std::ptrdiff_t>(at),
                                  differing.begin() + static_cast<std::ptrdiff_t>(std::min(differing.size(), at + kPartitionsPerNarrowing)));
      auto src_rows = std::async(std::launch::async, [&] { return src->rows_of(group, n); });
      RowImages tr = tgt->rows_of(group, n);
      RowImages sr = src_rows.get();
      for (FailureRecord& f : diff_images(sr, tr)) {
        if (limit_reached(v)) {  // found but not recorded: counted, like DMS's suspended records
          ++v.suspended_records;
          continue;
        }
        f.task_name = opt_.task_name;
        f.table_owner = v.schema;
        f.table_name = v.table;
        f.failure_time = utc_now();
        failures_ << failure_record_json(f, shape.columns).dump() << "\n";
        ++v.failed_records;
        ++task_failures_;
      }
    }
    for (size_t i = std::min(at, differing.size()); i < differing.size(); ++i)
      v.suspended_records += std::max(s.partitions[differing[i]].rows, t.partitions[differing[i]].rows);
    v.state = differing.empty()      ? validation_state::kValidated
              : v.suspended_records ? validation_state::kSuspended
                                    : validation_state::kMismatched;
  }

  bool limit_reached(const TableValidation& v) const {
    return static_cast<int64_t>(v.failed_records) >= opt_.settings.table_failure_max_count ||
           static_cast<int64_t>(task_failures_) >= opt_.settings.failure_max_count;
  }

private:
  const SourceEndpoint& source_;
  TargetEndpoint& target_;
  const ValidationOptions& opt_;
  std::ofstream& failures_;
  uint64_t& task_failures_;
};

}  // namespace

uint64_t ValidationReport::failures() const {
  uint64_t n = 0;
  for (const auto& t : tables) n += t.failed_records;
  return n;
}

bool ValidationReport::ok() const {
  for (const auto& t : tables)
    if (t.state != validation_state::kValidated && t.state != validation_state::kNoPrimaryKey &&
        t.state != validation_state::kNotEnabled)
      return false;
  return true;
}

ValidationReport validate_tables(const SourceEndpoint& source, TargetEndpoint& target, const TaskPlan& plan,
                                 const ValidationOptions& opt) {
  ValidationReport report;
  std::filesystem::create_directories(opt.out_dir);
  report.failures_file = (std::filesystem::path(opt.out_dir) / "validation_failures.jsonl").string();
  std::ofstream failures(report.failures_file, std::ios::trunc);
  if (!failures) throw std::runtime_error("cannot write " + report.failures_file);
  uint64_t task_failures = 0;
  TableValidator validator(source, target, opt, failures, task_failures);
  for (const PlannedTable& planned : plan.tables) {
    TableValidation v;
    v.schema = planned.source_schema;
    v.table = planned.source->name;
    v.target_table = target_name(planned.source->name);
    if (changes_shape(planned)) {
      // Source and target rows differ by design (names, columns, types): comparing them needs
      // the mapping, which the validator does not apply yet.
      v.state = validation_state::kNotEnabled;
      v.error = "reshaped by transformation rules; not validated";
      report.tables.push_back(std::move(v));
      continue;
    }
    if (static_cast<int64_t>(task_failures) >= opt.settings.failure_max_count) {
      report.tables.push_back(std::move(v));  // stays "Pending validation"
      continue;
    }
    if (opt.log) opt.log("validating " + v.table);
    auto t0 = Clock::now();
    try {
      validator.run(planned, v);
    } catch (const std::exception& e) {
      v.state = validation_state::kError;
      v.error = e.what();
    }
    v.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    if (opt.log && v.partitions)
      opt.log(fmt::format("{}: {} (source {} rows, target {} rows, {} failures)", v.table, v.state, v.source_rows,
                          v.target_rows, v.failed_records));
    else if (opt.log)
      opt.log(v.table + ": " + v.state + (v.error.empty() ? "" : ": " + v.error));
    report.tables.push_back(std::move(v));
  }
  failures.flush();
  if (!failures) throw std::runtime_error("cannot write " + report.failures_file);
  return report;
}

std::string format_validation_summary(const ValidationReport& r) {
  std::string out = fmt::format("{:>28} {:>10} {:>10} {:>10} {:>9} {:>8}  {}\n", "table", "source", "target",
                                "partitions", "differing", "failures", "validation state");
  out += std::string(28, '-') + " " + std::string(10, '-') + " " + std::string(10, '-') + " " + std::string(10, '-') +
         " " + std::string(9, '-') + " " + std::string(8, '-') + "  " + std::string(18, '-') + "\n";
  for (const auto& t : r.tables)
    out += fmt::format("{:>28} {:>10} {:>10} {:>10} {:>9} {:>8}  {}\n", t.table, t.source_rows, t.target_rows,
                       t.partitions, t.mismatched_partitions, t.failed_records, t.state);
  for (const auto& t : r.tables) {
    if (t.state == validation_state::kNoPrimaryKey)
      out += "  " + t.table + ": not validated: no primary or unique key (as DMS)\n";
    if (t.source_unreadable)
      out += fmt::format("  {}: {} source rows could not be read (rejected by the load too)\n", t.table, t.source_unreadable);
    if (t.suspended_records)
      out += fmt::format("  {}: {} rows of differing partitions not narrowed: failure limit reached\n", t.table,
                         t.suspended_records);
    if (!t.error.empty()) out += "  " + t.table + ": ERROR " + t.error + "\n";
  }
  if (r.failures()) out += fmt::format("  {} failure records → {}\n", r.failures(), r.failures_file);
  return out;
}

nlohmann::json validation_stats_json(const ValidationReport& r) {
  nlohmann::json tables = nlohmann::json::array();
  for (const auto& t : r.tables)
    tables.push_back({{"SchemaName", t.schema},
                      {"TableName", t.table},
                      {"TargetTableName", t.target_table},
                      {"ValidationState", t.state},
                      {"ValidationFailedRecords", t.failed_records},
                      {"ValidationSuspendedRecords", t.suspended_records},
                      {"ValidationPendingRecords", 0},
                      {"SourceRows", t.source_rows},
                      {"TargetRows", t.target_rows},
                      {"SourceRowsUnreadable", t.source_unreadable},
                      {"Partitions", t.partitions},
                      {"MismatchedPartitions", t.mismatched_partitions},
                      {"SourceChecksumsBy", t.source_by_sql ? "sql" : "stream"},
                      {"Seconds", t.seconds},
                      {"Error", t.error}});
  return {{"tables", tables}, {"failures", r.failures()}, {"failures_file", r.failures_file}, {"ok", r.ok()}};
}

}  // namespace orashift
