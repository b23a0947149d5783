#include "common/shared_library.h"

#include <dlfcn.h>

#include <stdexcept>
#include <string>

namespace orashift {

void* open_shared_library(const char* what, std::initializer_list<const char*> candidates) {
  std::string errors;
  for (const char* c : candidates) {
    if (!c || !*c) continue;
    if (void* handle = dlopen(c, RTLD_NOW | RTLD_LOCAL)) return handle;
    const char* e = dlerror();
    errors += "\n  " + (e ? std::string(e) : std::string(c));
  }
  throw std::runtime_error(std::string("cannot load ") + what + ":" + errors);
}

void* shared_library_symbol(void* handle, const char* what, const char* name) {
  void* f = dlsym(handle, name);
  if (!f) throw std::runtime_error(std::string(what) + " has no function " + name + " (wrong version?)");
  return f;
}

}  // namespace orashift
