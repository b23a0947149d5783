// libcurl's functions, defined here and forwarded to the library, which is loaded with dlopen the
// first time one is called (common/shared_library.h says why). Call sites use libcurl's own names
// and header; nothing links -lcurl. A function used anywhere must be listed here.
#define CURL_DISABLE_TYPECHECK  // the header's type-checking macros would rename the definitions below
#include <curl/curl.h>

#include <cstdarg>

#include "common/shared_library.h"

namespace {

void* libcurl() {
  static void* handle =
      orashift::open_shared_library("libcurl (Debian: libcurl4)", {"libcurl.so.4", ORASHIFT_LIBCURL_LIBRARY});
  return handle;
}

}  // namespace

// The function `name` of libcurl, looked up once.
#define LIBCURL(name)                                                                                                \
  ([] {                                                                                                             \
    static const auto f = reinterpret_cast<decltype(&::name)>(orashift::shared_library_symbol(libcurl(), "libcurl", #name)); \
    return f;                                                                                                       \
  }())

CURLcode curl_global_init(long flags) { return LIBCURL(curl_global_init)(flags); }
CURL* curl_easy_init() { return LIBCURL(curl_easy_init)(); }
void curl_easy_cleanup(CURL* curl) { LIBCURL(curl_easy_cleanup)(curl); }
void curl_easy_reset(CURL* curl) { LIBCURL(curl_easy_reset)(curl); }
CURLcode curl_easy_perform(CURL* curl) { return LIBCURL(curl_easy_perform)(curl); }
const char* curl_easy_strerror(CURLcode code) { return LIBCURL(curl_easy_strerror)(code); }
curl_slist* curl_slist_append(curl_slist* list, const char* s) { return LIBCURL(curl_slist_append)(list, s); }
void curl_slist_free_all(curl_slist* list) { LIBCURL(curl_slist_free_all)(list); }

// The one variadic argument, passed on as the type libcurl reads for the option's range
// (curl.h: CURLOPTTYPE_*): long, a pointer (object, string, function, blob) or curl_off_t.
CURLcode curl_easy_setopt(CURL* curl, CURLoption option, ...) {
  va_list ap;
  va_start(ap, option);
  CURLcode rc;
  if (option < CURLOPTTYPE_OBJECTPOINT)
    rc = LIBCURL(curl_easy_setopt)(curl, option, va_arg(ap, long));
  else if (option >= CURLOPTTYPE_OFF_T && option < CURLOPTTYPE_BLOB)
    rc = LIBCURL(curl_easy_setopt)(curl, option, va_arg(ap, curl_off_t));
  else
    rc = LIBCURL(curl_easy_setopt)(curl, option, va_arg(ap, void*));
  va_end(ap);
  return rc;
}

// Every CURLINFO_* takes a pointer to where the value goes.
CURLcode curl_easy_getinfo(CURL* curl, CURLINFO info, ...) {
  va_list ap;
  va_start(ap, info);
  void* out = va_arg(ap, void*);
  va_end(ap);
  return LIBCURL(curl_easy_getinfo)(curl, info, out);
}
