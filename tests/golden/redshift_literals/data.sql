INSERT INTO files (id, path, code) VALUES (1, 'C:\temp', 'x');
INSERT INTO files (id, path, code) VALUES (2, 'D:\9', 'y');
INSERT INTO files (id, path, code) VALUES (3, 'C:_z', 'z');
INSERT INTO files (id, code) VALUES (4, 'w');
