#include <algorithm>
#include <cctype>
#include <cstdio>

#include "sample/sh_calendar.h"
#include "sample/sh_text.h"

namespace orashift::sample {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string sql_literal(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

std::string pad(std::string s, size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

std::string to_date(int year, int month) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "TO_DATE('%04d-%02d-01 00:00:00','SYYYY-MM-DD HH24:MI:SS','NLS_CALENDAR=GREGORIAN')",
                year, month);
  return buf;
}

// One partition for the (empty) history before the data, then one per quarter of the data.
std::string partitions(std::string_view table) {
  const std::string t = lower(table);
  std::string s = "  PARTITION BY RANGE (time_id)\n";
  s += "  ( PARTITION " + t + "_" + std::to_string(kFirstYear - 1) + " VALUES LESS THAN\n      (" +
       to_date(kFirstYear, 1) + ")";
  for (int y = kFirstYear; y <= kLastYear; ++y)
    for (int q = 1; q <= 4; ++q) {
      const int next_year = q == 4 ? y + 1 : y;
      const int next_month = q == 4 ? 1 : q * 3 + 1;
      s += ",\n    PARTITION " + t + "_q" + std::to_string(q) + "_" + std::to_string(y) + " VALUES LESS THAN\n      (" +
           to_date(next_year, next_month) + ")";
    }
  return s + ");\n";
}

std::string create_table(const ShTable& t) {
  const std::string name = lower(t.name);
  std::string s = "CREATE TABLE " + name + " (\n";
  for (size_t i = 0; i < t.columns.size(); ++i) {
    const ShColumn& c = t.columns[i];
    std::string line = "    " + pad(lower(c.name), 26) + pad(oracle_type(c), 16);
    if (c.not_null) line += "NOT NULL";
    if (t.pk_style == PkStyle::InlineColumn && c.name == t.pk_column) line += " CONSTRAINT " + name + "_pk PRIMARY KEY";
    while (!line.empty() && line.back() == ' ') line.pop_back();
    s += line;
    if (i + 1 < t.columns.size() || t.pk_style == PkStyle::TableConstraint) s += ",";
    s += "\n";
  }
  if (t.pk_style == PkStyle::TableConstraint)
    s += "    CONSTRAINT " + name + "_pk PRIMARY KEY (" + lower(t.pk_column) + ")\n";
  if (!t.partitioned) return s + ");\n";
  s += ")\n  PCTFREE 5 NOLOGGING COMPRESS\n";
  return s + partitions(t.name);
}

std::string alter_primary_key(const ShTable& t) {
  const std::string name = lower(t.name);
  return "ALTER TABLE " + name + "\n  ADD CONSTRAINT " + name + "_pk\n  PRIMARY KEY (" + lower(t.pk_column) +
         ")\n  ENABLE VALIDATE;\n";
}

struct ForeignKey {
  std::string_view child, column, parent, name, state;
};

// The fact tables' keys are ENABLE NOVALIDATE as warehouses often declare them; the
// dimension's key keeps Oracle's default state, so both forms appear.
constexpr ForeignKey kForeignKeys[] = {
    {"customers", "country_id", "countries", "customers_country_fk", ""},
    {"sales", "prod_id", "products", "sales_product_fk", "ENABLE NOVALIDATE"},
    {"sales", "cust_id", "customers", "sales_customer_fk", "ENABLE NOVALIDATE"},
    {"sales", "time_id", "times", "sales_time_fk", "ENABLE NOVALIDATE"},
    {"sales", "channel_id", "channels", "sales_channel_fk", "ENABLE NOVALIDATE"},
    {"sales", "promo_id", "promotions", "sales_promo_fk", "ENABLE NOVALIDATE"},
    {"costs", "prod_id", "products", "costs_product_fk", "ENABLE NOVALIDATE"},
    {"costs", "time_id", "times", "costs_time_fk", "ENABLE NOVALIDATE"},
    {"costs", "channel_id", "channels", "costs_channel_fk", "ENABLE NOVALIDATE"},
    {"costs", "promo_id", "promotions", "costs_promo_fk", "ENABLE NOVALIDATE"},
};

std::string foreign_key(const ForeignKey& fk) {
  std::string s = "ALTER TABLE " + std::string(fk.child) + "\n  ADD CONSTRAINT " + std::string(fk.name) +
                  "\n  FOREIGN KEY (" + std::string(fk.column) + ") REFERENCES " + std::string(fk.parent) + " (" +
                  std::string(fk.column) + ")";
  if (!fk.state.empty()) s += "\n  " + std::string(fk.state);
  return s + ";\n";
}

std::string bitmap_index(std::string_view table, std::string_view column, std::string_view name) {
  return "CREATE BITMAP INDEX " + std::string(name) + "\n       ON " + std::string(table) + " (" + std::string(column) +
         ")\n       LOCAL NOLOGGING COMPUTE STATISTICS;\n";
}

std::string comments(const ShTable& t) {
  const std::string name = lower(t.name);
  std::string s = "COMMENT ON TABLE " + name + "\nIS " + sql_literal(t.comment) + ";\n\n";
  for (const ShColumn& c : t.columns)
    if (!c.comment.empty())
      s += "COMMENT ON COLUMN " + name + "." + lower(c.name) + "\nIS " + sql_literal(c.comment) + ";\n\n";
  return s;
}

}  // namespace

