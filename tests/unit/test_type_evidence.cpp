// Types from evidence (docs/type-mapping.md#types-from-evidence): what a column's values prove,
// the narrowing rules at each integer type's boundary, negatives, fractions, all-NULL columns,
// sampled vs complete evidence, foreign keys, the Redshift DDL that follows, and the load-time
// check that rejects (never rounds) a value the narrowed type cannot hold.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "convert/ddl_loader.h"
#include "convert/type_evidence.h"
#include "convert/type_refinement.h"
#include "dialect/ddl_generator.h"
#include "endpoints/oracle_files/column_convert.h"

using namespace orashift;

namespace {

ColumnEvidence seen(std::initializer_list<const char*> values, bool complete = true) {
  ColumnEvidence e;
  e.table = "T";
  e.column = "C";
  e.declared = "NUMBER";
  for (const char* v : values) v ? e.observe(v) : e.observe_null();
  e.complete = complete;
  e.coverage = complete ? "all " + std::to_string(e.rows_seen) + " rows" : "a sample of the first 3 rows";
  return e;
}

std::string narrowed(std::initializer_list<const char*> values, bool key = false) {
  std::string why;
  auto t = narrowed_type(seen(values), key, why);
  return t ? t->text() : "kept: " + why;
}

std::string target_type(const std::string& oracle_type_text, Dialect d = Dialect::Redshift) {
  Column c;
  c.name = "C";
  OracleType t;
  t.name = "NUMBER";
  auto open = oracle_type_text.find('(');
  if (open != std::string::npos) {
    auto comma = oracle_type_text.find(',');
    t.precision = std::stoi(oracle_type_text.substr(open + 1));
    t.scale = comma == std::string::npos ? 0 : std::stoi(oracle_type_text.substr(comma + 1));
  }
  c.type = t;
  return map_type(c, "TABLE T", d, {}, nullptr).sql;
}

struct Schema {
  DdlLoad load;
  explicit Schema(const char* ddl) {
    auto path = std::filesystem::temp_directory_path() /
                (std::string("orashift_te_") + ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".sql");
    std::ofstream(path) << ddl;
    load = load_ddl({path.string()});
  }
};

const char* kStar = R"(
CREATE TABLE channels (channel_id NUMBER PRIMARY KEY, channel_desc VARCHAR2(20));
CREATE TABLE products (prod_id NUMBER PRIMARY KEY, prod_weight NUMBER, prod_list_price NUMBER(8,2));
CREATE TABLE sales (
  prod_id NUMBER NOT NULL REFERENCES products,
  channel_id NUMBER NOT NULL REFERENCES channels,
  sold DATE, qty NUMBER);
)";

}  // namespace

TEST(TypeEvidence, ObservesExactCanonicalValues) {
  ColumnEvidence e = seen({" 42 ", "-7", "007", "", nullptr, "abc", "1e3", "-0", "12.500", "-1.25E-2"});
  EXPECT_EQ(e.rows_seen, 10u);
  EXPECT_EQ(e.nulls, 2u);  // "" is NULL in Oracle
  EXPECT_EQ(e.not_numbers, 1u);
  EXPECT_EQ(e.numbers(), 7u);
  EXPECT_EQ(e.min, "-7");
  EXPECT_EQ(e.max, "1000");
  EXPECT_EQ(e.max_integer_digits, 4);  // 1e3
  EXPECT_EQ(e.max_scale, 4);           // -0.0125 (trailing zeros of 12.500 do not count)
  EXPECT_TRUE(e.non_integral);
  EXPECT_EQ(e.max_bytes, 8u);          // "-1.25E-2"
  ColumnEvidence neg = seen({"-0.5", "-0.25", "-3"});
  EXPECT_EQ(neg.min, "-3");
  EXPECT_EQ(neg.max, "-0.25");
  EXPECT_EQ(neg.max_integer_digits, 1);
  ColumnEvidence bad = seen({"1e999999", "+", ".", "1.2.3"});
  EXPECT_EQ(bad.not_numbers, 4u);
  EXPECT_TRUE(bad.min.empty());
}

