-- orashift: Oracle → postgres

CREATE TYPE "point_t" AS ("x" numeric, "y" numeric, "label" varchar(20));
DO $orashift$ BEGIN EXECUTE format('COMMENT ON TYPE %I.%I IS %L', current_schema(), 'point_t', 'orashift: Oracle OBJECT'); END $orashift$;

CREATE DOMAIN "point_list" AS "point_t"[];
DO $orashift$ BEGIN EXECUTE format('COMMENT ON DOMAIN %I.%I IS %L', current_schema(), 'point_list', 'orashift: Oracle COLLECTION'); END $orashift$;

CREATE DOMAIN "name_array" AS varchar(30)[];
DO $orashift$ BEGIN EXECUTE format('COMMENT ON DOMAIN %I.%I IS %L', current_schema(), 'name_array', 'orashift: Oracle COLLECTION'); END $orashift$;

CREATE TYPE "shape_t" AS ("name" varchar(20), "orashift_type" text);
DO $orashift$ BEGIN EXECUTE format('COMMENT ON TYPE %I.%I IS %L', current_schema(), 'shape_t', 'orashift: Oracle OBJECT NOT FINAL'); END $orashift$;
CREATE SCHEMA IF NOT EXISTS "shape_t";
CREATE OR REPLACE FUNCTION "shape_t"."shape_t$new"(varchar(20))
RETURNS "shape_t"
LANGUAGE plpgsql
AS $orashift$
DECLARE
  self "shape_t";
BEGIN
  self."name" := $1;
  self."orashift_type" := 'SHAPE_T';
  RETURN self;
END
$orashift$;

CREATE DOMAIN "circle_t" AS "shape_t";
DO $orashift$ BEGIN EXECUTE format('COMMENT ON DOMAIN %I.%I IS %L', current_schema(), 'circle_t', 'orashift: Oracle OBJECT UNDER SHAPE_T'); END $orashift$;
ALTER TYPE "shape_t" ADD ATTRIBUTE "r" numeric;
CREATE SCHEMA IF NOT EXISTS "circle_t";
CREATE OR REPLACE FUNCTION "circle_t"."circle_t$new"(varchar(20), numeric)
RETURNS "shape_t"
LANGUAGE plpgsql
AS $orashift$
DECLARE
  self "shape_t";
BEGIN
  self."name" := $1;
  self."r" := $2;
  self."orashift_type" := 'CIRCLE_T';
  RETURN self;
END
$orashift$;

CREATE SCHEMA IF NOT EXISTS "shape_t";
COMMENT ON SCHEMA "shape_t" IS 'orashift: Oracle TYPE BODY';

CREATE OR REPLACE FUNCTION "shape_t"."area"("self" "shape_t")
RETURNS numeric
LANGUAGE plpgsql
AS $orashift$
#variable_conflict use_column
BEGIN
  RETURN 0;
END
$orashift$;

-- action items
-- OS6003 TYPE SHAPE_T: type SHAPE_T of hierarchy SHAPE_T: one composite "shape_t" holds every type of the hierarchy and "orashift_type" the run-time type; methods that subtypes override are dispatched on it (line 9)
-- OS6003 TYPE CIRCLE_T: type CIRCLE_T of hierarchy SHAPE_T: one composite "shape_t" holds every type of the hierarchy and "orashift_type" the run-time type; methods that subtypes override are dispatched on it (line 15)
