-- Oracle's implicit conversions (issue 17 point 4): a CHAR(1) flag compared with numbers, codes
-- kept as text used in arithmetic, numbers and dates compared with text in Oracle's default
-- NLS_DATE_FORMAT (DD-MON-RR), in views, CHECK constraints and defaults.
CREATE TABLE flags (
  id      NUMBER(5) CONSTRAINT flags_pk PRIMARY KEY,
  active  CHAR(1) DEFAULT 0 CONSTRAINT flags_active_ck CHECK (active IN (0, 1)),
  code    VARCHAR2(10),
  qty     NUMBER(7,2),
  created DATE DEFAULT '01-JAN-2020',
  CONSTRAINT flags_created_ck CHECK (created >= '01-JAN-80')
);

CREATE VIEW active_flags AS
SELECT id, code FROM flags WHERE active = 1;

CREATE VIEW flag_math AS
SELECT id, code + 1 AS code_plus, qty * '2' AS qty_twice
FROM flags
WHERE code BETWEEN 10 AND 99;

CREATE VIEW recent_flags AS
SELECT id FROM flags WHERE created > '15-MAR-85' AND qty = '10';

CREATE VIEW flag_labels AS
SELECT id, DECODE(active, 1, 'on', 0, 'off', 'unknown') AS label, 'created ' || created AS created_text
FROM flags
WHERE code IN (10, 20, 30);

CREATE VIEW old_flags AS
SELECT id FROM flags WHERE created < '2000-01-01' AND active <> 1;

-- PL/SQL: the writer knows the routine's parameters and variables (VARCHAR2 compared with numbers).
CREATE OR REPLACE FUNCTION flag_on(p_flag IN VARCHAR2) RETURN NUMBER IS
  l_limit VARCHAR2(10) := '5';
BEGIN
  IF p_flag = 1 AND l_limit > 2 THEN
    RETURN 1;
  END IF;
  RETURN 0;
END;
/
