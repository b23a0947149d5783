#include "assess/summary_report.h"

#include <fmt/format.h>

#include "assess/assessment.h"
#include "assess/report_writers.h"

#include <filesystem>
#include <fstream>
#include <future>
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

static void write_text(const std::string& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary);
  f << text;
  if (!f) throw std::runtime_error("cannot write " + path);
}

void write_summary(const RunSummary& s, const std::string& dir) {
  std::filesystem::create_directories(dir);
  Assessment a = build_assessment(s);
  // report.json on a second thread while this one writes the HTML and CSVs: both only read
  // `a` and `s`, and each is about a tenth of a large convert (bench/README.md).
  auto json_written = std::async(std::launch::async, [&] {
    write_text(dir + "/report.json", report_json(a, s).dump(2, ' ', false, json::error_handler_t::replace));
  });
  try {
    write_report_csv(a, dir);
    if (s.evidence && !s.evidence->empty()) write_type_evidence_csv(*s.evidence, dir);
    write_text(dir + "/report.html", report_html(a, s));
  } catch (...) {
    json_written.wait();
    throw;
  }
  json_written.get();
}

}  // namespace orashift
