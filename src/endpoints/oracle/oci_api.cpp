#include "endpoints/oracle/oci_api.h"

#include <dlfcn.h>

#include <cstdlib>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace orashift::oci {

namespace {

std::string g_client_dir;

constexpr const char* kInstall =
    "install Oracle Instant Client 19 or later (the Basic or Basic Light package, "
    "https://www.oracle.com/database/technologies/instant-client.html) and pass its folder with "
    "--oracle-client-dir DIR, set ORACLE_HOME, or add the folder to LD_LIBRARY_PATH";

template <typename F>
void resolve(void* handle, const char* name, F& slot, const std::string& path) {
  void* sym = dlsym(handle, name);
  if (!sym)
    throw std::runtime_error("the Oracle client library " + path + " has no " + name + ": " + kInstall);
  slot = reinterpret_cast<F>(sym);
}

}  // namespace

void set_client_dir(std::string dir) { g_client_dir = std::move(dir); }
const std::string& client_dir() { return g_client_dir; }

std::vector<std::string> library_candidates(const std::string& dir) {
  std::vector<std::string> out;
  if (!dir.empty()) {
    out.push_back(dir + "/libclntsh.so");
    return out;  // an explicit folder is the only place looked at: no surprise library
  }
  if (const char* home = std::getenv("ORACLE_HOME"); home && *home) {
    out.push_back(std::string(home) + "/lib/libclntsh.so");
    out.push_back(std::string(home) + "/libclntsh.so");
  }
  out.push_back("libclntsh.so");  // LD_LIBRARY_PATH, ldconfig's cache
  return out;
}

const Library& load_library(const std::string& dir) {
  static std::mutex mu;
  static Library* loaded = nullptr;
  std::lock_guard<std::mutex> lock(mu);
  if (loaded) return *loaded;
  void* handle = nullptr;
  std::string path, tried;
  for (const auto& candidate : library_candidates(dir)) {
    handle = dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle) {
      path = candidate;
      break;
    }
    tried += (tried.empty() ? "" : ", ") + candidate;
  }
  if (!handle)
    throw std::runtime_error("the Oracle client library libclntsh.so was not found (looked for " + tried +
                             "): " + kInstall);
  auto lib = std::make_unique<Library>();
  lib->path = path;
  Api& a = lib->api;
  resolve(handle, "OCIClientVersion", a.OCIClientVersion, path);
  sword major = 0, minor = 0, update = 0, patch = 0, port = 0;
  a.OCIClientVersion(&major, &minor, &update, &patch, &port);
  if (major < 19)
    throw std::runtime_error("the Oracle client library " + path + " is version " + std::to_string(major) + "." +
                             std::to_string(minor) + ", older than 19: " + kInstall);
  lib->major = major;
  lib->minor = minor;
  resolve(handle, "OCIEnvNlsCreate", a.OCIEnvNlsCreate, path);
  resolve(handle, "OCIHandleAlloc", a.OCIHandleAlloc, path);
  resolve(handle, "OCIHandleFree", a.OCIHandleFree, path);
  resolve(handle, "OCIAttrSet", a.OCIAttrSet, path);
  resolve(handle, "OCIAttrGet", a.OCIAttrGet, path);
  resolve(handle, "OCIServerAttach", a.OCIServerAttach, path);
  resolve(handle, "OCIServerDetach", a.OCIServerDetach, path);
  resolve(handle, "OCISessionBegin", a.OCISessionBegin, path);
  resolve(handle, "OCISessionEnd", a.OCISessionEnd, path);
  resolve(handle, "OCIStmtPrepare2", a.OCIStmtPrepare2, path);
  resolve(handle, "OCIStmtRelease", a.OCIStmtRelease, path);
  resolve(handle, "OCIStmtExecute", a.OCIStmtExecute, path);
  resolve(handle, "OCIDefineByPos", a.OCIDefineByPos, path);
  resolve(handle, "OCIStmtFetch2", a.OCIStmtFetch2, path);
  resolve(handle, "OCIErrorGet", a.OCIErrorGet, path);
  // Kept loaded for the life of the process (handles may outlive any one source).
  loaded = lib.release();
  return *loaded;
}

}  // namespace orashift::oci
