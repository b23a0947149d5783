-- orashift: Oracle → postgres

CREATE TYPE "point_t" AS ("x" numeric, "y" numeric, "label" varchar(20));

CREATE DOMAIN "point_list" AS "point_t"[];

CREATE DOMAIN "name_array" AS varchar(30)[];

CREATE TYPE "shape_t" AS ("name" varchar(20));

CREATE TYPE "circle_t" AS ("name" varchar(20), "r" numeric);

CREATE SCHEMA IF NOT EXISTS "shape_t";

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
-- OS6002 TYPE SHAPE_T: type SHAPE_T declares 1 method(s): the composite type holds the attributes; methods come with the type body (line 9)
-- OS6002 TYPE CIRCLE_T: type CIRCLE_T UNDER shape_t: a composite type with the supertypes' attributes first; a variable of a supertype cannot hold it (no substitutability) and methods are not inherited dynamically (line 15)
