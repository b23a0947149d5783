#pragma once
// `postgres://…` as a source: the catalog from pg_catalog, rows with COPY … TO STDOUT
// (binary when every column's type decodes exactly into its value kind, text otherwise), one
// load unit per table. PostgreSQL types are expressed as the Oracle types that map back to them
// (the catalog is Oracle-typed): docs/sources.md lists the correspondence.
//
// Schemas: every schema but PostgreSQL's own is read (public included), and each table carries
// its schema, as the source spells it. One table name may be in several schemas, while the load
// engine names a table by its name alone: load, migrate and validate therefore read one schema
// at a time through only_schema(), a source that sees that schema only.
#include <memory>
#include <optional>
#include <string>

#include "endpoints/table_list_source.h"

namespace orashift {

class PostgresSource : public TableListSource {
public:
  // Connects at once; throws std::runtime_error (without the password) when it cannot.
  // `only_schema`: read that schema alone (nullopt: every non-system schema).
  explicit PostgresSource(std::string conninfo, std::optional<std::string> only_schema = std::nullopt);
  ~PostgresSource() override;
  std::string describe() const override;
  std::string inventory() const override;
  std::vector<std::string> schemas() const override;
  std::unique_ptr<SourceEndpoint> only_schema(const std::string& schema) const override;
  std::unique_ptr<TableReader> open(const LoadUnit& unit, const std::vector<LoadColumn>& columns,
                                    RejectSink& rejects) const override;
  // Validation runs its checksum queries here, in a UTC session (as the reader's).
  std::string query_dialect() const override { return "postgres"; }
  QueryResult query(const std::string& sql) const override;
  bool can_segment() const override { return true; }
  std::optional<std::pair<int64_t, int64_t>> key_bounds(const std::string& table,
                                                        const std::string& column) const override;

private:
  PostgresSource();  // only_schema()'s: filled from the catalog already read
  void estimate_rows();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Decodes one field of COPY text format (backslash escapes) into `out`.
void decode_copy_text(std::string_view field, std::string& out);

// Parses PostgreSQL's timestamp/date output ("2020-01-02 03:04:05.25", "0044-03-15 BC").
bool parse_pg_timestamp(std::string_view text, Micros& out);

}  // namespace orashift
