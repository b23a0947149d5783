-- TABLE(collection) in FROM (SQL Language Reference, "TABLE Collection Expressions") and selectors
-- on collection elements, record fields and objects (PL/SQL Language Reference, "Collection
-- Methods", "Qualified Expressions"/"Records", "Object Types").
CREATE TABLE picked (name VARCHAR2(30), qty NUMBER);

CREATE OR REPLACE TYPE word_list AS TABLE OF VARCHAR2(30);
/
CREATE OR REPLACE TYPE item_t AS OBJECT (name VARCHAR2(30), qty NUMBER);
/
CREATE OR REPLACE TYPE item_list AS TABLE OF item_t;
/
CREATE OR REPLACE TYPE counter_t AS OBJECT (
  n NUMBER,
  MEMBER FUNCTION doubled RETURN NUMBER,
  MEMBER PROCEDURE bump(p_by NUMBER)
);
/
CREATE OR REPLACE TYPE BODY counter_t AS
  MEMBER FUNCTION doubled RETURN NUMBER IS
  BEGIN
    RETURN n * 2;
  END;
  MEMBER PROCEDURE bump(p_by NUMBER) IS
  BEGIN
    n := n + p_by;
  END;
END;
/
CREATE OR REPLACE TYPE counter_list AS TABLE OF counter_t;
/
CREATE OR REPLACE TYPE stack_t AS OBJECT (
  tokens word_list,
  MEMBER PROCEDURE push(p VARCHAR2),
  MEMBER PROCEDURE pop,
  MEMBER FUNCTION top RETURN VARCHAR2,
  MEMBER FUNCTION size_of RETURN NUMBER
);
/
CREATE OR REPLACE TYPE BODY stack_t AS
  MEMBER PROCEDURE push(p VARCHAR2) IS
  BEGIN
    self.tokens.extend;
    self.tokens(self.tokens.count) := p;
  END;
  MEMBER PROCEDURE pop IS
  BEGIN
    self.tokens.trim;
  END;
  MEMBER FUNCTION top RETURN VARCHAR2 IS
  BEGIN
    RETURN self.tokens(self.tokens.last);
  END;
  MEMBER FUNCTION size_of RETURN NUMBER IS
    l_n NUMBER;
  BEGIN
    SELECT COUNT(*) INTO l_n FROM TABLE(self.tokens);
    RETURN l_n;
  END;
END;
/
CREATE OR REPLACE PACKAGE coll_tab AS
  TYPE rec_t IS RECORD (label VARCHAR2(30), words word_list);
  TYPE rec_list IS TABLE OF rec_t;
  FUNCTION words_of(p_n NUMBER) RETURN word_list;
  FUNCTION scalar_rows RETURN VARCHAR2;
  FUNCTION object_rows RETURN VARCHAR2;
  PROCEDURE fill_picked(p_items item_list);
  FUNCTION selector_facts RETURN VARCHAR2;
  FUNCTION method_facts RETURN VARCHAR2;
END coll_tab;
/
CREATE OR REPLACE PACKAGE BODY coll_tab AS
  FUNCTION words_of(p_n NUMBER) RETURN word_list IS
    l word_list := word_list();
  BEGIN
    FOR i IN 1 .. p_n LOOP
      l.EXTEND;
      l(l.COUNT) := 'w' || i;
    END LOOP;
    RETURN l;
  END;

  FUNCTION scalar_rows RETURN VARCHAR2 IS
    l_list word_list := word_list('b', 'a', 'c');
    l_out VARCHAR2(200);
    l_n NUMBER;
  BEGIN
    SELECT listagg(column_value, ',') WITHIN GROUP (ORDER BY column_value) INTO l_out FROM TABLE(l_list);
    SELECT COUNT(*) INTO l_n FROM TABLE(words_of(4)) w WHERE w.column_value <> 'w2';
    FOR r IN (SELECT column_value AS v FROM TABLE(l_list) WHERE column_value > 'a' ORDER BY 1) LOOP
      l_out := l_out || ';' || r.v;
    END LOOP;
    RETURN l_out || ' ' || l_n;
  END;

  FUNCTION object_rows RETURN VARCHAR2 IS
    l_items item_list := item_list(item_t('pen', 2), item_t('ink', 5), item_t('cap', 1));
    l_total NUMBER;
    l_names VARCHAR2(200);
  BEGIN
    SELECT SUM(t.qty) INTO l_total FROM TABLE(l_items) t WHERE t.qty > 1;
    SELECT listagg(name, ',') WITHIN GROUP (ORDER BY qty) INTO l_names FROM TABLE(l_items);
    RETURN l_names || ' ' || l_total;
  END;

  PROCEDURE fill_picked(p_items item_list) IS
  BEGIN
    INSERT INTO picked (name, qty) SELECT i.name, i.qty FROM TABLE(p_items) i WHERE i.qty >= 2;
  END;

  FUNCTION selector_facts RETURN VARCHAR2 IS
    l_items item_list := item_list(item_t('pen', 2), item_t('ink', 5));
    l_recs rec_list := rec_list();
    l_rec rec_t;
  BEGIN
    l_items(2).qty := l_items(2).qty + 10;
    l_rec.label := 'r';
    l_rec.words := word_list('x');
    l_rec.words.EXTEND(2);
    l_rec.words(2) := 'y';
    l_rec.words(3) := 'z';
    l_rec.words.TRIM;
    l_recs.EXTEND;
    l_recs(1) := l_rec;
    l_recs(1).words(1) := 'X';
    l_recs(1).words.EXTEND;
    l_recs(1).words(l_recs(1).words.LAST) := 'w';
    RETURN l_items(2).name || l_items(2).qty || ' ' || l_rec.words.COUNT || ' ' || l_recs(1).words.COUNT || ':' ||
           l_recs(1).words(1) || l_recs(1).words(3) || ' ' ||
           CASE WHEN l_recs(1).words.EXISTS(4) THEN 'y' ELSE 'n' END || ' ' || l_recs(1).words.NEXT(1);
  END;

  FUNCTION method_facts RETURN VARCHAR2 IS
    l counter_list := counter_list(counter_t(1), counter_t(5));
    l_s stack_t := stack_t(word_list());
  BEGIN
    l(2).bump(3);
    l_s.push('a');
    l_s.push('b');
    l_s.push('c');
    l_s.pop;
    RETURN l(2).doubled() || ' ' || l(1).doubled || ' ' || l_s.top || l_s.size_of;
  END;
END coll_tab;
/
