#include "lossy_proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>

namespace e2e {

namespace {

bool write_all(int fd, const char* p, size_t n) {
  while (n > 0) {
    ssize_t w = ::send(fd, p, n, MSG_NOSIGNAL);
    if (w <= 0) return false;
    p += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

}  // namespace

LossyProxy::LossyProxy(uint16_t server_port, int drop_at_commit) : server_port_(server_port), drop_at_(drop_at_commit) {
  listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  socklen_t len = sizeof a;
  if (::bind(listener_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(listener_, 16) != 0 ||
      ::getsockname(listener_, reinterpret_cast<sockaddr*>(&a), &len) != 0)
    throw std::runtime_error("lossy proxy: cannot listen");
  port_ = ntohs(a.sin_port);
  acceptor_ = std::thread([this] { accept_loop(); });
}

LossyProxy::~LossyProxy() {
  stop_ = true;
  ::shutdown(listener_, SHUT_RDWR);
  ::close(listener_);
  acceptor_.join();
  {
    std::lock_guard lock(mu_);
    for (int s : sockets_) ::shutdown(s, SHUT_RDWR);
  }
  for (auto& t : workers_) t.join();
  for (int s : sockets_) ::close(s);
}

void LossyProxy::accept_loop() {
  while (!stop_) {
    pollfd p{listener_, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    int client = ::accept(listener_, nullptr, nullptr);
    if (client < 0) continue;
    std::lock_guard lock(mu_);
    workers_.emplace_back([this, client] { serve(client); });
  }
}

// Client → server bytes are copied as they come; server → client bytes are cut into messages
// (type byte, 4-byte length) so that CommandComplete "COMMIT" can be recognised and withheld.
void LossyProxy::serve(int client) {
  int server = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(server_port_);
  {
    std::lock_guard lock(mu_);
    sockets_.push_back(client);
    sockets_.push_back(server);
  }
  if (::connect(server, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::shutdown(client, SHUT_RDWR);
    return;
  }
  std::string from_server;
  char buf[65536];
  for (;;) {
    pollfd p[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
    if (::poll(p, 2, 200) < 0 || stop_) break;
    if (p[0].revents) {
      ssize_t n = ::recv(client, buf, sizeof buf, 0);
      if (n <= 0 || !write_all(server, buf, static_cast<size_t>(n))) break;
    }
    if (p[1].revents) {
      ssize_t n = ::recv(server, buf, sizeof buf, 0);
      if (n <= 0) break;
      from_server.append(buf, static_cast<size_t>(n));
      size_t at = 0;
      bool cut = false;
      while (from_server.size() - at >= 5) {
        uint32_t len;
        std::memcpy(&len, from_server.data() + at + 1, 4);
        len = ntohl(len);
        if (from_server.size() - at < 1 + len) break;
        if (from_server[at] == 'C' && std::strncmp(from_server.data() + at + 5, "COMMIT", 6) == 0 &&
            ++commits_ == drop_at_) {
          cut = true;  // the commit happened on the server; its answer is lost
          break;
        }
        at += 1 + len;
      }
      if (!write_all(client, from_server.data(), at)) break;
      from_server.erase(0, at);
      if (cut) {
        dropped_ = true;
        break;
      }
    }
  }
  ::shutdown(client, SHUT_RDWR);
  ::shutdown(server, SHUT_RDWR);
}

}  // namespace e2e
