-- orashift: Oracle → postgres

CREATE TABLE "sales" (
  "prod_id" INTEGER NOT NULL,
  "time_id" TIMESTAMP NOT NULL,
  "amount" NUMERIC(10,2)
) PARTITION BY RANGE ("time_id");
CREATE TABLE "sales_sales_2018" PARTITION OF "sales" FOR VALUES FROM (MINVALUE) TO ('2019-01-01 00:00:00');
CREATE TABLE "sales_sales_h1_2019" PARTITION OF "sales" FOR VALUES FROM ('2019-01-01 00:00:00') TO ('2019-07-01 00:00:00');
CREATE TABLE "sales_sales_max" PARTITION OF "sales" FOR VALUES FROM ('2019-07-01 00:00:00') TO (MAXVALUE);

CREATE TABLE "regions_by_code" (
  "code" VARCHAR(2),
  "name" VARCHAR(40)
) PARTITION BY LIST ("code");
CREATE TABLE "regions_by_code_r_eu" PARTITION OF "regions_by_code" FOR VALUES IN ('DE', 'FR');
CREATE TABLE "regions_by_code_r_us" PARTITION OF "regions_by_code" FOR VALUES IN ('US');
CREATE TABLE "regions_by_code_r_other" PARTITION OF "regions_by_code" DEFAULT;

CREATE TABLE "logs" (
  "log_id" BIGINT,
  "msg" VARCHAR(200)
) PARTITION BY HASH ("log_id");
CREATE TABLE "logs_p1" PARTITION OF "logs" FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE "logs_p2" PARTITION OF "logs" FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE "logs_p3" PARTITION OF "logs" FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE "logs_p4" PARTITION OF "logs" FOR VALUES WITH (MODULUS 4, REMAINDER 3);

CREATE TABLE "readings" (
  "sensor" INTEGER,
  "taken" TIMESTAMP,
  "value" NUMERIC
) PARTITION BY RANGE ("taken");
CREATE TABLE "readings_r_start" PARTITION OF "readings" FOR VALUES FROM (MINVALUE) TO ('2020-01-01 00:00:00');
CREATE TABLE "readings_default" PARTITION OF "readings" DEFAULT;

CREATE TABLE "keyed" (
  "id" INTEGER,
  "day" TIMESTAMP,
  CONSTRAINT "keyed_pk" PRIMARY KEY ("id")
);

-- action items
-- OS2008 TABLE READINGS: INTERVAL (NUMTOYMINTERVAL(1, 'MONTH')): only the listed partitions are created, plus a DEFAULT partition (line 26)
-- OS2006 TABLE KEYED: PARTITION BY RANGE with 1 partitions: created whole because key KEYED_PK does not contain partition column DAY (PostgreSQL requires it) (line 33)
