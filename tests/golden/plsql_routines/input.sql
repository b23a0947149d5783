-- Standalone routines: %TYPE/%ROWTYPE from the catalog, SELECT INTO, cursors, handlers,
-- RAISE_APPLICATION_ERROR, DBMS_OUTPUT, dynamic SQL, a construct that blocks the unit (GOTO).
CREATE TABLE accounts (
  id NUMBER(10) PRIMARY KEY,
  owner VARCHAR2(40) NOT NULL,
  balance NUMBER(12,2) DEFAULT 0,
  opened DATE
);

CREATE OR REPLACE PROCEDURE deposit (p_id IN accounts.id%TYPE, p_amount IN NUMBER) IS
  v_row accounts%ROWTYPE;
BEGIN
  SELECT * INTO v_row FROM accounts WHERE id = p_id;
  IF p_amount <= 0 THEN
    RAISE_APPLICATION_ERROR(-20010, 'amount must be positive');
  ELSIF p_amount > 10000 THEN
    DBMS_OUTPUT.PUT_LINE('large deposit for ' || v_row.owner);
  END IF;
  UPDATE accounts SET balance = balance + p_amount WHERE id = p_id;
  DBMS_OUTPUT.PUT_LINE(SQL%ROWCOUNT || ' row(s)');
EXCEPTION
  WHEN NO_DATA_FOUND THEN
    RAISE_APPLICATION_ERROR(-20011, 'no account ' || p_id);
END deposit;
/

CREATE OR REPLACE FUNCTION account_age (p_id NUMBER) RETURN NUMBER IS
  v_opened accounts.opened%TYPE;
BEGIN
  SELECT opened INTO v_opened FROM accounts WHERE id = p_id;
  RETURN TRUNC(SYSDATE - v_opened);
END;
/

CREATE OR REPLACE PROCEDURE purge (p_table VARCHAR2) IS
BEGIN
  EXECUTE IMMEDIATE 'DELETE FROM ' || p_table;
  <<again>>
  NULL;
  GOTO again;
END;
/
