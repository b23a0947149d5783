-- CONNECT BY → WITH RECURSIVE: LEVEL, SYS_CONNECT_BY_PATH, CONNECT_BY_ROOT, WHERE after the tree,
-- LEVEL inside CONNECT BY; NOCYCLE / ORDER SIBLINGS BY are action items.
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

CREATE OR REPLACE VIEW emp_tree AS
  SELECT empno, ename, LEVEL lvl, SYS_CONNECT_BY_PATH(ename, '/') path, CONNECT_BY_ROOT ename root
  FROM emp
  START WITH mgr IS NULL
  CONNECT BY PRIOR empno = mgr;

CREATE OR REPLACE VIEW jones_team AS
  SELECT e.ename, LEVEL depth
  FROM emp e
  WHERE e.deptno = 20
  START WITH e.ename = 'JONES'
  CONNECT BY PRIOR e.empno = e.mgr AND LEVEL <= 2;

CREATE OR REPLACE VIEW emp_siblings AS
  SELECT ename FROM emp
  CONNECT BY NOCYCLE PRIOR empno = mgr
  ORDER SIBLINGS BY ename;
