BEGIN
  <<l>> FOR i IN 1..10 LOOP x := x ** 2; EXIT l WHEN i > 3; END LOOP;
END;
/
