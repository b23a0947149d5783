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

CREATE TYPE "pv_point" AS ("x" numeric, "y" numeric);
DO $orashift$ BEGIN EXECUTE format('COMMENT ON TYPE %I.%I IS %L', current_schema(), 'pv_point', 'orashift: Oracle OBJECT'); END $orashift$;

CREATE SCHEMA IF NOT EXISTS "pv_pkg";
CREATE TYPE "pv_pkg"."font_rec" AS ("name" varchar(20), "size_pt" numeric, "widths" jsonb);
CREATE TYPE "pv_pkg"."ctx_rec" AS ("total" numeric, "h" jsonb, "names" jsonb, "size_pt" numeric);

CREATE SCHEMA IF NOT EXISTS "pv_point";
COMMENT ON SCHEMA "pv_point" IS 'orashift: Oracle TYPE BODY';

CREATE SCHEMA IF NOT EXISTS "pv_pkg";
COMMENT ON SCHEMA "pv_pkg" IS 'orashift: Oracle PACKAGE';

CREATE OR REPLACE FUNCTION "pv_pkg"."orashift$init"()
RETURNS void
LANGUAGE plpgsql
AS $orashift$
BEGIN
  IF current_setting('orashift.pv_pkg__orashift_init', true) = 'y' THEN
    RETURN;
  END IF;
  PERFORM set_config('orashift.pv_pkg__orashift_init', 'y', false);
  PERFORM set_config('orashift.pv_pkg__g_list', COALESCE(('{}'::numeric[])::text, ''), false);
  PERFORM set_config('orashift.pv_pkg__g_points', COALESCE(('{}'::"pv_point"[])::text, ''), false);
  PERFORM set_config('orashift.pv_pkg__g_name', COALESCE(('init')::text, ''), false);
END
$orashift$;
CREATE OR REPLACE FUNCTION "pv_pkg"."g_k"()
RETURNS jsonb
LANGUAGE plpgsql
AS $orashift$
BEGIN
  PERFORM "pv_pkg"."orashift$init"();
  RETURN NULLIF(current_setting('orashift.pv_pkg__g_k', true), '')::jsonb;
END
$orashift$;
CREATE OR REPLACE FUNCTION "pv_pkg"."g_k$set"(value jsonb)
RETURNS void
LANGUAGE plpgsql
AS $orashift$
BEGIN
  PERFORM "pv_pkg"."orashift$init"();
  PERFORM set_config('orashift.pv_pkg__g_k', COALESCE(value::text, ''), false);
END
$orashift$;
CREATE OR REPLACE FUNCTION "pv_pkg"."g_fonts"()
RETURNS "pv_pkg"."font_rec"[]
LANGUAGE plpgsql
AS $orashift$
BEGIN
  PERFORM "pv_pkg"."orashift$init"();
  RETURN NULLIF(current_setting('orashift.pv_pkg__g_fonts', true), '')::"pv_pkg"."font_rec"[];
END
$orashift$;
CREATE OR REPLACE FUNCTION "pv_pkg"."g_fonts$set"(value "pv_pkg"."font_rec"[])
RETURNS void
LANGUAGE plpgsql
AS $orashift$
BEGIN
  PERFORM "pv_pkg"."orashift$init"();
  PERFORM set_config('orashift.pv_pkg__g_fonts', COALESCE(value::text, ''), false);
END
$orashift$;
CREATE OR REPLACE FUNCTION "pv_pkg"."g_ctx"()
RETURNS "pv_pkg"."ctx_rec"
LANGUAGE plpgsql
AS $orashift$
BEGIN
  PERFORM "pv_pkg"."orashift$init"();
  RETURN NULLIF(current_setting('orashift.pv_pkg__g_ctx', true), '')::"pv_pkg"."ctx_rec";
END
$orashift$;
CREATE OR REPLACE FUNCTION "pv_pkg"."g_ctx$set"(value "pv_pkg"."ctx_rec")
RETURNS void
LANGUAGE plpgsql
AS $orashift$
BEGIN
  PERFORM "pv_pkg"."orashift$init"();
  PERFORM set_config('orashift.pv_pkg__g_ctx', COALESCE(value::text, ''), false);
