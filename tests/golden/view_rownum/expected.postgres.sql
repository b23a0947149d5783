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

CREATE VIEW "top3_paid" AS
SELECT * FROM (SELECT "ename", "sal" FROM "emp" ORDER BY "sal" DESC, "ename" LIMIT 3) "orashift_sub1" LIMIT 3;

CREATE VIEW "first_two" AS
SELECT "ename" FROM "emp" LIMIT 2;

CREATE VIEW "numbered" AS
SELECT ROW_NUMBER() OVER () AS "rn", "ename" FROM "emp";

-- not converted, see the action items of this object:
-- CREATE VIEW "never_rows" AS
-- SELECT "ename" FROM "emp" WHERE ROW_NUMBER() OVER () > 1;

-- action items
-- OS4001 VIEW NEVER_ROWS: ROWNUM used where it cannot become LIMIT; printed as ROW_NUMBER() OVER (), numbered before any ORDER BY like Oracle, but filters on it need rewriting (line 29)
