#include <nlohmann/json.hpp>

#include "assess/report_writers.h"
#include "assess/summary_report.h"

namespace orashift {

using nlohmann::json;

json location_json(const Span& sp) {
  if (!sp.file) return nullptr;
  json j = {{"file", sp.file->path()}, {"line", sp.line()}, {"column", sp.column()}};
  if (sp.end > sp.begin) {
    j["end_line"] = sp.file->line_of(sp.end - 1);
    j["end_column"] = sp.file->column_of(sp.end - 1) + 1;
  }
  return j;
}

static json share(double v) { return v < 0 ? json(nullptr) : json(v); }

json report_json(const Assessment& a, const RunSummary& s) {
  json j;
  j["schema_version"] = kReportSchemaVersion;
  j["tool"] = "orashift";
  j["command"] = a.command;
  if (!a.name.empty()) j["name"] = a.name;
  j["source"] = a.source;
  j["target"] = a.target;
  j["dialect"] = a.dialect;

  json by_kind = json::object();
  for (const auto& o : a.objects) {
    json& k = by_kind[o.kind];
    if (k.is_null()) {
      k = json::object();
      for (const char* st : kStatuses) k[st] = 0;
    }
    k[o.status] = k[o.status].get<int>() + 1;
  }
  json statuses = json::object();
  for (const char* st : kStatuses) statuses[st] = a.count(st);
  json sev = json::object();
  for (const char* n : {"critical", "high", "medium", "low", "info"}) sev[n] = 0;
  for (const auto& [k, n] : a.by_severity()) sev[k] = n;
  j["summary"] = {{"objects", a.objects.size()},
                  {"objects_by_status", statuses},
                  {"objects_by_kind", by_kind},
                  {"automatic_share_storage", share(a.auto_share_storage)},
                  {"automatic_share_code", share(a.auto_share_code)},
                  {"action_items", a.items.size()},
                  {"action_items_by_severity", sev},
                  {"estimated_effort_hours", a.hours},
                  {"estimated_effort_days", a.days()},
                  {"migration_level", std::string(1, a.level) + "-" + std::to_string(a.difficulty)},
                  {"level", std::string(1, a.level)},
                  {"difficulty", a.difficulty}};
  j["estimated_effort_hours"] = a.hours;  // schema v1 readers
  j["effort_model"] = a.model.to_json();

  json objects = json::array();
  for (size_t i = 0; i < a.objects.size(); ++i) {
    const auto& o = a.objects[i];
    json items = json::array();
    for (size_t k : o.items) items.push_back(k);
    json obj = {{"id", i},          {"kind", o.kind},        {"name", o.name},   {"status", o.status},
                {"class", o.code ? "code" : "storage"}, {"location", location_json(o.span)},
                {"lines", o.lines}, {"kb", o.kb},            {"effort_hours", o.hours},
                {"items", std::move(items)},   {"converted", o.converted.empty() ? json(nullptr) : json(o.converted)}};
    if (o.code) obj["constructs"] = o.constructs, obj["effort_units"] = o.units;
    objects.push_back(std::move(obj));
  }
  j["objects"] = std::move(objects);  // moved: a copy duplicated every converted unit's text

  json items = json::array();
  for (size_t i = 0; i < a.items.size(); ++i) {
    const auto& it = a.items[i];
    items.push_back({{"id", i},
                     {"code", it.kind->code},
                     {"severity", item_severity_name(it.kind->severity)},
                     {"category", it.kind->category},
                     {"title", it.kind->title},
                     {"object", it.object},
                     {"object_id", it.object_index < 0 ? json(nullptr) : json(it.object_index)},
                     {"message", it.message},
                     {"action", it.kind->action},
                     {"effort_hours", it.hours},
                     {"target", a.dialect},
                     {"location", location_json(it.span)}});
  }
  j["action_items"] = std::move(items);

  json diags = json::array();
  if (s.diagnostics)
    for (const auto& d : s.diagnostics->items())
      diags.push_back({{"severity", severity_name(d.severity)}, {"code", d.code}, {"message", d.message},
                       {"location", location_json(d.span)}});
  j["diagnostics"] = std::move(diags);

  if (s.schema) {
    json designs = json::object();
    for (const auto& [t, d] : s.schema->designs)
      designs[t] = {{"diststyle", d.diststyle}, {"distkey", d.distkey}, {"sortkey", d.sortkey}, {"reasons", d.reasons}};
    if (!designs.empty()) j["physical_design"] = designs;
  }
  if (s.evidence && !s.evidence->empty()) j["type_evidence"] = type_evidence_json(*s.evidence);
  if (s.load) {
    json tables = json::array();
    for (const auto& t : s.load->tables)
      tables.push_back({{"table", t.table}, {"state", t.state}, {"rows_read", t.rows_read}, {"rows_loaded", t.rows_loaded},
                        {"rows_rejected", t.rows_rejected}, {"rows_filtered", t.rows_filtered}, {"bytes_read", t.bytes_read},
                        {"seconds", t.seconds}, {"sources", t.sources}, {"missing", t.missing},
                        {"notes", t.notes}, {"reject_file", t.reject_file}, {"error", t.error}});
    j["load"] = {{"tables", tables}, {"seconds", s.load->seconds}, {"ok", s.load->ok()}};
  }
  if (s.verification) {
    json counts = json::array();
    for (const auto& c : s.verification->counts)
      counts.push_back({{"table", c.table}, {"source_rows", c.source_rows}, {"target_rows", c.target_rows}, {"ok", c.ok()}});
    json ch = {{"applicable", s.verification->channels.applicable}, {"ok", s.verification->channels.ok()}};
    auto rows = [](const std::vector<ChannelRow>& v) {
      json arr = json::array();
      for (const auto& r : v) arr.push_back({{"channel", r.channel}, {"sales", r.sales}, {"amount_sold", r.amount}});
      return arr;
    };
    ch["source"] = rows(s.verification->channels.source);
    ch["target"] = rows(s.verification->channels.target);
    if (!s.verification->channels.skipped_reason.empty()) ch["skipped_reason"] = s.verification->channels.skipped_reason;
    j["verification"] = {{"counts", counts}, {"channels", ch}, {"ok", s.verification->ok()}};
  }
  return j;
}

json portfolio_json(const std::vector<PortfolioRow>& rows) {
  json arr = json::array();
  for (const auto& r : rows) {
    const Assessment& a = r.assessment;
    json sev = json::object();
    for (const auto& [k, n] : a.by_severity()) sev[k] = n;
    arr.push_back({{"name", r.name}, {"source", a.source}, {"report", r.link}, {"objects", a.objects.size()},
                   {"automatic_share_storage", share(a.auto_share_storage)},
                   {"automatic_share_code", share(a.auto_share_code)}, {"action_items", a.items.size()},
                   {"action_items_by_severity", sev}, {"estimated_effort_days", a.days()},
                   {"migration_level", std::string(1, a.level) + "-" + std::to_string(a.difficulty)}});
  }
  return {{"schema_version", kReportSchemaVersion}, {"tool", "orashift"}, {"command", "assess"}, {"sources", arr}};
}

}  // namespace orashift
