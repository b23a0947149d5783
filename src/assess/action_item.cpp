#include "assess/action_item.h"

#include <stdexcept>

namespace orashift {

const char* item_severity_name(ItemSeverity s) {
  switch (s) {
    case ItemSeverity::Info: return "info";
    case ItemSeverity::Low: return "low";
    case ItemSeverity::Medium: return "medium";
    case ItemSeverity::High: return "high";
    case ItemSeverity::Critical: return "critical";
  }
  return "info";
}

const std::vector<ActionItemKind>& action_item_kinds() {
  static const std::vector<ActionItemKind> kinds = {
      // 1xxx: data types
      {"OS1001", ItemSeverity::Low, "types",
       "Unconstrained NUMBER mapped to a fixed-scale NUMERIC",
       "Check the column's real values; declare NUMBER(p,s) in the mapping settings, or use BIGINT if the values "
       "are integers. Rows whose values need more fractional digits are rejected by the loader.",
       0.25},
      {"OS1002", ItemSeverity::Medium, "types", "Data type has no exact equivalent on the target",
       "Review the chosen target type and the values stored; adjust the type mapping settings if needed.", 1.0},
      {"OS1003", ItemSeverity::Low, "types", "Character length semantics changed",
       "Oracle counted characters (CHAR semantics); the target counts bytes. The length was multiplied by 4 "
       "(UTF-8 worst case); tighten it if the data allows.",
       0.1},
      {"OS1004", ItemSeverity::Info, "types", "CHAR column on Redshift stores single-byte characters only",
       "Redshift CHAR accepts only single-byte characters; the column was converted to VARCHAR of the same byte "
       "length to accept multibyte data. Trailing blanks are then significant in comparisons.",
       0.1},
      {"OS1005", ItemSeverity::Info, "types", "Foreign-key column takes the type of the key it references",
       "The column was declared as unconstrained NUMBER; it now has the referenced key's precise type so the "
       "target can enforce and join it efficiently. Rows whose values do not fit are rejected by the loader, "
       "with the reason, never rounded.",
       0.0},
      // 2xxx: constraints and table features
      {"OS2001", ItemSeverity::Info, "constraints", "Constraint is disabled in Oracle and not created on the target",
       "The source does not enforce it (DISABLE/NOVALIDATE). Create it after cleaning the data if it should be "
       "enforced.",
       0.1},
      {"OS2002", ItemSeverity::Info, "constraints", "Constraints are informational on Redshift",
       "Redshift does not enforce primary, unique or foreign keys; the optimizer trusts them. Make sure the loaded "
       "data satisfies them (orashift validate).",
       0.0},
      {"OS2003", ItemSeverity::Low, "constraints", "Foreign key not created on DuckDB",
       "DuckDB cannot add foreign keys to existing tables and enforces them on every insert; the key is kept as a "
       "comment. Add it to CREATE TABLE by hand if you need enforcement.",
       0.1},
      {"OS2004", ItemSeverity::Medium, "constraints", "CHECK constraint not supported on Redshift",
       "Redshift has no CHECK constraints. Enforce the rule in the load pipeline or with a validation query.",
       0.5},
      {"OS2005", ItemSeverity::Low, "tables", "Column default not converted",
       "The Oracle default expression has no automatic translation yet; set the default by hand on the target.",
       0.25},
      {"OS2006", ItemSeverity::Info, "tables", "Oracle partitioning replaced",
       "Redshift has no table partitions: the table is created whole and the partition key leads the sort key. "
       "PostgreSQL and DuckDB: partitions are not created in this version; the table is created whole.",
       0.25},
      // 3xxx: indexes and physical design
      {"OS3001", ItemSeverity::Info, "physical", "Index dropped on Redshift",
       "Redshift has no indexes; its columns informed the sort and distribution keys.", 0.0},
      {"OS3002", ItemSeverity::Info, "physical", "Bitmap index converted to B-tree",
       "PostgreSQL has no persistent bitmap indexes; a B-tree index was created. Consider BRIN or dropping it for "
       "low-cardinality columns.",
       0.1},
      {"OS3003", ItemSeverity::Info, "physical", "Index not created on DuckDB",
       "DuckDB's columnar storage with zone maps serves analytic filters without secondary indexes; the index "
       "would only slow loading.",
       0.0},
      {"OS3004", ItemSeverity::Info, "physical", "Storage clauses dropped",
       "Oracle physical attributes (PCTFREE, TABLESPACE, COMPRESS, STORAGE, LOGGING) have no target meaning.", 0.0},
      // 9xxx: statements the converter does not handle yet
      {"OS9001", ItemSeverity::High, "unsupported", "Statement not converted",
       "This kind of statement is recognised but not converted by this version; convert it by hand.", 2.0},
      {"OS9002", ItemSeverity::High, "unsupported", "Statement could not be parsed",
       "Fix the syntax error (or report a parser gap) and convert again.", 1.0},
      {"OS9003", ItemSeverity::Info, "unsupported", "Statement outside the schema not converted",
       "Grants, users, data changes and session settings are not part of the converted schema; re-create what "
       "the target needs (users, grants) with the target's own tools.",
       0.0},
  };
  return kinds;
}

const ActionItemKind* find_action_item_kind(std::string_view code) {
  for (const auto& k : action_item_kinds())
    if (code == k.code) return &k;
  return nullptr;
}

void ActionItems::add(std::string_view code, std::string object, std::string message, Span span, std::string target) {
  const ActionItemKind* kind = find_action_item_kind(code);
  if (!kind) throw std::logic_error("unknown action item code " + std::string(code));
  items_.push_back({kind, std::move(object), std::move(message), span, std::move(target)});
}

}  // namespace orashift
