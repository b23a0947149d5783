-- orashift: Oracle → postgres

CREATE SEQUENCE "order_seq" START WITH 1000 INCREMENT BY 1 CACHE 1;

CREATE TABLE "orders" (
  "order_id" BIGINT DEFAULT nextval('"order_seq"') NOT NULL,
  "created" TIMESTAMP DEFAULT LOCALTIMESTAMP(0) NOT NULL,
  "created_ts" TIMESTAMP(6) DEFAULT CURRENT_TIMESTAMP,
  "created_by" VARCHAR(30) DEFAULT CURRENT_USER,
  "guid_raw" BYTEA DEFAULT decode(replace(gen_random_uuid()::text, '-', ''), 'hex'),
  "guid_text" VARCHAR(32) DEFAULT upper(replace(gen_random_uuid()::text, '-', '')),
  "status" VARCHAR(10) DEFAULT 'NEW',
  "note" VARCHAR(10) DEFAULT NULL,
  "qty" INTEGER DEFAULT (0),
  "discount" NUMERIC(4,2) DEFAULT -1.5,
  "due" TIMESTAMP,
  "region" VARCHAR(10) DEFAULT 'EU',
  CONSTRAINT "orders_pk" PRIMARY KEY ("order_id")
);

-- action items
-- OS2005 TABLE ORDERS: column DUE DEFAULT TRUNC(SYSDATE) + 30 (line 14)
-- OS2016 TABLE ORDERS: column REGION DEFAULT ON NULL (line 15)
