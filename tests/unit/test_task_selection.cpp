// Applying DMS table mappings to a catalog: load/task/selection.h, source_filter.h,
// range_segments.h.
#include <gtest/gtest.h>

#include "load/task/selection.h"

using namespace orashift;

namespace {

std::string data(const char* name) { return std::string(ORASHIFT_SOURCE_DIR) + "/tests/data/tasks/" + name; }

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

Table table(const char* schema, const char* name, std::vector<Column> cols, std::vector<std::string> pk = {}) {
  Table t;
  t.schema = schema;
  t.name = name;
  t.columns = std::move(cols);
  if (!pk.empty()) {
    Constraint c;
    c.kind = ConstraintKind::PrimaryKey;
    c.name = std::string(name) + "_PK";
    c.columns = pk;
    t.constraints.push_back(c);
  }
  return t;
}

// A small sales-history catalog, names as Oracle stores them.
Catalog sh_catalog() {
  Catalog c;
  c.tables.push_back(table("SH", "SALES",
                           {col("PROD_ID", "NUMBER", 6, 0), col("CUST_ID", "NUMBER", 8), col("TIME_ID", "DATE"),
                            col("AMOUNT_SOLD", "NUMBER", 10, 2), col("SALE_COMMENTS", "VARCHAR2", {}, {}, 200)},
                           {"PROD_ID", "CUST_ID", "TIME_ID"}));
  c.tables.push_back(table("SH", "CHANNELS", {col("CHANNEL_ID", "NUMBER"), col("CHANNEL_DESC", "VARCHAR2", {}, {}, 20)},
                           {"CHANNEL_ID"}));
  c.tables.push_back(table("SH", "COUNTRIES", {col("COUNTRY_ID", "NUMBER"), col("COUNTRY_ISO_CODE", "CHAR", {}, {}, 2)}));
  c.tables.push_back(table("SH", "STG_SALES", {col("X", "NUMBER")}));
  c.tables.push_back(table("SHX", "PRODUCTS", {col("PROD_ID", "NUMBER")}));
  c.tables.push_back(table("HR", "EMPLOYEES", {col("EMPLOYEE_ID", "NUMBER")}));
  return c;
}

TaskPlan plan(const std::string& rules_json, const Catalog& c, PlanOptions opt = {}) {
  TaskIssues issues;
  auto m = parse_table_mappings_text(R"({"rules":[)" + rules_json + "]}", issues);
  EXPECT_FALSE(issues.has_errors()) << issues.render();
  return plan_task(c, m, opt);
}

std::string sel(int id, const char* action, const char* schema, const char* tablename, const char* extra = "") {
  return std::string(R"({"rule-type":"selection","rule-id":")") + std::to_string(id) + R"(","rule-name":"r)" +
         std::to_string(id) + R"(","object-locator":{"schema-name":")" + schema + R"(","table-name":")" + tablename +
         R"("},"rule-action":")" + action + "\"" + extra + "}";
}

std::string tr(int id, const char* target, const char* action, const char* locator, const char* extra = "") {
  return std::string(R"({"rule-type":"transformation","rule-id":")") + std::to_string(id) + R"(","rule-name":"t)" +
         std::to_string(id) + R"(","rule-target":")" + target + R"(","object-locator":)" + locator +
         R"(,"rule-action":")" + action + "\"" + extra + "}";
}

std::vector<std::string> names(const TaskPlan& p) {
  std::vector<std::string> out;
  for (const auto& t : p.tables) out.push_back(t.label());
  return out;
}

const PlannedColumn* target_col(const PlannedTable& t, const std::string& name) {
  for (const auto& c : t.columns)
    if (c.target_name == name) return &c;
  return nullptr;
}

}  // namespace

