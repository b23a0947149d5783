-- PIVOT → conditional aggregation (one aggregate, and two with combined column names);
-- UNPIVOT → UNION ALL (NULLs excluded unless INCLUDE NULLS).
CREATE TABLE emp (
  empno    NUMBER(4) CONSTRAINT emp_pk PRIMARY KEY,
  ename    VARCHAR2(10),
  job      VARCHAR2(9),
  mgr      NUMBER(4),
  hiredate DATE,
  sal      NUMBER(7,2),
  comm     NUMBER(7,2),
  deptno   NUMBER(2)
);
CREATE TABLE dept (
  deptno NUMBER(2) CONSTRAINT dept_pk PRIMARY KEY,
  dname  VARCHAR2(14),
  loc    VARCHAR2(13)
);

CREATE VIEW sal_pivot AS
  SELECT * FROM (SELECT deptno, job, sal FROM emp)
  PIVOT (SUM(sal) FOR job IN ('CLERK' AS clerk, 'MANAGER' AS manager));

CREATE VIEW job_pivot AS
  SELECT * FROM (SELECT deptno, job, sal FROM emp)
  PIVOT (SUM(sal) AS total, COUNT(*) AS n FOR job IN ('CLERK' AS clerk, 'ANALYST' AS analyst));

CREATE VIEW sal_unpivot AS
  SELECT * FROM (SELECT deptno, clerk, manager FROM sal_pivot)
  UNPIVOT (sal FOR job IN (clerk AS 'CLERK', manager AS 'MANAGER'));

CREATE VIEW emp_unpivot AS
  SELECT * FROM emp UNPIVOT INCLUDE NULLS (amount FOR kind IN (sal, comm));
