-- orashift: Oracle → redshift

-- no join evidence: DISTSTYLE AUTO
-- SORTKEY on the primary key for joins and lookups
CREATE TABLE "orders" (
  "id" NUMERIC(38,10) ENCODE RAW,
  "status" VARCHAR(10) ENCODE ZSTD,
  "total" NUMERIC(10,2) ENCODE AZ64,
  "changed" TIMESTAMP ENCODE AZ64,
  PRIMARY KEY ("id")
)
DISTSTYLE AUTO
COMPOUND SORTKEY ("id");

-- no join evidence: DISTSTYLE AUTO
CREATE TABLE "order_log" (
  "order_id" NUMERIC(38,10) ENCODE AZ64,
  "old_status" VARCHAR(10) ENCODE ZSTD,
  "new_status" VARCHAR(10) ENCODE ZSTD
)
DISTSTYLE AUTO;

-- action items
-- OS2009 SEQUENCE ORDERS_SEQ: Redshift has no sequences: not created (use an IDENTITY column) (line 5)
-- OS1001 TABLE ORDERS: column ID NUMBER → NUMERIC(38,10) (line 3)
-- OS2002 TABLE ORDERS: PRIMARY KEY  (line 3)
-- OS1001 TABLE ORDER_LOG: column ORDER_ID NUMBER → NUMERIC(38,10) (line 4)
-- OS6008 TRIGGER ORDERS_BI: trigger ORDERS_BI: redshift has no triggers; make ORDERS.ID an IDENTITY column (or load the keys as the source has them) (line 7)
-- OS6008 TRIGGER ORDERS_STATUS: trigger ORDERS_STATUS: redshift has no triggers; run its logic in the load (an UPDATE after each load) or in the application (line 13)
-- OS6008 TRIGGER ORDERS_TOUCH: trigger ORDERS_TOUCH: redshift has no triggers; run its logic in the load (an UPDATE after each load) or in the application (line 23)
-- OS6001 TRIGGER ORDERS_COMPOUND: compound trigger: split it into one trigger per timing point (line 31)