TEST(TaskSelection, WalkthroughRuleSelectsEverySchemaStartingWithSH) {
  TaskIssues issues;
  auto m = load_table_mappings(data("walkthrough-mappings.json"), issues);
  TaskPlan p = plan_task(sh_catalog(), m);
  ASSERT_TRUE(p.ok()) << p.issues.render();
  EXPECT_EQ(names(p), (std::vector<std::string>{"SH.CHANNELS", "SH.COUNTRIES", "SH.SALES", "SH.STG_SALES", "SHX.PRODUCTS"}));
  const PlannedTable* sales = p.find("SALES");
  EXPECT_EQ(sales->target_schema, "sh");
  EXPECT_EQ(sales->target_table, "sales");
  EXPECT_EQ(sales->columns.size(), 5u);
  EXPECT_EQ(sales->columns[0].target_name, "prod_id");
  ASSERT_TRUE(sales->primary_key);
  EXPECT_EQ(sales->primary_key->columns, (std::vector<std::string>{"prod_id", "cust_id", "time_id"}));
  EXPECT_TRUE(sales->filter.empty());
}

TEST(TaskSelection, CaseSensitiveLikeDms) {
  TaskPlan p = plan(sel(1, "include", "sh", "%"), sh_catalog());
  EXPECT_TRUE(p.tables.empty());
  EXPECT_TRUE(p.issues.mentions("selection rule matches no table")) << p.issues.render();
}

TEST(TaskSelection, DefaultSchemaForTablesWithoutOne) {
  Catalog c;
  c.tables.push_back(table("", "SALES", {col("A", "NUMBER")}));
  PlanOptions opt;
  opt.default_schema = "SH";
  TaskPlan p = plan(sel(1, "include", "SH%", "%"), c, opt);
  ASSERT_EQ(p.tables.size(), 1u);
  EXPECT_EQ(p.tables[0].source_schema, "SH");
}

TEST(TaskSelection, ExcludeWinsOverIncludeWhateverTheOrder) {
  // Exclude with the lower rule-id, and with the higher: the same result.
  for (auto rules : {sel(1, "exclude", "SH", "STG[_]%") + "," + sel(2, "include", "SH", "%"),
                     sel(1, "include", "SH", "%") + "," + sel(2, "exclude", "SH", "STG[_]%")}) {
    TaskPlan p = plan(rules, sh_catalog());
    EXPECT_EQ(names(p), (std::vector<std::string>{"SH.CHANNELS", "SH.COUNTRIES", "SH.SALES"}));
  }
  // Exclude also wins over an explicit rule naming the table.
  TaskPlan p = plan(sel(1, "explicit", "SH", "SALES") + "," + sel(2, "exclude", "SH", "S%"), sh_catalog());
  EXPECT_TRUE(p.tables.empty());
}

TEST(TaskSelection, ExplicitSelectsOneTableByExactName) {
  TaskPlan p = plan(sel(1, "explicit", "SH", "SALES"), sh_catalog());
  EXPECT_EQ(names(p), (std::vector<std::string>{"SH.SALES"}));
  // '_' is literal in an explicit rule: "STG_SALE_" names no table.
  TaskPlan q = plan(sel(1, "explicit", "SH", "STG_SALE_"), sh_catalog());
  EXPECT_TRUE(q.tables.empty());
}

TEST(TaskSelection, WildcardsInSelection) {
  EXPECT_EQ(names(plan(sel(1, "include", "SH", "C%"), sh_catalog())),
            (std::vector<std::string>{"SH.CHANNELS", "SH.COUNTRIES"}));
  EXPECT_EQ(names(plan(sel(1, "include", "SH_", "%"), sh_catalog())), (std::vector<std::string>{"SHX.PRODUCTS"}));
  EXPECT_EQ(names(plan(sel(1, "include", "%", "[C-E]%"), sh_catalog())),
            (std::vector<std::string>{"HR.EMPLOYEES", "SH.CHANNELS", "SH.COUNTRIES"}));
}

TEST(TaskSelection, LoadOrderHigherFirstTiesByName) {
  TaskPlan p = plan(sel(1, "include", "SH", "%") + "," + sel(2, "include", "SH", "COUNTRIES", R"(,"load-order":"5")") + "," +
                        sel(3, "include", "SH", "SALES", R"(,"load-order":"9")"),
                    sh_catalog());
  EXPECT_EQ(names(p), (std::vector<std::string>{"SH.SALES", "SH.COUNTRIES", "SH.CHANNELS", "SH.STG_SALES"}));
  EXPECT_EQ(p.tables[0].load_order, 9);
}

