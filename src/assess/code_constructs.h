#pragma once
// Code constructs that make PL/SQL (and views) expensive to move, found from the token stream
// of one unit, so code is assessed before a PL/SQL parser can convert it. Comments and string
// literals are tokens of their own and never match.
#include <string>
#include <vector>

#include "common/diagnostic.h"

namespace orashift {

struct ConstructHit {
  const char* code;     // action item code, OS50xx
  std::string name;     // "BULK COLLECT", "DBMS_LOB", "EXECUTE IMMEDIATE"
  Span span;            // the construct's first token(s)
};

std::vector<ConstructHit> find_constructs(Span unit);

// The object name a CREATE statement defines ("HR.ADD_JOB_HISTORY"), found after the words of
// `kind` ("CREATE PACKAGE BODY"); empty when there is none.
std::string created_name(Span statement, const std::string& kind);

}  // namespace orashift
