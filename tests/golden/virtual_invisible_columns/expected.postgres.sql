-- orashift: Oracle → postgres

CREATE TABLE "order_items" (
  "order_id" BIGINT NOT NULL,
  "unit_price" NUMERIC(10,2) NOT NULL,
  "quantity" INTEGER NOT NULL,
  "line_total" NUMERIC(14,2) GENERATED ALWAYS AS ("unit_price" * "quantity") STORED,
  "price_ratio" NUMERIC,
  "audit_note" VARCHAR(100)
);

-- action items
-- OS2010 TABLE ORDER_ITEMS: column PRICE_RATIO AS (unit_price / quantity) (line 7)
-- OS2011 TABLE ORDER_ITEMS: column AUDIT_NOTE INVISIBLE (line 8)
