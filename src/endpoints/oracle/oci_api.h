#pragma once
// The subset of the Oracle Call Interface orashift calls, declared here from the OCI
// Programmer's Guide (function signatures, handle/attribute/type codes), so orashift builds
// without Oracle's headers and loads libclntsh at run time with dlopen. Nothing else of OCI is
// used; the test double (tests/oci_double) implements exactly these entry points.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace orashift::oci {

using sword = int32_t;
using ub1 = uint8_t;
using ub2 = uint16_t;
using sb2 = int16_t;
using ub4 = uint32_t;
using sb4 = int32_t;
using OraText = unsigned char;

// Opaque handles (only pointers are passed).
struct OCIEnv;
struct OCIError;
struct OCIServer;
struct OCISvcCtx;
struct OCISession;
struct OCIStmt;
struct OCIDefine;
struct OCISnapshot;

// Return codes.
constexpr sword OCI_SUCCESS = 0;
constexpr sword OCI_SUCCESS_WITH_INFO = 1;
constexpr sword OCI_NO_DATA = 100;
constexpr sword OCI_ERROR = -1;
constexpr sword OCI_INVALID_HANDLE = -2;

// Modes.
constexpr ub4 OCI_DEFAULT = 0;
constexpr ub4 OCI_THREADED = 1;
constexpr ub4 OCI_NTV_SYNTAX = 1;
constexpr ub4 OCI_CRED_RDBMS = 1;
constexpr ub4 OCI_CRED_EXT = 2;
constexpr ub2 OCI_FETCH_NEXT = 2;

// Handle types.
constexpr ub4 OCI_HTYPE_ENV = 1;
constexpr ub4 OCI_HTYPE_ERROR = 2;
constexpr ub4 OCI_HTYPE_SVCCTX = 3;
constexpr ub4 OCI_HTYPE_STMT = 4;
constexpr ub4 OCI_HTYPE_SERVER = 8;
constexpr ub4 OCI_HTYPE_SESSION = 9;

// Attributes.
constexpr ub4 OCI_ATTR_SERVER = 6;
constexpr ub4 OCI_ATTR_SESSION = 7;
constexpr ub4 OCI_ATTR_PREFETCH_ROWS = 11;
constexpr ub4 OCI_ATTR_USERNAME = 22;
constexpr ub4 OCI_ATTR_PASSWORD = 23;
constexpr ub4 OCI_ATTR_ROWS_FETCHED = 197;

// External data types (SQLT_*) orashift defines output buffers with.
constexpr ub2 SQLT_STR = 5;        // NUL-terminated text
constexpr ub2 SQLT_VNU = 6;        // NUMBER with a leading length byte (22 bytes)
constexpr ub2 SQLT_DAT = 12;       // DATE, 7 bytes
constexpr ub2 SQLT_BFLOAT = 21;    // native float
constexpr ub2 SQLT_BDOUBLE = 22;   // native double
constexpr ub2 SQLT_BIN = 23;       // RAW bytes
constexpr ub2 SQLT_LBI = 24;       // LONG RAW bytes

// Error codes orashift reacts to.
constexpr sb4 ORA_TABLE_DOES_NOT_EXIST = 942;
constexpr sb4 ORA_INSUFFICIENT_PRIVILEGES = 1031;
constexpr sb4 ORA_NULL_FETCHED = 1405;
constexpr sb4 ORA_TRUNCATED = 1406;

// AL32UTF8's character set id (NLS_CHARSET_ID('AL32UTF8') = 873).
constexpr ub2 kAl32Utf8 = 873;

// The entry points, resolved from the loaded library.
struct Api {
  sword (*OCIEnvNlsCreate)(OCIEnv** envhpp, ub4 mode, void* ctxp, void* (*malocfp)(void*, size_t),
                           void* (*ralocfp)(void*, void*, size_t), void (*mfreefp)(void*, void*), size_t xtramemsz,
                           void** usrmempp, ub2 charset, ub2 ncharset);
  sword (*OCIHandleAlloc)(const void* parenth, void** hndlpp, ub4 type, size_t xtramem_sz, void** usrmempp);
  sword (*OCIHandleFree)(void* hndlp, ub4 type);
  sword (*OCIAttrSet)(void* trgthndlp, ub4 trghndltyp, void* attributep, ub4 size, ub4 attrtype, OCIError* errhp);
  sword (*OCIAttrGet)(const void* trgthndlp, ub4 trghndltyp, void* attributep, ub4* sizep, ub4 attrtype,
                      OCIError* errhp);
  sword (*OCIServerAttach)(OCIServer* srvhp, OCIError* errhp, const OraText* dblink, sb4 dblink_len, ub4 mode);
  sword (*OCIServerDetach)(OCIServer* srvhp, OCIError* errhp, ub4 mode);
  sword (*OCISessionBegin)(OCISvcCtx* svchp, OCIError* errhp, OCISession* usrhp, ub4 credt, ub4 mode);
  sword (*OCISessionEnd)(OCISvcCtx* svchp, OCIError* errhp, OCISession* usrhp, ub4 mode);
  sword (*OCIStmtPrepare2)(OCISvcCtx* svchp, OCIStmt** stmtp, OCIError* errhp, const OraText* stmt, ub4 stmt_len,
                           const OraText* key, ub4 keylen, ub4 language, ub4 mode);
  sword (*OCIStmtRelease)(OCIStmt* stmtp, OCIError* errhp, const OraText* key, ub4 keylen, ub4 mode);
  sword (*OCIStmtExecute)(OCISvcCtx* svchp, OCIStmt* stmtp, OCIError* errhp, ub4 iters, ub4 rowoff,
                          const OCISnapshot* snap_in, OCISnapshot* snap_out, ub4 mode);
  sword (*OCIDefineByPos)(OCIStmt* stmtp, OCIDefine** defnp, OCIError* errhp, ub4 position, void* valuep,
                          sb4 value_sz, ub2 dty, void* indp, ub2* rlenp, ub2* rcodep, ub4 mode);
  sword (*OCIStmtFetch2)(OCIStmt* stmtp, OCIError* errhp, ub4 nrows, ub2 orientation, sb4 fetchOffset, ub4 mode);
  sword (*OCIErrorGet)(void* hndlp, ub4 recordno, OraText* sqlstate, sb4* errcodep, OraText* bufp, ub4 bufsiz,
                       ub4 type);
  void (*OCIClientVersion)(sword* major, sword* minor, sword* update, sword* patch, sword* port_update);
};

// Where the library was found and its version.
struct Library {
  Api api;
  std::string path;
  int major = 0, minor = 0;
};

// Loads libclntsh once per process: from `client_dir` (--oracle-client-dir) when given, else
// $ORACLE_HOME/lib and $ORACLE_HOME (Instant Client unzips flat), else the dynamic loader's
// search path (LD_LIBRARY_PATH, ldconfig). Throws std::runtime_error with one sentence naming
// what to install when it is absent, lacks an entry point, or is older than 19.
const Library& load_library(const std::string& client_dir);

// The folder --oracle-client-dir gave for this process ("" when not given).
void set_client_dir(std::string dir);
const std::string& client_dir();

// The candidate paths load_library tries, in order (tests; the error message lists them).
std::vector<std::string> library_candidates(const std::string& client_dir);

}  // namespace orashift::oci
