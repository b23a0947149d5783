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
-- OS9001 CREATE TRIGGER: CREATE OR REPLACE TRIGGER orders_bi BEFORE INSERT ON orders FOR EACH ROW (line 7)
-- OS9001 CREATE TRIGGER: CREATE OR REPLACE TRIGGER orders_status (line 13)
-- OS9001 CREATE TRIGGER: CREATE OR REPLACE TRIGGER orders_touch BEFORE INSERT OR UPDATE ON orders FOR EACH ROW (line 23)
-- OS9001 CREATE TRIGGER: CREATE OR REPLACE TRIGGER orders_compound FOR UPDATE ON orders COMPOUND TRIGGER (line 31)
