INSERT INTO customers (customer_id, name, vip_flag) VALUES (1, 'Ada', 'Y');
INSERT INTO customers (customer_id, name) VALUES (2, 'Grace');
INSERT INTO orders VALUES (order_seq.NEXTVAL, 1, 10.50, 'OPEN');
INSERT INTO orders VALUES (order_seq.NEXTVAL, 1, 4.25, 'SHIPPED');
INSERT INTO orders VALUES (order_seq.NEXTVAL, 2, 99.99, 'OPEN');
@@more_orders
COMMIT;
