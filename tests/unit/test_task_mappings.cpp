// DMS table mappings: parsing and validation (load/task/table_mappings.h, wildcard.h).
#include <gtest/gtest.h>

#include "load/task/table_mappings.h"
#include "load/task/wildcard.h"

using namespace orashift;

namespace {

std::string data(const char* name) { return std::string(ORASHIFT_SOURCE_DIR) + "/tests/data/tasks/" + name; }

TableMappings parse(const std::string& text, TaskIssues& issues, MappingOptions opt = {}) {
  return parse_table_mappings_text(text, issues, opt);
}

// One rule inside {"rules":[...]}, with a selection rule first when `rule` is not one.
std::string rules(const std::string& body) { return R"({"rules":[)" + body + "]}"; }
const char* kSelectAll =
    R"({"rule-type":"selection","rule-id":"1","rule-name":"1","object-locator":{"schema-name":"SH","table-name":"%"},"rule-action":"include"})";

bool match(const char* pattern, const char* name, char escape = 0) {
  auto p = NamePattern::compile(pattern, escape);
  EXPECT_TRUE(p.has_value()) << pattern;
  return p && p->matches(name);
}

}  // namespace

TEST(TaskWildcard, PercentMatchesAnyRun) {
  EXPECT_TRUE(match("%", ""));
  EXPECT_TRUE(match("%", "SALES"));
  EXPECT_TRUE(match("SH%", "SH"));
  EXPECT_TRUE(match("SH%", "SH_ARCHIVE"));
  EXPECT_FALSE(match("SH%", "XSH"));
  EXPECT_TRUE(match("%SALES%", "MY_SALES_2001"));
  EXPECT_TRUE(match("S%S", "SALES"));
  EXPECT_FALSE(match("S%S", "SALE"));
}

TEST(TaskWildcard, UnderscoreMatchesExactlyOneCharacter) {
  EXPECT_TRUE(match("SALE_", "SALES"));
  EXPECT_FALSE(match("SALE_", "SALE"));
  EXPECT_FALSE(match("SALE_", "SALESX"));
  EXPECT_TRUE(match("T_ST", "T_ST"));
  EXPECT_TRUE(match("T_ST", "TEST"));
}

TEST(TaskWildcard, BracketSetsAndRanges) {
  EXPECT_TRUE(match("[ab]X", "aX"));
  EXPECT_TRUE(match("[ab]X", "bX"));
  EXPECT_FALSE(match("[ab]X", "cX"));
  EXPECT_TRUE(match("T[a-c]", "Tb"));
  EXPECT_TRUE(match("T[a-c]", "Tc"));
  EXPECT_FALSE(match("T[a-c]", "Td"));
  EXPECT_TRUE(match("T[A-CX]%", "TX1"));
  // [_] is DMS's literal underscore.
  EXPECT_TRUE(match("STG[_]%", "STG_SALES"));
  EXPECT_FALSE(match("STG[_]%", "STGXSALES"));
  EXPECT_TRUE(NamePattern::compile("STG[_]SALES")->is_literal());
  EXPECT_FALSE(NamePattern::compile("STG_SALES")->is_literal());
}

TEST(TaskWildcard, IsCaseSensitive) {
  EXPECT_FALSE(match("sh%", "SH"));
  EXPECT_FALSE(match("Sales", "SALES"));
  EXPECT_TRUE(match("SALES", "SALES"));
}

TEST(TaskWildcard, EscapeCharacterMakesWildcardLiteral) {
  // DMS's example: escapeCharacter=# and "TEST#_T%" selects names starting with TEST_T.
  EXPECT_TRUE(match("TEST#_T%", "TEST_TABLE", '#'));
  EXPECT_FALSE(match("TEST#_T%", "TESTXTABLE", '#'));
  EXPECT_TRUE(match("100#%", "100%", '#'));
  EXPECT_FALSE(match("100#%", "1000", '#'));
  // Without an escape character '#' is an ordinary character.
  EXPECT_TRUE(match("A#B", "A#B"));
}

