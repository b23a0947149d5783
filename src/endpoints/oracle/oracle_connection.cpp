#include "endpoints/oracle/oracle_connection.h"

#include <cstring>

namespace orashift::oracle {

using namespace oci;

namespace {

// The message of the first error record on `handle` ("ORA-00942: table or view does not exist").
std::pair<int, std::string> error_of(const Api& api, void* handle, ub4 type) {
  sb4 code = 0;
  OraText buf[2048] = {0};
  if (!handle || api.OCIErrorGet(handle, 1, nullptr, &code, buf, sizeof buf, type) != OCI_SUCCESS)
    return {0, "unknown OCI error"};
  std::string msg(reinterpret_cast<char*>(buf));
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  return {code, msg};
}

}  // namespace

const std::vector<std::string>& Connection::session_settings() {
  // NLS_TERRITORY first: setting it resets the numeric characters and default formats. SYYYY
  // keeps BC years (a leading '-'); FF9 every fractional digit; UTC so that TIMESTAMP WITH
  // LOCAL TIME ZONE reads the same everywhere; binary sort/compare so ranges match bytes.
  static const std::vector<std::string> s = {
      "ALTER SESSION SET NLS_LANGUAGE = 'AMERICAN'",
      "ALTER SESSION SET NLS_TERRITORY = 'AMERICA'",
      "ALTER SESSION SET NLS_NUMERIC_CHARACTERS = '.,'",
      "ALTER SESSION SET NLS_DATE_FORMAT = 'SYYYY-MM-DD HH24:MI:SS'",
      "ALTER SESSION SET NLS_TIMESTAMP_FORMAT = 'SYYYY-MM-DD HH24:MI:SS.FF9'",
      "ALTER SESSION SET NLS_TIMESTAMP_TZ_FORMAT = 'SYYYY-MM-DD HH24:MI:SS.FF9 TZH:TZM'",
      "ALTER SESSION SET TIME_ZONE = '+00:00'",
      "ALTER SESSION SET NLS_SORT = 'BINARY'",
      "ALTER SESSION SET NLS_COMP = 'BINARY'",
  };
  return s;
}

void Connection::check(sword rc, const std::string& what) const {
  if (rc == OCI_SUCCESS || rc == OCI_SUCCESS_WITH_INFO || rc == OCI_NO_DATA) return;
  if (rc == OCI_INVALID_HANDLE) throw OracleError(0, "OCI_INVALID_HANDLE while " + what);
  auto [code, msg] = error_of(lib_->api, err_, OCI_HTYPE_ERROR);
  throw OracleError(code, msg + " (while " + what + ")");
}

Connection::Connection(const OracleUrl& url, const std::string& password)
    : lib_(&load_library(client_dir())) {
  const Api& a = lib_->api;
  // OCI_THREADED: readers run on several threads, each with its own environment.
  if (a.OCIEnvNlsCreate(&env_, OCI_THREADED, nullptr, nullptr, nullptr, nullptr, 0, nullptr, kAl32Utf8, kAl32Utf8) !=
          OCI_SUCCESS ||
      !env_) {
    auto [code, msg] = error_of(a, env_, OCI_HTYPE_ENV);
    throw OracleError(code, "cannot create the OCI environment (AL32UTF8): " + msg);
  }
  auto alloc = [&](void** h, ub4 type, const char* what) {
    if (a.OCIHandleAlloc(env_, h, type, 0, nullptr) != OCI_SUCCESS) throw OracleError(0, std::string("cannot allocate ") + what);
  };
  alloc(reinterpret_cast<void**>(&err_), OCI_HTYPE_ERROR, "an OCI error handle");
  alloc(reinterpret_cast<void**>(&srv_), OCI_HTYPE_SERVER, "an OCI server handle");
  alloc(reinterpret_cast<void**>(&svc_), OCI_HTYPE_SVCCTX, "an OCI service context");
  alloc(reinterpret_cast<void**>(&ses_), OCI_HTYPE_SESSION, "an OCI session handle");
  std::string where = url.describe();
  check(a.OCIServerAttach(srv_, err_, reinterpret_cast<const OraText*>(url.connect.data()),
                          static_cast<sb4>(url.connect.size()), OCI_DEFAULT),
        "connecting to " + where);
  attached_ = true;
  check(a.OCIAttrSet(svc_, OCI_HTYPE_SVCCTX, srv_, 0, OCI_ATTR_SERVER, err_), "setting up the session");
  ub4 cred = OCI_CRED_EXT;
  if (!url.user.empty()) {
    cred = OCI_CRED_RDBMS;
    check(a.OCIAttrSet(ses_, OCI_HTYPE_SESSION, const_cast<char*>(url.user.data()), static_cast<ub4>(url.user.size()),
                       OCI_ATTR_USERNAME, err_),
          "setting up the session");
    check(a.OCIAttrSet(ses_, OCI_HTYPE_SESSION, const_cast<char*>(password.data()), static_cast<ub4>(password.size()),
                       OCI_ATTR_PASSWORD, err_),
          "setting up the session");
  }
  check(a.OCISessionBegin(svc_, err_, ses_, cred, OCI_DEFAULT), "logging on to " + where);
  session_ = true;
  check(a.OCIAttrSet(svc_, OCI_HTYPE_SVCCTX, ses_, 0, OCI_ATTR_SESSION, err_), "setting up the session");
  for (const auto& s : session_settings()) execute(s);
}

Connection::~Connection() {
  const Api& a = lib_->api;
  if (session_) a.OCISessionEnd(svc_, err_, ses_, OCI_DEFAULT);
  if (attached_) a.OCIServerDetach(srv_, err_, OCI_DEFAULT);
  if (ses_) a.OCIHandleFree(ses_, OCI_HTYPE_SESSION);
  if (svc_) a.OCIHandleFree(svc_, OCI_HTYPE_SVCCTX);
  if (srv_) a.OCIHandleFree(srv_, OCI_HTYPE_SERVER);
  if (err_) a.OCIHandleFree(err_, OCI_HTYPE_ERROR);
  if (env_) a.OCIHandleFree(env_, OCI_HTYPE_ENV);
}

void Connection::execute(const std::string& sql) {
  const Api& a = lib_->api;
  OCIStmt* stmt = nullptr;
  check(a.OCIStmtPrepare2(svc_, &stmt, err_, reinterpret_cast<const OraText*>(sql.data()), static_cast<ub4>(sql.size()),
                          nullptr, 0, OCI_NTV_SYNTAX, OCI_DEFAULT),
        "preparing: " + sql);
  sword rc = a.OCIStmtExecute(svc_, stmt, err_, 1, 0, nullptr, nullptr, OCI_DEFAULT);
  try {
    check(rc, "running: " + sql);
  } catch (...) {
    a.OCIStmtRelease(stmt, err_, nullptr, 0, OCI_DEFAULT);
    throw;
  }
  a.OCIStmtRelease(stmt, err_, nullptr, 0, OCI_DEFAULT);
}

std::unique_ptr<Cursor> Connection::open(const std::string& sql, std::vector<FetchColumn> columns,
                                         unsigned array_size) {
  const Api& a = lib_->api;
  OCIStmt* stmt = nullptr;
  check(a.OCIStmtPrepare2(svc_, &stmt, err_, reinterpret_cast<const OraText*>(sql.data()), static_cast<ub4>(sql.size()),
                          nullptr, 0, OCI_NTV_SYNTAX, OCI_DEFAULT),
        "preparing: " + sql);
  std::unique_ptr<Cursor> cursor(new Cursor(*this, stmt, std::move(columns), array_size));
  // iters = 0: a query is executed without fetching; the defines are bound afterwards.
  check(a.OCIStmtExecute(svc_, stmt, err_, 0, 0, nullptr, nullptr, OCI_DEFAULT), "running: " + sql);
  for (size_t c = 0; c < cursor->columns_.size(); ++c) {
    OCIDefine* def = nullptr;
    check(a.OCIDefineByPos(stmt, &def, err_, static_cast<ub4>(c + 1), cursor->buffers_[c].data(),
                           cursor->columns_[c].width, cursor->columns_[c].dty, cursor->indicators_[c].data(),
                           cursor->lengths_[c].data(), cursor->rcodes_[c].data(), OCI_DEFAULT),
          "defining column " + std::to_string(c + 1) + " of: " + sql);
  }
  return cursor;
}

std::vector<std::vector<std::optional<std::string>>> Connection::query_text(const std::string& sql,
                                                                            const std::vector<sb4>& widths,
                                                                            unsigned array_size) {
  std::vector<std::vector<std::optional<std::string>>> rows;
  std::vector<FetchColumn> defs;
  for (sb4 w : widths) defs.push_back({SQLT_STR, w});
  size_t columns = widths.size();
  auto cursor = open(sql, defs, array_size);
  while (size_t n = cursor->fetch()) {
    for (size_t r = 0; r < n; ++r) {
      auto& row = rows.emplace_back();
      for (size_t c = 0; c < columns; ++c) {
        if (cursor->truncated(c, r))
          throw OracleError(ORA_TRUNCATED, "a value of column " + std::to_string(c + 1) + " is longer than " +
                                               std::to_string(widths[c] - 1) + " bytes (ORA-01406) in: " + sql);
        if (cursor->is_null(c, r)) row.emplace_back();
        else row.emplace_back(std::string(cursor->value(c, r)));
      }
    }
  }
  return rows;
}

Cursor::Cursor(Connection& conn, OCIStmt* stmt, std::vector<FetchColumn> columns, unsigned array_size)
    : conn_(conn), stmt_(stmt), columns_(std::move(columns)), array_size_(array_size ? array_size : 1) {
  for (const auto& c : columns_) {
    buffers_.emplace_back(static_cast<size_t>(c.width) * array_size_);
    indicators_.emplace_back(array_size_);
    lengths_.emplace_back(array_size_);
    rcodes_.emplace_back(array_size_);
  }
}

Cursor::~Cursor() { conn_.api().OCIStmtRelease(stmt_, conn_.error_handle(), nullptr, 0, OCI_DEFAULT); }

size_t Cursor::fetch() {
  if (done_) return 0;
  const Api& a = conn_.api();
  sword rc = a.OCIStmtFetch2(stmt_, conn_.error_handle(), array_size_, OCI_FETCH_NEXT, 0, OCI_DEFAULT);
  conn_.check(rc, "fetching rows");
  // OCI_NO_DATA: the last (possibly partial) array; OCI_ATTR_ROWS_FETCHED says how many came.
  if (rc == OCI_NO_DATA) done_ = true;
  ub4 rows = 0;
  conn_.check(a.OCIAttrGet(stmt_, OCI_HTYPE_STMT, &rows, nullptr, OCI_ATTR_ROWS_FETCHED, conn_.error_handle()),
              "reading the fetched row count");
  return rows;
}

std::string_view Cursor::value(size_t col, size_t row) const {
  const char* p = buffers_[col].data() + static_cast<size_t>(columns_[col].width) * row;
  size_t n = lengths_[col][row];
  if (columns_[col].dty == SQLT_STR && n > 0 && p[n - 1] == '\0') --n;
  return std::string_view(p, n);
}

}  // namespace orashift::oracle
