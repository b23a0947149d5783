#pragma once
// Applies converted DDL to a live target object by object: a failure is reported with the
// object and its source location, and the remaining objects are still applied.
#include <string>
#include <vector>

#include "dialect/ddl_generator.h"
#include "load/endpoint.h"

namespace orashift {

struct ApplyFailure {
  std::string object;    // "TABLE SALES"
  std::string location;  // source file:line:col
  std::string error;     // the target's message
};

struct ApplyResult {
  size_t applied = 0;
  std::vector<ApplyFailure> failures;
};

// Drops the schema's tables on the target if they exist (the --replace option of migrate).
void drop_tables(TargetEndpoint& target, const ConvertedSchema& schema, ApplyResult& result);

// Applies the objects of one phase in order.
void apply_phase(TargetEndpoint& target, const ConvertedSchema& schema, ApplyPhase phase, ApplyResult& result);

}  // namespace orashift
