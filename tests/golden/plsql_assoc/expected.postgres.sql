-- orashift: Oracle → postgres

CREATE OR REPLACE FUNCTION "orashift_map_get"(m jsonb, k text)
RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE
AS $orashift$
BEGIN
  IF k IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'null_value_not_allowed', MESSAGE = 'NULL index table key value';
  END IF;
  IF m ? k THEN
    RETURN m -> k;
  END IF;
  RAISE EXCEPTION USING ERRCODE = 'no_data_found', MESSAGE = 'no data found';
END
$orashift$;

CREATE TYPE "walk$t_emp" AS ("name" varchar(20), "sal" numeric);

CREATE TYPE "lines_of$t_unit" AS ("name" varchar(30), "lines" jsonb);

CREATE SCHEMA IF NOT EXISTS "cache";
COMMENT ON SCHEMA "cache" IS 'orashift: Oracle PACKAGE';

CREATE OR REPLACE FUNCTION "cache"."orashift$init"()
RETURNS void
LANGUAGE plpgsql
AS $orashift$
BEGIN
  IF current_setting('orashift.cache__orashift_init', true) = 'y' THEN
    RETURN;
  END IF;
  PERFORM set_config('orashift.cache__orashift_init', 'y', false);
END
$orashift$;

CREATE SCHEMA IF NOT EXISTS "cache";
CREATE OR REPLACE FUNCTION "cache"."orashift$init"()
RETURNS void
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
BEGIN
  IF current_setting('orashift.cache__orashift_init', true) = 'y' THEN
    RETURN;
  END IF;
  PERFORM set_config('orashift.cache__orashift_init', 'y', false);
END
$orashift$;
CREATE OR REPLACE FUNCTION "cache"."g"()
RETURNS jsonb
LANGUAGE plpgsql
AS $orashift$
BEGIN
  PERFORM "cache"."orashift$init"();
  RETURN NULLIF(current_setting('orashift.cache__g', true), '')::jsonb;
END
$orashift$;
CREATE OR REPLACE FUNCTION "cache"."g$set"(value jsonb)
RETURNS void
LANGUAGE plpgsql
AS $orashift$
BEGIN
  PERFORM "cache"."orashift$init"();
  PERFORM set_config('orashift.cache__g', COALESCE(value::text, ''), false);
END
$orashift$;
COMMENT ON SCHEMA "cache" IS 'orashift: Oracle PACKAGE BODY';

CREATE SCHEMA IF NOT EXISTS "slots";
COMMENT ON SCHEMA "slots" IS 'orashift: Oracle PACKAGE';

CREATE OR REPLACE FUNCTION "slots"."orashift$init"()
RETURNS void
LANGUAGE plpgsql
AS $orashift$
BEGIN
  IF current_setting('orashift.slots__orashift_init', true) = 'y' THEN
    RETURN;
  END IF;
  PERFORM set_config('orashift.slots__orashift_init', 'y', false);
END
$orashift$;
CREATE OR REPLACE FUNCTION "slots"."taken"()
RETURNS jsonb
LANGUAGE plpgsql
AS $orashift$
BEGIN
  PERFORM "slots"."orashift$init"();
  RETURN NULLIF(current_setting('orashift.slots__taken', true), '')::jsonb;
END
$orashift$;
CREATE OR REPLACE FUNCTION "slots"."taken$set"(value jsonb)
RETURNS void
LANGUAGE plpgsql
AS $orashift$
BEGIN
  PERFORM "slots"."orashift$init"();
  PERFORM set_config('orashift.slots__taken', COALESCE(value::text, ''), false);
END
$orashift$;

CREATE SCHEMA IF NOT EXISTS "slots";
CREATE OR REPLACE FUNCTION "slots"."orashift$init"()
RETURNS void
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
BEGIN
  IF current_setting('orashift.slots__orashift_init', true) = 'y' THEN
    RETURN;
  END IF;
  PERFORM set_config('orashift.slots__orashift_init', 'y', false);
END
$orashift$;
COMMENT ON SCHEMA "slots" IS 'orashift: Oracle PACKAGE BODY';

CREATE OR REPLACE PROCEDURE "cache"."put"("k" text, "v" numeric)
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
BEGIN
  PERFORM "cache"."g$set"(COALESCE(NULLIF("cache"."g"(), 'null'), '{}') || jsonb_build_object(("k")::text, ("v")::numeric));
