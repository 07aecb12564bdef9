-- onelake-jdbc demo: a Delta table in a local lakehouse folder, written and read with plain SQL.
SET onelake_insert_mode = 'append';
CREATE TABLE IF NOT EXISTS demo_orders (order_id BIGINT NOT NULL, customer STRING, amount DECIMAL(10,2), ordered_at TIMESTAMP, region STRING) PARTITIONED BY (region);
INSERT INTO demo_orders VALUES (1, 'Ada', 120.50, TIMESTAMP '2026-01-05 09:30:00', 'emea'), (2, 'Grace', 80.00, TIMESTAMP '2026-01-06 14:00:00', 'amer'), (3, 'Linus', 42.25, TIMESTAMP '2026-01-07 08:15:00', 'emea');
INSERT INTO demo_orders (order_id, customer, amount, region) SELECT order_id + 100, UPPER(customer), amount * 2, region FROM demo_orders WHERE region = 'emea' AND order_id < 100;
SELECT region, COUNT(*) AS orders, SUM(amount) AS revenue FROM demo_orders GROUP BY region ORDER BY region;
SELECT order_id, customer, amount FROM demo_orders WHERE amount > 100 ORDER BY order_id;
SELECT COUNT(*) AS rows_in_first_version FROM demo_orders VERSION AS OF 1;
UPDATE demo_orders SET amount = amount * 1.10 WHERE customer = 'Ada';
DELETE FROM demo_orders WHERE order_id > 100;
MERGE INTO demo_orders o USING (VALUES (2, 'Grace', 95.00, 'amer'), (4, 'Barbara', 60.00, 'apac')) AS s(order_id, customer, amount, region) ON o.order_id = s.order_id WHEN MATCHED THEN UPDATE SET amount = s.amount WHEN NOT MATCHED THEN INSERT (order_id, customer, amount, region) VALUES (s.order_id, s.customer, s.amount, s.region);
SELECT order_id, customer, amount, region FROM demo_orders ORDER BY order_id;
DESCRIBE HISTORY demo_orders LIMIT 5;
SHOW SETTINGS;
