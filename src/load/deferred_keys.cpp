#include "load/deferred_keys.h"

#include <stdexcept>

#include "dialect/naming.h"

namespace orashift {

namespace {

bool key_exists(TargetEndpoint& target, const std::string& table, const ConvertedObject& key) {
  std::string sql = "SELECT count(*) FROM pg_constraint WHERE conrelid = to_regclass(" + quote_literal(table) + ") AND ";
  sql += key.name.empty() ? std::string("contype = 'p'") : "conname = " + quote_literal(target_name(key.name));
  QueryResult r = target.query(sql);
  return !r.rows.empty() && r.rows[0][0].value_or("0") != "0";
}

}  // namespace

DeferredKeyResult add_key_after_load(TargetEndpoint& target, const ConvertedObject& key, RejectSink& rejects) {
  DeferredKeyResult result;
  if (target.dialect() != "postgres" || key.key_columns.empty()) {
    target.execute(key.sql);
    return result;
  }
  const std::string table = quote_ident(target_name(key.table));
  if (key_exists(target, table, key)) {
    result.already_there = true;
    return result;
  }
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

}  // namespace orashift
