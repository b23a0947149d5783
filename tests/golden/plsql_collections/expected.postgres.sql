-- orashift: Oracle → postgres

CREATE TABLE "picked" (
  "name" VARCHAR(30),
  "qty" NUMERIC
);

CREATE DOMAIN "word_list" AS varchar(30)[];
DO $orashift$ BEGIN EXECUTE format('COMMENT ON DOMAIN %I.%I IS %L', current_schema(), 'word_list', 'orashift: Oracle COLLECTION'); END $orashift$;

CREATE TYPE "item_t" AS ("name" varchar(30), "qty" numeric);
DO $orashift$ BEGIN EXECUTE format('COMMENT ON TYPE %I.%I IS %L', current_schema(), 'item_t', 'orashift: Oracle OBJECT'); END $orashift$;

CREATE DOMAIN "item_list" AS "item_t"[];
DO $orashift$ BEGIN EXECUTE format('COMMENT ON DOMAIN %I.%I IS %L', current_schema(), 'item_list', 'orashift: Oracle COLLECTION'); END $orashift$;

CREATE TYPE "counter_t" AS ("n" numeric);
DO $orashift$ BEGIN EXECUTE format('COMMENT ON TYPE %I.%I IS %L', current_schema(), 'counter_t', 'orashift: Oracle OBJECT'); END $orashift$;

CREATE DOMAIN "counter_list" AS "counter_t"[];
DO $orashift$ BEGIN EXECUTE format('COMMENT ON DOMAIN %I.%I IS %L', current_schema(), 'counter_list', 'orashift: Oracle COLLECTION'); END $orashift$;

CREATE TYPE "stack_t" AS ("tokens" varchar(30)[]);
DO $orashift$ BEGIN EXECUTE format('COMMENT ON TYPE %I.%I IS %L', current_schema(), 'stack_t', 'orashift: Oracle OBJECT'); END $orashift$;

CREATE SCHEMA IF NOT EXISTS "coll_tab";
CREATE TYPE "coll_tab"."rec_t" AS ("label" varchar(30), "words" varchar(30)[]);

CREATE SCHEMA IF NOT EXISTS "counter_t";
COMMENT ON SCHEMA "counter_t" IS 'orashift: Oracle TYPE BODY';

CREATE SCHEMA IF NOT EXISTS "stack_t";
COMMENT ON SCHEMA "stack_t" IS 'orashift: Oracle TYPE BODY';

CREATE SCHEMA IF NOT EXISTS "coll_tab";
COMMENT ON SCHEMA "coll_tab" IS 'orashift: Oracle PACKAGE';

CREATE OR REPLACE FUNCTION "coll_tab"."orashift$init"()
RETURNS void
LANGUAGE plpgsql
AS $orashift$
BEGIN
  IF current_setting('orashift.coll_tab__orashift_init', true) = 'y' THEN
    RETURN;
  END IF;
  PERFORM set_config('orashift.coll_tab__orashift_init', 'y', false);
END
$orashift$;

CREATE SCHEMA IF NOT EXISTS "coll_tab";
CREATE OR REPLACE FUNCTION "coll_tab"."orashift$init"()
RETURNS void
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
BEGIN
  IF current_setting('orashift.coll_tab__orashift_init', true) = 'y' THEN
    RETURN;
  END IF;
  PERFORM set_config('orashift.coll_tab__orashift_init', 'y', false);
END
$orashift$;
COMMENT ON SCHEMA "coll_tab" IS 'orashift: Oracle PACKAGE BODY';

CREATE OR REPLACE FUNCTION "counter_t"."doubled"("self" "counter_t")
RETURNS numeric
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
BEGIN
  RETURN "self"."n" * 2;
END
$orashift$;

CREATE OR REPLACE PROCEDURE "counter_t"."bump"(INOUT "self" "counter_t", "p_by" numeric)
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
BEGIN
  "self"."n" := "self"."n" + "p_by";
END
$orashift$;

CREATE OR REPLACE PROCEDURE "stack_t"."push"(INOUT "self" "stack_t", "p" text)
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
BEGIN
  "self"."tokens" := "self"."tokens" || array_fill(NULL::varchar(30), ARRAY[1]);
  "self"."tokens"[COALESCE(cardinality("self"."tokens"), 0)] := "p";
END
$orashift$;

CREATE OR REPLACE PROCEDURE "stack_t"."pop"(INOUT "self" "stack_t")
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
BEGIN
  "self"."tokens" := "self"."tokens"[array_lower("self"."tokens", 1):array_upper("self"."tokens", 1) - 1];
END
$orashift$;

CREATE OR REPLACE FUNCTION "stack_t"."top"("self" "stack_t")
RETURNS text
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
BEGIN
  RETURN "self"."tokens"[(CASE WHEN cardinality("self"."tokens") > 0 THEN array_upper("self"."tokens", 1) END)];
END
$orashift$;

CREATE OR REPLACE FUNCTION "stack_t"."size_of"("self" "stack_t")
RETURNS numeric
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
DECLARE
  "l_n" numeric;
BEGIN
  SELECT COUNT(*) INTO STRICT "l_n" FROM unnest("self"."tokens") AS "orashift_coll1"("column_value");
  RETURN "l_n";
END
$orashift$;

CREATE OR REPLACE FUNCTION "coll_tab"."words_of"("p_n" numeric)
RETURNS varchar(30)[]
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
DECLARE
  "l" varchar(30)[] := '{}'::varchar(30)[];
BEGIN
  FOR "i" IN 1.."p_n" LOOP
    "l" := "l" || array_fill(NULL::varchar(30), ARRAY[1]);
    "l"[COALESCE(cardinality("l"), 0)] := CONCAT('w', "i");
  END LOOP;
  RETURN "l";
END
$orashift$;

