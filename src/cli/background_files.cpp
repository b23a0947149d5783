#include "cli/background_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace orashift::cli {

void write_whole_file(const std::string& path, const std::string& text) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int e = errno;
      ::close(fd);
      throw std::runtime_error("cannot write " + path + ": " + std::strerror(e));
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
}

BackgroundFiles::BackgroundFiles(std::vector<std::pair<std::string, std::string>> files) : files_(std::move(files)) {
  writer_ = std::thread([this] {
    try {
      for (const auto& [path, text] : files_) write_whole_file(path, text);
    } catch (...) {
      error_ = std::current_exception();
    }
  });
}

void BackgroundFiles::finish() {
  if (writer_.joinable()) writer_.join();
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
}

BackgroundFiles::~BackgroundFiles() {
  if (writer_.joinable()) writer_.join();
}

}  // namespace orashift::cli
