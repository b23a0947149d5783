-- orashift: Oracle → duckdb

CREATE SEQUENCE "orders_seq";

CREATE TABLE "orders" (
  "id" BIGINT,
  "customer" VARCHAR,
  "amount" NUMERIC(12,2),
  "status" VARCHAR,
  PRIMARY KEY ("id")
);

-- not converted, see the action items of this object:
-- CREATE VIEW "order_gross" AS
-- SELECT "id", "with_tax"("amount") AS "gross" FROM "orders";

-- not converted, see the action items of this object:
-- CREATE VIEW "customer_totals" AS
-- SELECT "customer", "order_total"("customer") AS "total" FROM "orders";

-- action items
-- OS6008 FUNCTION WITH_TAX: duckdb has no stored procedures, triggers or packages (line 9)
-- OS6008 FUNCTION ORDER_TOTAL: duckdb has no stored procedures, triggers or packages (line 15)
-- OS6008 PROCEDURE CLOSE_ORDERS: duckdb has no stored procedures, triggers or packages (line 28)
-- OS6008 PROCEDURE NIGHTLY: duckdb has no stored procedures, triggers or packages (line 41)
-- OS6008 TRIGGER ORDERS_BI: duckdb has no stored procedures, triggers or packages (line 52)
-- OS6008 PACKAGE LIMITS: duckdb has no stored procedures, triggers or packages (line 58)
-- OS4007 VIEW ORDER_GROSS: call to WITH_TAX: not in the built-in function map; a user function (or type constructor) must be converted and exist on the target first (line 65)
-- OS4007 VIEW CUSTOMER_TOTALS: call to ORDER_TOTAL: not in the built-in function map; a user function (or type constructor) must be converted and exist on the target first (line 66)