TEST(TaskSelection, ViewsSelectNothingWithAWarning) {
  TaskPlan p = plan(sel(1, "include", "SH", "%", "") + "," +
                        R"({"rule-type":"selection","rule-id":"2","rule-name":"v","object-locator":{"schema-name":"SH","table-name":"%","table-type":"view"},"rule-action":"include"})",
                    sh_catalog());
  EXPECT_EQ(p.tables.size(), 4u);
  EXPECT_TRUE(p.issues.mentions("views are not modelled")) << p.issues.render();
}

TEST(TaskSelection, EachNamingAction) {
  struct Case { const char* action; const char* extra; const char* expected; };
  const Case cases[] = {
      {"rename", R"(,"value":"Sales1")", "Sales1"},
      {"convert-lowercase", "", "sales"},
      {"convert-uppercase", "", "SALES"},
      {"add-prefix", R"(,"value":"DMS_")", "DMS_SALES"},
      {"remove-prefix", R"(,"value":"SA")", "LES"},
      {"replace-prefix", R"(,"value":"XX","old-value":"SA")", "XXLES"},
      {"add-suffix", R"(,"value":"_V1")", "SALES_V1"},
      {"remove-suffix", R"(,"value":"ES")", "SAL"},
      {"replace-suffix", R"(,"value":"_NEW","old-value":"ES")", "SAL_NEW"},
  };
  for (const auto& c : cases) {
    TaskPlan p = plan(sel(1, "include", "SH", "SALES") + "," +
                          tr(2, "table", c.action, R"({"schema-name":"SH","table-name":"SALES"})", c.extra),
                      sh_catalog());
    ASSERT_EQ(p.tables.size(), 1u);
    EXPECT_EQ(p.tables[0].target_table, c.expected) << c.action;
  }
  // A prefix that is not there leaves the name alone (case-sensitive).
  TaskPlan p = plan(sel(1, "include", "SH", "SALES") + "," +
                        tr(2, "table", "remove-prefix", R"({"schema-name":"SH","table-name":"SALES"})", R"(,"value":"sa")"),
                    sh_catalog());
  EXPECT_EQ(p.tables[0].target_table, "SALES");
}

TEST(TaskSelection, SchemaAndColumnNaming) {
  TaskPlan p = plan(sel(1, "include", "SH", "SALES") + "," +
                        tr(2, "schema", "rename", R"({"schema-name":"SH"})", R"(,"value":"dw")") + "," +
                        tr(3, "column", "add-prefix", R"({"schema-name":"SH","table-name":"SALES","column-name":"%_ID"})",
                           R"(,"value":"K_")"),
                    sh_catalog());
  const PlannedTable& t = p.tables[0];
  EXPECT_EQ(t.target_schema, "dw");
  EXPECT_TRUE(target_col(t, "K_PROD_ID"));
  EXPECT_TRUE(target_col(t, "K_TIME_ID"));
  EXPECT_TRUE(target_col(t, "amount_sold"));  // untouched names fold as for any target
  EXPECT_EQ(t.primary_key->columns[0], "K_PROD_ID");
}

TEST(TaskSelection, TargetSchemaSettingAppliesWhenNoSchemaRule) {
  PlanOptions opt;
  opt.target_schema = "staging";
  TaskPlan p = plan(sel(1, "include", "SH", "SALES"), sh_catalog(), opt);
  EXPECT_EQ(p.tables[0].target_schema, "staging");
  TaskPlan q = plan(sel(1, "include", "SH", "SALES") + "," + tr(2, "schema", "rename", R"({"schema-name":"SH"})", R"(,"value":"dw")"),
                    sh_catalog(), opt);
  EXPECT_EQ(q.tables[0].target_schema, "dw");
}

