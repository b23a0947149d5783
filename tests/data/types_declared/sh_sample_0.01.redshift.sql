-- orashift: Oracle → redshift

-- dimension of about 5 rows (≤ 3000000): DISTSTYLE ALL copies it to every node
-- SORTKEY on the primary key, which the tables referencing it join on
CREATE TABLE "channels" (
  "channel_id" NUMERIC(38,10) ENCODE RAW NOT NULL,
  "channel_desc" VARCHAR(20) ENCODE ZSTD NOT NULL,
  "channel_class" VARCHAR(20) ENCODE ZSTD NOT NULL,
  "channel_class_id" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  "channel_total" VARCHAR(13) ENCODE ZSTD NOT NULL,
  "channel_total_id" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  CONSTRAINT "channels_pk" PRIMARY KEY ("channel_id")
)
DISTSTYLE ALL
COMPOUND SORTKEY ("channel_id");

-- dimension of about 23 rows (≤ 3000000): DISTSTYLE ALL copies it to every node
-- SORTKEY on the primary key, which the tables referencing it join on
CREATE TABLE "countries" (
  "country_id" NUMERIC(38,10) ENCODE RAW NOT NULL,
  "country_iso_code" VARCHAR(2) ENCODE ZSTD NOT NULL,
  "country_name" VARCHAR(40) ENCODE ZSTD NOT NULL,
  "country_subregion" VARCHAR(30) ENCODE ZSTD NOT NULL,
  "country_subregion_id" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  "country_region" VARCHAR(20) ENCODE ZSTD NOT NULL,
  "country_region_id" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  "country_total" VARCHAR(11) ENCODE ZSTD NOT NULL,
  "country_total_id" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  "country_name_hist" VARCHAR(40) ENCODE ZSTD,
  CONSTRAINT "countries_pk" PRIMARY KEY ("country_id")
)
DISTSTYLE ALL
COMPOUND SORTKEY ("country_id");

-- dimension of about 500 rows (≤ 3000000): DISTSTYLE ALL copies it to every node
-- SORTKEY on the primary key, which the tables referencing it join on
CREATE TABLE "customers" (
  "cust_id" NUMERIC(38,10) ENCODE RAW NOT NULL,
  "cust_first_name" VARCHAR(20) ENCODE ZSTD NOT NULL,
  "cust_last_name" VARCHAR(40) ENCODE ZSTD NOT NULL,
  "cust_gender" VARCHAR(1) ENCODE ZSTD NOT NULL,
  "cust_year_of_birth" SMALLINT ENCODE AZ64 NOT NULL,
  "cust_marital_status" VARCHAR(20) ENCODE ZSTD,
  "cust_street_address" VARCHAR(40) ENCODE ZSTD NOT NULL,
  "cust_postal_code" VARCHAR(10) ENCODE ZSTD NOT NULL,
  "cust_city" VARCHAR(30) ENCODE ZSTD NOT NULL,
  "cust_city_id" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  "cust_state_province" VARCHAR(40) ENCODE ZSTD NOT NULL,
  "cust_state_province_id" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  "country_id" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  "cust_main_phone_number" VARCHAR(25) ENCODE ZSTD NOT NULL,
  "cust_income_level" VARCHAR(30) ENCODE ZSTD,
  "cust_credit_limit" NUMERIC(38,10) ENCODE AZ64,
  "cust_email" VARCHAR(50) ENCODE ZSTD,
  "cust_total" VARCHAR(14) ENCODE ZSTD NOT NULL,
  "cust_total_id" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  "cust_src_id" NUMERIC(38,10) ENCODE AZ64,
  "cust_eff_from" TIMESTAMP ENCODE AZ64,
  "cust_eff_to" TIMESTAMP ENCODE AZ64,
  "cust_valid" VARCHAR(1) ENCODE ZSTD,
  "cust_lifetime_value" NUMERIC(14,4) ENCODE AZ64,
  CONSTRAINT "customers_pk" PRIMARY KEY ("cust_id")
)
DISTSTYLE ALL
COMPOUND SORTKEY ("cust_id");

