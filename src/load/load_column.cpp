// Chooses how each Oracle column travels through batches. Exactness first: NUMBER never
// becomes a double; an unconstrained NUMBER is carried as a decimal with the scale the type
// mapping gives it (docs/type-mapping.md), so values that do not fit are rejected, not rounded
// silently.
#include "load/endpoint.h"

namespace orashift {

// Scale used for NUMBER without precision/scale; matches the type mapping's default target
// NUMERIC(38,10). Values with more fractional digits are rejected as truncation.
constexpr int kUnconstrainedNumberScale = 10;

LoadColumn load_column_for(const Column& column) {
  LoadColumn lc;
  lc.name = column.name;
  lc.column = &column;
  const OracleType& t = column.type;
  const std::string& n = t.name;
  if (n == "NUMBER" || n == "NUMERIC" || n == "DECIMAL" || n == "DEC" || n == "INTEGER" || n == "INT" ||
      n == "SMALLINT") {
    bool integer_type = n == "INTEGER" || n == "INT" || n == "SMALLINT";
    int scale = t.scale.value_or(t.precision ? 0 : kUnconstrainedNumberScale);
    if (integer_type) scale = 0;
    if (scale == 0 && (integer_type ? false : t.precision && *t.precision <= 18)) {
      lc.kind = ValueKind::Int64;
    } else {
      lc.kind = ValueKind::Decimal;
      lc.scale = scale < 0 ? 0 : scale;
    }
  } else if (n == "FLOAT" || n == "BINARY_FLOAT" || n == "BINARY_DOUBLE" || n == "REAL" || n == "DOUBLE PRECISION") {
    lc.kind = ValueKind::Double;
  } else if (n == "DATE" || n.rfind("TIMESTAMP", 0) == 0) {
    lc.kind = ValueKind::Timestamp;
  } else if (n == "RAW" || n == "LONG RAW" || n == "BLOB") {
    lc.kind = ValueKind::Bytes;
  } else {
    lc.kind = ValueKind::Text;
  }
  return lc;
}

std::vector<LoadColumn> load_columns_for(const Table& table) {
  std::vector<LoadColumn> out;
  out.reserve(table.columns.size());
  for (const auto& c : table.columns) out.push_back(load_column_for(c));
  return out;
}

}  // namespace orashift
