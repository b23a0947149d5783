// A test double of Oracle's client library (libclntsh): the subset of OCI orashift calls
// (src/endpoints/oracle/oci_api.h), written from the OCI Programmer's Guide's stated behaviour
// and serving an Oracle-shaped database kept in SQLite. Built by the test suite only, never
// installed or shipped.
//
// Configuration (it is a fixture): ORASHIFT_OCI_DOUBLE_DB names the SQLite file. It holds
//   DOUBLE_CONFIG(NAME, VALUE): connect (HOST:PORT/SERVICE), tns_alias, user, password,
//     wallet_user, flashback (Y/N);
//   the dictionary views as tables (ALL_TABLES, ALL_TAB_COLS, ALL_CONSTRAINTS, …, V$DATABASE);
//   the rows of each Oracle table in a table of the same name whose declared column types are
//   the Oracle types (NUMBER as exact decimal text, DATE/TIMESTAMP as 'SYYYY-MM-DD HH:MM:SS[.f]',
//   RAW as BLOB; TIMESTAMP WITH TIME ZONE declared TIMESTAMP_WITH_TIME_ZONE, stored with its
//   offset). Owners are the same file ATTACHed under each owner's name.
// ORASHIFT_OCI_DOUBLE_LOG: append every statement a session runs (one line each).
// ORASHIFT_OCI_DOUBLE_LOSE_AFTER=N: the connection drops (ORA-03113) once N rows of data
//   queries (those with AS OF SCN or on a user table) have been fetched in the process.
// ORASHIFT_OCI_DOUBLE_VERSION: the major version OCIClientVersion reports (default 19).
//
// Documented behaviour reproduced: OCI_NO_DATA with OCI_ATTR_ROWS_FETCHED on the last partial
// array; NULL as indicator -1 (ORA-01405 without an indicator); truncation as indicator = the
// full length, column return code 1406 and OCI_SUCCESS_WITH_INFO; errors as OCI_ERROR with the
// ORA- code and message from OCIErrorGet; iters = 0 required for queries and ≥ 1 otherwise;
// ORA-00942 for a missing table or view; ORA-01031 for AS OF SCN without FLASHBACK; ORA-03113
// then ORA-03114 for a lost connection; ORA-01017 for a wrong password.
#include <sqlite3.h>

#include <atomic>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "endpoints/oracle/oracle_values.h"

using sword = int32_t;
using ub2 = uint16_t;
using sb2 = int16_t;
using ub4 = uint32_t;
using sb4 = int32_t;
using OraText = unsigned char;

namespace {

constexpr sword OCI_SUCCESS = 0, OCI_SUCCESS_WITH_INFO = 1, OCI_NO_DATA = 100, OCI_ERROR = -1,
                OCI_INVALID_HANDLE = -2;
constexpr ub4 HT_ENV = 1, HT_ERROR = 2, HT_SVCCTX = 3, HT_STMT = 4, HT_DEFINE = 6, HT_SERVER = 8, HT_SESSION = 9;
constexpr ub4 ATTR_SERVER = 6, ATTR_SESSION = 7, ATTR_PREFETCH_ROWS = 11, ATTR_USERNAME = 22, ATTR_PASSWORD = 23,
              ATTR_ROWS_FETCHED = 197;
constexpr ub4 CRED_RDBMS = 1, CRED_EXT = 2;
constexpr ub2 T_STR = 5, T_VNU = 6, T_DAT = 12, T_BFLOAT = 21, T_BDOUBLE = 22, T_BIN = 23, T_LBI = 24;
constexpr ub4 kMagic = 0x0C1D0B1E;

struct Handle {
  ub4 magic = kMagic;
  ub4 type;
  explicit Handle(ub4 t) : type(t) {}
  virtual ~Handle() { magic = 0; }
};
struct Env : Handle {
  Env() : Handle(HT_ENV) {}
  int code = 0;
  std::string msg;
};
struct Err : Handle {
  Err() : Handle(HT_ERROR) {}
  int code = 0;
  std::string msg;
};
struct Server : Handle {
  Server() : Handle(HT_SERVER) {}
  bool attached = false;
};
struct Session : Handle {
  Session() : Handle(HT_SESSION) {}
  std::string user, password;
};
struct Svc : Handle {
  Svc() : Handle(HT_SVCCTX) {}
  Server* server = nullptr;
  Session* session = nullptr;
  sqlite3* db = nullptr;
  bool lost = false;
  std::map<std::string, std::string> nls;
  int id = 0;
};
struct Define : Handle {
  Define() : Handle(HT_DEFINE) {}
  char* value = nullptr;
  sb4 size = 0;
  ub2 dty = 0;
  sb2* ind = nullptr;
  ub2* rlen = nullptr;
  ub2* rcode = nullptr;
};
struct Stmt : Handle {
  Stmt() : Handle(HT_STMT) {}
  Svc* svc = nullptr;
  std::string sql;
  sqlite3_stmt* st = nullptr;
  bool executed = false, done = false, data_query = false;
  std::deque<Define> defines;
  std::vector<Define*> by_pos;
  ub4 rows_fetched = 0;
  ~Stmt() override {
    if (st) sqlite3_finalize(st);
  }
};

template <typename T>
T* as(const void* h, ub4 type) {
  auto* p = static_cast<Handle*>(const_cast<void*>(h));
  if (!p || p->magic != kMagic || p->type != type) return nullptr;
  return static_cast<T*>(p);
}

std::atomic<long> g_data_rows{0};
std::atomic<int> g_session_ids{0};
std::mutex g_log_mu;

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

sword fail(Err* e, int code, const std::string& text) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "ORA-%05d: ", code);
  if (e) {
    e->code = code;
    e->msg = buf + text + "\n";
  }
  return OCI_ERROR;
}

