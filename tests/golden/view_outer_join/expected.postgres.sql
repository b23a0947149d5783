-- orashift: Oracle → postgres

CREATE TABLE "emp" (
  "empno" SMALLINT,
  "ename" VARCHAR(10),
  "job" VARCHAR(9),
  "mgr" SMALLINT,
  "hiredate" TIMESTAMP,
  "sal" NUMERIC(7,2),
  "comm" NUMERIC(7,2),
  "deptno" SMALLINT,
  CONSTRAINT "emp_pk" PRIMARY KEY ("empno")
);

CREATE TABLE "dept" (
  "deptno" SMALLINT,
  "dname" VARCHAR(14),
  "loc" VARCHAR(13),
  CONSTRAINT "dept_pk" PRIMARY KEY ("deptno")
);

CREATE TABLE "jobs" (
  "job" VARCHAR(9),
  "deptno" SMALLINT,
  "title" VARCHAR(20)
);

CREATE VIEW "emp_dept" AS
SELECT "d"."dname", "e"."ename" FROM "dept" "d" LEFT JOIN "emp" "e" ON "d"."deptno" = "e"."deptno";

CREATE VIEW "dept_clerks" AS
SELECT "d"."dname", "e"."ename" FROM "dept" "d" LEFT JOIN "emp" "e" ON "d"."deptno" = "e"."deptno" AND "e"."job" = 'CLERK';

CREATE VIEW "emp_mgr" AS
SELECT "e"."ename", "m"."ename" AS "mgr_name", "d"."dname" FROM "emp" "e" LEFT JOIN "emp" "m" ON "e"."mgr" = "m"."empno" LEFT JOIN "dept" "d" ON "m"."deptno" = "d"."deptno";

CREATE VIEW "emp_titles" AS
SELECT "e"."ename", "j"."title" FROM "emp" "e" LEFT JOIN "jobs" "j" ON "e"."job" = "j"."job" AND "e"."deptno" = "j"."deptno";

-- not converted, see the action items of this object:
-- CREATE VIEW "bad_outer" AS
-- SELECT "e"."ename" FROM "emp" "e", "emp" "m", "dept" "d" WHERE "e"."mgr" = "m"."empno";

-- action items
-- OS4009 VIEW BAD_OUTER: (+) on columns of two tables in one condition (line 36)