TEST(TaskWildcard, BadBracketsAreRejected) {
  std::string err;
  EXPECT_FALSE(NamePattern::compile("T[ab", 0, &err));
  EXPECT_NE(err.find("unterminated"), std::string::npos);
  EXPECT_FALSE(NamePattern::compile("T[]", 0, &err));
}

TEST(TaskMappings, WalkthroughRuleParses) {
  TaskIssues issues;
  TableMappings m = load_table_mappings(data("walkthrough-mappings.json"), issues);
  ASSERT_TRUE(issues.items().empty()) << issues.render();
  ASSERT_EQ(m.rules.size(), 1u);
  const MappingRule& r = m.rules[0];
  EXPECT_EQ(r.type, RuleType::Selection);
  EXPECT_EQ(r.id, 1);
  EXPECT_EQ(r.selection.action, SelectionAction::Include);
  EXPECT_EQ(r.selection.table_type, TableType::Table);
  EXPECT_TRUE(r.locator.schema->matches("SH"));
  EXPECT_TRUE(r.locator.table->matches("SALES"));
}

TEST(TaskMappings, EveryRuleKindOfTheSampleParses) {
  TaskIssues issues;
  TableMappings m = load_table_mappings(data("sales-history-mappings.json"), issues);
  ASSERT_FALSE(issues.has_errors()) << issues.render();
  ASSERT_EQ(m.rules.size(), 9u);
  EXPECT_EQ(m.rules[1].selection.action, SelectionAction::Exclude);
  EXPECT_EQ(m.rules[2].selection.action, SelectionAction::Explicit);
  EXPECT_EQ(m.rules[2].selection.load_order, 10);
  ASSERT_EQ(m.rules[3].selection.filters.size(), 1u);
  EXPECT_EQ(m.rules[3].selection.filters[0].conditions[0].op, FilterOperator::Gte);
  EXPECT_EQ(m.rules[4].transformation.target, TransformTarget::Schema);
  EXPECT_EQ(m.rules[7].transformation.action, TransformAction::AddColumn);
  EXPECT_EQ(m.rules[7].transformation.data_type->text(), "datetime(6)");
  EXPECT_EQ(m.rules[7].transformation.expression, "datetime('now')");
  const auto& ts = m.rules[8].table_settings;
  ASSERT_TRUE(ts.parallel_load);
  EXPECT_EQ(ts.parallel_load->type, ParallelLoadType::Ranges);
  EXPECT_EQ(ts.parallel_load->boundaries.size(), 2u);
  ASSERT_TRUE(ts.lob_settings);
  EXPECT_EQ(ts.lob_settings->bulk_max_size_kb, 64);
}

TEST(TaskMappings, InvalidActionNamesPathRuleAndAllowedValues) {
  TaskIssues issues;
  load_table_mappings(data("bad-mappings.json"), issues);
  EXPECT_TRUE(issues.mentions("rules[1].rule-action: \"inclde\" is not one of include, exclude, explicit (rule-id 4)",
                              Severity::Error))
      << issues.render();
  // The unknown key is a warning that names it and suggests the right one; the rule then
  // lacks its table-name, which is an error.
  EXPECT_TRUE(issues.mentions("rules[0].object-locator.tabel-name: unknown key \"tabel-name\", ignored (did you mean \"table-name\"?)",
                              Severity::Warning))
      << issues.render();
  EXPECT_TRUE(issues.mentions("rules[0].object-locator.table-name: is required", Severity::Error)) << issues.render();
}

