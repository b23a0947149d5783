#pragma once
// The after-load phase of a DROP_AND_CREATE load: keys (CreatePkAfterFullLoad), foreign keys,
// indexes, materialized views.
//
// Keys added after the load (CreatePkAfterFullLoad). DMS simply fails to create a key when the
// source held duplicate keys, leaving the doubled rows in the table without any key. orashift
// keeps the outcome of a key that existed during the load: the first copy of each key stays
// and the later copies are moved to the table's reject file, with the reason, before the key
// is added again — so duplicates are refused row by row whichever way the key is built, and
// read = loaded + rejected + filtered still holds.
#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "dialect/ddl_generator.h"
#include "load/endpoint.h"
#include "load/executor.h"
#include "load/schema_apply.h"

namespace orashift {

struct DeferredKeyResult {
  uint64_t duplicates = 0;    // rows moved to the reject file
  bool already_there = false; // a resumed run: the killed one had added it
};

// Adds the key `key` (an object with key_columns) to its table. On PostgreSQL, when adding it
// fails and rows share a key, the copies after the first (by physical position, i.e. load order
// within a segment) are deleted and written to `rejects` in the same transaction as the ALTER
// TABLE, which is then retried; any other failure is thrown. Other targets: the statement is
// run as is (Redshift keys are informational, DuckDB keeps its keys in CREATE TABLE).
DeferredKeyResult add_key_after_load(TargetEndpoint& target, const ConvertedObject& key, RejectSink& rejects);

// True when a named key, foreign key, index or view of `o` is already on a PostgreSQL target
// (a resumed run after a kill during this phase); false otherwise and on other targets.
bool already_on_target(TargetEndpoint& target, const ConvertedObject& o);

struct AfterLoadContext {
  std::map<std::string, std::string> target_tables;  // source table → target catalog name
  std::string reject_dir;
  bool resuming = false;  // objects already there are skipped, not failures
  std::function<void(const std::string&)> log;
};

// Applies the after-load objects of `schema`: keys first (duplicates they find leave the table
// for its reject file and the table's counts in `report` follow), then the others in order.
void apply_after_load(TargetEndpoint& target, const ConvertedSchema& schema, const AfterLoadContext& ctx,
                      LoadReport& report, ApplyResult& applied);

}  // namespace orashift
