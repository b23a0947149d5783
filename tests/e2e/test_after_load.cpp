// The after-load phase on a real PostgreSQL: a resumed run (killed while this phase ran) finds
// the keys, foreign keys and indexes the killed run created and skips them instead of failing;
// what is missing is still created.
#include <gtest/gtest.h>

#include "e2e_util.h"
#include "endpoints/factory.h"
#include "load/after_load.h"
#include "require_env.h"

using namespace orashift;

namespace {

ConvertedObject after_load(std::string kind, std::string name, std::string table, std::string sql,
                           std::vector<std::string> key_columns = {}) {
  ConvertedObject o;
  o.kind = std::move(kind);
  o.name = std::move(name);
  o.table = std::move(table);
  o.sql = std::move(sql);
  o.phase = ApplyPhase::AfterLoad;
  o.key_columns = std::move(key_columns);
  return o;
}

}  // namespace

TEST(AfterLoad, ResumedRunSkipsWhatTheKilledRunCreated) {
  std::string uri = e2e::fresh_pg_database("after_load_resume");
  if (uri.empty()) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG is not set or not reachable";
  auto target = make_target(uri);
  target->execute("CREATE TABLE parent (id int NOT NULL, code text)");
  target->execute("CREATE TABLE child (id int, parent_id int)");
  target->execute("INSERT INTO parent VALUES (1, 'a'), (2, 'b')");
  target->execute("INSERT INTO child VALUES (10, 1), (11, 2)");
  ConvertedSchema schema;
  schema.dialect = Dialect::Postgres;
  schema.objects = {
      after_load("CONSTRAINT", "PARENT_PK", "PARENT", "ALTER TABLE parent ADD CONSTRAINT parent_pk PRIMARY KEY (id);", {"id"}),
      after_load("CONSTRAINT", "CHILD_FK", "CHILD",
                 "ALTER TABLE child ADD CONSTRAINT child_fk FOREIGN KEY (parent_id) REFERENCES parent (id);"),
      after_load("INDEX", "CHILD_IX", "CHILD", "CREATE INDEX child_ix ON child (parent_id);"),
      after_load("INDEX", "PARENT_CODE_IX", "PARENT", "CREATE INDEX parent_code_ix ON parent (code);"),
  };
  // The killed run got as far as the key, the foreign key and the first index.
  for (size_t i = 0; i < 3; ++i) target->execute(schema.objects[i].sql);
  for (size_t i = 0; i < 3; ++i) EXPECT_TRUE(already_on_target(*target, schema.objects[i])) << schema.objects[i].name;
  EXPECT_FALSE(already_on_target(*target, schema.objects[3]));

  LoadReport report;
  ApplyResult applied;
  AfterLoadContext ctx;
  ctx.reject_dir = e2e::temp_dir("after-load").string();
  ctx.resuming = true;
  apply_after_load(*target, schema, ctx, report, applied);
  EXPECT_TRUE(applied.failures.empty()) << applied.failures.front().error;
  EXPECT_EQ(applied.applied, 4u);
  EXPECT_TRUE(already_on_target(*target, schema.objects[3]));

  // The same objects on a run that is not a resume are failures: they should not exist.
  ApplyResult fresh;
  ctx.resuming = false;
  apply_after_load(*target, schema, ctx, report, fresh);
  EXPECT_EQ(fresh.failures.size(), 3u);  // the key is checked on every run (a resumed load may be its first sight)
}
