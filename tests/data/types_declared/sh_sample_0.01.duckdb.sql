-- orashift: Oracle → duckdb

CREATE TABLE "channels" (
  "channel_id" NUMERIC(38,10) NOT NULL,
  "channel_desc" VARCHAR NOT NULL,
  "channel_class" VARCHAR NOT NULL,
  "channel_class_id" NUMERIC(38,10) NOT NULL,
  "channel_total" VARCHAR NOT NULL,
  "channel_total_id" NUMERIC(38,10) NOT NULL,
  CONSTRAINT "channels_pk" PRIMARY KEY ("channel_id")
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
  "country_name_hist" VARCHAR,
  CONSTRAINT "countries_pk" PRIMARY KEY ("country_id")
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
  "cust_valid" VARCHAR,
  "cust_lifetime_value" NUMERIC(14,4),
  CONSTRAINT "customers_pk" PRIMARY KEY ("cust_id")
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
  "prod_valid" VARCHAR,
  CONSTRAINT "products_pk" PRIMARY KEY ("prod_id")
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
  "promo_total_id" NUMERIC(38,10) NOT NULL,
  CONSTRAINT "promotions_pk" PRIMARY KEY ("promo_id")
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
  "end_of_fis_year" TIMESTAMP NOT NULL,
  CONSTRAINT "times_pk" PRIMARY KEY ("time_id")
);

CREATE TABLE "costs" (
  "prod_id" INTEGER NOT NULL,
  "time_id" TIMESTAMP NOT NULL,
  "promo_id" INTEGER NOT NULL,
  "channel_id" NUMERIC(38,10) NOT NULL,
  "unit_cost" NUMERIC(10,2) NOT NULL,
  "unit_price" NUMERIC(10,2) NOT NULL
);

CREATE TABLE "sales" (
  "prod_id" INTEGER NOT NULL,
  "cust_id" NUMERIC(38,10) NOT NULL,
  "time_id" TIMESTAMP NOT NULL,
  "channel_id" NUMERIC(38,10) NOT NULL,
  "promo_id" INTEGER NOT NULL,
  "quantity_sold" NUMERIC(10,2) NOT NULL,
  "amount_sold" NUMERIC(10,2) NOT NULL
);

COMMENT ON TABLE "channels" IS 'small dimension table: the ways a sale reaches a customer';
COMMENT ON COLUMN "channels"."channel_id" IS 'primary key column';
COMMENT ON COLUMN "channels"."channel_desc" IS 'e.g. Direct Sales, Internet, Catalog';

COMMENT ON TABLE "countries" IS 'country dimension with a region hierarchy';
COMMENT ON COLUMN "countries"."country_id" IS 'primary key';
COMMENT ON COLUMN "countries"."country_iso_code" IS 'ISO 3166-1 alpha-2 code';
COMMENT ON COLUMN "countries"."country_name" IS 'English country name; some are not plain ASCII';
COMMENT ON COLUMN "countries"."country_name_hist" IS 'an earlier or native name, when there is one';

COMMENT ON TABLE "customers" IS 'dimension table of customers';
COMMENT ON COLUMN "customers"."cust_id" IS 'primary key';
COMMENT ON COLUMN "customers"."cust_gender" IS 'M or F';
COMMENT ON COLUMN "customers"."cust_marital_status" IS 'may be NULL; an empty string loads as NULL';
COMMENT ON COLUMN "customers"."cust_street_address" IS 'may hold quotes, the | delimiter and edge spaces';
COMMENT ON COLUMN "customers"."country_id" IS 'foreign key to the countries table';
COMMENT ON COLUMN "customers"."cust_credit_limit" IS 'unconstrained NUMBER: some values have 12 integer digits and a fraction';
COMMENT ON COLUMN "customers"."cust_eff_from" IS 'when the row became effective, to the second';
COMMENT ON COLUMN "customers"."cust_lifetime_value" IS 'the customer''s lifetime value; not in Oracle''s SH, added to exercise NUMBER(14,4)';

COMMENT ON TABLE "products" IS 'dimension table of products';
COMMENT ON COLUMN "products"."prod_id" IS 'primary key';

COMMENT ON TABLE "promotions" IS 'dimension table of promotions';
COMMENT ON COLUMN "promotions"."promo_id" IS 'primary key; 999 means no promotion';
COMMENT ON COLUMN "promotions"."promo_begin_date" IS 'start of the promotion, to the second';

COMMENT ON TABLE "times" IS 'time dimension: one row per day, with fiscal fields';
COMMENT ON COLUMN "times"."time_id" IS 'primary key; one row per day';
COMMENT ON COLUMN "times"."day_number_in_week" IS '1 (Monday) to 7 (Sunday)';
COMMENT ON COLUMN "times"."calendar_week_number" IS 'ISO 8601 week number, 1 to 53';
COMMENT ON COLUMN "times"."fiscal_week_number" IS 'week of the fiscal year, counted from July 1st';
COMMENT ON COLUMN "times"."fiscal_year" IS 'fiscal years run July 1st to June 30th and are named by the year they end';

COMMENT ON TABLE "costs" IS 'fact table of unit costs and prices';

COMMENT ON TABLE "sales" IS 'fact table of sales lines, without a primary key (as in SH)';
COMMENT ON COLUMN "sales"."prod_id" IS 'foreign key to the products table';
COMMENT ON COLUMN "sales"."cust_id" IS 'foreign key to the customers table';
COMMENT ON COLUMN "sales"."time_id" IS 'foreign key to the times table; a day, no time of day';
COMMENT ON COLUMN "sales"."channel_id" IS 'foreign key to the channels table';
COMMENT ON COLUMN "sales"."promo_id" IS 'foreign key to the promotions table';
COMMENT ON COLUMN "sales"."quantity_sold" IS 'units sold; a few are fractional';
COMMENT ON COLUMN "sales"."amount_sold" IS 'invoiced amount to the customer, in dollars';
