#pragma once
// A live progress display for terminals: one line per running table, redrawn in place.
#include <cstdint>
#include <string>
#include <vector>

namespace orashift {

struct ProgressRow {
  std::string name;
  uint64_t rows = 0;
  uint64_t bytes = 0;
  uint64_t bytes_total = 0;  // 0 = unknown
  double seconds = 0;
};

class Progress {
public:
  explicit Progress(bool enabled) : enabled_(enabled) {}
  void draw(const std::vector<ProgressRow>& rows);
  void clear();

private:
  bool enabled_;
  size_t lines_drawn_ = 0;
};

}  // namespace orashift
