// Units behind the table conversion: the portable expression subset, defaults, partition
// bounds, sequence options, the type-map settings file and the apply manifest.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "convert/default_translation.h"
#include "convert/simple_expression.h"
#include "dialect/apply_manifest.h"
#include "dialect/partition_ddl.h"
#include "dialect/sequence_ddl.h"

using namespace orashift;

namespace {

Column column(std::string name, OracleType type, std::string default_sql = "") {
  Column c;
  c.name = std::move(name);
  c.type = std::move(type);
  c.default_sql = std::move(default_sql);
  return c;
}

Table employees() {
  Table t;
  t.name = "EMPLOYEES";
  t.columns.push_back(column("SALARY", OracleType::number(8, 2)));
  t.columns.push_back(column("EMAIL", OracleType::named("VARCHAR2", 25)));
  t.columns.push_back(column("HIRED", OracleType::named("DATE")));
  return t;
}

std::string temp_file(const std::string& name, const std::string& text) {
  auto p = std::filesystem::temp_directory_path() / name;
  std::ofstream(p) << text;
  return p.string();
}

}  // namespace

TEST(SimpleExpression, PortableConditionsAreQuoted) {
  Table t = employees();
  EXPECT_EQ(translate_simple_expression("salary > 0 AND email IS NOT NULL", t, Dialect::Postgres), "\"salary\" > 0 AND \"email\" IS NOT NULL");
  EXPECT_EQ(translate_simple_expression("email IN ('a', 'b')", t, Dialect::Postgres), "\"email\" IN('a', 'b')");
  EXPECT_EQ(translate_simple_expression("salary ^= 1", t, Dialect::Postgres), "\"salary\" <> 1");
  EXPECT_EQ(translate_simple_expression("email = LOWER(email)", t, Dialect::Postgres), "\"email\" = LOWER(\"email\")");
}

// Redshift string literals read a backslash as an escape: the same Oracle literal is written
// with doubled backslashes there, and as written elsewhere.
TEST(SimpleExpression, BackslashesAreQuotedPerDialect) {
  Table t = employees();
  EXPECT_EQ(translate_simple_expression("email <> 'C:\\temp'", t, Dialect::Redshift), "\"email\" <> 'C:\\\\temp'");
  EXPECT_EQ(translate_simple_expression("email <> 'C:\\temp'", t, Dialect::Postgres), "\"email\" <> 'C:\\temp'");
  EXPECT_EQ(translate_simple_expression("email <> 'C:\\temp'", t, Dialect::DuckDb), "\"email\" <> 'C:\\temp'");
}

TEST(SimpleExpression, RefusesWhatChangesMeaning) {
  Table t = employees();
  EXPECT_FALSE(translate_simple_expression("email || 'x' = 'x'", t, Dialect::Postgres));    // NULL operands
  EXPECT_FALSE(translate_simple_expression("email <> ''", t, Dialect::Postgres));           // '' is NULL
  EXPECT_FALSE(translate_simple_expression("salary / 2 > 1", t, Dialect::Postgres));        // integer division
  EXPECT_FALSE(translate_simple_expression("hired > '01-JAN-2000'", t, Dialect::Postgres)); // NLS conversion
  EXPECT_FALSE(translate_simple_expression("hired + 1 > hired", t, Dialect::Postgres));     // date arithmetic
  EXPECT_FALSE(translate_simple_expression("nosuch > 0", t, Dialect::Postgres));            // unknown name
  EXPECT_FALSE(translate_simple_expression("REGEXP_LIKE(email, 'x')", t, Dialect::Postgres));
}

TEST(DefaultTranslation, PerTarget) {
  Table t = employees();
  Column c = column("CREATED", OracleType::named("DATE"), "SYSDATE");
  EXPECT_EQ(translate_default(c, {"TIMESTAMP", true}, t, Dialect::Postgres)->sql, "LOCALTIMESTAMP(0)");
  EXPECT_EQ(translate_default(c, {"TIMESTAMP", true}, t, Dialect::Redshift)->sql, "GETDATE()");
  c.default_sql = "hr.emp_seq.nextval";
  auto d = translate_default(c, {"BIGINT", true}, t, Dialect::DuckDb);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->sql, "nextval('\"emp_seq\"')");
  EXPECT_EQ(d->needs, "EMP_SEQ");
  EXPECT_FALSE(translate_default(c, {"BIGINT", true}, t, Dialect::Redshift));
  c.default_sql = "''";
  EXPECT_EQ(translate_default(c, {"VARCHAR", true}, t, Dialect::Postgres)->sql, "NULL");
  c.default_sql = "TRUNC(SYSDATE)";
  EXPECT_FALSE(translate_default(c, {"TIMESTAMP", true}, t, Dialect::Postgres));
}

