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

CREATE VIEW "sal_pivot" AS
SELECT * FROM (SELECT "deptno", SUM(CASE WHEN "job" = 'CLERK' THEN "sal" END) AS "clerk", SUM(CASE WHEN "job" = 'MANAGER' THEN "sal" END) AS "manager" FROM (SELECT "deptno", "job", "sal" FROM "emp") "orashift_sub1" GROUP BY "deptno") "orashift_pivot1";

CREATE VIEW "job_pivot" AS
SELECT * FROM (SELECT "deptno", SUM(CASE WHEN "job" = 'CLERK' THEN "sal" END) AS "clerk_total", COUNT(CASE WHEN "job" = 'CLERK' THEN 1 END) AS "clerk_n", SUM(CASE WHEN "job" = 'ANALYST' THEN "sal" END) AS "analyst_total", COUNT(CASE WHEN "job" = 'ANALYST' THEN 1 END) AS "analyst_n" FROM (SELECT "deptno", "job", "sal" FROM "emp") "orashift_sub1" GROUP BY "deptno") "orashift_pivot1";

CREATE VIEW "sal_unpivot" AS
SELECT * FROM (SELECT "deptno", 'CLERK' AS "job", "clerk" AS "sal" FROM (SELECT "deptno", "clerk", "manager" FROM "sal_pivot") "orashift_sub2" WHERE "clerk" IS NOT NULL UNION ALL SELECT "deptno", 'MANAGER' AS "job", "manager" AS "sal" FROM (SELECT "deptno", "clerk", "manager" FROM "sal_pivot") "orashift_sub1" WHERE "manager" IS NOT NULL) "orashift_unpivot1";

CREATE VIEW "emp_unpivot" AS
SELECT * FROM (SELECT "empno", "ename", "job", "mgr", "hiredate", "deptno", 'SAL' AS "kind", "sal" AS "amount" FROM "emp" UNION ALL SELECT "empno", "ename", "job", "mgr", "hiredate", "deptno", 'COMM' AS "kind", "comm" AS "amount" FROM "emp") "orashift_unpivot1";

-- action items
