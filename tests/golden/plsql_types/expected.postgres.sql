-- orashift: Oracle → postgres

CREATE TYPE "point_t" AS ("x" numeric, "y" numeric, "label" varchar(20));

CREATE DOMAIN "point_list" AS "point_t"[];

CREATE DOMAIN "name_array" AS varchar(30)[];

CREATE TYPE "shape_t" AS ("name" varchar(20));

-- action items
-- OS6002 TYPE SHAPE_T: type SHAPE_T declares 1 method(s): the composite type holds the attributes; methods come with the type body (line 9)
-- OS6007 TYPE BODY SHAPE_T: type body SHAPE_T: member methods and constructors are not converted yet (write them as functions taking the composite as their first argument) (line 12)
-- OS6007 TYPE CIRCLE_T: type CIRCLE_T UNDER shape_t: composite types have no inheritance (line 15)
