#pragma once
// Helpers for end-to-end tests: run the real orashift binary, read its JSON report.
#include <libpq-fe.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace e2e {

struct RunResult {
  int exit_code = -1;
  std::string output;  // stdout + stderr
};

// Arguments are written by the tests themselves (paths under a temp dir), single-quoted.
inline std::string sh_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

inline RunResult run_orashift(const std::vector<std::string>& args) {
  std::string cmd = sh_quote(ORASHIFT_BINARY);
  for (const auto& a : args) cmd += " " + sh_quote(a);
  cmd += " 2>&1";
  RunResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.output.append(buf, n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

inline nlohmann::json read_json(const std::filesystem::path& p) {
  std::ifstream f(p);
  std::stringstream ss;
  ss << f.rdbuf();
  return nlohmann::json::parse(ss.str());
}

inline std::filesystem::path temp_dir(const std::string& name) {
  auto d = std::filesystem::temp_directory_path() / ("orashift-e2e-" + name + "-" + std::to_string(getpid()));
  std::filesystem::remove_all(d);
  std::filesystem::create_directories(d);
  return d;
}

// A fresh database on the test server (ORASHIFT_TEST_PG), so tests never see each other's
// tables; "" when no server is configured or reachable.
inline std::string fresh_pg_database(const std::string& name) {
  const char* base = std::getenv("ORASHIFT_TEST_PG");
  if (!base) return "";
  PGconn* c = PQconnectdb(base);
  if (PQstatus(c) != CONNECTION_OK) {
    PQfinish(c);
    return "";
  }
  std::string db = name + "_" + std::to_string(getpid());
  PQclear(PQexec(c, ("DROP DATABASE IF EXISTS \"" + db + "\"").c_str()));
  PGresult* r = PQexec(c, ("CREATE DATABASE \"" + db + "\"").c_str());
  bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  PQclear(r);
  PQfinish(c);
  if (!ok) return "";
  std::string uri = base;
  return uri.substr(0, uri.rfind('/') + 1) + db;
}

inline std::string corpus_dir() { return std::string(ORASHIFT_SOURCE_DIR) + "/../shared/corpus"; }

}  // namespace e2e
