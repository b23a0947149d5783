-- Object and collection types: attributes → a composite type, TABLE OF / VARRAY → a domain
-- over an array, a type body with methods and an UNDER subtype (flagged).
CREATE OR REPLACE TYPE point_t AS OBJECT (x NUMBER, y NUMBER, label VARCHAR2(20));
/
CREATE OR REPLACE TYPE point_list AS TABLE OF point_t;
/
CREATE OR REPLACE TYPE name_array AS VARRAY(10) OF VARCHAR2(30);
/
CREATE OR REPLACE TYPE shape_t AS OBJECT (name VARCHAR2(20), MEMBER FUNCTION area RETURN NUMBER) NOT FINAL;
/
CREATE OR REPLACE TYPE BODY shape_t AS
  MEMBER FUNCTION area RETURN NUMBER IS BEGIN RETURN 0; END;
END;
/
CREATE OR REPLACE TYPE circle_t UNDER shape_t (r NUMBER);
/
