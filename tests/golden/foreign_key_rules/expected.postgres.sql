-- orashift: Oracle → postgres

CREATE TABLE "orders" (
  "id" BIGINT,
  CONSTRAINT "orders_pk" PRIMARY KEY ("id")
);

CREATE TABLE "order_lines" (
  "order_id" BIGINT,
  "line_no" INTEGER,
  CONSTRAINT "order_lines_pk" PRIMARY KEY ("order_id", "line_no")
);

CREATE TABLE "notes" (
  "id" BIGINT,
  "order_id" BIGINT,
  "other_id" BIGINT,
  PRIMARY KEY ("id")
);

ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_fk" FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON DELETE CASCADE;

ALTER TABLE "notes" ADD FOREIGN KEY ("order_id") REFERENCES "orders" ON DELETE SET NULL DEFERRABLE;

ALTER TABLE "notes" ADD CONSTRAINT "notes_other_fk" FOREIGN KEY ("other_id") REFERENCES "orders" ("id") DEFERRABLE INITIALLY DEFERRED;

-- action items
-- OS2025 TABLE ORDERS: PRIMARY KEY ORDERS_PK DEFERRABLE INITIALLY DEFERRED (created not deferrable: PostgreSQL cannot reference a deferrable key, and foreign keys do) (line 4)
