// The assessment as one self-contained HTML page: inline CSS, SVG and a small script, no
// network. Everything taken from the source goes through html_escape; the script embeds no
// data, so source text never reaches a <script> element.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "common/redact.h"
#include "assess/report_html_parts.h"
#include "assess/report_writers.h"
#include "assess/summary_report.h"
#include "assess/svg_chart.h"

namespace orashift {

namespace {

constexpr size_t kOccurrencesPerCode = 40;   // the rest are in report.json and action_items.csv
constexpr uint32_t kObjectSourceLines = 150;

const char* status_color(std::string_view st) {
  if (st == kStatusAuto) return "#2e7d4f";
  if (st == kStatusWarn) return "#d9a300";
  if (st == kStatusManual) return "#c0392b";
  return "#9aa3b5";
}

std::string pct(double v) { return v < 0 ? "–" : fmt::format("{:.0f}%", v * 100); }

std::string sev_badge(ItemSeverity s) {
  const char* n = item_severity_name(s);
  return fmt::format("<span class=\"sev sev-{0}\">{0}</span>", n);
}

std::string status_badge(const std::string& st) {
  return fmt::format("<span class=\"st\" style=\"--c:{}\">{}</span>", status_color(st), html_escape(st));
}

// A window of the converted text around the first line that mentions a word of the message.
std::string converted_window(const std::string& converted, const std::string& message) {
  std::vector<std::string> lines;
  for (size_t b = 0, e; b < converted.size(); b = e + 1) {
    e = converted.find('\n', b);
    if (e == std::string::npos) e = converted.size();
    lines.push_back(converted.substr(b, e - b));
  }
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  // The message names the column or key ("column COUNTRY_ID NUMBER → …"): look for it as a
  // quoted target identifier, outside comments and COMMENT ON statements.
  static const std::set<std::string> stop = {"column", "number", "check", "not", "translated", "yet", "default",
                                             "primary", "key", "unique", "foreign", "references", "on", "index",
                                             "partition", "by", "with", "partitions", "numeric", "varchar", "char"};
  std::vector<std::string> words;
  std::string word;
  for (size_t i = 0; i <= message.size(); ++i) {
    char c = i < message.size() ? message[i] : ' ';
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
      word += c;
      continue;
    }
    std::string w = lower(word);
    if (w.size() >= 2 && !stop.count(w) && !std::all_of(w.begin(), w.end(), ::isdigit)) words.push_back(w);
    word.clear();
  }
  // Lower-cased once: a unit with many occurrences asks this of the same long text many times.
  std::vector<std::string> low_lines;
  if (!words.empty()) {
    low_lines.reserve(lines.size());
    for (const auto& line : lines) low_lines.push_back(lower(line));
  }
  auto find_hit = [&] {
    for (bool quoted : {true, false})
      for (const auto& w : words) {
        std::string needle = quoted ? "\"" + w + "\"" : w;
        for (size_t l = 0; l < low_lines.size(); ++l) {
          const std::string& low = low_lines[l];
          if (low.rfind("--", 0) == 0 || low.rfind("comment on", 0) == 0) continue;
          if (low.find(needle) != std::string::npos) return l;
        }
      }
    return lines.size();
  };
  size_t hit = find_hit();
  size_t from = hit == lines.size() ? 0 : (hit > 2 ? hit - 2 : 0);
  size_t to = std::min(lines.size(), from + (hit == lines.size() ? 8 : 5));
  std::string out = "<pre class=\"code conv\">";
  for (size_t l = from; l < to; ++l)
    out += std::string(l == hit ? "<span class=\"hit\">" : "<span>") + html_escape(lines[l]) + "</span>";
  if (to < lines.size()) out += "<span class=\"muted\">…</span>";
  return out + "</pre>";
}

}  // namespace

