// Runs SQL against a DuckDB file through orashift's own DuckDB endpoint, for
// bench/duckdb_load.sh (there is no DuckDB CLI on the machine):
//   duckdb_sql FILE --ddl          prints the CREATE TABLE statements of FILE's tables
//   duckdb_sql FILE --query SQL    prints the result rows, cells separated by '|'
//   duckdb_sql FILE SCRIPT.sql     runs the script's statements (the native COPY side)
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "endpoints/factory.h"

namespace {

void print_rows(const orashift::QueryResult& r) {
  for (const auto& row : r.rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) line += (i ? "|" : "") + row[i].value_or("");
    std::printf("%s\n", line.c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: duckdb_sql FILE --ddl | --query SQL | SCRIPT.sql\n");
    return 2;
  }
  try {
    auto target = orashift::make_target(std::string("duckdb:") + argv[1]);
    std::string mode = argv[2];
    if (mode == "--ddl") {
      auto r = target->query("SELECT sql FROM duckdb_tables() WHERE NOT internal ORDER BY table_name");
      for (const auto& row : r.rows) std::printf("%s\n", row[0].value_or("").c_str());
    } else if (mode == "--query" && argc > 3) {
      print_rows(target->query(argv[3]));
    } else {
      std::ifstream f(mode, std::ios::binary);
      if (!f) {
        std::fprintf(stderr, "duckdb_sql: cannot read %s\n", mode.c_str());
        return 2;
      }
      target->execute(std::string(std::istreambuf_iterator<char>(f), {}));
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "duckdb_sql: %s\n", e.what());
    return 1;
  }
  return 0;
}
