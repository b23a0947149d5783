#include "load/executor.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <exception>
#include <mutex>
#include <set>
#include <thread>

#include "common/progress.h"
#include "load/bounded_queue.h"
#include "load/reject_file.h"

namespace orashift {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

std::string utc_now_iso() {
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Shared per-table state: units of one table may run concurrently.
struct TableState {
  TableLoadStats stats;
  std::unique_ptr<RejectFile> rejects;
  const Table* table = nullptr;
  std::vector<LoadColumn> columns;
  // One writer per table, opened up front: units of a table share it when it commits at finish;
  // otherwise the first unit to start borrows it and the others open their own.
  std::unique_ptr<TableWriter> writer;
  bool writer_lent = false;    // guarded by the load's stats mutex
  bool writer_failed = false;  // the unit that borrowed it failed in it: no finish() at the end
  std::mutex write_mu;
  std::function<bool(const Batch&, size_t)> filter;
  std::atomic<uint64_t> filtered{0};
  uint64_t prior_rejected = 0;  // rejects of segments finished by an earlier run
  std::atomic<uint64_t> live_rows{0};
  std::atomic<uint64_t> live_bytes{0};
  uint64_t bytes_total = 0;
  Clock::time_point started;
  bool started_set = false;
};

// Forwards to the table's reject file, stamping the unit's segment id on each record, and counts
// one unit's rejects (for its state record).
class CountingSink : public RejectSink {
public:
  CountingSink(RejectSink& inner, const std::string& segment) : inner_(inner), segment_(segment) {}
  void reject(Reject r) override {
    count_.fetch_add(1);
    r.segment = segment_;
    inner_.reject(std::move(r));
  }
  uint64_t count() const { return count_.load(); }

private:
  RejectSink& inner_;
  const std::string& segment_;
  std::atomic<uint64_t> count_{0};
};

// Rows of the next batch: the user's batch_rows as they are; otherwise as many as fit
// batch_bytes at the width of the rows read so far (the first batch is a small probe), never
// more than batch_rows, or, when the writer gathers batches into transactions of `gather_rows`,
// an equal share of one transaction (so that transactions end on batch boundaries).
class BatchSizer {
public:
  BatchSizer(const LoadOptions& opt, size_t gather_rows)
      : fixed_(opt.batch_rows_chosen), budget_(std::max<size_t>(1, opt.batch_bytes)), gather_(gather_rows),
        cap_(gather_rows ? gather_rows : std::max<size_t>(1, opt.batch_rows)) {
    rows_ = fixed_ ? std::max<size_t>(1, opt.batch_rows) : std::min(cap_, kProbeRows);
  }
  size_t rows() const { return rows_; }
  void saw(const Batch& b) {
    if (fixed_ || b.rows() == 0) return;
    rows_seen_ += b.rows();
    bytes_seen_ += b.data_bytes();
    const size_t width = std::max<size_t>(1, bytes_seen_ / rows_seen_);
    const size_t fit = std::min(std::max(budget_ / width, kMinRows), cap_);
    if (!gather_) {
      rows_ = fit;
      return;
    }
    const size_t parts = (gather_ + fit - 1) / fit;
    rows_ = (gather_ + parts - 1) / parts;
  }

private:
  static constexpr size_t kProbeRows = 2048, kMinRows = 256;
  bool fixed_;
  size_t budget_, gather_, cap_;
  size_t rows_ = 0;
  uint64_t rows_seen_ = 0, bytes_seen_ = 0;
};

// Runs one unit: a reader thread feeds batches through a bounded queue to this thread's writer.
// Each unit has a writer (a target connection) of its own, so segments of one table load in
// parallel, unless the table's writer only commits at finish (Redshift): that one is shared.
void run_unit(const SourceEndpoint& source, TargetEndpoint& target, const LoadUnit& unit, TableState& ts,
              const LoadOptions& opt, std::mutex& stats_mu, std::mutex& open_mu) {
  auto stopped = [&] { return opt.guard && !opt.guard->stop_reason(unit.table).empty(); };
  const bool shared = ts.writer->commits_at_finish();
  std::unique_ptr<TableWriter> own;
  TableWriter* lent = nullptr;  // the table's writer, when this unit is the first to start
  if (!shared) {
    {
      std::lock_guard lock(stats_mu);
      if (!ts.writer_lent) {
        ts.writer_lent = true;
        lent = ts.writer.get();
      }
    }
    if (!lent) {
      std::lock_guard lock(open_mu);  // targets open connections one at a time
      own = target.open_writer(*ts.table, ts.columns);
      if (opt.retry) own->set_retry(*opt.retry);
    }
  }
  TableWriter* unit_writer = lent ? lent : own.get();  // the unit's own (not shared) writer
  TableWriter& writer = shared ? *ts.writer : *unit_writer;
  // Only a writer whose batches are committed as they are written can say a segment is done.
  TaskState* state = shared ? nullptr : opt.state;
  if (state) state->record_start(unit);
  // Rejects go through the table's error policy, and are counted per unit for its state record.
  CountingSink rejects(opt.guard ? opt.guard->data_sink(unit.table, *ts.rejects) : *ts.rejects, unit.segment);
  CountingSink unread(*ts.rejects, unit.segment);  // rows of a stopped table: no data errors
  std::unique_ptr<TableReader> reader = source.open(unit, ts.columns, rejects);
  // Rows the target takes exactly as the source sends them skip decoding and encoding; a source
  // filter reads values, so it keeps them decoded.
  if (const RawRowFormat* raw = reader->raw_format(); raw && !ts.filter && writer.takes_raw(*raw)) reader->pass_raw();
  std::atomic<uint64_t> unit_filtered{0};
  // A target may want larger transactions than the batches (DuckDB: a row group each): its
  // writer gathers batches into them, and batches stay small (batch_bytes) whatever the width
  // of the rows, so memory stays what the options allow.
  const size_t gather_rows = opt.batch_rows_chosen || shared ? 0 : writer.rows_per_commit();
  if (gather_rows) writer.gather(gather_rows);
  BatchSizer sizer(opt, gather_rows);
  const size_t queue_batches = std::max<size_t>(1, opt.queue_batches);
  BoundedQueue<Batch> full(queue_batches);
  BoundedQueue<Batch> empty(queue_batches + 2);
  for (size_t i = 0; i < queue_batches + 2; ++i) {
    Batch b;
    b.columns.resize(ts.columns.size());
    for (size_t c = 0; c < ts.columns.size(); ++c) {
      b.columns[c].kind = ts.columns[c].kind;
      b.columns[c].scale = ts.columns[c].scale;
    }
    empty.push(std::move(b));
  }
  {
    std::lock_guard lock(stats_mu);
    ts.bytes_total += reader->bytes_total();
  }
  std::exception_ptr reader_error;
  std::thread producer([&] {
    try {
      std::vector<uint8_t> keep;
      while (auto b = empty.pop()) {
        if (stopped()) break;  // suspended table or stopped task: read no further
        bool more = reader->next(*b, sizer.rows());
        sizer.saw(*b);
        ts.live_bytes.store(reader->bytes_read());
        if (ts.filter && b->rows() > 0) {
          keep.assign(b->rows(), 1);
          for (size_t r = 0; r < b->rows(); ++r) keep[r] = ts.filter(*b, r) ? 1 : 0;
          uint64_t dropped = b->retain(keep);
          ts.filtered.fetch_add(dropped);
          unit_filtered.fetch_add(dropped);
        }
        if (b->rows() == 0 && more) {
          empty.push(std::move(*b));
          continue;
        }
        if (b->rows() > 0 && !full.push(std::move(*b))) break;
        if (!more) break;
      }
    } catch (...) {
      reader_error = std::current_exception();
    }
    full.close();
  });
  uint64_t loaded = 0;
  std::exception_ptr writer_error;
  try {
    while (auto b = full.pop()) {
      uint64_t n = 0;
      if (stopped()) {
        opt.guard->not_loaded(unit.table, *b, unread, unit.data);  // still accounted for
      } else if (shared) {
        std::lock_guard lock(ts.write_mu);
        n = writer.write(*b, rejects, unit.data);
      } else {
        n = writer.write(*b, rejects, unit.data);
      }
      loaded += n;
      ts.live_rows.fetch_add(b->rows());
      empty.push(std::move(*b));
    }
  } catch (...) {
    writer_error = std::current_exception();
  }
  empty.close();
  full.close();
  producer.join();
  if (unit_writer && !writer_error) {
    try {
      loaded += unit_writer->commit();  // what the writer still holds is read and checked: it is loaded
      if (!reader_error) unit_writer->finish();
    } catch (...) {
      writer_error = std::current_exception();
    }
  }
  if (lent && writer_error) {
    std::lock_guard lock(stats_mu);
    ts.writer_failed = true;
  }
  // A unit cut short by a stopped table is not done: a resume redoes it.
  if (state && !reader_error && !writer_error && !stopped())
    state->record_done(unit, {reader->rows_read(), loaded, rejects.count(), reader->rows_filtered() + unit_filtered.load(),
                              reader->bytes_read()});

  std::lock_guard lock(stats_mu);
  ts.stats.rows_read += reader->rows_read();
  ts.stats.rows_filtered += reader->rows_filtered();
  ts.stats.rows_loaded += loaded;
  ts.stats.bytes_read += reader->bytes_read();
  ts.stats.sources.push_back(unit.data);
  for (auto& n : reader->notes()) ts.stats.notes.push_back(std::move(n));
  for (auto err : {reader_error, writer_error}) {
    if (!err) continue;
    try {
      std::rethrow_exception(err);
    } catch (const std::exception& e) {
      if (!ts.stats.error.empty()) ts.stats.error += "; ";
      ts.stats.error += unit.label + ": " + e.what();
      if (opt.guard) opt.guard->table_error(unit.table, e.what());
    }
  }
}

}  // namespace

uint64_t LoadReport::rows_read() const {
  uint64_t n = 0;
  for (const auto& t : tables) n += t.rows_read;
  return n;
}
uint64_t LoadReport::rows_loaded() const {
  uint64_t n = 0;
  for (const auto& t : tables) n += t.rows_loaded;
  return n;
}
uint64_t LoadReport::rows_rejected() const {
  uint64_t n = 0;
  for (const auto& t : tables) n += t.rows_rejected;
  return n;
}
bool LoadReport::ok() const {
  for (const auto& t : tables)
    if (!t.error.empty() || !t.reconciled()) return false;
  return true;
}

LoadReport run_load(const SourceEndpoint& source, TargetEndpoint& target, const std::vector<LoadUnit>& units,
                    const LoadOptions& opt) {
  auto t0 = Clock::now();
  auto log = [&](const std::string& s) {
    if (opt.log) opt.log(s);
  };
  // Table states in first-seen order.
  std::vector<std::unique_ptr<TableState>> states;
  std::map<std::string, TableState*> by_name;
  struct Work {
    const LoadUnit* unit;
    TableState* state;
  };
  std::vector<Work> work;
  for (const auto& u : units) {
    TableState*& ts = by_name[u.table];
    if (!ts) {
      states.push_back(std::make_unique<TableState>());
      ts = states.back().get();
      ts->stats.table = u.table;
      ts->table = (opt.catalog ? *opt.catalog : source.catalog()).find_table(u.table);
      ts->stats.reject_file = reject_file_path(opt.reject_dir, u.table);
      if (opt.state && opt.state->resuming()) {
        std::set<std::string> finished;
        for (const auto& other : units)
          if (other.table == u.table && opt.state->finished(other)) finished.insert(other.segment);
        ts->rejects = std::make_unique<RejectFile>(ts->stats.reject_file, finished);
      } else {
        ts->rejects = std::make_unique<RejectFile>(ts->stats.reject_file);
      }
      if (auto f = opt.row_filters.find(u.table); f != opt.row_filters.end()) ts->filter = f->second;
    }
    if (u.missing) {  // listed with its reason, also for a table the source has no definition of
      ts->stats.missing.push_back(u.missing_reason);
      continue;
    }
    if (!ts->table) {
      ts->stats.error = "table " + u.table + " is not in the source catalog";
      continue;
    }
    if (const SegmentCounts* c = opt.state ? opt.state->finished(u) : nullptr) {
      ts->stats.rows_read += c->read;
      ts->stats.rows_loaded += c->loaded;
      ts->stats.rows_filtered += c->filtered;
      ts->stats.bytes_read += c->bytes;
      ts->prior_rejected += c->rejected;
      ts->stats.sources.push_back(u.data + " (finished earlier)");
      ++ts->stats.segments_skipped;
      log("skipping " + u.label + ": finished by an earlier run");
      continue;
    }
    work.push_back({&u, ts});
  }
  // Open one writer per table up front (sequentially: targets create their own connections).
  for (auto& ts : states) {
    if (!ts->table || !ts->stats.error.empty()) continue;
    bool has_work = false;
    for (const auto& w : work) has_work |= w.state == ts.get();
    if (!has_work) continue;
    ts->columns = load_columns_for(*ts->table);
    try {
      ts->writer = target.open_writer(*ts->table, ts->columns);
      if (opt.retry) ts->writer->set_retry(*opt.retry);
      if (opt.tables_created) ts->writer->bulk_load(true);
    } catch (const std::exception& e) {
      ts->stats.error = e.what();
      if (opt.guard) opt.guard->table_error(ts->stats.table, e.what());
    }
  }

  std::mutex stats_mu, open_mu;
  std::atomic<size_t> next{0};
  std::atomic<bool> done{false};
  Progress progress(opt.progress);
  std::thread ticker;
  if (opt.progress) {
    ticker = std::thread([&] {
      while (!done.load()) {
        std::vector<ProgressRow> rows;
        for (auto& ts : states) {
          if (!ts->writer) continue;
          rows.push_back({ts->stats.table, ts->live_rows.load(), ts->live_bytes.load(), ts->bytes_total,
                          ts->started_set ? seconds_since(ts->started) : 0.0});
        }
        progress.draw(rows);
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
      }
      progress.clear();
    });
  }
  auto worker = [&] {
    for (;;) {
      size_t i = next.fetch_add(1);
      if (i >= work.size()) return;
      Work& w = work[i];
      if (!w.state->writer) continue;
      if (opt.guard && !opt.guard->stop_reason(w.unit->table).empty()) continue;  // its rows are not read
      {
        std::lock_guard lock(stats_mu);
        if (!w.state->started_set) {
          w.state->started = Clock::now();
          w.state->started_set = true;
          w.state->stats.start_time = utc_now_iso();
        }
      }
      log("loading " + w.unit->label);
      try {
        run_unit(source, target, *w.unit, *w.state, opt, stats_mu, open_mu);
      } catch (const std::exception& e) {  // the unit could not start (writer, reader, state file)
        std::lock_guard lock(stats_mu);
        if (!w.state->stats.error.empty()) w.state->stats.error += "; ";
        w.state->stats.error += w.unit->label + ": " + e.what();
      }
      std::lock_guard lock(stats_mu);
      // Wall time from the table's first segment start to its last segment end: segments of
      // a table overlap, so summing them would understate its rows/s.
      w.state->stats.seconds = std::max(w.state->stats.seconds, seconds_since(w.state->started));
      w.state->stats.end_time = utc_now_iso();
    }
  };
  std::vector<std::thread> pool;
  size_t n_threads = std::max<size_t>(1, std::min(opt.parallel, work.size()));
  for (size_t i = 0; i < n_threads; ++i) pool.emplace_back(worker);
  for (auto& t : pool) t.join();
  for (auto& ts : states) {
    if (!ts->writer) continue;
    if (!ts->writer_failed) {
      try {
        ts->writer->finish();
      } catch (const std::exception& e) {
        ts->stats.error += std::string(ts->stats.error.empty() ? "" : "; ") + e.what();
        if (ts->writer->commits_at_finish()) ts->stats.rows_loaded = 0;  // nothing reached the target
      }
    }
    if (opt.tables_created)
      if (std::string left = ts->writer->bulk_load(false); !left.empty()) ts->stats.notes.push_back(left);
  }
  done.store(true);
  if (ticker.joinable()) ticker.join();

  LoadReport report;
  for (auto& ts : states) {
    TableLoadStats s = ts->stats;
    s.rows_rejected = ts->rejects->count() + ts->prior_rejected;
    s.rows_filtered += ts->filtered.load();
    if (s.rows_rejected == 0) s.reject_file.clear();
    if (!s.error.empty()) s.state = "error";
    else if (!s.reconciled()) {
      s.state = "error";
      s.error = fmt::format("row accounting mismatch: read {} != loaded {} + rejected {} + filtered {}", s.rows_read,
                            s.rows_loaded, s.rows_rejected, s.rows_filtered);
    } else if (s.sources.empty() && !s.missing.empty()) s.state = "missing data";
    else if (s.rows_rejected) s.state = "completed with rejects";
    else s.state = s.missing.empty() ? "completed" : "completed, some data missing";
    log(fmt::format("{}: {} ({} read, {} loaded, {} rejected)", s.table, s.state, s.rows_read, s.rows_loaded,
                    s.rows_rejected));
    report.tables.push_back(std::move(s));
  }
  report.seconds = seconds_since(t0);
  return report;
}

std::string format_load_summary(const LoadReport& r) {
  std::string out = fmt::format("{:>28} {:>10} {:>10} {:>9} {:>9} {:>9} {:>11}  {}\n", "table", "read", "loaded",
                                "rejected", "filtered", "seconds", "rows/s", "state");
  out += std::string(28, '-') + " " + std::string(10, '-') + " " + std::string(10, '-') + " " + std::string(9, '-') +
         " " + std::string(9, '-') + " " + std::string(9, '-') + " " + std::string(11, '-') + "  " + std::string(12, '-') + "\n";
  for (const auto& t : r.tables) {
    double rate = t.seconds > 0 ? t.rows_loaded / t.seconds : 0;
    out += fmt::format("{:>28} {:>10} {:>10} {:>9} {:>9} {:>9.2f} {:>11.0f}  {}\n", t.table, t.rows_read, t.rows_loaded,
                       t.rows_rejected, t.rows_filtered, t.seconds, rate, t.state);
  }
  double rate = r.seconds > 0 ? r.rows_loaded() / r.seconds : 0;
  out += fmt::format("{:>28} {:>10} {:>10} {:>9} {:>9} {:>9.2f} {:>11.0f}\n", "total", r.rows_read(), r.rows_loaded(),
                     r.rows_rejected(), "", r.seconds, rate);
  for (const auto& t : r.tables) {
    for (const auto& m : t.missing) out += "  " + t.table + ": missing data: " + m + "\n";
    for (const auto& n : t.notes) out += "  " + t.table + ": note: " + n + "\n";
    if (!t.reject_file.empty()) out += "  " + t.table + ": " + std::to_string(t.rows_rejected) + " rejected → " + t.reject_file + "\n";
    if (!t.error.empty()) out += "  " + t.table + ": ERROR " + t.error + "\n";
  }
  return out;
}

}  // namespace orashift
