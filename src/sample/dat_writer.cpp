#include "sample/dat_writer.h"

#include <charconv>
#include <stdexcept>

#include "sample/sh_calendar.h"

namespace orashift::sample {

static constexpr size_t kBufferBytes = 1 << 20;

DatWriter::DatWriter(const std::string& path, int columns) : path_(path), columns_(columns) {
  file_ = std::fopen(path.c_str(), "wb");
  if (!file_) throw std::runtime_error("cannot create " + path);
  std::setvbuf(file_, nullptr, _IOFBF, kBufferBytes);
  row_.reserve(1024);
}

DatWriter::~DatWriter() {
  if (file_) std::fclose(file_);
}

void DatWriter::separator() {
  if (fields_++ > 0) row_.push_back('|');
}

void DatWriter::quoted(std::string_view s) {
  separator();
  row_.push_back('"');
  for (char c : s) {
    if (c == '"') row_.push_back('"');
    row_.push_back(c);
  }
  row_.push_back('"');
}

void DatWriter::text(std::string_view s) {
  const bool needs = s.empty() || s.front() == ' ' || s.back() == ' ' || s.front() == '\t' || s.back() == '\t' ||
                     s.find_first_of("|\"") != std::string_view::npos;
  if (needs) return quoted(s);
  separator();
  row_.append(s);
}

void DatWriter::null() { separator(); }

void DatWriter::integer(int64_t v) {
  separator();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  row_.append(buf, r.ptr);
}

void DatWriter::decimal(int64_t units, int scale) {
  separator();
  if (units < 0) {
    row_.push_back('-');
    units = -units;
  }
  int64_t pow = 1;
  for (int i = 0; i < scale; ++i) pow *= 10;
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, units / pow);
  row_.append(buf, r.ptr);
  if (scale == 0) return;
  row_.push_back('.');
  int64_t frac = units % pow;
  for (int64_t p = pow / 10; p > 0; p /= 10) row_.push_back(static_cast<char>('0' + frac / p % 10));
}

void DatWriter::decimal_trim(int64_t units, int scale) {
  decimal(units, scale);
  if (scale == 0) return;
  while (row_.back() == '0') row_.pop_back();
  if (row_.back() == '.') row_.pop_back();
}

void DatWriter::date(int64_t day) {
  separator();
  append_date(row_, day);
}

void DatWriter::datetime(int64_t day, int seconds_of_day) {
  separator();
  append_datetime(row_, day, seconds_of_day);
}

void DatWriter::end_row() {
  if (fields_ != columns_)
    throw std::logic_error(path_ + ": row " + std::to_string(rows_ + 1) + " has " + std::to_string(fields_) +
                           " fields, the table has " + std::to_string(columns_));
  row_.push_back('\n');
  std::fwrite(row_.data(), 1, row_.size(), file_);
  bytes_ += row_.size();
  ++rows_;
  row_.clear();
  fields_ = 0;
}

void DatWriter::close() {
  if (!file_) return;
  const bool failed = std::ferror(file_) != 0;
  const bool close_failed = std::fclose(file_) != 0;
  file_ = nullptr;
  if (failed || close_failed) throw std::runtime_error("error writing " + path_);
}

}  // namespace orashift::sample
