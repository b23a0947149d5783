#include <gtest/gtest.h>

#include "load/batch.h"

using namespace orashift;

TEST(Batch, RetainKeepsSelectedRowsInOrderForEveryKind) {
  Batch b;
  b.columns.resize(3);
  b.columns[0].kind = ValueKind::Int64;
  b.columns[1].kind = ValueKind::Text;
  b.columns[2].kind = ValueKind::Decimal;
  b.columns[2].scale = 2;
  const char* texts[] = {"a", "", "ccc", "dd", "ëe"};
  for (int i = 0; i < 5; ++i) {
    b.columns[0].append_int(i);
    if (i == 1) b.columns[1].append_null();
    else b.columns[1].append_text(texts[i]);
    b.columns[2].append_decimal(i * 100 + 5);
    b.source_lines.push_back(10 + i);
  }
  EXPECT_EQ(b.retain({1, 1, 0, 0, 1}), 2u);
  ASSERT_EQ(b.rows(), 3u);
  EXPECT_EQ(b.columns[0].ints, (std::vector<int64_t>{0, 1, 4}));
  EXPECT_EQ(b.columns[1].text(0), "a");
  EXPECT_TRUE(b.columns[1].is_null(1));
  EXPECT_EQ(b.columns[1].text(2), "ëe");
  EXPECT_EQ(static_cast<int64_t>(b.columns[2].decimals[2]), 405);
  EXPECT_EQ(b.source_lines, (std::vector<uint64_t>{10, 11, 14}));
  EXPECT_EQ(b.retain({0, 0, 0}), 3u);
  EXPECT_EQ(b.rows(), 0u);
  EXPECT_EQ(b.columns[1].bytes, "");
}
