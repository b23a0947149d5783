#include "cdp_page.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>
#include <vector>

#include "e2e_util.h"

namespace e2e {

using nlohmann::json;

namespace {

constexpr int kAnswerTimeoutMs = 30000;

}  // namespace

CdpPage::CdpPage(const std::string& chromium, const std::string& url) {
  profile_ = temp_dir("cdp-profile");  // a fresh profile: no state from an earlier run
  int to[2], from[2];
  if (pipe(to) != 0 || pipe(from) != 0) {
    error_ = "pipe failed";
    return;
  }
  pid_ = fork();
  if (pid_ == 0) {
    // Chromium reads commands on fd 3 and writes answers on fd 4.
    int log = open((profile_ / "chromium.log").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(log, 1);
    dup2(log, 2);
    int cmd_fd = dup(to[0]), answer_fd = dup(from[1]);  // above 4, so the dup2s below cannot clobber them
    dup2(cmd_fd, 3);
    dup2(answer_fd, 4);
    for (int fd = 5; fd < 1024; ++fd) close(fd);
    std::vector<std::string> args = {chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                                     "--no-first-run", "--disable-background-networking", "--disable-component-update",
                                     "--disable-sync", "--disable-dev-shm-usage", "--window-size=1366,900",
                                     "--user-data-dir=" + profile_.string(), "--remote-debugging-pipe", url};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(chromium.c_str(), argv.data());
    _exit(127);
  }
  close(to[0]);
  close(from[1]);
  to_browser_ = to[1];
  from_browser_ = from[0];
  signal(SIGPIPE, SIG_IGN);  // a browser that died shows as a failed write, not a dead test
  // The page Chromium opened with `url`: attach to it, flattened so commands carry its session.
  std::string target;
  for (int attempt = 0; attempt < 100 && target.empty() && ok(); ++attempt) {
    json targets = call("Target.getTargets", json::object(), false);
    for (const auto& t : targets.value("targetInfos", json::array()))
      if (t.value("type", "") == "page") target = t.value("targetId", "");
    if (target.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  if (target.empty()) {
    if (ok()) error_ = "no page target";
    return;
  }
  json attached = call("Target.attachToTarget", {{"targetId", target}, {"flatten", true}}, false);
  session_ = attached.value("sessionId", "");
  if (session_.empty() && ok()) error_ = "could not attach to the page";
}

CdpPage::~CdpPage() {
  if (to_browser_ >= 0) close(to_browser_);  // Chromium exits when its command pipe closes
  if (from_browser_ >= 0) close(from_browser_);
  if (pid_ > 0) {
    int st = 0;
    for (int i = 0; i < 50 && waitpid(pid_, &st, WNOHANG) == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (waitpid(pid_, &st, WNOHANG) == 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &st, 0);
    }
  }
  std::error_code ec;
  std::filesystem::remove_all(profile_, ec);
}

json CdpPage::call(const std::string& method, json params, bool on_page) {
  if (!ok()) return nullptr;
  const int id = ++next_id_;
  json msg = {{"id", id}, {"method", method}, {"params", std::move(params)}};
  if (on_page) msg["sessionId"] = session_;
  std::string out = msg.dump();
  out.push_back('\0');
  for (size_t done = 0; done < out.size();) {
    ssize_t n = write(to_browser_, out.data() + done, out.size() - done);
    if (n <= 0) {
      error_ = "the browser closed its command pipe (" + method + ")";
      return nullptr;
    }
    done += static_cast<size_t>(n);
  }
  // Answers and events arrive in one stream; events are skipped.
  for (;;) {
    size_t end;
    while ((end = buffer_.find('\0')) != std::string::npos) {
      json m = json::parse(buffer_.substr(0, end), nullptr, false);
      buffer_.erase(0, end + 1);
      if (m.is_discarded() || !m.contains("id") || m["id"] != id) continue;
      if (m.contains("error")) {
        error_ = method + ": " + m["error"].dump();
        return nullptr;
      }
      return m.value("result", json::object());
    }
    pollfd p{from_browser_, POLLIN, 0};
    char buf[65536];
    ssize_t n = poll(&p, 1, kAnswerTimeoutMs) == 1 ? read(from_browser_, buf, sizeof buf) : -1;
    if (n <= 0) {
      error_ = "no answer from the browser to " + method;
      return nullptr;
    }
    buffer_.append(buf, static_cast<size_t>(n));
  }
}

json CdpPage::eval(const std::string& expression) {
  json r = call("Runtime.evaluate", {{"expression", expression}, {"returnByValue", true}});
  if (r.is_null()) return nullptr;
  if (r.contains("exceptionDetails")) {
    error_ = "exception in " + expression + ": " + r["exceptionDetails"].dump();
    return nullptr;
  }
  return r["result"].value("value", json());
}

bool CdpPage::wait_for(const std::string& expression, double seconds) {
  auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (ok()) {
    // The page may not be there yet (about:blank has no report): an exception is "not yet".
    if (eval("(function(){try{return !!(" + expression + ");}catch(e){return false;}})()") == true) return true;
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

bool CdpPage::click(const std::string& selector) {
  json box = eval("(function(){var e=document.querySelector(" + json(selector).dump() +
                  ");if(!e)return null;e.scrollIntoView({block:'center'});var r=e.getBoundingClientRect();"
                  "return {x:r.left+r.width/2,y:r.top+r.height/2};})()");
  if (!box.is_object()) {
    if (ok()) error_ = "nothing matches " + selector;
    return false;
  }
  json at = {{"x", box["x"]}, {"y", box["y"]}, {"button", "left"}, {"clickCount", 1}};
  for (const char* type : {"mouseMoved", "mousePressed", "mouseReleased"}) {
    json ev = at;
    ev["type"] = type;
    if (std::string(type) == "mouseMoved") ev["button"] = "none";
    call("Input.dispatchMouseEvent", ev);
  }
  return ok();
}

void CdpPage::type(const std::string& text) {
  for (char c : text) {
    std::string s(1, c);
    call("Input.dispatchKeyEvent", {{"type", "keyDown"}, {"text", s}, {"key", s}, {"unmodifiedText", s}});
    call("Input.dispatchKeyEvent", {{"type", "keyUp"}, {"key", s}});
  }
}

}  // namespace e2e
