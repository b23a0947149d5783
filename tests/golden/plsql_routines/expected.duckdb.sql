-- orashift: Oracle → duckdb

CREATE TABLE "accounts" (
  "id" BIGINT,
  "owner" VARCHAR NOT NULL,
  "balance" NUMERIC(12,2) DEFAULT 0,
  "opened" TIMESTAMP,
  PRIMARY KEY ("id")
);

-- action items
-- OS6008 PROCEDURE DEPOSIT: duckdb has no stored procedures, triggers or packages (line 10)
-- OS6008 FUNCTION ACCOUNT_AGE: duckdb has no stored procedures, triggers or packages (line 27)
-- OS6008 PROCEDURE PURGE: duckdb has no stored procedures, triggers or packages (line 35)
