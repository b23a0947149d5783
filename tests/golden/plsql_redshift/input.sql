-- Constructs whose Redshift form differs most from PostgreSQL's: one-expression functions as SQL
-- UDFs (defaults written by the caller), functions with a body as procedures with an INOUT
-- result, named handlers merged into one OTHERS handler, NONATOMIC where a handler continues,
-- dynamic binds spliced, and what Redshift cannot hold (nested cursor loops, COMMIT in a cursor
-- loop, triggers, package state).
CREATE TABLE orders (id NUMBER(10) PRIMARY KEY, customer VARCHAR2(40), amount NUMBER(12,2), status VARCHAR2(10));
CREATE SEQUENCE orders_seq;

CREATE OR REPLACE FUNCTION with_tax (p_amount NUMBER, p_rate NUMBER DEFAULT 0.2) RETURN NUMBER DETERMINISTIC IS
BEGIN
  RETURN ROUND(p_amount * (1 + p_rate), 2);
END;
/

CREATE OR REPLACE FUNCTION order_total (p_customer VARCHAR2) RETURN NUMBER IS
  v_total NUMBER;
BEGIN
  SELECT SUM(with_tax(amount)) INTO v_total FROM orders WHERE customer = p_customer;
  RETURN v_total;
EXCEPTION
  WHEN NO_DATA_FOUND THEN RETURN 0;
  WHEN ZERO_DIVIDE OR VALUE_ERROR THEN
    DBMS_OUTPUT.PUT_LINE('bad data for ' || p_customer);
    RAISE;
END;
/

CREATE OR REPLACE PROCEDURE close_orders (p_customer VARCHAR2) IS
  v_total NUMBER;
  v_count NUMBER;
BEGIN
  v_total := order_total(p_customer);
  EXECUTE IMMEDIATE 'UPDATE orders SET status = :s WHERE customer = :c' USING 'CLOSED', p_customer;
  EXECUTE IMMEDIATE 'SELECT COUNT(*) FROM orders WHERE customer = :c' INTO v_count USING p_customer;
  IF v_total > 1000 THEN
    RAISE_APPLICATION_ERROR(-20001, 'total ' || v_total || ' over the limit');
  END IF;
END;
/

CREATE OR REPLACE PROCEDURE nightly IS
BEGIN
  FOR c IN (SELECT DISTINCT customer FROM orders) LOOP
    FOR o IN (SELECT id FROM orders WHERE customer = c.customer) LOOP
      UPDATE orders SET status = 'SEEN' WHERE id = o.id;
    END LOOP;
    COMMIT;
  END LOOP;
END;
/

CREATE OR REPLACE TRIGGER orders_bi BEFORE INSERT ON orders FOR EACH ROW
BEGIN
  :NEW.id := orders_seq.NEXTVAL;
END;
/

CREATE OR REPLACE PACKAGE limits IS
  c_max CONSTANT NUMBER := 1000;
  g_calls NUMBER := 0;
END limits;
/

-- A view may call a SQL UDF on Redshift, not a function that became a procedure.
CREATE VIEW order_gross AS SELECT id, with_tax(amount) AS gross FROM orders;
CREATE VIEW customer_totals AS SELECT customer, order_total(customer) AS total FROM orders;
