#pragma once
// Keys added after the load (CreatePkAfterFullLoad). DMS simply fails to create a key when the
// source held duplicate keys, leaving the doubled rows in the table without any key. orashift
// keeps the outcome of a key that existed during the load: the first copy of each key stays
// and the later copies are moved to the table's reject file, with the reason, before the key
// is added again — so duplicates are refused row by row whichever way the key is built, and
// read = loaded + rejected + filtered still holds.
#include <cstdint>
#include <string>

#include "dialect/ddl_generator.h"
#include "load/endpoint.h"

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

}  // namespace orashift
