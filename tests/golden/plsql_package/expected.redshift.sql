-- orashift: Oracle → redshift

-- no join evidence: DISTSTYLE AUTO
-- SORTKEY on the primary key for joins and lookups
CREATE TABLE "items" (
  "id" INTEGER ENCODE RAW,
  "label" VARCHAR(50) ENCODE ZSTD,
  "price" NUMERIC(10,2) ENCODE AZ64,
  PRIMARY KEY ("id")
)
DISTSTYLE AUTO
COMPOUND SORTKEY ("id");

CREATE SCHEMA IF NOT EXISTS "shop";

CREATE OR REPLACE FUNCTION "shop"."c_tax"()
RETURNS numeric(38,10)
IMMUTABLE
AS $$
  SELECT 0.2
$$ LANGUAGE sql;

-- not converted, see the action items of this object:
-- CREATE SCHEMA IF NOT EXISTS "shop";

-- not converted, see the action items of this object:
-- -- orashift: default (atomic) transaction mode: no handler continues after an error
-- CREATE OR REPLACE PROCEDURE "shop"."net"("p_id" numeric(38,10), INOUT "orashift_result" numeric(38,10))
-- AS $$
-- DECLARE
--   "v" numeric(10,2);
-- BEGIN
--   SELECT "price" INTO "v" FROM "items" WHERE "id" = "p_id";
--   IF NOT FOUND THEN
--     RAISE EXCEPTION 'ORA-01403: no data found';
--   END IF;
--   "orashift_result" := "v";
--   RETURN;
-- END
-- $$ LANGUAGE plpgsql;

-- not converted, see the action items of this object:
-- -- orashift: scalar SQL UDF, STABLE (reads no table and calls nothing volatile)
-- CREATE OR REPLACE FUNCTION "shop"."gross"(numeric(38,10))
-- RETURNS numeric(38,10)
-- STABLE
-- AS $$
--   SELECT "net"($1) * (1 + "shop"."c_tax"())
-- $$ LANGUAGE sql;

-- not converted, see the action items of this object:
-- -- orashift: default (atomic) transaction mode: no handler continues after an error
-- CREATE OR REPLACE PROCEDURE "shop"."gross"("p_label" varchar(65535), INOUT "orashift_result" numeric(38,10))
-- AS $$
-- DECLARE
--   "r" record;
-- BEGIN
--   SELECT "id" INTO "r"."id" FROM "items" WHERE "label" = "p_label";
--   IF NOT FOUND THEN
--     RAISE EXCEPTION 'ORA-01403: no data found';
--   END IF;
--   "r"."gross" := "shop"."gross"("r"."id");
--   "orashift_result" := "r"."gross";
--   RETURN;
-- END
-- $$ LANGUAGE plpgsql;

-- not converted, see the action items of this object:
-- -- orashift: default (atomic) transaction mode: no handler continues after an error
-- CREATE OR REPLACE PROCEDURE "shop"."sell"("p_id" numeric(38,10))
-- AS $$
-- DECLARE
--   "sql%rowcount" integer := 0;
-- BEGIN
--   DELETE FROM "items" WHERE "id" = "p_id";
--   GET DIAGNOSTICS "sql%rowcount" = ROW_COUNT;
--   IF ("sql%rowcount" = 0) THEN
--     RAISE EXCEPTION 'ORA-20100: SOLD_OUT';
--   END IF;
--   PERFORM "shop"."g_sold$set"("shop"."g_sold"() + 1);
-- END
-- $$ LANGUAGE plpgsql;

-- action items
-- OS2002 TABLE ITEMS: PRIMARY KEY  (line 3)
-- OS6008 PACKAGE BODY SHOP: package variable G_SOLD: redshift has no session state for packages (keep it in a table or pass it as an argument) (line 17)
-- OS6002 PACKAGE BODY SHOP: function SHOP.NET is more than one expression: on Redshift a procedure whose last argument (INOUT orashift_result) returns the value; queries cannot call it (each such call is flagged where it is) (line 19)
-- OS6002 PACKAGE BODY SHOP: SELECT INTO on Redshift keeps the first of several rows where Oracle raises TOO_MANY_ROWS (no row still raises NO_DATA_FOUND: checked after each SELECT INTO) (line 22)
-- OS6008 PACKAGE BODY SHOP: function NET is a procedure on redshift (its body is more than one expression): an expression cannot call it; assign it on its own (v := NET(…)) so that it becomes a CALL (line 28)
-- OS4007 PACKAGE BODY SHOP: call to NET: not in the built-in function map; a user function (or type constructor) must be converted and exist on the target first (line 28)
-- OS6003 PACKAGE BODY SHOP: function GROSS is one expression: a scalar SQL UDF (STABLE, reads no table and calls nothing volatile); Redshift's convention is an f_ prefix for UDF names, the Oracle name is kept so callers need no change (line 26)
-- OS6002 PACKAGE BODY SHOP: function SHOP.GROSS is more than one expression: on Redshift a procedure whose last argument (INOUT orashift_result) returns the value; queries cannot call it (each such call is flagged where it is) (line 31)
