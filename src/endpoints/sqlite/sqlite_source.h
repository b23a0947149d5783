#pragma once
// `sqlite:FILE` as a source: tables and columns from the schema (declared types by SQLite's
// affinity rules, mapped to the Oracle types whose conversion gives them back), rows read
// with prepared SELECTs, one load unit per table. SQLite stores any value in any column, so
// every value is checked against its column's kind: one that does not fit is a reject, never
// coerced silently.
#include <memory>
#include <string>

#include "endpoints/table_list_source.h"

namespace orashift {

class SqliteSource : public TableListSource {
public:
  // Opens read-only; throws std::runtime_error when the file cannot be opened.
  explicit SqliteSource(std::string path);
  ~SqliteSource() override;
  std::string describe() const override;
  std::unique_ptr<TableReader> open(const LoadUnit& unit, const std::vector<LoadColumn>& columns,
                                    RejectSink& rejects) const override;
  bool can_segment() const override { return true; }
  std::optional<std::pair<int64_t, int64_t>> key_bounds(const std::string& table,
                                                        const std::string& column) const override;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The Oracle type for a SQLite declared type ("VARCHAR(20)", "DECIMAL(10,2)", "INTEGER", "").
OracleType oracle_type_for_sqlite(std::string_view declared);

}  // namespace orashift