TEST(TaskSelection, LowestRuleIdWinsOnTheSameObject) {
  // Rule 7 is listed first but rule 3 has the lower id: rule 3's name is applied.
  TaskPlan p = plan(sel(1, "include", "SH", "SALES") + "," +
                        tr(7, "table", "rename", R"({"schema-name":"SH","table-name":"SALES"})", R"(,"value":"seven")") + "," +
                        tr(3, "table", "add-suffix", R"({"schema-name":"SH","table-name":"S%"})", R"(,"value":"_three")"),
                    sh_catalog());
  EXPECT_EQ(p.tables[0].target_table, "SALES_three");
  EXPECT_TRUE(p.issues.mentions("rules[1]: shadowed on table SH.SALES: rule-id 3 sets its table name", Severity::Warning))
      << p.issues.render();
  // Different kinds of effect on one column both apply: a rename and a type change.
  TaskPlan q = plan(sel(1, "include", "SH", "SALES") + "," +
                        tr(4, "column", "rename", R"({"schema-name":"SH","table-name":"SALES","column-name":"AMOUNT_SOLD"})",
                           R"(,"value":"amount")") + "," +
                        tr(5, "column", "change-data-type", R"({"schema-name":"SH","table-name":"SALES","column-name":"AMOUNT_SOLD"})",
                           R"(,"data-type":{"type":"int8"})"),
                    sh_catalog());
  const PlannedColumn* c = target_col(q.tables[0], "amount");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->type.name, "NUMBER");
  EXPECT_EQ(c->type.precision, 19);
  EXPECT_EQ(c->dms_type->type, "int8");
  EXPECT_EQ(c->type_rule, 5);
}

TEST(TaskSelection, RemoveIncludeAndAddColumns) {
  TaskPlan p = plan(sel(1, "include", "SH", "SALES") + "," +
                        tr(2, "column", "remove-column", R"({"schema-name":"SH","table-name":"SALES","column-name":"%_COMMENTS"})") + "," +
                        tr(3, "column", "add-column", R"({"schema-name":"SH","table-name":"SALES"})",
                           R"x(,"value":"loaded_at","expression":"datetime('now')","data-type":{"type":"datetime","precision":6})x"),
                    sh_catalog());
  const PlannedTable& t = p.tables[0];
  EXPECT_EQ(t.removed_columns, (std::vector<std::string>{"SALE_COMMENTS"}));
  ASSERT_EQ(t.columns.size(), 5u);
  const PlannedColumn& added = t.columns.back();
  EXPECT_TRUE(added.added);
  EXPECT_EQ(added.target_name, "loaded_at");
  EXPECT_EQ(added.expression, "datetime('now')");
  EXPECT_EQ(added.type.name, "TIMESTAMP");
  EXPECT_EQ(added.type.precision, 6);

  // include-column keeps only the columns it names.
  TaskPlan q = plan(sel(1, "include", "SH", "SALES") + "," +
                        tr(2, "column", "include-column", R"({"schema-name":"SH","table-name":"SALES","column-name":"PROD_ID"})") + "," +
                        tr(3, "column", "include-column", R"({"schema-name":"SH","table-name":"SALES","column-name":"AMOUNT_SOLD"})"),
                    sh_catalog());
  ASSERT_EQ(q.tables[0].columns.size(), 2u);
  EXPECT_EQ(q.tables[0].removed_columns.size(), 3u);
  // The source key lost columns: no primary key, said so.
  EXPECT_FALSE(q.tables[0].primary_key);
  EXPECT_TRUE(q.issues.mentions("primary key column CUST_ID is not loaded")) << q.issues.render();
}

TEST(TaskSelection, DefinePrimaryKey) {
  TaskPlan p = plan(sel(1, "include", "SH", "COUNTRIES") + "," +
                        tr(2, "table", "define-primary-key", R"({"schema-name":"SH","table-name":"COUNTRIES"})",
                           R"(,"primary-key-def":{"name":"COUNTRIES_PK","columns":["COUNTRY_ID"]})"),
                    sh_catalog());
  ASSERT_TRUE(p.tables[0].primary_key);
  EXPECT_EQ(p.tables[0].primary_key->name, "COUNTRIES_PK");
  EXPECT_EQ(p.tables[0].primary_key->columns, (std::vector<std::string>{"country_id"}));
  EXPECT_EQ(p.tables[0].primary_key->rule, 2);

  TaskPlan q = plan(sel(1, "include", "SH", "COUNTRIES") + "," +
                        tr(2, "table", "define-primary-key", R"({"schema-name":"SH","table-name":"COUNTRIES"})",
                           R"(,"primary-key-def":{"name":"PK","columns":["NOPE"]})"),
                    sh_catalog());
  EXPECT_TRUE(q.issues.mentions("rules[1].primary-key-def.columns[0]: table SH.COUNTRIES loads no column \"NOPE\" (rule-id 2)"))
      << q.issues.render();
}

