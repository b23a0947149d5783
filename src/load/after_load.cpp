#include "load/after_load.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "common/naming.h"
#include "load/reject_file.h"

namespace orashift {

namespace {

bool count_positive(TargetEndpoint& target, const std::string& sql) {
  QueryResult r = target.query(sql);
  return !r.rows.empty() && r.rows[0][0].value_or("0") != "0";
}

}  // namespace

bool already_on_target(TargetEndpoint& target, const ConvertedObject& o) {
  if (target.dialect() != "postgres") return false;
  if (o.kind == "CONSTRAINT") {
    const std::string table = quote_literal(quote_ident(target_name(o.table)));
    if (o.name.empty() && o.key_columns.empty()) return false;  // an unnamed foreign key cannot be recognised
    return count_positive(target, "SELECT count(*) FROM pg_constraint WHERE conrelid = to_regclass(" + table + ") AND " +
                                      (o.name.empty() ? std::string("contype = 'p'")
                                                      : "conname = " + quote_literal(target_name(o.name))));
  }
  if (o.kind == "INDEX" || o.kind == "VIEW" || o.kind == "MATERIALIZED VIEW")
    return !o.name.empty() && count_positive(target, "SELECT count(*) FROM pg_class WHERE oid = to_regclass(" +
                                                         quote_literal(quote_ident(target_name(o.name))) + ")");
  return false;
}

DeferredKeyResult add_key_after_load(TargetEndpoint& target, const ConvertedObject& key, RejectSink& rejects) {
  DeferredKeyResult result;
  if (target.dialect() != "postgres" || key.key_columns.empty()) {
    target.execute(key.sql);
    return result;
  }
  if (already_on_target(target, key)) {
    result.already_there = true;
    return result;
  }
  const std::string table = quote_ident(target_name(key.table));
  try {
    target.execute(key.sql);
    return result;
  } catch (const std::exception& first) {
    std::string columns, all_set;
    for (const auto& c : key.key_columns) {
      columns += (columns.empty() ? "" : ", ") + quote_ident(c);
      all_set += (all_set.empty() ? "" : " AND ") + quote_ident(c) + " IS NOT NULL";  // UNIQUE allows NULLs
    }
    target.execute("BEGIN");
    try {
      QueryResult moved = target.query(
          "DELETE FROM " + table + " AS t WHERE ctid = ANY (ARRAY(SELECT ctid FROM (SELECT ctid, row_number() OVER "
          "(PARTITION BY " + columns + " ORDER BY ctid) AS copy FROM " + table + " WHERE " + all_set +
          ") d WHERE copy > 1)) RETURNING t::text");
      if (moved.rows.empty()) throw std::runtime_error(first.what());  // not a duplicate: the original error
      const std::string reason = "duplicate key (" + columns + "): an earlier row with the same key was loaded; the key " +
                                 (key.name.empty() ? "" : quote_ident(target_name(key.name)) + " ") +
                                 "was added after the load (CreatePkAfterFullLoad) and this row removed";
      // Written before the commit: a crash in between leaves the rows in the table and their
      // records in the file, and the resumed run finds them again (a record may then appear
      // twice, a row is never lost).
      for (const auto& row : moved.rows)
        rejects.reject({key.table, "target table " + table, 0, reason, row[0].value_or("")});
      target.execute(key.sql);
      target.execute("COMMIT");
      result.duplicates = moved.rows.size();
    } catch (...) {
      try {
        target.execute("ROLLBACK");
      } catch (...) {
      }
      throw;
    }
  }
  return result;
}

void apply_after_load(TargetEndpoint& target, const ConvertedSchema& schema, const AfterLoadContext& ctx,
                      LoadReport& report, ApplyResult& applied) {
  auto log = [&](const std::string& s) {
    if (ctx.log) ctx.log(s);
  };
  ConvertedSchema rest = schema;
  std::erase_if(rest.objects, [&](const ConvertedObject& o) {
    if (o.phase != ApplyPhase::AfterLoad) return false;
    if (!o.key_columns.empty()) return true;  // applied first, below
    if (ctx.resuming && already_on_target(target, o)) {
      log(o.kind + " " + o.name + " was created by the earlier run");
      ++applied.applied;
      return true;
    }
    return false;
  });
  for (const auto& key : schema.objects) {
    if (key.phase != ApplyPhase::AfterLoad || key.key_columns.empty()) continue;
    TableLoadStats* stats = nullptr;  // the table's line in the report, by its target catalog name
    for (auto& t : report.tables) {
      auto it = ctx.target_tables.find(t.table);
      if ((it == ctx.target_tables.end() ? t.table : it->second) == key.table) stats = &t;
    }
    const std::string source_table = stats ? stats->table : key.table;
    try {
      RejectFile rejects(reject_file_path(ctx.reject_dir, source_table), true);
      DeferredKeyResult r = add_key_after_load(target, key, rejects);
      ++applied.applied;
      if (r.already_there) log("key " + key.name + " of " + key.table + " was added by the earlier run");
      if (r.duplicates == 0) continue;
      log(fmt::format("{}: {} rows with a duplicate key moved to {} before adding key {}", source_table, r.duplicates,
                      rejects.path(), key.name));
      if (!stats) continue;
      stats->rows_loaded -= std::min(stats->rows_loaded, r.duplicates);
      stats->rows_rejected += r.duplicates;
      stats->reject_file = rejects.path();
      if (stats->state == "completed") stats->state = "completed with rejects";
    } catch (const std::exception& e) {
      applied.failures.push_back({key.kind + " " + key.name, key.span.location(), e.what()});
    }
  }
  apply_phase(target, rest, ApplyPhase::AfterLoad, applied);
}

}  // namespace orashift
