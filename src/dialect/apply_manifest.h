#pragma once
// OUT/<dialect>/manifest.json: what `orashift apply` needs to run a conversion's output object
// by object — the files in apply order with each object's kind, name, Oracle source location
// and action-item codes, and the source objects that were not converted (flagged), so that a
// failure can be reported against the Oracle source and flagged objects counted as skipped.
#include <string>
#include <vector>

#include "assess/action_item.h"
#include "dialect/ddl_generator.h"

namespace orashift {

struct ManifestObject {
  std::string file;                   // relative to the manifest's directory
  std::string kind, name, table;
  std::string phase;                  // "before_load" / "after_load"
  std::string location;               // Oracle source file:line:col ("" if none)
  std::vector<std::string> codes;     // action items raised on this object
  std::string unit = {};              // code objects: the Oracle unit ("PROCEDURE P")
};

struct ManifestFlagged {
  std::string kind, name, location, code;
  std::string unit = {};
};

struct ApplyManifest {
  std::string dialect;
  std::vector<ManifestObject> objects;   // apply order
  std::vector<ManifestFlagged> flagged;  // not converted: skipped by apply
};

// Builds the manifest of a converted schema; `files` are the per-object file names in
// apply order (as written by the convert step).
ApplyManifest build_manifest(const ConvertedSchema& schema, const std::vector<const ConvertedObject*>& ordered,
                             const std::vector<std::string>& files, const ActionItems& items);

std::string manifest_json(const ApplyManifest& m);
// Throws std::runtime_error with the path and the reason when the file is missing or malformed.
ApplyManifest read_manifest(const std::string& path);

}  // namespace orashift
