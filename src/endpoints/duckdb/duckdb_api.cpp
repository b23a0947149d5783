#include <dlfcn.h>

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

// The table is filled here, so this file must see DuckDB's real names, not the macros.
#define ORASHIFT_DUCKDB_API_IMPL
#include "endpoints/duckdb/duckdb_api.h"

namespace orashift::duckdb_api {

namespace {

Functions load() {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("ORASHIFT_DUCKDB_LIBRARY"); env && *env) candidates.push_back(env);
#ifdef ORASHIFT_DUCKDB_LIBRARY
  candidates.push_back(ORASHIFT_DUCKDB_LIBRARY);
#endif
  candidates.push_back("libduckdb.so");
  void* handle = nullptr;
  std::string errors;
  for (const auto& c : candidates) {
    handle = dlopen(c.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle) break;
    const char* e = dlerror();
    errors += "\n  " + (e ? std::string(e) : c);
  }
  if (!handle) throw std::runtime_error("cannot load the DuckDB library (set ORASHIFT_DUCKDB_LIBRARY):" + errors);
  Functions f;
#define ORASHIFT_DUCKDB_FUNCTION(name)                                                                 \
  f.name = reinterpret_cast<decltype(&::name)>(dlsym(handle, #name));                                \
  if (!f.name) throw std::runtime_error("the DuckDB library has no function " #name " (wrong version?)");
#include "endpoints/duckdb/duckdb_functions.inc"
#undef ORASHIFT_DUCKDB_FUNCTION
  return f;
}

}  // namespace

const Functions& functions() {
  static const Functions f = load();  // a failed load throws and is retried by the next call
  return f;
}

}  // namespace orashift::duckdb_api
