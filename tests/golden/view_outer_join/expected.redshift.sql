-- orashift: Oracle → redshift

-- no join evidence: DISTSTYLE AUTO
-- SORTKEY on the primary key for joins and lookups
CREATE TABLE "emp" (
  "empno" SMALLINT ENCODE RAW,
  "ename" VARCHAR(10) ENCODE ZSTD,
  "job" VARCHAR(9) ENCODE ZSTD,
  "mgr" SMALLINT ENCODE AZ64,
  "hiredate" TIMESTAMP ENCODE AZ64,
  "sal" NUMERIC(7,2) ENCODE AZ64,
  "comm" NUMERIC(7,2) ENCODE AZ64,
  "deptno" SMALLINT ENCODE AZ64,
  CONSTRAINT "emp_pk" PRIMARY KEY ("empno")
)
DISTSTYLE AUTO
COMPOUND SORTKEY ("empno");

-- no join evidence: DISTSTYLE AUTO
-- SORTKEY on the primary key for joins and lookups
CREATE TABLE "dept" (
  "deptno" SMALLINT ENCODE RAW,
  "dname" VARCHAR(14) ENCODE ZSTD,
  "loc" VARCHAR(13) ENCODE ZSTD,
  CONSTRAINT "dept_pk" PRIMARY KEY ("deptno")
)
DISTSTYLE AUTO
COMPOUND SORTKEY ("deptno");

-- no join evidence: DISTSTYLE AUTO
CREATE TABLE "jobs" (
  "job" VARCHAR(9) ENCODE ZSTD,
  "deptno" SMALLINT ENCODE AZ64,
  "title" VARCHAR(20) ENCODE ZSTD
)
DISTSTYLE AUTO;

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
-- OS2002 TABLE EMP: PRIMARY KEY EMP_PK (line 4)
-- OS2002 TABLE DEPT: PRIMARY KEY DEPT_PK (line 14)
-- OS4009 VIEW BAD_OUTER: (+) on columns of two tables in one condition (line 36)
