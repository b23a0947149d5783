-- orashift: Oracle → redshift

-- dimension without statistics: DISTSTYLE AUTO
-- SORTKEY on the primary key, which the tables referencing it join on
CREATE TABLE "channels" (
  "channel_id" SMALLINT ENCODE RAW,
  "channel_desc" VARCHAR(20) ENCODE ZSTD NOT NULL,
  "channel_class" VARCHAR(80) ENCODE ZSTD,
  "iso_code" VARCHAR(2) ENCODE ZSTD,
  CONSTRAINT "channels_pk" PRIMARY KEY ("channel_id")
)
DISTSTYLE AUTO
COMPOUND SORTKEY ("channel_id");

-- dimension without statistics: DISTSTYLE AUTO
-- SORTKEY on the primary key, which the tables referencing it join on
CREATE TABLE "times" (
  "time_id" TIMESTAMP ENCODE RAW NOT NULL,
  "day_name" VARCHAR(9) ENCODE ZSTD NOT NULL,
  "fiscal_year" SMALLINT ENCODE AZ64 NOT NULL,
  CONSTRAINT "times_pk" PRIMARY KEY ("time_id")
)
DISTSTYLE AUTO
COMPOUND SORTKEY ("time_id");

-- fact table without dimension statistics: DISTSTYLE AUTO lets Redshift choose
-- SORTKEY on the partition key, which Oracle used for pruning, then indexed filter column CHANNEL_ID
CREATE TABLE "sales" (
  "prod_id" NUMERIC(38,10) ENCODE AZ64 NOT NULL,
  "time_id" TIMESTAMP ENCODE RAW NOT NULL,
  "channel_id" SMALLINT ENCODE AZ64 NOT NULL,
  "quantity_sold" NUMERIC(10,2) ENCODE AZ64 NOT NULL,
  "amount_sold" NUMERIC(10,2) ENCODE AZ64 NOT NULL,
  "big_amount" NUMERIC(20,0) ENCODE AZ64,
  "notes" VARCHAR(65535) ENCODE ZSTD,
  "created" TIMESTAMP DEFAULT SYSDATE ENCODE AZ64
)
DISTSTYLE AUTO
COMPOUND SORTKEY ("time_id", "channel_id");

ALTER TABLE "sales" ADD CONSTRAINT "sales_time_fk" FOREIGN KEY ("time_id") REFERENCES "times" ("time_id");

ALTER TABLE "sales" ADD CONSTRAINT "sales_channel_fk" FOREIGN KEY ("channel_id") REFERENCES "channels" ("channel_id");

COMMENT ON TABLE "sales" IS 'facts: one row per sale; it''s partitioned by time';
COMMENT ON COLUMN "sales"."amount_sold" IS 'invoiced amount';

-- action items
-- OS1003 TABLE CHANNELS: column CHANNEL_CLASS VARCHAR2(20 CHAR) → 80 bytes (line 8)
-- OS1004 TABLE CHANNELS: column ISO_CODE CHAR(2) → VARCHAR(2) (line 9)
-- OS2002 TABLE CHANNELS: PRIMARY KEY CHANNELS_PK (line 6)
-- OS3004 TABLE CHANNELS: PCTFREE 5 NOLOGGING (line 5)
-- OS2002 TABLE TIMES: PRIMARY KEY TIMES_PK (line 18)
-- OS1001 TABLE SALES: column PROD_ID NUMBER → NUMERIC(38,10) (line 21)
-- OS1002 TABLE SALES: column NOTES CLOB → VARCHAR(65535): values above 64 KB cannot be loaded (line 27)
-- OS1002 TABLE SALES: column CREATED TIMESTAMP(9): fractional seconds beyond 6 digits are rounded (line 28)
-- OS2006 TABLE SALES: PARTITION BY RANGE with 2 partitions (line 20)
-- OS3004 TABLE SALES: PCTFREE 5 NOLOGGING COMPRESS (line 20)
-- OS3001 INDEX SALES_CHANNEL_BIX: on SALES ("channel_id") (line 39)
-- OS3001 INDEX TIMES_YEAR_IX: on TIMES ("fiscal_year") (line 40)
