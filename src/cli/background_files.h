#pragma once
// Files written on a thread of their own while the caller goes on. `convert` writes one file
// per converted object (1,574 for utPLSQL): creating them is kernel work that runs on the second
// core while the first builds the report (bench/README.md, "convert_corpus.sh").
#include <exception>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace orashift::cli {

class BackgroundFiles {
public:
  // Starts writing `files` (path, content) in order.
  explicit BackgroundFiles(std::vector<std::pair<std::string, std::string>> files);
  // Waits for the writer; throws std::runtime_error for the first file that could not be written.
  void finish();
  // Waits too (a caller leaving by an exception has an error of its own to report).
  ~BackgroundFiles();
  BackgroundFiles(const BackgroundFiles&) = delete;
  BackgroundFiles& operator=(const BackgroundFiles&) = delete;

private:
  std::vector<std::pair<std::string, std::string>> files_;
  std::exception_ptr error_;
  std::thread writer_;
};

// Writes one file (open, write, close: no stream buffer in between); throws std::runtime_error.
void write_whole_file(const std::string& path, const std::string& text);

}  // namespace orashift::cli
