#pragma once
// Shared helpers for the target endpoint tests: a reject collector, batch builders.
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "load/endpoint.h"

namespace orashift::testing {

struct CollectRejects : RejectSink {
  std::vector<Reject> rejects;
  void reject(Reject r) override { rejects.push_back(std::move(r)); }
};

inline LoadColumn load_col(std::string name, ValueKind kind, int scale = 0) {
  LoadColumn c;
  c.name = std::move(name);
  c.kind = kind;
  c.scale = scale;
  return c;
}

inline Batch batch_for(const std::vector<LoadColumn>& cols) {
  Batch b;
  for (const auto& c : cols) {
    ColumnVector v;
    v.kind = c.kind;
    v.scale = c.scale;
    b.columns.push_back(std::move(v));
  }
  return b;
}

inline Table table_named(std::string name) {
  Table t;
  t.name = std::move(name);
  return t;
}

inline Int128 i128(const char* digits, int scale) {
  Int128 v = 0;
  parse_decimal(digits, scale, v);
  return v;
}

}  // namespace orashift::testing
