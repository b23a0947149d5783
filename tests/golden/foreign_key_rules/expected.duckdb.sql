-- orashift: Oracle → duckdb

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

-- action items
-- OS2025 TABLE ORDERS: PRIMARY KEY ORDERS_PK DEFERRABLE INITIALLY DEFERRED (duckdb will not do it) (line 4)
-- OS2003 TABLE ORDER_LINES: ORDER_LINES_FK FOREIGN KEY ("order_id") REFERENCES ORDERS (line 10)
-- OS2003 TABLE NOTES:  FOREIGN KEY ("order_id") REFERENCES ORDERS (line 14)
-- OS2003 TABLE NOTES: NOTES_OTHER_FK FOREIGN KEY ("other_id") REFERENCES ORDERS (line 16)
