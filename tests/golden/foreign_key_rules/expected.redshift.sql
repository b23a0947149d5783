-- orashift: Oracle → redshift

-- dimension without statistics: DISTSTYLE AUTO
-- SORTKEY on the primary key, which the tables referencing it join on
CREATE TABLE "orders" (
  "id" BIGINT ENCODE RAW,
  CONSTRAINT "orders_pk" PRIMARY KEY ("id")
)
DISTSTYLE AUTO
COMPOUND SORTKEY ("id");

-- no join evidence: DISTSTYLE AUTO
-- SORTKEY on the primary key for joins and lookups
CREATE TABLE "order_lines" (
  "order_id" BIGINT ENCODE RAW,
  "line_no" INTEGER ENCODE AZ64,
  CONSTRAINT "order_lines_pk" PRIMARY KEY ("order_id", "line_no")
)
DISTSTYLE AUTO
COMPOUND SORTKEY ("order_id", "line_no");

-- fact table without dimension statistics: DISTSTYLE AUTO lets Redshift choose
-- SORTKEY on the primary key for joins and lookups
CREATE TABLE "notes" (
  "id" BIGINT ENCODE RAW,
  "order_id" BIGINT ENCODE AZ64,
  "other_id" BIGINT ENCODE AZ64,
  PRIMARY KEY ("id")
)
DISTSTYLE AUTO
COMPOUND SORTKEY ("id");

ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_fk" FOREIGN KEY ("order_id") REFERENCES "orders" ("id");

ALTER TABLE "notes" ADD FOREIGN KEY ("order_id") REFERENCES "orders";

ALTER TABLE "notes" ADD CONSTRAINT "notes_other_fk" FOREIGN KEY ("other_id") REFERENCES "orders" ("id");

-- action items
-- OS2002 TABLE ORDERS: PRIMARY KEY ORDERS_PK (line 4)
-- OS2025 TABLE ORDERS: PRIMARY KEY ORDERS_PK DEFERRABLE INITIALLY DEFERRED (redshift will not do it) (line 4)
-- OS2002 TABLE ORDER_LINES: PRIMARY KEY ORDER_LINES_PK (line 9)
-- OS2002 TABLE NOTES: PRIMARY KEY  (line 13)
-- OS2025 TABLE ORDER_LINES: FOREIGN KEY ORDER_LINES_FK ON DELETE CASCADE (redshift will not do it) (line 10)
-- OS2025 TABLE NOTES: FOREIGN KEY ON DELETE SET NULL DEFERRABLE (redshift will not do it) (line 14)
-- OS2025 TABLE NOTES: FOREIGN KEY NOTES_OTHER_FK DEFERRABLE INITIALLY DEFERRED (redshift will not do it) (line 16)
