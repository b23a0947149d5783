// Reading a PostgreSQL source's partition key and bounds into the catalog's partitioning model.
#include <gtest/gtest.h>

#include "endpoints/postgres/pg_partitions.h"

using namespace orashift;

namespace {

Partitioning with_children(std::initializer_list<const char*> names) {
  Partitioning p;
  for (const char* n : names) {
    Partition part;
    part.name = n;
    part.bound_sql = std::string("constraint of ") + n;
    p.partitions.push_back(part);
  }
  return p;
}

std::vector<std::string> names(const Partitioning& p) {
  std::vector<std::string> out;
  for (const auto& part : p.partitions) out.push_back(part.name);
  return out;
}

}  // namespace

TEST(PgPartitions, RangeChainIsOrderedByBoundsWhateverTheNames) {
  Partitioning p = with_children({"b", "c", "a"});
  std::string why = read_pg_partitioning(
      "RANGE (region, \"Sold At\")",
      {{"a", "FOR VALUES FROM (MINVALUE, MINVALUE) TO ('x, y', '2020-01-01 00:00:00')"},
       {"b", "FOR VALUES FROM ('x, y', '2020-01-01 00:00:00') TO ('it''s', '2021-01-01 00:00:00')"},
       {"c", "FOR VALUES FROM ('it''s', '2021-01-01 00:00:00') TO (MAXVALUE, MAXVALUE)"}},
      p);
  ASSERT_EQ(why, "");
  EXPECT_EQ(p.method, "RANGE");
  EXPECT_EQ(p.columns, (std::vector<std::string>{"region", "Sold At"}));
  EXPECT_EQ(names(p), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(p.partitions[0].bound_kind, "LESS THAN");
  EXPECT_EQ(p.partitions[0].bounds, (std::vector<std::string>{"'x, y'", "'2020-01-01 00:00:00'"}));
  EXPECT_EQ(p.partitions[1].bounds[0], "'it''s'");
  EXPECT_EQ(p.partitions[2].bounds, (std::vector<std::string>{"MAXVALUE", "MAXVALUE"}));
  EXPECT_EQ(p.partitions[1].bound_sql, "constraint of b");  // kept: resuming deletes by it
}

TEST(PgPartitions, ListAndHash) {
  Partitioning list = with_children({"d", "ns"});
  ASSERT_EQ(read_pg_partitioning("LIST (region)", {{"ns", "FOR VALUES IN ('north', 'south')"}, {"d", "DEFAULT"}}, list), "");
  EXPECT_EQ(list.partitions[0].bounds, (std::vector<std::string>{"DEFAULT"}));
  EXPECT_EQ(list.partitions[1].bounds, (std::vector<std::string>{"'north'", "'south'"}));

  Partitioning hash = with_children({"h2", "h0", "h1"});
  ASSERT_EQ(read_pg_partitioning("HASH (id)", {{"h0", "FOR VALUES WITH (modulus 3, remainder 0)"},
                                               {"h1", "FOR VALUES WITH (modulus 3, remainder 1)"},
                                               {"h2", "FOR VALUES WITH (modulus 3, remainder 2)"}},
                                 hash),
            "");
  EXPECT_EQ(names(hash), (std::vector<std::string>{"h0", "h1", "h2"}));
  EXPECT_EQ(hash.hash_count, 3);
}

TEST(PgPartitions, WhatTheModelCannotSayLeavesTheTableWhole) {
  Partitioning gap = with_children({"a", "b"});
  EXPECT_NE(read_pg_partitioning("RANGE (id)", {{"a", "FOR VALUES FROM (0) TO (100)"}, {"b", "FOR VALUES FROM (200) TO (300)"}}, gap),
            "");
  EXPECT_TRUE(gap.method.empty());
  EXPECT_TRUE(gap.partitions[0].bounds.empty());

  Partitioning with_default = with_children({"a", "d"});
  EXPECT_NE(read_pg_partitioning("RANGE (id)", {{"a", "FOR VALUES FROM (MINVALUE) TO (100)"}, {"d", "DEFAULT"}}, with_default), "");
  EXPECT_TRUE(with_default.method.empty());

  Partitioning expression = with_children({"a"});
  EXPECT_NE(read_pg_partitioning("RANGE (lower(name))", {{"a", "FOR VALUES FROM (MINVALUE) TO ('m')"}}, expression), "");

  Partitioning missing = with_children({"h0", "h2"});
  EXPECT_NE(read_pg_partitioning("HASH (id)", {{"h0", "FOR VALUES WITH (modulus 3, remainder 0)"},
                                               {"h2", "FOR VALUES WITH (modulus 3, remainder 2)"}},
                                 missing),
            "");
  EXPECT_TRUE(missing.method.empty());
}
