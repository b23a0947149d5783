// The multi-source page: one row per source (like SCT's multiserver assessment), linking to
// each source's own report.
#include <fmt/format.h>

#include "assess/report_html_parts.h"
#include "assess/report_writers.h"
#include "assess/summary_report.h"
#include "assess/svg_chart.h"

namespace orashift {

// The last folders of a source path: enough to recognise it, short enough for the table (the
// full path is the cell's tooltip).
static std::string tail(const std::string& source) {
  size_t pos = source.size();
  for (int i = 0; i < 3 && pos != std::string::npos && pos > 0; ++i) pos = source.rfind('/', pos - 1);
  return pos == std::string::npos || pos == 0 ? source : "…" + source.substr(pos);
}

std::string portfolio_html(const std::vector<PortfolioRow>& rows) {
  std::string h = page_head("orashift assessment: portfolio");
  double days = 0;
  size_t objects = 0, items = 0;
  for (const auto& r : rows) {
    days += r.assessment.days();
    objects += r.assessment.objects.size();
    items += r.assessment.items.size();
  }
  h += fmt::format("<header><h1>Migration assessment: {} sources</h1><p class=\"muted\">{} objects · {} action items · "
                   "{:.1f} person-days estimated</p></header>\n<main><section id=\"portfolio\"><h2>Sources</h2>",
                   rows.size(), objects, items, days);
  h += filter_box("t-portfolio") +
       "<table id=\"t-portfolio\" class=\"sortable\"><thead><tr><th>source</th><th class=\"n\">objects</th>"
       "<th class=\"n\">storage automatic</th><th class=\"n\">code automatic</th><th class=\"n\">action items</th>"
       "<th class=\"n\">high + critical</th><th class=\"n\">person-days</th><th>level</th><th>path</th></tr></thead><tbody>\n";
  std::vector<Bar> bars;
  for (const auto& r : rows) {
    const Assessment& a = r.assessment;
    auto sev = a.by_severity();
    auto pct = [](double v) { return v < 0 ? std::string("–") : fmt::format("{:.0f}%", v * 100); };
    h += fmt::format("<tr><td><a href=\"{}\">{}</a></td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
                     "<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{:.1f}</td>"
                     "<td data-v=\"{}{}\">{}-{}</td><td><code title=\"{}\">{}</code></td></tr>\n",
                     html_escape(r.link), html_escape(r.name), a.objects.size(), pct(a.auto_share_storage),
                     pct(a.auto_share_code), a.items.size(), sev["high"] + sev["critical"], a.days(), a.level,
                     a.difficulty, a.level, a.difficulty, html_escape(a.source), html_escape(tail(a.source)));
    bars.push_back({r.name, {{a.days(), "#3b6fb6"}}, fmt::format("{:.1f} d · {}-{}", a.days(), a.level, a.difficulty)});
  }
  h += "</tbody></table><h3>Estimated effort per source</h3>" + svg_bar_chart("Person-days per source", bars) +
       "<p class=\"explain muted\">Levels: A automatic, B manual work up to the day limit, C above it; 1 trivial … 5 "
       "stored code to rewrite (docs/assessment.md).</p></section></main>" + page_foot();
  return h;
}

}  // namespace orashift
