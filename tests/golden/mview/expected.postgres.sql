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

CREATE MATERIALIZED VIEW "dept_sal_mv" AS
SELECT "d"."dname", SUM("e"."sal") AS "total_sal", COUNT(*) AS "heads" FROM "dept" "d", "emp" "e" WHERE "d"."deptno" = "e"."deptno" GROUP BY "d"."dname";

CREATE MATERIALIZED VIEW "top_paid_mv" AS
SELECT * FROM (SELECT "ename", "sal" FROM "emp" ORDER BY "sal" DESC LIMIT 1) "orashift_sub1" LIMIT 1;

-- action items
-- OS4011 MATERIALIZED VIEW DEPT_SAL_MV: materialized view options not kept: BUILD IMMEDIATE REFRESH COMPLETE ON DEMAND ENABLE QUERY REWRITE (line 19)
