#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <unistd.h>

#include "common/datetime.h"
#include "common/decimal.h"
#include "sample/sh_prng.h"
#include "sample/sh_sample.h"
#include "sample/sh_spec.h"
#include "sample/sh_text.h"
#include "sample_dat_reader.h"

using namespace orashift;
using namespace orashift::sample;
using namespace sample_test;
namespace fs = std::filesystem;

namespace {

fs::path scratch(const std::string& name) {
  fs::path p = fs::temp_directory_path() / ("orashift_sh_" + std::to_string(::getpid()) + "_" + name);
  fs::remove_all(p);
  return p;
}

ShSampleSummary generate(const fs::path& dir, double scale, uint64_t seed = 42) {
  ShSampleOptions o;
  o.scale = scale;
  o.seed = seed;
  o.out_dir = dir.string();
  return write_sh_sample(o);
}

std::vector<std::string> sample_files() {
  std::vector<std::string> files = {"sh_schema.sql", "expected.json"};
  for (const ShTable& t : sh_tables()) {
    files.push_back(std::string(t.file) + ".ctl");
    files.push_back(std::string(t.file) + ".dat");
  }
  return files;
}

// The smallest sample, written once and read by most tests.
class ShSampleSmall : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(scratch("small"));
    summary_ = new ShSampleSummary(generate(*dir_, 0.001));
    rows_ = new std::map<std::string, std::vector<Row>, std::less<>>();
    for (const ShTable& t : sh_tables()) (*rows_)[std::string(t.name)] = read_rows(*dir_ / (std::string(t.file) + ".dat"));
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete summary_;
    delete rows_;
  }
  static const std::vector<Row>& rows(std::string_view table) { return rows_->find(table)->second; }
  static std::vector<std::string> column(std::string_view table, std::string_view name) {
    const int c = sh_table(table).index_of(name);
    std::vector<std::string> out;
    for (const Row& r : rows(table)) out.push_back(r[c].text);
    return out;
  }
  static std::vector<Field> fields(std::string_view table, std::string_view name) {
    const int c = sh_table(table).index_of(name);
    std::vector<Field> out;
    for (const Row& r : rows(table)) out.push_back(r[c]);
    return out;
  }
  static inline fs::path* dir_ = nullptr;
  static inline ShSampleSummary* summary_ = nullptr;
  static inline std::map<std::string, std::vector<Row>, std::less<>>* rows_ = nullptr;
};

// Digits before and after the point of a plain decimal literal; false when it is not one.
bool decimal_shape(const std::string& s, int& int_digits, int& frac_digits) {
  static const std::regex re(R"(^-?(\d+)(?:\.(\d+))?$)");
  std::smatch m;
  if (!std::regex_match(s, m, re)) return false;
  std::string ip = m[1].str();
  ip.erase(0, std::min(ip.find_first_not_of('0'), ip.size()));
  int_digits = static_cast<int>(ip.size());
  frac_digits = static_cast<int>(m[2].length());
  return true;
}

void mask_digits(std::string_view mask, int& int_digits, int& frac_digits) {
  const size_t dot = mask.find('.');
  int_digits = static_cast<int>(dot == std::string_view::npos ? mask.size() : dot);
  frac_digits = dot == std::string_view::npos ? 0 : static_cast<int>(mask.size() - dot - 1);
}

// Why a value would be rejected by Oracle for this column, or empty when it loads.
std::string reject_reason(const ShColumn& c, const Field& f) {
  if (f.is_null()) return c.not_null ? "NULL in a NOT NULL column" : "";
  if (!f.enclosed && (f.text.front() == ' ' || f.text.back() == ' ')) return "unenclosed edge blanks are trimmed";
  switch (c.type) {
    case ShType::Varchar2:
    case ShType::Char:
      if (!valid_utf8(f.text)) return "invalid UTF-8";
      if (static_cast<int>(f.text.size()) > c.size) return "longer than " + std::to_string(c.size) + " bytes";
      return "";
    case ShType::Date: {
      auto mask = DateMask::compile(c.load_mask);
      Micros t;
      if (!mask || !mask->parse(f.text, t) || f.text.size() != (c.load_mask == kDateMask ? 10u : 19u))
        return "not a date in " + std::string(c.load_mask);
      return "";
    }
    case ShType::Number: {
      int ip = 0, fp = 0;
      if (!decimal_shape(f.text, ip, fp)) return "not a number";
      if (c.size > 0 && (ip > c.size - c.scale || fp > c.scale)) return "does not fit " + oracle_type(c);
      if (ip + fp > 38) return "more than 38 digits";
      if (!c.load_mask.empty()) {
        int mi = 0, mf = 0;
        mask_digits(c.load_mask, mi, mf);
        if (ip > mi || fp > mf || f.text[0] == '-') return "does not match TO_NUMBER mask";
      }
      return "";
    }
  }
  return "unknown type";
}

}  // namespace

