-- orashift: Oracle → redshift

-- no join evidence: DISTSTYLE AUTO
-- SORTKEY on the primary key for joins and lookups
CREATE TABLE "orders" (
  "id" BIGINT ENCODE RAW,
  "customer" VARCHAR(40) ENCODE ZSTD,
  "amount" NUMERIC(12,2) ENCODE AZ64,
  "status" VARCHAR(10) ENCODE ZSTD,
  PRIMARY KEY ("id")
)
DISTSTYLE AUTO
COMPOUND SORTKEY ("id");

-- not converted, see the action items of this object:
-- CREATE SCHEMA IF NOT EXISTS "limits";

-- not converted, see the action items of this object:
-- CREATE OR REPLACE FUNCTION "limits"."c_max"()
-- RETURNS numeric(38,10)
-- IMMUTABLE
-- AS $$
--   SELECT 1000
-- $$ LANGUAGE sql;

-- orashift: scalar SQL UDF, IMMUTABLE (DETERMINISTIC in Oracle)
CREATE OR REPLACE FUNCTION "with_tax"(numeric(38,10), numeric(38,10))
RETURNS numeric(38,10)
IMMUTABLE
AS $$
  SELECT ROUND($1 * (1 + $2), 2)
$$ LANGUAGE sql;

-- orashift: NONATOMIC: the handler at line 21 continues after an error, which only a NONATOMIC procedure does on Redshift
CREATE OR REPLACE PROCEDURE "order_total"("p_customer" varchar(65535), INOUT "orashift_result" numeric(38,10)) NONATOMIC
AS $$
DECLARE
  "v_total" numeric(38,10);
  "orashift_msg" varchar(65535);
BEGIN
  SELECT SUM("with_tax"("amount", 0.2)) INTO "v_total" FROM "orders" WHERE "customer" = "p_customer";
  IF NOT FOUND THEN
    RAISE EXCEPTION 'ORA-01403: no data found';
  END IF;
  "orashift_result" := "v_total";
  RETURN;
EXCEPTION
  WHEN OTHERS THEN
    IF SQLERRM LIKE 'ORA-01403:%' THEN
      "orashift_result" := 0;
      RETURN;
    ELSIF (SQLERRM LIKE 'ORA-01476:%' OR SQLSTATE = '22012') OR (SQLERRM LIKE 'ORA-06502:%' OR SQLSTATE = '22000') THEN
      "orashift_msg" := ('bad data for ' || COALESCE("p_customer", ''));
      RAISE INFO '%', "orashift_msg";
      RAISE;
    ELSE
      RAISE;
    END IF;
END
$$ LANGUAGE plpgsql;

-- orashift: default (atomic) transaction mode: no handler continues after an error
CREATE OR REPLACE PROCEDURE "close_orders"("p_customer" varchar(65535))
AS $$
DECLARE
  "v_total" numeric(38,10);
  "v_count" numeric(38,10);
  "orashift_n" bigint;
  "orashift_msg" varchar(65535);
BEGIN
  CALL "order_total"("p_customer", "v_total");
  EXECUTE 'UPDATE "orders" SET "status" = ' || COALESCE(quote_literal(('CLOSED')::varchar(65535)), 'NULL') || ' WHERE "customer" = ' || COALESCE(quote_literal(("p_customer")::varchar(65535)), 'NULL');
  EXECUTE 'SELECT COUNT(*) FROM "orders" WHERE "customer" = ' || COALESCE(quote_literal(("p_customer")::varchar(65535)), 'NULL') INTO "v_count";
  GET DIAGNOSTICS "orashift_n" = ROW_COUNT;
  IF "orashift_n" = 0 THEN
    RAISE EXCEPTION 'ORA-01403: no data found';
  END IF;
  IF "v_total" > 1000 THEN
    "orashift_msg" := ('total ' || COALESCE(CAST("v_total" AS VARCHAR(MAX)), '') || ' over the limit');
    RAISE EXCEPTION 'ORA-20001: %', "orashift_msg";
  END IF;