TEST(TaskSelection, TwoTablesIntoOneTargetIsAnError) {
  TaskPlan p = plan(sel(1, "include", "SH", "C%") + "," +
                        tr(2, "table", "rename", R"({"schema-name":"SH","table-name":"C%"})", R"(,"value":"one")"),
                    sh_catalog());
  EXPECT_FALSE(p.ok());
  EXPECT_TRUE(p.issues.mentions("both map to target table sh.one")) << p.issues.render();
}

// ---- filters ----

namespace {

Batch sales_batch() {
  Batch b;
  auto cols = load_columns_for(sh_catalog().tables[0]);
  for (const auto& c : cols) {
    ColumnVector v;
    v.kind = c.kind;
    v.scale = c.scale;
    b.columns.push_back(v);
  }
  return b;
}

void add_sale(Batch& b, std::optional<int64_t> prod, const char* time, const char* amount_decimal_text) {
  auto& c = b.columns;
  prod ? c[0].append_int(*prod) : c[0].append_null();
  c[1].append_int(1);
  if (time) c[2].append_int(*parse_iso_datetime(time));
  else c[2].append_null();
  if (amount_decimal_text) {
    Int128 v;
    parse_decimal(amount_decimal_text, c[3].scale, v);
    c[3].append_decimal(v);
  } else {
    c[3].append_null();
  }
  c[4].append_text("x");
  b.source_lines.push_back(b.source_lines.size() + 1);
}

std::vector<bool> kept(const PlannedTable& t, const Batch& b) {
  std::vector<bool> out;
  for (size_t r = 0; r < b.rows(); ++r) out.push_back(t.filter.keep(b, r));
  return out;
}

std::string filtered_sales(const char* conditions, const char* column = "PROD_ID") {
  return sel(1, "include", "SH", "SALES",
             (std::string(R"(,"filters":[{"filter-type":"source","column-name":")") + column +
              R"(","filter-conditions":[)" + conditions + "]}]")
                 .c_str());
}

}  // namespace

TEST(TaskFilters, EachOperatorOnNumbers) {
  Batch b = sales_batch();
  for (auto v : {std::optional<int64_t>(5), std::optional<int64_t>(10), std::optional<int64_t>(15), std::optional<int64_t>()})
    add_sale(b, v, "2001-01-01", "1");
  auto run = [&](const char* conds) {
    TaskPlan p = plan(filtered_sales(conds), sh_catalog());
    EXPECT_TRUE(p.ok()) << p.issues.render();
    return kept(p.tables[0], b);
  };
  using V = std::vector<bool>;
  EXPECT_EQ(run(R"({"filter-operator":"eq","value":"10"})"), (V{false, true, false, false}));
  EXPECT_EQ(run(R"({"filter-operator":"noteq","value":"10"})"), (V{true, false, true, false}));  // NULL is not != 10
  EXPECT_EQ(run(R"({"filter-operator":"gte","value":"10"})"), (V{false, true, true, false}));
  EXPECT_EQ(run(R"({"filter-operator":"lte","value":"10"})"), (V{true, true, false, false}));
  EXPECT_EQ(run(R"({"filter-operator":"ste","value":"10"})"), (V{true, true, false, false}));
  // between includes both ends.
  EXPECT_EQ(run(R"({"filter-operator":"between","start-value":"5","end-value":"10"})"), (V{true, true, false, false}));
  EXPECT_EQ(run(R"({"filter-operator":"notbetween","start-value":"5","end-value":"10"})"), (V{false, false, true, false}));
  EXPECT_EQ(run(R"({"filter-operator":"null"})"), (V{false, false, false, true}));
  EXPECT_EQ(run(R"({"filter-operator":"notnull"})"), (V{true, true, true, false}));
  // Conditions of one filter are OR'ed.
  EXPECT_EQ(run(R"({"filter-operator":"lte","value":"5"},{"filter-operator":"gte","value":"15"})"), (V{true, false, true, false}));
  // A fractional value against an integer column is compared exactly, not rounded.
  EXPECT_EQ(run(R"({"filter-operator":"gte","value":"9.5"})"), (V{false, true, true, false}));
  EXPECT_EQ(run(R"({"filter-operator":"eq","value":"1e1"})"), (V{false, true, false, false}));
}

