#include "common/diagnostic.h"

#include "common/redact.h"

#include <algorithm>

namespace orashift {

SourceFile::SourceFile(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (uint32_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
}

uint32_t SourceFile::line_of(uint32_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<uint32_t>(it - line_starts_.begin());
}

uint32_t SourceFile::column_of(uint32_t offset) const {
  uint32_t line = line_of(offset);
  return offset - line_starts_[line - 1] + 1;
}

std::string_view SourceFile::line_text(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  uint32_t b = line_starts_[line - 1];
  uint32_t e = line < line_starts_.size() ? line_starts_[line] : static_cast<uint32_t>(text_.size());
  while (e > b && (text_[e - 1] == '\n' || text_[e - 1] == '\r')) --e;
  return std::string_view(text_).substr(b, e - b);
}

std::string Span::location() const {
  if (!file) return "<unknown>";
  return file->path() + ":" + std::to_string(line()) + ":" + std::to_string(column());
}

std::string_view Span::text() const {
  if (!file) return {};
  return std::string_view(file->text()).substr(begin, end - begin);
}

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::Note: return "note";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

std::string Diagnostic::render() const {
  std::string out = span.location() + ": " + severity_name(severity) + " [" + code + "] " + message + "\n";
  if (span.file) {
    std::string line = redact_passwords(span.file->line_text(span.line()));  // same length: the caret stays right
    std::string_view src = line;
    out.append(src).append("\n");
    // Keep tabs so the caret lines up with the source line as a terminal shows it.
    uint32_t col = span.column();
    for (uint32_t i = 1; i < col && i <= src.size(); ++i) out.push_back(src[i - 1] == '\t' ? '\t' : ' ');
    out.append("^\n");
  }
  return out;
}

void Diagnostics::error(std::string code, std::string message, Span span) {
  items_.push_back({Severity::Error, std::move(code), std::move(message), span});
}
void Diagnostics::warning(std::string code, std::string message, Span span) {
  items_.push_back({Severity::Warning, std::move(code), std::move(message), span});
}
size_t Diagnostics::error_count() const {
  return std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

}  // namespace orashift
