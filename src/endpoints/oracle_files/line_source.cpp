#include "endpoints/oracle_files/line_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace orashift {

LineSource::LineSource(const std::string& path, uint64_t offset, size_t chunk_bytes, std::string& error, uint64_t end) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) {
    error = std::string("cannot open data file: ") + std::strerror(errno);
    eof_ = true;
    return;
  }
  struct stat st {};
  if (::fstat(fd_, &st) == 0) {
    uint64_t stop = end && end < static_cast<uint64_t>(st.st_size) ? end : static_cast<uint64_t>(st.st_size);
    if (stop > offset) total_ = stop - offset;
  }
  if (end) unread_ = total_;  // a whole file is read to its end, whatever fstat said (pipes)
  if (offset && ::lseek(fd_, static_cast<off_t>(offset), SEEK_SET) < 0) {
    error = std::string("cannot seek in data file: ") + std::strerror(errno);
    eof_ = true;
  }
  buf_.resize(chunk_bytes < 4096 ? 4096 : chunk_bytes);
}

LineSource::LineSource(std::string_view text, uint64_t offset) {
  if (offset > text.size()) offset = text.size();
  buf_.assign(text.begin() + offset, text.end());
  tail_ = buf_.size();
  total_ = buf_.size();
  eof_ = true;
}

LineSource::~LineSource() {
  if (fd_ >= 0) ::close(fd_);
}

// Moves the unread tail to the front and reads more; grows the buffer when one line fills it.
bool LineSource::fill() {
  if (eof_) return false;
  if (head_ > 0) {
    std::memmove(buf_.data(), buf_.data() + head_, tail_ - head_);
    tail_ -= head_;
    head_ = 0;
  }
  if (tail_ == buf_.size()) buf_.resize(buf_.size() * 2);
  for (;;) {
    size_t want = static_cast<size_t>(std::min<uint64_t>(buf_.size() - tail_, unread_));
    ssize_t n = want ? ::read(fd_, buf_.data() + tail_, want) : 0;
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      eof_ = true;  // a read error ends the data like EOF; bytes_read() < bytes_total() shows it
      return false;
    }
    tail_ += static_cast<size_t>(n);
    unread_ -= static_cast<uint64_t>(n);
    return true;
  }
}

bool LineSource::next(std::string_view& line) {
  size_t scan_from = head_;
  for (;;) {
    const char* base = buf_.data();
    const void* nl = scan_from < tail_ ? std::memchr(base + scan_from, '\n', tail_ - scan_from) : nullptr;
    if (nl) {
      size_t end = static_cast<const char*>(nl) - base;
      size_t len = end - head_;
      consumed_ += len + 1;
      if (len && base[end - 1] == '\r') --len;
      line = std::string_view(base + head_, len);
      head_ = end + 1;
      return true;
    }
    size_t seen = tail_ - head_;
    if (!fill()) {
      if (head_ == tail_) return false;
      size_t len = tail_ - head_;  // last line without a terminator
      consumed_ += len;
      if (buf_[tail_ - 1] == '\r') --len;
      line = std::string_view(buf_.data() + head_, len);
      head_ = tail_;
      return true;
    }
    scan_from = head_ + seen;
  }
}

std::string read_file_text(const std::string& path) {
  std::string out;
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return out;
  struct stat st;
  if (::fstat(fd, &st) == 0 && st.st_size > 0) out.reserve(static_cast<size_t>(st.st_size));
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return out;
}

}  // namespace orashift
