-- ROWNUM: top-n over an ordered subquery, plain limit, numbering in the select list;
-- ROWNUM > n is an action item.
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

CREATE VIEW top3_paid AS
  SELECT * FROM (SELECT ename, sal FROM emp ORDER BY sal DESC, ename) WHERE ROWNUM <= 3;

CREATE VIEW first_two AS
  SELECT ename FROM emp WHERE ROWNUM < 3;

CREATE VIEW numbered AS
  SELECT ROWNUM rn, ename FROM emp;

CREATE VIEW never_rows AS
  SELECT ename FROM emp WHERE ROWNUM > 1;
