#include "endpoints/postgres/pg_connection.h"

#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <utility>

#include "endpoints/postgres/pg_conninfo.h"

namespace orashift {

namespace {

// Connections being opened ahead of their use, by conninfo, in the order they were started.
// Each opens on a detached thread: exiting never waits for a server that does not answer (a
// task found invalid after its connections were started leaves at once).
class Prefetched {
  struct Pending {
    std::mutex mu;
    std::condition_variable cv;
    bool done = false, abandoned = false;
    PGconn* conn = nullptr;
  };

public:
  void start(const std::string& conninfo, int count) {
    std::lock_guard lock(mu_);
    for (int i = 0; i < count; ++i) {
      auto p = std::make_shared<Pending>();
      pending_.emplace(conninfo, p);
      std::thread([p, conninfo] {
        PGconn* c = PQconnectdb(conninfo.c_str());
        std::lock_guard l(p->mu);
        if (p->abandoned) {
          PQfinish(c);
          return;
        }
        p->conn = c;
        p->done = true;
        p->cv.notify_all();
      }).detach();
    }
  }
  // A connection to `conninfo` that is open, or nullptr.
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
    PGconn* c = std::exchange(p->conn, nullptr);
    if (c && PQstatus(c) == CONNECTION_OK) return c;
    if (c) PQfinish(c);
    return nullptr;
  }
  // At exit: the opened ones never taken are closed (the server sees a goodbye, not a dropped
  // client); one still opening is closed by its thread if the process lives long enough.
  ~Prefetched() {
    std::lock_guard lock(mu_);
    for (auto& [conninfo, p] : pending_) {
      std::lock_guard l(p->mu);
      if (p->done && p->conn) PQfinish(std::exchange(p->conn, nullptr));
      p->abandoned = true;
    }
  }

private:
  std::mutex mu_;
  std::multimap<std::string, std::shared_ptr<Pending>> pending_;  // equal keys keep their insertion order
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
