-- Constructs with no automatic conversion: each is an action item with its location, and the
-- view is written commented out. A view reading one of them is commented out too.
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

CREATE SEQUENCE emp_seq;

CREATE VIEW next_id AS SELECT emp_seq.NEXTVAL id FROM DUAL;

CREATE VIEW sal_pivot_xml AS
  SELECT * FROM (SELECT deptno, job, sal FROM emp)
  PIVOT XML (SUM(sal) FOR job IN (ANY));

CREATE VIEW on_pivot AS SELECT deptno FROM sal_pivot_xml;

CREATE VIEW top_earner AS
  SELECT deptno, MAX(ename) KEEP (DENSE_RANK FIRST ORDER BY sal DESC) top FROM emp GROUP BY deptno;

CREATE VIEW quarters AS SELECT ename, TO_CHAR(hiredate, 'Q') q FROM emp;


CREATE OR REPLACE FORCE VIEW safe_emps (id, name) AS
  SELECT empno, ename FROM emp WHERE deptno = 10 WITH READ ONLY;