void log_line(const Svc* svc, const std::string& sql) {
  const char* path = std::getenv("ORASHIFT_OCI_DOUBLE_LOG");
  if (!path) return;
  std::lock_guard<std::mutex> lock(g_log_mu);
  std::ofstream(path, std::ios::app) << "session " << svc->id << ": " << sql << "\n";
}

const char* db_path() {
  const char* p = std::getenv("ORASHIFT_OCI_DOUBLE_DB");
  return p ? p : "";
}

std::map<std::string, std::string> read_config(sqlite3* db) {
  std::map<std::string, std::string> out;
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT NAME, VALUE FROM DOUBLE_CONFIG", -1, &s, nullptr) == SQLITE_OK)
    while (sqlite3_step(s) == SQLITE_ROW) {
      auto col = [&](int i) {
        const unsigned char* t = sqlite3_column_text(s, i);
        return std::string(t ? reinterpret_cast<const char*>(t) : "");
      };
      out[col(0)] = col(1);
    }
  sqlite3_finalize(s);
  return out;
}

std::map<std::string, std::string> config() {
  sqlite3* db = nullptr;
  std::map<std::string, std::string> out;
  if (sqlite3_open_v2(db_path(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) out = read_config(db);
  sqlite3_close(db);
  return out;
}

bool tns_alias_known(const std::string& alias) {
  const char* admin = std::getenv("TNS_ADMIN");
  if (!admin) return false;
  std::ifstream f(std::string(admin) + "/tnsnames.ora");
  std::string line;
  while (std::getline(f, line))
    if (upper(line).rfind(upper(alias) + " ", 0) == 0 || upper(line).rfind(upper(alias) + "=", 0) == 0) return true;
  return false;
}

// ---- values --------------------------------------------------------------------------------

// 'SYYYY-MM-DD HH:MM:SS[.fffffffff]' (a '-' year is BC) → fields and nanoseconds.
bool parse_stored_datetime(std::string_view t, orashift::CivilDateTime& c, uint32_t& nanos) {
  bool bc = !t.empty() && t[0] == '-';
  if (bc) t.remove_prefix(1);
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  char frac[16] = {0};
  std::string z(t);
  int n = std::sscanf(z.c_str(), "%d-%d-%d %d:%d:%d.%9[0-9]", &y, &mo, &d, &h, &mi, &s, frac);
  if (n < 3) return false;
  c.year = bc ? 1 - y : y;
  c.month = mo;
  c.day = d;
  c.hour = h;
  c.minute = mi;
  c.second = s;
  std::string f(frac);
  f.resize(9, '0');
  nanos = static_cast<uint32_t>(std::strtoul(f.c_str(), nullptr, 10));
  return true;
}

const char* kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

// Oracle's text for a DATE/TIMESTAMP under the session's NLS format: the pinned ISO form
// orashift sets, or (any other setting) Oracle's American default DD-MON-RR form.
std::string format_datetime(const Svc* svc, bool timestamp, const orashift::CivilDateTime& c, uint32_t nanos) {
  auto it = svc->nls.find(timestamp ? "NLS_TIMESTAMP_FORMAT" : "NLS_DATE_FORMAT");
  std::string want = timestamp ? "SYYYY-MM-DD HH24:MI:SS.FF9" : "SYYYY-MM-DD HH24:MI:SS";
  char buf[96];
  if (it != svc->nls.end() && it->second == want) {
    int y = c.year >= 1 ? c.year : 1 - c.year;
    std::snprintf(buf, sizeof buf, "%c%04d-%02d-%02d %02d:%02d:%02d", c.year >= 1 ? ' ' : '-', y, c.month, c.day,
                  c.hour, c.minute, c.second);
    std::string out = buf;
    if (timestamp) {
      std::snprintf(buf, sizeof buf, ".%09u", nanos);
      out += buf;
    }
    return out;
  }
  int yy = ((c.year % 100) + 100) % 100;
  if (!timestamp) {
    std::snprintf(buf, sizeof buf, "%02d-%s-%02d", c.day, kMonths[(c.month + 11) % 12], yy);
  } else {
    int h12 = c.hour % 12 == 0 ? 12 : c.hour % 12;
    std::snprintf(buf, sizeof buf, "%02d-%s-%02d %02d.%02d.%02d.%09u %s", c.day, kMonths[(c.month + 11) % 12], yy, h12,
                  c.minute, c.second, nanos, c.hour < 12 ? "AM" : "PM");
  }
  return buf;
}

enum class Family { Number, Date, Timestamp, TimestampTz, Binary, BinaryFloat, Text };

Family family_of(const char* decl) {
  std::string d = upper(decl ? decl : "");
  if (d.rfind("NUMBER", 0) == 0 || d.rfind("FLOAT", 0) == 0 || d.rfind("INTEGER", 0) == 0) return Family::Number;
  if (d.rfind("BINARY_", 0) == 0) return Family::BinaryFloat;
  if (d == "DATE") return Family::Date;
  // "TIMESTAMP_WITH_TIME_ZONE": SQLite type names cannot hold the keyword WITH.
  if (d.rfind("TIMESTAMP", 0) == 0 && d.find("WITH_TIME_ZONE") != std::string::npos) return Family::TimestampTz;
  if (d.rfind("TIMESTAMP", 0) == 0) return Family::Timestamp;  // also WITH LOCAL TIME ZONE: stored in UTC, the
                                                               // session's TIME_ZONE (orashift pins +00:00)
  if (d.rfind("RAW", 0) == 0 || d == "BLOB" || d == "LONG RAW") return Family::Binary;
  return Family::Text;
}

// Oracle's TO_CHAR of a NUMBER: no leading zero before the point (0.5 → .5).
std::string number_text(const std::string& exact) {
  auto bytes = orashift::oracle::encode_number(exact);
  if (!bytes) return "";
  std::string t = *orashift::oracle::decode_number(*bytes);
  if (t.rfind("0.", 0) == 0) t.erase(0, 1);
  if (t.rfind("-0.", 0) == 0) t.erase(1, 1);
  return t;
}

struct Cell {
  bool null = false;
  std::string bytes;
  int error = 0;  // an ORA- code when the value cannot be converted
  std::string error_text;
};

Cell convert(const Svc* svc, sqlite3_stmt* st, int i, ub2 dty) {
  Cell out;
  int type = sqlite3_column_type(st, i);
  if (type == SQLITE_NULL) {
    out.null = true;
    return out;
  }
  Family fam = family_of(sqlite3_column_decltype(st, i));
  const char* tp = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
  std::string text = tp ? std::string(tp, static_cast<size_t>(sqlite3_column_bytes(st, i))) : "";
  auto invalid_number = [&] {
    out.error = 1722;
    out.error_text = "invalid number";
    return out;
  };
  if (fam == Family::Binary) {
    const char* b = static_cast<const char*>(sqlite3_column_blob(st, i));
    std::string raw(b ? b : "", static_cast<size_t>(sqlite3_column_bytes(st, i)));
    if (dty == T_STR) {  // RAW → text is upper-case hexadecimal
      static const char* hx = "0123456789ABCDEF";
      for (unsigned char ch : raw) {
        out.bytes += hx[ch >> 4];
        out.bytes += hx[ch & 15];
      }
    } else {
      out.bytes = raw;
    }
    return out;
  }
  if (fam == Family::TimestampTz) {
    // Stored 'YYYY-MM-DD HH:MM:SS[.f] +HH:MM'; shown with NLS_TIMESTAMP_TZ_FORMAT when it is the
    // pinned one, else as Oracle's default (DD-MON-RR HH.MI.SSXFF AM TZR).
    size_t sp = text.rfind(' ');
    orashift::CivilDateTime c;
    uint32_t nanos = 0;
    if (dty != T_STR) {
      out.error = 932;
      out.error_text = "inconsistent datatypes";
      return out;
    }
    if (sp == std::string::npos || !parse_stored_datetime(text.substr(0, sp), c, nanos)) {
      out.error = 1861;
      out.error_text = "literal does not match format string";
      return out;
    }
    Svc tz_view = *svc;
    auto it = svc->nls.find("NLS_TIMESTAMP_TZ_FORMAT");
    bool pinned = it != svc->nls.end() && it->second == "SYYYY-MM-DD HH24:MI:SS.FF9 TZH:TZM";
    tz_view.nls["NLS_TIMESTAMP_FORMAT"] = pinned ? "SYYYY-MM-DD HH24:MI:SS.FF9" : "";
    out.bytes = format_datetime(&tz_view, true, c, nanos) + " " + text.substr(sp + 1);
    tz_view.db = nullptr;  // a copy for formatting only: owns nothing
    return out;
  }
  if (fam == Family::Date || fam == Family::Timestamp) {
    orashift::CivilDateTime c;
    uint32_t nanos = 0;
    if (!parse_stored_datetime(text, c, nanos)) {
      out.error = 1861;
      out.error_text = "literal does not match format string";
      return out;
    }
    if (dty == T_DAT) out.bytes = orashift::oracle::encode_date(c);
    else if (dty == T_STR) out.bytes = format_datetime(svc, fam == Family::Timestamp, c, nanos);
    else {
      out.error = 932;
      out.error_text = "inconsistent datatypes";
    }
    return out;
  }
  if (fam == Family::BinaryFloat || dty == T_BDOUBLE || dty == T_BFLOAT) {
    double v = type == SQLITE_TEXT ? std::strtod(text.c_str(), nullptr) : sqlite3_column_double(st, i);
    if (dty == T_BDOUBLE) {
      out.bytes.assign(reinterpret_cast<const char*>(&v), sizeof v);
    } else if (dty == T_BFLOAT) {
      float f = static_cast<float>(v);
      out.bytes.assign(reinterpret_cast<const char*>(&f), sizeof f);
    } else if (dty == T_STR) {
      char buf[40];
      std::snprintf(buf, sizeof buf, "%.17g", v);
      out.bytes = buf;
    } else {
      return invalid_number();
    }
    return out;
  }
  if (fam == Family::Number || dty == T_VNU) {
    std::string exact = type == SQLITE_INTEGER ? std::to_string(sqlite3_column_int64(st, i)) : text;
    if (dty == T_VNU) {
      auto n = orashift::oracle::encode_number(exact);
      if (!n) return invalid_number();
      out.bytes = std::string(1, static_cast<char>(n->size())) + *n;
      out.bytes.resize(22, '\0');
    } else if (dty == T_STR) {
      out.bytes = number_text(exact);
      if (out.bytes.empty()) return invalid_number();
    } else {
      out.error = 932;
      out.error_text = "inconsistent datatypes";
    }
    return out;
  }
  if (dty != T_STR && dty != T_BIN && dty != T_LBI) {
    out.error = 932;
    out.error_text = "inconsistent datatypes";
  }
  out.bytes = text;
  return out;
}

// Copies one value into the define's slot `row`; returns true when it was truncated.
bool put(Define& d, size_t row, const Cell& cell) {
  sb2 ind = 0;
  ub2 rlen = 0, rcode = 0;
  bool truncated = false;
  if (cell.null) {
    ind = -1;
    rcode = 1405;
  } else {
    size_t cap = d.dty == T_STR ? static_cast<size_t>(d.size) - 1 : static_cast<size_t>(d.size);
    size_t n = cell.bytes.size();
    char* slot = d.value + static_cast<size_t>(d.size) * row;
    if (n > cap) {
      truncated = true;
      ind = n > 32767 ? -2 : static_cast<sb2>(n);
      rcode = 1406;
      n = cap;
    }
    std::memcpy(slot, cell.bytes.data(), n);
    if (d.dty == T_STR) slot[n] = '\0';
    rlen = static_cast<ub2>(n);
  }
  if (d.ind) d.ind[row] = ind;
  if (d.rlen) d.rlen[row] = rlen;
  if (d.rcode) d.rcode[row] = rcode;
  return truncated;
}

bool starts_with_word(const std::string& sql, const char* word) {
  size_t i = sql.find_first_not_of(" \t\r\n");
  return i != std::string::npos && upper(sql.substr(i, std::strlen(word))) == word;
}

sword execute_alter_session(Svc* svc, Err* e, const std::string& sql) {
  // ALTER SESSION SET NAME = value
  std::string u = upper(sql);
  size_t set = u.find(" SET ");
  size_t eq = u.find('=', set == std::string::npos ? 0 : set);
  if (set == std::string::npos || eq == std::string::npos) return fail(e, 922, "missing or invalid option");
  auto trim = [](std::string s) {
    s.erase(0, s.find_first_not_of(" \t"));
    s.erase(s.find_last_not_of(" \t;") + 1);
    if (s.size() >= 2 && s.front() == '\'' && s.back() == '\'') s = s.substr(1, s.size() - 2);
    return s;
  };
  std::string name = trim(u.substr(set + 5, eq - set - 5));
  static const char* known[] = {"NLS_LANGUAGE",     "NLS_TERRITORY",   "NLS_NUMERIC_CHARACTERS", "NLS_DATE_FORMAT",
                                "NLS_TIMESTAMP_FORMAT", "NLS_TIMESTAMP_TZ_FORMAT", "TIME_ZONE", "NLS_SORT",
                                "NLS_COMP"};
  bool ok = false;
  for (const char* k : known) ok = ok || name == k;
  if (!ok) return fail(e, 2248, "invalid option for ALTER SESSION");
  svc->nls[name] = trim(sql.substr(eq + 1));
  return OCI_SUCCESS;
}

}  // namespace

extern "C" {

void OCIClientVersion(sword* major, sword* minor, sword* update, sword* patch, sword* port_update) {
  const char* v = std::getenv("ORASHIFT_OCI_DOUBLE_VERSION");
  *major = v ? std::atoi(v) : 19;
  *minor = 3;
  *update = *patch = *port_update = 0;
}

sword OCIEnvNlsCreate(void** envhpp, ub4 /*mode*/, void*, void* (*)(void*, size_t), void* (*)(void*, void*, size_t),
                      void (*)(void*, void*), size_t, void**, ub2 charset, ub2 ncharset) {
  auto* env = new Env();
  *envhpp = env;
  if (charset != 873 || ncharset != 873) {
    env->code = 12705;
    env->msg = "ORA-12705: Cannot access NLS data files or invalid environment specified (the double serves AL32UTF8 only)\n";
    return OCI_ERROR;
  }
  return OCI_SUCCESS;
}

sword OCIHandleAlloc(const void* parent, void** out, ub4 type, size_t, void**) {
  if (!as<Env>(parent, HT_ENV)) return OCI_INVALID_HANDLE;
  switch (type) {
    case HT_ERROR: *out = new Err(); return OCI_SUCCESS;
    case HT_SERVER: *out = new Server(); return OCI_SUCCESS;
    case HT_SVCCTX: *out = new Svc(); return OCI_SUCCESS;
    case HT_SESSION: *out = new Session(); return OCI_SUCCESS;
    case HT_STMT: *out = new Stmt(); return OCI_SUCCESS;
    default: return OCI_INVALID_HANDLE;
  }
}

sword OCIHandleFree(void* h, ub4 type) {
  auto* p = static_cast<Handle*>(h);
  if (!p || p->magic != kMagic || p->type != type) return OCI_INVALID_HANDLE;
  if (type == HT_SVCCTX) {
    auto* svc = static_cast<Svc*>(p);
    if (svc->db) sqlite3_close(svc->db);
  }
  delete p;
  return OCI_SUCCESS;
}

sword OCIAttrSet(void* target, ub4 type, void* value, ub4 size, ub4 attr, void* errhp) {
  Err* e = as<Err>(errhp, HT_ERROR);
  if (type == HT_SVCCTX) {
    Svc* svc = as<Svc>(target, HT_SVCCTX);
    if (!svc) return OCI_INVALID_HANDLE;
    if (attr == ATTR_SERVER) svc->server = as<Server>(value, HT_SERVER);
    else if (attr == ATTR_SESSION) svc->session = as<Session>(value, HT_SESSION);
    else return fail(e, 24315, "illegal attribute type");
    return OCI_SUCCESS;
  }
  if (type == HT_SESSION) {
    Session* s = as<Session>(target, HT_SESSION);
    if (!s) return OCI_INVALID_HANDLE;
    std::string v(static_cast<const char*>(value), size);
    if (attr == ATTR_USERNAME) s->user = v;
    else if (attr == ATTR_PASSWORD) s->password = v;
    else return fail(e, 24315, "illegal attribute type");
    return OCI_SUCCESS;
  }
  if (type == HT_STMT && attr == ATTR_PREFETCH_ROWS) return as<Stmt>(target, HT_STMT) ? OCI_SUCCESS : OCI_INVALID_HANDLE;
  return fail(e, 24315, "illegal attribute type");
}

sword OCIAttrGet(const void* target, ub4 type, void* value, ub4* size, ub4 attr, void* errhp) {
  Err* e = as<Err>(errhp, HT_ERROR);
  if (type == HT_STMT && attr == ATTR_ROWS_FETCHED) {
    Stmt* s = as<Stmt>(target, HT_STMT);
    if (!s) return OCI_INVALID_HANDLE;
    *static_cast<ub4*>(value) = s->rows_fetched;
    if (size) *size = sizeof(ub4);
    return OCI_SUCCESS;
  }
  return fail(e, 24315, "illegal attribute type");
}

sword OCIServerAttach(void* srvhp, void* errhp, const OraText* dblink, sb4 len, ub4) {
  Server* srv = as<Server>(srvhp, HT_SERVER);
  Err* e = as<Err>(errhp, HT_ERROR);
  if (!srv || !e) return OCI_INVALID_HANDLE;
  std::string target(reinterpret_cast<const char*>(dblink), static_cast<size_t>(len));
  auto cfg = config();
  if (cfg.empty()) return fail(e, 12541, "TNS:no listener");
  if (target.find('/') == std::string::npos) {
    if (upper(target) != upper(cfg["tns_alias"]) || !tns_alias_known(target))
      return fail(e, 12154, "TNS:could not resolve the connect identifier specified");
  } else if (target != cfg["connect"]) {
    return fail(e, 12514, "TNS:listener does not currently know of service requested in connect descriptor");
  }
  srv->attached = true;
  return OCI_SUCCESS;
}

sword OCIServerDetach(void* srvhp, void*, ub4) {
  Server* srv = as<Server>(srvhp, HT_SERVER);
  if (!srv) return OCI_INVALID_HANDLE;
  srv->attached = false;
  return OCI_SUCCESS;
}

sword OCISessionBegin(void* svchp, void* errhp, void* usrhp, ub4 cred, ub4) {
  Svc* svc = as<Svc>(svchp, HT_SVCCTX);
  Err* e = as<Err>(errhp, HT_ERROR);
  Session* s = as<Session>(usrhp, HT_SESSION);
  if (!svc || !e || !s) return OCI_INVALID_HANDLE;
  if (!svc->server || !svc->server->attached) return fail(e, 3114, "not connected to ORACLE");
  auto cfg = config();
  bool ok = cred == CRED_RDBMS ? upper(s->user) == upper(cfg["user"]) && s->password == cfg["password"]
                               : cred == CRED_EXT && !cfg["wallet_user"].empty();
  if (!ok) return fail(e, 1017, "invalid username/password; logon denied");
  if (sqlite3_open_v2(db_path(), &svc->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
    return fail(e, 12541, "TNS:no listener");
  // Every owner of a table is the same file under the owner's name, so "OWNER"."T" resolves.
  sqlite3_stmt* owners = nullptr;
  std::vector<std::string> names;
  if (sqlite3_prepare_v2(svc->db, "SELECT DISTINCT OWNER FROM ALL_TABLES", -1, &owners, nullptr) == SQLITE_OK)
    while (sqlite3_step(owners) == SQLITE_ROW) names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(owners, 0)));
  sqlite3_finalize(owners);
  for (const auto& n : names) {
    std::string sql = "ATTACH DATABASE '" + std::string(db_path()) + "' AS \"" + n + "\"";
    sqlite3_exec(svc->db, sql.c_str(), nullptr, nullptr, nullptr);
  }
  svc->id = ++g_session_ids;
  return OCI_SUCCESS;
}

sword OCISessionEnd(void* svchp, void*, void*, ub4) {
  Svc* svc = as<Svc>(svchp, HT_SVCCTX);
  if (!svc) return OCI_INVALID_HANDLE;
  if (svc->db) sqlite3_close(svc->db);
  svc->db = nullptr;
  return OCI_SUCCESS;
}

sword OCIStmtPrepare2(void* svchp, void** stmtp, void* errhp, const OraText* text, ub4 len, const OraText*, ub4, ub4,
                      ub4) {
  Svc* svc = as<Svc>(svchp, HT_SVCCTX);
  if (!svc || !as<Err>(errhp, HT_ERROR)) return OCI_INVALID_HANDLE;
  auto* s = new Stmt();
  s->svc = svc;
  s->sql.assign(reinterpret_cast<const char*>(text), len);
  *stmtp = s;
  return OCI_SUCCESS;
}

sword OCIStmtRelease(void* stmtp, void*, const OraText*, ub4, ub4) {
  Stmt* s = as<Stmt>(stmtp, HT_STMT);
  if (!s) return OCI_INVALID_HANDLE;
  delete s;
  return OCI_SUCCESS;
}

sword OCIStmtExecute(void* svchp, void* stmtp, void* errhp, ub4 iters, ub4, const void*, void*, ub4) {
  Svc* svc = as<Svc>(svchp, HT_SVCCTX);
  Stmt* s = as<Stmt>(stmtp, HT_STMT);
  Err* e = as<Err>(errhp, HT_ERROR);
  if (!svc || !s || !e) return OCI_INVALID_HANDLE;
  if (svc->lost || !svc->db) return fail(e, 3114, "not connected to ORACLE");
  log_line(svc, s->sql);
  if (starts_with_word(s->sql, "ALTER SESSION")) {
    if (iters == 0) return fail(e, 24333, "zero iteration count");
    return execute_alter_session(svc, e, s->sql);
  }
  if (!starts_with_word(s->sql, "SELECT") && !starts_with_word(s->sql, "WITH"))
    return fail(e, 900, "invalid SQL statement (the double runs queries and ALTER SESSION only)");
  if (iters != 0) return fail(e, 24333, "the double executes queries with iters = 0 only");
  std::string sql = s->sql;
  // Flashback query: AS OF SCN n after the table name.
  std::string u = upper(sql);
  if (size_t at = u.find(" AS OF SCN "); at != std::string::npos) {
    size_t num = at + 11, end = num;
    while (end < sql.size() && std::isdigit(static_cast<unsigned char>(sql[end]))) ++end;
    long long scn = std::atoll(sql.substr(num, end - num).c_str());
    auto cfg = read_config(svc->db);
    if (cfg["flashback"] != "Y") return fail(e, 1031, "insufficient privileges");
    sqlite3_stmt* q = nullptr;
    long long current = 0;
    if (sqlite3_prepare_v2(svc->db, "SELECT CURRENT_SCN FROM V$DATABASE", -1, &q, nullptr) == SQLITE_OK &&
        sqlite3_step(q) == SQLITE_ROW)
      current = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    if (scn <= 0 || scn > current) return fail(e, 8181, "specified number is not a valid system change number");
    sql.erase(at, end - at);
    s->data_query = true;
  }
  if (u.find(" FROM \"") != std::string::npos) s->data_query = true;  // a user table, quoted by orashift
  if (sqlite3_prepare_v2(svc->db, sql.c_str(), -1, &s->st, nullptr) != SQLITE_OK) {
    std::string m = sqlite3_errmsg(svc->db);
    if (m.find("no such table") != std::string::npos) return fail(e, 942, "table or view does not exist");
    if (m.find("no such column") != std::string::npos)
      return fail(e, 904, "\"" + m.substr(m.find(':') + 2) + "\": invalid identifier");
    return fail(e, 933, "SQL command not properly ended (" + m + ")");
  }
  s->by_pos.assign(static_cast<size_t>(sqlite3_column_count(s->st)), nullptr);
  s->executed = true;
  return OCI_SUCCESS;
}

sword OCIDefineByPos(void* stmtp, void** defnp, void* errhp, ub4 pos, void* value, sb4 size, ub2 dty, void* ind,
                     ub2* rlen, ub2* rcode, ub4) {
  Stmt* s = as<Stmt>(stmtp, HT_STMT);
  Err* e = as<Err>(errhp, HT_ERROR);
  if (!s || !e) return OCI_INVALID_HANDLE;
  if (!s->executed) return fail(e, 24338, "statement handle not executed");
  if (pos == 0 || pos > s->by_pos.size()) return fail(e, 1007, "variable not in select list");
  if (dty != T_STR && dty != T_VNU && dty != T_DAT && dty != T_BFLOAT && dty != T_BDOUBLE && dty != T_BIN && dty != T_LBI)
    return fail(e, 1002, "the double does not convert to external type " + std::to_string(dty));
  if (dty == T_VNU && size < 22) return fail(e, 1406, "fetched column value was truncated");
  Define& d = s->defines.emplace_back();
  d.value = static_cast<char*>(value);
  d.size = size;
  d.dty = dty;
  d.ind = static_cast<sb2*>(ind);
  d.rlen = rlen;
  d.rcode = rcode;
  s->by_pos[pos - 1] = &d;
  *defnp = &d;
  return OCI_SUCCESS;
}

sword OCIStmtFetch2(void* stmtp, void* errhp, ub4 nrows, ub2 orientation, sb4, ub4) {
  Stmt* s = as<Stmt>(stmtp, HT_STMT);
  Err* e = as<Err>(errhp, HT_ERROR);
  if (!s || !e) return OCI_INVALID_HANDLE;
  if (!s->executed) return fail(e, 24338, "statement handle not executed");
  if (orientation != 2) return fail(e, 24391, "the double fetches OCI_FETCH_NEXT only");
  if (s->svc->lost) return fail(e, 3114, "not connected to ORACLE");
  static const long lose_after = std::getenv("ORASHIFT_OCI_DOUBLE_LOSE_AFTER")
                                     ? std::atol(std::getenv("ORASHIFT_OCI_DOUBLE_LOSE_AFTER"))
                                     : -1;
  s->rows_fetched = 0;
  if (s->done) return fail(e, 1002, "fetch out of sequence");
  bool truncated = false;
  for (ub4 r = 0; r < nrows; ++r) {
    if (s->data_query && lose_after >= 0 && g_data_rows.load() >= lose_after) {
      s->svc->lost = true;
      return fail(e, 3113, "end-of-file on communication channel");
    }
    int rc = sqlite3_step(s->st);
    if (rc == SQLITE_DONE) {
      s->done = true;
      fail(e, 1403, "no data found");
      return OCI_NO_DATA;
    }
    if (rc != SQLITE_ROW) return fail(e, 600, std::string("internal error code (") + sqlite3_errmsg(s->svc->db) + ")");
    if (s->data_query) ++g_data_rows;
    for (size_t c = 0; c < s->by_pos.size(); ++c) {
      Define* d = s->by_pos[c];
      if (!d) continue;
      Cell cell = convert(s->svc, s->st, static_cast<int>(c), d->dty);
      if (cell.error) return fail(e, cell.error, cell.error_text);
      if (cell.null && !d->ind) return fail(e, 1405, "fetched column value is NULL");
      truncated = put(*d, r, cell) || truncated;
    }
    s->rows_fetched = r + 1;
  }
  if (truncated) {
    fail(e, 24345, "A Truncation or null fetch error occurred");
    return OCI_SUCCESS_WITH_INFO;
  }
  return OCI_SUCCESS;
}

sword OCIErrorGet(void* h, ub4 recordno, OraText* sqlstate, sb4* code, OraText* buf, ub4 bufsiz, ub4 type) {
  int c = 0;
  std::string msg;
  if (type == HT_ERROR) {
    Err* e = as<Err>(h, HT_ERROR);
    if (!e) return OCI_INVALID_HANDLE;
    c = e->code;
    msg = e->msg;
  } else if (type == HT_ENV) {
    Env* env = as<Env>(h, HT_ENV);
    if (!env) return OCI_INVALID_HANDLE;
    c = env->code;
    msg = env->msg;
  } else {
    return OCI_INVALID_HANDLE;
  }
  if (recordno != 1 || c == 0) return OCI_NO_DATA;
  if (sqlstate) sqlstate[0] = 0;
  *code = c;
  size_t n = std::min<size_t>(msg.size(), bufsiz ? bufsiz - 1 : 0);
  std::memcpy(buf, msg.data(), n);
  buf[n] = 0;
  return OCI_SUCCESS;
}

}  // extern "C"
