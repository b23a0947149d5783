-- orashift: Oracle → redshift

-- no join evidence: DISTSTYLE AUTO
-- SORTKEY on the partition key, which Oracle used for pruning
CREATE TABLE "sales" (
  "prod_id" INTEGER ENCODE AZ64 NOT NULL,
  "time_id" TIMESTAMP ENCODE RAW NOT NULL,
  "amount" NUMERIC(10,2) ENCODE AZ64
)
DISTSTYLE AUTO
COMPOUND SORTKEY ("time_id");

-- no join evidence: DISTSTYLE AUTO
-- SORTKEY on the partition key, which Oracle used for pruning
CREATE TABLE "regions_by_code" (
  "code" VARCHAR(2) ENCODE RAW,
  "name" VARCHAR(40) ENCODE ZSTD
)
DISTSTYLE AUTO
COMPOUND SORTKEY ("code");

-- no join evidence: DISTSTYLE AUTO
-- SORTKEY on the partition key, which Oracle used for pruning
CREATE TABLE "logs" (
  "log_id" BIGINT ENCODE RAW,
  "msg" VARCHAR(200) ENCODE ZSTD
)
DISTSTYLE AUTO
COMPOUND SORTKEY ("log_id");

-- no join evidence: DISTSTYLE AUTO
-- SORTKEY on the partition key, which Oracle used for pruning
CREATE TABLE "readings" (
  "sensor" INTEGER ENCODE AZ64,
  "taken" TIMESTAMP ENCODE RAW,
  "value" NUMERIC(38,10) ENCODE AZ64
)
DISTSTYLE AUTO
COMPOUND SORTKEY ("taken");

-- no join evidence: DISTSTYLE AUTO
-- SORTKEY on the partition key, which Oracle used for pruning
CREATE TABLE "keyed" (
  "id" INTEGER ENCODE AZ64,
  "day" TIMESTAMP ENCODE RAW,
  CONSTRAINT "keyed_pk" PRIMARY KEY ("id")
)
DISTSTYLE AUTO
COMPOUND SORTKEY ("day");

-- action items
-- OS2006 TABLE SALES: PARTITION BY RANGE with 3 partitions (line 2)
-- OS2006 TABLE REGIONS_BY_CODE: PARTITION BY LIST with 3 partitions (line 12)
-- OS2006 TABLE LOGS: PARTITION BY HASH with 0 partitions (line 21)
-- OS1001 TABLE READINGS: column VALUE NUMBER → NUMERIC(38,10) (line 29)
-- OS2006 TABLE READINGS: PARTITION BY INTERVAL with 1 partitions (line 26)
-- OS2002 TABLE KEYED: PRIMARY KEY KEYED_PK (line 34)
-- OS2006 TABLE KEYED: PARTITION BY RANGE with 1 partitions (line 33)
