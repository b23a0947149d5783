#pragma once
// dlopen on first use, for client libraries most commands never call. Loading libpq and
// libcurl at start-up (with the TLS, Kerberos, LDAP and SSH libraries they pull in: 30 of
// orashift's 39 shared objects) cost ~30 ms of CPU on every run, more than a small `convert`
// spends converting (LD_DEBUG=statistics; bench/README.md, "convert_corpus.sh").
#include <initializer_list>

namespace orashift {

// The first of `candidates` that dlopen loads (RTLD_NOW | RTLD_LOCAL); throws std::runtime_error
// naming `what` and every loader error when none does. Empty candidates are skipped.
void* open_shared_library(const char* what, std::initializer_list<const char*> candidates);

// dlsym(handle, name); throws std::runtime_error naming `what` and `name` when it is missing.
void* shared_library_symbol(void* handle, const char* what, const char* name);

}  // namespace orashift
