#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>

#include "endpoints/sqlite/sqlite_source.h"

#include "target_test_util.h"

using namespace orashift;

TEST(SqliteSource, TypesByAffinity) {
  EXPECT_EQ(oracle_type_for_sqlite("INTEGER").text(), "NUMBER(18,0)");
  EXPECT_EQ(oracle_type_for_sqlite("bigint").text(), "NUMBER(18,0)");
  EXPECT_EQ(oracle_type_for_sqlite("VARCHAR(20)").text(), "VARCHAR2(20 CHAR)");
  EXPECT_EQ(oracle_type_for_sqlite("TEXT").text(), "CLOB");
  EXPECT_EQ(oracle_type_for_sqlite("DECIMAL(10,2)").text(), "NUMBER(10,2)");
  EXPECT_EQ(oracle_type_for_sqlite("NUMERIC").text(), "NUMBER");
  EXPECT_EQ(oracle_type_for_sqlite("DOUBLE").text(), "BINARY_DOUBLE");
  EXPECT_EQ(oracle_type_for_sqlite("DATETIME").text(), "TIMESTAMP(6)");
  EXPECT_EQ(oracle_type_for_sqlite("BLOB").text(), "BLOB");
}

TEST(SqliteSource, EveryValueCheckedAgainstItsColumn) {
  std::string path = (std::filesystem::temp_directory_path() / ("orashift-sqlite-" + std::to_string(getpid()) + ".db")).string();
  std::filesystem::remove(path);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL, price DECIMAL(10,2), "
                         "made DATETIME, note TEXT, pic BLOB);"
                         "INSERT INTO items VALUES (1,'apple',1.5,'2020-01-02T03:04:05Z','',x'00ff'),"
                         "(2,'pear',2,'2020-02-29T10:00:00.5',NULL,NULL),(3,'bad','abc',NULL,NULL,NULL),"
                         "(4,'round',1.005,NULL,NULL,NULL),(5,'when',1,'yesterday',NULL,NULL);",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  SqliteSource src(path);
  const Table* t = src.catalog().find_table("items");
  ASSERT_TRUE(t);
  ASSERT_TRUE(t->primary_key());
  EXPECT_EQ(src.row_estimates().at("items"), 5u);
  auto cols = load_columns_for(*t);
  orashift::testing::CollectRejects rejects;
  auto reader = src.open(src.units().at(0), cols, rejects);
  Batch b = orashift::testing::batch_for(cols);
  EXPECT_FALSE(reader->next(b, 100));
  EXPECT_EQ(reader->rows_read(), 5u);
  ASSERT_EQ(b.rows(), 2u);
  ASSERT_EQ(rejects.rejects.size(), 3u);  // 'abc', 1.005 (would need rounding), 'yesterday'
  EXPECT_EQ(rejects.rejects[0].line, 3u);
  EXPECT_EQ(rejects.rejects[1].line, 4u);
  EXPECT_EQ(rejects.rejects[2].line, 5u);
  EXPECT_EQ(format_decimal(b.columns[2].decimals[0], 2), "1.50");
  EXPECT_EQ(format_timestamp(b.columns[3].ints[0]), "2020-01-02 03:04:05");  // ISO 8601 with T and Z
  EXPECT_EQ(format_timestamp(b.columns[3].ints[1]), "2020-02-29 10:00:00.5");
  EXPECT_EQ(b.columns[4].text(0), "");
  EXPECT_FALSE(b.columns[4].is_null(0));
  EXPECT_EQ(b.columns[5].text(0), std::string("\0\xff", 2));
  std::filesystem::remove(path);
}
