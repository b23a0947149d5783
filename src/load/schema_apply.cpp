#include "load/schema_apply.h"

#include "common/naming.h"

namespace orashift {

void drop_tables(TargetEndpoint& target, const ConvertedSchema& schema, ApplyResult& result) {
  // CASCADE removes foreign keys pointing at the table; DuckDB has none of ours (OS2003).
  const char* cascade = schema.dialect == Dialect::DuckDb ? "" : " CASCADE";
  for (auto it = schema.objects.rbegin(); it != schema.objects.rend(); ++it) {
    if (it->kind != "TABLE") continue;
    try {
      target.execute("DROP TABLE IF EXISTS " + quote_ident(target_name(it->name)) + cascade);
    } catch (const std::exception& e) {
      result.failures.push_back({"DROP TABLE " + it->name, it->span.location(), e.what()});
    }
  }
}

void apply_phase(TargetEndpoint& target, const ConvertedSchema& schema, ApplyPhase phase, ApplyResult& result) {
  for (const auto& o : schema.objects) {
    if (o.phase != phase) continue;
    try {
      target.execute(o.sql);
      ++result.applied;
    } catch (const std::exception& e) {
      result.failures.push_back({o.kind + " " + o.name, o.span.location(), e.what()});
    }
  }
}

}  // namespace orashift
