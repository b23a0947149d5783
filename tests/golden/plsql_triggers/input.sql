-- Triggers: the key-from-sequence idiom (→ DEFAULT), a row trigger with UPDATE OF, WHEN and
-- REFERENCING, a statement trigger, and a compound trigger (flagged).
CREATE TABLE orders (id NUMBER PRIMARY KEY, status VARCHAR2(10), total NUMBER(10,2), changed DATE);
CREATE TABLE order_log (order_id NUMBER, old_status VARCHAR2(10), new_status VARCHAR2(10));
CREATE SEQUENCE orders_seq;

CREATE OR REPLACE TRIGGER orders_bi BEFORE INSERT ON orders FOR EACH ROW
BEGIN
  :NEW.id := orders_seq.NEXTVAL;
END;
/

CREATE OR REPLACE TRIGGER orders_status
  AFTER UPDATE OF status ON orders
  REFERENCING OLD AS o NEW AS n
  FOR EACH ROW
  WHEN (n.status <> o.status)
BEGIN
  INSERT INTO order_log VALUES (:n.id, :o.status, :n.status);
END;
/

CREATE OR REPLACE TRIGGER orders_touch BEFORE INSERT OR UPDATE ON orders FOR EACH ROW
BEGIN
  IF INSERTING OR UPDATING('TOTAL') THEN
    :NEW.changed := SYSDATE;
  END IF;
END;
/

CREATE OR REPLACE TRIGGER orders_compound FOR UPDATE ON orders COMPOUND TRIGGER
  n PLS_INTEGER := 0;
  AFTER EACH ROW IS BEGIN n := n + 1; END AFTER EACH ROW;
END orders_compound;
/
