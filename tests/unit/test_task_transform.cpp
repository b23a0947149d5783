// Transformation rules applied: the target catalog (load/task/load_model.h), the row mapping
// (load/map/mapping_writer.h), add-column expressions and value conversions.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "common/naming.h"
#include "load/map/column_expression.h"
#include "load/map/mapping_writer.h"
#include "load/map/value_convert.h"
#include "load/task/load_model.h"

using namespace orashift;

namespace {

Column col(const char* name, const char* type, std::optional<int> p = std::nullopt, std::optional<int> s = std::nullopt,
           std::optional<int> len = std::nullopt) {
  Column c;
  c.name = name;
  c.type.name = type;
  c.type.precision = p;
  c.type.scale = s;
  c.type.length = len;
  return c;
}

Catalog source_catalog() {
  Catalog c;
  Table t;
  t.schema = "SH";
  t.name = "CUSTOMERS";
  t.columns = {col("CUST_ID", "NUMBER", 8, 0), col("FIRST_NAME", "VARCHAR2", {}, {}, 20),
               col("LAST_NAME", "VARCHAR2", {}, {}, 40), col("CREDIT", "NUMBER", 9, 2), col("NOTES", "CLOB"),
               col("SECRET", "VARCHAR2", {}, {}, 10)};
  Constraint pk;
  pk.kind = ConstraintKind::PrimaryKey;
  pk.name = "CUSTOMERS_PK";
  pk.columns = {"CUST_ID"};
  t.constraints.push_back(pk);
  c.tables.push_back(t);
  Table s;
  s.schema = "SH";
  s.name = "SALES";
  s.columns = {col("CUST_ID", "NUMBER", 8, 0), col("AMOUNT", "NUMBER", 10, 2)};
  Constraint fk;
  fk.kind = ConstraintKind::ForeignKey;
  fk.name = "SALES_CUST_FK";
  fk.columns = {"CUST_ID"};
  fk.ref_table = "CUSTOMERS";
  fk.ref_columns = {"CUST_ID"};
  s.constraints.push_back(fk);
  c.tables.push_back(s);
  return c;
}

const char* kRules = R"({"rules":[
 {"rule-type":"selection","rule-id":"1","rule-name":"all","object-locator":{"schema-name":"SH","table-name":"%"},"rule-action":"include"},
 {"rule-type":"transformation","rule-id":"2","rule-name":"prefix","rule-target":"table","object-locator":{"schema-name":"SH","table-name":"CUST%"},"rule-action":"add-prefix","value":"DMS_"},
 {"rule-type":"transformation","rule-id":"9","rule-name":"lower-later","rule-target":"table","object-locator":{"schema-name":"SH","table-name":"%"},"rule-action":"convert-lowercase"},
 {"rule-type":"transformation","rule-id":"3","rule-name":"ren","rule-target":"column","object-locator":{"schema-name":"SH","table-name":"CUSTOMERS","column-name":"CUST_ID"},"rule-action":"rename","value":"CustomerId"},
 {"rule-type":"transformation","rule-id":"4","rule-name":"drop","rule-target":"column","object-locator":{"schema-name":"SH","table-name":"CUSTOMERS","column-name":"SECRET"},"rule-action":"remove-column"},
 {"rule-type":"transformation","rule-id":"5","rule-name":"full","rule-target":"column","object-locator":{"schema-name":"SH","table-name":"CUSTOMERS"},"rule-action":"add-column","value":"FULL_NAME","expression":"$FIRST_NAME || ' ' || $LAST_NAME","data-type":{"type":"string","length":70}},
 {"rule-type":"transformation","rule-id":"6","rule-name":"type","rule-target":"column","object-locator":{"schema-name":"SH","table-name":"CUSTOMERS","column-name":"CREDIT"},"rule-action":"change-data-type","data-type":{"type":"string","length":20}},
 {"rule-type":"transformation","rule-id":"7","rule-name":"upper","rule-target":"column","object-locator":{"schema-name":"SH","table-name":"CUSTOMERS","column-name":"LAST_NAME"},"rule-action":"convert-lowercase"}
]})";

