#pragma once
// Bounds the cache of written table blocks in a DuckDB file database while writers load it.
// DuckDB keeps every block it writes in its buffer pool until memory_limit (80 % of RAM by
// default) forces it out, so a load's RSS grows with the table written (the BASE_TABLE tag of
// duckdb_memory(): 195 MB of a 250 MB peak growth at SH scale 10; DuckDB's own COPY grows alike).
// A fixed low memory_limit would also cap what cannot be evicted, the ART indexes of keys (a
// 20,000,000-row PRIMARY KEY fails with "Out of Memory" at 100 MB), so the limit follows them:
// after each commit it is set to what DuckDB holds besides the table blocks plus kCacheBytes.
// The default limit is restored when the last writer closes.
//
// It also checkpoints what concurrent writers commit. Rows committed in transactions smaller
// than DuckDB writes straight to the file stay in memory (IN_MEMORY_TABLE of duckdb_memory())
// until a checkpoint, and DuckDB checkpoints only when no transaction is running, which with two
// writers taking turns is never: 163 MB of CUSTOMERS (a key, so one row group per transaction)
// at SH scale 10, most of the peak RSS. When that memory passes kCheckpointBytes and two writers
// are loading (begun and not finished: a load opens every unit's writer up front), they start
// no new transaction until the last open one has ended, which then runs CHECKPOINT.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <string>

#include "endpoints/duckdb/duckdb_api.h"

namespace orashift {

class DuckDbBlockCache {
public:
  static constexpr uint64_t kCacheBytes = uint64_t(64) << 20;
  // Set again only when the wanted limit moved by this much (a SET evicts, so not every commit).
  static constexpr uint64_t kStepBytes = uint64_t(16) << 20;
  static constexpr uint64_t kCheckpointBytes = uint64_t(32) << 20;
  // A writer whose transaction stays open (an error path) must not stop the others for good.
  // After such a wait, no checkpoint is wanted until another kCheckpointBytes were committed.
  static constexpr std::chrono::seconds kCheckpointWait{2};

  void writer_opened() {
    std::lock_guard<std::mutex> lock(mutex_);
    ++writers_;
  }

  // A writer loads from its first transaction until its unit finishes. A load opens the writers
  // of all its units up front and runs --parallel of them at a time: those are the ones counted.
  void writer_finished(bool started) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (started && loading_ > 0) --loading_;
  }

  // Before a writer's BEGIN: waits while a checkpoint is wanted (at most kCheckpointWait).
  // `first`: the writer's first transaction.
  void before_begin(bool first) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (first) ++loading_;
    if (checkpoint_wanted_ && !changed_.wait_for(lock, kCheckpointWait, [&] { return !checkpoint_wanted_; })) {
      checkpoint_wanted_ = false;
      retry_above_ = uncheckpointed_ + kCheckpointBytes;
      changed_.notify_all();
    }
    ++open_;
  }

  // After a writer's transaction ended (committed or rolled back), on its connection: the last
  // open one runs the wanted checkpoint.
  void transaction_ended(duckdb_connection conn) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (open_ > 0) --open_;
    if (!checkpoint_wanted_ || open_ > 0) return;
    // Refused while another connection is in a transaction: wanted again at a later commit.
    if (run(conn, "CHECKPOINT")) retry_above_ = 0;
    checkpoint_wanted_ = false;
    changed_.notify_all();
  }

  void writer_closed(duckdb_connection conn, bool in_transaction, bool loading) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (loading && loading_ > 0) --loading_;
    if (in_transaction && open_ > 0) --open_;
    if (open_ == 0 && checkpoint_wanted_) {
      checkpoint_wanted_ = false;
      changed_.notify_all();
    }
    if (--writers_ > 0 || !limit_) return;
    run(conn, "RESET memory_limit");
    limit_ = 0;
  }

  void after_commit(duckdb_connection conn) {
    std::lock_guard<std::mutex> lock(mutex_);
    duckdb_result result;
    const char* sql =
        "SELECT coalesce(sum(memory_usage_bytes) FILTER (WHERE tag <> 'BASE_TABLE'), 0)::UBIGINT, "
        "coalesce(sum(memory_usage_bytes) FILTER (WHERE tag = 'IN_MEMORY_TABLE'), 0)::UBIGINT FROM duckdb_memory()";
    if (duckdb_query(conn, sql, &result) == DuckDBError) {
      duckdb_destroy_result(&result);
      return;  // no bound is no worse than DuckDB's default
    }
    char* text = duckdb_value_varchar(&result, 0, 0);
    const uint64_t others = text ? std::strtoull(text, nullptr, 10) : 0;
    duckdb_free(text);
    text = duckdb_value_varchar(&result, 1, 0);
    const uint64_t uncheckpointed = text ? std::strtoull(text, nullptr, 10) : 0;
    duckdb_free(text);
    uncheckpointed_ = uncheckpointed;
    // Two writers only (migrate's default --parallel 2): one writer needs no help (DuckDB
    // checkpoints between its transactions), and waiting for every transaction of more writers
    // to end cost more than it saved (the 8 units of a scale-10 `load`: 9.2 s → 11.9 s).
    if (uncheckpointed > std::max(kCheckpointBytes, retry_above_) && loading_ == 2) checkpoint_wanted_ = true;
    duckdb_destroy_result(&result);
    const uint64_t want = others + kCacheBytes;
    if (limit_ && (want > limit_ ? want - limit_ : limit_ - want) < kStepBytes) return;
    // A limit DuckDB cannot reach at once (everything pinned) is refused: keep the last one.
    if (run(conn, "SET memory_limit = '" + std::to_string(want >> 10) + "KiB'")) limit_ = want;
  }

private:
  static bool run(duckdb_connection conn, const std::string& sql) {
    duckdb_result result;
    const bool ok = duckdb_query(conn, sql.c_str(), &result) != DuckDBError;
    duckdb_destroy_result(&result);
    return ok;
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  int writers_ = 0;  // open
  int loading_ = 0;  // between their first transaction and the end of their unit
  int open_ = 0;  // writers' transactions running
  bool checkpoint_wanted_ = false;
  uint64_t uncheckpointed_ = 0;  // IN_MEMORY_TABLE bytes at the last commit
  uint64_t retry_above_ = 0;
  uint64_t limit_ = 0;  // the limit last set; 0: DuckDB's default
};

}  // namespace orashift
