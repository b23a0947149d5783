INSERT INTO tasks (task_id, title, done, priority) VALUES
  (1, 'write tests', TRUE, 1),
  (2, 'review', FALSE, NULL),
  (3, 'ship', FALSE, 2),
  (4, NULL, FALSE, 2),
  (5, 'retro', NULL, 5);
INSERT INTO people (person_id, email, active) VALUES (1, 'a@example.com', TRUE), (2, 'b@example.com', FALSE);
COMMIT;
