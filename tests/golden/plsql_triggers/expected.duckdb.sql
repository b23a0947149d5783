-- orashift: Oracle → duckdb

CREATE SEQUENCE "orders_seq";

CREATE TABLE "orders" (
  "id" NUMERIC(38,10),
  "status" VARCHAR,
  "total" NUMERIC(10,2),
  "changed" TIMESTAMP,
  PRIMARY KEY ("id")
);

CREATE TABLE "order_log" (
  "order_id" NUMERIC(38,10),
  "old_status" VARCHAR,
  "new_status" VARCHAR
);

-- action items
-- OS1001 TABLE ORDERS: column ID NUMBER → NUMERIC(38,10) (line 3)
-- OS1001 TABLE ORDER_LOG: column ORDER_ID NUMBER → NUMERIC(38,10) (line 4)
-- OS6008 TRIGGER ORDERS_BI: duckdb has no stored procedures, triggers or packages (line 7)
-- OS6008 TRIGGER ORDERS_STATUS: duckdb has no stored procedures, triggers or packages (line 13)
-- OS6008 TRIGGER ORDERS_TOUCH: duckdb has no stored procedures, triggers or packages (line 23)
-- OS6008 TRIGGER ORDERS_COMPOUND: duckdb has no stored procedures, triggers or packages (line 31)
