#pragma once
// `oracle://USER@HOST:PORT/SERVICE` (Easy Connect), `oracle://USER@TNS_ALIAS` (tnsnames.ora in
// TNS_ADMIN) and `oracle://@TNS_ALIAS` (external authentication: a wallet). Options follow a
// '?': schema=A,B (the schemas read; default the user's own), array_size=N (rows per fetch
// round trip, default 1000), snapshot=scn|none, lob_max_kb=N (CLOB/BLOB bytes read inline).
// The password never appears in the URL: it comes from ORASHIFT_SOURCE_PASSWORD or a prompt
// on the terminal, and is never part of describe(), an error or a log line.
#include <string>
#include <vector>

namespace orashift::oracle {

enum class Snapshot { Scn, None };

struct OracleUrl {
  std::string user;      // as given; "" = external authentication (wallet)
  std::string connect;   // "HOST:PORT/SERVICE" or a TNS alias, passed to OCIServerAttach
  bool tns_alias = false;
  std::vector<std::string> schemas;  // upper-cased owners to read
  unsigned array_size = 1000;
  Snapshot snapshot = Snapshot::Scn;
  unsigned lob_max_kb = 32;  // DMS's LobMaxSize default (limited LOB mode)

  std::string describe() const;  // "oracle://SH@db.example.com:1521/ORCLPDB1" (no password)
};

bool is_oracle_url(const std::string& url);
// Throws std::invalid_argument naming the accepted forms.
OracleUrl parse_oracle_url(const std::string& url);

// The password for `url`: ORASHIFT_SOURCE_PASSWORD, else a prompt without echo on the
// controlling terminal, else an error saying how to give one. Empty for a wallet.
std::string source_password(const OracleUrl& url);

}  // namespace orashift::oracle