TEST(TaskMappings, RuleIdMayBeANumberAndMustBeUnique) {
  TaskIssues issues;
  auto m = parse(rules(R"({"rule-type":"selection","rule-id":7,"rule-name":"a","object-locator":{"schema-name":"SH","table-name":"%"},"rule-action":"include"},
                        {"rule-type":"selection","rule-id":"7","rule-name":"b","object-locator":{"schema-name":"SH","table-name":"X"},"rule-action":"exclude"})"),
                 issues);
  EXPECT_EQ(m.rules[0].id, 7);
  EXPECT_TRUE(issues.mentions("rules[1].rule-id: duplicates the rule-id of rules[0]", Severity::Error)) << issues.render();

  TaskIssues bad;
  parse(rules(R"({"rule-type":"selection","rule-id":"one","rule-name":"a","object-locator":{"schema-name":"SH","table-name":"%"},"rule-action":"include"})"),
        bad);
  EXPECT_TRUE(bad.mentions("rules[0].rule-id: expected an integer, found \"one\"")) << bad.render();
}

TEST(TaskMappings, RuleTypeAndSelectionRequired) {
  TaskIssues issues;
  parse(rules(R"({"rule-type":"selektion","rule-id":"1","rule-name":"1"})"), issues);
  EXPECT_TRUE(issues.mentions("rules[0].rule-type: \"selektion\" is not one of selection, transformation, table-settings"))
      << issues.render();

  TaskIssues none;
  parse(rules(R"({"rule-type":"transformation","rule-id":"1","rule-name":"1","rule-target":"schema","object-locator":{"schema-name":"SH"},"rule-action":"convert-lowercase"})"),
        none);
  EXPECT_TRUE(none.mentions("at least one selection rule is required")) << none.render();

  TaskIssues syntax;
  parse("{\"rules\": [", syntax);
  EXPECT_TRUE(syntax.mentions("invalid JSON")) << syntax.render();
}

TEST(TaskMappings, TableTypeValues) {
  TaskIssues issues;
  auto m = parse(rules(R"({"rule-type":"selection","rule-id":"1","rule-name":"1","object-locator":{"schema-name":"SH","table-name":"%","table-type":"all"},"rule-action":"include"})"),
                 issues);
  ASSERT_FALSE(issues.has_errors()) << issues.render();
  EXPECT_EQ(m.rules[0].selection.table_type, TableType::All);
  TaskIssues bad;
  parse(rules(R"({"rule-type":"selection","rule-id":"1","rule-name":"1","object-locator":{"schema-name":"SH","table-name":"%","table-type":"tables"},"rule-action":"include"})"),
        bad);
  EXPECT_TRUE(bad.mentions("rules[0].object-locator.table-type: \"tables\" is not one of table, view, all")) << bad.render();
}

TEST(TaskMappings, ExplicitRulesTakeExactNames) {
  TaskIssues issues;
  auto m = parse(rules(R"({"rule-type":"selection","rule-id":"1","rule-name":"1","object-locator":{"schema-name":"SH","table-name":"SALE_"},"rule-action":"explicit"})"),
                 issues);
  ASSERT_FALSE(issues.has_errors());
  EXPECT_TRUE(m.rules[0].locator.table->matches("SALE_"));
  EXPECT_FALSE(m.rules[0].locator.table->matches("SALES"));
}

TEST(TaskMappings, FilterOperatorsAndTheirValues) {
  TaskIssues issues;
  auto m = parse(rules(R"({"rule-type":"selection","rule-id":"1","rule-name":"1",
    "object-locator":{"schema-name":"SH","table-name":"SALES"},"rule-action":"include",
    "filters":[{"filter-type":"source","column-name":"A","filter-conditions":[
      {"filter-operator":"eq","value":"1"},{"filter-operator":"gte","value":2},{"filter-operator":"lte","value":"3"},
      {"filter-operator":"ste","value":"4"},{"filter-operator":"between","start-value":"5","end-value":"6"},
      {"filter-operator":"null"}]},
      {"filter-type":"source","column-name":"B","filter-conditions":[{"filter-operator":"notbetween","start-value":"1","end-value":"2"}]},
      {"filter-type":"source","column-name":"C","filter-conditions":[{"filter-operator":"noteq","value":"x"}]},
      {"filter-type":"source","column-name":"D","filter-conditions":[{"filter-operator":"notnull"}]}]})"),
                 issues);
  ASSERT_FALSE(issues.has_errors()) << issues.render();
  const auto& f = m.rules[0].selection.filters;
  ASSERT_EQ(f.size(), 4u);
  ASSERT_EQ(f[0].conditions.size(), 6u);
  EXPECT_EQ(f[0].conditions[1].value, "2");  // numbers are accepted and kept as text
  EXPECT_EQ(f[0].conditions[3].op, FilterOperator::Lte);  // ste is lte's alias
  EXPECT_EQ(f[0].conditions[4].start_value, "5");
  EXPECT_EQ(f[0].conditions[4].end_value, "6");
  EXPECT_EQ(f[1].conditions[0].op, FilterOperator::NotBetween);
  EXPECT_EQ(f[2].conditions[0].op, FilterOperator::NotEq);
  EXPECT_EQ(f[3].conditions[0].op, FilterOperator::NotNull);
}

