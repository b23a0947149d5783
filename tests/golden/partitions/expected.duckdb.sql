-- orashift: Oracle → duckdb

CREATE TABLE "sales" (
  "prod_id" INTEGER NOT NULL,
  "time_id" TIMESTAMP NOT NULL,
  "amount" NUMERIC(10,2)
);

CREATE TABLE "regions_by_code" (
  "code" VARCHAR,
  "name" VARCHAR
);

CREATE TABLE "logs" (
  "log_id" BIGINT,
  "msg" VARCHAR
);

CREATE TABLE "readings" (
  "sensor" INTEGER,
  "taken" TIMESTAMP,
  "value" NUMERIC(38,10)
);

CREATE TABLE "keyed" (
  "id" INTEGER,
  "day" TIMESTAMP,
  CONSTRAINT "keyed_pk" PRIMARY KEY ("id")
);

-- action items
-- OS2006 TABLE SALES: PARTITION BY RANGE with 3 partitions (line 2)
-- OS2006 TABLE REGIONS_BY_CODE: PARTITION BY LIST with 3 partitions (line 12)
-- OS2006 TABLE LOGS: PARTITION BY HASH with 0 partitions (line 21)
-- OS1001 TABLE READINGS: column VALUE NUMBER → NUMERIC(38,10) (line 29)
-- OS2006 TABLE READINGS: PARTITION BY INTERVAL with 1 partitions (line 26)
-- OS2006 TABLE KEYED: PARTITION BY RANGE with 1 partitions (line 33)
