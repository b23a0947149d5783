#pragma once
// The row of each view of the source, for PL/SQL that declares `v%ROWTYPE` or `v.c%TYPE`: the
// view's columns in order, named as Oracle names them (the column list, an alias, or the column
// read) and typed from what they read (a table's or another view's column keeps its type; an
// expression gets the family it computes, text when that cannot be told). A view whose columns
// cannot all be named (a star over a join or a subquery, an unnamed expression) is left out.
#include <map>
#include <string>

#include "catalog/catalog.h"

namespace orashift {

std::map<std::string, Table> source_view_rows(const Catalog& catalog);

}  // namespace orashift
