-- orashift: Oracle → duckdb

CREATE SEQUENCE "orders_seq";

CREATE TABLE "orders" (
  "id" BIGINT,
  "customer" VARCHAR,
  "amount" NUMERIC(12,2),
  "status" VARCHAR,
  PRIMARY KEY ("id")
);

-- action items
-- OS6008 FUNCTION WITH_TAX: duckdb has no stored procedures, triggers or packages (line 9)
-- OS6008 FUNCTION ORDER_TOTAL: duckdb has no stored procedures, triggers or packages (line 15)
-- OS6008 PROCEDURE CLOSE_ORDERS: duckdb has no stored procedures, triggers or packages (line 28)
-- OS6008 PROCEDURE NIGHTLY: duckdb has no stored procedures, triggers or packages (line 41)
-- OS6008 TRIGGER ORDERS_BI: duckdb has no stored procedures, triggers or packages (line 52)
-- OS6008 PACKAGE LIMITS: duckdb has no stored procedures, triggers or packages (line 58)
