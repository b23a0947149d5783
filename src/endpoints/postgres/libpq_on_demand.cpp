// libpq's functions, defined here and forwarded to the library, which is loaded with dlopen the
// first time one is called (common/shared_library.h says why). Call sites and tests use libpq's
// own names and header; nothing links -lpq. A function used anywhere must be listed here (the
// link fails otherwise, naming it).
#include <libpq-fe.h>

#include "common/shared_library.h"

namespace {

void* libpq() {
  static void* handle = orashift::open_shared_library("libpq, PostgreSQL's client library (Debian: libpq5)",
                                                      {"libpq.so.5", ORASHIFT_LIBPQ_LIBRARY});
  return handle;
}

}  // namespace

// The function `name` of libpq, looked up once.
#define LIBPQ(name)                                                                                             \
  ([] {                                                                                                        \
    static const auto f = reinterpret_cast<decltype(&::name)>(orashift::shared_library_symbol(libpq(), "libpq", #name)); \
    return f;                                                                                                  \
  }())

void PQclear(PGresult* res) { LIBPQ(PQclear)(res); }
PGconn* PQconnectdb(const char* conninfo) { return LIBPQ(PQconnectdb)(conninfo); }
PGconn* PQconnectStart(const char* conninfo) { return LIBPQ(PQconnectStart)(conninfo); }
PostgresPollingStatusType PQconnectPoll(PGconn* conn) { return LIBPQ(PQconnectPoll)(conn); }
int PQsocket(const PGconn* conn) { return LIBPQ(PQsocket)(conn); }
PQconninfoOption* PQconninfoParse(const char* conninfo, char** errmsg) { return LIBPQ(PQconninfoParse)(conninfo, errmsg); }
void PQconninfoFree(PQconninfoOption* options) { LIBPQ(PQconninfoFree)(options); }
char* PQerrorMessage(const PGconn* conn) { return LIBPQ(PQerrorMessage)(conn); }
PGresult* PQexec(PGconn* conn, const char* query) { return LIBPQ(PQexec)(conn, query); }
PGresult* PQexecParams(PGconn* conn, const char* command, int n, const Oid* types, const char* const* values,
                       const int* lengths, const int* formats, int result_format) {
  return LIBPQ(PQexecParams)(conn, command, n, types, values, lengths, formats, result_format);
}
void PQfinish(PGconn* conn) { LIBPQ(PQfinish)(conn); }
char* PQfname(const PGresult* res, int field) { return LIBPQ(PQfname)(res, field); }
void PQfreemem(void* ptr) { LIBPQ(PQfreemem)(ptr); }
int PQgetCopyData(PGconn* conn, char** buffer, int async) { return LIBPQ(PQgetCopyData)(conn, buffer, async); }
PGresult* PQgetResult(PGconn* conn) { return LIBPQ(PQgetResult)(conn); }
int PQgetisnull(const PGresult* res, int row, int field) { return LIBPQ(PQgetisnull)(res, row, field); }
int PQgetlength(const PGresult* res, int row, int field) { return LIBPQ(PQgetlength)(res, row, field); }
char* PQgetvalue(const PGresult* res, int row, int field) { return LIBPQ(PQgetvalue)(res, row, field); }
int PQnfields(const PGresult* res) { return LIBPQ(PQnfields)(res); }
int PQntuples(const PGresult* res) { return LIBPQ(PQntuples)(res); }
char* PQpass(const PGconn* conn) { return LIBPQ(PQpass)(conn); }
int PQputCopyData(PGconn* conn, const char* buffer, int nbytes) { return LIBPQ(PQputCopyData)(conn, buffer, nbytes); }
int PQputCopyEnd(PGconn* conn, const char* errormsg) { return LIBPQ(PQputCopyEnd)(conn, errormsg); }
void PQreset(PGconn* conn) { LIBPQ(PQreset)(conn); }
char* PQresultErrorField(const PGresult* res, int code) { return LIBPQ(PQresultErrorField)(res, code); }
char* PQresultErrorMessage(const PGresult* res) { return LIBPQ(PQresultErrorMessage)(res); }
ExecStatusType PQresultStatus(const PGresult* res) { return LIBPQ(PQresultStatus)(res); }
int PQsetClientEncoding(PGconn* conn, const char* encoding) { return LIBPQ(PQsetClientEncoding)(conn, encoding); }
PQnoticeProcessor PQsetNoticeProcessor(PGconn* conn, PQnoticeProcessor proc, void* arg) {
  return LIBPQ(PQsetNoticeProcessor)(conn, proc, arg);
}
ConnStatusType PQstatus(const PGconn* conn) { return LIBPQ(PQstatus)(conn); }