END
$$ LANGUAGE plpgsql;

-- not converted, see the action items of this object:
-- -- orashift: default (atomic) transaction mode: no handler continues after an error
-- CREATE OR REPLACE PROCEDURE "nightly"()
-- AS $$
-- DECLARE
--   "c" record;
--   "o" record;
-- BEGIN
--   FOR "c" IN SELECT DISTINCT "customer" FROM "orders" LOOP
--     FOR "o" IN SELECT "id" FROM "orders" WHERE "customer" = "c"."customer" LOOP
--       UPDATE "orders" SET "status" = 'SEEN' WHERE "id" = "o"."id";
--     END LOOP;
--     COMMIT;
--   END LOOP;
-- END
-- $$ LANGUAGE plpgsql;

CREATE VIEW "order_gross" AS
SELECT "id", "with_tax"("amount") AS "gross" FROM "orders";

-- not converted, see the action items of this object:
-- CREATE VIEW "customer_totals" AS
-- SELECT "customer", "order_total"("customer") AS "total" FROM "orders";

-- action items
-- OS2009 SEQUENCE ORDERS_SEQ: Redshift has no sequences: not created (use an IDENTITY column) (line 7)
-- OS2002 TABLE ORDERS: PRIMARY KEY  (line 6)
-- OS6003 FUNCTION WITH_TAX: function WITH_TAX is one expression: a scalar SQL UDF (IMMUTABLE, DETERMINISTIC in Oracle); Redshift's convention is an f_ prefix for UDF names, the Oracle name is kept so callers need no change (line 9)
-- OS6002 FUNCTION ORDER_TOTAL: function ORDER_TOTAL is more than one expression: on Redshift a procedure whose last argument (INOUT orashift_result) returns the value; queries cannot call it (each such call is flagged where it is) (line 15)
-- OS6002 FUNCTION ORDER_TOTAL: SELECT INTO on Redshift keeps the first of several rows where Oracle raises TOO_MANY_ROWS (no row still raises NO_DATA_FOUND: checked after each SELECT INTO) (line 18)
-- OS6002 FUNCTION ORDER_TOTAL: on Redshift entering a handler rolls back the whole transaction (no subtransactions): every change made before the error is undone, not only the failed statement's (line 21)
-- OS6002 FUNCTION ORDER_TOTAL: ORDER_TOTAL is NONATOMIC (its handler continues after an error): each statement commits on its own, so a caller's ROLLBACK does not undo it (line 21)
-- OS6003 PROCEDURE CLOSE_ORDERS: EXECUTE … USING on Redshift: the values are spliced into the text with quote_literal (line 33)
-- OS6003 PROCEDURE CLOSE_ORDERS: EXECUTE … USING on Redshift: the values are spliced into the text with quote_literal (line 34)
-- OS6008 PROCEDURE NIGHTLY: cursor loop inside a cursor loop: Redshift allows one open cursor per session, a FOR loop over a query counts as one (stored-procedure-constraints); join both queries into one loop (line 44)
-- OS6008 PROCEDURE NIGHTLY: COMMIT inside a cursor loop: on Redshift it closes the loop's cursor (stored-procedure-transaction-management); commit after the loop or make the loop one set-based statement (line 47)
-- OS6002 PROCEDURE NIGHTLY: COMMIT in a procedure: works only when the procedure is called outside a transaction block (CALL at top level, not from a function or inside BEGIN … COMMIT) (line 47)
-- OS6008 TRIGGER ORDERS_BI: trigger ORDERS_BI: redshift has no triggers; make ORDERS.ID an IDENTITY column (or load the keys as the source has them) (line 52)
-- OS6008 PACKAGE LIMITS: package variable G_CALLS: redshift has no session state for packages (keep it in a table or pass it as an argument) (line 60)
-- OS6008 VIEW CUSTOMER_TOTALS: function ORDER_TOTAL is a procedure on redshift (its body is more than one expression): a query cannot call it; compute the value in a procedure or rewrite the function as one expression (a SQL UDF) (line 66)
