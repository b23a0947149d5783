// Every action item code the converter can emit is documented in docs/action-items.md, and the
// document lists no code the converter does not know.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "assess/action_item.h"

using namespace orashift;

TEST(ActionItemsDoc, EveryCodeIsDocumented) {
  std::ifstream f(std::string(ORASHIFT_SOURCE_DIR) + "/docs/action-items.md");
  ASSERT_TRUE(f) << "docs/action-items.md missing";
  std::stringstream ss;
  ss << f.rdbuf();
  std::string doc = ss.str();
  std::set<std::string> documented;
  std::regex heading(R"(^### (OS\d{4}))", std::regex::multiline);
  for (auto it = std::sregex_iterator(doc.begin(), doc.end(), heading); it != std::sregex_iterator(); ++it)
    documented.insert((*it)[1]);
  std::set<std::string> known;
  for (const auto& k : action_item_kinds()) known.insert(k.code);
  for (const auto& c : known) EXPECT_TRUE(documented.count(c)) << c << " is not documented in docs/action-items.md";
  for (const auto& c : documented) EXPECT_TRUE(known.count(c)) << c << " is documented but unknown to the code";
}

TEST(ActionItems, UnknownCodeIsAProgrammingError) {
  ActionItems items;
  EXPECT_THROW(items.add("OS0000", "TABLE T", "x", Span{}, "duckdb"), std::logic_error);
  items.add("OS1001", "TABLE T", "x", Span{}, "duckdb");
  EXPECT_EQ(items.items().size(), 1u);
}
