-- Virtual columns (generated on PostgreSQL/DuckDB when the expression is simple) and invisible columns.
CREATE TABLE order_items (
  order_id    NUMBER(12) NOT NULL,
  unit_price  NUMBER(10,2) NOT NULL,
  quantity    NUMBER(8) NOT NULL,
  line_total  NUMBER(14,2) GENERATED ALWAYS AS (unit_price * quantity) VIRTUAL,
  price_ratio NUMBER AS (unit_price / quantity),
  audit_note  VARCHAR2(100) INVISIBLE
);