std::string oracle_type(const ShColumn& c) {
  switch (c.type) {
    case ShType::Number:
      if (c.size == 0) return "NUMBER";
      if (c.scale == 0) return "NUMBER(" + std::to_string(c.size) + ")";
      return "NUMBER(" + std::to_string(c.size) + "," + std::to_string(c.scale) + ")";
    case ShType::Varchar2:
      return "VARCHAR2(" + std::to_string(c.size) + ")";
    case ShType::Char:
      return "CHAR(" + std::to_string(c.size) + ")";
    case ShType::Date:
      return "DATE";
  }
  return "";
}

std::string sh_schema_sql() {
  std::string s =
      "REM sh_schema.sql - an SH-shaped sales history star schema.\n"
      "REM\n"
      "REM Written by `orashift sample sh`, modelled on the shape of Oracle's SH sample\n"
      "REM schema; the script and its data are ours, not Oracle's files.\n"
      "REM Creates the tables, constraints, indexes and comments. Then load each table\n"
      "REM with SQL*Loader, parents first: sqlldr control=<table>.ctl, in the order\n"
      "REM channels, countries, customers, products, promotions, times, costs, sales.\n"
      "REM\n"
      "SET FEEDBACK 1\n"
      "SET NUMWIDTH 10\n"
      "SET LINESIZE 80\n"
      "SET TRIMSPOOL ON\n"
      "SET TAB OFF\n"
      "SET PAGESIZE 100\n"
      "\n"
      "PROMPT\n"
      "PROMPT Creating tables ...\n\n";
  for (const ShTable& t : sh_tables()) s += create_table(t) + "\n";

  s += "PROMPT\nPROMPT Creating constraints ...\n\n";
  for (const ShTable& t : sh_tables())
    if (t.pk_style == PkStyle::AlterTable) s += alter_primary_key(t) + "\n";
  for (const ForeignKey& fk : kForeignKeys) s += foreign_key(fk) + "\n";

  s += "PROMPT\nPROMPT Creating indexes ...\n\n";
  s += "REM bitmap indexes on the foreign keys of the fact table SALES\n";
  s += bitmap_index("sales", "prod_id", "sales_prod_bix");
  s += bitmap_index("sales", "cust_id", "sales_cust_bix");
  s += bitmap_index("sales", "time_id", "sales_time_bix");
  s += bitmap_index("sales", "channel_id", "sales_channel_bix");
  s += bitmap_index("sales", "promo_id", "sales_promo_bix");
  s += "\nREM and on the fact table COSTS\n";
  s += bitmap_index("costs", "prod_id", "costs_prod_bix");
  s += bitmap_index("costs", "time_id", "costs_time_bix");
  s += "\nREM b-tree indexes on dimension attributes\n";
  s += "CREATE INDEX customers_country_ix\n       ON customers (country_id)\n       NOLOGGING COMPUTE STATISTICS;\n";
  s += "CREATE INDEX products_prod_cat_ix\n       ON products (prod_category, prod_subcategory)\n"
       "       NOLOGGING COMPUTE STATISTICS;\n\n";

  s += "PROMPT\nPROMPT Adding comments ...\n\n";
  for (const ShTable& t : sh_tables()) s += comments(t);
  s += "PROMPT\nPROMPT Done.\n";
  return s;
}

}  // namespace orashift::sample
