#include "assess/summary_report.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

namespace orashift {

using nlohmann::json;

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

namespace {

json location(const Span& sp) {
  if (!sp.file) return nullptr;
  return {{"file", sp.file->path()}, {"line", sp.line()}, {"column", sp.column()}};
}

// Objects' status from their action items: the worst severity decides.
std::string table_status(const std::string& object, const ActionItems* items) {
  int worst = -1;
  if (items)
    for (const auto& i : items->items())
      if (i.object == object) worst = std::max(worst, static_cast<int>(i.kind->severity));
  if (worst < 0) return "converted";
  if (worst <= static_cast<int>(ItemSeverity::Low)) return "converted";
  if (worst == static_cast<int>(ItemSeverity::Medium)) return "converted with warnings";
  return "needs manual work";
}

}  // namespace

std::string summary_json(const RunSummary& s) {
  json j;
  j["schema_version"] = kReportSchemaVersion;
  j["tool"] = "orashift";
  j["command"] = s.command;
  j["source"] = s.source;
  j["target"] = s.target;
  json objects = json::array();
  if (s.catalog)
    for (const auto& t : s.catalog->tables)
      objects.push_back({{"kind", "TABLE"}, {"name", t.name}, {"columns", t.columns.size()},
                         {"status", table_status("TABLE " + t.name, s.items)}, {"location", location(t.span)}});
  j["objects"] = objects;
  json diags = json::array();
  if (s.diagnostics)
    for (const auto& d : s.diagnostics->items())
      diags.push_back({{"severity", severity_name(d.severity)}, {"code", d.code}, {"message", d.message},
                       {"location", location(d.span)}});
  j["diagnostics"] = diags;
  json items = json::array();
  double effort = 0;
  if (s.items)
    for (const auto& i : s.items->items()) {
      effort += i.kind->effort_hours;
      items.push_back({{"code", i.kind->code}, {"severity", item_severity_name(i.kind->severity)},
                       {"category", i.kind->category}, {"title", i.kind->title}, {"object", i.object},
                       {"message", i.message}, {"action", i.kind->action}, {"target", i.target},
                       {"location", location(i.span)}});
    }
  j["action_items"] = items;
  j["estimated_effort_hours"] = effort;
  if (s.schema) {
    json designs = json::object();
    for (const auto& [t, d] : s.schema->designs)
      designs[t] = {{"diststyle", d.diststyle}, {"distkey", d.distkey}, {"sortkey", d.sortkey}, {"reasons", d.reasons}};
    if (!designs.empty()) j["physical_design"] = designs;
  }
  if (s.load) {
    json tables = json::array();
    for (const auto& t : s.load->tables)
      tables.push_back({{"table", t.table}, {"state", t.state}, {"rows_read", t.rows_read}, {"rows_loaded", t.rows_loaded},
                        {"rows_rejected", t.rows_rejected}, {"rows_filtered", t.rows_filtered}, {"bytes_read", t.bytes_read},
                        {"seconds", t.seconds}, {"sources", t.sources}, {"missing", t.missing},
                        {"reject_file", t.reject_file}, {"error", t.error}});
    j["load"] = {{"tables", tables}, {"seconds", s.load->seconds}, {"ok", s.load->ok()}};
  }
  if (s.verification) {
    json counts = json::array();
    for (const auto& c : s.verification->counts)
      counts.push_back({{"table", c.table}, {"source_rows", c.source_rows}, {"target_rows", c.target_rows}, {"ok", c.ok()}});
    json ch = {{"applicable", s.verification->channels.applicable}, {"ok", s.verification->channels.ok()}};
    auto rows = [](const std::vector<ChannelRow>& v) {
      json a = json::array();
      for (const auto& r : v) a.push_back({{"channel", r.channel}, {"sales", r.sales}, {"amount_sold", r.amount}});
      return a;
    };
    ch["source"] = rows(s.verification->channels.source);
    ch["target"] = rows(s.verification->channels.target);
    if (!s.verification->channels.skipped_reason.empty()) ch["skipped_reason"] = s.verification->channels.skipped_reason;
    j["verification"] = {{"counts", counts}, {"channels", ch}, {"ok", s.verification->ok()}};
  }
  return j.dump(2, ' ', false, json::error_handler_t::replace);
}

std::string summary_html(const RunSummary& s) {
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
       "<title>orashift " + html_escape(s.command) + " report</title><style>"
       "body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#1d2330;padding:0 1em}"
       "h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #dde}"
       "table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{padding:4px 8px;border-bottom:1px solid #eef;"
       "text-align:left;vertical-align:top}th{background:#f4f6fb}td.n{text-align:right;font-variant-numeric:tabular-nums}"
       ".ok{color:#177a3b;font-weight:600}.bad{color:#b3261e;font-weight:600}.muted{color:#667}"
       ".sev-high,.sev-critical{color:#b3261e}.sev-medium{color:#a15c00}.sev-low{color:#555}.sev-info{color:#667}"
       "code,pre{font-family:ui-monospace,monospace;font-size:12.5px}pre{background:#f7f7fa;padding:8px;overflow:auto}"
       ".cards{display:flex;gap:12px;flex-wrap:wrap}.card{border:1px solid #dde;border-radius:8px;padding:10px 14px;"
       "min-width:140px}.card b{display:block;font-size:1.4em}</style></head><body>\n";
  h += "<h1>orashift " + html_escape(s.command) + "</h1>\n<p class=\"muted\">source <code>" + html_escape(s.source) +
       "</code> → target <code>" + html_escape(s.target) + "</code></p>\n";
  size_t tables = s.catalog ? s.catalog->tables.size() : 0;
  size_t n_items = s.items ? s.items->items().size() : 0;
  size_t errors = s.diagnostics ? s.diagnostics->error_count() : 0;
  double effort = 0;
  if (s.items)
    for (const auto& i : s.items->items()) effort += i.kind->effort_hours;
  h += "<div class=\"cards\">";
  h += fmt::format("<div class=\"card\"><b>{}</b>tables</div>", tables);
  h += fmt::format("<div class=\"card\"><b>{}</b>action items</div>", n_items);
  h += fmt::format("<div class=\"card\"><b>{}</b>source errors</div>", errors);
  h += fmt::format("<div class=\"card\"><b>{:.1f} h</b>estimated effort</div>", effort);
  if (s.load)
    h += fmt::format("<div class=\"card\"><b>{}</b>rows loaded of {} read</div>", s.load->rows_loaded(), s.load->rows_read());
  if (s.verification)
    h += std::string("<div class=\"card\"><b class=\"") + (s.verification->ok() ? "ok\">passed" : "bad\">FAILED") +
         "</b>verification</div>";
  h += "</div>\n";

  if (s.catalog) {
    h += "<h2>Objects</h2><table><tr><th>table</th><th>columns</th><th>status</th><th>source</th></tr>\n";
    for (const auto& t : s.catalog->tables)
      h += "<tr><td>" + html_escape(t.name) + "</td><td class=\"n\">" + std::to_string(t.columns.size()) + "</td><td>" +
           html_escape(table_status("TABLE " + t.name, s.items)) + "</td><td><code>" + html_escape(t.span.location()) +
           "</code></td></tr>\n";
    h += "</table>\n";
  }
  if (s.diagnostics && !s.diagnostics->empty()) {
    h += "<h2>Source diagnostics</h2><pre>";
    for (const auto& d : s.diagnostics->items()) h += html_escape(d.render());
    h += "</pre>\n";
  }
  if (s.items && n_items) {
    std::map<std::string, size_t> per_code;
    for (const auto& i : s.items->items()) per_code[i.kind->code]++;
    h += "<h2>Action items by code</h2><table><tr><th>code</th><th>severity</th><th>title</th><th>count</th>"
         "<th>recommended action</th></tr>\n";
    for (const auto& [code, n] : per_code) {
      const ActionItemKind* k = find_action_item_kind(code);
      h += "<tr><td><code>" + html_escape(code) + "</code></td><td class=\"sev-" + item_severity_name(k->severity) + "\">" +
           item_severity_name(k->severity) + "</td><td>" + html_escape(k->title) + "</td><td class=\"n\">" +
           std::to_string(n) + "</td><td>" + html_escape(k->action) + "</td></tr>\n";
    }
    h += "</table>\n<h2>Action items</h2><table><tr><th>code</th><th>object</th><th>detail</th><th>location</th></tr>\n";
    for (const auto& i : s.items->items())
      h += "<tr><td><code>" + html_escape(i.kind->code) + "</code></td><td>" + html_escape(i.object) + "</td><td>" +
           html_escape(i.message) + "</td><td><code>" + html_escape(i.span.location()) + "</code></td></tr>\n";
    h += "</table>\n";
  }
  if (s.schema && !s.schema->designs.empty()) {
    h += "<h2>Redshift physical design</h2><table><tr><th>table</th><th>dist</th><th>sort key</th><th>why</th></tr>\n";
    for (const auto& [t, d] : s.schema->designs) {
      std::string sk, why;
      for (const auto& c : d.sortkey) sk += (sk.empty() ? "" : ", ") + c;
      for (const auto& r : d.reasons) why += html_escape(r) + "<br>";
      h += "<tr><td>" + html_escape(t) + "</td><td>" + html_escape(d.diststyle) +
           (d.distkey.empty() ? "" : " (" + html_escape(d.distkey) + ")") + "</td><td>" + html_escape(sk) + "</td><td>" +
           why + "</td></tr>\n";
    }
    h += "</table>\n";
  }
  if (s.load) {
    h += "<h2>Data load</h2><table><tr><th>table</th><th>read</th><th>loaded</th><th>rejected</th><th>filtered</th>"
         "<th>seconds</th><th>state</th></tr>\n";
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
    h += "</table>\n";
  }
  if (s.verification) {
    h += "<h2>Verification</h2><table><tr><th>table</th><th>source rows</th><th>target rows</th><th></th></tr>\n";
    for (const auto& c : s.verification->counts)
      h += fmt::format("<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"{}\">{}</td></tr>\n",
                       html_escape(c.table), c.source_rows, c.target_rows, c.ok() ? "ok" : "bad", c.ok() ? "ok" : "mismatch");
    h += "</table>\n";
    const ChannelCheck& ch = s.verification->channels;
    if (ch.applicable) {
      h += "<table><tr><th>channel</th><th>source sales</th><th>source amount</th><th>target sales</th>"
           "<th>target amount</th></tr>\n";
      for (size_t i = 0; i < std::max(ch.source.size(), ch.target.size()); ++i) {
        const ChannelRow* a = i < ch.source.size() ? &ch.source[i] : nullptr;
        const ChannelRow* b = i < ch.target.size() ? &ch.target[i] : nullptr;
        h += "<tr><td>" + html_escape(a ? a->channel : b->channel) + "</td><td class=\"n\">" +
             (a ? std::to_string(a->sales) : "-") + "</td><td class=\"n\">" + html_escape(a ? a->amount : "-") +
             "</td><td class=\"n\">" + (b ? std::to_string(b->sales) : "-") + "</td><td class=\"n\">" +
             html_escape(b ? b->amount : "-") + "</td></tr>\n";
      }
      h += "</table>\n";
    } else {
      h += "<p class=\"muted\">Channel check skipped: " + html_escape(ch.skipped_reason) + "</p>\n";
    }
  }
  h += "</body></html>\n";
  return h;
}

void write_summary(const RunSummary& s, const std::string& dir) {
  std::filesystem::create_directories(dir);
  for (auto [name, text] : {std::pair{"report.json", summary_json(s)}, std::pair{"report.html", summary_html(s)}}) {
    std::ofstream f(dir + "/" + name, std::ios::binary);
    f << text;
    if (!f) throw std::runtime_error("cannot write " + dir + "/" + name);
  }
}

}  // namespace orashift
