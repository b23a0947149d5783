-- Synonyms: a private synonym with the table's own name needs no object; others become views
-- on PostgreSQL/DuckDB when they name a table of the conversion; the rest are listed.
CREATE TABLE sh.sales (prod_id NUMBER(6), amount NUMBER(10,2));
CREATE SYNONYM sales FOR sh.sales;
CREATE PUBLIC SYNONYM all_sales FOR sh.sales;
CREATE SYNONYM remote_orders FOR oe.orders@hq.example.com;
CREATE SYNONYM costs FOR sh.costs;
