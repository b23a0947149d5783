-- orashift: Oracle → redshift

-- no join evidence: DISTSTYLE AUTO
-- SORTKEY on the primary key for joins and lookups
CREATE TABLE "items" (
  "id" INTEGER ENCODE RAW,
  "label" VARCHAR(50) ENCODE ZSTD,
  "price" NUMERIC(10,2) ENCODE AZ64,
  PRIMARY KEY ("id")
)
DISTSTYLE AUTO
COMPOUND SORTKEY ("id");

-- action items
-- OS2002 TABLE ITEMS: PRIMARY KEY  (line 3)
-- OS9001 CREATE PACKAGE: CREATE OR REPLACE PACKAGE shop IS (line 5)
-- OS9001 CREATE PACKAGE BODY: CREATE OR REPLACE PACKAGE BODY shop IS (line 16)
