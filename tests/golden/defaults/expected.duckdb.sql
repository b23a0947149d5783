-- orashift: Oracle → duckdb

CREATE SEQUENCE "order_seq" START WITH 1000 INCREMENT BY 1;

CREATE TABLE "orders" (
  "order_id" BIGINT DEFAULT nextval('"order_seq"') NOT NULL,
  "created" TIMESTAMP DEFAULT CAST(date_trunc('second', now()) AS TIMESTAMP) NOT NULL,
  "created_ts" TIMESTAMP DEFAULT now(),
  "created_by" VARCHAR DEFAULT CURRENT_USER,
  "guid_raw" BLOB DEFAULT unhex(replace(CAST(uuid() AS VARCHAR), '-', '')),
  "guid_text" VARCHAR DEFAULT upper(replace(CAST(uuid() AS VARCHAR), '-', '')),
  "status" VARCHAR DEFAULT 'NEW',
  "note" VARCHAR DEFAULT NULL,
  "qty" INTEGER DEFAULT (0),
  "discount" NUMERIC(4,2) DEFAULT -1.5,
  "due" TIMESTAMP,
  "region" VARCHAR DEFAULT 'EU',
  CONSTRAINT "orders_pk" PRIMARY KEY ("order_id")
);

-- action items
-- OS2005 TABLE ORDERS: column DUE DEFAULT TRUNC(SYSDATE) + 30 (line 14)
-- OS2016 TABLE ORDERS: column REGION DEFAULT ON NULL (line 15)