END
$orashift$;
CREATE OR REPLACE FUNCTION "pv_pkg"."g_list"()
RETURNS numeric[]
LANGUAGE plpgsql
AS $orashift$
BEGIN
  PERFORM "pv_pkg"."orashift$init"();
  RETURN NULLIF(current_setting('orashift.pv_pkg__g_list', true), '')::numeric[];
END
$orashift$;
CREATE OR REPLACE FUNCTION "pv_pkg"."g_list$set"(value numeric[])
RETURNS void
LANGUAGE plpgsql
AS $orashift$
BEGIN
  PERFORM "pv_pkg"."orashift$init"();
  PERFORM set_config('orashift.pv_pkg__g_list', COALESCE(value::text, ''), false);
END
$orashift$;
CREATE OR REPLACE FUNCTION "pv_pkg"."g_points"()
RETURNS "pv_point"[]
LANGUAGE plpgsql
AS $orashift$
BEGIN
  PERFORM "pv_pkg"."orashift$init"();
  RETURN NULLIF(current_setting('orashift.pv_pkg__g_points', true), '')::"pv_point"[];
END
$orashift$;
CREATE OR REPLACE FUNCTION "pv_pkg"."g_points$set"(value "pv_point"[])
RETURNS void
LANGUAGE plpgsql
AS $orashift$
BEGIN
  PERFORM "pv_pkg"."orashift$init"();
  PERFORM set_config('orashift.pv_pkg__g_points', COALESCE(value::text, ''), false);
END
$orashift$;
CREATE OR REPLACE FUNCTION "pv_pkg"."c_base"()
RETURNS numeric
LANGUAGE plpgsql
AS $orashift$
BEGIN
  RETURN 1000;
END
$orashift$;
CREATE OR REPLACE FUNCTION "pv_pkg"."g_name"()
RETURNS varchar(20)
LANGUAGE plpgsql
AS $orashift$
BEGIN
  PERFORM "pv_pkg"."orashift$init"();
  RETURN NULLIF(current_setting('orashift.pv_pkg__g_name', true), '')::varchar(20);
END
$orashift$;
CREATE OR REPLACE FUNCTION "pv_pkg"."g_name$set"(value varchar(20))
RETURNS void
LANGUAGE plpgsql
AS $orashift$
BEGIN
  PERFORM "pv_pkg"."orashift$init"();
  PERFORM set_config('orashift.pv_pkg__g_name', COALESCE(value::text, ''), false);
END
$orashift$;
CREATE OR REPLACE FUNCTION "pv_pkg"."g_pages"()
RETURNS text[]
LANGUAGE plpgsql
AS $orashift$
BEGIN
  PERFORM "pv_pkg"."orashift$init"();
  RETURN NULLIF(current_setting('orashift.pv_pkg__g_pages', true), '')::text[];
END
$orashift$;
CREATE OR REPLACE FUNCTION "pv_pkg"."g_pages$set"(value text[])
RETURNS void
LANGUAGE plpgsql
AS $orashift$
BEGIN
  PERFORM "pv_pkg"."orashift$init"();
  PERFORM set_config('orashift.pv_pkg__g_pages', COALESCE(value::text, ''), false);
END
$orashift$;