struct Fixture {
  Catalog source = source_catalog();
  TaskIssues issues;
  TaskPlan plan;
  Catalog target;
  std::unique_ptr<LoadModel> model;
  explicit Fixture(const char* rules = kRules, LoadModelOptions options = {}) {
    TableMappings m = parse_table_mappings_text(rules, issues);
    EXPECT_FALSE(issues.has_errors()) << issues.render();
    PlanOptions po;
    plan = plan_task(source, m, po);
    EXPECT_TRUE(plan.ok()) << plan.issues.render();
    target = build_target_catalog(source, plan, issues);
    model = build_load_model(source, target, plan, options, issues);
  }
};

struct Collect : RejectSink {
  std::vector<Reject> rows;
  void reject(Reject r) override { rows.push_back(std::move(r)); }
};

}  // namespace

TEST(TaskTransform, TargetCatalogCarriesRuleNamesVerbatim) {
  Fixture f;
  ASSERT_EQ(f.target.tables.size(), 2u);
  const Table& cust = f.target.tables[0];
  // add-prefix (rule 2) wins over convert-lowercase (rule 9): the lower rule-id.
  EXPECT_EQ(target_name(cust.name), "DMS_CUSTOMERS");
  // SALES: convert-lowercase gives "sales", the same as the usual fold.
  EXPECT_EQ(target_name(f.target.tables[1].name), "sales");
  std::vector<std::string> names;
  for (const auto& c : cust.columns) names.push_back(target_name(c.name));
  EXPECT_EQ(names, (std::vector<std::string>{"CustomerId", "first_name", "last_name", "credit", "notes", "FULL_NAME"}));
  EXPECT_EQ(cust.columns[3].type.name, "VARCHAR2");  // change-data-type string(20)
  EXPECT_EQ(cust.columns[3].type.length, 20);
  // The primary key follows the renamed column; the foreign key of SALES follows both renames.
  const Constraint* pk = cust.primary_key();
  ASSERT_NE(pk, nullptr);
  EXPECT_EQ(target_name(pk->columns.at(0)), "CustomerId");
  const Constraint& fk = f.target.tables[1].constraints.at(0);
  EXPECT_EQ(target_name(fk.ref_table), "DMS_CUSTOMERS");
  EXPECT_EQ(target_name(fk.ref_columns.at(0)), "CustomerId");
}

TEST(TaskTransform, RowsAreMappedConvertedAndExpressionsEvaluated) {
  Fixture f;
  ASSERT_FALSE(f.issues.has_errors()) << f.issues.render();
  ASSERT_EQ(f.model->routes.count("CUSTOMERS"), 1u);
  EXPECT_EQ(f.model->routes.count("SALES"), 0u);  // unchanged: no mapping step at all
  EXPECT_TRUE(changes_shape(*f.plan.find("CUSTOMERS")));
  EXPECT_FALSE(changes_shape(*f.plan.find("SALES")));  // "sales" is the usual fold of SALES
  const TableRoute& r = f.model->routes.at("CUSTOMERS");
  Batch in = empty_batch_for(r.source_columns);
  auto row = [&](int64_t id, const char* first, const char* last, Int128 credit, const char* notes, uint64_t line) {
    in.columns[0].append_int(id);
    first ? in.columns[1].append_text(first) : in.columns[1].append_null();
    in.columns[2].append_text(last);
    in.columns[3].append_decimal(credit);
    in.columns[4].append_text(notes);
    in.columns[5].append_text("pw");
    in.source_lines.push_back(line);
  };
  row(1, "Ada", "Lovelace", 123456, "n", 10);
  row(2, nullptr, "Babbage", -5, "", 11);
  MappingWriter w("CUSTOMERS", r, nullptr, nullptr);
  Batch out = empty_batch_for(r.target_columns);
  Collect rejects;
  w.map(in, out, rejects, "src");
  ASSERT_EQ(out.rows(), 2u);
  EXPECT_TRUE(rejects.rows.empty());
  EXPECT_EQ(out.columns[0].ints[0], 1);
  EXPECT_EQ(out.columns[3].text(0), "1234.56");     // NUMBER(9,2) → string, exactly
  EXPECT_EQ(out.columns[3].text(1), "-0.05");
  EXPECT_EQ(out.columns[5].text(0), "Ada Lovelace");  // $FIRST_NAME || ' ' || $LAST_NAME
  EXPECT_TRUE(out.columns[5].is_null(1));            // a NULL operand: NULL, as in SQLite
  EXPECT_EQ(out.source_lines, (std::vector<uint64_t>{10, 11}));
  EXPECT_FALSE(out.columns[4].is_null(1));           // "" stays "" without EmptyAsNull
}