TEST(PartitionBounds, Constants) {
  EXPECT_EQ(partition_bound_value("TO_DATE('01-JUL-2019','DD-MON-YYYY')"), "'2019-07-01 00:00:00'");
  EXPECT_EQ(partition_bound_value("TO_DATE(' 2019-01-01 00:00:00', 'SYYYY-MM-DD HH24:MI:SS', 'NLS_CALENDAR=GREGORIAN')"),
            "'2019-01-01 00:00:00'");
  EXPECT_EQ(partition_bound_value("MAXVALUE"), "MAXVALUE");
  EXPECT_EQ(partition_bound_value("-5"), "-5");
  EXPECT_FALSE(partition_bound_value("SYSDATE"));
}

TEST(PartitionDdl, KeyWithoutPartitionColumnKeepsTableWhole) {
  Table t = employees();
  t.partitioning.method = "RANGE";
  t.partitioning.columns = {"HIRED"};
  t.partitioning.partitions.push_back({"P1", "", "", "LESS THAN", {"MAXVALUE"}});
  std::string why;
  EXPECT_TRUE(postgres_partitions(t, why)) << why;
  Constraint pk;
  pk.kind = ConstraintKind::PrimaryKey;
  pk.columns = {"EMAIL"};
  t.constraints.push_back(pk);
  EXPECT_FALSE(postgres_partitions(t, why));
  EXPECT_NE(why.find("HIRED"), std::string::npos);
}

TEST(SequenceClauses, OracleOptions) {
  std::vector<SequenceOption> o = {{"START  WITH", "10"}, {"MAXVALUE", "9999999999999999999999999999"},
                                   {"NOCACHE", ""}, {"ORDER", ""}, {"NOCYCLE", ""}};
  SequenceClauses pg = sequence_clauses(o, Dialect::Postgres);
  EXPECT_EQ(pg.sql, " START WITH 10 NO MAXVALUE CACHE 1 NO CYCLE");
  EXPECT_EQ(pg.dropped.size(), 2u);  // MAXVALUE beyond BIGINT, ORDER
  EXPECT_EQ(sequence_clauses(o, Dialect::DuckDb).sql, " START WITH 10 NO MAXVALUE NO CYCLE");
  auto id = identity_options("GENERATED ALWAYS AS IDENTITY (START WITH 100 INCREMENT BY -1)");
  ASSERT_EQ(id.size(), 2u);
  EXPECT_EQ(id[1].name, "INCREMENT BY");
  EXPECT_EQ(id[1].value, "-1");
  EXPECT_TRUE(identity_always("GENERATED ALWAYS AS IDENTITY"));
  EXPECT_FALSE(identity_always("GENERATED BY DEFAULT ON NULL AS IDENTITY"));
}

TEST(TypeMapSettings, OverridesAndErrors) {
  auto path = temp_file("orashift-typemap.json",
                        R"J({"types": {"number(10)": {"postgres": "INTEGER"}, "XMLTYPE": {"duckdb": "VARCHAR"}},
                            "unconstrained_number": {"precision": 30, "scale": 4}})J");
  TypeMappingSettings s = load_type_mapping_settings(path);
  Column c = column("N", OracleType::number(10, std::nullopt));
  ActionItems items;
  EXPECT_EQ(map_type(c, "TABLE T", Dialect::Postgres, s, &items).sql, "INTEGER");
  EXPECT_EQ(map_type(c, "TABLE T", Dialect::DuckDb, s, &items).sql, "BIGINT");  // no override for duckdb
  c.type = OracleType::number(std::nullopt, std::nullopt);
  EXPECT_EQ(map_type(c, "TABLE T", Dialect::DuckDb, s, &items).sql, "NUMERIC(30,4)");
  auto bad = temp_file("orashift-typemap-bad.json", R"J({"types": {"DATE": {"postgres": "TIMESTAMP; DROP TABLE x"}}})J");
  EXPECT_THROW(load_type_mapping_settings(bad), std::runtime_error);
  auto unknown = temp_file("orashift-typemap-unknown.json", R"J({"typez": {}})J");
  EXPECT_THROW(load_type_mapping_settings(unknown), std::runtime_error);
}

