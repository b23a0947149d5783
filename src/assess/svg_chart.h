#pragma once
// Small inline SVG charts for the report: horizontal bars, optionally stacked. No script, no
// external fonts, so they render the same offline and in print.
#include <string>
#include <vector>

namespace orashift {

struct BarSegment {
  double value = 0;
  std::string color;  // CSS color
};

struct Bar {
  std::string label;
  std::vector<BarSegment> segments;
  std::string note;   // printed after the bar ("12 h")
};

struct Legend {
  std::string label, color;
};

// `title` becomes the SVG's accessible name; labels are escaped here.
std::string svg_bar_chart(const std::string& title, const std::vector<Bar>& bars, const std::vector<Legend>& legend = {});

}  // namespace orashift
