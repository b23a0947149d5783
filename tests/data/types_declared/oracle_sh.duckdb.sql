-- orashift: Oracle → duckdb

CREATE TABLE "sales" (
  "prod_id" INTEGER NOT NULL,
  "cust_id" NUMERIC(38,10) NOT NULL,
  "time_id" TIMESTAMP NOT NULL,
  "channel_id" NUMERIC(38,10) NOT NULL,
  "promo_id" INTEGER NOT NULL,
  "quantity_sold" NUMERIC(10,2) NOT NULL,
  "amount_sold" NUMERIC(10,2) NOT NULL
);

CREATE TABLE "costs" (
  "prod_id" INTEGER NOT NULL,
  "time_id" TIMESTAMP NOT NULL,
  "promo_id" INTEGER NOT NULL,
  "channel_id" NUMERIC(38,10) NOT NULL,
  "unit_cost" NUMERIC(10,2) NOT NULL,
  "unit_price" NUMERIC(10,2) NOT NULL
);

CREATE TABLE "times" (
  "time_id" TIMESTAMP NOT NULL,
  "day_name" VARCHAR NOT NULL,
  "day_number_in_week" SMALLINT NOT NULL,
  "day_number_in_month" SMALLINT NOT NULL,
  "calendar_week_number" SMALLINT NOT NULL,
  "fiscal_week_number" SMALLINT NOT NULL,
  "week_ending_day" TIMESTAMP NOT NULL,
  "week_ending_day_id" NUMERIC(38,10) NOT NULL,
  "calendar_month_number" SMALLINT NOT NULL,
  "fiscal_month_number" SMALLINT NOT NULL,
  "calendar_month_desc" VARCHAR NOT NULL,
  "calendar_month_id" NUMERIC(38,10) NOT NULL,
  "fiscal_month_desc" VARCHAR NOT NULL,
  "fiscal_month_id" NUMERIC(38,10) NOT NULL,
  "days_in_cal_month" NUMERIC(38,10) NOT NULL,
  "days_in_fis_month" NUMERIC(38,10) NOT NULL,
  "end_of_cal_month" TIMESTAMP NOT NULL,
  "end_of_fis_month" TIMESTAMP NOT NULL,
  "calendar_month_name" VARCHAR NOT NULL,
  "fiscal_month_name" VARCHAR NOT NULL,
  "calendar_quarter_desc" VARCHAR NOT NULL,
  "calendar_quarter_id" NUMERIC(38,10) NOT NULL,
  "fiscal_quarter_desc" VARCHAR NOT NULL,
  "fiscal_quarter_id" NUMERIC(38,10) NOT NULL,
  "days_in_cal_quarter" NUMERIC(38,10) NOT NULL,
  "days_in_fis_quarter" NUMERIC(38,10) NOT NULL,
  "end_of_cal_quarter" TIMESTAMP NOT NULL,
  "end_of_fis_quarter" TIMESTAMP NOT NULL,
  "calendar_quarter_number" SMALLINT NOT NULL,
  "fiscal_quarter_number" SMALLINT NOT NULL,
  "calendar_year" SMALLINT NOT NULL,
  "calendar_year_id" NUMERIC(38,10) NOT NULL,
  "fiscal_year" SMALLINT NOT NULL,
  "fiscal_year_id" NUMERIC(38,10) NOT NULL,
  "days_in_cal_year" NUMERIC(38,10) NOT NULL,
  "days_in_fis_year" NUMERIC(38,10) NOT NULL,
  "end_of_cal_year" TIMESTAMP NOT NULL,
  "end_of_fis_year" TIMESTAMP NOT NULL
);

CREATE TABLE "products" (
  "prod_id" INTEGER NOT NULL,
  "prod_name" VARCHAR NOT NULL,
  "prod_desc" VARCHAR NOT NULL,
  "prod_subcategory" VARCHAR NOT NULL,
  "prod_subcategory_id" NUMERIC(38,10) NOT NULL,
  "prod_subcategory_desc" VARCHAR NOT NULL,
  "prod_category" VARCHAR NOT NULL,
  "prod_category_id" NUMERIC(38,10) NOT NULL,
  "prod_category_desc" VARCHAR NOT NULL,
  "prod_weight_class" SMALLINT NOT NULL,
  "prod_unit_of_measure" VARCHAR,
  "prod_pack_size" VARCHAR NOT NULL,
  "supplier_id" INTEGER NOT NULL,
  "prod_status" VARCHAR NOT NULL,
  "prod_list_price" NUMERIC(8,2) NOT NULL,
  "prod_min_price" NUMERIC(8,2) NOT NULL,
  "prod_total" VARCHAR NOT NULL,
  "prod_total_id" NUMERIC(38,10) NOT NULL,
  "prod_src_id" NUMERIC(38,10),
  "prod_eff_from" TIMESTAMP,
  "prod_eff_to" TIMESTAMP,
  "prod_valid" VARCHAR
);

