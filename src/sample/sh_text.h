#pragma once
// The text files of the sample: the Oracle DDL script and the SQL*Loader control files.
#include <string>

#include "sample/sh_spec.h"

namespace orashift::sample {

std::string sh_schema_sql();                 // sh_schema.sql
std::string sh_control_file(const ShTable&);  // <table>.ctl

// Oracle's type text for a column: NUMBER, NUMBER(6), NUMBER(10,2), VARCHAR2(20), CHAR(2), DATE.
std::string oracle_type(const ShColumn&);

}  // namespace orashift::sample
