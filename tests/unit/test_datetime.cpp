#include <gtest/gtest.h>

#include <string>
#include <vector>

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

// Masks of fixed-width numeric fields read text of exactly their shape without the general
// loop (DateMask::parse_fixed). An empty quoted literal changes nothing Oracle reads but keeps
// a mask on the general loop: every text must give the same value, or the same error, both ways.
TEST(DateTime, FixedShapeFastPathAgreesWithTheGeneralLoop) {
  const char* masks[] = {"YYYY-MM-DD", "YYYY-MM-DD HH24:MI:SS", "YYYYMMDD", "DD/MM/YYYY HH24.MI", "RRRR-MM-DD"};
  std::vector<std::string> texts = {
      "1998-01-31", "1998-02-29", "2000-02-29", "1998-02-30", "1998-13-01", "1998-00-10", "1998-01-00", "0000-01-01",
      "9999-12-31", "0001-01-01", "1998/01/31", "1998 01 31", "1998a01-31", "1998-1-31", "1998-01-3", " 1998-01-31",
      "1998-01-31 ", "1998-01-31x", "19980131", "2001-12-31 23:59:59", "2001-12-31 24:00:00", "2001-12-31 23:60:00",
      "2001-12-31 23:59:60", "2001-12-31T23:59:59", "2001-12-31 23:59", "2001-12-31 23:59:5", "31/12/2001 23.59",
      "31/12/2001 23:59", "31-12-2001 07.05", "29/02/2001 10.10", "-998-01-31", "+998-01-31", "1998-01-31\r",
      "1998\xC3\xA9" "01-31", "",
  };
  // Every text of the fixed shapes with one character changed to a digit, a letter or punctuation.
  for (std::string base : {"2004-02-29 12:34:56", "20040229", "29/02/2004 12.34"})
    for (size_t i = 0; i < base.size(); ++i)
      for (char c : {'0', '9', '3', 'x', '-', ' ', '.'}) {
        std::string t = base;
        t[i] = c;
        texts.push_back(t);
      }
  for (const char* mask : masks) {
    const std::string general = std::string(mask) + "\"\"";
    for (const std::string& t : texts) EXPECT_EQ(parse(mask, t), parse(general, t)) << mask << " / '" << t << "'";
  }
  EXPECT_EQ(parse("YYYY-MM-DD HH24:MI:SS", "2001-12-31 23:59:59"), "2001-12-31 23:59:59");
  EXPECT_EQ(parse("YYYY-MM-DD", "1998-02-30"), parse("YYYY-MM-DD\"\"", "1998-02-30"));
}