CREATE TABLE "channels" (
  "channel_id" NUMERIC(38,10) NOT NULL,
  "channel_desc" VARCHAR NOT NULL,
  "channel_class" VARCHAR NOT NULL,
  "channel_class_id" NUMERIC(38,10) NOT NULL,
  "channel_total" VARCHAR NOT NULL,
  "channel_total_id" NUMERIC(38,10) NOT NULL
);

CREATE TABLE "promotions" (
  "promo_id" INTEGER NOT NULL,
  "promo_name" VARCHAR NOT NULL,
  "promo_subcategory" VARCHAR NOT NULL,
  "promo_subcategory_id" NUMERIC(38,10) NOT NULL,
  "promo_category" VARCHAR NOT NULL,
  "promo_category_id" NUMERIC(38,10) NOT NULL,
  "promo_cost" NUMERIC(10,2) NOT NULL,
  "promo_begin_date" TIMESTAMP NOT NULL,
  "promo_end_date" TIMESTAMP NOT NULL,
  "promo_total" VARCHAR NOT NULL,
  "promo_total_id" NUMERIC(38,10) NOT NULL
);

CREATE TABLE "customers" (
  "cust_id" NUMERIC(38,10) NOT NULL,
  "cust_first_name" VARCHAR NOT NULL,
  "cust_last_name" VARCHAR NOT NULL,
  "cust_gender" VARCHAR NOT NULL,
  "cust_year_of_birth" SMALLINT NOT NULL,
  "cust_marital_status" VARCHAR,
  "cust_street_address" VARCHAR NOT NULL,
  "cust_postal_code" VARCHAR NOT NULL,
  "cust_city" VARCHAR NOT NULL,
  "cust_city_id" NUMERIC(38,10) NOT NULL,
  "cust_state_province" VARCHAR NOT NULL,
  "cust_state_province_id" NUMERIC(38,10) NOT NULL,
  "country_id" NUMERIC(38,10) NOT NULL,
  "cust_main_phone_number" VARCHAR NOT NULL,
  "cust_income_level" VARCHAR,
  "cust_credit_limit" NUMERIC(38,10),
  "cust_email" VARCHAR,
  "cust_total" VARCHAR NOT NULL,
  "cust_total_id" NUMERIC(38,10) NOT NULL,
  "cust_src_id" NUMERIC(38,10),
  "cust_eff_from" TIMESTAMP,
  "cust_eff_to" TIMESTAMP,
  "cust_valid" VARCHAR
);

CREATE TABLE "countries" (
  "country_id" NUMERIC(38,10) NOT NULL,
  "country_iso_code" VARCHAR NOT NULL,
  "country_name" VARCHAR NOT NULL,
  "country_subregion" VARCHAR NOT NULL,
  "country_subregion_id" NUMERIC(38,10) NOT NULL,
  "country_region" VARCHAR NOT NULL,
  "country_region_id" NUMERIC(38,10) NOT NULL,
  "country_total" VARCHAR NOT NULL,
  "country_total_id" NUMERIC(38,10) NOT NULL,
  "country_name_hist" VARCHAR
);

CREATE TABLE "supplementary_demographics" (
  "cust_id" NUMERIC(38,10) NOT NULL,
  "education" VARCHAR,
  "occupation" VARCHAR,
  "household_size" VARCHAR,
  "yrs_residence" NUMERIC(38,10),
  "affinity_card" BIGINT,
  "bulk_pack_diskettes" BIGINT,
  "flat_panel_monitor" BIGINT,
  "home_theater_package" BIGINT,
  "bookkeeping_application" BIGINT,
  "printer_supplies" BIGINT,
  "y_box_games" BIGINT,
  "os_doc_set_kanji" BIGINT,
  "comments" VARCHAR
);

COMMENT ON TABLE "sales" IS 'facts table, without a primary key; all rows are uniquely identified by the combination of all foreign keys';
COMMENT ON COLUMN "sales"."prod_id" IS 'FK to the products dimension table';
COMMENT ON COLUMN "sales"."cust_id" IS 'FK to the customers dimension table';
COMMENT ON COLUMN "sales"."time_id" IS 'FK to the times dimension table';
COMMENT ON COLUMN "sales"."channel_id" IS 'FK to the channels dimension table';
COMMENT ON COLUMN "sales"."promo_id" IS 'promotion identifier, without FK constraint (intentionally) to show outer join optimization';
COMMENT ON COLUMN "sales"."quantity_sold" IS 'product quantity sold with the transaction';
COMMENT ON COLUMN "sales"."amount_sold" IS 'invoiced amount to the customer';

