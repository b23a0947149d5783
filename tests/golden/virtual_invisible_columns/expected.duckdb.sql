-- orashift: Oracle → duckdb

CREATE TABLE "order_items" (
  "order_id" BIGINT NOT NULL,
  "unit_price" NUMERIC(10,2) NOT NULL,
  "quantity" INTEGER NOT NULL,
  "line_total" NUMERIC(14,2) GENERATED ALWAYS AS ("unit_price" * "quantity"),
  "price_ratio" NUMERIC(38,10),
  "audit_note" VARCHAR
);

-- action items
-- OS1001 TABLE ORDER_ITEMS: column PRICE_RATIO NUMBER → NUMERIC(38,10) (line 7)
-- OS2010 TABLE ORDER_ITEMS: column PRICE_RATIO AS (unit_price / quantity) (line 7)
-- OS2011 TABLE ORDER_ITEMS: column AUDIT_NOTE INVISIBLE (line 8)