std::string source_snippet(Span sp, uint32_t context, uint32_t max_lines, bool highlight) {
  if (!sp.file || sp.file->text().empty()) return "<pre class=\"code\"><span class=\"muted\">(no source text)</span></pre>";
  const SourceFile& f = *sp.file;
  uint32_t first = sp.line();
  uint32_t last = sp.end > sp.begin ? f.line_of(sp.end - 1) : first;
  uint32_t total = f.line_of(static_cast<uint32_t>(f.text().size()));
  uint32_t shown_last = std::min(last, first + max_lines - 1);
  uint32_t from = first > context ? first - context : 1;
  uint32_t to = std::min(total, shown_last + context);
  std::string out = "<pre class=\"code\">";
  for (uint32_t l = from; l <= to; ++l) {
    std::string line = redact_passwords(f.line_text(l));  // same length: columns stay right
    std::string_view text = line;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    bool hit = highlight && l >= first && l <= shown_last;
    out += fmt::format("<span class=\"{}\"><span class=\"ln\">{}</span>", hit ? "hit" : "ctx", l);
    if (l == first && hit) {
      // Mark the span's columns on its first line.
      size_t c0 = std::min<size_t>(sp.column() - 1, text.size());
      size_t c1 = l == last ? std::min<size_t>(f.column_of(sp.end - 1), text.size()) : text.size();
      if (c1 < c0) c1 = c0;
      out += html_escape(text.substr(0, c0)) + "<mark>" + html_escape(text.substr(c0, c1 - c0)) + "</mark>" +
             html_escape(text.substr(c1));
    } else {
      out += html_escape(text);
    }
    out += "</span>";  // block spans: a newline here would double the line
  }
  if (shown_last < last) out += fmt::format("<span class=\"muted\">… {} more lines</span>", last - shown_last);
  return out + "</pre>";
}