TEST(TaskFilters, DecimalsDatesAndAnd) {
  Batch b = sales_batch();
  add_sale(b, 1, "2000-12-31 23:59:59", "10.00");
  add_sale(b, 2, "2001-01-01", "10.01");
  add_sale(b, 3, "2001-06-30 12:00:00", "9.99");
  // Two filters are AND'ed: dates in 2001 and amounts of at least 10.
  std::string rule = sel(1, "include", "SH", "SALES",
                         R"(,"filters":[{"filter-type":"source","column-name":"TIME_ID","filter-conditions":[{"filter-operator":"between","start-value":"2001-01-01","end-value":"2001-12-31 23:59:59"}]},
                                       {"filter-type":"source","column-name":"AMOUNT_SOLD","filter-conditions":[{"filter-operator":"gte","value":"10.005"}]}])");
  TaskPlan p = plan(rule, sh_catalog());
  ASSERT_TRUE(p.ok()) << p.issues.render();
  EXPECT_EQ(kept(p.tables[0], b), (std::vector<bool>{false, true, false}));
  auto sql = p.tables[0].filter.to_sql();
  ASSERT_TRUE(sql);
  EXPECT_EQ(*sql, "((\"TIME_ID\" BETWEEN TIMESTAMP '2001-01-01 00:00:00' AND TIMESTAMP '2001-12-31 23:59:59') AND "
                  "(\"AMOUNT_SOLD\" >= 10.005))");
}

TEST(TaskFilters, TextComparesBinaryAndCharBlankPadded) {
  Catalog c = sh_catalog();
  TaskPlan p = plan(sel(1, "include", "SH", "COUNTRIES",
                        R"(,"filters":[{"filter-type":"source","column-name":"COUNTRY_ISO_CODE","filter-conditions":[{"filter-operator":"eq","value":"US"}]}])"),
                    c);
  ASSERT_TRUE(p.ok()) << p.issues.render();
  Batch b;
  b.columns.resize(2);
  b.columns[1].kind = ValueKind::Text;
  for (const char* v : {"US", "US ", "us", "UK"}) {
    b.columns[0].append_int(1);
    b.columns[1].append_text(v);
    b.source_lines.push_back(1);
  }
  EXPECT_EQ(kept(p.tables[0], b), (std::vector<bool>{true, true, false, false}));
}

TEST(TaskFilters, PlanTimeErrorsNameTheFilter) {
  TaskPlan p = plan(filtered_sales(R"({"filter-operator":"eq","value":"1"})", "prod_id"), sh_catalog());
  EXPECT_TRUE(p.issues.mentions("rules[0].filters[0].column-name: table SALES has no column \"prod_id\" (names are case-sensitive) (rule-id 1)"))
      << p.issues.render();
  TaskPlan q = plan(filtered_sales(R"({"filter-operator":"gte","value":"2001-13-01"})", "TIME_ID"), sh_catalog());
  EXPECT_TRUE(q.issues.mentions("rules[0].filters[0].filter-conditions[0].value: \"2001-13-01\" is not a date")) << q.issues.render();
  TaskPlan r = plan(filtered_sales(R"({"filter-operator":"eq","value":"abc"})"), sh_catalog());
  EXPECT_TRUE(r.issues.mentions("\"abc\" is not a number (column PROD_ID)")) << r.issues.render();
}

