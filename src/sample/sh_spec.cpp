#include "sample/sh_spec.h"

#include <stdexcept>
#include <string>

namespace orashift::sample {
namespace {

// TO_NUMBER masks as Oracle's own SH control files use them: the '.' in a mask is a literal
// period, so loading does not depend on the session's NLS_NUMERIC_CHARACTERS.
constexpr std::string_view kMoney = "9999999999.99";

ShColumn num(std::string_view n, int precision = 0, int scale = 0, std::string_view mask = {}) {
  return {n, ShType::Number, precision, scale, true, mask, {}};
}
ShColumn vc(std::string_view n, int bytes) { return {n, ShType::Varchar2, bytes, 0, true, {}, {}}; }
ShColumn ch(std::string_view n, int bytes) { return {n, ShType::Char, bytes, 0, true, {}, {}}; }
ShColumn date(std::string_view n, std::string_view mask = kDateTimeMask) {
  return {n, ShType::Date, 0, 0, true, mask, {}};
}
ShColumn null(ShColumn c) {
  c.not_null = false;
  return c;
}
ShColumn said(ShColumn c, std::string_view comment) {
  c.comment = comment;
  return c;
}

std::vector<ShTable> build() {
  std::vector<ShTable> t;
  t.push_back({"CHANNELS", "channels",
               {said(num("CHANNEL_ID"), "primary key column"),
                said(vc("CHANNEL_DESC", 20), "e.g. Direct Sales, Internet, Catalog"),
                vc("CHANNEL_CLASS", 20), num("CHANNEL_CLASS_ID"), vc("CHANNEL_TOTAL", 13), num("CHANNEL_TOTAL_ID")},
               "CHANNEL_ID", PkStyle::InlineColumn, false,
               "small dimension table: the ways a sale reaches a customer"});
  t.push_back({"COUNTRIES", "countries",
               {said(num("COUNTRY_ID"), "primary key"), said(ch("COUNTRY_ISO_CODE", 2), "ISO 3166-1 alpha-2 code"),
                said(vc("COUNTRY_NAME", 40), "English country name; some are not plain ASCII"),
                vc("COUNTRY_SUBREGION", 30), num("COUNTRY_SUBREGION_ID"), vc("COUNTRY_REGION", 20),
                num("COUNTRY_REGION_ID"), vc("COUNTRY_TOTAL", 11), num("COUNTRY_TOTAL_ID"),
                said(null(vc("COUNTRY_NAME_HIST", 40)), "an earlier or native name, when there is one")},
               "COUNTRY_ID", PkStyle::TableConstraint, false, "country dimension with a region hierarchy"});
  t.push_back({"CUSTOMERS", "customers",
               {said(num("CUST_ID"), "primary key"), vc("CUST_FIRST_NAME", 20), vc("CUST_LAST_NAME", 40),
                said(ch("CUST_GENDER", 1), "M or F"), num("CUST_YEAR_OF_BIRTH", 4),
                said(null(vc("CUST_MARITAL_STATUS", 20)), "may be NULL; an empty string loads as NULL"),
                said(vc("CUST_STREET_ADDRESS", 40), "may hold quotes, the | delimiter and edge spaces"),
                vc("CUST_POSTAL_CODE", 10), vc("CUST_CITY", 30), num("CUST_CITY_ID"),
                vc("CUST_STATE_PROVINCE", 40), num("CUST_STATE_PROVINCE_ID"),
                said(num("COUNTRY_ID"), "foreign key to the countries table"), vc("CUST_MAIN_PHONE_NUMBER", 25),
                null(vc("CUST_INCOME_LEVEL", 30)),
                said(null(num("CUST_CREDIT_LIMIT", 0, 0, "99999999999999.99")),
                     "unconstrained NUMBER: some values have 12 integer digits and a fraction"),
                null(vc("CUST_EMAIL", 50)), vc("CUST_TOTAL", 14), num("CUST_TOTAL_ID"), null(num("CUST_SRC_ID")),
                said(null(date("CUST_EFF_FROM")), "when the row became effective, to the second"),
                null(date("CUST_EFF_TO")), null(vc("CUST_VALID", 1)),
                said(null(num("CUST_LIFETIME_VALUE", 14, 4, "9999999999.9999")),
                     "the customer's lifetime value; not in Oracle's SH, added to exercise NUMBER(14,4)")},
               "CUST_ID", PkStyle::AlterTable, false, "dimension table of customers"});
  t.push_back({"PRODUCTS", "products",
               {said(num("PROD_ID", 6), "primary key"), vc("PROD_NAME", 50), vc("PROD_DESC", 4000),
                vc("PROD_SUBCATEGORY", 50), num("PROD_SUBCATEGORY_ID"), vc("PROD_SUBCATEGORY_DESC", 2000),
                vc("PROD_CATEGORY", 50), num("PROD_CATEGORY_ID"), vc("PROD_CATEGORY_DESC", 2000),
                num("PROD_WEIGHT_CLASS", 3), null(vc("PROD_UNIT_OF_MEASURE", 20)), vc("PROD_PACK_SIZE", 30),
                num("SUPPLIER_ID", 6), vc("PROD_STATUS", 20), num("PROD_LIST_PRICE", 8, 2, "999999.99"),
                num("PROD_MIN_PRICE", 8, 2, "999999.99"), vc("PROD_TOTAL", 13), num("PROD_TOTAL_ID"),
                null(num("PROD_SRC_ID")), null(date("PROD_EFF_FROM")), null(date("PROD_EFF_TO")),
                null(vc("PROD_VALID", 1))},
               "PROD_ID", PkStyle::AlterTable, false, "dimension table of products"});
  t.push_back({"PROMOTIONS", "promotions",
               {said(num("PROMO_ID", 6), "primary key; 999 means no promotion"), vc("PROMO_NAME", 30),
                vc("PROMO_SUBCATEGORY", 30), num("PROMO_SUBCATEGORY_ID"), vc("PROMO_CATEGORY", 30),
                num("PROMO_CATEGORY_ID"), num("PROMO_COST", 10, 2, kMoney),
                said(date("PROMO_BEGIN_DATE"), "start of the promotion, to the second"), date("PROMO_END_DATE"),
                vc("PROMO_TOTAL", 15), num("PROMO_TOTAL_ID")},
               "PROMO_ID", PkStyle::AlterTable, false, "dimension table of promotions"});
  t.push_back({"TIMES", "times",
               {said(date("TIME_ID"), "primary key; one row per day"), vc("DAY_NAME", 9),
                said(num("DAY_NUMBER_IN_WEEK", 1), "1 (Monday) to 7 (Sunday)"), num("DAY_NUMBER_IN_MONTH", 2),
                said(num("CALENDAR_WEEK_NUMBER", 2), "ISO 8601 week number, 1 to 53"),
                said(num("FISCAL_WEEK_NUMBER", 2), "week of the fiscal year, counted from July 1st"),
                date("WEEK_ENDING_DAY"), num("WEEK_ENDING_DAY_ID"), num("CALENDAR_MONTH_NUMBER", 2),
                num("FISCAL_MONTH_NUMBER", 2), vc("CALENDAR_MONTH_DESC", 8), num("CALENDAR_MONTH_ID"),
                vc("FISCAL_MONTH_DESC", 8), num("FISCAL_MONTH_ID"), num("DAYS_IN_CAL_MONTH"),
                num("DAYS_IN_FIS_MONTH"), date("END_OF_CAL_MONTH"), date("END_OF_FIS_MONTH"),
                vc("CALENDAR_MONTH_NAME", 9), vc("FISCAL_MONTH_NAME", 9), ch("CALENDAR_QUARTER_DESC", 7),
                num("CALENDAR_QUARTER_ID"), ch("FISCAL_QUARTER_DESC", 7), num("FISCAL_QUARTER_ID"),
                num("DAYS_IN_CAL_QUARTER"), num("DAYS_IN_FIS_QUARTER"), date("END_OF_CAL_QUARTER"),
                date("END_OF_FIS_QUARTER"), num("CALENDAR_QUARTER_NUMBER", 1), num("FISCAL_QUARTER_NUMBER", 1),
                num("CALENDAR_YEAR", 4), num("CALENDAR_YEAR_ID"),
                said(num("FISCAL_YEAR", 4), "fiscal years run July 1st to June 30th and are named by the year they end"),
                num("FISCAL_YEAR_ID"), num("DAYS_IN_CAL_YEAR"), num("DAYS_IN_FIS_YEAR"), date("END_OF_CAL_YEAR"),
                date("END_OF_FIS_YEAR")},
               "TIME_ID", PkStyle::TableConstraint, false, "time dimension: one row per day, with fiscal fields"});
  t.push_back({"COSTS", "costs",
               {num("PROD_ID"), date("TIME_ID"), num("PROMO_ID"), num("CHANNEL_ID"),
                num("UNIT_COST", 10, 2, kMoney), num("UNIT_PRICE", 10, 2, kMoney)},
               {}, PkStyle::None, true, "fact table of unit costs and prices"});
  t.push_back({"SALES", "sales",
               {said(num("PROD_ID"), "foreign key to the products table"),
                said(num("CUST_ID"), "foreign key to the customers table"),
                said(date("TIME_ID", kDateMask), "foreign key to the times table; a day, no time of day"),
                said(num("CHANNEL_ID"), "foreign key to the channels table"),
                said(num("PROMO_ID"), "foreign key to the promotions table"),
                said(num("QUANTITY_SOLD", 10, 2, kMoney), "units sold; a few are fractional"),
                said(num("AMOUNT_SOLD", 10, 2, kMoney), "invoiced amount to the customer, in dollars")},
               {}, PkStyle::None, true, "fact table of sales lines, without a primary key (as in SH)"});
  return t;
}

}  // namespace

int ShTable::index_of(std::string_view column) const {
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i].name == column) return static_cast<int>(i);
  return -1;
}

const std::vector<ShTable>& sh_tables() {
  static const std::vector<ShTable> tables = build();
  return tables;
}

const ShTable& sh_table(std::string_view name) {
  for (const auto& t : sh_tables())
    if (t.name == name) return t;
  throw std::out_of_range("no sample table " + std::string(name));
}

}  // namespace orashift::sample