CREATE SCHEMA IF NOT EXISTS "pv_pkg";
CREATE OR REPLACE FUNCTION "pv_pkg"."orashift$init"()
RETURNS void
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
BEGIN
  IF current_setting('orashift.pv_pkg__orashift_init', true) = 'y' THEN
    RETURN;
  END IF;
  PERFORM set_config('orashift.pv_pkg__orashift_init', 'y', false);
  PERFORM set_config('orashift.pv_pkg__g_list', COALESCE(('{}'::numeric[])::text, ''), false);
  PERFORM set_config('orashift.pv_pkg__g_points', COALESCE(('{}'::"pv_point"[])::text, ''), false);
  PERFORM set_config('orashift.pv_pkg__g_name', COALESCE(('init')::text, ''), false);
  BEGIN
    PERFORM "pv_pkg"."g_k$set"(COALESCE(NULLIF("pv_pkg"."g_k"(), 'null'), '{}') || jsonb_build_object(((0)::integer)::text, (10)::numeric));
    PERFORM "pv_pkg"."g_k$set"(COALESCE(NULLIF("pv_pkg"."g_k"(), 'null'), '{}') || jsonb_build_object(((1)::integer)::text, (11)::numeric));
    PERFORM "pv_pkg"."g_k$set"(COALESCE(NULLIF("pv_pkg"."g_k"(), 'null'), '{}') || jsonb_build_object(((2)::integer)::text, (12)::numeric));
    PERFORM "pv_pkg"."g_k$set"(COALESCE(NULLIF("pv_pkg"."g_k"(), 'null'), '{}') || jsonb_build_object(((3)::integer)::text, (("orashift_map_get"("pv_pkg"."g_k"(), ((2)::integer)::text) #>> '{}')::numeric + 1)::numeric));
  END;
END
$orashift$;
COMMENT ON SCHEMA "pv_pkg" IS 'orashift: Oracle PACKAGE BODY';

CREATE OR REPLACE PROCEDURE "pv_point"."shift"(INOUT "self" "pv_point", "d" numeric)
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
BEGIN
  "self"."x" := "self"."x" + "d";
END
$orashift$;

CREATE OR REPLACE FUNCTION "pv_pkg"."twice"("n" numeric)
RETURNS numeric
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
BEGIN
  RETURN "n" * 2;
END
$orashift$;

CREATE OR REPLACE FUNCTION "pv_pkg"."selects"("p" text)
RETURNS text
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
DECLARE
  "c" CURSOR FOR SELECT 'fetched';
  "c%found" boolean;
  "c%rowcount" integer := 0;
  "c%isopen" boolean := FALSE;
  "r" varchar(100);
  "orashift_pkgvar$pv_pkg$g_name" varchar(20);
  "orashift_pkgvar$pv_pkg$g_ctx" "pv_pkg"."ctx_rec";
BEGIN
  "orashift_pkgvar$pv_pkg$g_name" := "pv_pkg"."g_name"();
  SELECT CONCAT("p", '!') INTO STRICT "orashift_pkgvar$pv_pkg$g_name";
  PERFORM "pv_pkg"."g_name$set"("orashift_pkgvar$pv_pkg$g_name");
  "orashift_pkgvar$pv_pkg$g_ctx" := "pv_pkg"."g_ctx"();
  SELECT 40, 2 INTO STRICT "orashift_pkgvar$pv_pkg$g_ctx"."total", "orashift_pkgvar$pv_pkg$g_ctx"."size_pt";
  PERFORM "pv_pkg"."g_ctx$set"("orashift_pkgvar$pv_pkg$g_ctx");
  DECLARE
    "orashift_pkgvar$pv_pkg$g_name" varchar(20);
  BEGIN
    "orashift_pkgvar$pv_pkg$g_name" := "pv_pkg"."g_name"();
    SELECT 'none' INTO STRICT "orashift_pkgvar$pv_pkg$g_name" WHERE 1 = 0;
    PERFORM "pv_pkg"."g_name$set"("orashift_pkgvar$pv_pkg$g_name");
  EXCEPTION
    WHEN no_data_found THEN
      NULL;
  END;
  "r" := "pv_pkg"."g_name"();
  OPEN "c";
  "c%isopen" := TRUE;
  "c%rowcount" := 0;
  "orashift_pkgvar$pv_pkg$g_name" := "pv_pkg"."g_name"();
  FETCH "c" INTO "orashift_pkgvar$pv_pkg$g_name";
  "c%found" := FOUND;
  "c%rowcount" := "c%rowcount" + (CASE WHEN FOUND THEN 1 ELSE 0 END);
  PERFORM "pv_pkg"."g_name$set"("orashift_pkgvar$pv_pkg$g_name");
  CLOSE "c";
  "c%isopen" := FALSE;
  RETURN CONCAT("r", ':', (("pv_pkg"."g_ctx"())."total" + ("pv_pkg"."g_ctx"())."size_pt"), ':', "pv_pkg"."g_name"());
END
$orashift$;

CREATE OR REPLACE FUNCTION "pv_pkg"."lob_pages"()
RETURNS text
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
DECLARE
  "orashift_pkgvar$pv_pkg$g_pages" text[];
BEGIN
  "orashift_pkgvar$pv_pkg$g_pages" := "pv_pkg"."g_pages"();
  "orashift_pkgvar$pv_pkg$g_pages"[1] := '';
  PERFORM "pv_pkg"."g_pages$set"("orashift_pkgvar$pv_pkg$g_pages");
  "orashift_pkgvar$pv_pkg$g_pages" := "pv_pkg"."g_pages"();
  "orashift_pkgvar$pv_pkg$g_pages"[1] := COALESCE("orashift_pkgvar$pv_pkg$g_pages"[1], '') || 'abc';
  PERFORM "pv_pkg"."g_pages$set"("orashift_pkgvar$pv_pkg$g_pages");
  "orashift_pkgvar$pv_pkg$g_pages" := "pv_pkg"."g_pages"();
  "orashift_pkgvar$pv_pkg$g_pages"[1] := COALESCE("orashift_pkgvar$pv_pkg$g_pages"[1], '') || substr('dexx', 1, 2);
  PERFORM "pv_pkg"."g_pages$set"("orashift_pkgvar$pv_pkg$g_pages");
  RETURN CONCAT(("pv_pkg"."g_pages"())[1], ':', length(("pv_pkg"."g_pages"())[1]));
END
$orashift$;

CREATE OR REPLACE FUNCTION "pv_pkg"."k_text"()
RETURNS text
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
DECLARE
  "r" varchar(400);
BEGIN
  FOR "i" IN 0..3 LOOP
    "r" := CONCAT("r", ("orashift_map_get"("pv_pkg"."g_k"(), (("i")::integer)::text) #>> '{}')::numeric, ',');
  END LOOP;
  RETURN "r";
END
$orashift$;

CREATE OR REPLACE FUNCTION "pv_pkg"."set_font"("i" integer, "n" text, "w" numeric)
RETURNS text
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
DECLARE
  "orashift_pkgvar$pv_pkg$g_fonts" "pv_pkg"."font_rec"[];
BEGIN
  "orashift_pkgvar$pv_pkg$g_fonts" := "pv_pkg"."g_fonts"();
  "orashift_pkgvar$pv_pkg$g_fonts"["i"]."name" := "n";
  PERFORM "pv_pkg"."g_fonts$set"("orashift_pkgvar$pv_pkg$g_fonts");
  "orashift_pkgvar$pv_pkg$g_fonts" := "pv_pkg"."g_fonts"();
  "orashift_pkgvar$pv_pkg$g_fonts"["i"]."size_pt" := 10 + "i";
  PERFORM "pv_pkg"."g_fonts$set"("orashift_pkgvar$pv_pkg$g_fonts");
  "orashift_pkgvar$pv_pkg$g_fonts" := "pv_pkg"."g_fonts"();
  "orashift_pkgvar$pv_pkg$g_fonts"["i"]."widths" := COALESCE(NULLIF(("orashift_pkgvar$pv_pkg$g_fonts"["i"])."widths", 'null'), '{}') || jsonb_build_object(((1)::integer)::text, ("w")::numeric);
  PERFORM "pv_pkg"."g_fonts$set"("orashift_pkgvar$pv_pkg$g_fonts");
  "orashift_pkgvar$pv_pkg$g_fonts" := "pv_pkg"."g_fonts"();
  "orashift_pkgvar$pv_pkg$g_fonts"["i"]."widths" := COALESCE(NULLIF(("orashift_pkgvar$pv_pkg$g_fonts"["i"])."widths", 'null'), '{}') || jsonb_build_object(((2)::integer)::text, (("orashift_map_get"(("orashift_pkgvar$pv_pkg$g_fonts"["i"])."widths", ((1)::integer)::text) #>> '{}')::numeric * 2)::numeric);
  PERFORM "pv_pkg"."g_fonts$set"("orashift_pkgvar$pv_pkg$g_fonts");
  RETURN CONCAT((("pv_pkg"."g_fonts"())["i"])."name", ':', (("pv_pkg"."g_fonts"())["i"])."size_pt", ':', ("orashift_map_get"((("pv_pkg"."g_fonts"())["i"])."widths", ((1)::integer)::text) #>> '{}')::numeric, ':', ("orashift_map_get"((("pv_pkg"."g_fonts"())["i"])."widths", ((2)::integer)::text) #>> '{}')::numeric, ':', COALESCE(cardinality("pv_pkg"."g_fonts"()), 0));
END
$orashift$;

CREATE OR REPLACE FUNCTION "pv_pkg"."ctx_text"()
RETURNS text
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
DECLARE
  "orashift_pkgvar$pv_pkg$g_ctx" "pv_pkg"."ctx_rec";
BEGIN
  "orashift_pkgvar$pv_pkg$g_ctx" := "pv_pkg"."g_ctx"();
  "orashift_pkgvar$pv_pkg$g_ctx"."h" := COALESCE(NULLIF("orashift_pkgvar$pv_pkg$g_ctx"."h", 'null'), '{}') || jsonb_build_object(((1)::integer)::text, (7)::numeric);
  PERFORM "pv_pkg"."g_ctx$set"("orashift_pkgvar$pv_pkg$g_ctx");
  "orashift_pkgvar$pv_pkg$g_ctx" := "pv_pkg"."g_ctx"();
  "orashift_pkgvar$pv_pkg$g_ctx"."h" := COALESCE(NULLIF("orashift_pkgvar$pv_pkg$g_ctx"."h", 'null'), '{}') || jsonb_build_object(((2)::integer)::text, (("orashift_map_get"("orashift_pkgvar$pv_pkg$g_ctx"."h", ((1)::integer)::text) #>> '{}')::numeric + 1)::numeric);
  PERFORM "pv_pkg"."g_ctx$set"("orashift_pkgvar$pv_pkg$g_ctx");
  "orashift_pkgvar$pv_pkg$g_ctx" := "pv_pkg"."g_ctx"();
  "orashift_pkgvar$pv_pkg$g_ctx"."total" := ("orashift_map_get"("orashift_pkgvar$pv_pkg$g_ctx"."h", ((1)::integer)::text) #>> '{}')::numeric + ("orashift_map_get"("orashift_pkgvar$pv_pkg$g_ctx"."h", ((2)::integer)::text) #>> '{}')::numeric;
  PERFORM "pv_pkg"."g_ctx$set"("orashift_pkgvar$pv_pkg$g_ctx");
  "orashift_pkgvar$pv_pkg$g_ctx" := "pv_pkg"."g_ctx"();
  "orashift_pkgvar$pv_pkg$g_ctx"."names" := COALESCE(NULLIF("orashift_pkgvar$pv_pkg$g_ctx"."names", 'null'), '{}') || jsonb_build_object(('a')::text, ('alpha')::varchar(20));
  PERFORM "pv_pkg"."g_ctx$set"("orashift_pkgvar$pv_pkg$g_ctx");
  RETURN CONCAT(("pv_pkg"."g_ctx"())."total", ':', (SELECT count(*) FROM jsonb_object_keys(("pv_pkg"."g_ctx"())."h") AS orashift_keys("orashift$k"))::integer, ':', ("orashift_map_get"(("pv_pkg"."g_ctx"())."names", ('a')::text) #>> '{}')::varchar(20));
END
$orashift$;

CREATE OR REPLACE FUNCTION "pv_pkg"."failing_assign"("d" numeric)
RETURNS text
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
BEGIN
  PERFORM "pv_pkg"."g_k$set"(COALESCE(NULLIF("pv_pkg"."g_k"(), 'null'), '{}') || jsonb_build_object(((1)::integer)::text, (100)::numeric));
  BEGIN
    PERFORM "pv_pkg"."g_k$set"(COALESCE(NULLIF("pv_pkg"."g_k"(), 'null'), '{}') || jsonb_build_object(((1)::integer)::text, (TRUNC(100 / "d"))::numeric));
  EXCEPTION
    WHEN division_by_zero THEN
      NULL;
  END;
  RETURN ("orashift_map_get"("pv_pkg"."g_k"(), ((1)::integer)::text) #>> '{}')::numeric;
END
$orashift$;

CREATE OR REPLACE FUNCTION "pv_pkg"."grow"("n" integer)
RETURNS text
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
DECLARE
  "orashift_pkgvar$pv_pkg$g_list" numeric[];
BEGIN
  "orashift_pkgvar$pv_pkg$g_list" := "pv_pkg"."g_list"();
  "orashift_pkgvar$pv_pkg$g_list" := '{}';
  PERFORM "pv_pkg"."g_list$set"("orashift_pkgvar$pv_pkg$g_list");
  FOR "i" IN 1.."n" LOOP
    "orashift_pkgvar$pv_pkg$g_list" := "pv_pkg"."g_list"();
    "orashift_pkgvar$pv_pkg$g_list" := "orashift_pkgvar$pv_pkg$g_list" || array_fill(NULL::numeric, ARRAY[1]);
    PERFORM "pv_pkg"."g_list$set"("orashift_pkgvar$pv_pkg$g_list");
    "orashift_pkgvar$pv_pkg$g_list" := "pv_pkg"."g_list"();
    "orashift_pkgvar$pv_pkg$g_list"["i"] := "i" * "i";
    PERFORM "pv_pkg"."g_list$set"("orashift_pkgvar$pv_pkg$g_list");
  END LOOP;
  "orashift_pkgvar$pv_pkg$g_list" := "pv_pkg"."g_list"();
  "orashift_pkgvar$pv_pkg$g_list" := "orashift_pkgvar$pv_pkg$g_list"[array_lower("orashift_pkgvar$pv_pkg$g_list", 1):array_upper("orashift_pkgvar$pv_pkg$g_list", 1) - 1];
  PERFORM "pv_pkg"."g_list$set"("orashift_pkgvar$pv_pkg$g_list");
  RETURN CONCAT(COALESCE(cardinality("pv_pkg"."g_list"()), 0), ':', ("pv_pkg"."g_list"())[(CASE WHEN cardinality("pv_pkg"."g_list"()) > 0 THEN array_upper("pv_pkg"."g_list"(), 1) END)]);
END
$orashift$;

CREATE OR REPLACE FUNCTION "pv_pkg"."partial_run"("d" numeric)
RETURNS text
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
BEGIN
  DECLARE
    "orashift_pkgvar$pv_pkg$g_list" numeric[];
  BEGIN
    "orashift_pkgvar$pv_pkg$g_list" := "pv_pkg"."g_list"();
    "orashift_pkgvar$pv_pkg$g_list"[1] := 5;
    "orashift_pkgvar$pv_pkg$g_list"[2] := TRUNC(100 / "d");
    "orashift_pkgvar$pv_pkg$g_list"[3] := 7;
    PERFORM "pv_pkg"."g_list$set"("orashift_pkgvar$pv_pkg$g_list");
  EXCEPTION
    WHEN division_by_zero THEN
      NULL;
  END;
  RETURN CONCAT(COALESCE(cardinality("pv_pkg"."g_list"()), 0), ':', ("pv_pkg"."g_list"())[1], ':', ("pv_pkg"."g_list"())[2], ':', ("pv_pkg"."g_list"())[3]);
END
$orashift$;

CREATE OR REPLACE FUNCTION "pv_pkg"."points"()
RETURNS text
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
DECLARE
  "orashift_pkgvar$pv_pkg$g_points" "pv_point"[];
  "orashift_elem1" "pv_point";
BEGIN
  "orashift_pkgvar$pv_pkg$g_points" := "pv_pkg"."g_points"();
  "orashift_pkgvar$pv_pkg$g_points" := "orashift_pkgvar$pv_pkg$g_points" || array_fill(NULL::"pv_point", ARRAY[2]);
  PERFORM "pv_pkg"."g_points$set"("orashift_pkgvar$pv_pkg$g_points");
  "orashift_pkgvar$pv_pkg$g_points" := "pv_pkg"."g_points"();
  "orashift_pkgvar$pv_pkg$g_points"[1] := ROW(1, 2)::"pv_point";
  "orashift_pkgvar$pv_pkg$g_points"[2] := ROW(3, 4)::"pv_point";
  PERFORM "pv_pkg"."g_points$set"("orashift_pkgvar$pv_pkg$g_points");
  "orashift_pkgvar$pv_pkg$g_points" := "pv_pkg"."g_points"();
  "orashift_elem1" := "orashift_pkgvar$pv_pkg$g_points"[2];
  CALL "pv_point"."shift"("orashift_elem1", 10);
  "orashift_pkgvar$pv_pkg$g_points"[2] := "orashift_elem1";
  PERFORM "pv_pkg"."g_points$set"("orashift_pkgvar$pv_pkg$g_points");
  "orashift_pkgvar$pv_pkg$g_points" := "pv_pkg"."g_points"();
  "orashift_pkgvar$pv_pkg$g_points"[1]."y" := 20;
  PERFORM "pv_pkg"."g_points$set"("orashift_pkgvar$pv_pkg$g_points");
  RETURN CONCAT(COALESCE(cardinality("pv_pkg"."g_points"()), 0), ':', (("pv_pkg"."g_points"())[1])."y", ':', (("pv_pkg"."g_points"())[2])."x");
END
$orashift$;

CREATE OR REPLACE FUNCTION "hex_value"("h" text)
RETURNS numeric
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
BEGIN
  RETURN (CASE WHEN "h" ~ '^[0-9A-Fa-f]+$' AND length("h") <= 16 THEN ('x' || lpad("h", 16, '0'))::bit(64)::bigint::numeric + CASE WHEN lpad("h", 16, '0') ~ '^[89A-Fa-f]' THEN 18446744073709551616 ELSE 0 END ELSE CAST('x' || "h" AS NUMERIC) END);
END
$orashift$;

CREATE OR REPLACE FUNCTION "block_reads"("n" numeric)
RETURNS text
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
DECLARE
  "a" numeric;
  "b" varchar(20);
BEGIN
  EXECUTE 'SELECT "pv_pkg"."twice"($1) + "pv_pkg"."c_base"()' INTO "a" USING "n";
  EXECUTE 'SELECT "pv_pkg"."g_name"()' INTO "b";
  RETURN CONCAT("a", ':', "b");
END
$orashift$;

CREATE OR REPLACE FUNCTION "using_out"("a" numeric, "b" text)
RETURNS text
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
DECLARE
  "r" varchar(100);
BEGIN
  EXECUTE 'SELECT NULLIF(CONCAT(UPPER($1), CAST($2 * 2 AS TEXT)), '''')' INTO "r" USING "b", "a";
  RETURN "r";
END
$orashift$;

-- action items
-- OS6002 TYPE PV_POINT: type PV_POINT declares 1 method(s): the composite type holds the attributes; methods come with the type body (line 2)
-- OS6003 FUNCTION BLOCK_READS: EXECUTE IMMEDIATE of a block :x := expression with USING OUT: run as the query SELECT expression INTO x (line 144)
-- OS6003 FUNCTION BLOCK_READS: EXECUTE IMMEDIATE of a block :x := expression with USING OUT: run as the query SELECT expression INTO x (line 145)
-- OS6003 FUNCTION USING_OUT: EXECUTE IMMEDIATE of a block :x := expression with USING OUT: run as the query SELECT expression INTO x (line 152)
