-- (+) → LEFT JOIN: simple, with a constant (+) predicate, chained through an optional table,
-- multi-column; (+) on two tables in one condition is an action item.
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

CREATE TABLE jobs (job VARCHAR2(9), deptno NUMBER(2), title VARCHAR2(20));

CREATE VIEW emp_dept AS
  SELECT d.dname, e.ename FROM dept d, emp e WHERE d.deptno = e.deptno(+);

CREATE VIEW dept_clerks AS
  SELECT d.dname, e.ename FROM dept d, emp e WHERE d.deptno = e.deptno(+) AND e.job(+) = 'CLERK';

CREATE VIEW emp_mgr AS
  SELECT e.ename, m.ename mgr_name, d.dname
  FROM emp e, emp m, dept d
  WHERE e.mgr = m.empno(+) AND m.deptno = d.deptno(+);

CREATE VIEW emp_titles AS
  SELECT e.ename, j.title FROM emp e, jobs j WHERE e.job = j.job(+) AND e.deptno = j.deptno(+);

CREATE VIEW bad_outer AS
  SELECT e.ename FROM emp e, emp m, dept d WHERE e.mgr(+) = m.empno(+);
