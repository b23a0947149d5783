#include "endpoints/redshift/part_writer.h"

#include <fmt/format.h>

#include <filesystem>

namespace orashift::redshift {

PartWriter::PartWriter(std::string dir, Compression compression, uint64_t max_csv_bytes, int level)
    : dir_(std::move(dir)), compression_(compression), max_(max_csv_bytes ? max_csv_bytes : 1), level_(level) {
  std::filesystem::create_directories(dir_);
}

PartWriter::~PartWriter() = default;

void PartWriter::open_part() {
  StagedPart p;
  p.name = fmt::format("part-{:05}.csv{}", parts_.size(), compression_suffix(compression_));
  p.path = (std::filesystem::path(dir_) / p.name).string();
  out_ = open_compressor(compression_, p.path, level_, max_);
  parts_.push_back(std::move(p));
}

void PartWriter::close_part() {
  if (!out_) return;
  parts_.back().file_bytes = out_->finish();
  out_.reset();
  if (on_close_) on_close_(parts_.back());
}

void PartWriter::add_rows(std::string_view rows, const std::vector<size_t>& ends) {
  size_t i = 0, from = 0;
  while (i < ends.size()) {
    if (!out_) open_part();
    StagedPart& p = parts_.back();
    // The longest run of rows that still fits; at least one row into an empty part.
    size_t j = i, to = from;
    while (j < ends.size() && (p.csv_bytes + (ends[j] - from) <= max_ || (p.rows == 0 && j == i))) to = ends[j++];
    if (j > i) {
      out_->write(rows.substr(from, to - from));
      p.rows += j - i;
      p.csv_bytes += to - from;
    }
    i = j;
    from = to;
    if (i < ends.size()) close_part();
  }
}

const std::vector<StagedPart>& PartWriter::finish() {
  close_part();
  return parts_;
}

}  // namespace orashift::redshift
