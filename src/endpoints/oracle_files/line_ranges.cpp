#include "endpoints/oracle_files/line_ranges.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace orashift {

namespace {

uint64_t count_newlines(const char* p, size_t n) {
  uint64_t lines = 0;
  for (const char* end = p + n; (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p))));
       ++p)
    ++lines;
  return lines;
}

struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

std::vector<LineRange> line_aligned_ranges(const std::string& path, size_t pieces, std::string& error) {
  Fd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  struct stat st {};
  if (f.fd < 0 || ::fstat(f.fd, &st) != 0) {
    error = std::string("cannot open data file: ") + std::strerror(errno);
    return {};
  }
  const uint64_t size = static_cast<uint64_t>(st.st_size);
  std::vector<LineRange> out{LineRange{0, size, 1}};
  pieces = static_cast<size_t>(std::min<uint64_t>(pieces, size));
  if (pieces < 2) return out;
  ::posix_fadvise(f.fd, 0, 0, POSIX_FADV_SEQUENTIAL);

  // Cut k (1 ≤ k < pieces) goes right after the first '\n' at or after byte size*k/pieces - 1,
  // so a cut that falls exactly on a line start stays there.
  size_t cut = 1;
  auto target = [&] { return size * cut / pieces - 1; };
  std::vector<char> buf(1 << 20);
  uint64_t pos = 0, lines = 0;  // file offset of buf[0]; '\n' seen before it
  for (;;) {
    ssize_t got = ::read(f.fd, buf.data(), buf.size());
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      error = std::string("cannot read data file: ") + std::strerror(errno);
      return {};
    }
    if (got == 0) break;
    const size_t n = static_cast<size_t>(got);
    size_t i = 0;
    while (cut < pieces && target() < pos + n) {
      size_t from = static_cast<size_t>(std::max<uint64_t>(target(), pos + i) - pos);
      lines += count_newlines(buf.data() + i, from - i);
      const void* nl = std::memchr(buf.data() + from, '\n', n - from);
      i = nl ? static_cast<size_t>(static_cast<const char*>(nl) - buf.data()) + 1 : n;
      if (!nl) break;  // the line goes on into the next block
      ++lines;
      const uint64_t boundary = pos + i;
      if (boundary < size) {
        out.back().end = boundary;
        out.push_back(LineRange{boundary, size, lines + 1});
      }
      while (cut < pieces && target() < boundary) ++cut;  // a line longer than a piece: fewer ranges
    }
    lines += count_newlines(buf.data() + i, n - i);
    pos += n;
    if (cut >= pieces) break;  // every cut found: the rest of the file need not be read
  }
  return out;
}

}  // namespace orashift
