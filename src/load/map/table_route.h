#pragma once
// How the rows of one source table become rows of its target table: the mapping step of
// read → batch → map → write. Built from the task plan (load/task/load_model.h); applied by
// MappingWriter. Each target column takes a source column (converted when a rule changed its
// type), an add-column expression, or NULL; LOB columns may be truncated (limited LOB mode)
// or left out (SupportLobs false); empty strings may become NULL (EmptyAsNull).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "load/endpoint.h"
#include "load/map/column_expression.h"

namespace orashift {

struct ColumnOutput {
  int source = -1;                          // index into source_columns, -1: expression or NULL
  std::optional<ColumnExpression> expression;
  uint64_t lob_limit_bytes = 0;             // > 0: truncate longer values (limited LOB mode)
  bool lob_as_null = false;                 // SupportLobs false: the LOB is not migrated
  // > 0: a text value longer than this many characters is cut (a string(n) / wstring(n) type
  // set by change-data-type or add-column), a truncation like a LOB cut.
  uint64_t char_limit = 0;
  std::string name;                         // target column name, for messages
};

struct TableRoute {
  const Table* target = nullptr;            // the table the writer fills (target catalog)
  std::vector<LoadColumn> source_columns;   // as the reader delivers them
  std::vector<LoadColumn> target_columns;   // as the writer takes them
  std::vector<ColumnOutput> outputs;        // one per target column
  bool empty_as_null = false;               // EmptyAsNull: "" in a text column loads as NULL
  std::string lob_policy;                   // e.g. "limited LOB mode, 32 KB", for messages
};

}  // namespace orashift