TEST(ShPrng, IsPinnedAcrossPlatforms) {
  // Golden values: if these change, every sample and expected.json changes with them.
  Prng a(42, 0);
  const uint64_t first = a.next();
  Prng b(42, 0);
  EXPECT_EQ(b.next(), first);
  Prng c(42, 1);
  EXPECT_NE(c.next(), first);
  Prng r(7, 3);
  for (int i = 0; i < 10000; ++i) {
    const uint64_t v = r.below(7);
    ASSERT_LT(v, 7u);
    const int64_t w = r.between(-3, 3);
    ASSERT_GE(w, -3);
    ASSERT_LE(w, 3);
  }
}

TEST(ShSample, RejectsABadScale) {
  const fs::path dir = scratch("bad");
  EXPECT_THROW(generate(dir, 0), std::invalid_argument);
  EXPECT_THROW(generate(dir, -1), std::invalid_argument);
  EXPECT_THROW(generate(dir, std::nan("")), std::invalid_argument);
  EXPECT_FALSE(fs::exists(dir));
}

TEST(ShSample, FailsWhenTheDirectoryCannotBeCreated) {
  const fs::path file = scratch("blocker");
  { std::ofstream(file) << "x"; }
  EXPECT_THROW(generate(file / "sub", 0.001), std::runtime_error);
  fs::remove_all(file);
}

TEST(ShSample, SameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot) {
  const fs::path a = scratch("seed_a"), b = scratch("seed_b"), c = scratch("seed_c");
  generate(a, 0.001, 42);
  generate(b, 0.001, 42);
  generate(c, 0.001, 43);
  for (const std::string& f : sample_files()) EXPECT_EQ(read_file(a / f), read_file(b / f)) << f;
  EXPECT_NE(read_file(a / "sales.dat"), read_file(c / "sales.dat"));
  EXPECT_NE(read_file(a / "customers.dat"), read_file(c / "customers.dat"));
  EXPECT_NE(read_file(a / "expected.json"), read_file(c / "expected.json"));
  EXPECT_EQ(read_file(a / "times.dat"), read_file(c / "times.dat"));  // a calendar has no randomness
  for (const auto& p : {a, b, c}) fs::remove_all(p);
}

TEST(ShSample, OutputIsPinnedForSeed42) {
  // Integer-only generation means this total is the same on every platform and compiler.
  const fs::path dir = scratch("pinned");
  generate(dir, 0.001, 42);
  const auto j = nlohmann::json::parse(read_file(dir / "expected.json"));
  EXPECT_EQ(j["sales_total"]["amount_sold"], "1048585.28");
  EXPECT_EQ(j["sales_by_channel"]["Internet"]["rows"], 324);
  fs::remove_all(dir);
}

TEST(ShSample, RowCountsFollowTheScale) {
  struct Case {
    double scale;
    std::map<std::string, uint64_t> rows;
  };
  const Case cases[] = {
      {0.001, {{"SALES", 1000}, {"CUSTOMERS", 50}, {"PROMOTIONS", 20}, {"COSTS", 100}}},
      {0.01, {{"SALES", 10000}, {"CUSTOMERS", 500}, {"PROMOTIONS", 50}, {"COSTS", 1000}}},
      {0.0001, {{"SALES", 200}, {"CUSTOMERS", 50}, {"PROMOTIONS", 20}, {"COSTS", 20}}},
  };
  for (const Case& c : cases) {
    std::map<std::string, uint64_t> want = c.rows;
    want.insert({{"CHANNELS", 5}, {"COUNTRIES", 23}, {"PRODUCTS", 72}, {"TIMES", 1461}});
    const fs::path dir = scratch("counts");
    const ShSampleSummary s = generate(dir, c.scale);
    const auto j = nlohmann::json::parse(read_file(dir / "expected.json"));
    uint64_t total = 0, bytes = 0;
    for (const ShTable& t : sh_tables()) {
      const std::string name(t.name);
      const uint64_t lines = read_rows(dir / (std::string(t.file) + ".dat")).size();
      EXPECT_EQ(lines, want.at(name)) << name << " at scale " << c.scale;
      EXPECT_EQ(j["row_counts"][name].get<uint64_t>(), lines) << name;
      total += lines;
    }
    for (const std::string& f : sample_files()) bytes += fs::file_size(dir / f);
    EXPECT_EQ(s.sales_rows, want.at("SALES"));
    EXPECT_EQ(s.total_rows, total);
    EXPECT_EQ(s.bytes, bytes);
    EXPECT_EQ(s.table_rows.size(), sh_tables().size());
    fs::remove_all(dir);
  }
}

