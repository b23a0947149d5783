#include "endpoints/postgres/pg_connection.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <utility>

#include "endpoints/postgres/pg_conninfo.h"

namespace orashift {

namespace {

// Connections being opened ahead of their use, by conninfo, in the order they were started. Each
// opens on a thread of its own with libpq's non-blocking connect, so that exiting can stop and
// join it: a thread left inside libpq while exit() tears the libraries down crashed (krb5's
// mutexes, under the default gssencmode=prefer), and waiting for a server that never answers hung.
class Prefetched {
  struct Pending {
    std::mutex mu;
    std::condition_variable cv;
    bool done = false, taken = false;
    PGconn* conn = nullptr;  // as libpq left it, open or failed; null: stopped or timed out
  };

public:
  Prefetched() {
    if (::pipe2(stop_, O_CLOEXEC) != 0) stop_[0] = stop_[1] = -1;
  }
  void start(const std::string& conninfo, int count) {
    if (stop_[0] < 0) return;
    for (int i = 0; i < count; ++i) {
      auto p = std::make_shared<Pending>();
      std::thread t;
      try {
        t = std::thread([this, p, conninfo] {
          PGconn* c = open(conninfo);
          std::lock_guard l(p->mu);
          p->conn = c;
          p->done = true;
          p->cv.notify_all();
        });
      } catch (const std::system_error&) {
        return;  // no thread: the connection is made when it is needed
      }
      std::lock_guard lock(mu_);
      pending_.emplace(conninfo, p);
      threads_.push_back(std::move(t));
      all_.push_back(std::move(p));
    }
  }
  // The connection opened for `conninfo`, as libpq left it (a failed one carries its error, so the
  // caller reports it without logging in again); nullptr when none was started or it timed out.
  PGconn* take(const std::string& conninfo) {
    std::shared_ptr<Pending> p;
    {
      std::lock_guard lock(mu_);
      auto it = pending_.find(conninfo);
      if (it == pending_.end()) return nullptr;
      p = std::move(it->second);
      pending_.erase(it);
    }
    std::unique_lock l(p->mu);
    p->cv.wait(l, [&] { return p->done; });
    p->taken = true;
    return std::exchange(p->conn, nullptr);
  }
  // At exit: stop the ones still connecting, join every thread, close what was never taken (the
  // server sees a goodbye, not a dropped client).
  ~Prefetched() {
    if (stop_[1] >= 0) {
      char b = 1;
      while (::write(stop_[1], &b, 1) < 0 && errno == EINTR) {
      }
    }
    for (auto& t : threads_)
      if (t.joinable()) t.join();
    for (auto& p : all_)
      if (!p->taken && p->conn) PQfinish(p->conn);
    for (int fd : stop_)
      if (fd >= 0) ::close(fd);
  }

private:
  // PQconnectStart / PQconnectPoll until the connection is made or fails, the stop pipe is
  // written, or connect_timeout (libpq's own rule: at least 2 s, 0 or absent = none) runs out.
  PGconn* open(const std::string& conninfo) {
    int timeout_ms = -1;
    if (PQconninfoOption* opts = PQconninfoParse(conninfo.c_str(), nullptr)) {
      for (PQconninfoOption* o = opts; o->keyword; ++o)
        if (std::strcmp(o->keyword, "connect_timeout") == 0 && o->val && std::atoi(o->val) > 0)
          timeout_ms = std::max(2, std::atoi(o->val)) * 1000;
      PQconninfoFree(opts);
    }
    PGconn* c = PQconnectStart(conninfo.c_str());
    if (!c || PQstatus(c) == CONNECTION_BAD) return c;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    PostgresPollingStatusType st = PGRES_POLLING_WRITING;
    while (st != PGRES_POLLING_OK && st != PGRES_POLLING_FAILED) {
      pollfd fds[2] = {{PQsocket(c), static_cast<short>(st == PGRES_POLLING_READING ? POLLIN : POLLOUT), 0},
                       {stop_[0], POLLIN, 0}};
      int wait = -1;
      if (timeout_ms >= 0) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
        wait = static_cast<int>(std::max<long long>(0, left));
      }
      int n = ::poll(fds, 2, wait);
      if (n < 0 && errno == EINTR) continue;
      if (n == 0 || n < 0 || (fds[1].revents & POLLIN)) {  // timed out, failed, or stopped
        PQfinish(c);
        return nullptr;
      }
      st = PQconnectPoll(c);
    }
    return c;
  }

