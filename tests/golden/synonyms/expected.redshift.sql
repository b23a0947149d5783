-- orashift: Oracle → redshift

-- no join evidence: DISTSTYLE AUTO
CREATE TABLE "sales" (
  "prod_id" INTEGER ENCODE AZ64,
  "amount" NUMERIC(10,2) ENCODE AZ64
)
DISTSTYLE AUTO;

CREATE VIEW "all_sales" AS SELECT * FROM "sales";

-- action items
-- OS2018 SYNONYM SALES: for SH.SALES: references resolve to the table itself (line 4)
-- OS2019 SYNONYM REMOTE_ORDERS: for OE.ORDERS@HQ.EXAMPLE.COM, which this conversion does not create (line 6)
-- OS2019 SYNONYM COSTS: for SH.COSTS, which this conversion does not create (line 7)
