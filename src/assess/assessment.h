#pragma once
// The assessment model every report format renders: objects with a status and an effort, every
// action item occurrence with its hours, totals and the migration level. Built once from a
// RunSummary so report.json, report.html and the CSV files always agree.
#include <map>
#include <string>
#include <vector>

#include "assess/action_item.h"
#include "assess/effort_model.h"
#include "common/diagnostic.h"

namespace orashift {

struct RunSummary;

// Statuses, from the worst item of an object (see docs/assessment.md).
inline constexpr const char* kStatusAuto = "converted automatically";
inline constexpr const char* kStatusWarn = "converted with warnings";
inline constexpr const char* kStatusManual = "needs manual work";
inline constexpr const char* kStatusNotApplicable = "not applicable";
inline const char* const kStatuses[] = {kStatusAuto, kStatusWarn, kStatusManual, kStatusNotApplicable};

struct Occurrence {
  const ActionItemKind* kind = nullptr;
  std::string object;  // display name of the object ("TABLE SALES"), or the statement kind
  std::string message;
  Span span;
  double hours = 0;
  int object_index = -1;  // into Assessment::objects, -1 for statements that are not objects
};

struct AssessedObject {
  std::string kind;    // TABLE, INDEX, VIEW, PACKAGE BODY, ANONYMOUS BLOCK, …
  std::string name;
  std::string status;
  bool code = false;   // a code object (PL/SQL unit or view), else a storage object
  Span span;
  std::string converted;        // target DDL, empty when nothing was generated
  std::vector<size_t> items;    // into Assessment::items
  std::map<std::string, size_t> constructs;  // construct name → occurrences
  uint32_t lines = 0;
  double kb = 0;
  double units = 0;             // effort model units of the object itself (kind + size + tests)
  double hours = 0;             // all its occurrences
  std::string display() const { return kind + " " + name; }
};

struct Assessment {
  std::string name;      // source name in a portfolio
  std::string command, source, target, dialect;
  EffortModel model;
  std::vector<AssessedObject> objects;
  std::vector<Occurrence> items;
  double hours = 0;
  double days() const { return hours / model.hours_per_day; }
  char level = 'A';      // A automatic, B ≤ level_b_max_days of manual work, C above
  int difficulty = 1;    // 1 trivial … 5 difficult (docs/assessment.md)
  // Share of objects converted automatically (with or without warnings) per class; -1 if none.
  double auto_share_storage = -1, auto_share_code = -1;
  size_t count(const std::string& status) const;
  std::map<std::string, size_t> by_severity() const;
};

Assessment build_assessment(const RunSummary& s);

}  // namespace orashift
