-- Delete rules and deferral of keys (Oracle SQL Language Reference 19c, "constraint":
-- ON DELETE CASCADE / SET NULL, DEFERRABLE INITIALLY DEFERRED).
CREATE TABLE orders (
  id NUMBER(10) CONSTRAINT orders_pk PRIMARY KEY DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE order_lines (
  order_id NUMBER(10),
  line_no  NUMBER(5),
  CONSTRAINT order_lines_pk PRIMARY KEY (order_id, line_no),
  CONSTRAINT order_lines_fk FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE
);
CREATE TABLE notes (
  id       NUMBER(10) PRIMARY KEY,
  order_id NUMBER(10) REFERENCES orders ON DELETE SET NULL DEFERRABLE,
  other_id NUMBER(10),
  CONSTRAINT notes_other_fk FOREIGN KEY (other_id) REFERENCES orders (id) DEFERRABLE INITIALLY DEFERRED
);
