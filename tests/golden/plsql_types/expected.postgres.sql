-- orashift: Oracle → postgres

CREATE TYPE "point_t" AS ("x" numeric, "y" numeric, "label" varchar(20));

CREATE DOMAIN "point_list" AS "point_t"[];

CREATE DOMAIN "name_array" AS varchar(30)[];

CREATE TYPE "shape_t" AS ("name" varchar(20), "orashift_type" text);
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
