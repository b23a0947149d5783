CREATE OR REPLACE PACKAGE BODY order_api AS
  FUNCTION order_count(p_customer IN NUMBER) RETURN NUMBER IS
    n NUMBER;
  BEGIN
    SELECT COUNT(*) INTO n FROM orders WHERE customer_id = p_customer;
    RETURN n;
  END order_count;
END order_api;
-- no '/' here: written for a tool that does not need it; the next statement ends the unit
CREATE OR REPLACE FUNCTION vip_count RETURN NUMBER IS
  n NUMBER;
BEGIN
  SELECT COUNT(*) INTO n FROM customers WHERE vip_flag = 'Y';
  RETURN n;
END;
SELECT order_api.order_count(1) FROM dual;