  int stop_[2] = {-1, -1};
  std::mutex mu_;
  std::multimap<std::string, std::shared_ptr<Pending>> pending_;  // not yet taken; equal keys keep their order
  std::vector<std::shared_ptr<Pending>> all_;
  std::vector<std::thread> threads_;
};

Prefetched& prefetched() {
  static Prefetched p;
  return p;
}

}  // namespace

void prefetch_pg_connections(const std::string& conninfo, int count) { prefetched().start(conninfo, count); }

PgConnection::PgConnection(const std::string& conninfo) : secrets_(conninfo_passwords(conninfo)) {
  if (const char* env = std::getenv("PGPASSWORD")) secrets_.emplace_back(env);
  conn_ = prefetched().take(conninfo);
  if (!conn_) conn_ = PQconnectdb(conninfo.c_str());
  if (conn_ && PQpass(conn_)) secrets_.emplace_back(PQpass(conn_));  // may come from ~/.pgpass
  if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
    std::string message = conn_ ? PQerrorMessage(conn_) : "out of memory";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    if (conn_) PQfinish(conn_);
    conn_ = nullptr;
    throw std::runtime_error("postgres: cannot connect to " + redact_conninfo(conninfo) + ": " + scrub(message));
  }
  // Server NOTICEs would go to stderr; nothing below the CLI prints to the terminal.
  PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
  if (PQsetClientEncoding(conn_, "UTF8") != 0) {
    std::string message = scrub(PQerrorMessage(conn_));
    PQfinish(conn_);
    conn_ = nullptr;
    throw std::runtime_error("postgres: cannot use UTF8 client encoding: " + message);
  }
}

void PgConnection::reset() {
  PQreset(conn_);
  if (PQstatus(conn_) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn_);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    throw std::runtime_error("postgres: cannot reconnect: " + scrub(message));
  }
  PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
  if (PQsetClientEncoding(conn_, "UTF8") != 0)
    throw std::runtime_error("postgres: cannot use UTF8 client encoding: " + scrub(PQerrorMessage(conn_)));
  if (!session_sql_.empty()) execute(session_sql_);
}

void PgConnection::set_session(std::string sql) {
  session_sql_ = std::move(sql);
  if (!session_sql_.empty()) execute(session_sql_);
}

PgConnection::~PgConnection() {
  if (conn_) PQfinish(conn_);
}

std::string PgConnection::scrub(std::string message) const { return scrub_secrets(std::move(message), secrets_); }

std::string PgConnection::error_of(const PGresult* result) const {
  const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  std::string message;
  if (primary) {
    message = primary;
    if (const char* detail = PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL)) message += std::string(" DETAIL: ") + detail;
  } else {
    message = PQerrorMessage(conn_);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    if (message.empty()) message = "unknown error";
  }
  return scrub(std::move(message));
}

void PgConnection::execute(const std::string& sql) {
  // PQexec runs ';'-separated statements in one implicit transaction unless they say otherwise.
  PgResult r(PQexec(conn_, sql.c_str()), &PQclear);
  ExecStatusType st = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY)
    throw std::runtime_error("postgres: " + error_of(r.get()));
}

QueryResult PgConnection::collect(PgResult r) {
  ExecStatusType st = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
  if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) throw std::runtime_error("postgres: " + error_of(r.get()));
  QueryResult out;
  int columns = PQnfields(r.get()), rows = PQntuples(r.get());
  for (int c = 0; c < columns; ++c) out.columns.emplace_back(PQfname(r.get(), c));
  out.rows.resize(rows);
  for (int i = 0; i < rows; ++i)
    for (int c = 0; c < columns; ++c)
      out.rows[i].push_back(PQgetisnull(r.get(), i, c)
                                ? std::nullopt
                                : std::optional<std::string>(std::string(PQgetvalue(r.get(), i, c), PQgetlength(r.get(), i, c))));
  return out;
}

QueryResult PgConnection::query(const std::string& sql) { return collect(PgResult(PQexec(conn_, sql.c_str()), &PQclear)); }

QueryResult PgConnection::query_params(const std::string& sql, const std::vector<std::string>& params) {
  std::vector<const char*> values;
  for (const auto& p : params) values.push_back(p.c_str());
  return collect(PgResult(PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                                       nullptr, nullptr, 0),
                          &PQclear));
}

bool pg_fatal_sqlstate(const char* sqlstate) {
  if (!sqlstate || std::strlen(sqlstate) != 5) return true;
  static const char* const kClasses[] = {"08", "0A", "25", "28", "3D", "40", "42", "53", "57", "58", "XX"};
  for (const char* c : kClasses)
    if (std::strncmp(sqlstate, c, 2) == 0) return true;
  return false;
}

}  // namespace orashift