TEST(TaskFilters, SeveralFilteredRulesAreAlternatives) {
  Batch b = sales_batch();
  for (int64_t v : {1, 2, 3}) add_sale(b, v, "2001-01-01", "1");
  TaskPlan p = plan(filtered_sales(R"({"filter-operator":"eq","value":"1"})") + "," +
                        sel(2, "include", "SH", "SALES",
                            R"(,"filters":[{"filter-type":"source","column-name":"PROD_ID","filter-conditions":[{"filter-operator":"eq","value":"3"}]}])") +
                        "," + sel(3, "include", "SH", "%"),
                    sh_catalog());
  EXPECT_EQ(kept(*p.find("SALES"), b), (std::vector<bool>{true, false, true}));
  EXPECT_TRUE(p.issues.mentions("a row is loaded when any of them keeps it")) << p.issues.render();
}

// ---- table settings ----

TEST(TaskTableSettings, RangesFollowDmsBoundarySemantics) {
  TaskIssues issues;
  auto m = load_table_mappings(data("sales-history-mappings.json"), issues);
  Catalog c = sh_catalog();
  TaskPlan p = plan_task(c, m);
  ASSERT_TRUE(p.ok()) << p.issues.render();
  const PlannedTable* sales = p.find("SALES");
  ASSERT_TRUE(sales && sales->ranges);
  const RangeSegments& r = *sales->ranges;
  EXPECT_EQ(r.segment_count(), 4u);  // below 50, 50..99, 100 and up, NULLs
  Batch b = sales_batch();
  for (auto v : {std::optional<int64_t>(49), std::optional<int64_t>(50), std::optional<int64_t>(99),
                 std::optional<int64_t>(100), std::optional<int64_t>(7000), std::optional<int64_t>()})
    add_sale(b, v, "2001-01-01", "1");
  std::vector<size_t> seg;
  for (size_t i = 0; i < b.rows(); ++i) seg.push_back(r.segment_of(b, i));
  EXPECT_EQ(seg, (std::vector<size_t>{0, 1, 1, 2, 2, 3}));
  EXPECT_EQ(r.where_sql(0), "(\"PROD_ID\" IS NOT NULL) AND (((\"PROD_ID\" < 50)))");
  EXPECT_EQ(r.where_sql(1), "(\"PROD_ID\" IS NOT NULL) AND NOT (((\"PROD_ID\" < 50))) AND (((\"PROD_ID\" < 100)))");
  EXPECT_EQ(r.where_sql(3), "(\"PROD_ID\" IS NULL)");
  ASSERT_TRUE(sales->lob_settings);
  EXPECT_EQ(sales->lob_settings->bulk_max_size_kb, 64);
}

TEST(TaskTableSettings, MultiColumnBoundariesAreLexicographic) {
  std::string rule = sel(1, "include", "SH", "SALES") +
                     R"(,{"rule-type":"table-settings","rule-id":"2","rule-name":"r","object-locator":{"schema-name":"SH","table-name":"SALES"},
                          "parallel-load":{"type":"ranges","columns":["PROD_ID","CUST_ID"],"boundaries":[["10","30"],["20","20"]]}})";
  TaskPlan p = plan(rule, sh_catalog());
  ASSERT_TRUE(p.ok()) << p.issues.render();
  const RangeSegments& r = *p.tables[0].ranges;
  Batch b = sales_batch();
  auto row = [&](int64_t prod, int64_t cust) {
    add_sale(b, prod, "2001-01-01", "1");
    b.columns[1].ints.back() = cust;
  };
  row(9, 999);   // COL1 < 10
  row(10, 29);   // COL1 = 10 and COL2 < 30
  row(10, 30);   // equal to the first boundary: segment 1
  row(20, 19);
  row(20, 20);   // equal to the last boundary: the top segment
  std::vector<size_t> seg;
  for (size_t i = 0; i < b.rows(); ++i) seg.push_back(r.segment_of(b, i));
  EXPECT_EQ(seg, (std::vector<size_t>{0, 0, 1, 1, 2}));
  EXPECT_EQ(r.where_sql(0),
            "(\"PROD_ID\" IS NOT NULL AND \"CUST_ID\" IS NOT NULL) AND (((\"PROD_ID\" < 10)) OR ((\"PROD_ID\" = 10) AND (\"CUST_ID\" < 30)))");
}

