#pragma once
// Located diagnostics, printed like a compiler: file:line:col: severity [CODE] message,
// then the source line and a caret under the column.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace orashift {

// A loaded source file: its text and an index of line starts, so a byte offset can be
// turned into line:col cheaply. Shared by tokens, AST nodes and diagnostics.
class SourceFile {
public:
  SourceFile(std::string path, std::string text);
  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  // 1-based line and column (column counts bytes) of a byte offset.
  uint32_t line_of(uint32_t offset) const;
  uint32_t column_of(uint32_t offset) const;
  std::string_view line_text(uint32_t line) const;

private:
  std::string path_;
  std::string text_;
  std::vector<uint32_t> line_starts_;
};

// A byte range in one source file.
struct Span {
  const SourceFile* file = nullptr;
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t line() const { return file ? file->line_of(begin) : 0; }
  uint32_t column() const { return file ? file->column_of(begin) : 0; }
  std::string location() const;  // "path:line:col"
  std::string_view text() const;
};

enum class Severity { Note, Warning, Error };
const char* severity_name(Severity s);

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;     // e.g. "P0001" for parser errors, "OS1001" for action items
  std::string message;
  Span span;
  // Compiler-style rendering: location, message, the source line and a caret.
  std::string render() const;
};

// Collects diagnostics; nothing below the CLI prints them itself.
class Diagnostics {
public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void error(std::string code, std::string message, Span span);
  void warning(std::string code, std::string message, Span span);
  const std::vector<Diagnostic>& items() const { return items_; }
  size_t error_count() const;
  bool empty() const { return items_.empty(); }

private:
  std::vector<Diagnostic> items_;
};

}  // namespace orashift
