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

-- not converted, see the action items of this object:
-- CREATE VIEW "next_id" AS
-- SELECT NULL AS "id";

-- not converted, see the action items of this object:
-- CREATE VIEW "sal_pivot_xml" AS
-- SELECT * FROM (SELECT deptno, job, sal FROM emp) PIVOT XML (SUM(sal) FOR job IN (ANY));

-- not converted, see the action items of this object:
-- CREATE VIEW "on_pivot" AS
-- SELECT "deptno" FROM "sal_pivot_xml";

-- not converted, see the action items of this object:
-- CREATE VIEW "top_earner" AS
-- SELECT "deptno", MAX("ename") KEEP (DENSE_RANK FIRST ORDER BY "sal" DESC) AS "top" FROM "emp" GROUP BY "deptno";

CREATE VIEW "quarters" AS
SELECT "ename", TO_CHAR("hiredate", 'Q') AS "q" FROM "emp";

CREATE VIEW "safe_emps" ("id", "name") AS
SELECT "empno", "ename" FROM "emp" WHERE "deptno" = 10;

-- action items
-- OS2009 SEQUENCE EMP_SEQ: Redshift has no sequences: not created (use an IDENTITY column) (line 19)
-- OS2002 TABLE EMP: PRIMARY KEY EMP_PK (line 4)
-- OS2002 TABLE DEPT: PRIMARY KEY DEPT_PK (line 14)
-- OS4005 VIEW NEXT_ID: sequence emp_seq.NEXTVAL: Redshift has no sequences (use an IDENTITY column) (line 21)
-- OS4006 VIEW SAL_PIVOT_XML: PIVOT not rewritten (PIVOT XML): rewrite as CASE aggregation (line 25)
-- OS4007 VIEW TOP_EARNER: KEEP (DENSE_RANK FIRST/LAST ...): rewrite with FIRST_VALUE over a window or a subquery (line 30)
-- OS4010 VIEW SAFE_EMPS: FORCE: the view is created after the objects it reads (line 35)
-- OS4010 VIEW SAFE_EMPS: WITH READ ONLY not reproduced (line 35)
-- OS4013 VIEW ON_PIVOT: reads SAL_PIVOT_XML, which was not converted (line 27)