TEST(ApplyManifest, RoundTripsThroughJson) {
  SourceFile f("hr.sql", "CREATE TABLE t (a NUMBER);\nCREATE VIEW v AS SELECT 1 FROM dual;\n");
  ConvertedSchema s;
  s.dialect = Dialect::Postgres;
  s.objects.push_back({"TABLE", "T", "T", "CREATE TABLE \"t\" (\"a\" NUMERIC);\n", ApplyPhase::BeforeLoad, Span{&f, 0, 26}, {}});
  s.flagged.push_back({"VIEW", "V", Span{&f, 27, 60}, "OS9001"});
  ActionItems items;
  items.add("OS1001", "TABLE T", "column A", Span{&f, 16, 24}, "postgres");
  items.add("OS9001", "CREATE VIEW", "v", Span{&f, 27, 60}, "postgres");
  ApplyManifest m = build_manifest(s, {&s.objects[0]}, {"001_table_t.sql"}, {0}, items);
  ASSERT_EQ(m.objects.size(), 1u);
  EXPECT_EQ(m.objects[0].codes, std::vector<std::string>{"OS1001"});
  EXPECT_EQ(m.objects[0].location, "hr.sql:1:1");
  auto path = temp_file("orashift-manifest.json", manifest_json(m));
  ApplyManifest back = read_manifest(path);
  EXPECT_EQ(back.dialect, "postgres");
  ASSERT_EQ(back.flagged.size(), 1u);
  EXPECT_EQ(back.flagged[0].location, "hr.sql:2:1");
  EXPECT_EQ(back.objects[0].file, "001_table_t.sql");
  EXPECT_THROW(read_manifest(path + ".missing"), std::runtime_error);
}

// A unit's objects share one file (cli/conversion.cpp); apply runs each section on its own, found by
// its marker line, so a file the user edited between the markers still splits where the objects are.
TEST(ApplyManifest, ObjectsOfAUnitAreSectionsOfOneFile) {
  std::string text = "-- PACKAGE BODY PKG: 3 objects, in apply order\n\n" +
                     object_section_marker(1, "SCHEMA", "PKG") + "CREATE SCHEMA \"pkg\";\n\n" +
                     object_section_marker(2, "FUNCTION", "PKG.F") + "CREATE FUNCTION f1;\n-- edited by hand\n\n" +
                     object_section_marker(3, "PROCEDURE", "PKG.P") + "CREATE PROCEDURE p1;\n";
  ManifestObject o{"042_package_body_pkg.sql", "FUNCTION", "PKG.F", "", "after_load", "", {}, "PACKAGE BODY PKG", 2};
  EXPECT_EQ(object_sql(text, o, "dir/042_package_body_pkg.sql"), "CREATE FUNCTION f1;\n-- edited by hand\n\n");
  o.part = 1;
  EXPECT_EQ(object_sql(text, o, "f"), "CREATE SCHEMA \"pkg\";\n\n");
  o.part = 3;
  EXPECT_EQ(object_sql(text, o, "f"), "CREATE PROCEDURE p1;\n");
  o.part = 0;
  EXPECT_EQ(object_sql(text, o, "f"), text);
  o.part = 4;
  try {
    object_sql(text, o, "dir/042_package_body_pkg.sql");
    ADD_FAILURE() << "a missing section must not run as an empty statement";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("dir/042_package_body_pkg.sql: no section 4"), std::string::npos) << e.what();
  }
  // A section deleted by hand does not shift the others onto the wrong objects; an emptied one
  // is an error, not an object applied as nothing.
  std::string without_2 = "-- PACKAGE BODY PKG\n" + object_section_marker(1, "SCHEMA", "PKG") + "CREATE SCHEMA \"pkg\";\n" +
                          object_section_marker(3, "PROCEDURE", "PKG.P") + "CREATE PROCEDURE p1;\n";
  o.part = 3;
  EXPECT_EQ(object_sql(without_2, o, "f"), "CREATE PROCEDURE p1;\n");
  o.part = 2;
  EXPECT_THROW(object_sql(without_2, o, "f"), std::runtime_error);
  std::string emptied = object_section_marker(1, "SCHEMA", "PKG") + "\n  \n" + object_section_marker(2, "FUNCTION", "PKG.F") + "x;\n";
  o.part = 1;
  EXPECT_THROW(object_sql(emptied, o, "f"), std::runtime_error);
  o.part = 4;
  ApplyManifest m;
  m.dialect = "postgres";
  m.objects = {o, ManifestObject{"001_table_t.sql", "TABLE", "T", "T", "before_load", "", {}}};
  m.objects[0].part = 3;
  ApplyManifest back = read_manifest(temp_file("orashift-manifest-parts.json", manifest_json(m)));
  ASSERT_EQ(back.objects.size(), 2u);
  EXPECT_EQ(back.objects[0].part, 3);
  EXPECT_EQ(back.objects[1].part, 0);
}
