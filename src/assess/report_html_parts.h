#pragma once
// Pieces of the HTML report shared by the per-source page and the portfolio page.
#include <functional>
#include <string>

#include "assess/assessment.h"

namespace orashift {

struct RunSummary;

std::string page_head(const std::string& title);
std::string page_foot();  // the inline script and </body></html>
std::string filter_box(const std::string& table_id);
std::string level_sentence(const Assessment& a);
std::string short_location(const Span& sp);  // file name (not path):line:col
// Source lines around a span, line numbers, the span's lines highlighted, all escaped.
std::string source_snippet(Span sp, uint32_t context, uint32_t max_lines = 8, bool highlight = true);
std::string occurrence_html(const Occurrence& o,
                            const std::function<std::string(const Occurrence&)>& converted);
std::string code_objects_html(const Assessment& a);
// Physical design, diagnostics, load, verification, effort model.
std::string run_details_html(const Assessment& a, const RunSummary& s);

}  // namespace orashift
