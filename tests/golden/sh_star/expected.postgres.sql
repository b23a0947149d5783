-- orashift: Oracle → postgres

CREATE TABLE "channels" (
  "channel_id" SMALLINT,
  "channel_desc" VARCHAR(20) NOT NULL,
  "channel_class" VARCHAR(20),
  "iso_code" CHAR(2),
  CONSTRAINT "channels_pk" PRIMARY KEY ("channel_id")
);

CREATE TABLE "times" (
  "time_id" TIMESTAMP NOT NULL,
  "day_name" VARCHAR(9) NOT NULL,
  "fiscal_year" SMALLINT NOT NULL,
  CONSTRAINT "times_pk" PRIMARY KEY ("time_id")
);

CREATE TABLE "sales" (
  "prod_id" NUMERIC NOT NULL,
  "time_id" TIMESTAMP NOT NULL,
  "channel_id" SMALLINT NOT NULL,
  "quantity_sold" NUMERIC(10,2) NOT NULL,
  "amount_sold" NUMERIC(10,2) NOT NULL,
  "big_amount" NUMERIC(20,0),
  "notes" TEXT,
  "created" TIMESTAMP(6) DEFAULT CURRENT_TIMESTAMP
) PARTITION BY RANGE ("time_id");
CREATE TABLE "sales_sales_1998" PARTITION OF "sales" FOR VALUES FROM (MINVALUE) TO ('1999-01-01 00:00:00');
CREATE TABLE "sales_sales_max" PARTITION OF "sales" FOR VALUES FROM ('1999-01-01 00:00:00') TO (MAXVALUE);

ALTER TABLE "sales" ADD CONSTRAINT "sales_time_fk" FOREIGN KEY ("time_id") REFERENCES "times" ("time_id");

CREATE INDEX "sales_channel_bix" ON "sales" ("channel_id");

CREATE INDEX "times_year_ix" ON "times" ("fiscal_year");

COMMENT ON TABLE "sales" IS 'facts: one row per sale; it''s partitioned by time';
COMMENT ON COLUMN "sales"."amount_sold" IS 'invoiced amount';

-- action items
-- OS3004 TABLE CHANNELS: PCTFREE 5 NOLOGGING (line 5)
-- OS1002 TABLE SALES: column CREATED TIMESTAMP(9): fractional seconds beyond 6 digits are rounded (line 28)
-- OS3004 TABLE SALES: PCTFREE 5 NOLOGGING COMPRESS (line 20)
-- OS2001 TABLE SALES: SALES_CHANNEL_FK FOREIGN KEY (DISABLE NOVALIDATE) (line 36)
-- OS3002 INDEX SALES_CHANNEL_BIX: on SALES ("channel_id") (line 39)
