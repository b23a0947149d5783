#pragma once
// The canonical text of a row, which both sides of a validation compute identically — the
// source and the target by their own SQL where they can, a streamed source in C++ — so that
// only counts and sums of hashes travel (docs/validation.md gives the form and its limits).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "load/batch.h"

namespace orashift {

// Separates the fields of a canonical row (ASCII unit separator).
constexpr char kCanonicalSeparator = '\x1f';

struct CanonicalColumn {
  std::string name;          // as the source catalog spells it
  ValueKind kind = ValueKind::Text;
  int scale = 0;             // of the batch's decimals (streamed side)
  bool blank_padded = false; // CHAR/NCHAR: trailing blanks are not compared
};

std::vector<CanonicalColumn> canonical_columns(const Table& table);

// Streamed side: appends "v<value>" or "n" (NULL) for one batch value.
void append_canonical_value(std::string& out, const ColumnVector& column, size_t row, const CanonicalColumn& how);

// SQL side: an expression giving the same text as append_canonical_value for `column_sql`
// (an already quoted column) in dialect "postgres" or "duckdb". Throws for other dialects.
std::string canonical_value_sql(const std::string& dialect, const std::string& column_sql, const CanonicalColumn& how);

// The first 60 bits of the MD5 of `text`, as an unsigned number (fits a signed BIGINT, so
// the SQL side can sum it exactly).
uint64_t hash60(std::string_view text);
std::string hash60_sql(const std::string& dialect, const std::string& text_sql);

}  // namespace orashift