TEST_F(ShSampleSmall, EveryValueLoadsIntoItsDeclaredType) {
  for (const ShTable& t : sh_tables()) {
    int n = 0;
    for (const Row& r : rows(t.name)) {
      ++n;
      ASSERT_EQ(r.size(), t.columns.size()) << t.name << " row " << n;
      for (size_t c = 0; c < r.size(); ++c) {
        const std::string why = reject_reason(t.columns[c], r[c]);
        EXPECT_EQ(why, "") << t.name << "." << t.columns[c].name << " row " << n << ": [" << r[c].text << "]";
      }
    }
  }
}

TEST_F(ShSampleSmall, ByteLimitsAreReachedWithMultibyteText) {
  // A name of exactly VARCHAR2(n) bytes but fewer characters: the edge a CHAR-semantics target gets wrong.
  for (const auto& [table, col] : {std::pair{"CUSTOMERS", "CUST_FIRST_NAME"}, {"CUSTOMERS", "CUST_LAST_NAME"}}) {
    const int size = sh_table(table).columns[sh_table(table).index_of(col)].size;
    bool found = false;
    for (const std::string& v : column(table, col))
      found |= static_cast<int>(v.size()) == size && std::any_of(v.begin(), v.end(), [](char ch) { return ch & 0x80; });
    EXPECT_TRUE(found) << table << "." << col;
  }
}

TEST_F(ShSampleSmall, HardCasesAreAllPresent) {
  auto count = [](const std::vector<Field>& fs, auto pred) {
    return std::count_if(fs.begin(), fs.end(), pred);
  };
  const auto marital = fields("CUSTOMERS", "CUST_MARITAL_STATUS");
  EXPECT_GE(count(marital, [](const Field& f) { return f.is_null() && !f.enclosed; }), 3) << "unenclosed NULLs";
  EXPECT_GE(count(marital, [](const Field& f) { return f.is_null() && f.enclosed; }), 3) << "enclosed empty strings";
  EXPECT_GE(count(fields("PRODUCTS", "PROD_UNIT_OF_MEASURE"), [](const Field& f) { return f.enclosed && f.is_null(); }), 3);

  const auto address = fields("CUSTOMERS", "CUST_STREET_ADDRESS");
  EXPECT_GE(count(address, [](const Field& f) { return f.text.find("\"Old\"") != std::string::npos; }), 3);
  EXPECT_GE(count(address, [](const Field& f) { return f.text.find('|') != std::string::npos; }), 3);
  EXPECT_GE(count(address, [](const Field& f) { return f.text.front() == ' ' && f.text.back() == ' '; }), 3);
  const auto promo = fields("PROMOTIONS", "PROMO_NAME");
  EXPECT_GE(count(promo, [](const Field& f) { return f.text.find("\"Buy 2|Get 1\"") != std::string::npos; }), 2);
  EXPECT_GE(count(promo, [](const Field& f) { return f.text.front() == ' '; }), 2);
  EXPECT_GE(count(fields("PRODUCTS", "PROD_NAME"), [](const Field& f) { return f.text.find('"') != std::string::npos; }), 3);
  EXPECT_GE(count(fields("PRODUCTS", "PROD_DESC"), [](const Field& f) { return f.text.find('|') != std::string::npos; }), 3);

  const std::string customers = read_file(*dir_ / "customers.dat");
  for (const char* s : {"Zoë", "Müller", "Łukasz", "José", "東京", "Ørsted"})
    EXPECT_NE(customers.find(s), std::string::npos) << s;
  EXPECT_NE(read_file(*dir_ / "countries.dat").find("Österreich"), std::string::npos);

  auto with_time = [](const Field& f) { return f.text.size() == 19 && f.text.substr(11) != "00:00:00"; };
  EXPECT_GE(count(fields("CUSTOMERS", "CUST_EFF_FROM"), with_time), 10);
  EXPECT_GE(count(fields("PROMOTIONS", "PROMO_BEGIN_DATE"), with_time), 10);

  const std::regex big(R"(^\d{10,}\.\d*[1-9]\d*$)");
  auto is_big = [&](const Field& f) { return std::regex_match(f.text, big); };
  EXPECT_GE(count(fields("CUSTOMERS", "CUST_LIFETIME_VALUE"), is_big), 3);
  EXPECT_GE(count(fields("CUSTOMERS", "CUST_CREDIT_LIMIT"), is_big), 3);
  EXPECT_GE(count(fields("SALES", "QUANTITY_SOLD"), [](const Field& f) { return f.text.find('.') != std::string::npos; }), 3);
}

