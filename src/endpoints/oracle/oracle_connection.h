#pragma once
// One OCI session: environment (AL32UTF8), server attach, session begin, the pinned session
// settings, and statements fetched in arrays. Each reader thread owns its own connection.
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "endpoints/oracle/oci_api.h"
#include "endpoints/oracle/oracle_url.h"

namespace orashift::oracle {

// An ORA- error: the code and Oracle's message, plus what orashift was doing.
class OracleError : public std::runtime_error {
public:
  OracleError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int code() const { return code_; }

private:
  int code_;
};

// How one select-list item is fetched: its external type and the bytes per value.
struct FetchColumn {
  oci::ub2 dty = oci::SQLT_STR;
  oci::sb4 width = 4001;
};

class Connection;

// An executed query fetched `array_size` rows per round trip into column-wise buffers.
class Cursor {
public:
  ~Cursor();
  // Fetches the next array; returns the rows in it (0 at the end).
  size_t fetch();
  bool is_null(size_t col, size_t row) const { return indicators_[col][row] == -1; }
  // The value's bytes (for SQLT_STR without the terminating NUL).
  std::string_view value(size_t col, size_t row) const;
  // True when the value did not fit the buffer (Oracle reported ORA-01406 for it).
  bool truncated(size_t col, size_t row) const { return rcodes_[col][row] == oci::ORA_TRUNCATED; }

private:
  friend class Connection;
  Cursor(Connection& conn, oci::OCIStmt* stmt, std::vector<FetchColumn> columns, unsigned array_size);
  Connection& conn_;
  oci::OCIStmt* stmt_;
  std::vector<FetchColumn> columns_;
  unsigned array_size_;
  std::vector<std::vector<char>> buffers_;
  std::vector<std::vector<oci::sb2>> indicators_;
  std::vector<std::vector<oci::ub2>> lengths_, rcodes_;
  bool done_ = false;
};

class Connection {
public:
  // Loads the client library (oci::load_library), connects and pins the session (AL32UTF8,
  // NLS formats, UTC, binary comparison). Throws OracleError / std::runtime_error; no message
  // contains the password.
  Connection(const OracleUrl& url, const std::string& password);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void execute(const std::string& sql);
  std::unique_ptr<Cursor> open(const std::string& sql, std::vector<FetchColumn> columns, unsigned array_size);
  // Every row of a query as text, one select-list item per width (bytes incl. the NUL); a
  // value that does not fit is an error, never cut short.
  std::vector<std::vector<std::optional<std::string>>> query_text(const std::string& sql,
                                                                  const std::vector<oci::sb4>& widths,
                                                                  unsigned array_size = 64);
  const oci::Api& api() const { return lib_->api; }
  oci::OCIError* error_handle() const { return err_; }
  // Throws OracleError for OCI_ERROR / OCI_INVALID_HANDLE, with `what` appended.
  void check(oci::sword rc, const std::string& what) const;
  // The session settings orashift pins, in the order it issues them (docs/sources.md).
  static const std::vector<std::string>& session_settings();

private:
  const oci::Library* lib_;
  oci::OCIEnv* env_ = nullptr;
  oci::OCIError* err_ = nullptr;
  oci::OCIServer* srv_ = nullptr;
  oci::OCISvcCtx* svc_ = nullptr;
  oci::OCISession* ses_ = nullptr;
  bool attached_ = false, session_ = false;
};

}  // namespace orashift::oracle