END
$orashift$;

CREATE OR REPLACE FUNCTION "cache"."get"("k" text)
RETURNS numeric
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
BEGIN
  IF NOT COALESCE("cache"."g"() ? ("k")::text, FALSE) THEN
    RETURN NULL;
  END IF;
  RETURN ("orashift_map_get"("cache"."g"(), ("k")::text) #>> '{}')::numeric;
END
$orashift$;

CREATE OR REPLACE FUNCTION "walk"()
RETURNS text
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
DECLARE
  "e" jsonb := '{}'::jsonb;
  "n" jsonb := '{}'::jsonb;
  "k" varchar(10);
  "i" integer;
  "r" varchar(200);
BEGIN
  "e" := COALESCE(NULLIF("e", 'null'), '{}') || jsonb_build_object(('x')::text, COALESCE(NULLIF("e" -> ('x')::text, 'null'), '{}') || jsonb_build_object('name', ('Ann')::varchar(20)));
  "e" := COALESCE(NULLIF("e", 'null'), '{}') || jsonb_build_object(('x')::text, COALESCE(NULLIF("e" -> ('x')::text, 'null'), '{}') || jsonb_build_object('sal', (10)::numeric));
  "n" := COALESCE(NULLIF("n", 'null'), '{}') || jsonb_build_object(((3)::integer)::text, (1)::numeric);
  "n" := COALESCE(NULLIF("n", 'null'), '{}') || jsonb_build_object(((7)::integer)::text, (2)::numeric);
  "n" := COALESCE("n" - ((3)::integer)::text, "n");
  "k" := (SELECT min("orashift$k" COLLATE "C") FROM jsonb_object_keys("e") AS orashift_keys("orashift$k"));
  WHILE "k" IS NOT NULL LOOP
    "r" := CONCAT("r", "k", '=', (jsonb_populate_record(NULL::"walk$t_emp", NULLIF("orashift_map_get"("e", ("k")::text), 'null')))."name", ';');
    "k" := (SELECT min("orashift$k" COLLATE "C") FROM jsonb_object_keys("e") AS orashift_keys("orashift$k") WHERE "orashift$k" COLLATE "C" > ("k")::text);
  END LOOP;
  "i" := (SELECT max("orashift$k"::integer) FROM jsonb_object_keys("n") AS orashift_keys("orashift$k"));
  "r" := CONCAT("r", (SELECT count(*) FROM jsonb_object_keys("n") AS orashift_keys("orashift$k"))::integer, ' ', "i", ' ', (SELECT max("orashift$k"::integer) FROM jsonb_object_keys("n") AS orashift_keys("orashift$k") WHERE "orashift$k"::integer < ("i")::integer));
  "e" := COALESCE((SELECT jsonb_object_agg("orashift$k", "orashift$v") FROM jsonb_each("e") AS orashift_elems("orashift$k", "orashift$v") WHERE NOT COALESCE("orashift$k" COLLATE "C" BETWEEN ('a')::text AND ('z')::text, FALSE)), '{}');
  "e" := '{}'::jsonb;
  RETURN "r";
END
$orashift$;

CREATE OR REPLACE FUNCTION "lines_of"("p_unit" text)
RETURNS numeric
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
DECLARE
  "u" jsonb := '{}'::jsonb;
  "one" "lines_of$t_unit";
BEGIN
  "one"."lines" := COALESCE(NULLIF("one"."lines", 'null'), '{}') || jsonb_build_object(((200)::integer)::text, (1)::numeric);
  "u" := COALESCE(NULLIF("u", 'null'), '{}') || jsonb_build_object(("p_unit")::text, ("one")::"lines_of$t_unit");
  RETURN (SELECT count(*) FROM jsonb_object_keys((jsonb_populate_record(NULL::"lines_of$t_unit", NULLIF("orashift_map_get"("u", ("p_unit")::text), 'null')))."lines") AS orashift_keys("orashift$k"))::integer;
END
$orashift$;

CREATE OR REPLACE PROCEDURE "slots"."free"("n" integer)
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
BEGIN
  PERFORM "slots"."taken$set"(COALESCE("slots"."taken"() - (("n")::integer)::text, "slots"."taken"()));
END
$orashift$;

-- action items
