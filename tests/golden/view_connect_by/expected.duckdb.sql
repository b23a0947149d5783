-- orashift: Oracle → duckdb

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

CREATE VIEW "emp_tree" AS
WITH RECURSIVE "orashift_tree1" ("empno", "ename", "job", "mgr", "hiredate", "sal", "comm", "deptno", "orashift_level", "orashift_path1", "orashift_root2") AS (SELECT "emp"."empno", "emp"."ename", "emp"."job", "emp"."mgr", "emp"."hiredate", "emp"."sal", "emp"."comm", "emp"."deptno", 1, CAST('/' || COALESCE(CAST("ename" AS VARCHAR), '') AS VARCHAR), "ename" FROM "emp" WHERE "mgr" IS NULL UNION ALL SELECT "emp"."empno", "emp"."ename", "emp"."job", "emp"."mgr", "emp"."hiredate", "emp"."sal", "emp"."comm", "emp"."deptno", "orashift_prior"."orashift_level" + 1, "orashift_prior"."orashift_path1" || '/' || COALESCE(CAST("emp"."ename" AS VARCHAR), ''), "orashift_prior"."orashift_root2" FROM "emp" JOIN "orashift_tree1" "orashift_prior" ON "orashift_prior"."empno" = "emp"."mgr") SELECT "empno", "ename", "emp"."orashift_level" AS "lvl", "emp"."orashift_path1" AS "path", "emp"."orashift_root2" AS "root" FROM "orashift_tree1" "emp";

CREATE VIEW "jones_team" AS
WITH RECURSIVE "orashift_tree1" ("empno", "ename", "job", "mgr", "hiredate", "sal", "comm", "deptno", "orashift_level") AS (SELECT "e"."empno", "e"."ename", "e"."job", "e"."mgr", "e"."hiredate", "e"."sal", "e"."comm", "e"."deptno", 1 FROM "emp" "e" WHERE "e"."ename" = 'JONES' UNION ALL SELECT "e"."empno", "e"."ename", "e"."job", "e"."mgr", "e"."hiredate", "e"."sal", "e"."comm", "e"."deptno", "orashift_prior"."orashift_level" + 1 FROM "emp" "e" JOIN "orashift_tree1" "orashift_prior" ON "orashift_prior"."empno" = "e"."mgr" AND ("orashift_prior"."orashift_level" + 1) <= 2) SELECT "e"."ename", "e"."orashift_level" AS "depth" FROM "orashift_tree1" "e" WHERE "e"."deptno" = 20;

-- not converted, see the action items of this object:
-- CREATE VIEW "emp_siblings" AS
-- WITH RECURSIVE "orashift_tree1" ("empno", "ename", "job", "mgr", "hiredate", "sal", "comm", "deptno", "orashift_level") AS (SELECT "emp"."empno", "emp"."ename", "emp"."job", "emp"."mgr", "emp"."hiredate", "emp"."sal", "emp"."comm", "emp"."deptno", 1 FROM "emp" UNION ALL SELECT "emp"."empno", "emp"."ename", "emp"."job", "emp"."mgr", "emp"."hiredate", "emp"."sal", "emp"."comm", "emp"."deptno", "orashift_prior"."orashift_level" + 1 FROM "emp" JOIN "orashift_tree1" "orashift_prior" ON "orashift_prior"."empno" = "emp"."mgr") SELECT "ename" FROM "orashift_tree1" "emp";

-- action items
-- OS4003 VIEW EMP_SIBLINGS: CONNECT BY NOCYCLE: the recursive query does not stop at cycles; add a path check (line 34)
-- OS4003 VIEW EMP_SIBLINGS: ORDER SIBLINGS BY is not reproduced: order by a sibling path column instead (line 33)
