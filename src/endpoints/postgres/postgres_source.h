#pragma once
// `postgres://…` as a source: the catalog from information_schema (the connection's current
// schema), rows with COPY … TO STDOUT (binary when every column's type decodes exactly into its
// value kind, text otherwise), one load unit per table. PostgreSQL
// types are expressed as the Oracle types that map back to them (the catalog is Oracle-typed):
// docs/sources.md lists the correspondence.
#include <memory>
#include <string>

#include "endpoints/table_list_source.h"

namespace orashift {

class PostgresSource : public TableListSource {
public:
  // Connects at once; throws std::runtime_error (without the password) when it cannot.
  explicit PostgresSource(std::string conninfo);
  ~PostgresSource() override;
  std::string describe() const override;
  std::unique_ptr<TableReader> open(const LoadUnit& unit, const std::vector<LoadColumn>& columns,
                                    RejectSink& rejects) const override;
  // Validation runs its checksum queries here, in a UTC session (as the reader's).
  std::string query_dialect() const override { return "postgres"; }
  QueryResult query(const std::string& sql) const override;
  bool can_segment() const override { return true; }
  std::optional<std::pair<int64_t, int64_t>> key_bounds(const std::string& table,
                                                        const std::string& column) const override;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Decodes one field of COPY text format (backslash escapes) into `out`.
void decode_copy_text(std::string_view field, std::string& out);

// Parses PostgreSQL's timestamp/date output ("2020-01-02 03:04:05.25", "0044-03-15 BC").
bool parse_pg_timestamp(std::string_view text, Micros& out);

}  // namespace orashift
