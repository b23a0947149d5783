#include "assess/summary_report.h"

#include <fmt/format.h>

#include "assess/assessment.h"
#include "assess/report_writers.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
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

std::string summary_json(const RunSummary& s) {
  return report_json(build_assessment(s), s).dump(2, ' ', false, json::error_handler_t::replace);
}

std::string summary_html(const RunSummary& s) { return report_html(build_assessment(s), s); }

void write_summary(const RunSummary& s, const std::string& dir) {
  std::filesystem::create_directories(dir);
  Assessment a = build_assessment(s);
  write_report_csv(a, dir);
  if (s.evidence && !s.evidence->empty()) write_type_evidence_csv(*s.evidence, dir);
  for (auto [name, text] : {std::pair{"report.json", report_json(a, s).dump(2, ' ', false, json::error_handler_t::replace)},
                            std::pair{"report.html", report_html(a, s)}}) {
    std::ofstream f(dir + "/" + name, std::ios::binary);
    f << text;
    if (!f) throw std::runtime_error("cannot write " + dir + "/" + name);
  }
}

}  // namespace orashift