COMMENT ON TABLE "times" IS 'Time dimension table to support multiple hierarchies and materialized views';
COMMENT ON COLUMN "times"."time_id" IS 'primary key; day date, finest granularity, CORRECT ORDER';
COMMENT ON COLUMN "times"."day_name" IS 'Monday to Sunday, repeating';
COMMENT ON COLUMN "times"."day_number_in_week" IS '1 to 7, repeating';
COMMENT ON COLUMN "times"."day_number_in_month" IS '1 to 31, repeating';
COMMENT ON COLUMN "times"."calendar_week_number" IS '1 to 53, repeating';
COMMENT ON COLUMN "times"."fiscal_week_number" IS '1 to 53, repeating';
COMMENT ON COLUMN "times"."week_ending_day" IS 'date of last day in week, CORRECT ORDER';
COMMENT ON COLUMN "times"."calendar_month_number" IS '1 to 12, repeating';
COMMENT ON COLUMN "times"."fiscal_month_number" IS '1 to 12, repeating';
COMMENT ON COLUMN "times"."calendar_month_desc" IS 'e.g. 1998-01, CORRECT ORDER';
COMMENT ON COLUMN "times"."fiscal_month_desc" IS 'e.g. 1998-01, CORRECT ORDER';
COMMENT ON COLUMN "times"."days_in_cal_month" IS 'e.g. 28,31, repeating';
COMMENT ON COLUMN "times"."days_in_fis_month" IS 'e.g. 25,32, repeating';
COMMENT ON COLUMN "times"."end_of_cal_month" IS 'last day of calendar month';
COMMENT ON COLUMN "times"."end_of_fis_month" IS 'last day of fiscal month';
COMMENT ON COLUMN "times"."calendar_month_name" IS 'January to December, repeating';
COMMENT ON COLUMN "times"."fiscal_month_name" IS 'January to December, repeating';
COMMENT ON COLUMN "times"."calendar_quarter_desc" IS 'e.g. 1998-Q1, CORRECT ORDER';
COMMENT ON COLUMN "times"."fiscal_quarter_desc" IS 'e.g. 1999-Q3, CORRECT ORDER';
COMMENT ON COLUMN "times"."days_in_cal_quarter" IS 'e.g. 88,90, repeating';
COMMENT ON COLUMN "times"."days_in_fis_quarter" IS 'e.g. 88,90, repeating';
COMMENT ON COLUMN "times"."end_of_cal_quarter" IS 'last day of calendar quarter';
COMMENT ON COLUMN "times"."end_of_fis_quarter" IS 'last day of fiscal quarter';
COMMENT ON COLUMN "times"."calendar_quarter_number" IS '1 to 4, repeating';
COMMENT ON COLUMN "times"."fiscal_quarter_number" IS '1 to 4, repeating';
COMMENT ON COLUMN "times"."calendar_year" IS 'e.g. 1999, CORRECT ORDER';
COMMENT ON COLUMN "times"."fiscal_year" IS 'e.g. 1999, CORRECT ORDER';
COMMENT ON COLUMN "times"."days_in_cal_year" IS '365,366 repeating';
COMMENT ON COLUMN "times"."days_in_fis_year" IS 'e.g. 355,364, repeating';
COMMENT ON COLUMN "times"."end_of_cal_year" IS 'last day of cal year';
COMMENT ON COLUMN "times"."end_of_fis_year" IS 'last day of fiscal year';

COMMENT ON TABLE "products" IS 'dimension table';
COMMENT ON COLUMN "products"."prod_id" IS 'primary key';
COMMENT ON COLUMN "products"."prod_name" IS 'product name';
COMMENT ON COLUMN "products"."prod_desc" IS 'product description';
COMMENT ON COLUMN "products"."prod_subcategory" IS 'product subcategory';
COMMENT ON COLUMN "products"."prod_subcategory_desc" IS 'product subcategory description';
COMMENT ON COLUMN "products"."prod_category" IS 'product category';
COMMENT ON COLUMN "products"."prod_category_desc" IS 'product category description';
COMMENT ON COLUMN "products"."prod_weight_class" IS 'product weight class';
COMMENT ON COLUMN "products"."prod_unit_of_measure" IS 'product unit of measure';
COMMENT ON COLUMN "products"."prod_pack_size" IS 'product package size';
COMMENT ON COLUMN "products"."supplier_id" IS 'this column';
COMMENT ON COLUMN "products"."prod_status" IS 'product status';
COMMENT ON COLUMN "products"."prod_list_price" IS 'product list price';
COMMENT ON COLUMN "products"."prod_min_price" IS 'product minimum price';

