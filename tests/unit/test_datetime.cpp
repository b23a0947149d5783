#include <gtest/gtest.h>

#include "common/datetime.h"

using namespace orashift;

static std::string parse(std::string_view mask, std::string_view text) {
  auto m = DateMask::compile(mask);
  if (!m) return "BADMASK";
  Micros t;
  std::string err;
  if (!m->parse(text, t, &err)) return "ERR: " + err;
  return format_timestamp(t);
}

TEST(DateTime, CivilRoundTrip) {
  for (int64_t days : {-2440588LL, -719162LL, -1LL, 0LL, 1LL, 10957LL, 2932896LL}) {
    Micros t = days * kMicrosPerDay + 123456789;
    EXPECT_EQ(micros_from_civil(civil_from_micros(t)), t);
  }
  EXPECT_EQ(format_timestamp(0), "1970-01-01 00:00:00");
  EXPECT_EQ(format_timestamp(-1), "1969-12-31 23:59:59.999999");
}

TEST(DateTime, OracleMasks) {
  EXPECT_EQ(parse("YYYY-MM-DD", "1998-01-31"), "1998-01-31 00:00:00");
  EXPECT_EQ(parse("YYYY-MM-DD-HH24-MI-SS", "1998-01-04-13-45-07"), "1998-01-04 13:45:07");
  EXPECT_EQ(parse("YYYY-MM-DD HH24:MI:SS", "2001-12-31 23:59:59"), "2001-12-31 23:59:59");
  EXPECT_EQ(parse("DD-MON-YYYY", "15-SEP-1998"), "1998-09-15 00:00:00");
  EXPECT_EQ(parse("DD-MON-RR", "15-sep-98"), "1998-09-15 00:00:00");
  EXPECT_EQ(parse("DD-MON-RR", "01-JAN-07"), "2007-01-01 00:00:00");
  EXPECT_EQ(parse("SYYYY-MM-DD HH24:MI:SS", "1996-01-01 00:00:00"), "1996-01-01 00:00:00");
  EXPECT_EQ(parse("SYYYY-MM-DD", "-0044-03-15"), "0044-03-15 00:00:00 BC");
  EXPECT_EQ(parse("YYYY-MM-DD HH:MI:SS AM", "2001-02-03 01:02:03 PM"), "2001-02-03 13:02:03");
  EXPECT_EQ(parse("YYYY-MM-DD HH24:MI:SS.FF", "2001-02-03 01:02:03.25"), "2001-02-03 01:02:03.25");
  // Oracle accepts any punctuation where the mask has punctuation.
  EXPECT_EQ(parse("YYYY-MM-DD", "1998/01/31"), "1998-01-31 00:00:00");
}

TEST(DateTime, RejectsWhatOracleRejects) {
  EXPECT_TRUE(parse("YYYY-MM-DD", "1998-02-30").rfind("ERR", 0) == 0);
  EXPECT_TRUE(parse("YYYY-MM-DD", "1998-13-01").rfind("ERR", 0) == 0);
  EXPECT_TRUE(parse("YYYY-MM-DD", "0000-01-01").rfind("ERR", 0) == 0);
  EXPECT_TRUE(parse("YYYY-MM-DD", "1998-01-01x").rfind("ERR", 0) == 0);
  EXPECT_TRUE(parse("YYYY-MM-DD", "").rfind("ERR", 0) == 0);
  EXPECT_EQ(parse("YYYY-QQ", "x"), "BADMASK");
}
