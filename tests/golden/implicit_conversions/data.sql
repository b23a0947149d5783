INSERT INTO flags (id, active, code, qty, created) VALUES (1, '1', '10', 10, TIMESTAMP '2020-01-01 00:00:00');
INSERT INTO flags (id, active, code, qty, created) VALUES (2, '0', ' 42', 5.5, TIMESTAMP '1984-12-31 00:00:00');
INSERT INTO flags (id, active, code, qty, created) VALUES (3, '1', '007', 10, TIMESTAMP '1999-06-30 00:00:00');
INSERT INTO flags (id, active, code, qty, created) VALUES (4, '0', '20', NULL, TIMESTAMP '2021-02-03 00:00:00');
INSERT INTO flags (id, code) VALUES (5, '30');