TEST(TaskMappings, FilterErrors) {
  TaskIssues issues;
  parse(rules(R"({"rule-type":"selection","rule-id":"3","rule-name":"1",
    "object-locator":{"schema-name":"SH","table-name":"SALES"},"rule-action":"include",
    "filters":[{"filter-type":"source","column-name":"A","filter-conditions":[{"filter-operator":"like","value":"1"}]},
               {"filter-type":"target","column-name":"A","filter-conditions":[{"filter-operator":"eq","value":"1"}]},
               {"filter-type":"source","column-name":"A","filter-conditions":[{"filter-operator":"between","start-value":"1"}]},
               {"filter-type":"source","column-name":"A","filter-conditions":[{"filter-operator":"noteq","value":"1"},{"filter-operator":"noteq","value":"2"}]}]})"),
        issues);
  EXPECT_TRUE(issues.mentions(
      "rules[0].filters[0].filter-conditions[0].filter-operator: \"like\" is not one of eq, noteq, gte, lte, ste, between, notbetween, null, notnull (rule-id 3)"))
      << issues.render();
  EXPECT_TRUE(issues.mentions("rules[0].filters[1].filter-type: \"target\" is not one of source")) << issues.render();
  EXPECT_TRUE(issues.mentions("rules[0].filters[2].filter-conditions[0].end-value: is required")) << issues.render();
  EXPECT_TRUE(issues.mentions("must have exactly one condition")) << issues.render();
}

TEST(TaskMappings, EveryTransformationActionParses) {
  const char* actions[] = {"rename", "convert-lowercase", "convert-uppercase", "add-prefix", "remove-prefix",
                           "replace-prefix", "add-suffix", "remove-suffix", "replace-suffix"};
  for (const char* target : {"schema", "table", "column"}) {
    for (const char* a : actions) {
      std::string loc = std::string(R"({"schema-name":"SH")") + (std::string(target) != "schema" ? R"(,"table-name":"%")" : "") +
                        (std::string(target) == "column" ? R"(,"column-name":"%")" : "") + "}";
      std::string rule = std::string(R"({"rule-type":"transformation","rule-id":"2","rule-name":"t","rule-target":")") + target +
                         R"(","object-locator":)" + loc + R"(,"rule-action":")" + a + R"(","value":"X_","old-value":"Y_"})";
      TaskIssues issues;
      auto m = parse(rules(std::string(kSelectAll) + "," + rule), issues);
      EXPECT_FALSE(issues.has_errors()) << target << " " << a << "\n" << issues.render();
      ASSERT_EQ(m.rules.size(), 2u) << a;
      EXPECT_STREQ(transform_action_name(m.rules[1].transformation.action), a);
    }
  }
  struct Case { const char* action; const char* target; const char* extra; };
  const Case column_cases[] = {
      {"remove-column", "column", R"("object-locator":{"schema-name":"SH","table-name":"T","column-name":"C"})"},
      {"include-column", "column", R"("object-locator":{"schema-name":"SH","table-name":"T","column-name":"C"})"},
      {"add-column", "column", R"("object-locator":{"schema-name":"SH","table-name":"T"},"value":"N","expression":"$A || $B","data-type":{"type":"string","length":50})"},
      {"change-data-type", "column", R"("object-locator":{"schema-name":"SH","table-name":"T","column-name":"C"},"data-type":{"type":"numeric","precision":10,"scale":2})"},
      {"define-primary-key", "table", R"("object-locator":{"schema-name":"SH","table-name":"T"},"primary-key-def":{"name":"T_PK","origin":"unique-index","columns":["A","B"]})"},
  };
  for (const auto& c : column_cases) {
    std::string rule = std::string(R"({"rule-type":"transformation","rule-id":"2","rule-name":"t","rule-target":")") + c.target +
                       R"(","rule-action":")" + c.action + "\"," + c.extra + "}";
    TaskIssues issues;
    auto m = parse(rules(std::string(kSelectAll) + "," + rule), issues);
    EXPECT_TRUE(issues.items().empty()) << c.action << "\n" << issues.render();
    ASSERT_EQ(m.rules.size(), 2u) << c.action;
    const auto& t = m.rules[1].transformation;
    EXPECT_STREQ(transform_action_name(t.action), c.action);
    if (t.action == TransformAction::AddColumn) {
      EXPECT_EQ(t.value, "N");
      EXPECT_EQ(t.expression, "$A || $B");
      EXPECT_EQ(t.data_type->text(), "string(50)");
    }
    if (t.action == TransformAction::ChangeDataType) {
      EXPECT_EQ(t.data_type->text(), "numeric(10,2)");
    }
    if (t.action == TransformAction::DefinePrimaryKey) {
      EXPECT_EQ(t.primary_key->name, "T_PK");
      EXPECT_TRUE(t.primary_key->unique_index);
      EXPECT_EQ(t.primary_key->columns.size(), 2u);
    }
  }
}

