-- Materialized views: PostgreSQL/Redshift MATERIALIZED VIEW, DuckDB a table; a query Redshift
-- does not allow in one becomes a view there.
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

CREATE MATERIALIZED VIEW dept_sal_mv
  BUILD IMMEDIATE
  REFRESH COMPLETE ON DEMAND
  ENABLE QUERY REWRITE
  AS SELECT d.dname, SUM(e.sal) total_sal, COUNT(*) heads
     FROM dept d, emp e
     WHERE d.deptno = e.deptno
     GROUP BY d.dname;

CREATE MATERIALIZED VIEW top_paid_mv AS
  SELECT * FROM (SELECT ename, sal FROM emp ORDER BY sal DESC) WHERE ROWNUM <= 1;
