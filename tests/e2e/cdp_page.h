#pragma once
// One page of a headless Chromium driven through the DevTools protocol over a pipe
// (--remote-debugging-pipe: commands on fd 3, answers on fd 4, each message JSON ending in a NUL
// byte), so tests can click and type like a user: mouse and key events go through Chromium's
// input pipeline, not through the page's own script. No npm package, no port.
#include <sys/types.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace e2e {

class CdpPage {
public:
  // Starts Chromium (`chromium` is its path) on `url` and attaches to the page; ok() tells
  // whether that worked, error() why not.
  CdpPage(const std::string& chromium, const std::string& url);
  ~CdpPage();
  CdpPage(const CdpPage&) = delete;
  CdpPage& operator=(const CdpPage&) = delete;

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

  // The value of a JavaScript expression in the page (JSON null on an exception, which is
  // recorded in error()).
  nlohmann::json eval(const std::string& expression);
  // Polls `expression` until it is true (up to `seconds`).
  bool wait_for(const std::string& expression, double seconds = 10);
  // A left click in the middle of the first element matching `selector`, scrolled into view.
  bool click(const std::string& selector);
  // Types `text` into the focused element, one key event per character.
  void type(const std::string& text);

private:
  nlohmann::json call(const std::string& method, nlohmann::json params, bool on_page = true);

  pid_t pid_ = -1;
  int to_browser_ = -1, from_browser_ = -1;
  int next_id_ = 0;
  std::string session_, buffer_, error_;
  std::filesystem::path profile_;
};

}  // namespace e2e