TEST(TypeEvidence, IntegerTypeBoundaries) {
  // Two digits of headroom (100×): 99 → 4 digits → SMALLINT; a key never becomes SMALLINT.
  EXPECT_EQ(narrowed({"1", "99"}), "NUMBER(4)");
  EXPECT_EQ(narrowed({"1", "99"}, true), "NUMBER(9)");
  EXPECT_EQ(narrowed({"100"}), "NUMBER(9)");
  EXPECT_EQ(narrowed({"9999999"}), "NUMBER(9)");
  EXPECT_EQ(narrowed({"10000000"}), "NUMBER(18)");
  EXPECT_EQ(narrowed({"9999999999999999"}), "NUMBER(18)");
  EXPECT_EQ(narrowed({"10000000000000000"}), "NUMBER(38)");
  EXPECT_EQ(narrowed({"1000000000000000000000000000000000000"}), "kept: 37 integer digits leave no headroom below 38");
  // Negatives count by magnitude.
  EXPECT_EQ(narrowed({"-99", "5"}), "NUMBER(4)");
  EXPECT_EQ(narrowed({"-32768"}), "NUMBER(9)");
  EXPECT_EQ(narrowed({"-10000000", "0"}), "NUMBER(18)");
  // Each NUMBER(p) the rules choose maps to the integer type whose range holds every NUMBER(p)
  // value (the loader enforces |v| < 10^p): 9,999 ≤ 32,767; 999,999,999 ≤ 2,147,483,647;
  // 10^18 - 1 ≤ 9,223,372,036,854,775,807.
  EXPECT_EQ(target_type("NUMBER(4)"), "SMALLINT");
  EXPECT_EQ(target_type("NUMBER(9)"), "INTEGER");
  EXPECT_EQ(target_type("NUMBER(18)"), "BIGINT");
  EXPECT_EQ(target_type("NUMBER(38)"), "NUMERIC(38,0)");
  EXPECT_EQ(target_type("NUMBER(9)", Dialect::Postgres), "INTEGER");
  EXPECT_EQ(target_type("NUMBER(9)", Dialect::DuckDb), "INTEGER");
}

TEST(TypeEvidence, FractionsKeepTheirScaleAndGetIntegerHeadroom) {
  EXPECT_EQ(narrowed({"12.345", "1"}), "NUMBER(7,3)");
  EXPECT_EQ(narrowed({"0.5"}), "NUMBER(3,1)");
  EXPECT_EQ(narrowed({"-1.25", "999.5"}), "NUMBER(7,2)");
  EXPECT_EQ(narrowed({"1.00"}), "NUMBER(4)");  // trailing zeros are not a fraction
  EXPECT_EQ(target_type("NUMBER(7,3)"), "NUMERIC(7,3)");
  std::string why;
  ColumnEvidence wide = seen({"123456789012345678901234567890.12345678"});
  EXPECT_FALSE(narrowed_type(wide, false, why));
  EXPECT_NE(why.find("no headroom"), std::string::npos);
  ColumnEvidence integer_column = seen({"1.5"});
  integer_column.declared = "INTEGER";
  EXPECT_FALSE(narrowed_type(integer_column, false, why));
}

TEST(TypeEvidence, AllNullOrEmptyProvesNothing) {
  EXPECT_EQ(narrowed({nullptr, nullptr, ""}), "kept: no number seen (3 rows, 3 NULL): nothing is proven");
  EXPECT_EQ(narrowed({}), "kept: no number seen (0 rows, 0 NULL): nothing is proven");
}

TEST(TypeEvidence, CandidatesAreUnconstrainedNumbersThatAreNotForeignKeys) {
  Schema s(kStar);
  const Catalog& c = s.load.catalog;
  const Table& sales = *c.find_table("SALES");
  const Table& products = *c.find_table("PRODUCTS");
  EXPECT_TRUE(can_narrow(products, *products.find_column("PROD_ID")));
  EXPECT_TRUE(can_narrow(products, *products.find_column("PROD_WEIGHT")));
  EXPECT_FALSE(can_narrow(products, *products.find_column("PROD_LIST_PRICE")));  // NUMBER(8,2) is precise
  EXPECT_FALSE(can_narrow(sales, *sales.find_column("PROD_ID")));                 // takes PRODUCTS.PROD_ID's type
  EXPECT_TRUE(can_narrow(sales, *sales.find_column("QTY")));
  EXPECT_FALSE(can_narrow(sales, *sales.find_column("SOLD")));
}

