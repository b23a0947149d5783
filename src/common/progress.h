#pragma once
// A live progress display for terminals: one line per running table, redrawn in place. The
// text (with its cursor movements) goes to a sink the CLI gives, so nothing below the CLI
// writes to the terminal itself.
#include <cstdint>
#include <functional>
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
  using Sink = std::function<void(const std::string&)>;
  // An empty sink: no display.
  explicit Progress(Sink sink) : sink_(std::move(sink)) {}
  void draw(const std::vector<ProgressRow>& rows);
  void clear();

private:
  Sink sink_;
  size_t lines_drawn_ = 0;
};

}  // namespace orashift