TEST(TaskMappings, TransformationErrors) {
  auto one = [](const std::string& rule) {
    TaskIssues issues;
    parse(rules(std::string(kSelectAll) + "," + rule), issues);
    return issues;
  };
  auto i1 = one(R"({"rule-type":"transformation","rule-id":"5","rule-name":"t","rule-target":"table","object-locator":{"schema-name":"SH","table-name":"T"},"rule-action":"remove-column"})");
  EXPECT_TRUE(i1.mentions("rules[1].rule-target: \"table\" does not fit rule-action remove-column, which needs column (rule-id 5)"))
      << i1.render();
  auto i2 = one(R"({"rule-type":"transformation","rule-id":"5","rule-name":"t","rule-target":"table","object-locator":{"schema-name":"SH","table-name":"T"},"rule-action":"add-prefix"})");
  EXPECT_TRUE(i2.mentions("rules[1].value: is required")) << i2.render();
  auto i3 = one(R"({"rule-type":"transformation","rule-id":"5","rule-name":"t","rule-target":"column","object-locator":{"schema-name":"SH","table-name":"T","column-name":"C"},"rule-action":"change-data-type","data-type":{"type":"varchar"}})");
  EXPECT_TRUE(i3.mentions("rules[1].data-type.type: \"varchar\" is not one of string, wstring")) << i3.render();
  auto i4 = one(R"({"rule-type":"transformation","rule-id":"5","rule-name":"t","rule-target":"column","object-locator":{"schema-name":"SH","table-name":"T"},"rule-action":"rename","value":"x"})");
  EXPECT_TRUE(i4.mentions("rules[1].object-locator.column-name: is required when rule-target is column")) << i4.render();
  auto i5 = one(R"({"rule-type":"transformation","rule-id":"5","rule-name":"t","rule-target":"column","object-locator":{"schema-name":"SH","table-name":"T","column-name":"C"},"rule-action":"data-masking-hash-mask"})");
  EXPECT_TRUE(i5.mentions("not supported by orashift")) << i5.render();
  auto i6 = one(R"({"rule-type":"transformation","rule-id":"5","rule-name":"t","rule-target":"table","object-locator":{"schema-name":"SH","table-name":"T"},"rule-action":"replace-suffix","value":"_N"})");
  EXPECT_TRUE(i6.mentions("rules[1].old-value: is required")) << i6.render();
  auto i7 = one(R"({"rule-type":"transformation","rule-id":"5","rule-name":"t","rule-target":"table","object-locator":{"schema-name":"SH","table-name":"T"},"rule-action":"define-primary-key","primary-key-def":{"name":"P","columns":[]}})");
  EXPECT_TRUE(i7.mentions("needs at least one column")) << i7.render();
}

