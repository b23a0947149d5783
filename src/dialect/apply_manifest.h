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
  // 0: the object is the whole file. k ≥ 1: the file holds several objects of one Oracle unit
  // and this one is its k-th section (object_section_marker below).
  int part = 0;
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

// Builds the manifest of a converted schema; `files` are the objects' file names in apply order
// (as written by the convert step) and `parts` their sections in them (0: the whole file).
ApplyManifest build_manifest(const ConvertedSchema& schema, const std::vector<const ConvertedObject*>& ordered,
                             const std::vector<std::string>& files, const std::vector<int>& parts, const ActionItems& items);

std::string manifest_json(const ApplyManifest& m);

// A file holding several objects of one Oracle unit (a package's routines) starts each object with
// this comment line, `k` counted from 1: apply runs the text from it to the next marker, so an
// edited file still splits where the objects are.
std::string object_section_marker(int k, const std::string& kind, const std::string& name);
// The SQL of `o` from its file's text: the whole text, or its section (throws std::runtime_error
// naming `path` when the file has fewer sections than the manifest says).
std::string object_sql(const std::string& file_text, const ManifestObject& o, const std::string& path);
// Throws std::runtime_error with the path and the reason when the file is missing or malformed.
ApplyManifest read_manifest(const std::string& path);

}  // namespace orashift