CREATE OR REPLACE FUNCTION "coll_tab"."scalar_rows"()
RETURNS text
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
DECLARE
  "l_list" varchar(30)[] := ARRAY['b', 'a', 'c']::varchar(30)[];
  "l_out" varchar(200);
  "l_n" numeric;
  "r" record;
BEGIN
  SELECT STRING_AGG("column_value", ',' ORDER BY "column_value") INTO STRICT "l_out" FROM unnest("l_list") AS "orashift_coll1"("column_value");
  SELECT COUNT(*) INTO STRICT "l_n" FROM unnest("coll_tab"."words_of"(4)) AS "w"("column_value") WHERE "w"."column_value" <> 'w2';
  FOR "r" IN SELECT "column_value" AS "v" FROM unnest("l_list") AS "orashift_coll1"("column_value") WHERE "column_value" > 'a' ORDER BY 1 LOOP
    "l_out" := CONCAT("l_out", ';', "r"."v");
  END LOOP;
  RETURN CONCAT("l_out", ' ', "l_n");
END
$orashift$;

CREATE OR REPLACE FUNCTION "coll_tab"."object_rows"()
RETURNS text
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
DECLARE
  "l_items" "item_t"[] := ARRAY[ROW('pen', 2)::"item_t", ROW('ink', 5)::"item_t", ROW('cap', 1)::"item_t"]::"item_t"[];
  "l_total" numeric;
  "l_names" varchar(200);
BEGIN
  SELECT SUM("t"."qty") INTO STRICT "l_total" FROM unnest("l_items") AS "t"("name", "qty") WHERE "t"."qty" > 1;
  SELECT STRING_AGG("name", ',' ORDER BY "qty") INTO STRICT "l_names" FROM unnest("l_items") AS "orashift_coll1"("name", "qty");
  RETURN CONCAT("l_names", ' ', "l_total");
END
$orashift$;

CREATE OR REPLACE PROCEDURE "coll_tab"."fill_picked"("p_items" "item_t"[])
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
BEGIN
  INSERT INTO "picked" ("name", "qty") SELECT "i"."name", "i"."qty" FROM unnest("p_items") AS "i"("name", "qty") WHERE "i"."qty" >= 2;
END
$orashift$;

CREATE OR REPLACE FUNCTION "coll_tab"."selector_facts"()
RETURNS text
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
DECLARE
  "l_items" "item_t"[] := ARRAY[ROW('pen', 2)::"item_t", ROW('ink', 5)::"item_t"]::"item_t"[];
  "l_recs" "coll_tab"."rec_t"[] := '{}'::"coll_tab"."rec_t"[];
  "l_rec" "coll_tab"."rec_t";
BEGIN
  "l_items"[2]."qty" := ("l_items"[2])."qty" + 10;
  "l_rec"."label" := 'r';
  "l_rec"."words" := ARRAY['x']::varchar(30)[];
  "l_rec"."words" := "l_rec"."words" || array_fill(NULL::varchar(30), ARRAY[2]);
  "l_rec"."words"[2] := 'y';
  "l_rec"."words"[3] := 'z';
  "l_rec"."words" := "l_rec"."words"[array_lower("l_rec"."words", 1):array_upper("l_rec"."words", 1) - 1];
  "l_recs" := "l_recs" || array_fill(NULL::"coll_tab"."rec_t", ARRAY[1]);
  "l_recs"[1] := "l_rec";
  "l_recs"[1]."words"[1] := 'X';
  "l_recs"[1]."words" := "l_recs"[1]."words" || array_fill(NULL::varchar(30), ARRAY[1]);
  "l_recs"[1]."words"[(CASE WHEN cardinality(("l_recs"[1])."words") > 0 THEN array_upper(("l_recs"[1])."words", 1) END)] := 'w';
  RETURN CONCAT(("l_items"[2])."name", ("l_items"[2])."qty", ' ', COALESCE(cardinality("l_rec"."words"), 0), ' ', COALESCE(cardinality(("l_recs"[1])."words"), 0), ':', ("l_recs"[1])."words"[1], ("l_recs"[1])."words"[3], ' ', CASE WHEN COALESCE(4 BETWEEN array_lower(("l_recs"[1])."words", 1) AND array_upper(("l_recs"[1])."words", 1), FALSE) THEN 'y' ELSE 'n' END, ' ', (CASE WHEN 1 < array_upper(("l_recs"[1])."words", 1) THEN 1 + 1 END));
END
$orashift$;

CREATE OR REPLACE FUNCTION "coll_tab"."method_facts"()
RETURNS text
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
DECLARE
  "l" "counter_t"[] := ARRAY[ROW(1)::"counter_t", ROW(5)::"counter_t"]::"counter_t"[];
  "l_s" "stack_t" := ROW('{}'::varchar(30)[])::"stack_t";
  "orashift_elem1" "counter_t";
BEGIN
  "orashift_elem1" := "l"[2];
  CALL "counter_t"."bump"("orashift_elem1", 3);
  "l"[2] := "orashift_elem1";
  CALL "stack_t"."push"("l_s", 'a');
  CALL "stack_t"."push"("l_s", 'b');
  CALL "stack_t"."push"("l_s", 'c');
  CALL "stack_t"."pop"("l_s");
  RETURN CONCAT("counter_t"."doubled"("l"[2]), ' ', "counter_t"."doubled"("l"[1]), ' ', "stack_t"."top"("l_s"), "stack_t"."size_of"("l_s"));
END
$orashift$;

-- action items
-- OS6002 TYPE COUNTER_T: type COUNTER_T declares 2 method(s): the composite type holds the attributes; methods come with the type body (line 14)
-- OS6002 TYPE STACK_T: type STACK_T declares 4 method(s): the composite type holds the attributes; methods come with the type body (line 33)
