#pragma once
// Rolls a table's CSV rows into compressed parts of at most `max_csv_bytes` uncompressed each
// (DMS's MaxFileSize), streaming: only the part being written is open, and only through the
// compressor's small buffers. A row is never split; a single row larger than the limit gets a
// part of its own.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "endpoints/redshift/compressor.h"

namespace orashift::redshift {

struct StagedPart {
  std::string name;  // "part-00000.csv.gz"
  std::string path;  // local file
  uint64_t rows = 0;
  uint64_t csv_bytes = 0;   // uncompressed
  uint64_t file_bytes = 0;  // as staged (compressed): the manifest's content_length
};

class PartWriter {
public:
  PartWriter(std::string dir, Compression compression, uint64_t max_csv_bytes, int level = 0);
  ~PartWriter();

  // `rows` holds whole CSV rows; `ends[i]` is the end offset of row i in it.
  void add_rows(std::string_view rows, const std::vector<size_t>& ends);
  // Closes the open part. Returns every part written, in order.
  const std::vector<StagedPart>& finish();
  const std::vector<StagedPart>& parts() const { return parts_; }
  // Called with each part as soon as it is complete on disk (e.g. to start its upload).
  void on_part_closed(std::function<void(const StagedPart&)> f) { on_close_ = std::move(f); }

private:
  void open_part();
  void close_part();

  std::string dir_;
  Compression compression_;
  uint64_t max_;
  int level_;
  std::unique_ptr<FileCompressor> out_;
  std::vector<StagedPart> parts_;
  std::function<void(const StagedPart&)> on_close_;
};

}  // namespace orashift::redshift
