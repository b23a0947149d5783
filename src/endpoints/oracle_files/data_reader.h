#pragma once
// Streams a delimited SQL*Loader data file into batches, following one INTO TABLE clause of a
// control file: physical records (lines, LF or CRLF) are joined into logical records
// (CONCATENATE / CONTINUEIF), fields are split and trimmed the way SQL*Loader's default LDRTRIM
// does, LOBFILE values are read from their secondary files, values are converted and checked
// like Oracle's INSERT, and every record ends up loaded, rejected (with file, line and an
// ORA-style reason) or filtered (WHEN, all-NULL, SKIP). With several INTO TABLE clauses, one
// reader per clause reads the same file; each routes every record the same way (a record goes
// to every clause whose WHEN it meets), counts only its own records, and the reader of the
// first clause counts the records no clause takes as filtered, so each record is accounted for
// once per table it goes to. See docs/sources.md for the exact rules.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "endpoints/oracle_files/control_file.h"
#include "load/endpoint.h"

namespace orashift {

struct DataSource {
  std::string path;            // shown in rejects; read from disk unless `text` is set
  std::optional<std::string> text;  // in-memory data (BEGINDATA, tests)
  uint64_t offset = 0;         // first byte to read (BEGINDATA)
  uint64_t first_line = 1;     // line number of that byte
  uint64_t end = 0;            // byte after the last to read (0: end of file); a LineRange's end
  size_t chunk_bytes = 4u << 20;
  // Per INTO TABLE clause: why it cannot be loaded ("" = it can). The first clause's reader
  // counts the records only such clauses take as filtered, with a note, so none goes unseen.
  std::vector<std::string> clause_not_loaded;
};

class DelimitedReader final : public TableReader {
public:
  // Checks the control file against the table and the requested columns. On any mismatch
  // (a field that is not a column, an unknown bind variable, ...) adds located errors to
  // `diags` and returns null: such a control file must not load half-right data.
  // `clause`: which INTO TABLE clause this reader loads (its table is `table`).
  static std::unique_ptr<DelimitedReader> create(const ControlFile& ctl, const Table& table,
                                                 const std::vector<LoadColumn>& columns, DataSource source,
                                                 RejectSink& rejects, Diagnostics& diags, size_t clause = 0);
  ~DelimitedReader() override;

  bool next(Batch& batch, size_t max_rows) override;
  uint64_t rows_read() const override;
  uint64_t rows_filtered() const override;
  uint64_t rows_rejected() const;
  uint64_t bytes_read() const override;
  uint64_t bytes_total() const override;
  std::vector<std::string> notes() const override;

  struct Impl;

private:
  explicit DelimitedReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace orashift