TEST(TaskMappings, TableSettingsValidation) {
  auto one = [](const std::string& rule) {
    TaskIssues issues;
    auto m = parse(rules(std::string(kSelectAll) + "," + rule), issues);
    return std::make_pair(m, issues);
  };
  auto [m1, i1] = one(R"({"rule-type":"table-settings","rule-id":"9","rule-name":"p","object-locator":{"schema-name":"SH","table-name":"SALES"},"parallel-load":{"type":"partitions-list","partitions":["P1","P2"]}})");
  ASSERT_FALSE(i1.has_errors()) << i1.render();
  EXPECT_EQ(m1.rules[1].table_settings.parallel_load->partitions.size(), 2u);

  auto [m2, i2] = one(R"({"rule-type":"table-settings","rule-id":"9","rule-name":"p","object-locator":{"schema-name":"SH","table-name":"SALES"},"parallel-load":{"type":"range"}})");
  EXPECT_TRUE(i2.mentions("rules[1].parallel-load.type: \"range\" is not one of none, partitions-auto, subpartitions-auto, partitions-list, ranges (rule-id 9)"))
      << i2.render();
  auto [m3, i3] = one(R"({"rule-type":"table-settings","rule-id":"9","rule-name":"p","object-locator":{"schema-name":"SH","table-name":"SALES"},"parallel-load":{"type":"ranges","columns":["A","B"],"boundaries":[["1","2"],["3"]]}})");
  EXPECT_TRUE(i3.mentions("rules[1].parallel-load.boundaries[1]: has 1 values for 2 columns")) << i3.render();
  auto [m4, i4] = one(R"({"rule-type":"table-settings","rule-id":"9","rule-name":"p","object-locator":{"schema-name":"SH","table-name":"SALES"},"lob-settings":{"mode":"limited"}})");
  EXPECT_TRUE(i4.mentions("limited mode needs a non-zero bulk-max-size")) << i4.render();
  auto [m5, i5] = one(R"({"rule-type":"table-settings","rule-id":"9","rule-name":"p","object-locator":{"schema-name":"SH","table-name":"SALES"},"lob-settings":{"mode":"full","bulk-max-size":4}})");
  EXPECT_TRUE(i5.mentions("rules[1].lob-settings.mode: \"full\" is not one of limited, unlimited, none")) << i5.render();
  auto [m6, i6] = one(R"({"rule-type":"table-settings","rule-id":"9","rule-name":"p","object-locator":{"schema-name":"SH","table-name":"SALES"},"parallel-load":{"type":"partitions-auto"},"lob-settings":{"mode":"unlimited","bulk-max-size":0}})");
  ASSERT_FALSE(i6.has_errors()) << i6.render();
  EXPECT_EQ(m6.rules[1].table_settings.lob_settings->mode, LobMode::Unlimited);
}

TEST(TaskMappings, UnknownKeysWarnOnly) {
  TaskIssues issues;
  auto m = parse(R"({"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"1","rule-acton":"x",
                     "object-locator":{"schema-name":"SH","table-name":"%"},"rule-action":"include"}],"version":2})",
                 issues);
  EXPECT_FALSE(issues.has_errors()) << issues.render();
  EXPECT_EQ(m.rules.size(), 1u);
  EXPECT_TRUE(issues.mentions("rules[0].rule-acton: unknown key \"rule-acton\", ignored (did you mean \"rule-action\"?)",
                              Severity::Warning))
      << issues.render();
  EXPECT_TRUE(issues.mentions("version: unknown key", Severity::Warning)) << issues.render();
}
