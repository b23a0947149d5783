-- orashift: Oracle → postgres

CREATE SEQUENCE "orders_seq";

CREATE TABLE "orders" (
  "id" BIGINT,
  "customer" VARCHAR(40),
  "amount" NUMERIC(12,2),
  "status" VARCHAR(10),
  PRIMARY KEY ("id")
);

CREATE OR REPLACE FUNCTION "orashift_output_put"(line text, complete boolean)
RETURNS void
LANGUAGE plpgsql
AS $orashift$
DECLARE
  part text;
BEGIN
  IF current_setting('orashift.output_read', true) = 'on' THEN
    PERFORM set_config('orashift.output_lines', '[]', false);
    PERFORM set_config('orashift.output_read', 'off', false);
  END IF;
  part := COALESCE(current_setting('orashift.output_partial', true), '') || COALESCE(line, '');
  IF NOT complete THEN
    PERFORM set_config('orashift.output_partial', part, false);
    RETURN;
  END IF;
  PERFORM set_config('orashift.output_partial', '', false);
  RAISE NOTICE '%', part;
  IF current_setting('orashift.output_enabled', true) = 'on' THEN
    PERFORM set_config('orashift.output_lines',
                       (COALESCE(NULLIF(current_setting('orashift.output_lines', true), ''), '[]')::jsonb
                        || to_jsonb(part))::text, false);
  END IF;
END
$orashift$;

CREATE SCHEMA IF NOT EXISTS "limits";
COMMENT ON SCHEMA "limits" IS 'orashift: Oracle PACKAGE';

CREATE OR REPLACE FUNCTION "limits"."orashift$init"()
RETURNS void
LANGUAGE plpgsql
AS $orashift$
BEGIN
  IF current_setting('orashift.limits__orashift_init', true) = 'y' THEN
    RETURN;
  END IF;
  PERFORM set_config('orashift.limits__orashift_init', 'y', false);
  PERFORM set_config('orashift.limits__g_calls', COALESCE((0)::text, ''), false);
END
$orashift$;
CREATE OR REPLACE FUNCTION "limits"."c_max"()
RETURNS numeric
LANGUAGE plpgsql
AS $orashift$
BEGIN
  RETURN 1000;
END
$orashift$;
CREATE OR REPLACE FUNCTION "limits"."g_calls"()
RETURNS numeric
LANGUAGE plpgsql
AS $orashift$
BEGIN
  PERFORM "limits"."orashift$init"();
  RETURN NULLIF(current_setting('orashift.limits__g_calls', true), '')::numeric;
END
$orashift$;
CREATE OR REPLACE FUNCTION "limits"."g_calls$set"(value numeric)
RETURNS void
LANGUAGE plpgsql
AS $orashift$
BEGIN
  PERFORM "limits"."orashift$init"();
  PERFORM set_config('orashift.limits__g_calls', COALESCE(value::text, ''), false);
END
$orashift$;

CREATE OR REPLACE FUNCTION "with_tax"("p_amount" numeric, "p_rate" numeric DEFAULT 0.2)
RETURNS numeric
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
BEGIN
  RETURN ROUND("p_amount" * (1 + "p_rate"), 2);
END
$orashift$;

CREATE OR REPLACE FUNCTION "order_total"("p_customer" text)
RETURNS numeric
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
DECLARE
  "v_total" numeric;
BEGIN
  SELECT SUM("with_tax"("amount")) INTO STRICT "v_total" FROM "orders" WHERE "customer" = "p_customer";
  RETURN "v_total";
EXCEPTION
  WHEN no_data_found THEN
    RETURN 0;
  WHEN division_by_zero OR data_exception THEN
    PERFORM "orashift_output_put"((CONCAT('bad data for ', "p_customer"))::text, true);
    RAISE;
END
$orashift$;

CREATE OR REPLACE PROCEDURE "close_orders"("p_customer" text)
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
DECLARE
  "v_total" numeric;
  "v_count" numeric;
BEGIN
  "v_total" := "order_total"("p_customer");
  EXECUTE 'UPDATE "orders" SET "status" = $1 WHERE "customer" = $2' USING 'CLOSED', "p_customer";
  EXECUTE 'SELECT COUNT(*) FROM "orders" WHERE "customer" = $1' INTO STRICT "v_count" USING "p_customer";
  IF "v_total" > 1000 THEN
    RAISE EXCEPTION USING ERRCODE = 'OR001', MESSAGE = COALESCE(CONCAT('total ', "v_total", ' over the limit'), '');
  END IF;
END
$orashift$;

CREATE OR REPLACE PROCEDURE "nightly"()
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
DECLARE
  "c" record;
  "o" record;
BEGIN
  FOR "c" IN SELECT DISTINCT "customer" FROM "orders" LOOP
    FOR "o" IN SELECT "id" FROM "orders" WHERE "customer" = "c"."customer" LOOP
      UPDATE "orders" SET "status" = 'SEEN' WHERE "id" = "o"."id";
    END LOOP;
    COMMIT;
  END LOOP;
END
$orashift$;

CREATE VIEW "order_gross" AS
SELECT "id", "with_tax"("amount") AS "gross" FROM "orders";

CREATE VIEW "customer_totals" AS
SELECT "customer", "order_total"("customer") AS "total" FROM "orders";

ALTER TABLE "orders" ALTER COLUMN "id" SET DEFAULT nextval('"orders_seq"');

-- action items
-- OS6002 PROCEDURE NIGHTLY: COMMIT in a procedure: works only when the procedure is called outside a transaction block (CALL at top level, not from a function or inside BEGIN … COMMIT) (line 47)
-- OS6003 TRIGGER ORDERS_BI: trigger ORDERS_BI fills ORDERS.ID from sequence ORDERS_SEQ: converted to a column DEFAULT, trigger not created (Oracle replaced explicit values too; the DEFAULT keeps them) (line 52)
