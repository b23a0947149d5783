#pragma once
// A TargetEndpoint that opens, for each source table with a route, the writer of its target
// table wrapped in a MappingWriter; other tables go straight to the real target. This is how
// transformation rules, LOB settings and EmptyAsNull reach the load without the executor
// knowing about them: the executor hands the writer source-shaped batches as always.
#include <map>
#include <string>

#include "load/map/mapping_writer.h"

namespace orashift {

class TransformingTarget : public TargetEndpoint {
public:
  // `routes` by source table name; must outlive this object.
  TransformingTarget(TargetEndpoint& inner, const std::map<std::string, TableRoute>& routes, ErrorPolicyGuard* policy)
      : inner_(inner), routes_(routes), policy_(policy) {}
  std::string describe() const override { return inner_.describe(); }
  std::string dialect() const override { return inner_.dialect(); }
  void execute(const std::string& sql) override { inner_.execute(sql); }
  QueryResult query(const std::string& sql) override { return inner_.query(sql); }
  void use_schema(const std::string& schema) override { inner_.use_schema(schema); }
  std::unique_ptr<TableWriter> open_writer(const Table& table, const std::vector<LoadColumn>& columns) override {
    auto it = routes_.find(table.name);
    if (it == routes_.end()) return inner_.open_writer(table, columns);
    const TableRoute& r = it->second;
    return std::make_unique<MappingWriter>(table.name, r, inner_.open_writer(*r.target, r.target_columns), policy_);
  }

private:
  TargetEndpoint& inner_;
  const std::map<std::string, TableRoute>& routes_;
  ErrorPolicyGuard* policy_;
};

}  // namespace orashift