std::string report_html(const Assessment& a, const RunSummary& s) {
  std::string h = page_head("orashift assessment: " + (a.name.empty() ? a.source : a.name));
  h += "<header><h1>Migration assessment";
  if (!a.name.empty()) h += ": " + html_escape(a.name);
  h += "</h1><p class=\"muted\">source <code>" + html_escape(a.source) + "</code> → target <code>" +
       html_escape(a.target) + "</code> · orashift " + html_escape(a.command) + "</p>";
  h += "<nav><a href=\"#summary\">Summary</a><a href=\"#codes\">Action items by code</a><a href=\"#by-object\">"
       "By object</a><a href=\"#code-objects\">Code objects</a><a href=\"#objects\">All objects</a>";
  if (s.schema && !s.schema->designs.empty()) h += "<a href=\"#design\">Physical design</a>";
  if (s.evidence && !s.evidence->empty()) h += "<a href=\"#evidence\">Types from evidence</a>";
  if (s.diagnostics && !s.diagnostics->empty()) h += "<a href=\"#diagnostics\">Source diagnostics</a>";
  if (s.load) h += "<a href=\"#load\">Data load</a>";
  h += "<a href=\"#model\">Effort model</a></nav></header>\n<main>\n";

  // ---------------------------------------------------------------- executive summary
  auto sev = a.by_severity();
  size_t manual_items = sev["critical"] + sev["high"];
  h += "<section id=\"summary\"><h2>Executive summary</h2><div class=\"cards\">";
  h += fmt::format("<div class=\"card\"><b>{}</b>objects</div>", a.objects.size());
  h += fmt::format("<div class=\"card\"><b>{}</b>storage objects converted automatically</div>", pct(a.auto_share_storage));
  h += fmt::format("<div class=\"card\"><b>{}</b>code objects converted automatically</div>", pct(a.auto_share_code));
  h += fmt::format("<div class=\"card\"><b>{}</b>action items, {} high or critical</div>", a.items.size(), manual_items);
  h += fmt::format("<div class=\"card\"><b>{:.1f}</b>person-days estimated ({:.0f} h)</div>", a.days(), a.hours);
  h += fmt::format("<div class=\"card level\"><b>{}-{}</b>migration level</div>", a.level, a.difficulty);
  h += "</div>\n<p class=\"explain\">" + level_sentence(a) + "</p>\n";

  // Objects by kind and status: table + chart.
  std::map<std::string, std::map<std::string, size_t>> by_kind;
  for (const auto& o : a.objects) ++by_kind[o.kind][o.status];
  h += "<div class=\"grid\"><div><h3>Objects by kind and status</h3><table class=\"sortable\"><thead><tr><th>kind</th>";
  for (const char* st : {"automatic", "warnings", "manual", "n/a"}) h += "<th class=\"n\">" + std::string(st) + "</th>";
  h += "<th class=\"n\">total</th></tr></thead><tbody>\n";
  std::vector<Bar> kind_bars;
  for (const auto& [kind, m] : by_kind) {
    h += "<tr><td>" + html_escape(kind) + "</td>";
    size_t total = 0;
    Bar bar{kind, {}, ""};
    for (const char* st : kStatuses) {
      size_t n = m.count(st) ? m.at(st) : 0;
      total += n;
      h += fmt::format("<td class=\"n\">{}</td>", n ? std::to_string(n) : "");
      bar.segments.push_back({static_cast<double>(n), status_color(st)});
    }
    bar.note = std::to_string(total);
    kind_bars.push_back(std::move(bar));
    h += fmt::format("<td class=\"n\">{}</td></tr>\n", total);
  }
  h += "</tbody></table></div><div><h3>Status by object kind</h3>";
  std::vector<Legend> legend;
  for (const char* st : kStatuses) legend.push_back({st, status_color(st)});
  h += svg_bar_chart("Objects by kind, coloured by status", kind_bars, legend) + "</div></div>\n";

  // Effort by category and top action items.
  std::map<std::string, double> by_cat;
  std::map<std::string, std::pair<size_t, double>> by_code;
  for (const auto& i : a.items) {
    by_cat[i.kind->category] += i.hours;
    auto& c = by_code[i.kind->code];
    ++c.first;
    c.second += i.hours;
  }
  std::vector<Bar> cat_bars;
  for (const auto& [c, hrs] : by_cat)
    if (hrs > 0) cat_bars.push_back({c, {{hrs, "#3b6fb6"}}, fmt::format("{:.1f} h", hrs)});
  std::sort(cat_bars.begin(), cat_bars.end(), [](const Bar& x, const Bar& y) { return x.segments[0].value > y.segments[0].value; });
  std::vector<std::pair<std::string, std::pair<size_t, double>>> codes(by_code.begin(), by_code.end());
  std::sort(codes.begin(), codes.end(), [](const auto& x, const auto& y) {
    return x.second.second != y.second.second ? x.second.second > y.second.second : x.second.first > y.second.first;
  });
  std::vector<Bar> top;
  for (size_t i = 0; i < codes.size() && top.size() < 10; ++i) {
    if (codes[i].second.second <= 0) break;  // sorted by hours: the rest cost nothing
    const ActionItemKind* k = find_action_item_kind(codes[i].first);
    top.push_back({codes[i].first + " " + k->title, {{codes[i].second.second, "#8e44ad"}},
                   fmt::format("{:.1f} h · {}×", codes[i].second.second, codes[i].second.first)});
  }
  h += "<div class=\"grid\"><div><h3>Effort by category</h3>" +
       (cat_bars.empty() ? std::string("<p class=\"muted\">No effort.</p>") : svg_bar_chart("Effort by category, hours", cat_bars)) +
       "</div><div><h3>Top action items by effort</h3>" +
       (top.empty() ? std::string("<p class=\"muted\">No action items.</p>") : svg_bar_chart("Top action items by effort", top)) +
       "</div></div></section>\n";

  // ---------------------------------------------------------------- by code
  h += "<section id=\"codes\"><h2>Action items by code</h2>" + filter_box("t-codes") +
       "<table id=\"t-codes\" class=\"sortable\"><thead><tr><th>code</th><th>severity</th><th>category</th><th>title</th>"
       "<th class=\"n\">count</th><th class=\"n\">hours each</th><th class=\"n\">hours</th><th>recommended action</th></tr>"
       "</thead><tbody>\n";
  for (const auto& [code, cnt] : codes) {
    const ActionItemKind* k = find_action_item_kind(code);
    h += fmt::format("<tr><td><a href=\"#code-{0}\"><code>{0}</code></a></td><td data-v=\"{1}\">{2}</td><td>{3}</td>"
                     "<td>{4}</td><td class=\"n\">{5}</td><td class=\"n\">{6:.2f}</td><td class=\"n\">{7:.1f}</td>"
                     "<td>{8}</td></tr>\n",
                     code, static_cast<int>(k->severity), sev_badge(k->severity), html_escape(k->category),
                     html_escape(k->title), cnt.first, cnt.first ? cnt.second / cnt.first : 0.0, cnt.second,
                     html_escape(k->action));
  }
  h += "</tbody></table>\n";
  for (const auto& [code, cnt] : codes) {
    const ActionItemKind* k = find_action_item_kind(code);
    h += fmt::format("<details class=\"code-group\" id=\"code-{0}\"><summary><code>{0}</code> {1} {2} · {3} "
                     "occurrence{4} · {5:.1f} h</summary><p class=\"action\">{6}</p>\n",
                     code, sev_badge(k->severity), html_escape(k->title), cnt.first, cnt.first == 1 ? "" : "s",
                     cnt.second, html_escape(k->action));
    size_t shown = 0;
    for (const auto& i : a.items) {
      if (i.kind != k) continue;
      if (shown++ == kOccurrencesPerCode) break;
      h += occurrence_html(i, [&](const Occurrence& o) {
        if (o.object_index < 0) return std::string();
        const auto& obj = a.objects[o.object_index];
        return obj.converted.empty() ? std::string() : converted_window(obj.converted, o.message);
      });
    }
    if (cnt.first > kOccurrencesPerCode)
      h += fmt::format("<p class=\"muted\">{} more occurrences of {} are listed in report.json and action_items.csv.</p>",
                       cnt.first - kOccurrencesPerCode, code);
    h += "</details>\n";
  }
  h += "</section>\n";

  // ---------------------------------------------------------------- by object
  h += "<section id=\"by-object\"><h2>Action items by object</h2>" + filter_box("t-by-object") +
       "<table id=\"t-by-object\" class=\"sortable\"><thead><tr><th>object</th><th>kind</th><th>status</th>"
       "<th class=\"n\">items</th><th>codes</th><th class=\"n\">hours</th><th>location</th></tr></thead><tbody>\n";
  for (size_t n = 0; n < a.objects.size(); ++n) {
    const auto& o = a.objects[n];
    if (o.items.empty()) continue;
    std::map<std::string, size_t> c;
    for (size_t i : o.items) ++c[a.items[i].kind->code];
    std::string cs;
    for (const auto& [code, k] : c) cs += fmt::format("<code>{}</code>{} ", code, k > 1 ? "×" + std::to_string(k) : "");
    h += fmt::format("<tr><td><a href=\"#obj-{}\">{}</a></td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td>{}</td>"
                     "<td class=\"n\">{:.1f}</td><td><code>{}</code></td></tr>\n",
                     n, html_escape(o.name), html_escape(o.kind), status_badge(o.status), o.items.size(), cs, o.hours,
                     html_escape(short_location(o.span)));
  }
  h += "</tbody></table></section>\n";

  // ---------------------------------------------------------------- code objects
  h += code_objects_html(a);

  // ---------------------------------------------------------------- all objects
  h += "<section id=\"objects\"><h2>All objects</h2><p class=\"muted\">Each object's source, its converted output "
       "and its action items. Click to open.</p>";
  for (size_t n = 0; n < a.objects.size(); ++n) {
    const auto& o = a.objects[n];
    h += fmt::format("<details class=\"obj\" id=\"obj-{}\"><summary>{} <b>{}</b> {} <span class=\"muted\">{} · {} "
                     "item{} · {:.1f} h</span></summary>",
                     n, html_escape(o.kind), html_escape(o.name), status_badge(o.status),
                     html_escape(short_location(o.span)), o.items.size(), o.items.size() == 1 ? "" : "s", o.hours);
    h += "<div class=\"pair\"><div><h4>Oracle source</h4>" + source_snippet(o.span, 0, kObjectSourceLines, false) +
         "</div><div><h4>Converted (" + html_escape(a.dialect) + ")</h4>" +
         (o.converted.empty() ? std::string("<p class=\"muted\">Not converted by this version.</p>")
                              : "<pre class=\"code conv\">" + html_escape(o.converted) + "</pre>") +
         "</div></div>";
    if (!o.items.empty()) {
      h += "<ul class=\"items\">";
      for (size_t i : o.items) {
        const auto& it = a.items[i];
        h += fmt::format("<li>{} <a href=\"#code-{}\"><code>{}</code></a> line {}: {} — {} <span class=\"muted\">"
                         "({:.2f} h)</span></li>",
                         sev_badge(it.kind->severity), it.kind->code, it.kind->code, it.span.line(),
                         html_escape(it.kind->title), html_escape(it.message), it.hours);
      }
      h += "</ul>";
    }
    h += "</details>\n";
  }
  h += "</section>\n";

  h += run_details_html(a, s);
  h += "</main>" + page_foot();
  return h;
}

}  // namespace orashift
