#pragma once
// One large data file read by several threads: byte ranges of a file whose records are lines,
// each starting right after a '\n' (so no record is cut), with the line number of its first
// record so rejects keep their exact file:line. Only for readers whose records are physical
// lines whatever their content: SQL*Loader's stream format is (an enclosed field does not span
// lines; a newline inside quotes ends the record there as in SQL*Loader), RFC 4180 CSV is not.
#include <cstdint>
#include <string>
#include <vector>

namespace orashift {

struct LineRange {
  uint64_t begin = 0;       // first byte (0, or the byte after a '\n')
  uint64_t end = 0;         // byte after the last one
  uint64_t first_line = 1;  // 1-based line number of the byte at `begin`
};

// Splits `path` into at most `pieces` ranges of about equal size. The line numbers come from
// one sequential pass counting '\n' (the file is read once more, at memory speed when cached).
// A line longer than a piece just makes fewer ranges. Returns one whole-file range when
// pieces < 2 or the file is empty; empty with `error` set when the file cannot be read.
std::vector<LineRange> line_aligned_ranges(const std::string& path, size_t pieces, std::string& error);

}  // namespace orashift
