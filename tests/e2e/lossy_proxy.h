#pragma once
// A TCP proxy on 127.0.0.1 in front of a PostgreSQL server that loses one answer on purpose:
// when the server's CommandComplete for the Nth COMMIT passes through, the proxy closes both
// sides of that connection instead of forwarding it. The client then cannot know that its
// transaction committed — the one failure a retry must not turn into doubled rows.
// Connections must not use SSL or GSS encryption (the proxy reads the protocol's messages).
#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace e2e {

class LossyProxy {
public:
  LossyProxy(uint16_t server_port, int drop_at_commit);
  ~LossyProxy();
  LossyProxy(const LossyProxy&) = delete;
  LossyProxy& operator=(const LossyProxy&) = delete;
  uint16_t port() const { return port_; }
  int commits_seen() const { return commits_.load(); }
  bool dropped() const { return dropped_.load(); }

private:
  void accept_loop();
  void serve(int client);

  uint16_t server_port_;
  int drop_at_;
  int listener_ = -1;
  uint16_t port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> commits_{0};
  std::atomic<bool> dropped_{false};
  std::thread acceptor_;
  std::mutex mu_;
  std::vector<std::thread> workers_;
  std::vector<int> sockets_;
};

}  // namespace e2e