-- dimension of about 72 rows (≤ 3000000): DISTSTYLE ALL copies it to every node
-- SORTKEY on the primary key, which the tables referencing it join on
CREATE TABLE "products" (
  "prod_id" INTEGER ENCODE RAW NOT NULL,
  "prod_name" VARCHAR(50) ENCODE ZSTD NOT NULL,
  "prod_desc" VARCHAR(4000) ENCODE ZSTD NOT NULL,
  "prod_subcategory" VARCHAR(50) ENCODE ZSTD NOT NULL,
  "prod_subcategory_id" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  "prod_subcategory_desc" VARCHAR(2000) ENCODE ZSTD NOT NULL,
  "prod_category" VARCHAR(50) ENCODE ZSTD NOT NULL,
  "prod_category_id" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  "prod_category_desc" VARCHAR(2000) ENCODE ZSTD NOT NULL,
  "prod_weight_class" SMALLINT ENCODE AZ64 NOT NULL,
  "prod_unit_of_measure" VARCHAR(20) ENCODE ZSTD,
  "prod_pack_size" VARCHAR(30) ENCODE ZSTD NOT NULL,
  "supplier_id" INTEGER ENCODE AZ64 NOT NULL,
  "prod_status" VARCHAR(20) ENCODE ZSTD NOT NULL,
  "prod_list_price" NUMERIC(8,2) ENCODE AZ64 NOT NULL,
  "prod_min_price" NUMERIC(8,2) ENCODE AZ64 NOT NULL,
  "prod_total" VARCHAR(13) ENCODE ZSTD NOT NULL,
  "prod_total_id" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  "prod_src_id" NUMERIC(38,10) ENCODE AZ64,
  "prod_eff_from" TIMESTAMP ENCODE AZ64,
  "prod_eff_to" TIMESTAMP ENCODE AZ64,
  "prod_valid" VARCHAR(1) ENCODE ZSTD,
  CONSTRAINT "products_pk" PRIMARY KEY ("prod_id")
)
DISTSTYLE ALL
COMPOUND SORTKEY ("prod_id");

-- dimension of about 50 rows (≤ 3000000): DISTSTYLE ALL copies it to every node
-- SORTKEY on the primary key, which the tables referencing it join on
CREATE TABLE "promotions" (
  "promo_id" INTEGER ENCODE RAW NOT NULL,
  "promo_name" VARCHAR(30) ENCODE ZSTD NOT NULL,
  "promo_subcategory" VARCHAR(30) ENCODE ZSTD NOT NULL,
  "promo_subcategory_id" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  "promo_category" VARCHAR(30) ENCODE ZSTD NOT NULL,
  "promo_category_id" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  "promo_cost" NUMERIC(10,2) ENCODE AZ64 NOT NULL,
  "promo_begin_date" TIMESTAMP ENCODE AZ64 NOT NULL,
  "promo_end_date" TIMESTAMP ENCODE AZ64 NOT NULL,
  "promo_total" VARCHAR(15) ENCODE ZSTD NOT NULL,
  "promo_total_id" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  CONSTRAINT "promotions_pk" PRIMARY KEY ("promo_id")
)
DISTSTYLE ALL
COMPOUND SORTKEY ("promo_id");

-- largest dimension of SALES: DISTKEY TIME_ID co-locates it with SALES.TIME_ID
-- SORTKEY on the primary key, which the tables referencing it join on
CREATE TABLE "times" (
  "time_id" TIMESTAMP ENCODE RAW NOT NULL,
  "day_name" VARCHAR(9) ENCODE ZSTD NOT NULL,
  "day_number_in_week" SMALLINT ENCODE AZ64 NOT NULL,
  "day_number_in_month" SMALLINT ENCODE AZ64 NOT NULL,
  "calendar_week_number" SMALLINT ENCODE AZ64 NOT NULL,
  "fiscal_week_number" SMALLINT ENCODE AZ64 NOT NULL,
  "week_ending_day" TIMESTAMP ENCODE AZ64 NOT NULL,
  "week_ending_day_id" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  "calendar_month_number" SMALLINT ENCODE AZ64 NOT NULL,
  "fiscal_month_number" SMALLINT ENCODE AZ64 NOT NULL,
  "calendar_month_desc" VARCHAR(8) ENCODE ZSTD NOT NULL,
  "calendar_month_id" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  "fiscal_month_desc" VARCHAR(8) ENCODE ZSTD NOT NULL,
  "fiscal_month_id" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  "days_in_cal_month" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  "days_in_fis_month" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  "end_of_cal_month" TIMESTAMP ENCODE AZ64 NOT NULL,
  "end_of_fis_month" TIMESTAMP ENCODE AZ64 NOT NULL,
  "calendar_month_name" VARCHAR(9) ENCODE ZSTD NOT NULL,
  "fiscal_month_name" VARCHAR(9) ENCODE ZSTD NOT NULL,
  "calendar_quarter_desc" VARCHAR(7) ENCODE ZSTD NOT NULL,
  "calendar_quarter_id" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  "fiscal_quarter_desc" VARCHAR(7) ENCODE ZSTD NOT NULL,
  "fiscal_quarter_id" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  "days_in_cal_quarter" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  "days_in_fis_quarter" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  "end_of_cal_quarter" TIMESTAMP ENCODE AZ64 NOT NULL,
  "end_of_fis_quarter" TIMESTAMP ENCODE AZ64 NOT NULL,
  "calendar_quarter_number" SMALLINT ENCODE AZ64 NOT NULL,
  "fiscal_quarter_number" SMALLINT ENCODE AZ64 NOT NULL,
  "calendar_year" SMALLINT ENCODE AZ64 NOT NULL,
  "calendar_year_id" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  "fiscal_year" SMALLINT ENCODE AZ64 NOT NULL,
  "fiscal_year_id" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  "days_in_cal_year" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  "days_in_fis_year" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  "end_of_cal_year" TIMESTAMP ENCODE AZ64 NOT NULL,
  "end_of_fis_year" TIMESTAMP ENCODE AZ64 NOT NULL,
  CONSTRAINT "times_pk" PRIMARY KEY ("time_id")
)
DISTSTYLE KEY
DISTKEY ("time_id")
COMPOUND SORTKEY ("time_id");

