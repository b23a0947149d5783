#pragma once
// Physical records (lines) of a data file, read in large chunks so that a record costs one
// memchr and no allocation. Lines end at LF; a CR before it is dropped (CRLF files).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace orashift {

// The whole file in one allocation (no stream copies): scripts can be large INSERT scripts.
std::string read_file_text(const std::string& path);

class LineSource {
public:
  // Reads `path` from byte `offset` up to byte `end` (0: the end of the file; a range of
  // line_ranges.h ends after a '\n'); `error` is set when the file cannot be opened.
  LineSource(const std::string& path, uint64_t offset, size_t chunk_bytes, std::string& error, uint64_t end = 0);
  // Reads lines from memory (the text must outlive the source).
  LineSource(std::string_view text, uint64_t offset);
  ~LineSource();
  LineSource(const LineSource&) = delete;
  LineSource& operator=(const LineSource&) = delete;

  // The next line without its terminator; valid until the next call. False at end of data.
  bool next(std::string_view& line);
  uint64_t bytes_read() const { return consumed_; }
  uint64_t bytes_total() const { return total_; }

private:
  bool fill();
  int fd_ = -1;
  std::vector<char> buf_;
  size_t head_ = 0, tail_ = 0;
  bool eof_ = false;
  uint64_t consumed_ = 0, total_ = 0;
  uint64_t unread_ = UINT64_MAX;  // bytes of the range not yet read into buf_ (a whole file: no limit)
};

}  // namespace orashift
