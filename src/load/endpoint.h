#pragma once
// The interfaces the load engine drives. Sources produce batches per load unit; targets take
// DDL and batches. Everything a row can suffer on the way is reported through RejectSink.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "catalog/catalog.h"
#include "load/batch.h"

namespace orashift {

// How one column travels: its name in the catalog, its kind in batches.
struct LoadColumn {
  std::string name;
  ValueKind kind = ValueKind::Text;
  int scale = 0;
  const Column* column = nullptr;  // the catalog column (type, nullability) it fills
};

// Decides the batch kind for an Oracle column type.
LoadColumn load_column_for(const Column& column);
std::vector<LoadColumn> load_columns_for(const Table& table);

// A row that could not be loaded, with where it came from and why.
struct Reject {
  std::string table;
  std::string source;   // "path/to/file.dat"
  uint64_t line = 0;    // 1-based line (record) number in that file, 0 if not applicable
  std::string reason;
  std::string record;   // the raw record text as read
  std::string segment = {};  // the load unit's segment id (set by the engine; lets a resume drop a redone segment's records)
};

class RejectSink {
public:
  virtual ~RejectSink() = default;
  virtual void reject(Reject r) = 0;
};

// One stream of rows for one table: a data file, a partition, a key range.
struct LoadUnit {
  std::string table;    // catalog table name
  std::string label;    // what the user sees: "sales (sale1v3.dat)"
  std::string control;  // e.g. the SQL*Loader control file
  std::string data;     // e.g. the data file
  bool missing = false; // the data the source says should exist is not there
  std::string missing_reason;
  // A segment of the table (src/load/segments.h; only sources with can_segment()):
  std::string segment;      // id, stable across runs of one task ("" = the whole table)
  std::string where;        // condition on the source's columns ("" = every row)
  std::string relation;     // partition (child table) to read instead of the table ("" = the table)
  // The same rows as a condition on the target table, so a segment redone after a crash can
  // first delete what it left there; "" with a segment id means it cannot be expressed.
  std::string target_where;
  // A byte range of the data file, so that one large file is read by several threads
  // (SourceEndpoint::split_unit); range_end 0 = the whole file.
  uint64_t range_begin = 0, range_end = 0;
  uint64_t range_first_line = 1;  // line number of the byte at range_begin
  size_t clause = 0;  // SQL*Loader: which INTO TABLE clause of the control file this unit loads
  bool whole_table() const { return where.empty() && relation.empty(); }
};

class TableReader {
public:
  virtual ~TableReader() = default;
  // Clears `batch` and fills it with up to `max_rows` rows. Returns false at end of data.
  virtual bool next(Batch& batch, size_t max_rows) = 0;
  // Rows read from the source so far (loaded + rejected + filtered, as the source sees them).
  virtual uint64_t rows_read() const = 0;
  virtual uint64_t rows_filtered() const { return 0; }
  virtual uint64_t bytes_read() const { return 0; }
  // Best estimate of total bytes, for progress (0 when unknown).
  virtual uint64_t bytes_total() const { return 0; }
  // The undecoded form this reader could hand its rows over in (batch.h), or nullptr. After
  // pass_raw(), next() fills batch.raw instead of the columns: only for a writer that takes it.
  virtual const RawRowFormat* raw_format() const { return nullptr; }
  virtual void pass_raw() {}
  // What happened to single values of loaded rows that the user must know about (a secondary
  // file not found, a value the target cannot hold): one line per cause, with counts. Read
  // once the reader is done; shown with the table in the load summary.
  virtual std::vector<std::string> notes() const { return {}; }
};

// A tiny result set for verification queries: rows of text cells (NULL as nullopt).
struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<std::optional<std::string>>> rows;
};

