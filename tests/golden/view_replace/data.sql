INSERT INTO codes VALUES (1, 'A-1-B2', '/');
INSERT INTO codes VALUES (2, 'X-2', NULL);
