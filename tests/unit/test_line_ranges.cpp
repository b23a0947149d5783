// One data file read in line-aligned pieces (issue 18): the cuts, and a SQL*Loader file read
// whole and in pieces giving exactly the same rows, rejects, line numbers and counts.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <tuple>

#include "endpoints/oracle_files/line_ranges.h"
#include "endpoints/oracle_files/oracle_files_source.h"

using namespace orashift;
namespace fs = std::filesystem;

namespace {

fs::path temp_dir(const std::string& name) {
  fs::path d = fs::temp_directory_path() / ("orashift-line-ranges-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

// The line number of every byte offset that starts a line, counted the slow way.
std::vector<std::pair<uint64_t, uint64_t>> line_starts(const std::string& text) {
  std::vector<std::pair<uint64_t, uint64_t>> out{{0, 1}};
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n' && i + 1 < text.size()) out.push_back({i + 1, out.size() + 1});
  return out;
}

void expect_valid_ranges(const std::string& text, const std::vector<LineRange>& ranges) {
  ASSERT_FALSE(ranges.empty());
  EXPECT_EQ(ranges.front().begin, 0u);
  EXPECT_EQ(ranges.back().end, text.size());
  auto starts = line_starts(text);
  for (size_t k = 0; k < ranges.size(); ++k) {
    if (k) {
      EXPECT_EQ(ranges[k].begin, ranges[k - 1].end);
    }
    EXPECT_LT(ranges[k].begin, ranges[k].end);
    auto it = std::find_if(starts.begin(), starts.end(), [&](auto& s) { return s.first == ranges[k].begin; });
    ASSERT_NE(it, starts.end()) << "range " << k << " does not start a line";
    EXPECT_EQ(ranges[k].first_line, it->second) << "range " << k;
  }
}

struct Collect : RejectSink {
  std::vector<std::tuple<uint64_t, std::string, std::string, std::string>> rejects;
  void reject(Reject r) override { rejects.emplace_back(r.line, r.reason, r.record, r.source); }
};

struct ReadResult {
  std::vector<std::pair<uint64_t, std::string>> rows;  // line, "id|name|date"
  std::vector<std::tuple<uint64_t, std::string, std::string, std::string>> rejects;
  uint64_t read = 0, filtered = 0;
};

ReadResult read_units(const OracleFilesSource& source, const std::vector<LoadUnit>& units) {
  ReadResult out;
  Collect sink;
  const Table& table = *source.catalog().find_table("T");
  for (const auto& u : units) {
    auto reader = source.open(u, load_columns_for(table), sink);
    Batch b;
    while (reader->next(b, 7)) {
      for (size_t r = 0; r < b.rows(); ++r) {
        std::string row = std::to_string(b.columns[0].ints[r]) + "|" +
                          (b.columns[1].is_null(r) ? "NULL" : std::string(b.columns[1].text(r))) + "|" +
                          (b.columns[2].is_null(r) ? "NULL" : std::to_string(b.columns[2].ints[r]));
        out.rows.emplace_back(b.source_lines[r], row);
      }
    }
    out.read += reader->rows_read();
    out.filtered += reader->rows_filtered();
  }
  out.rejects = std::move(sink.rejects);
  std::sort(out.rows.begin(), out.rows.end());
  std::sort(out.rejects.begin(), out.rejects.end());
  return out;
}

}  // namespace

TEST(LineRanges, CutsAtLineStartsWithExactLineNumbers) {
  fs::path d = temp_dir("cuts");
  std::string text;
  for (int i = 1; i <= 1000; ++i) text += std::string(static_cast<size_t>(i % 37), 'x') + (i % 5 ? "\n" : "\r\n");
  text += "last line without terminator";
  write(d / "a.dat", text);
  for (size_t pieces : {1, 2, 3, 7, 64, 999}) {
    std::string error;
    auto ranges = line_aligned_ranges((d / "a.dat").string(), pieces, error);
    EXPECT_TRUE(error.empty());
    EXPECT_LE(ranges.size(), pieces);
    if (pieces > 1) {
      EXPECT_GT(ranges.size(), 1u);
    }
    expect_valid_ranges(text, ranges);
  }
  fs::remove_all(d);
}

TEST(LineRanges, LongLinesGiveFewerPiecesEmptyAndMissingFiles) {
  fs::path d = temp_dir("long");
  std::string text = "short\n" + std::string(3 << 20, 'y') + "\nshort\n";  // one line longer than the read block
  write(d / "a.dat", text);
  std::string error;
  auto ranges = line_aligned_ranges((d / "a.dat").string(), 8, error);
  expect_valid_ranges(text, ranges);
  EXPECT_LT(ranges.size(), 8u);
  write(d / "empty.dat", "");
  ranges = line_aligned_ranges((d / "empty.dat").string(), 4, error);
  ASSERT_EQ(ranges.size(), 1u);
  EXPECT_EQ(ranges[0].end, 0u);
  ranges = line_aligned_ranges((d / "absent.dat").string(), 4, error);
  EXPECT_TRUE(ranges.empty());
  EXPECT_FALSE(error.empty());
  fs::remove_all(d);
}

// Bad numbers, values too long, NULL into NOT NULL, bad dates, blank lines, CRLF, an enclosed
// field with a newline inside (two rejected records, as SQL*Loader's stream format has it), a
// last line without terminator: read whole and in pieces of every size, the same result.
TEST(LineRanges, SqlLoaderFileInPiecesRejectsExactlyAsWhole) {
  fs::path d = temp_dir("sqlldr");
  write(d / "t.sql", "CREATE TABLE T (ID NUMBER(5) NOT NULL, NAME VARCHAR2(5), D DATE);\n");
  write(d / "t.ctl",
        "LOAD DATA\nINFILE 't.dat'\nINTO TABLE T\nFIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"'\n"
        "TRAILING NULLCOLS\n(ID, NAME, D DATE \"YYYY-MM-DD\")\n");
  std::string data;
  for (int i = 1; i <= 3000; ++i) {
    if (i % 97 == 0) data += "\n";                                      // blank line: filtered
    if (i % 37 == 0) data += "x" + std::to_string(i) + ",bad,2020-01-01\n";  // ORA-01722
    else if (i % 53 == 0) data += std::to_string(i) + ",toolong,2020-01-01\n";  // ORA-12899
    else if (i % 71 == 0) data += ",n,2020-01-01\n";                       // ORA-01400
    else if (i % 89 == 0) data += std::to_string(i) + ",d,2020-13-01\n";   // bad month
    else if (i % 211 == 0) data += std::to_string(i) + ",\"a\nb\",2020-01-01\n";  // newline inside quotes
    else data += std::to_string(i) + ",\"n" + std::to_string(i % 10) + "\",2020-01-0" + std::to_string(1 + i % 9) +
                 (i % 3 ? "\n" : "\r\n");
  }
  data += "99999,end,2021-12-31";
  write(d / "t.dat", data);
  OracleFilesOptions o;
  o.dir = d.string();
  OracleFilesSource source(o);
  std::vector<LoadUnit> units = source.units();
  ASSERT_EQ(units.size(), 1u);
  ASSERT_FALSE(units[0].missing) << units[0].missing_reason;
  ReadResult whole = read_units(source, units);
  EXPECT_GT(whole.rejects.size(), 100u);
  EXPECT_EQ(whole.read, whole.rows.size() + whole.rejects.size() + whole.filtered);
  for (uint64_t piece : {64, 1000, 5000, 20000}) {
    std::vector<LoadUnit> pieces = source.split_unit(units[0], 2, piece, piece);
    ASSERT_GT(pieces.size(), 1u) << piece;
    std::set<std::string> segments;
    for (const auto& p : pieces) segments.insert(p.segment);
    EXPECT_EQ(segments.size(), pieces.size()) << "each piece is a segment of its own";
    ReadResult split = read_units(source, pieces);
    EXPECT_EQ(split.rows, whole.rows) << piece;
    EXPECT_EQ(split.rejects, whole.rejects) << piece;
    EXPECT_EQ(split.read, whole.read);
    EXPECT_EQ(split.filtered, whole.filtered);
    // The same cuts again: segment ids are stable across runs (resume).
    EXPECT_EQ(source.split_unit(units[0], 2, piece, piece).back().segment, pieces.back().segment);
  }
  fs::remove_all(d);
}

TEST(LineRanges, RecordNumbersAndSkipKeepTheFileWhole) {
  fs::path d = temp_dir("recnum");
  write(d / "t.sql", "CREATE TABLE T (ID NUMBER(5), NAME VARCHAR2(5), D DATE);\n");
  std::string data;
  for (int i = 1; i <= 500; ++i) data += std::to_string(i) + ",n\n";
  write(d / "t.dat", data);
  for (const char* fields : {"(ID RECNUM, NAME)", "(ID SEQUENCE(1,1), NAME)"}) {
    write(d / "t.ctl", std::string("LOAD DATA\nINFILE 't.dat'\nINTO TABLE T\nFIELDS TERMINATED BY ','\nTRAILING NULLCOLS\n") +
                           fields + "\n");
    OracleFilesOptions o;
    o.dir = d.string();
    OracleFilesSource source(o);
    ASSERT_EQ(source.units().size(), 1u);
    ASSERT_FALSE(source.units()[0].missing) << source.units()[0].missing_reason;
    EXPECT_EQ(source.split_unit(source.units()[0], 4, 64, 64).size(), 1u) << fields;
  }
  write(d / "t.ctl", "OPTIONS (SKIP=1)\nLOAD DATA\nINFILE 't.dat'\nINTO TABLE T\nFIELDS TERMINATED BY ','\n(ID, NAME)\n");
  OracleFilesOptions o;
  o.dir = d.string();
  OracleFilesSource source(o);
  ASSERT_FALSE(source.units()[0].missing) << source.units()[0].missing_reason;
  EXPECT_EQ(source.split_unit(source.units()[0], 4, 64, 64).size(), 1u);
  // The same file without SKIP is split.
  write(d / "t.ctl", "LOAD DATA\nINFILE 't.dat'\nINTO TABLE T\nFIELDS TERMINATED BY ','\n(ID, NAME)\n");
  OracleFilesSource plain(o);
  EXPECT_GT(plain.split_unit(plain.units()[0], 4, 64, 64).size(), 1u);
  fs::remove_all(d);
}

// A logical record of several lines could straddle a cut: CONCATENATE and CONTINUEIF files are
// read as one range. Several INTO TABLE clauses without them still split, with the same result
// per clause as the whole file.
TEST(LineRanges, LogicalRecordsKeepTheFileWholeAndClausesSplitExactly) {
  fs::path d = temp_dir("logical");
  write(d / "t.sql", "CREATE TABLE T (ID NUMBER(5), NAME VARCHAR2(5), D DATE);\nCREATE TABLE U (ID NUMBER(5), NAME VARCHAR2(5), D DATE);\n");
  std::string data;
  for (int i = 1; i <= 2000; ++i) data += (i % 3 ? "T," : "U,") + std::to_string(i) + (i % 7 ? ",n\n" : ",toolong\n");
  write(d / "t.dat", data);
  for (const char* rule : {"CONCATENATE 2\n", "CONTINUEIF LAST = ','\n", "CONTINUEIF NEXT (1) = '+'\n"}) {
    write(d / "t.ctl", std::string("LOAD DATA\nINFILE 't.dat'\n") + rule +
                           "INTO TABLE T FIELDS TERMINATED BY ',' TRAILING NULLCOLS (K FILLER, ID, NAME)\n");
    OracleFilesOptions o;
    o.dir = d.string();
    OracleFilesSource source(o);
    ASSERT_EQ(source.units().size(), 2u);  // T from the file; U: no data file
    ASSERT_EQ(source.units()[0].table, "T");
    ASSERT_FALSE(source.units()[0].missing) << source.units()[0].missing_reason;
    EXPECT_EQ(source.split_unit(source.units()[0], 4, 64, 64).size(), 1u) << rule;
  }
  write(d / "t.ctl",
        "LOAD DATA\nINFILE 't.dat'\n"
        "INTO TABLE T WHEN (1) = 'T' FIELDS TERMINATED BY ',' TRAILING NULLCOLS (K FILLER POSITION(1), ID, NAME)\n"
        "INTO TABLE U WHEN (1) = 'U' FIELDS TERMINATED BY ',' TRAILING NULLCOLS (K FILLER POSITION(1), ID, NAME)\n");
  OracleFilesOptions o;
  o.dir = d.string();
  OracleFilesSource source(o);
  std::vector<LoadUnit> units = source.units();
  ASSERT_EQ(units.size(), 2u);
  for (const LoadUnit& u : units) {
    ASSERT_FALSE(u.missing) << u.missing_reason;
    ReadResult whole = read_units(source, {u});
    std::vector<LoadUnit> pieces = source.split_unit(u, 2, 1000, 1000);
    ASSERT_GT(pieces.size(), 1u);
    ReadResult split = read_units(source, pieces);
    EXPECT_EQ(split.rows, whole.rows) << u.table;
    EXPECT_EQ(split.rejects, whole.rejects) << u.table;
    EXPECT_EQ(split.read, whole.read) << u.table;
    EXPECT_EQ(whole.read, whole.rows.size() + whole.rejects.size() + whole.filtered) << u.table;
    EXPECT_EQ(whole.read, u.table == "T" ? 1334u : 666u) << u.table;  // every record in exactly one table
  }
  fs::remove_all(d);
}
