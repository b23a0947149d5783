#include <gtest/gtest.h>

#include "convert/type_mapping.h"

using namespace orashift;

namespace {
Column col(std::string type, std::optional<int> p = {}, std::optional<int> s = {}, std::optional<int> len = {},
           bool char_sem = false) {
  Column c;
  c.name = "C";
  c.type.name = std::move(type);
  c.type.precision = p;
  c.type.scale = s;
  c.type.length = len;
  c.type.char_semantics = char_sem;
  return c;
}
std::string map(const Column& c, Dialect d, ActionItems* items = nullptr) {
  return map_type(c, "TABLE T", d, TypeMappingSettings{}, items).sql;
}
}  // namespace

TEST(TypeMapping, NumbersAsSctDoes) {
  for (Dialect d : {Dialect::Redshift, Dialect::Postgres, Dialect::DuckDb}) {
    EXPECT_EQ(map(col("NUMBER", 1, 0), d), "SMALLINT");
    EXPECT_EQ(map(col("NUMBER", 4), d), "SMALLINT");
    EXPECT_EQ(map(col("NUMBER", 5), d), "INTEGER");
    EXPECT_EQ(map(col("NUMBER", 9), d), "INTEGER");
    EXPECT_EQ(map(col("NUMBER", 10), d), "BIGINT");
    EXPECT_EQ(map(col("NUMBER", 18), d), "BIGINT");
    EXPECT_EQ(map(col("NUMBER", 19), d), "NUMERIC(19,0)");
    EXPECT_EQ(map(col("NUMBER", 10, 2), d), "NUMERIC(10,2)");
    EXPECT_EQ(map(col("NUMBER", 2, 5), d), "NUMERIC(5,5)");
    EXPECT_EQ(map(col("NUMBER", 5, -2), d), "INTEGER");
  }
}

TEST(TypeMapping, UnconstrainedNumberIsAnActionItemWhereBounded) {
  ActionItems items;
  EXPECT_EQ(map(col("NUMBER"), Dialect::Redshift, &items), "NUMERIC(38,10)");
  EXPECT_EQ(map(col("NUMBER"), Dialect::DuckDb, &items), "NUMERIC(38,10)");
  ASSERT_EQ(items.items().size(), 2u);
  EXPECT_STREQ(items.items()[0].kind->code, "OS1001");
  EXPECT_EQ(map(col("NUMBER"), Dialect::Postgres, &items), "NUMERIC");
  EXPECT_EQ(items.items().size(), 2u);
}

TEST(TypeMapping, DateKeepsTheTimeOfDay) {
  for (Dialect d : {Dialect::Redshift, Dialect::Postgres, Dialect::DuckDb}) EXPECT_EQ(map(col("DATE"), d), "TIMESTAMP");
}

TEST(TypeMapping, CharactersInBytes) {
  EXPECT_EQ(map(col("VARCHAR2", {}, {}, 50), Dialect::Redshift), "VARCHAR(50)");
  EXPECT_EQ(map(col("VARCHAR2", {}, {}, 50), Dialect::Postgres), "VARCHAR(50)");
  ActionItems items;
  EXPECT_EQ(map(col("VARCHAR2", {}, {}, 50, true), Dialect::Redshift, &items), "VARCHAR(200)");
  EXPECT_STREQ(items.items().at(0).kind->code, "OS1003");
  // Redshift CHAR is single-byte only: multibyte-safe VARCHAR instead, reported.
  EXPECT_EQ(map(col("CHAR", {}, {}, 2), Dialect::Redshift, &items), "VARCHAR(2)");
  EXPECT_STREQ(items.items().back().kind->code, "OS1004");
  EXPECT_EQ(map(col("CHAR", {}, {}, 2), Dialect::Postgres), "CHAR(2)");
  EXPECT_EQ(map(col("VARCHAR2", {}, {}, 4000), Dialect::DuckDb), "VARCHAR");
}

TEST(TypeMapping, LobsAndBinary) {
  ActionItems items;
  EXPECT_EQ(map(col("CLOB"), Dialect::Redshift, &items), "VARCHAR(65535)");
  EXPECT_EQ(items.items().size(), 1u);
  EXPECT_EQ(map(col("CLOB"), Dialect::Postgres), "TEXT");
  EXPECT_EQ(map(col("BLOB"), Dialect::Postgres), "BYTEA");
  EXPECT_EQ(map(col("RAW", {}, {}, 16), Dialect::Redshift), "VARBYTE(16)");
}
