-- A package: a schema per package, variables as session state initialised on first use,
-- constants, a record type, exceptions with EXCEPTION_INIT, private routines, overloads.
CREATE TABLE items (id NUMBER(8) PRIMARY KEY, label VARCHAR2(50), price NUMBER(10,2));

CREATE OR REPLACE PACKAGE shop IS
  c_tax CONSTANT NUMBER := 0.2;
  TYPE item_rec IS RECORD (id items.id%TYPE, gross NUMBER);
  sold_out EXCEPTION;
  PRAGMA EXCEPTION_INIT(sold_out, -20100);
  FUNCTION gross (p_id NUMBER) RETURN NUMBER;
  FUNCTION gross (p_label VARCHAR2) RETURN NUMBER;
  PROCEDURE sell (p_id NUMBER);
END shop;
/

CREATE OR REPLACE PACKAGE BODY shop IS
  g_sold PLS_INTEGER := 0;

  FUNCTION net (p_id NUMBER) RETURN NUMBER IS
    v items.price%TYPE;
  BEGIN
    SELECT price INTO v FROM items WHERE id = p_id;
    RETURN v;
  END net;

  FUNCTION gross (p_id NUMBER) RETURN NUMBER IS
  BEGIN
    RETURN net(p_id) * (1 + c_tax);
  END gross;

  FUNCTION gross (p_label VARCHAR2) RETURN NUMBER IS
    r item_rec;
  BEGIN
    SELECT id INTO r.id FROM items WHERE label = p_label;
    r.gross := gross(r.id);
    RETURN r.gross;
  END gross;

  PROCEDURE sell (p_id NUMBER) IS
  BEGIN
    DELETE FROM items WHERE id = p_id;
    IF SQL%NOTFOUND THEN
      RAISE sold_out;
    END IF;
    g_sold := g_sold + 1;
  END sell;
END shop;
/