TEST_F(ShSampleSmall, ExpectedJsonAgreesWithTheDataFiles) {
  std::map<std::string, std::string> desc_of;  // CHANNEL_ID -> CHANNEL_DESC, from channels.dat
  for (const Row& r : rows("CHANNELS")) desc_of[r[0].text] = r[1].text;
  std::map<std::string, std::pair<uint64_t, Int128>> got;
  const int ch = sh_table("SALES").index_of("CHANNEL_ID"), amt = sh_table("SALES").index_of("AMOUNT_SOLD");
  for (const Row& r : rows("SALES")) {
    Int128 v;
    ASSERT_EQ(parse_decimal(r[amt].text, 2, v), DecimalParse::Ok);
    auto& g = got[desc_of.at(r[ch].text)];
    g.first += 1;
    g.second += v;
  }
  const auto j = nlohmann::json::parse(read_file(*dir_ / "expected.json"));
  ASSERT_EQ(j["sales_by_channel"].size(), 5u);
  Int128 total = 0;
  for (const auto& [desc, g] : got) {
    EXPECT_EQ(j["sales_by_channel"][desc]["rows"].get<uint64_t>(), g.first) << desc;
    EXPECT_EQ(j["sales_by_channel"][desc]["amount_sold"].get<std::string>(), format_decimal(g.second, 2)) << desc;
    total += g.second;
  }
  EXPECT_EQ(j["sales_total"]["amount_sold"].get<std::string>(), format_decimal(total, 2));
  EXPECT_EQ(j["sales_total"]["rows"].get<uint64_t>(), rows("SALES").size());
}

TEST_F(ShSampleSmall, KeysAreUniqueAndForeignKeysResolve) {
  std::map<std::string, std::set<std::string>> keys;
  for (const ShTable& t : sh_tables()) {
    if (t.pk_column.empty()) continue;
    auto& set = keys[std::string(t.name)];
    for (const std::string& v : column(t.name, t.pk_column)) EXPECT_TRUE(set.insert(v).second) << t.name << " " << v;
  }
  // SALES.TIME_ID is a date; TIMES.TIME_ID is the same day at midnight.
  std::set<std::string> days;
  for (const std::string& v : keys["TIMES"]) days.insert(v.substr(0, 10));
  struct Fk {
    const char *child, *column, *parent;
  };
  for (const Fk& fk : {Fk{"SALES", "PROD_ID", "PRODUCTS"}, {"SALES", "CUST_ID", "CUSTOMERS"},
                       {"SALES", "CHANNEL_ID", "CHANNELS"}, {"SALES", "PROMO_ID", "PROMOTIONS"},
                       {"COSTS", "PROD_ID", "PRODUCTS"}, {"COSTS", "CHANNEL_ID", "CHANNELS"},
                       {"COSTS", "PROMO_ID", "PROMOTIONS"}, {"CUSTOMERS", "COUNTRY_ID", "COUNTRIES"}})
    for (const std::string& v : column(fk.child, fk.column))
      ASSERT_TRUE(keys[fk.parent].count(v)) << fk.child << "." << fk.column << " = " << v;
  for (const std::string& v : column("SALES", "TIME_ID")) ASSERT_TRUE(days.count(v)) << v;
  for (const std::string& v : column("COSTS", "TIME_ID")) ASSERT_TRUE(keys["TIMES"].count(v)) << v;
  EXPECT_TRUE(keys["PROMOTIONS"].count("999"));
}

