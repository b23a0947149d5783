-- orashift: Oracle → redshift

-- no join evidence: DISTSTYLE AUTO
CREATE TABLE "order_items" (
  "order_id" BIGINT ENCODE AZ64 NOT NULL,
  "unit_price" NUMERIC(10,2) ENCODE AZ64 NOT NULL,
  "quantity" INTEGER ENCODE AZ64 NOT NULL,
  "line_total" NUMERIC(14,2) ENCODE AZ64,
  "price_ratio" NUMERIC(38,10) ENCODE AZ64,
  "audit_note" VARCHAR(100) ENCODE ZSTD
)
DISTSTYLE AUTO;

-- action items
-- OS2010 TABLE ORDER_ITEMS: column LINE_TOTAL AS (unit_price * quantity) (line 6)
-- OS1001 TABLE ORDER_ITEMS: column PRICE_RATIO NUMBER → NUMERIC(38,10) (line 7)
-- OS2010 TABLE ORDER_ITEMS: column PRICE_RATIO AS (unit_price / quantity) (line 7)
-- OS2011 TABLE ORDER_ITEMS: column AUDIT_NOTE INVISIBLE (line 8)
