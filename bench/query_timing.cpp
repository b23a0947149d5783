// Times SQL queries against a target through orashift's own endpoints (DuckDB file or
// PostgreSQL URI): each query RUNS times after one warm-up, printing "label median min max"
// in seconds. Used by bench/types_evidence.sh.
//   query_timing TARGET RUNS LABEL=SQL [LABEL=SQL…]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "endpoints/factory.h"

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: query_timing TARGET RUNS LABEL=SQL...\n");
    return 2;
  }
  auto target = orashift::make_target(argv[1]);
  int runs = std::atoi(argv[2]);
  for (int a = 3; a < argc; ++a) {
    std::string arg = argv[a];
    std::string label = arg.substr(0, arg.find('=')), sql = arg.substr(arg.find('=') + 1);
    target->query(sql);  // warm-up: caches, plans
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
      auto start = std::chrono::steady_clock::now();
      auto r = target->query(sql);
      t.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
      if (r.rows.empty()) std::fprintf(stderr, "%s: no rows\n", label.c_str());
    }
    std::sort(t.begin(), t.end());
    double median = t.size() % 2 ? t[t.size() / 2] : (t[t.size() / 2 - 1] + t[t.size() / 2]) / 2;
    std::printf("%s %.4f %.4f %.4f\n", label.c_str(), median, t.front(), t.back());
  }
  return 0;
}