TEST_F(ShSampleSmall, TimesRowsAreCalendarCorrect) {
  const auto& t = sh_table("TIMES");
  std::map<std::string, const Row*> by_day;
  for (const Row& r : rows("TIMES")) by_day[r[0].text.substr(0, 10)] = &r;
  ASSERT_EQ(by_day.size(), 1461u);
  EXPECT_EQ(by_day.begin()->first, "1998-01-01");
  EXPECT_EQ(by_day.rbegin()->first, "2001-12-31");
  auto get = [&](const std::string& day, std::string_view col) { return (*by_day.at(day))[t.index_of(col)].text; };

  EXPECT_EQ(get("1998-01-01", "DAY_NAME"), "Thursday");
  EXPECT_EQ(get("1998-01-01", "DAY_NUMBER_IN_WEEK"), "4");
  EXPECT_EQ(get("1998-01-01", "WEEK_ENDING_DAY"), "1998-01-04 00:00:00");
  EXPECT_EQ(get("2000-02-29", "DAY_NAME"), "Tuesday");
  EXPECT_EQ(get("2000-02-29", "DAYS_IN_CAL_MONTH"), "29");
  EXPECT_EQ(get("2000-02-29", "DAYS_IN_CAL_YEAR"), "366");
  EXPECT_EQ(get("2000-02-29", "END_OF_CAL_QUARTER"), "2000-03-31 00:00:00");
  EXPECT_EQ(get("2000-02-29", "DAYS_IN_CAL_QUARTER"), "91");
  EXPECT_EQ(get("2000-02-29", "CALENDAR_QUARTER_DESC"), "2000-Q1");
  EXPECT_EQ(get("1999-01-01", "CALENDAR_WEEK_NUMBER"), "53");  // ISO: 1998 has 53 weeks
  EXPECT_EQ(get("2001-12-31", "CALENDAR_WEEK_NUMBER"), "1");   // ISO week 1 of 2002
  EXPECT_EQ(get("2001-12-31", "WEEK_ENDING_DAY"), "2002-01-06 00:00:00");
  // Fiscal years run July 1st to June 30th, named by the year they end.
  EXPECT_EQ(get("2001-07-01", "FISCAL_YEAR"), "2002");
  EXPECT_EQ(get("2001-07-01", "FISCAL_MONTH_NUMBER"), "1");
  EXPECT_EQ(get("2001-07-01", "FISCAL_WEEK_NUMBER"), "1");
  EXPECT_EQ(get("2001-07-01", "FISCAL_QUARTER_DESC"), "2002-Q1");
  EXPECT_EQ(get("2001-06-29", "FISCAL_WEEK_NUMBER"), "52");
  EXPECT_EQ(get("2001-06-30", "FISCAL_WEEK_NUMBER"), "53");  // day 365 starts a 53rd week
  EXPECT_EQ(get("2000-06-30", "FISCAL_WEEK_NUMBER"), "53");  // a leap fiscal year's last days
  EXPECT_EQ(get("2000-06-30", "DAYS_IN_FIS_YEAR"), "366");
  EXPECT_EQ(get("2000-06-30", "END_OF_FIS_YEAR"), "2000-06-30 00:00:00");
  EXPECT_EQ(get("1998-12-15", "END_OF_FIS_QUARTER"), "1998-12-31 00:00:00");
  EXPECT_EQ(get("1998-12-15", "FISCAL_QUARTER_NUMBER"), "2");
  // Day names and ISO weekdays advance together across all 1461 days.
  int expected = 4;
  for (const auto& [day, row] : by_day) {
    ASSERT_EQ((*row)[t.index_of("DAY_NUMBER_IN_WEEK")].text, std::to_string(expected)) << day;
    expected = expected % 7 + 1;
  }
}