COMMENT ON TABLE "channels" IS 'small dimension table';
COMMENT ON COLUMN "channels"."channel_id" IS 'primary key column';
COMMENT ON COLUMN "channels"."channel_desc" IS 'e.g. telesales, internet, catalog';
COMMENT ON COLUMN "channels"."channel_class" IS 'e.g. direct, indirect';

COMMENT ON TABLE "promotions" IS 'dimension table without a PK-FK relationship with the facts table, to show outer join functionality';
COMMENT ON COLUMN "promotions"."promo_id" IS 'primary key column';
COMMENT ON COLUMN "promotions"."promo_name" IS 'promotion description';
COMMENT ON COLUMN "promotions"."promo_subcategory" IS 'enables to investigate promotion hierarchies';
COMMENT ON COLUMN "promotions"."promo_category" IS 'promotion category';
COMMENT ON COLUMN "promotions"."promo_cost" IS 'promotion cost, to do promotion effect calculations';
COMMENT ON COLUMN "promotions"."promo_begin_date" IS 'promotion begin day';
COMMENT ON COLUMN "promotions"."promo_end_date" IS 'promotion end day';

COMMENT ON TABLE "customers" IS 'dimension table';
COMMENT ON COLUMN "customers"."cust_id" IS 'primary key';
COMMENT ON COLUMN "customers"."cust_first_name" IS 'first name of the customer';
COMMENT ON COLUMN "customers"."cust_last_name" IS 'last name of the customer';
COMMENT ON COLUMN "customers"."cust_gender" IS 'gender; low cardinality attribute';
COMMENT ON COLUMN "customers"."cust_year_of_birth" IS 'customer year of birth';
COMMENT ON COLUMN "customers"."cust_marital_status" IS 'customer marital status; low cardinality attribute';
COMMENT ON COLUMN "customers"."cust_street_address" IS 'customer street address';
COMMENT ON COLUMN "customers"."cust_postal_code" IS 'postal code of the customer';
COMMENT ON COLUMN "customers"."cust_city" IS 'city where the customer lives';
COMMENT ON COLUMN "customers"."cust_state_province" IS 'customer geography: state or province';
COMMENT ON COLUMN "customers"."country_id" IS 'foreign key to the countries table (snowflake)';
COMMENT ON COLUMN "customers"."cust_main_phone_number" IS 'customer main phone number';
COMMENT ON COLUMN "customers"."cust_income_level" IS 'customer income level';
COMMENT ON COLUMN "customers"."cust_credit_limit" IS 'customer credit limit';
COMMENT ON COLUMN "customers"."cust_email" IS 'customer email id';

COMMENT ON TABLE "countries" IS 'country dimension table (snowflake)';
COMMENT ON COLUMN "countries"."country_id" IS 'primary key';
COMMENT ON COLUMN "countries"."country_name" IS 'country name';
COMMENT ON COLUMN "countries"."country_subregion" IS 'e.g. Western Europe, to allow hierarchies';
COMMENT ON COLUMN "countries"."country_region" IS 'e.g. Europe, Asia';

CREATE VIEW "profits" AS
SELECT "s"."channel_id", "s"."cust_id", "s"."prod_id", "s"."promo_id", "s"."time_id", "c"."unit_cost", "c"."unit_price", "s"."amount_sold", "s"."quantity_sold", "c"."unit_cost" * "s"."quantity_sold" AS "total_cost" FROM "costs" "c", "sales" "s" WHERE "c"."prod_id" = "s"."prod_id" AND "c"."time_id" = "s"."time_id" AND "c"."channel_id" = "s"."channel_id" AND "c"."promo_id" = "s"."promo_id";

CREATE TABLE "cal_month_sales_mv" AS
SELECT "t"."calendar_month_desc", SUM("s"."amount_sold") AS "dollars" FROM "sales" "s", "times" "t" WHERE "s"."time_id" = "t"."time_id" GROUP BY "t"."calendar_month_desc";

CREATE TABLE "fweek_pscat_sales_mv" AS
SELECT "t"."week_ending_day", "p"."prod_subcategory", SUM("s"."amount_sold") AS "dollars", "s"."channel_id", "s"."promo_id" FROM "sales" "s", "times" "t", "products" "p" WHERE "s"."time_id" = "t"."time_id" AND "s"."prod_id" = "p"."prod_id" GROUP BY "t"."week_ending_day", "p"."prod_subcategory", "s"."channel_id", "s"."promo_id";