namespace {

TypeEvidence star_evidence(bool complete) {
  TypeEvidence ev;
  auto add = [&](const char* table, const char* column, std::initializer_list<const char*> values) {
    ColumnEvidence e = seen(values, complete);
    e.table = table;
    e.column = column;
    ev.push_back(e);
  };
  add("CHANNELS", "CHANNEL_ID", {"2", "3", "9"});
  add("PRODUCTS", "PROD_ID", {"13", "148"});
  add("PRODUCTS", "PROD_WEIGHT", {"0.5", "12.25", nullptr});
  add("SALES", "QTY", {nullptr, nullptr});
  return ev;
}

std::string items_text(const ActionItems& items) {
  std::string s;
  for (const auto& i : items.items()) s += std::string(i.kind->code) + " " + i.object + ": " + i.message + "\n";
  return s;
}

}  // namespace

TEST(TypeEvidence, CompleteEvidenceNarrowsAndForeignKeysFollowTheirKey) {
  Schema s(kStar);
  Catalog& cat = s.load.catalog;
  TypeEvidence ev = star_evidence(true);
  ActionItems items;
  narrow_types_from_evidence(cat, ev, TypesFrom::Auto, Dialect::Redshift, {}, items);
  refine_key_types(cat, Dialect::Redshift, items);
  EXPECT_EQ(cat.find_table("CHANNELS")->find_column("CHANNEL_ID")->type.text(), "NUMBER(9)");  // a key: not SMALLINT
  EXPECT_EQ(cat.find_table("PRODUCTS")->find_column("PROD_WEIGHT")->type.text(), "NUMBER(6,2)");
  EXPECT_EQ(cat.find_table("SALES")->find_column("QTY")->type.text(), "NUMBER");  // all NULL: declared
  // The foreign keys take the narrowed type of the key they reference, and its narrowing note.
  const Column& fk = *cat.find_table("SALES")->find_column("CHANNEL_ID");
  EXPECT_EQ(fk.type.text(), "NUMBER(9)");
  EXPECT_NE(fk.narrowing.find("takes the type of CHANNELS.CHANNEL_ID"), std::string::npos) << fk.narrowing;
  std::string text = items_text(items);
  EXPECT_NE(text.find("OS1008 TABLE CHANNELS: column CHANNEL_ID NUMBER → INTEGER: min 2, max 9, at most 1 integer "
                      "digit, integers only, 0 NULL, all 3 rows"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("OS1005 TABLE SALES: column CHANNEL_ID NUMBER → NUMBER(9) of CHANNELS.CHANNEL_ID"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("from a sample"), std::string::npos);
  EXPECT_EQ(ev[3].decision, "declared type kept: no number seen (2 rows, 2 NULL): nothing is proven");
  EXPECT_EQ(ev[0].decision, "NUMERIC(38,10) → INTEGER (NUMBER(9))");

  // The Redshift DDL follows: integers with AZ64, the DISTKEY/SORTKEY explanation names them.
  ConvertOptions opt;
  opt.dialect = Dialect::Redshift;
  opt.row_estimates = {{"CHANNELS", 5}, {"PRODUCTS", 72}, {"SALES", 1000000}};
  ConvertedSchema ddl = generate_ddl(cat, opt, items);
  std::string sql = ddl.script();
  EXPECT_NE(sql.find("\"channel_id\" INTEGER ENCODE"), std::string::npos) << sql;
  EXPECT_NE(sql.find("\"prod_weight\" NUMERIC(6,2) ENCODE AZ64"), std::string::npos) << sql;
  EXPECT_NE(sql.find("-- types from evidence (every value seen fits): PROD_ID INTEGER, PROD_WEIGHT NUMERIC(6,2)"),
            std::string::npos)
      << sql;
  EXPECT_NE(sql.find("DISTKEY PROD_ID (INTEGER from evidence)"), std::string::npos) << sql;
  EXPECT_EQ(sql.find("_id\" NUMERIC(38,10)"), std::string::npos) << sql;
}

TEST(TypeEvidence, SampledEvidenceNarrowsOnlyWhenAskedAndSaysSo) {
  {
    Schema s(kStar);
    TypeEvidence ev = star_evidence(false);
    ActionItems items;
    narrow_types_from_evidence(s.load.catalog, ev, TypesFrom::Auto, Dialect::DuckDb, {}, items);
    EXPECT_EQ(s.load.catalog.find_table("CHANNELS")->find_column("CHANNEL_ID")->type.text(), "NUMBER");
    EXPECT_TRUE(items.items().empty());
    EXPECT_NE(ev[0].decision.find("not every row"), std::string::npos) << ev[0].decision;
  }
  {
    Schema s(kStar);
    TypeEvidence ev = star_evidence(false);
    ActionItems items;
    narrow_types_from_evidence(s.load.catalog, ev, TypesFrom::Evidence, Dialect::DuckDb, {}, items);
    EXPECT_EQ(s.load.catalog.find_table("CHANNELS")->find_column("CHANNEL_ID")->type.text(), "NUMBER(9)");
    EXPECT_NE(items_text(items).find("NUMBER → INTEGER (from a sample, not every row): min 2"), std::string::npos)
        << items_text(items);
  }
  {
    Schema s(kStar);
    TypeEvidence ev = star_evidence(true);
    ActionItems items;
    narrow_types_from_evidence(s.load.catalog, ev, TypesFrom::Declared, Dialect::DuckDb, {}, items);
    EXPECT_EQ(s.load.catalog.find_table("CHANNELS")->find_column("CHANNEL_ID")->type.text(), "NUMBER");
    EXPECT_TRUE(items.items().empty());
  }
  {
    // A per-column type in the --type-map file wins over the evidence.
    Schema s(kStar);
    TypeEvidence ev = star_evidence(true);
    ActionItems items;
    TypeMappingSettings settings;
    settings.column_overrides["CHANNELS.CHANNEL_ID"]["duckdb"] = "BIGINT";
    narrow_types_from_evidence(s.load.catalog, ev, TypesFrom::Auto, Dialect::DuckDb, settings, items);
    EXPECT_EQ(s.load.catalog.find_table("CHANNELS")->find_column("CHANNEL_ID")->type.text(), "NUMBER");
    EXPECT_NE(ev[0].decision.find("--type-map"), std::string::npos);
    ConvertOptions opt;
    opt.dialect = Dialect::DuckDb;
    opt.types = settings;
    std::string sql = generate_ddl(s.load.catalog, opt, items).script();
    EXPECT_NE(sql.find("\"channel_id\" BIGINT"), std::string::npos) << sql;
  }
}

TEST(TypeEvidence, LoadRejectsWhatTheNarrowedTypeCannotHoldNeverRounds) {
  Column c;
  c.name = "CHANNEL_ID";
  c.type = OracleType::number(9, 0);
  c.narrowing = "orashift narrowed CHANNELS.CHANNEL_ID from NUMBER to INTEGER (NUMBER(9)) on the evidence …; to load "
                "it, rerun with --types declared or give the column a type in --type-map";
  LoadColumn lc = load_column_for(c);
  ASSERT_EQ(lc.kind, ValueKind::Int64);
  ColumnTarget t = make_column_target(lc, false, nullptr);
  ColumnVector col;
  col.kind = lc.kind;
  std::string error, scratch;
  EXPECT_TRUE(append_converted(t, FieldValue::of_text("999999999"), col, error, scratch)) << error;
  EXPECT_TRUE(append_converted(t, FieldValue::of_text("-999999999"), col, error, scratch)) << error;
  EXPECT_FALSE(append_converted(t, FieldValue::of_text("1000000000"), col, error, scratch));
  EXPECT_NE(error.find("ORA-01438"), std::string::npos) << error;
  EXPECT_NE(error.find("narrowed CHANNELS.CHANNEL_ID"), std::string::npos) << error;
  EXPECT_NE(error.find("--types declared"), std::string::npos) << error;
  EXPECT_FALSE(append_converted(t, FieldValue::of_text("2.5"), col, error, scratch));  // Oracle would round
  EXPECT_NE(error.find("decimal places"), std::string::npos) << error;
  EXPECT_NE(error.find("--types declared"), std::string::npos) << error;
  EXPECT_EQ(col.size(), 2u);
  // Without a narrowing the declared NUMBER(9) keeps Oracle's rounding and its plain reason.
  c.narrowing.clear();
  ColumnTarget declared = make_column_target(lc, false, nullptr);
  EXPECT_TRUE(append_converted(declared, FieldValue::of_text("2.5"), col, error, scratch));
  EXPECT_FALSE(append_converted(declared, FieldValue::of_text("1000000000"), col, error, scratch));
  EXPECT_EQ(error.find("narrowed"), std::string::npos) << error;
}