-- fact table: DISTKEY TIME_ID joins the largest dimension TIMES (about 1461 rows)
-- SORTKEY on the partition key, which Oracle used for pruning, then indexed filter column PROD_ID
CREATE TABLE "costs" (
  "prod_id" INTEGER ENCODE AZ64 NOT NULL,
  "time_id" TIMESTAMP ENCODE RAW NOT NULL,
  "promo_id" INTEGER ENCODE AZ64 NOT NULL,
  "channel_id" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  "unit_cost" NUMERIC(10,2) ENCODE AZ64 NOT NULL,
  "unit_price" NUMERIC(10,2) ENCODE AZ64 NOT NULL
)
DISTSTYLE KEY
DISTKEY ("time_id")
COMPOUND SORTKEY ("time_id", "prod_id");

-- fact table: DISTKEY TIME_ID joins the largest dimension TIMES (about 1461 rows)
-- SORTKEY on the partition key, which Oracle used for pruning, then indexed filter columns PROD_ID, CUST_ID
CREATE TABLE "sales" (
  "prod_id" INTEGER ENCODE AZ64 NOT NULL,
  "cust_id" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  "time_id" TIMESTAMP ENCODE RAW NOT NULL,
  "channel_id" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  "promo_id" INTEGER ENCODE AZ64 NOT NULL,
  "quantity_sold" NUMERIC(10,2) ENCODE AZ64 NOT NULL,
  "amount_sold" NUMERIC(10,2) ENCODE AZ64 NOT NULL
)
DISTSTYLE KEY
DISTKEY ("time_id")
COMPOUND SORTKEY ("time_id", "prod_id", "cust_id");

ALTER TABLE "customers" ADD CONSTRAINT "customers_country_fk" FOREIGN KEY ("country_id") REFERENCES "countries" ("country_id");

ALTER TABLE "costs" ADD CONSTRAINT "costs_product_fk" FOREIGN KEY ("prod_id") REFERENCES "products" ("prod_id");

ALTER TABLE "costs" ADD CONSTRAINT "costs_time_fk" FOREIGN KEY ("time_id") REFERENCES "times" ("time_id");

ALTER TABLE "costs" ADD CONSTRAINT "costs_channel_fk" FOREIGN KEY ("channel_id") REFERENCES "channels" ("channel_id");

ALTER TABLE "costs" ADD CONSTRAINT "costs_promo_fk" FOREIGN KEY ("promo_id") REFERENCES "promotions" ("promo_id");

ALTER TABLE "sales" ADD CONSTRAINT "sales_product_fk" FOREIGN KEY ("prod_id") REFERENCES "products" ("prod_id");

ALTER TABLE "sales" ADD CONSTRAINT "sales_customer_fk" FOREIGN KEY ("cust_id") REFERENCES "customers" ("cust_id");

ALTER TABLE "sales" ADD CONSTRAINT "sales_time_fk" FOREIGN KEY ("time_id") REFERENCES "times" ("time_id");

ALTER TABLE "sales" ADD CONSTRAINT "sales_channel_fk" FOREIGN KEY ("channel_id") REFERENCES "channels" ("channel_id");

ALTER TABLE "sales" ADD CONSTRAINT "sales_promo_fk" FOREIGN KEY ("promo_id") REFERENCES "promotions" ("promo_id");

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
