-- orashift: Oracle → duckdb

CREATE SEQUENCE "emp_seq";

CREATE TABLE "emp" (
  "empno" SMALLINT,
  "ename" VARCHAR,
  "job" VARCHAR,
  "mgr" SMALLINT,
  "hiredate" TIMESTAMP,
  "sal" NUMERIC(7,2),
  "comm" NUMERIC(7,2),
  "deptno" SMALLINT,
  CONSTRAINT "emp_pk" PRIMARY KEY ("empno")
);

CREATE TABLE "dept" (
  "deptno" SMALLINT,
  "dname" VARCHAR,
  "loc" VARCHAR,
  CONSTRAINT "dept_pk" PRIMARY KEY ("deptno")
);

CREATE VIEW "next_id" AS
SELECT nextval('"emp_seq"') AS "id";

-- not converted, see the action items of this object:
-- CREATE VIEW "sal_pivot_xml" AS
-- SELECT * FROM (SELECT deptno, job, sal FROM emp) PIVOT XML (SUM(sal) FOR job IN (ANY));

-- not converted, see the action items of this object:
-- CREATE VIEW "on_pivot" AS
-- SELECT "deptno" FROM "sal_pivot_xml";

-- not converted, see the action items of this object:
-- CREATE VIEW "top_earner" AS
-- SELECT "deptno", MAX("ename") KEEP (DENSE_RANK FIRST ORDER BY "sal" DESC NULLS FIRST) AS "top" FROM "emp" GROUP BY "deptno";

-- not converted, see the action items of this object:
-- CREATE VIEW "quarters" AS
-- SELECT "ename", strftime("hiredate", 'Q') AS "q" FROM "emp";

CREATE VIEW "safe_emps" ("id", "name") AS
SELECT "empno", "ename" FROM "emp" WHERE "deptno" = 10;

-- action items
-- OS4006 VIEW SAL_PIVOT_XML: PIVOT not rewritten (PIVOT XML): rewrite as CASE aggregation (line 25)
-- OS4007 VIEW TOP_EARNER: KEEP (DENSE_RANK FIRST/LAST ...): rewrite with FIRST_VALUE over a window or a subquery (line 30)
-- OS4004 VIEW QUARTERS: format element Q of 'Q' has no duckdb equivalent (line 32)
-- OS4010 VIEW SAFE_EMPS: FORCE: the view is created after the objects it reads (line 35)
-- OS4010 VIEW SAFE_EMPS: WITH READ ONLY not reproduced (line 35)
-- OS4013 VIEW ON_PIVOT: reads SAL_PIVOT_XML, which was not converted (line 27)