class SourceEndpoint {
public:
  virtual ~SourceEndpoint() = default;
  virtual std::string describe() const = 0;
  virtual const Catalog& catalog() const = 0;
  // Diagnostics found while reading metadata (DDL parse errors, bad control files).
  virtual const Diagnostics& diagnostics() const = 0;
  virtual std::vector<LoadUnit> units() const = 0;
  // Rows per table as far as the source knows them without a full read (statistics, file
  // sampling); tables it cannot estimate are absent. Feeds the physical design advisor and
  // progress.
  virtual std::map<std::string, uint64_t> row_estimates() const { return {}; }
  // When the catalog is empty: what the source looked for and what it found instead, for the
  // error that stops migrate/load/convert ("" when the source has nothing to add to describe()).
  virtual std::string inventory() const { return ""; }
  virtual std::unique_ptr<TableReader> open(const LoadUnit& unit, const std::vector<LoadColumn>& columns,
                                            RejectSink& rejects) const = 0;
  // A database source that reads several schemas of its own (PostgreSQL): the schemas that have
  // a table, as the source spells them. Its catalog's tables carry their schema, and one table
  // name may be in several, so load, migrate and validate work one schema at a time through
  // only_schema(). Empty: the catalog is one schema (files, SQLite), as it always was.
  virtual std::vector<std::string> schemas() const { return {}; }
  // The same source seeing only `schema` (one of schemas()): its table names are unique again.
  virtual std::unique_ptr<SourceEndpoint> only_schema(const std::string& /*schema*/) const { return nullptr; }
  // SQL the source can run where the data is (validation checksums, so rows are not shipped):
  // its dialect ("postgres"), or "" when it cannot and validation streams open() instead.
  virtual std::string query_dialect() const { return ""; }
  virtual QueryResult query(const std::string& /*sql*/) const {
    throw std::logic_error(describe() + " cannot run SQL");
  }
  // True when open() honours LoadUnit::where and ::relation (segmented loads).
  virtual bool can_segment() const { return false; }
  // Splits a unit that reads one large data file into units of byte ranges starting at record
  // boundaries, each read by a thread of its own with exact line numbers, about `piece_bytes`
  // each and at least `min_pieces` when the file is large enough for pieces of
  // `min_piece_bytes`. Returns {unit} when the unit cannot be split (or need not be).
  virtual std::vector<LoadUnit> split_unit(const LoadUnit& unit, size_t /*min_pieces*/, uint64_t /*min_piece_bytes*/,
                                           uint64_t /*piece_bytes*/) const {
    return {unit};
  }
  // True when reading the rows is how this source learns what its columns hold (files: there
  // is no dictionary to ask), so types from evidence profile it with open() (load/evidence_scan.h).
  virtual bool profiles_by_scan() const { return false; }
  // MIN and MAX of an integer column (automatic key-range segments); nullopt when unknown
  // or the table is empty.
  virtual std::optional<std::pair<int64_t, int64_t>> key_bounds(const std::string& /*table*/,
                                                                const std::string& /*column*/) const {
    return std::nullopt;
  }
};

struct RetryPolicy;

class TableWriter {
public:
  virtual ~TableWriter() = default;
  // Writes every row of the batch, or rejects the ones the target refuses (returning how many
  // were written). Must not lose a row silently.
  virtual uint64_t write(const Batch& batch, RejectSink& rejects, const std::string& source) = 0;
  virtual void finish() = 0;
  // True when rows only become durable in finish() (Redshift's COPY of the staged files): if
  // finish() fails, none of the rows write() accepted is in the target.
  virtual bool commits_at_finish() const { return false; }
  // Rows per transaction below which this target pays more per transaction than per row
  // (DuckDB: one smaller than a row group is written twice, to the WAL and again by the
  // checkpoint); 0 = no such size. The engine then reads small batches (bounded in bytes, so
  // memory does not grow with the row width) and has the writer gather them (gather()).
  virtual size_t rows_per_commit() const { return 0; }
  // From now on write() may keep the rows of several batches in one open transaction, committed
  // when `rows` are held (0: every write() commits its batch, the default). write() then returns
  // the rows it committed, of this batch and of earlier ones; commit() commits what is still
  // held. A transaction the target refuses is redone batch by batch, bisected down to the
  // refused rows (load/bisect.h), which are rejected with their own batch's source and sink:
  // the rejects are the same as with one batch per transaction. The writer keeps a copy of the
  // rows it holds until they are committed.
  virtual void gather(size_t /*rows*/) {}
  // Commits the rows gathered by earlier write() calls; returns how many of them were loaded
  // (the others were rejected). finish() commits them too, without counting.
  virtual uint64_t commit() { return 0; }
  // How to retry when the connection to the target drops (DMS RecoverableError* settings);
  // writers without a connection to lose ignore it. The policy outlives the writer.
  virtual void set_retry(const RetryPolicy& /*policy*/) {}
  // Whether write() takes batches whose rows are in `format` (batch.h) as they are: the same
  // encoding and, column by column, the very types of the target table.
  virtual bool takes_raw(const RawRowFormat& /*format*/) const { return false; }
  // A table the task created is being filled (true) or is full (false): a target may pause its
  // background maintenance meanwhile. Returns what the user must know when it could not undo
  // the pause ("" otherwise).
  virtual std::string bulk_load(bool /*loading*/) { return ""; }
};

class TargetEndpoint {
public:
  virtual ~TargetEndpoint() = default;
  virtual std::string describe() const = 0;  // never contains a password
  virtual std::string dialect() const = 0;   // "duckdb", "postgres", "redshift"
  virtual void execute(const std::string& sql) = 0;
  virtual QueryResult query(const std::string& sql) = 0;
  virtual std::unique_ptr<TableWriter> open_writer(const Table& table, const std::vector<LoadColumn>& columns) = 0;
  // TargetMetadata.TargetSchema: creates `schema` when missing and makes it where every later
  // unqualified name resolves, on this connection and on every writer's (so DDL, COPY, resume
  // deletes and validation all work in it). Called once, before anything else.
  virtual void use_schema(const std::string& schema) = 0;
};

}  // namespace orashift
