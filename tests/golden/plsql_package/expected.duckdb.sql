-- orashift: Oracle → duckdb

CREATE TABLE "items" (
  "id" INTEGER,
  "label" VARCHAR,
  "price" NUMERIC(10,2),
  PRIMARY KEY ("id")
);

-- action items
-- OS6008 PACKAGE SHOP: duckdb has no stored procedures, triggers or packages (line 5)
-- OS6008 PACKAGE BODY SHOP: duckdb has no stored procedures, triggers or packages (line 16)
