#include "load/task/dms_types.h"

namespace orashift {

static OracleType number(int precision, std::optional<int> scale = 0) {
  OracleType o;
  o.name = "NUMBER";
  o.precision = precision;
  o.scale = scale;
  return o;
}

OracleType oracle_type_for(const DmsDataType& t) {
  const std::string& n = t.type;
  OracleType o;
  // Integer widths by the largest value each holds: int2 up to 32767 needs 5 digits, …
  if (n == "int1") return number(3);
  if (n == "int2") return number(5);
  if (n == "int4") return number(10);
  if (n == "int8") return number(19);
  if (n == "uint1") return number(3);
  if (n == "uint2") return number(5);
  if (n == "uint4") return number(10);
  if (n == "uint8") return number(20);
  // No Oracle BOOLEAN before 23ai; NUMBER(1) is the conventional carrier.
  if (n == "boolean") return number(1);
  if (n == "numeric") {
    o.name = "NUMBER";
    o.precision = t.precision;
    o.scale = t.precision ? std::optional<int>(t.scale.value_or(0)) : t.scale;
    return o;
  }
  if (n == "real4") { o.name = "BINARY_FLOAT"; return o; }
  if (n == "real8") { o.name = "BINARY_DOUBLE"; return o; }
  if (n == "date") { o.name = "DATE"; return o; }
  // Oracle has no TIME; a TIMESTAMP holds it (on day 1970-01-01).
  if (n == "time" || n == "datetime") {
    o.name = "TIMESTAMP";
    o.precision = t.scale ? t.scale : t.precision;
    return o;
  }
  if (n == "string" || n == "wstring") {
    o.name = n == "string" ? "VARCHAR2" : "NVARCHAR2";
    o.length = t.length.value_or(4000);
    o.char_semantics = n == "string";
    return o;
  }
  if (n == "bytes") { o.name = "RAW"; o.length = t.length.value_or(2000); return o; }
  if (n == "clob") { o.name = "CLOB"; return o; }
  if (n == "nclob") { o.name = "NCLOB"; return o; }
  if (n == "blob") { o.name = "BLOB"; return o; }
  o.name = "VARCHAR2";
  o.length = 4000;
  return o;
}

}  // namespace orashift
