#pragma once
// `oracle://USER@HOST:PORT/SERVICE` as a source: a live Oracle database through OCI (Instant
// Client ≥ 19, loaded at run time). The catalog comes from the data dictionary, written as
// DDL and parsed by the same front end as `oracle-files:` (oracle_dictionary.h); rows come by
// array fetch, every query AS OF one SCN read at the start, so all readers see one instant.
// NUMBER arrives in Oracle's own format (SQLT_VNU) and DATE as its 7 bytes, decoded exactly
// (oracle_values.h). docs/sources.md lists the privileges, queries and type handling.
#include <memory>
#include <string>

#include "endpoints/table_list_source.h"
#include "endpoints/oracle/oracle_url.h"

namespace orashift {

class OracleSource : public TableListSource {
public:
  // Connects, pins the session, reads the SCN and the dictionary. `probe_flashback`: check at
  // once that every table can be read AS OF the SCN (a load), so that a missing FLASHBACK
  // privilege is one clear error before anything is created on the target.
  OracleSource(const oracle::OracleUrl& url, bool probe_flashback);
  ~OracleSource() override;
  std::string describe() const override;
  // One unit per table; a global temporary table's rows belong to the sessions that inserted
  // them, so its unit is listed as missing (as the files source does).
  std::vector<LoadUnit> units() const override;
  std::unique_ptr<TableReader> open(const LoadUnit& unit, const std::vector<LoadColumn>& columns,
                                    RejectSink& rejects) const override;
  bool can_segment() const override { return true; }
  std::optional<std::pair<int64_t, int64_t>> key_bounds(const std::string& table,
                                                        const std::string& column) const override;
  // The SCN every query reads at (0 with snapshot=none).
  unsigned long long scn() const;
  // The DDL the dictionary was written as (what the catalog was parsed from).
  const std::string& dictionary_script() const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace orashift
