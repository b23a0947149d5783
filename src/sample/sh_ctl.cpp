#include "sample/sh_text.h"

namespace orashift::sample {


// SQL*Loader reads a character field of at most 255 bytes unless told otherwise.
static constexpr int kDefaultCharField = 255;

static std::string field_spec(const ShColumn& c) {
  std::string f(c.name);
  switch (c.type) {
    case ShType::Date:
      f += " DATE \"" + std::string(c.load_mask) + "\"";
      break;
    case ShType::Number:
      if (!c.load_mask.empty())
        f += " \"TO_NUMBER(:" + std::string(c.name) + ",'" + std::string(c.load_mask) + "')\"";
      break;
    case ShType::Varchar2:
    case ShType::Char:
      if (c.size > kDefaultCharField) f += " CHAR(" + std::to_string(c.size) + ")";
      break;
  }
  return f;
}

std::string sh_control_file(const ShTable& t) {
  const std::string file = std::string(t.file);
  std::string s;
  s += "-- " + file + ".ctl: loads " + std::string(t.name) + " from " + file + ".dat (UTF-8).\n";
  s += "-- Written by `orashift sample sh`; an empty field or an enclosed \"\" loads as NULL.\n";
  s += "LOAD DATA\n";
  s += "CHARACTERSET AL32UTF8\n";
  s += "INFILE '" + file + ".dat'\n";
  s += "INTO TABLE " + std::string(t.name) + "\n";
  s += "APPEND\n";
  s += "FIELDS TERMINATED BY '|' OPTIONALLY ENCLOSED BY '\"'\n";
  s += "TRAILING NULLCOLS\n";
  for (size_t i = 0; i < t.columns.size(); ++i) {
    s += i == 0 ? "(" : " ";
    s += field_spec(t.columns[i]);
    s += i + 1 == t.columns.size() ? ")\n" : ",\n";
  }
  return s;
}

}  // namespace orashift::sample
