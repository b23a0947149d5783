#pragma once
// One libpq connection with the habits every PostgreSQL use here needs: UTF-8, errors as
// std::runtime_error carrying the server's message, and no password in any message.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <libpq-fe.h>

#include "load/endpoint.h"

namespace orashift {

using PgResult = std::unique_ptr<PGresult, decltype(&PQclear)>;

class PgConnection {
public:
  // Connects with PQconnectdb (URI or key=value string); throws with a scrubbed message.
  explicit PgConnection(const std::string& conninfo);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  PGconn* get() const { return conn_; }
  bool ok() const { return PQstatus(conn_) == CONNECTION_OK; }
  // Reconnects with the same parameters after the connection dropped (PQreset); throws,
  // scrubbed, when the server cannot be reached. Session settings must be set again.
  void reset();
  // Runs `sql` now and again after every reset (session settings such as search_path).
  void set_session(std::string sql);
  std::string scrub(std::string message) const;
  // The server's primary message and detail for a failed result (or libpq's), scrubbed.
  std::string error_of(const PGresult* result) const;

  void execute(const std::string& sql);
  QueryResult query(const std::string& sql);
  // A query with text parameters sent out of line (never spliced into the SQL).
  QueryResult query_params(const std::string& sql, const std::vector<std::string>& params);

private:
  QueryResult collect(PgResult result);
  PGconn* conn_ = nullptr;
  std::vector<std::string> secrets_;
  std::string session_sql_;
};

// Starts opening `count` connections to `conninfo` on threads of their own; a PgConnection made
// later with the same conninfo takes one of them (first started, first taken) instead of
// connecting, and connects itself when none is left or the one it took failed (so its error is
// reported as always). A load's start opens its connections one after the other, ~20 ms each on
// a local server; opened ahead they overlap the source's catalog read. Connections never taken
// are closed at exit.
void prefetch_pg_connections(const std::string& conninfo, int count);

// True for SQLSTATEs that are not about the rows being loaded (connection, resources, access,
// syntax): bisecting a batch on those would only reject good rows.
bool pg_fatal_sqlstate(const char* sqlstate);

}  // namespace orashift