TEST(TaskTransform, ValueThatDoesNotFitTheNewTypeIsRejectedWithItsColumn) {
  const char* rules = R"({"rules":[
   {"rule-type":"selection","rule-id":"1","rule-name":"all","object-locator":{"schema-name":"SH","table-name":"CUSTOMERS"},"rule-action":"include"},
   {"rule-type":"transformation","rule-id":"2","rule-name":"t","rule-target":"column","object-locator":{"schema-name":"SH","table-name":"CUSTOMERS","column-name":"FIRST_NAME"},"rule-action":"change-data-type","data-type":{"type":"int4"}}]})";
  Fixture f(rules);
  const TableRoute& r = f.model->routes.at("CUSTOMERS");
  Batch in = empty_batch_for(r.source_columns);
  for (const char* v : {"42", "forty-two"}) {
    in.columns[0].append_int(1);
    in.columns[1].append_text(v);
    for (size_t c = 2; c < in.columns.size(); ++c) in.columns[c].append_null();
    in.source_lines.push_back(in.source_lines.size() + 1);
  }
  MappingWriter w("CUSTOMERS", r, nullptr, nullptr);
  Batch out = empty_batch_for(r.target_columns);
  Collect rejects;
  w.map(in, out, rejects, "src");
  ASSERT_EQ(out.rows(), 1u);
  EXPECT_EQ(out.columns[1].ints[0], 42);
  ASSERT_EQ(rejects.rows.size(), 1u);
  EXPECT_EQ(rejects.rows[0].line, 2u);
  EXPECT_NE(rejects.rows[0].reason.find("first_name"), std::string::npos) << rejects.rows[0].reason;
  EXPECT_NE(rejects.rows[0].reason.find("forty-two"), std::string::npos) << rejects.rows[0].reason;
  // Every column of the batch has as many values as rows: the rejected row left nothing.
  for (const auto& c : out.columns) EXPECT_EQ(c.size(), 1u);
}

TEST(TaskTransform, EmptyAsNullAndLobSettings) {
  LoadModelOptions o;
  o.empty_as_null = true;
  o.lobs.lob_max_size_kb = 1;  // limited mode (the default), 1 KB
  const char* rules = R"({"rules":[
   {"rule-type":"selection","rule-id":"1","rule-name":"all","object-locator":{"schema-name":"SH","table-name":"CUSTOMERS"},"rule-action":"include"}]})";
  Fixture f(rules, o);
  ASSERT_EQ(f.model->routes.count("CUSTOMERS"), 1u);  // no rename, but LOBs and EmptyAsNull
  const TableRoute& r = f.model->routes.at("CUSTOMERS");
  Batch in = empty_batch_for(r.source_columns);
  // "é" is two bytes: a cut at 1024 bytes must not split it.
  std::string long_note = std::string(1023, 'x') + "\xc3\xa9" + "tail";
  in.columns[0].append_int(1);
  in.columns[1].append_text("");
  in.columns[2].append_text("L");
  in.columns[3].append_null();
  in.columns[4].append_text(long_note);
  in.columns[5].append_text("s");
  in.source_lines.push_back(7);
  MappingWriter w("CUSTOMERS", r, nullptr, nullptr);
  Batch out = empty_batch_for(r.target_columns);
  Collect rejects;
  w.map(in, out, rejects, "src");
  ASSERT_EQ(out.rows(), 1u);
  EXPECT_TRUE(out.columns[1].is_null(0));           // EmptyAsNull
  EXPECT_EQ(out.columns[4].text(0), std::string(1023, 'x'));

  EXPECT_EQ(lob_handling(TargetMetadataSettings{}, std::nullopt).limit_bytes, 32u * 1024);
  TargetMetadataSettings full;
  full.full_lob_mode = true;
  full.limited_size_lob_mode = false;
  EXPECT_EQ(lob_handling(full, std::nullopt).limit_bytes, 0u);
  LobSettings table{LobMode::Limited, 8};
  EXPECT_EQ(lob_handling(full, table).limit_bytes, 8u * 1024);  // table-settings override
  TargetMetadataSettings none;
  none.support_lobs = false;
  EXPECT_FALSE(lob_handling(none, table).migrate);
}

