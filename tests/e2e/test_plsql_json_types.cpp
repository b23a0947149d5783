// Oracle's PL/SQL object types for JSON on jsonb, run on PostgreSQL with the results Oracle's
// documentation gives (JSON Developer's Guide 19c, "Using PL/SQL Object Types for JSON",
// examples "Constructing and Serializing an In-Memory JSON Object" and "Using Method GET_KEYS()
// to Obtain a List of Object Fields"; PL/SQL Packages and Types Reference, "JSON Data
// Structures": get_size is the number of members or elements, arrays count from 0, a missing
// key reads NULL, to_string is compact JSON).
#include "plsql_harness.h"
#include "require_env.h"

namespace {

const char* kJson = R"(
CREATE OR REPLACE FUNCTION add_totals(purchaseOrder IN VARCHAR2) RETURN VARCHAR2 IS
  po_obj JSON_OBJECT_T;
  li_arr JSON_ARRAY_T;
  li_obj JSON_OBJECT_T;
  unitPrice NUMBER;
  quantity NUMBER;
  totalPrice NUMBER := 0;
  totalQuantity NUMBER := 0;
BEGIN
  po_obj := JSON_OBJECT_T.parse(purchaseOrder);
  li_arr := po_obj.get_Array('LineItems');
  FOR i IN 0 .. li_arr.get_size - 1 LOOP
    li_obj := JSON_OBJECT_T(li_arr.get(i));
    quantity := li_obj.get_Number('Quantity');
    unitPrice := li_obj.get_Object('Part').get_Number('UnitPrice');
    totalPrice := totalPrice + (quantity * unitPrice);
    totalQuantity := totalQuantity + quantity;
  END LOOP;
  po_obj.put('totalQuantity', totalQuantity);
  po_obj.put('totalPrice', totalPrice);
  RETURN po_obj.to_string;
END;
/
CREATE OR REPLACE FUNCTION key_list RETURN VARCHAR2 IS
  jo JSON_OBJECT_T;
  ja JSON_ARRAY_T;
  keys JSON_KEY_LIST;
BEGIN
  ja := JSON_ARRAY_T();
  jo := JSON_OBJECT_T.parse('{"name":"Beda","jobTitle":"codmonki","projects":["json","xml"]}');
  keys := jo.get_keys;
  FOR i IN 1 .. keys.COUNT LOOP
    ja.append(keys(i));
  END LOOP;
  ja.append_null;
  RETURN ja.to_string;
END;
/
CREATE OR REPLACE FUNCTION json_reads(p VARCHAR2) RETURN VARCHAR2 IS
  jo JSON_OBJECT_T := JSON_OBJECT_T(p);
BEGIN
  jo.remove('gone');
  jo.rename_key('old', 'new');
  RETURN CASE WHEN jo.has('a') THEN 'has' ELSE 'no' END || '|' || jo.get_string('s') || '|' ||
         CASE WHEN jo.get_boolean('b') THEN 'T' ELSE 'F' END || '|' || jo.get_array('arr').get_size || '|' ||
         jo.get_object('o').get_string('x') || '|' || CASE WHEN jo.get('arr').is_array THEN 'array' END || '|' ||
         NVL(jo.get_string('missing'), 'null') || '|' || jo.get_size || '|' || jo.to_string;
END;
/
CREATE OR REPLACE FUNCTION aliased RETURN VARCHAR2 IS
  je JSON_ELEMENT_T;
  jo JSON_OBJECT_T;
BEGIN
  je := JSON_ELEMENT_T.parse('{"name":"Radio controlled plane"}');
  IF je.is_Object THEN
    jo := TREAT(je AS JSON_OBJECT_T);
    jo.put('price', 149.99);
  END IF;
  RETURN je.to_string;
END;
/
)";

TEST(PlsqlJsonTypes, ObjectTypesForJsonOnJsonb) {
  if (!std::getenv("ORASHIFT_TEST_PG")) ORASHIFT_SKIP_OR_FAIL() << "ORASHIFT_TEST_PG not set";
  auto u = e2e::convert_and_apply("json_types", kJson);
  ASSERT_FALSE(u.apply.is_null()) << u.convert_output;
  // The documentation's example changes je through jo (the data is shared): not converted.
  ASSERT_EQ(u.apply["skipped"].size(), 1u) << u.apply.dump(2);
  std::ifstream csv(u.dir.parent_path() / "report" / "action_items.csv");
  std::string all((std::istreambuf_iterator<char>(csv)), std::istreambuf_iterator<char>());
  EXPECT_NE(all.find("OS6001,high,code,FUNCTION ALIASED,\"JSON_OBJECT_T.PUT changes JO, whose data comes from TREAT"),
            std::string::npos)
      << all;
  e2e::Session s(u.url);
  ASSERT_TRUE(s.ok());
  const char* po =
      R"('{"PONumber":1600,"LineItems":[{"ItemNumber":1,"Part":{"UnitPrice":19.95},"Quantity":9},)"
      R"({"ItemNumber":2,"Part":{"UnitPrice":19.95},"Quantity":5}]}')";
  EXPECT_EQ(s(std::string("SELECT (add_totals(") + po + ")::jsonb ->> 'totalPrice')"), "279.30");
  EXPECT_EQ(s(std::string("SELECT (add_totals(") + po + ")::jsonb ->> 'totalQuantity')"), "14");
  EXPECT_EQ(s("SELECT key_list()"), R"(["name","jobTitle","projects",null])");
  EXPECT_EQ(s(R"(SELECT json_reads('{"a":1,"s":"text","b":true,"arr":[1,2,3],"o":{"x":"y"},"gone":0,"old":5}'))"),
            R"(has|text|T|3|y|array|null|6|{"a":1,"b":true,"o":{"x":"y"},"s":"text","arr":[1,2,3],"new":5})");
}

}  // namespace
