#include "assess/report_html_parts.h"

#include <fmt/format.h>

#include <filesystem>
#include <map>

#include "assess/report_writers.h"
#include "assess/summary_report.h"

namespace orashift {

namespace {

constexpr const char* kStyle =
    "*{box-sizing:border-box}body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;color:#1d2330;"
    "background:#fafbfd}header{background:#1f2a44;color:#fff;padding:14px 24px 8px}header h1{margin:0;font-size:1.45em}"
    "header .muted{color:#c5cde0}header code{color:#fff}nav{display:flex;flex-wrap:wrap;gap:4px 16px;margin-top:8px}"
    "nav a{color:#cfe0ff;text-decoration:none;font-size:.93em}nav a:hover{text-decoration:underline}"
    "main{max-width:1320px;margin:0 auto;padding:8px 24px 40px}h2{font-size:1.2em;margin:1.6em 0 .5em;"
    "border-bottom:2px solid #dfe4ee;padding-bottom:3px}h3{font-size:1em;margin:.8em 0 .3em}h4{margin:.3em 0;font-size:.9em;"
    "color:#445}table{border-collapse:collapse;width:100%;margin:.4em 0;background:#fff}th,td{padding:4px 8px;"
    "border-bottom:1px solid #e8ebf2;text-align:left;vertical-align:top}th{background:#eef1f7;position:sticky;top:0;"
    "cursor:pointer;user-select:none;white-space:nowrap}th.n,td.n{text-align:right;font-variant-numeric:tabular-nums}"
    "th[aria-sort=ascending]::after{content:' \\25B2'}th[aria-sort=descending]::after{content:' \\25BC'}"
    ".muted{color:#667}.ok{color:#177a3b;font-weight:600}.bad{color:#b3261e;font-weight:600}"
    ".sev{display:inline-block;padding:0 6px;border-radius:9px;font-size:.8em;font-weight:600;color:#fff;background:#99a}"
    ".sev-critical{background:#7b1010}.sev-high{background:#c0392b}.sev-medium{background:#d98200}"
    ".sev-low{background:#5b7fa6}.sev-info{background:#9aa3b5}"
    ".st{display:inline-block;padding:0 7px;border-radius:9px;font-size:.8em;border:1px solid var(--c);color:var(--c);"
    "white-space:nowrap}code,pre{font-family:ui-monospace,'SFMono-Regular',Menlo,Consolas,monospace;font-size:12px}"
    "pre.code{background:#f5f6fa;border:1px solid #e3e6ee;padding:6px 0;overflow:auto;max-height:420px;margin:.3em 0}"
    "pre.code>span{display:block;padding:0 8px;white-space:pre}pre.code .hit{background:#fff4cf}"
    "pre.conv .hit{background:#e3f4e8}pre.code mark{background:#ffd34d;border-radius:2px}"
    ".ln{display:inline-block;width:4.2em;color:#99a;text-align:right;margin-right:10px;user-select:none}"
    ".cards{display:flex;gap:12px;flex-wrap:wrap;margin:.6em 0}.card{background:#fff;border:1px solid #dfe4ee;"
    "border-radius:8px;padding:10px 14px;min-width:150px;max-width:220px;font-size:.9em;color:#445}"
    ".card b{display:block;font-size:1.6em;color:#1d2330}.card.level b{color:#8e44ad}"
    ".grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:8px 28px}"
    ".grid>div{min-width:0;overflow-x:auto}.pair{display:grid;grid-template-columns:1fr 1fr;gap:12px}.pair>div{min-width:0}"
    "details{background:#fff;border:1px solid #e3e6ee;border-radius:6px;margin:6px 0;padding:4px 10px}"
    "details>summary{cursor:pointer;padding:3px 0}details[open]>summary{border-bottom:1px solid #eef}"
    ".occ{border-top:1px dashed #dde;padding:6px 0}.occ:first-of-type{border-top:0}.occ .loc{font-weight:600}"
    ".filter{margin:.3em 0;padding:4px 8px;width:320px;border:1px solid #ccd;border-radius:5px}"
    ".chips span{display:inline-block;background:#eef1f7;border-radius:8px;padding:0 6px;margin:1px;font-size:.82em}"
    ".explain{max-width:980px}svg.chart{max-width:100%;height:auto;font-family:system-ui,sans-serif}"
    "ul.items{margin:.4em 0;padding-left:1.2em}.action{color:#334;max-width:980px}"
    "@media (max-width:900px){.pair{grid-template-columns:1fr}.grid{grid-template-columns:1fr}}";

// Sorting and filtering; a failure anywhere is written into the page (data-js-error) so the
// headless browser test can see it. No data is embedded here.
constexpr const char* kScript =
    "<script>\n"
    "window.onerror=function(m,s,l){document.documentElement.setAttribute('data-js-error',String(m)+' @'+l);};\n"
    "(function(){\n"
    "function key(td){var v=td.getAttribute('data-v');if(v===null)v=td.textContent.trim();"
    "var n=parseFloat(v.replace(/[,%h×]/g,''));return isNaN(n)||!/^[-\\d.,%h× ]+$/.test(v)?v.toLowerCase():n;}\n"
    "document.querySelectorAll('table.sortable').forEach(function(t){var ths=t.querySelectorAll('thead th');"
    "ths.forEach(function(th,i){th.addEventListener('click',function(){var asc=th.getAttribute('aria-sort')!=='ascending';"
    "ths.forEach(function(o){o.removeAttribute('aria-sort');});th.setAttribute('aria-sort',asc?'ascending':'descending');"
    "var b=t.tBodies[0],rows=Array.prototype.slice.call(b.rows);rows.sort(function(x,y){var p=key(x.cells[i]),"
    "q=key(y.cells[i]);if(typeof p!==typeof q){p=String(p);q=String(q);}return (p<q?-1:p>q?1:0)*(asc?1:-1);});"
    "rows.forEach(function(r){b.appendChild(r);});});});});\n"
    "document.querySelectorAll('input.filter').forEach(function(inp){inp.addEventListener('input',function(){"
    "var t=document.getElementById(inp.getAttribute('data-table')),q=inp.value.toLowerCase();"
    "Array.prototype.forEach.call(t.tBodies[0].rows,function(r){r.style.display="
    "r.textContent.toLowerCase().indexOf(q)<0?'none':'';});});});\n"
    "function openTarget(){var id=location.hash.slice(1),e=id&&document.getElementById(id);"
    "if(e&&e.tagName==='DETAILS')e.open=true;}window.addEventListener('hashchange',openTarget);openTarget();\n"
    "document.documentElement.setAttribute('data-ready','1');\n"
    "})();\n</script>\n";

}  // namespace

std::string page_head(const std::string& title) {
  return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "script-src 'unsafe-inline'; img-src data:\">"
         "<title>" + html_escape(title) + "</title><style>" + kStyle + "</style></head><body>\n";
}

std::string page_foot() { return std::string(kScript) + "</body></html>\n"; }

std::string filter_box(const std::string& table_id) {
  return "<input class=\"filter\" type=\"search\" placeholder=\"Filter rows…\" data-table=\"" + html_escape(table_id) +
         "\" aria-label=\"Filter the table below\">";
}

std::string level_sentence(const Assessment& a) {
  static const char* levels[] = {"", "trivial: no stored code, nothing to rewrite",
                                 "easy: triggers or views only, nothing to rewrite by hand",
                                 "simple: stored code, nothing to rewrite by hand",
                                 "manual: objects to rewrite by hand, but no stored code among them",
                                 "difficult: stored code to rewrite by hand"};
  std::string l = a.level == 'A'   ? "A — everything converts automatically"
                  : a.level == 'B' ? fmt::format("B — code rewrite, manual work up to {:g} person-days", a.model.level_b_max_days)
                                   : fmt::format("C — code rewrite, manual work above {:g} person-days", a.model.level_b_max_days);
  return fmt::format("Migration level <b>{}-{}</b>: {}; technical difficulty {} — {}. Effort is estimated with "
                     "ora2pg's unit weights scaled for {} (×{:g}); see the effort model at the end and "
                     "docs/assessment.md.",
                     a.level, a.difficulty, html_escape(l), a.difficulty, levels[a.difficulty], html_escape(a.dialect),
                     a.model.factor(a.dialect));
}

std::string short_location(const Span& sp) {
  if (!sp.file) return "";
  return fmt::format("{}:{}:{}", std::filesystem::path(sp.file->path()).filename().string(), sp.line(), sp.column());
}

std::string occurrence_html(const Occurrence& o,
                            const std::function<std::string(const Occurrence&)>& converted) {
  std::string obj = o.object_index >= 0
                        ? fmt::format("<a href=\"#obj-{}\">{}</a>", o.object_index, html_escape(o.object))
                        : html_escape(o.object);
  std::string conv = converted(o);
  std::string h = fmt::format("<div class=\"occ\"><span class=\"loc\"><code>{}</code></span> · {} · {} "
                              "<span class=\"muted\">({:.2f} h)</span>",
                              html_escape(o.span.location()), obj, html_escape(o.message), o.hours);
  if (conv.empty())
    h += source_snippet(o.span, 2);
  else
    h += "<div class=\"pair\"><div><h4>Oracle</h4>" + source_snippet(o.span, 2) + "</div><div><h4>Converted</h4>" + conv +
         "</div></div>";
  return h + "</div>\n";
}

std::string code_objects_html(const Assessment& a) {
  std::string h = "<section id=\"code-objects\"><h2>Code objects</h2><p class=\"muted\">Every PL/SQL unit and view, "
                  "with the constructs found in its tokens, its size and the estimated effort (object units + "
                  "constructs).</p>";
  size_t n_code = 0;
  for (const auto& o : a.objects) n_code += o.code;
  if (!n_code) return h + "<p>No code objects in this source.</p></section>\n";
  h += filter_box("t-code") +
       "<table id=\"t-code\" class=\"sortable\"><thead><tr><th>object</th><th>kind</th><th>status</th>"
       "<th class=\"n\">lines</th><th class=\"n\">KB</th><th>constructs</th><th class=\"n\">hours</th></tr></thead><tbody>\n";
  for (size_t n = 0; n < a.objects.size(); ++n) {
    const auto& o = a.objects[n];
    if (!o.code) continue;
    std::string chips;
    for (const auto& [c, k] : o.constructs) chips += fmt::format("<span>{}{}</span>", html_escape(c), k > 1 ? " ×" + std::to_string(k) : "");
    h += fmt::format("<tr><td><a href=\"#obj-{}\">{}</a></td><td>{}</td><td>{}</td><td class=\"n\">{}</td>"
                     "<td class=\"n\">{:.1f}</td><td class=\"chips\">{}</td><td class=\"n\">{:.1f}</td></tr>\n",
                     n, html_escape(o.name), html_escape(o.kind), html_escape(o.status), o.lines, o.kb, chips, o.hours);
  }
  return h + "</tbody></table></section>\n";
}

std::string run_details_html(const Assessment& a, const RunSummary& s) {
  std::string h;
  if (s.schema && !s.schema->designs.empty()) {
    h += "<section id=\"design\"><h2>Redshift physical design</h2><table class=\"sortable\"><thead><tr><th>table</th>"
         "<th>dist style</th><th>dist key</th><th>sort key</th><th>why</th></tr></thead><tbody>\n";
    for (const auto& [t, d] : s.schema->designs) {
      std::string sk, why;
      for (const auto& c : d.sortkey) sk += (sk.empty() ? "" : ", ") + c;
      for (const auto& r : d.reasons) why += html_escape(r) + "<br>";
      h += "<tr><td>" + html_escape(t) + "</td><td>" + html_escape(d.diststyle) + "</td><td>" + html_escape(d.distkey) +
           "</td><td>" + html_escape(sk) + "</td><td>" + why + "</td></tr>\n";
    }
    h += "</tbody></table><p class=\"muted\">Column encodings: the leading sort key column RAW (zone maps on raw "
         "values), character and binary columns ZSTD, numbers and dates AZ64, floating point RAW.</p></section>\n";
  }
  if (s.evidence && !s.evidence->empty()) h += type_evidence_html(*s.evidence);
  if (s.diagnostics && !s.diagnostics->empty()) {
    h += fmt::format("<section id=\"diagnostics\"><h2>Source diagnostics</h2><p class=\"muted\">{} diagnostics from "
                     "reading the scripts ({} errors).</p><pre class=\"code\">",
                     s.diagnostics->items().size(), s.diagnostics->error_count());
    size_t n = 0;
    for (const auto& d : s.diagnostics->items()) {
      if (n++ == 300) {
        h += "<span class=\"muted\">… more in report.json</span>";
        break;
      }
      h += "<span>" + html_escape(d.render()) + "</span>";
    }
    h += "</pre></section>\n";
  }
  if (s.load) {
    h += "<section id=\"load\"><h2>Data load</h2><table class=\"sortable\"><thead><tr><th>table</th><th class=\"n\">read"
         "</th><th class=\"n\">loaded</th><th class=\"n\">rejected</th><th class=\"n\">filtered</th><th class=\"n\">"
         "seconds</th><th>state</th></tr></thead><tbody>\n";
    for (const auto& t : s.load->tables) {
      std::string notes;
      for (const auto& m : t.missing) notes += "<br><span class=\"muted\">missing: " + html_escape(m) + "</span>";
      if (!t.reject_file.empty()) notes += "<br><span class=\"muted\">rejects: " + html_escape(t.reject_file) + "</span>";
      if (!t.error.empty()) notes += "<br><span class=\"bad\">" + html_escape(t.error) + "</span>";
      h += fmt::format("<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
                       "<td class=\"n\">{}</td><td class=\"n\">{:.2f}</td><td>{}{}</td></tr>\n",
                       html_escape(t.table), t.rows_read, t.rows_loaded, t.rows_rejected, t.rows_filtered, t.seconds,
                       html_escape(t.state), notes);
    }
    h += "</tbody></table></section>\n";
  }
  if (s.verification) {
    h += "<section id=\"verification\"><h2>Verification</h2><table><thead><tr><th>table</th><th class=\"n\">source rows"
         "</th><th class=\"n\">target rows</th><th></th></tr></thead><tbody>\n";
    for (const auto& c : s.verification->counts)
      h += fmt::format("<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"{}\">{}</td></tr>\n",
                       html_escape(c.table), c.source_rows, c.target_rows, c.ok() ? "ok" : "bad", c.ok() ? "ok" : "mismatch");
    h += "</tbody></table>\n";
    const ChannelCheck& ch = s.verification->channels;
    if (ch.applicable) {
      h += "<table><thead><tr><th>channel</th><th class=\"n\">source sales</th><th class=\"n\">source amount</th>"
           "<th class=\"n\">target sales</th><th class=\"n\">target amount</th></tr></thead><tbody>\n";
      for (size_t i = 0; i < std::max(ch.source.size(), ch.target.size()); ++i) {
        const ChannelRow* x = i < ch.source.size() ? &ch.source[i] : nullptr;
        const ChannelRow* y = i < ch.target.size() ? &ch.target[i] : nullptr;
        h += "<tr><td>" + html_escape(x ? x->channel : y->channel) + "</td><td class=\"n\">" +
             (x ? std::to_string(x->sales) : "-") + "</td><td class=\"n\">" + html_escape(x ? x->amount : "-") +
             "</td><td class=\"n\">" + (y ? std::to_string(y->sales) : "-") + "</td><td class=\"n\">" +
             html_escape(y ? y->amount : "-") + "</td></tr>\n";
      }
      h += "</tbody></table>\n";
    } else {
      h += "<p class=\"muted\">Channel check skipped: " + html_escape(ch.skipped_reason) + "</p>\n";
    }
    h += "</section>\n";
  }
  const EffortModel& m = a.model;
  h += fmt::format("<section id=\"model\"><h2>Effort model</h2><p>One unit = {:g} minutes (ora2pg's cost unit), "
                   "× {:g} for {}; {:g} hours per person-day; {:g} unit per KB of code; tests: {:g} units per "
                   "procedure, function, package, trigger or type, {:g} per view or block. Storage items use the "
                   "hours of the action-item catalogue. Override any weight with <code>--effort-settings FILE</code>."
                   "</p><div class=\"grid\"><div><h3>Units per object kind</h3><table><tbody>",
                   m.minutes_per_unit, m.factor(a.dialect), html_escape(a.dialect), m.hours_per_day, m.units_per_kb,
                   m.test_units_code, m.test_units_query);
  for (const auto& [k, u] : m.kind_units) h += fmt::format("<tr><td>{}</td><td class=\"n\">{:g}</td></tr>", html_escape(k), u);
  h += "</tbody></table></div><div><h3>Units per construct</h3><table><tbody>";
  for (const auto& [c, u] : m.construct_units) {
    const ActionItemKind* k = find_action_item_kind(c);
    h += fmt::format("<tr><td><code>{}</code> {}</td><td class=\"n\">{:g}</td></tr>", html_escape(c),
                     k ? html_escape(k->title) : "", u);
  }
  return h + "</tbody></table></div></div></section>\n";
}

}  // namespace orashift
