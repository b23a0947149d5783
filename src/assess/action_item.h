#pragma once
// Action items: every construct that could not be converted exactly, with a code, a severity,
// a location and a recommended fix. The catalogue below is the single source of truth;
// docs/action-items.md documents every code (a unit test checks they agree).
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostic.h"

namespace orashift {

enum class ItemSeverity { Info, Low, Medium, High, Critical };
const char* item_severity_name(ItemSeverity s);

struct ActionItemKind {
  const char* code;        // "OS1001"
  ItemSeverity severity;
  const char* category;    // "types", "constraints", "physical", "data"
  const char* title;
  const char* action;      // recommended fix
  double effort_hours;     // per occurrence, for the effort estimate
};

// The catalogue; nullptr for an unknown code.
const ActionItemKind* find_action_item_kind(std::string_view code);
const std::vector<ActionItemKind>& action_item_kinds();

struct ActionItem {
  const ActionItemKind* kind = nullptr;
  std::string object;      // "TABLE SALES"
  std::string message;     // the occurrence's specifics
  Span span;               // where in the source
  std::string target;      // "redshift", "postgres", "duckdb"
};

class ActionItems {
public:
  // Adds an occurrence; an unknown code is a programming error (throws std::logic_error).
  void add(std::string_view code, std::string object, std::string message, Span span, std::string target);
  const std::vector<ActionItem>& items() const { return items_; }
  // Drops the occurrences added after the first `count` (a trial conversion taken back).
  void truncate(size_t count) {
    if (count < items_.size()) items_.resize(count);
  }

private:
  std::vector<ActionItem> items_;
};

}  // namespace orashift
