#pragma once
// Writes one SQL*Loader data file: fields terminated by '|', optionally enclosed by '"',
// one row per LF-terminated line, UTF-8. Builds each row in memory and writes through a
// large stdio buffer, because the fact table has a million rows at scale 1.
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace orashift::sample {

class DatWriter {
public:
  // Throws std::runtime_error when the file cannot be created.
  DatWriter(const std::string& path, int columns);
  ~DatWriter();
  DatWriter(const DatWriter&) = delete;
  DatWriter& operator=(const DatWriter&) = delete;

  // A string is enclosed only when it must be: empty (an enclosed "" loads as NULL), edge
  // blanks (unenclosed blanks are trimmed), the delimiter or the quote; quotes are doubled.
  void text(std::string_view s);
  void quoted(std::string_view s);  // always enclosed, for the hard cases that need it
  void null();                      // an empty unenclosed field
  void integer(int64_t v);
  void decimal(int64_t units, int scale);       // exactly `scale` decimals: 12.50
  void decimal_trim(int64_t units, int scale);  // trailing zeros dropped: 12.5, 3
  void date(int64_t day);
  void datetime(int64_t day, int seconds_of_day);
  // Checks the field count against the table, so a generator bug fails loudly, not silently.
  void end_row();

  void close();  // flushes; throws std::runtime_error on a write error
  uint64_t rows() const { return rows_; }
  uint64_t bytes() const { return bytes_; }

private:
  void separator();
  std::FILE* file_ = nullptr;
  std::string path_;
  std::string row_;
  int columns_ = 0;
  int fields_ = 0;
  uint64_t rows_ = 0;
  uint64_t bytes_ = 0;
};

}  // namespace orashift::sample
