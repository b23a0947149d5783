#include "common/progress.h"

#include <fmt/format.h>

#include <algorithm>

namespace orashift {

void Progress::draw(const std::vector<ProgressRow>& rows) {
  if (!sink_) return;
  std::string out;
  if (lines_drawn_) out += fmt::format("\x1b[{}A", lines_drawn_);  // back to the first line
  for (const auto& r : rows) {
    double rate = r.seconds > 0 ? r.rows / r.seconds : 0;
    std::string pct = "   ?%", eta = "";
    if (r.bytes_total) {
      double f = std::min(1.0, static_cast<double>(r.bytes) / r.bytes_total);
      pct = fmt::format("{:4.0f}%", f * 100);
      if (f > 0.01 && f < 1 && r.seconds > 0) eta = fmt::format(" ETA {:.0f}s", r.seconds * (1 - f) / f);
    }
    int filled = r.bytes_total ? static_cast<int>(20.0 * std::min<uint64_t>(r.bytes, r.bytes_total) / r.bytes_total) : 0;
    out += fmt::format("\x1b[2K{:>24} [{}{}] {} {:>11} rows {:>10.0f} rows/s{}\n", r.name, std::string(filled, '#'),
                       std::string(20 - filled, '.'), pct, r.rows, rate, eta);
  }
  lines_drawn_ = rows.size();
  sink_(out);
}

void Progress::clear() {
  if (!sink_ || !lines_drawn_) return;
  std::string out = fmt::format("\x1b[{}A", lines_drawn_);
  for (size_t i = 0; i < lines_drawn_; ++i) out += "\x1b[2K\n";
  out += fmt::format("\x1b[{}A", lines_drawn_);
  sink_(out);
  lines_drawn_ = 0;
}

}  // namespace orashift
