#pragma once
// The full-load engine, first cut: load units run in parallel; each is a reader thread filling
// typed batches into a bounded queue and a writer draining it. Every row ends up loaded,
// rejected (with a reject record) or filtered, and the counts are reconciled per table.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/progress.h"
#include "load/endpoint.h"
#include "load/load_guard.h"
#include "load/retry_policy.h"
#include "load/task_state.h"

namespace orashift {

struct LoadOptions {
  size_t parallel = 2;          // load units in flight
  size_t batch_rows = 16384;    // rows per batch (at most)
  // The user chose batch_rows (CommitRate, --batch-rows): every batch is read and committed at
  // that size, whatever the target's TableWriter::rows_per_commit (it also sets how soon a
  // SUSPEND_TABLE or STOP_TASK stops reading).
  bool batch_rows_chosen = false;
  // Otherwise batches also stop near this many bytes of values (the width of the rows read so
  // far decides the rows of the next batch), so wide rows do not multiply the memory a unit
  // holds; a target with a rows_per_commit gathers such batches into one transaction.
  size_t batch_bytes = size_t(4) << 20;
  size_t queue_batches = 4;     // batches buffered between a reader and its writer
  std::string reject_dir;       // where <table>.rejects.jsonl files go
  // The converted model the target tables were created from (refined types); the source's
  // catalog when null.
  const Catalog* catalog = nullptr;
  // Source filters per table (DMS selection-rule filters): rows for which the function returns
  // false are counted as filtered, not loaded. Batches are typed as load_columns_for(table).
  std::map<std::string, std::function<bool(const Batch&, size_t)>> row_filters;
  // The error policies (DMS ErrorBehavior): rejects go through it, and a table it stops reads
  // and writes no further rows. Null: every reject is logged and loading goes on.
  LoadGuard* guard = nullptr;
  // Resumable loads: segments the state records as finished are skipped (their counts come
  // from the state); every other one is recorded when it starts and when it is committed.
  // Reject files are appended to when resuming.
  TaskState* state = nullptr;
  // Dropped target connections (writers that have one).
  const RetryPolicy* retry = nullptr;
  // The task created the target tables (DROP_AND_CREATE, migrate): their writers may pause the
  // target's background maintenance while they load (TableWriter::bulk_load).
  bool tables_created = false;
  Progress::Sink progress;      // live progress lines (a terminal); empty: none
  std::function<void(const std::string&)> log;  // plain log lines (never prints secrets)
};

struct TableLoadStats {
  std::string table;
  std::string state = "pending";  // completed, completed with rejects, missing data, error
  uint64_t rows_read = 0, rows_loaded = 0, rows_rejected = 0, rows_filtered = 0;
  uint64_t bytes_read = 0;
  double seconds = 0;
  std::string start_time, end_time;   // UTC, ISO 8601 (DMS's FullLoadStartTime/EndTime)
  std::vector<std::string> sources;   // data files (segments) loaded
  size_t segments_skipped = 0;        // finished by an earlier run (resume)
  std::vector<std::string> missing;   // data the source names but does not have
  std::vector<std::string> notes;     // values of loaded rows not loaded as they were (TableReader::notes)
  std::string reject_file;
  std::string error;
  bool reconciled() const { return rows_read == rows_loaded + rows_rejected + rows_filtered; }
};

struct LoadReport {
  std::vector<TableLoadStats> tables;  // in load order
  double seconds = 0;
  uint64_t rows_read() const;
  uint64_t rows_loaded() const;
  uint64_t rows_rejected() const;
  bool ok() const;  // every table loaded (or missing), no errors, all reconciled
};

LoadReport run_load(const SourceEndpoint& source, TargetEndpoint& target, const std::vector<LoadUnit>& units,
                    const LoadOptions& options);

// pgloader-style summary table.
std::string format_load_summary(const LoadReport& report);

}  // namespace orashift
