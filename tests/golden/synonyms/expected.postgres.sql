-- orashift: Oracle → postgres

CREATE TABLE "sales" (
  "prod_id" INTEGER,
  "amount" NUMERIC(10,2)
);

CREATE VIEW "all_sales" AS SELECT * FROM "sales";

-- action items
-- OS2018 SYNONYM SALES: for SH.SALES: references resolve to the table itself (line 4)
-- OS2019 SYNONYM REMOTE_ORDERS: for OE.ORDERS@HQ.EXAMPLE.COM, which this conversion does not create (line 6)
-- OS2019 SYNONYM COSTS: for SH.COSTS, which this conversion does not create (line 7)
