-- orashift: Oracle → duckdb

CREATE TABLE "channels" (
  "channel_id" SMALLINT,
  "channel_desc" VARCHAR NOT NULL,
  "channel_class" VARCHAR,
  "iso_code" VARCHAR,
  CONSTRAINT "channels_pk" PRIMARY KEY ("channel_id")
);

CREATE TABLE "times" (
  "time_id" TIMESTAMP NOT NULL,
  "day_name" VARCHAR NOT NULL,
  "fiscal_year" SMALLINT NOT NULL,
  CONSTRAINT "times_pk" PRIMARY KEY ("time_id")
);

CREATE TABLE "sales" (
  "prod_id" NUMERIC(38,10) NOT NULL,
  "time_id" TIMESTAMP NOT NULL,
  "channel_id" SMALLINT NOT NULL,
  "quantity_sold" NUMERIC(10,2) NOT NULL,
  "amount_sold" NUMERIC(10,2) NOT NULL,
  "big_amount" NUMERIC(20,0),
  "notes" VARCHAR,
  "created" TIMESTAMP DEFAULT now()
);

COMMENT ON TABLE "sales" IS 'facts: one row per sale; it''s partitioned by time';
COMMENT ON COLUMN "sales"."amount_sold" IS 'invoiced amount';

-- action items
-- OS3004 TABLE CHANNELS: PCTFREE 5 NOLOGGING (line 5)
-- OS1001 TABLE SALES: column PROD_ID NUMBER → NUMERIC(38,10) (line 21)
-- OS1002 TABLE SALES: column CREATED TIMESTAMP(9): fractional seconds beyond 6 digits are rounded (line 28)
-- OS2006 TABLE SALES: PARTITION BY RANGE with 2 partitions (line 20)
-- OS3004 TABLE SALES: PCTFREE 5 NOLOGGING COMPRESS (line 20)
-- OS2003 TABLE SALES: SALES_TIME_FK FOREIGN KEY ("time_id") REFERENCES TIMES (line 35)
-- OS2001 TABLE SALES: SALES_CHANNEL_FK FOREIGN KEY (DISABLE NOVALIDATE) (line 36)
-- OS3003 INDEX SALES_CHANNEL_BIX: on SALES (line 39)
-- OS3003 INDEX TIMES_YEAR_IX: on TIMES (line 40)
