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

CREATE MATERIALIZED VIEW "dept_sal_mv" AS
SELECT "d"."dname", SUM("e"."sal") AS "total_sal", COUNT(*) AS "heads" FROM "dept" "d", "emp" "e" WHERE "d"."deptno" = "e"."deptno" GROUP BY "d"."dname";

CREATE VIEW "top_paid_mv" AS
SELECT * FROM (SELECT "ename", "sal" FROM "emp" ORDER BY "sal" DESC LIMIT 1) "orashift_sub1" LIMIT 1;

-- action items
-- OS2002 TABLE EMP: PRIMARY KEY EMP_PK (line 4)
-- OS2002 TABLE DEPT: PRIMARY KEY DEPT_PK (line 14)
-- OS4011 MATERIALIZED VIEW DEPT_SAL_MV: materialized view options not kept: BUILD IMMEDIATE REFRESH COMPLETE ON DEMAND ENABLE QUERY REWRITE (line 19)
-- OS4011 MATERIALIZED VIEW TOP_PAID_MV: the query is not allowed in a Redshift materialized view: created as a view (line 28)
