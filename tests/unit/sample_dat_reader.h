#pragma once
// A reader for the sample's SQL*Loader data files, written apart from the generator's writer
// so the tests check the files as a loader would see them, not as the writer meant them.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace sample_test {

struct Field {
  std::string text;
  bool enclosed = false;
  bool is_null() const { return text.empty(); }  // Oracle: an empty string is NULL
};
using Row = std::vector<Field>;

// FIELDS TERMINATED BY '|' OPTIONALLY ENCLOSED BY '"', a doubled quote inside an enclosure.
inline Row split_row(std::string_view line) {
  Row row;
  size_t i = 0;
  for (;;) {
    Field f;
    if (i < line.size() && line[i] == '"') {
      f.enclosed = true;
      ++i;
      for (;;) {
        if (i >= line.size()) throw std::runtime_error("unterminated enclosure: " + std::string(line));
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            f.text += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        f.text += line[i++];
      }
      if (i < line.size() && line[i] != '|') throw std::runtime_error("text after enclosure: " + std::string(line));
    } else {
      size_t j = line.find('|', i);
      if (j == std::string_view::npos) j = line.size();
      f.text = std::string(line.substr(i, j - i));
      i = j;
      if (f.text.find('"') != std::string::npos) throw std::runtime_error("bare quote: " + std::string(line));
    }
    row.push_back(std::move(f));
    if (i >= line.size()) break;
    ++i;
  }
  return row;
}

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::vector<Row> read_rows(const std::filesystem::path& p) {
  const std::string text = read_file(p);
  if (!text.empty() && text.back() != '\n') throw std::runtime_error(p.string() + " does not end with LF");
  std::vector<Row> rows;
  size_t start = 0;
  while (start < text.size()) {
    const size_t end = text.find('\n', start);
    std::string_view line(text.data() + start, end - start);
    if (!line.empty() && line.back() == '\r') throw std::runtime_error(p.string() + " has CR LF");
    rows.push_back(split_row(line));
    start = end + 1;
  }
  return rows;
}

inline bool valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    const int n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    if (n < 0) return false;
    for (int k = 1; k <= n; ++k)
      if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
    i += n + 1;
  }
  return true;
}

}  // namespace sample_test
