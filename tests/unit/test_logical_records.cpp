// CONCATENATE / CONTINUEIF record assembly against the examples of Oracle Database Utilities
// ("Assembling Logical Records from Physical Records"), with the line each record starts on.
#include <gtest/gtest.h>

#include "endpoints/oracle_files/logical_records.h"

using namespace orashift;

namespace {

struct Rec {
  std::string text;
  uint64_t line;
  bool operator==(const Rec& o) const { return text == o.text && line == o.line; }
};
std::ostream& operator<<(std::ostream& os, const Rec& r) { return os << r.line << ":" << r.text; }

std::vector<Rec> assemble(const std::string& clause, const std::string& data, uint64_t first_line = 1) {
  ControlFile cf = parse_control_file("c.ctl", "LOAD DATA " + clause + " INTO TABLE t FIELDS TERMINATED BY ',' (a)");
  EXPECT_TRUE(cf.ok()) << clause;
  LineSource lines(std::string_view(data), 0);
  LogicalRecords records(lines, cf.continuation, first_line);
  std::vector<Rec> out;
  std::string_view r;
  uint64_t line = 0;
  while (records.next(r, line)) out.push_back({std::string(r), line});
  return out;
}

// Oracle's physical records for THIS (%% in 1:2 continues the record) and NEXT (%% in 1:2 of
// the next record continues the current one).
const char* kThisData = "%%aaaaaaaa....\n%%bbbbbbbb....\n..cccccccc....\n%%dddddddddd..\n%%eeeeeeeeee..\n..ffffffffff..\n";
const char* kNextData = "..aaaaaaaa....\n%%bbbbbbbb....\n%%cccccccc....\n..dddddddddd..\n%%eeeeeeeeee..\n%%ffffffffff..\n";

}  // namespace

TEST(LogicalRecords, NoRuleIsOneRecordPerLine) {
  EXPECT_EQ(assemble("", "a\nb\r\n\nc"), (std::vector<Rec>{{"a", 1}, {"b", 2}, {"", 3}, {"c", 4}}));
}

TEST(LogicalRecords, ContinueIfThisRemovesTheContinuationBytesFromEveryRecord) {
  EXPECT_EQ(assemble("CONTINUEIF THIS (1:2) = '%%'", kThisData),
            (std::vector<Rec>{{"aaaaaaaa....bbbbbbbb....cccccccc....", 1}, {"dddddddddd..eeeeeeeeee..ffffffffff..", 4}}));
  EXPECT_EQ(assemble("CONTINUEIF THIS PRESERVE (1:2) = '%%'", kThisData),
            (std::vector<Rec>{{"%%aaaaaaaa....%%bbbbbbbb......cccccccc....", 1},
                              {"%%dddddddddd..%%eeeeeeeeee....ffffffffff..", 4}}));
}

TEST(LogicalRecords, ContinueIfNextLooksAtTheFollowingRecord) {
  EXPECT_EQ(assemble("CONTINUEIF NEXT (1:2) = '%%'", kNextData),
            (std::vector<Rec>{{"aaaaaaaa....bbbbbbbb....cccccccc....", 1}, {"dddddddddd..eeeeeeeeee..ffffffffff..", 4}}));
  EXPECT_EQ(assemble("CONTINUEIF NEXT PRESERVE (1:2) = '%%'", kNextData),
            (std::vector<Rec>{{"..aaaaaaaa....%%bbbbbbbb....%%cccccccc....", 1},
                              {"..dddddddddd..%%eeeeeeeeee..%%ffffffffff..", 4}}));
  // The operator form: a record continues while the next one does NOT start with a digit 1.
  EXPECT_EQ(assemble("CONTINUEIF NEXT (1) != '1'", "1a\nxb\n1c\n1d\nye\nzf", 10),
            (std::vector<Rec>{{"ab", 10}, {"c", 12}, {"def", 13}}));
}

TEST(LogicalRecords, ContinueIfLastTestsTheLastNonblankCharacterAndKeepsIt) {
  EXPECT_EQ(assemble("CONTINUEIF LAST = ','", "a,b,  \nc,d\ne\nf,\ng,\nh"),
            (std::vector<Rec>{{"a,b,  c,d", 1}, {"e", 3}, {"f,g,h", 4}}));
  // A file that ends inside a logical record ends that record.
  EXPECT_EQ(assemble("CONTINUEIF LAST = '&'", "x&\ny&"), (std::vector<Rec>{{"x&y&", 1}}));
}

TEST(LogicalRecords, ConcatenateJoinsAFixedNumberOfLines) {
  EXPECT_EQ(assemble("CONCATENATE 2", "a1,b1,\nc1\na2,b2,\nc2\nlast"),
            (std::vector<Rec>{{"a1,b1,c1", 1}, {"a2,b2,c2", 3}, {"last", 5}}));
}

TEST(LogicalRecords, ShortRecordsNeverMatchAPosition) {
  // Line 2 has no byte 3: it does not continue (and loses nothing: there is nothing to remove).
  EXPECT_EQ(assemble("CONTINUEIF THIS (3) = '+'", "ab+c\nd\nef"), (std::vector<Rec>{{"abcd", 1}, {"ef", 3}}));
}
