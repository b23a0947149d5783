#pragma once
// Bounds the cache of written table blocks in a DuckDB file database while writers load it.
// DuckDB keeps every block it writes in its buffer pool until memory_limit (80 % of RAM by
// default) forces it out, so a load's RSS grows with the table written (the BASE_TABLE tag of
// duckdb_memory(): 195 MB of a 250 MB peak growth at SH scale 10; DuckDB's own COPY grows alike).
// A fixed low memory_limit would also cap what cannot be evicted, the ART indexes of keys (a
// 20,000,000-row PRIMARY KEY fails with "Out of Memory" at 100 MB), so the limit follows them:
// after each commit it is set to what DuckDB holds besides the table blocks plus kCacheBytes.
// The default limit is restored when the last writer closes.
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

  void writer_opened() {
    std::lock_guard<std::mutex> lock(mutex_);
    ++writers_;
  }

  void writer_closed(duckdb_connection conn) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (--writers_ > 0 || !limit_) return;
    run(conn, "RESET memory_limit");
    limit_ = 0;
  }

  void after_commit(duckdb_connection conn) {
    std::lock_guard<std::mutex> lock(mutex_);
    duckdb_result result;
    const char* sql =
        "SELECT coalesce(sum(memory_usage_bytes) FILTER (WHERE tag <> 'BASE_TABLE'), 0)::UBIGINT FROM duckdb_memory()";
    if (duckdb_query(conn, sql, &result) == DuckDBError) {
      duckdb_destroy_result(&result);
      return;  // no bound is no worse than DuckDB's default
    }
    char* text = duckdb_value_varchar(&result, 0, 0);
    const uint64_t others = text ? std::strtoull(text, nullptr, 10) : 0;
    duckdb_free(text);
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
  int writers_ = 0;
  uint64_t limit_ = 0;  // the limit last set; 0: DuckDB's default
};

}  // namespace orashift