TEST(TaskTableSettings, PartitionsAndLowestRuleId) {
  Catalog c = sh_catalog();
  c.tables[0].partitioning.method = "RANGE";
  c.tables[0].partitioning.partitions = {{"SALES_Q1_2001", "", ""}, {"SALES_Q2_2001", "", ""}};
  std::string rules = sel(1, "include", "SH", "%") +
                      R"(,{"rule-type":"table-settings","rule-id":"5","rule-name":"a","object-locator":{"schema-name":"SH","table-name":"SALES"},"parallel-load":{"type":"partitions-list","partitions":["SALES_Q1_2001"]}},
                         {"rule-type":"table-settings","rule-id":"4","rule-name":"b","object-locator":{"schema-name":"SH","table-name":"S%"},"parallel-load":{"type":"partitions-auto"}},
                         {"rule-type":"table-settings","rule-id":"6","rule-name":"c","object-locator":{"schema-name":"SH","table-name":"SALES"},"parallel-load":{"type":"partitions-list","partitions":["NOPE"]}})";
  TaskPlan p = plan(rules, c);
  const PlannedTable* sales = p.find("SALES");
  EXPECT_EQ(sales->parallel_load->type, ParallelLoadType::PartitionsAuto);  // rule-id 4
  EXPECT_TRUE(p.issues.mentions("shadowed on table SH.SALES: rule-id 4 sets its parallel-load")) << p.issues.render();
  // STG_SALES matches rule 4 but is not partitioned.
  EXPECT_TRUE(p.issues.mentions("table SH.STG_SALES is not partitioned")) << p.issues.render();

  TaskPlan q = plan(sel(1, "include", "SH", "SALES") +
                        R"(,{"rule-type":"table-settings","rule-id":"6","rule-name":"c","object-locator":{"schema-name":"SH","table-name":"SALES"},"parallel-load":{"type":"partitions-list","partitions":["NOPE"]}})",
                    c);
  EXPECT_TRUE(q.issues.mentions("rules[1].parallel-load.partitions[0]: table SH.SALES has no partition \"NOPE\" (rule-id 6)"))
      << q.issues.render();
}

TEST(TaskTableSettings, RangeColumnChecks) {
  Catalog c = sh_catalog();
  c.tables[0].columns.push_back(col("RATIO", "BINARY_DOUBLE"));
  TaskPlan p = plan(sel(1, "include", "SH", "SALES") +
                        R"(,{"rule-type":"table-settings","rule-id":"2","rule-name":"r","object-locator":{"schema-name":"SH","table-name":"SALES"},"parallel-load":{"type":"ranges","columns":["RATIO"],"boundaries":[["0.5"]]}})",
                    c);
  EXPECT_TRUE(p.issues.mentions("DMS does not allow floating-point or LOB range columns")) << p.issues.render();
  TaskPlan q = plan(sel(1, "include", "SH", "SALES") +
                        R"(,{"rule-type":"table-settings","rule-id":"2","rule-name":"r","object-locator":{"schema-name":"SH","table-name":"SALES"},"parallel-load":{"type":"ranges","columns":["PROD_ID"],"boundaries":[["100"],["50"]]}})",
                    c);
  EXPECT_TRUE(q.issues.mentions("is not above the previous boundary")) << q.issues.render();
}

TEST(TaskSelection, SampleMappingsEndToEnd) {
  TaskIssues issues;
  auto m = load_table_mappings(data("sales-history-mappings.json"), issues);
  TaskPlan p = plan_task(sh_catalog(), m);
  ASSERT_TRUE(p.ok()) << p.issues.render();
  EXPECT_EQ(names(p), (std::vector<std::string>{"SH.CHANNELS", "SH.COUNTRIES", "SH.SALES"}));
  const PlannedTable& sales = *p.find("SALES");
  EXPECT_EQ(sales.target_schema, "sales_history");
  EXPECT_EQ(sales.target_table, "sales");
  EXPECT_EQ(sales.removed_columns, (std::vector<std::string>{"SALE_COMMENTS"}));
  EXPECT_FALSE(sales.filter.empty());
  EXPECT_EQ(sales.columns.back().target_name, "loaded_at");
}
