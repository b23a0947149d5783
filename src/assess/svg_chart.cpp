#include "assess/svg_chart.h"

#include <fmt/format.h>

#include <algorithm>

#include "assess/summary_report.h"

namespace orashift {

std::string svg_bar_chart(const std::string& title, const std::vector<Bar>& bars, const std::vector<Legend>& legend) {
  const int label_w = 230, bar_w = 260, note_w = 100, row_h = 22, top = legend.empty() ? 6 : 28;
  double max = 0;
  for (const auto& b : bars) {
    double sum = 0;
    for (const auto& s : b.segments) sum += s.value;
    max = std::max(max, sum);
  }
  int height = top + static_cast<int>(bars.size()) * row_h + 6;
  int width = label_w + bar_w + note_w;
  std::string svg = fmt::format(
      "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" "
      "xmlns=\"http://www.w3.org/2000/svg\"><title>{2}</title>",
      width, height, html_escape(title));
  int x = 4;
  for (const auto& l : legend) {
    svg += fmt::format("<rect x=\"{}\" y=\"6\" width=\"12\" height=\"12\" fill=\"{}\"/>"
                       "<text x=\"{}\" y=\"16\" font-size=\"11\">{}</text>",
                       x, html_escape(l.color), x + 16, html_escape(l.label));
    x += 28 + static_cast<int>(l.label.size() * 6.4);
  }
  for (size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    int y = top + static_cast<int>(i) * row_h;
    std::string label = b.label.size() > 31 ? b.label.substr(0, 30) + "…" : b.label;
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">{}</text>", label_w - 8, y + 15,
                       html_escape(label));
    double pos = label_w;
    for (const auto& s : b.segments) {
      double w = max > 0 ? s.value / max * bar_w : 0;
      if (w <= 0) continue;
      svg += fmt::format("<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\"><title>{}</title></rect>",
                         pos, y + 3, std::max(w, 1.0), row_h - 6, html_escape(s.color), fmt::format("{:g}", s.value));
      pos += w;
    }
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" font-size=\"11\" fill=\"#556\">{}</text>", pos + 6, y + 15,
                       html_escape(b.note));
  }
  return svg + "</svg>";
}

}  // namespace orashift