TEST_F(ShSampleSmall, SchemaScriptHasTheShShape) {
  const std::string sql = read_file(*dir_ / "sh_schema.sql");
  for (const char* s : {"SET FEEDBACK 1", "PROMPT Creating tables", "REM ", "PARTITION BY RANGE (time_id)",
                        "PCTFREE 5 NOLOGGING COMPRESS", "PARTITION sales_q1_1998 VALUES LESS THAN",
                        "PARTITION costs_q4_2001 VALUES LESS THAN",
                        "TO_DATE('2002-01-01 00:00:00','SYYYY-MM-DD HH24:MI:SS','NLS_CALENDAR=GREGORIAN')",
                        "channel_id                NUMBER          NOT NULL CONSTRAINT channels_pk PRIMARY KEY",
                        "CONSTRAINT countries_pk PRIMARY KEY (country_id)", "ADD CONSTRAINT customers_pk",
                        "ENABLE VALIDATE", "FOREIGN KEY (country_id) REFERENCES countries (country_id)",
                        "CREATE INDEX customers_country_ix", "customer''s lifetime value",
                        "cust_lifetime_value       NUMBER(14,4)", "cust_credit_limit         NUMBER,\n"})
    EXPECT_NE(sql.find(s), std::string::npos) << s;
  for (const char* col : {"prod_id", "cust_id", "time_id", "channel_id", "promo_id"})
    EXPECT_NE(sql.find("ON sales (" + std::string(col) + ")\n       LOCAL NOLOGGING COMPUTE STATISTICS;"), std::string::npos)
        << col;
  for (const char* parent : {"products", "customers", "times", "channels", "promotions"})
    EXPECT_NE(sql.find("REFERENCES " + std::string(parent)), std::string::npos) << parent;
  // Every column appears with its declared type, and every table has a comment.
  for (const ShTable& t : sh_tables()) {
    std::string name(t.name);
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    EXPECT_NE(sql.find("CREATE TABLE " + name + " ("), std::string::npos) << name;
    EXPECT_NE(sql.find("COMMENT ON TABLE " + name + "\n"), std::string::npos) << name;
    for (const ShColumn& c : t.columns) {
      std::string col(c.name);
      std::transform(col.begin(), col.end(), col.begin(), ::tolower);
      const std::regex line("\n    " + col + " +" + std::regex_replace(oracle_type(c), std::regex(R"([()])"), R"(\$&)") +
                            (c.not_null ? " +NOT NULL" : "[,\n]"));
      EXPECT_TRUE(std::regex_search(sql, line)) << name << "." << col;
    }
  }
}

TEST_F(ShSampleSmall, ControlFilesNameEveryColumnInOrder) {
  for (const ShTable& t : sh_tables()) {
    const std::string ctl = read_file(*dir_ / (std::string(t.file) + ".ctl"));
    EXPECT_NE(ctl.find("INFILE '" + std::string(t.file) + ".dat'"), std::string::npos);
    EXPECT_NE(ctl.find("INTO TABLE " + std::string(t.name) + "\nAPPEND\n"), std::string::npos);
    EXPECT_NE(ctl.find("FIELDS TERMINATED BY '|' OPTIONALLY ENCLOSED BY '\"'\nTRAILING NULLCOLS\n"), std::string::npos);
    size_t at = 0;
    for (const ShColumn& c : t.columns) {
      std::string needle = at == 0 ? "\n(" : "\n ";
      needle += c.name;
      const size_t p = ctl.find(needle, at);
      ASSERT_NE(p, std::string::npos) << t.name << "." << c.name;
      at = p + 1;
    }
  }
  const std::string sales = read_file(*dir_ / "sales.ctl");
  EXPECT_NE(sales.find("TIME_ID DATE \"YYYY-MM-DD\","), std::string::npos);
  EXPECT_NE(sales.find("AMOUNT_SOLD \"TO_NUMBER(:AMOUNT_SOLD,'9999999999.99')\")"), std::string::npos);
  EXPECT_NE(read_file(*dir_ / "customers.ctl").find("CUST_EFF_FROM DATE \"YYYY-MM-DD HH24:MI:SS\","), std::string::npos);
  EXPECT_NE(read_file(*dir_ / "products.ctl").find("PROD_DESC CHAR(4000),"), std::string::npos);
}

TEST(ShSampleChecker, FlagsValuesOracleWouldReject) {
  // The checker above must not be vacuous: each of these would be a rejected row.
  const ShTable& c = sh_table("CUSTOMERS");
  auto col = [&](std::string_view n) { return c.columns[c.index_of(n)]; };
  EXPECT_NE(reject_reason(col("CUST_FIRST_NAME"), {"Anne-Sophie-Zoë Émié", false}), "");  // 20 chars, 23 bytes
  EXPECT_NE(reject_reason(col("CUST_FIRST_NAME"), {"", true}), "");                       // "" is NULL
  EXPECT_NE(reject_reason(col("CUST_EFF_FROM"), {"1999-02-30 10:00:00", false}), "");
  EXPECT_NE(reject_reason(col("CUST_LIFETIME_VALUE"), {"12345678901.5", false}), "");  // 11 digits > (14,4)
  EXPECT_NE(reject_reason(col("CUST_LIFETIME_VALUE"), {"1.23456", false}), "");
  EXPECT_NE(reject_reason(col("CUST_YEAR_OF_BIRTH"), {"19.5", false}), "");
  EXPECT_NE(reject_reason(col("CUST_CITY"), {" Bristol", false}), "");
  EXPECT_EQ(reject_reason(col("CUST_MARITAL_STATUS"), {"", true}), "");
  EXPECT_EQ(reject_reason(col("CUST_LIFETIME_VALUE"), {"9999999999.9999", false}), "");
}
