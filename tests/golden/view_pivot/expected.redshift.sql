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

CREATE VIEW "sal_pivot" AS
SELECT * FROM (SELECT "deptno", SUM(CASE WHEN "job" = 'CLERK' THEN "sal" END) AS "clerk", SUM(CASE WHEN "job" = 'MANAGER' THEN "sal" END) AS "manager" FROM (SELECT "deptno", "job", "sal" FROM "emp") "orashift_sub1" GROUP BY "deptno") "orashift_pivot1";

CREATE VIEW "job_pivot" AS
SELECT * FROM (SELECT "deptno", SUM(CASE WHEN "job" = 'CLERK' THEN "sal" END) AS "clerk_total", COUNT(CASE WHEN "job" = 'CLERK' THEN 1 END) AS "clerk_n", SUM(CASE WHEN "job" = 'ANALYST' THEN "sal" END) AS "analyst_total", COUNT(CASE WHEN "job" = 'ANALYST' THEN 1 END) AS "analyst_n" FROM (SELECT "deptno", "job", "sal" FROM "emp") "orashift_sub1" GROUP BY "deptno") "orashift_pivot1";

CREATE VIEW "sal_unpivot" AS
SELECT * FROM (SELECT "deptno", 'CLERK' AS "job", "clerk" AS "sal" FROM (SELECT "deptno", "clerk", "manager" FROM "sal_pivot") "orashift_sub2" WHERE "clerk" IS NOT NULL UNION ALL SELECT "deptno", 'MANAGER' AS "job", "manager" AS "sal" FROM (SELECT "deptno", "clerk", "manager" FROM "sal_pivot") "orashift_sub1" WHERE "manager" IS NOT NULL) "orashift_unpivot1";

CREATE VIEW "emp_unpivot" AS
SELECT * FROM (SELECT "empno", "ename", "job", "mgr", "hiredate", "deptno", 'SAL' AS "kind", "sal" AS "amount" FROM "emp" UNION ALL SELECT "empno", "ename", "job", "mgr", "hiredate", "deptno", 'COMM' AS "kind", "comm" AS "amount" FROM "emp") "orashift_unpivot1";

-- action items
-- OS2002 TABLE EMP: PRIMARY KEY EMP_PK (line 4)
-- OS2002 TABLE DEPT: PRIMARY KEY DEPT_PK (line 14)
