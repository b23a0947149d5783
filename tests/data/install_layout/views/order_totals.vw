CREATE OR REPLACE VIEW order_totals AS
  SELECT c.customer_id, c.name, SUM(o.amount) AS total
  FROM customers c JOIN orders o ON o.customer_id = c.customer_id
  GROUP BY c.customer_id, c.name;