TEST(TaskTransform, ExpressionSubset) {
  std::vector<Column> cols = {col("A", "VARCHAR2"), col("N", "NUMBER", 5, 0)};
  std::vector<LoadColumn> lc;
  for (const auto& c : cols) lc.push_back(load_column_for(c));
  std::string err;
  auto e = ColumnExpression::parse("$A||'-'||$N || 'it''s' || 7", lc, &err);
  ASSERT_TRUE(e) << err;
  Batch b = empty_batch_for(lc);
  b.columns[0].append_text("x");
  b.columns[1].append_int(12);
  b.source_lines.push_back(1);
  std::string out;
  ASSERT_TRUE(e->eval_text(b, 0, out));
  EXPECT_EQ(out, "x-12it's7");
  EXPECT_TRUE(ColumnExpression::parse("$N", lc, &err)->single_column() == 1u);
  EXPECT_FALSE(ColumnExpression::parse("upper($A)", lc, &err));
  EXPECT_NE(err.find("upper"), std::string::npos) << err;
  EXPECT_FALSE(ColumnExpression::parse("$a", lc, &err));  // case-sensitive
  EXPECT_FALSE(ColumnExpression::parse("$A + 1", lc, &err));
  EXPECT_FALSE(ColumnExpression::parse("$A ||", lc, &err));
  EXPECT_FALSE(ColumnExpression::parse("'open", lc, &err));
}

TEST(TaskTransform, ValueConversions) {
  ColumnVector dec;
  dec.kind = ValueKind::Decimal;
  dec.scale = 2;
  std::string why;
  EXPECT_TRUE(append_parsed(dec, "12.5", &why));
  EXPECT_EQ(dec.decimals.back(), 1250);
  EXPECT_FALSE(append_parsed(dec, "1.234", &why));  // would need rounding: refused
  ColumnVector i;
  i.kind = ValueKind::Int64;
  EXPECT_TRUE(append_converted(dec, 0, i, &why) == false);  // 12.50 is not an integer without rounding
  ColumnVector ts;
  ts.kind = ValueKind::Timestamp;
  EXPECT_TRUE(append_parsed(ts, "2001-02-03 04:05:06", &why));
  ColumnVector text;
  text.kind = ValueKind::Text;
  EXPECT_TRUE(append_converted(ts, 0, text, &why));
  EXPECT_EQ(text.text(0), "2001-02-03 04:05:06");
  EXPECT_FALSE(append_parsed(ts, "yesterday", &why));
}

TEST(TaskTransform, StringTypeLengthTruncatesThroughThePolicy) {
  // FULL_NAME is string(70) in kRules; make it string(8) to force a cut.
  std::string rules = kRules;
  rules.replace(rules.find("\"length\":70"), 11, "\"length\":8");
  Fixture f(rules.c_str());
  const TableRoute& r = f.model->routes.at("CUSTOMERS");
  Batch in = empty_batch_for(r.source_columns);
  in.columns[0].append_int(1);
  in.columns[1].append_text("\xc3\x89mile");  // "Émile": 5 characters, 6 bytes
  in.columns[2].append_text("Zola");
  in.columns[3].append_decimal(100);
  in.columns[4].append_text("n");
  in.columns[5].append_text("s");
  in.source_lines.push_back(3);
  std::string dir = (std::filesystem::temp_directory_path() / ("orashift-trunc-" + std::to_string(::getpid()))).string();
  ErrorPolicyGuard policy(ErrorBehaviorSettings{}, dir);
  Collect rejects;
  policy.data_sink("CUSTOMERS", rejects);
  MappingWriter w("CUSTOMERS", r, nullptr, &policy);
  Batch out = empty_batch_for(r.target_columns);
  w.map(in, out, rejects, "src");
  ASSERT_EQ(out.rows(), 1u);
  EXPECT_EQ(out.columns[5].text(0), "\xc3\x89mile Zo");  // 8 characters, 9 bytes
  EXPECT_EQ(policy.state("CUSTOMERS").truncations, 1u);
  EXPECT_TRUE(rejects.rows.empty());  // LOG_ERROR: loaded truncated
  std::filesystem::remove_all(dir);
}
