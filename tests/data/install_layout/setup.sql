-- Runs before CONNECT: its table belongs to the installing user, not SHOP.
CREATE TABLE install_config (
  setting VARCHAR2(30) PRIMARY KEY,
  value   VARCHAR2(100)
);

INSERT INTO install_config (setting, value) VALUES ('version', '2.1');
COMMIT;
