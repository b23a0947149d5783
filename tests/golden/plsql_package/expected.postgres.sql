-- orashift: Oracle → postgres

CREATE TABLE "items" (
  "id" INTEGER,
  "label" VARCHAR(50),
  "price" NUMERIC(10,2),
  PRIMARY KEY ("id")
);

CREATE SCHEMA IF NOT EXISTS "shop";
CREATE TYPE "shop"."item_rec" AS ("id" integer, "gross" numeric);

CREATE SCHEMA IF NOT EXISTS "shop";
COMMENT ON SCHEMA "shop" IS 'orashift: Oracle PACKAGE';

CREATE OR REPLACE FUNCTION "shop"."orashift$init"()
RETURNS void
LANGUAGE plpgsql
AS $orashift$
BEGIN
  IF current_setting('orashift.shop__orashift_init', true) = 'y' THEN
    RETURN;
  END IF;
  PERFORM set_config('orashift.shop__orashift_init', 'y', false);
END
$orashift$;
CREATE OR REPLACE FUNCTION "shop"."c_tax"()
RETURNS numeric
LANGUAGE plpgsql
AS $orashift$
BEGIN
  RETURN 0.2;
END
$orashift$;

CREATE SCHEMA IF NOT EXISTS "shop";
CREATE OR REPLACE FUNCTION "shop"."orashift$init"()
RETURNS void
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
BEGIN
  IF current_setting('orashift.shop__orashift_init', true) = 'y' THEN
    RETURN;
  END IF;
  PERFORM set_config('orashift.shop__orashift_init', 'y', false);
  PERFORM set_config('orashift.shop__g_sold', COALESCE((0)::text, ''), false);
END
$orashift$;
CREATE OR REPLACE FUNCTION "shop"."g_sold"()
RETURNS integer
LANGUAGE plpgsql
AS $orashift$
BEGIN
  PERFORM "shop"."orashift$init"();
  RETURN NULLIF(current_setting('orashift.shop__g_sold', true), '')::integer;
END
$orashift$;
CREATE OR REPLACE FUNCTION "shop"."g_sold$set"(value integer)
RETURNS void
LANGUAGE plpgsql
AS $orashift$
BEGIN
  PERFORM "shop"."orashift$init"();
  PERFORM set_config('orashift.shop__g_sold', COALESCE(value::text, ''), false);
END
$orashift$;
COMMENT ON SCHEMA "shop" IS 'orashift: Oracle PACKAGE BODY';

CREATE OR REPLACE FUNCTION "shop"."net"("p_id" numeric)
RETURNS numeric
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
DECLARE
  "v" numeric(10,2);
BEGIN
  SELECT "price" INTO STRICT "v" FROM "items" WHERE "id" = "p_id";
  RETURN "v";
END
$orashift$;

CREATE OR REPLACE FUNCTION "shop"."gross"("p_id" numeric)
RETURNS numeric
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
BEGIN
  RETURN "shop"."net"("p_id") * (1 + "shop"."c_tax"());
END
$orashift$;

CREATE OR REPLACE FUNCTION "shop"."gross"("p_label" text)
RETURNS numeric
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
DECLARE
  "r" "shop"."item_rec";
BEGIN
  SELECT "id" INTO STRICT "r"."id" FROM "items" WHERE "label" = "p_label";
  "r"."gross" := "shop"."gross"("r"."id");
  RETURN "r"."gross";
END
$orashift$;

CREATE OR REPLACE PROCEDURE "shop"."sell"("p_id" numeric)
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
DECLARE
  "sql%rowcount" integer := 0;
BEGIN
  DELETE FROM "items" WHERE "id" = "p_id";
  GET DIAGNOSTICS "sql%rowcount" = ROW_COUNT;
  IF ("sql%rowcount" = 0) THEN
    RAISE EXCEPTION USING ERRCODE = 'OR100', MESSAGE = 'SOLD_OUT';
  END IF;
  PERFORM "shop"."g_sold$set"("shop"."g_sold"() + 1);
END
$orashift$;

-- action items
