#include <fmt/format.h>

#include <fstream>
#include <map>
#include <stdexcept>

#include "assess/report_writers.h"

namespace orashift {

std::string csv_field(std::string_view s) {
  bool quote = s.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) return std::string(s);
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

static void write(const std::string& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary);
  f << text;
  if (!f) throw std::runtime_error("cannot write " + path);
}

void write_report_csv(const Assessment& a, const std::string& dir) {
  std::string occ = "id,code,severity,category,object,message,file,line,column,effort_hours\n";
  for (size_t i = 0; i < a.items.size(); ++i) {
    const auto& it = a.items[i];
    occ += fmt::format("{},{},{},{},{},{},{},{},{},{:.3f}\n", i, it.kind->code, item_severity_name(it.kind->severity),
                       it.kind->category, csv_field(it.object), csv_field(it.message),
                       csv_field(it.span.file ? it.span.file->path() : ""), it.span.line(), it.span.column(), it.hours);
  }
  write(dir + "/action_items.csv", occ);

  struct PerCode {
    size_t n = 0;
    double hours = 0;
  };
  std::map<std::string, PerCode> per;
  for (const auto& it : a.items) {
    auto& p = per[it.kind->code];
    ++p.n;
    p.hours += it.hours;
  }
  std::string codes = "code,severity,category,title,count,effort_hours,recommended_action\n";
  for (const auto& [code, p] : per) {
    const ActionItemKind* k = find_action_item_kind(code);
    codes += fmt::format("{},{},{},{},{},{:.3f},{}\n", code, item_severity_name(k->severity), k->category,
                         csv_field(k->title), p.n, p.hours, csv_field(k->action));
  }
  write(dir + "/action_codes.csv", codes);

  std::string objs = "id,kind,name,class,status,file,line,lines,kb,action_items,effort_hours,constructs\n";
  for (size_t i = 0; i < a.objects.size(); ++i) {
    const auto& o = a.objects[i];
    std::string cons;
    for (const auto& [c, n] : o.constructs) cons += fmt::format("{}{}={}", cons.empty() ? "" : "; ", c, n);
    objs += fmt::format("{},{},{},{},{},{},{},{},{:.2f},{},{:.3f},{}\n", i, csv_field(o.kind), csv_field(o.name),
                        o.code ? "code" : "storage", csv_field(o.status),
                        csv_field(o.span.file ? o.span.file->path() : ""), o.span.line(), o.lines, o.kb, o.items.size(),
                        o.hours, csv_field(cons));
  }
  write(dir + "/objects.csv", objs);
}

std::string portfolio_csv(const std::vector<PortfolioRow>& rows) {
  std::string out = "name,source,objects,automatic_share_storage,automatic_share_code,action_items,estimated_days,level,report\n";
  auto pct = [](double v) { return v < 0 ? std::string() : fmt::format("{:.3f}", v); };
  for (const auto& r : rows) {
    const Assessment& a = r.assessment;
    out += fmt::format("{},{},{},{},{},{},{:.2f},{}-{},{}\n", csv_field(r.name), csv_field(a.source), a.objects.size(),
                       pct(a.auto_share_storage), pct(a.auto_share_code), a.items.size(), a.days(), a.level,
                       a.difficulty, csv_field(r.link));
  }
  return out;
}

}  // namespace orashift
