#pragma once
// Converts an Oracle script of PL/SQL units with the real orashift binary, applies it to a fresh
// database on the test PostgreSQL server, and runs statements against it, so behaviour tests can
// compare what the converted code does with what Oracle's documentation says it does.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "e2e_util.h"

namespace e2e {

struct ConvertedUnits {
  std::string url;             // the database holding the applied objects
  nlohmann::json apply;        // orashift apply --json
  std::filesystem::path dir;   // OUT/postgres
  std::string convert_output;
};

inline std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every converted file of a directory, in name order, one after the other.
inline std::string converted_text(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& f : std::filesystem::directory_iterator(dir))
    if (f.path().extension() == ".sql" && f.path().filename() != "apply.sql") files.push_back(f.path());
  std::sort(files.begin(), files.end());
  std::string all;
  for (const auto& f : files) all += read_text(f);
  return all;
}

inline ConvertedUnits convert_and_apply(const std::string& name, const std::string& oracle_script,
                                        const std::vector<std::string>& convert_options = {}) {
  ConvertedUnits out;
  auto dir = temp_dir("plsql-" + name);
  std::filesystem::create_directories(dir / "src");
  std::ofstream(dir / "src" / "install.sql", std::ios::binary) << oracle_script;
  std::vector<std::string> args = {"convert", "--source", "oracle-files:" + (dir / "src").string(), "--target", "postgres",
                                   "--out", (dir / "out").string()};
  args.insert(args.end(), convert_options.begin(), convert_options.end());
  auto c = run_orashift(args);
  out.convert_output = c.output;
  out.dir = dir / "out" / "postgres";
  out.url = fresh_pg_database("plsql_" + name);
  if (out.url.empty()) return out;
  auto a = run_orashift({"apply", out.dir.string(), "--target", out.url, "--json", (dir / "apply.json").string()});
  if (std::filesystem::exists(dir / "apply.json")) out.apply = read_json(dir / "apply.json");
  return out;
}

// The first column of the first row as text ("NULL" for NULL), or "ERROR <sqlstate>: <message>".
// Each call is its own session unless `conn` is given.
inline std::string pg_value(PGconn* conn, const std::string& sql) {
  PGresult* r = PQexec(conn, sql.c_str());
  std::string out;
  auto st = PQresultStatus(r);
  if (st == PGRES_TUPLES_OK) {
    out = PQntuples(r) == 0 ? "NO ROWS" : PQgetisnull(r, 0, 0) ? "NULL" : PQgetvalue(r, 0, 0);
  } else if (st == PGRES_COMMAND_OK) {
    out = "OK";
  } else {
    const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
    const char* msg = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
    out = std::string("ERROR ") + (state ? state : "?") + ": " + (msg ? msg : "");
  }
  PQclear(r);
  return out;
}

class Session {
public:
  explicit Session(const std::string& url) : c_(PQconnectdb(url.c_str())) {
    PQsetNoticeProcessor(c_, [](void* seen, const char* message) {
      std::string m(message);  // "NOTICE:  text\n"
      if (auto at = m.find(":  "); at != std::string::npos) m.erase(0, at + 3);
      while (!m.empty() && m.back() == '\n') m.pop_back();
      static_cast<std::vector<std::string>*>(seen)->push_back(m);
    }, &notices_);
  }
  ~Session() { PQfinish(c_); }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  bool ok() const { return PQstatus(c_) == CONNECTION_OK; }
  std::string operator()(const std::string& sql) { return pg_value(c_, sql); }
  // Notices (RAISE NOTICE, DBMS_OUTPUT) seen since the last call of notices().
  std::vector<std::string> notices() { return std::exchange(notices_, {}); }
  PGconn* raw() { return c_; }

private:
  PGconn* c_;
  std::vector<std::string> notices_;
};

// plpgsql_check's errors over every PL/pgSQL routine of the session's database, each
// "routine(args): message", joined by "; " ("NULL" when there are none).
inline std::string check_errors(Session& s) {
  if (s("CREATE EXTENSION IF NOT EXISTS plpgsql_check") != "OK") return "plpgsql_check is not installed";
  return s("SELECT string_agg(p.oid::regprocedure::text || ': ' || c.message, '; ' ORDER BY p.oid::regprocedure::text) FROM pg_proc p "
           "JOIN pg_language l ON l.oid = p.prolang JOIN pg_namespace n ON n.oid = p.pronamespace "
           "CROSS JOIN LATERAL plpgsql_check_function_tb(p.oid) c "
           "WHERE l.lanname = 'plpgsql' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND c.level = 'error'");
}

// Every object applied, none failed or skipped: what a behaviour test needs before it runs.
inline void expect_all_applied(const ConvertedUnits& u) {
  ASSERT_FALSE(u.apply.is_null()) << u.convert_output;
  EXPECT_EQ(u.apply["failed"].size(), 0u) << u.apply["failed"].dump(2);
  EXPECT_EQ(u.apply["skipped"].size(), 0u) << u.apply["skipped"].dump(2) << "\n" << u.convert_output;
}

}  // namespace e2e
