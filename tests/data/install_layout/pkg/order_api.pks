CREATE OR REPLACE PACKAGE order_api AS
  FUNCTION order_count(p_customer IN NUMBER) RETURN NUMBER;
END order_api;
/
