-- orashift: Oracle → redshift

-- no join evidence: DISTSTYLE AUTO
-- SORTKEY on the primary key for joins and lookups
CREATE TABLE "accounts" (
  "id" BIGINT ENCODE RAW,
  "owner" VARCHAR(40) ENCODE ZSTD NOT NULL,
  "balance" NUMERIC(12,2) DEFAULT 0 ENCODE AZ64,
  "opened" TIMESTAMP ENCODE AZ64,
  PRIMARY KEY ("id")
)
DISTSTYLE AUTO
COMPOUND SORTKEY ("id");

-- action items
-- OS2002 TABLE ACCOUNTS: PRIMARY KEY  (line 4)
-- OS9001 CREATE PROCEDURE: CREATE OR REPLACE PROCEDURE deposit (p_id IN accounts.id%TYPE, p_amount IN NUMBER) IS (line 10)
-- OS9001 CREATE FUNCTION: CREATE OR REPLACE FUNCTION account_age (p_id NUMBER) RETURN NUMBER IS (line 27)
-- OS9001 CREATE PROCEDURE: CREATE OR REPLACE PROCEDURE purge (p_table VARCHAR2) IS (line 35)
