-- Oracle Database 23ai syntax ("What's new" in the 23ai SQL Language Reference), as a data
-- script written for 23ai would use it (orashift test fixture, issue 17).
DROP TABLE IF EXISTS tasks;
CREATE TABLE IF NOT EXISTS tasks (
  task_id   NUMBER(6) PRIMARY KEY,
  title     VARCHAR2(40) NOT NULL,
  done      BOOLEAN DEFAULT FALSE,
  priority  NUMBER(2) DEFAULT ON NULL FOR INSERT AND UPDATE 3,
  details   JSON,
  embedding VECTOR(3, FLOAT32)
) ANNOTATIONS (owner 'planning', display 'Tasks');

CREATE DOMAIN IF NOT EXISTS email_d AS VARCHAR2(100) CONSTRAINT email_c CHECK (REGEXP_LIKE(email_d, '^.+@.+$'));

CREATE TABLE IF NOT EXISTS people (
  person_id NUMBER(6) PRIMARY KEY,
  email     VARCHAR2(100) DOMAIN email_d,
  active    BOOL
);

CREATE SEQUENCE IF NOT EXISTS task_seq START WITH 100;
CREATE INDEX IF NOT EXISTS tasks_title_ix ON tasks (title);
CREATE UNIQUE INDEX IF NOT EXISTS people_email_ux ON people (email);

CREATE OR REPLACE VIEW open_tasks AS
  SELECT priority AS prio, COUNT(*) AS n
  FROM tasks
  WHERE done = FALSE
  GROUP BY prio;

CREATE OR REPLACE VIEW task_positions AS
  SELECT title, priority FROM tasks GROUP BY 1, 2;

CREATE OR REPLACE VIEW today AS SELECT SYSDATE AS now_at;
