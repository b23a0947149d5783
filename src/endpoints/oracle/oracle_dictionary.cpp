#include "endpoints/oracle/oracle_dictionary.h"

#include <algorithm>
#include <set>

#include "endpoints/oracle/oracle_connection.h"

namespace orashift::oracle {

namespace {

constexpr oci::sb4 kName = 129;            // identifiers: 128 bytes + NUL
constexpr oci::sb4 kShort = 4001;          // VARCHAR2(4000) dictionary columns
constexpr oci::sb4 kLong = 32768;          // LONG columns holding expressions (DATA_DEFAULT, …)
constexpr oci::sb4 kLongText = 1 << 20;    // LONG view text, read one row per round trip

struct Query {
  std::string view;                 // "TABLES": DBA_TABLES, else ALL_TABLES
  std::vector<std::pair<std::string, oci::sb4>> columns;
  std::string owner_column;         // filtered by the schemas
  std::string extra_where;
  std::string order_by;
  unsigned array_size = 64;
};

std::string quote_literal(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

std::string in_list(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + quote_literal(n);
  return out;
}

// Runs the query on DBA_<view>, then ALL_<view> on ORA-00942. A view neither exists in (an
// older release) leaves its part empty, noted.
std::vector<DictRow> run(Connection& conn, Dictionary& d, const Query& q, const std::vector<std::string>& owners) {
  std::vector<oci::sb4> widths;
  std::string list;
  for (const auto& [name, width] : q.columns) {
    list += (list.empty() ? "" : ", ") + name;
    widths.push_back(width);
  }
  std::string last_error;
  for (const char* prefix : {"DBA_", "ALL_"}) {
    std::string view = prefix + q.view;
    std::string sql = "SELECT " + list + " FROM " + view + " WHERE " + q.owner_column + " IN (" + in_list(owners) + ")";
    if (!q.extra_where.empty()) sql += " AND " + q.extra_where;
    if (!q.order_by.empty()) sql += " ORDER BY " + q.order_by;
    try {
      auto rows = conn.query_text(sql, widths, q.array_size);
      d.view_used[q.view] = view;
      std::vector<DictRow> out;
      out.reserve(rows.size());
      for (auto& r : rows) {
        DictRow row;
        for (size_t i = 0; i < q.columns.size(); ++i) row[q.columns[i].first] = std::move(r[i]);
        out.push_back(std::move(row));
      }
      return out;
    } catch (const OracleError& e) {
      if (e.code() != oci::ORA_TABLE_DOES_NOT_EXIST) throw;
      last_error = e.what();
    }
  }
  d.notes.push_back("neither DBA_" + q.view + " nor ALL_" + q.view + " can be read: " + last_error);
  return {};
}

std::string v(const DictRow& r, const char* name) {
  auto it = r.find(name);
  return it != r.end() && it->second ? *it->second : std::string();
}

bool has(const DictRow& r, const char* name) {
  auto it = r.find(name);
  return it != r.end() && it->second.has_value();
}

std::string q(const std::string& ident) { return "\"" + ident + "\""; }

std::string trim(std::string s) {
  s.erase(0, s.find_first_not_of(" \t\r\n"));
  s.erase(s.find_last_not_of(" \t\r\n") + 1);
  return s;
}

// "START WITH: 1, INCREMENT BY: 1, MAX_VALUE: …" → the value of one option.
std::string identity_option(const std::string& options, const std::string& key) {
  size_t at = options.find(key + ": ");
  if (at == std::string::npos) return {};
  size_t b = at + key.size() + 2, e = options.find(',', b);
  return trim(options.substr(b, e == std::string::npos ? std::string::npos : e - b));
}

// PARTITION BY … for a partitioned table ("" otherwise), with every partition's bound as
// HIGH_VALUE holds it (Oracle's own SQL text: TO_DATE(' 2019-01-01 00:00:00', 'SYYYY-MM-DD
// HH24:MI:SS', 'NLS_CALENDAR=GREGORIAN'), MAXVALUE, literals). Subpartitions are not read.
std::string partition_clause(const Dictionary& d, const std::string& owner, const std::string& table) {
  const DictRow* pt = nullptr;
  for (const auto& r : d.part_tables)
    if (v(r, "OWNER") == owner && v(r, "TABLE_NAME") == table) pt = &r;
  if (!pt) return "";
  std::string type = v(*pt, "PARTITIONING_TYPE");
  if (type != "RANGE" && type != "LIST" && type != "HASH") return "";
  std::string keys;
  for (const auto& k : d.part_key_columns)
    if (v(k, "OWNER") == owner && v(k, "NAME") == table) keys += (keys.empty() ? "" : ", ") + q(v(k, "COLUMN_NAME"));
  std::string out = "\nPARTITION BY " + type + " (" + keys + ")";
  if (has(*pt, "\"INTERVAL\"")) out += " INTERVAL (" + trim(v(*pt, "\"INTERVAL\"")) + ")";
  std::string parts;
  for (const auto& p : d.tab_partitions) {
    if (v(p, "TABLE_OWNER") != owner || v(p, "TABLE_NAME") != table) continue;
    parts += std::string(parts.empty() ? "\n( " : ",\n  ") + "PARTITION " + q(v(p, "PARTITION_NAME"));
    if (type == "RANGE") parts += " VALUES LESS THAN (" + trim(v(p, "HIGH_VALUE")) + ")";
    if (type == "LIST") parts += " VALUES (" + trim(v(p, "HIGH_VALUE")) + ")";
  }
  if (!parts.empty()) out += parts + "\n)";
  else if (type == "HASH") out += " PARTITIONS " + v(*pt, "PARTITION_COUNT");
  return out;
}

}  // namespace

std::string column_type_sql(const DictRow& c) {
  std::string t = v(c, "DATA_TYPE");
  if (t == "NUMBER") {
    if (!has(c, "DATA_PRECISION")) return has(c, "DATA_SCALE") && v(c, "DATA_SCALE") == "0" ? "NUMBER(*,0)" : "NUMBER";
    std::string s = v(c, "DATA_SCALE");
    return "NUMBER(" + v(c, "DATA_PRECISION") + (s.empty() || s == "0" ? "" : "," + s) + ")";
  }
  if (t == "FLOAT") return has(c, "DATA_PRECISION") && v(c, "DATA_PRECISION") != "126" ? "FLOAT(" + v(c, "DATA_PRECISION") + ")" : "FLOAT";
  if (t == "VARCHAR2" || t == "CHAR")
    return t + "(" + v(c, "CHAR_LENGTH") + (v(c, "CHAR_USED") == "C" ? " CHAR" : "") + ")";
  if (t == "NVARCHAR2" || t == "NCHAR") return t + "(" + v(c, "CHAR_LENGTH") + ")";
  if (t == "RAW" || t == "UROWID") return t + "(" + v(c, "DATA_LENGTH") + ")";
  return t;  // DATE, TIMESTAMP(6) [WITH [LOCAL] TIME ZONE], INTERVAL …, CLOB, BLOB, LONG, XMLTYPE, user types
}

Dictionary read_dictionary(Connection& conn, const std::vector<std::string>& owners) {
  Dictionary d;
  d.tables = run(conn, d,
                 {"TABLES",
                  {{"OWNER", kName}, {"TABLE_NAME", kName}, {"TEMPORARY", 2}, {"DURATION", 16}, {"IOT_TYPE", 13},
                   {"NUM_ROWS", 41}},
                  "OWNER",
                  "NESTED = 'NO' AND SECONDARY = 'N' AND DROPPED = 'NO' AND (IOT_TYPE IS NULL OR IOT_TYPE = 'IOT')",
                  "OWNER, TABLE_NAME"},
                 owners);
  d.columns = run(conn, d,
                  {"TAB_COLS",
                   {{"OWNER", kName}, {"TABLE_NAME", kName}, {"COLUMN_NAME", kName}, {"DATA_TYPE", kName},
                    {"DATA_TYPE_OWNER", kName}, {"DATA_LENGTH", 41}, {"DATA_PRECISION", 41}, {"DATA_SCALE", 41},
                    {"NULLABLE", 2}, {"CHAR_LENGTH", 41}, {"CHAR_USED", 2}, {"DATA_DEFAULT", kLong},
                    {"HIDDEN_COLUMN", 4}, {"VIRTUAL_COLUMN", 4}, {"IDENTITY_COLUMN", 4}, {"DEFAULT_ON_NULL", 4}},
                   "OWNER",
                   "USER_GENERATED = 'YES'",
                   "OWNER, TABLE_NAME, INTERNAL_COLUMN_ID",
                   16},
                  owners);
  d.identity = run(conn, d,
                   {"TAB_IDENTITY_COLS",
                    {{"OWNER", kName}, {"TABLE_NAME", kName}, {"COLUMN_NAME", kName}, {"GENERATION_TYPE", 11},
                     {"IDENTITY_OPTIONS", 299}},
                    "OWNER",
                    "",
                    ""},
                   owners);
  d.constraints = run(conn, d,
                      {"CONSTRAINTS",
                       {{"OWNER", kName}, {"CONSTRAINT_NAME", kName}, {"CONSTRAINT_TYPE", 2}, {"TABLE_NAME", kName},
                        {"SEARCH_CONDITION", kLong}, {"R_OWNER", kName}, {"R_CONSTRAINT_NAME", kName},
                        {"DELETE_RULE", 10}, {"STATUS", 9}, {"VALIDATED", 14}, {"GENERATED", 15},
                        {"INDEX_NAME", kName}, {"\"DEFERRABLE\"", 15}, {"\"DEFERRED\"", 10}},  // keywords: quoted
                       "OWNER",
                       "CONSTRAINT_TYPE IN ('P', 'U', 'R', 'C')",
                       "OWNER, TABLE_NAME, CONSTRAINT_TYPE, CONSTRAINT_NAME",
                       16},
                      owners);
  // Columns of the constraints, also of keys in other schemas that foreign keys reference.
  std::set<std::string> key_owners(owners.begin(), owners.end());
  for (const auto& c : d.constraints)
    if (has(c, "R_OWNER")) key_owners.insert(v(c, "R_OWNER"));
  d.cons_columns = run(conn, d,
                       {"CONS_COLUMNS",
                        {{"OWNER", kName}, {"CONSTRAINT_NAME", kName}, {"TABLE_NAME", kName}, {"COLUMN_NAME", 4001},
                         {"POSITION", 41}},
                        "OWNER",
                        "",
                        "OWNER, CONSTRAINT_NAME, POSITION"},
                       std::vector<std::string>(key_owners.begin(), key_owners.end()));
  d.indexes = run(conn, d,
                  {"INDEXES",
                   {{"OWNER", kName}, {"INDEX_NAME", kName}, {"INDEX_TYPE", 28}, {"TABLE_OWNER", kName},
                    {"TABLE_NAME", kName}, {"UNIQUENESS", 10}},
                   "TABLE_OWNER",
                   "",
                   "TABLE_OWNER, TABLE_NAME, INDEX_NAME"},
                  owners);
  d.ind_columns = run(conn, d,
                      {"IND_COLUMNS",
                       {{"INDEX_OWNER", kName}, {"INDEX_NAME", kName}, {"COLUMN_NAME", 4001}, {"COLUMN_POSITION", 41},
                        {"DESCEND", 5}},
                       "TABLE_OWNER",
                       "",
                       "INDEX_OWNER, INDEX_NAME, COLUMN_POSITION"},
                      owners);
  d.ind_expressions = run(conn, d,
                          {"IND_EXPRESSIONS",
                           {{"INDEX_OWNER", kName}, {"INDEX_NAME", kName}, {"COLUMN_POSITION", 41},
                            {"COLUMN_EXPRESSION", kLong}},
                           "TABLE_OWNER",
                           "",
                           "INDEX_OWNER, INDEX_NAME, COLUMN_POSITION",
                           16},
                          owners);
  d.tab_comments = run(conn, d,
                       {"TAB_COMMENTS",
                        {{"OWNER", kName}, {"TABLE_NAME", kName}, {"TABLE_TYPE", 12}, {"COMMENTS", 4001}},
                        "OWNER",
                        "COMMENTS IS NOT NULL",
                        "OWNER, TABLE_NAME"},
                       owners);
  d.col_comments = run(conn, d,
                       {"COL_COMMENTS",
                        {{"OWNER", kName}, {"TABLE_NAME", kName}, {"COLUMN_NAME", kName}, {"COMMENTS", 4001}},
                        "OWNER",
                        "COMMENTS IS NOT NULL",
                        "OWNER, TABLE_NAME, COLUMN_NAME"},
                       owners);
  d.views = run(conn, d,
                {"VIEWS", {{"OWNER", kName}, {"VIEW_NAME", kName}, {"TEXT", kLongText}}, "OWNER", "", "OWNER, VIEW_NAME", 1},
                owners);
  d.mviews = run(conn, d,
                 {"MVIEWS",
                  {{"OWNER", kName}, {"MVIEW_NAME", kName}, {"QUERY", kLongText}, {"REFRESH_METHOD", 9},
                   {"REFRESH_MODE", 7}, {"BUILD_MODE", 10}},
                  "OWNER",
                  "",
                  "OWNER, MVIEW_NAME",
                  1},
                 owners);
  d.sequences = run(conn, d,
                    {"SEQUENCES",
                     {{"SEQUENCE_OWNER", kName}, {"SEQUENCE_NAME", kName}, {"MIN_VALUE", 41}, {"MAX_VALUE", 41},
                      {"INCREMENT_BY", 41}, {"CYCLE_FLAG", 2}, {"ORDER_FLAG", 2}, {"CACHE_SIZE", 41},
                      {"LAST_NUMBER", 41}},
                     "SEQUENCE_OWNER",
                     "SEQUENCE_NAME NOT LIKE 'ISEQ$$%'",
                     "SEQUENCE_OWNER, SEQUENCE_NAME"},
                    owners);
  d.source = run(conn, d,
                 {"SOURCE",
                  {{"OWNER", kName}, {"NAME", kName}, {"TYPE", 13}, {"LINE", 41}, {"TEXT", 4001}},
                  "OWNER",
                  "TYPE IN ('PROCEDURE', 'FUNCTION', 'PACKAGE', 'PACKAGE BODY', 'TRIGGER', 'TYPE', 'TYPE BODY')",
                  "OWNER, NAME, TYPE, LINE",
                  256},
                 owners);
  d.part_tables = run(conn, d,
                      {"PART_TABLES",
                       {{"OWNER", kName}, {"TABLE_NAME", kName}, {"PARTITIONING_TYPE", 10},
                        {"SUBPARTITIONING_TYPE", 10}, {"PARTITION_COUNT", 41}, {"\"INTERVAL\"", 1001}},  // a keyword: quoted
                       "OWNER",
                       "",
                       "OWNER, TABLE_NAME"},
                      owners);
  d.part_key_columns = run(conn, d,
                           {"PART_KEY_COLUMNS",
                            {{"OWNER", kName}, {"NAME", kName}, {"COLUMN_NAME", 4001}, {"COLUMN_POSITION", 41}},
                            "OWNER",
                            "OBJECT_TYPE LIKE 'TABLE%'",
                            "OWNER, NAME, COLUMN_POSITION"},
                           owners);
  d.tab_partitions = run(conn, d,
                         {"TAB_PARTITIONS",
                          {{"TABLE_OWNER", kName}, {"TABLE_NAME", kName}, {"PARTITION_NAME", kName},
                           {"HIGH_VALUE", kLong}, {"PARTITION_POSITION", 41}},
                          "TABLE_OWNER",
                          "",
                          "TABLE_OWNER, TABLE_NAME, PARTITION_POSITION",
                          16},
                         owners);
  for (const auto& pt : d.part_tables) {
    std::string type = v(pt, "PARTITIONING_TYPE"), sub = v(pt, "SUBPARTITIONING_TYPE");
    if (type != "RANGE" && type != "LIST" && type != "HASH")
      d.notes.push_back(v(pt, "OWNER") + "." + v(pt, "TABLE_NAME") + ": " + type +
                        " partitioning is not read; the table converts unpartitioned");
    else if (!sub.empty() && sub != "NONE")
      d.notes.push_back(v(pt, "OWNER") + "." + v(pt, "TABLE_NAME") + ": its " + sub +
                        " subpartitions are not read; the table converts with its partitions only");
  }
  d.synonyms = run(conn, d,
                   {"SYNONYMS",
                    {{"OWNER", kName}, {"SYNONYM_NAME", kName}, {"TABLE_OWNER", kName}, {"TABLE_NAME", kName},
                     {"DB_LINK", kName}},
                    "OWNER",
                    "",
                    "OWNER, SYNONYM_NAME"},
                   owners);
  return d;
}

std::string dictionary_ddl(const Dictionary& d, bool qualify) {
  auto name = [&](const std::string& owner, const std::string& object) {
    return qualify ? q(owner) + "." + q(object) : q(object);
  };
  auto key = [](const std::string& a, const std::string& b) { return a + "\x1f" + b; };
  // A materialized view's container table has its name: the view is created, not the table.
  std::set<std::string> mview_names;
  for (const auto& m : d.mviews) mview_names.insert(key(v(m, "OWNER"), v(m, "MVIEW_NAME")));
  std::set<std::string> tables;
  for (const auto& t : d.tables)
    if (!mview_names.count(key(v(t, "OWNER"), v(t, "TABLE_NAME")))) tables.insert(key(v(t, "OWNER"), v(t, "TABLE_NAME")));
  std::map<std::string, DictRow> identity;
  for (const auto& r : d.identity) identity[key(key(v(r, "OWNER"), v(r, "TABLE_NAME")), v(r, "COLUMN_NAME"))] = r;
  std::map<std::string, std::vector<std::string>> cons_cols;  // owner.constraint → columns in order
  std::map<std::string, std::string> cons_table;
  for (const auto& r : d.cons_columns) {
    cons_cols[key(v(r, "OWNER"), v(r, "CONSTRAINT_NAME"))].push_back(v(r, "COLUMN_NAME"));
    cons_table[key(v(r, "OWNER"), v(r, "CONSTRAINT_NAME"))] = v(r, "TABLE_NAME");
  }
  auto col_list = [&](const std::vector<std::string>& cols) {
    std::string out;
    for (const auto& c : cols) out += (out.empty() ? "" : ", ") + q(c);
    return "(" + out + ")";
  };
  auto state = [&](const DictRow& c) -> std::string {
    // DEFERRABLE ('DEFERRABLE' / 'NOT DEFERRABLE') and DEFERRED ('DEFERRED' / 'IMMEDIATE').
    std::string deferral = v(c, "\"DEFERRABLE\"") != "DEFERRABLE" ? ""
                           : v(c, "\"DEFERRED\"") == "DEFERRED"   ? " DEFERRABLE INITIALLY DEFERRED"
                                                                  : " DEFERRABLE";
    bool enabled = v(c, "STATUS") != "DISABLED", validated = v(c, "VALIDATED") != "NOT VALIDATED";
    if (enabled && validated) return deferral;
    if (enabled) return deferral + " ENABLE NOVALIDATE";
    return deferral + (validated ? " DISABLE VALIDATE" : " DISABLE");
  };
  auto constraint_name = [&](const DictRow& c) {
    return v(c, "GENERATED") == "GENERATED NAME" ? std::string() : "CONSTRAINT " + q(v(c, "CONSTRAINT_NAME")) + " ";
  };
  std::set<std::string> constraint_indexes;
  for (const auto& c : d.constraints)
    if (has(c, "INDEX_NAME")) constraint_indexes.insert(key(v(c, "OWNER"), v(c, "INDEX_NAME")));

  std::string out;
  // Tables with their columns and their primary key, unique and check constraints.
  for (const auto& t : d.tables) {
    std::string owner = v(t, "OWNER"), table = v(t, "TABLE_NAME");
    if (!tables.count(key(owner, table))) continue;
    bool temporary = v(t, "TEMPORARY") == "Y";
    out += std::string("CREATE ") + (temporary ? "GLOBAL TEMPORARY " : "") + "TABLE " + name(owner, table) + " (";
    bool first = true;
    for (const auto& c : d.columns) {
      if (v(c, "OWNER") != owner || v(c, "TABLE_NAME") != table) continue;
      std::string col = v(c, "COLUMN_NAME");
      out += first ? "\n  " : ",\n  ";
      first = false;
      out += q(col) + " " + column_type_sql(c);
      if (v(c, "HIDDEN_COLUMN") == "YES") out += " INVISIBLE";
      std::string def = trim(v(c, "DATA_DEFAULT"));
      if (v(c, "VIRTUAL_COLUMN") == "YES") {
        out += " GENERATED ALWAYS AS (" + def + ") VIRTUAL";
      } else if (v(c, "IDENTITY_COLUMN") == "YES") {
        auto it = identity.find(key(key(owner, table), col));
        std::string gen = it == identity.end() ? "BY DEFAULT" : v(it->second, "GENERATION_TYPE");
        if (gen == "BY DEFAULT" && v(c, "DEFAULT_ON_NULL") == "YES") gen += " ON NULL";
        out += " GENERATED " + gen + " AS IDENTITY";
        if (it != identity.end()) {
          std::string opts = v(it->second, "IDENTITY_OPTIONS");
          std::string start = identity_option(opts, "START WITH"), step = identity_option(opts, "INCREMENT BY");
          std::string extra;
          if (!start.empty() && start != "1") extra += "START WITH " + start;
          if (!step.empty() && step != "1") extra += (extra.empty() ? "" : " ") + ("INCREMENT BY " + step);
          if (!extra.empty()) out += " (" + extra + ")";
        }
      } else if (!def.empty()) {
        out += std::string(" DEFAULT ") + (v(c, "DEFAULT_ON_NULL") == "YES" ? "ON NULL " : "") + def;
      }
      if (v(c, "NULLABLE") == "N" && v(c, "IDENTITY_COLUMN") != "YES") out += " NOT NULL";
    }
    // Keys first, then checks (the dictionary does not keep the order they were declared in).
    for (const char* kind : {"P", "U", "C"})
    for (const auto& c : d.constraints) {
      if (v(c, "OWNER") != owner || v(c, "TABLE_NAME") != table || v(c, "CONSTRAINT_TYPE") != kind) continue;
      std::string type = v(c, "CONSTRAINT_TYPE");
      const auto& cols = cons_cols[key(owner, v(c, "CONSTRAINT_NAME"))];
      if (type == "P" || type == "U") {
        out += ",\n  " + constraint_name(c) + (type == "P" ? "PRIMARY KEY " : "UNIQUE ") + col_list(cols) + state(c);
      } else if (type == "C") {
        std::string cond = trim(v(c, "SEARCH_CONDITION"));
        // The NOT NULL of a column shows as a system-named check; NULLABLE already says it.
        if (v(c, "GENERATED") == "GENERATED NAME" && cols.size() == 1 && cond == q(cols[0]) + " IS NOT NULL") continue;
        out += ",\n  " + constraint_name(c) + "CHECK (" + cond + ")" + state(c);
      }
    }
    out += "\n)";
    if (v(t, "IOT_TYPE") == "IOT") out += " ORGANIZATION INDEX";
    out += partition_clause(d, owner, table);
    if (temporary) out += v(t, "DURATION") == "SYS$SESSION" ? " ON COMMIT PRESERVE ROWS" : " ON COMMIT DELETE ROWS";
    out += ";\n\n";
  }
  // Foreign keys after every table, so that any order of creation works.
  for (const auto& c : d.constraints) {
    if (v(c, "CONSTRAINT_TYPE") != "R" || !tables.count(key(v(c, "OWNER"), v(c, "TABLE_NAME")))) continue;
    std::string rkey = key(v(c, "R_OWNER"), v(c, "R_CONSTRAINT_NAME"));
    out += "ALTER TABLE " + name(v(c, "OWNER"), v(c, "TABLE_NAME")) + " ADD " + constraint_name(c) + "FOREIGN KEY " +
           col_list(cons_cols[key(v(c, "OWNER"), v(c, "CONSTRAINT_NAME"))]) + " REFERENCES " +
           name(v(c, "R_OWNER"), cons_table[rkey]) + " " + col_list(cons_cols[rkey]);
    if (v(c, "DELETE_RULE") == "CASCADE") out += " ON DELETE CASCADE";
    if (v(c, "DELETE_RULE") == "SET NULL") out += " ON DELETE SET NULL";
    out += state(c) + ";\n";
  }
  // Indexes other than those Oracle made for a key, with expressions for function-based ones.
  std::map<std::string, std::string> expressions;
  for (const auto& e : d.ind_expressions)
    expressions[key(key(v(e, "INDEX_OWNER"), v(e, "INDEX_NAME")), v(e, "COLUMN_POSITION"))] =
        trim(v(e, "COLUMN_EXPRESSION"));
  for (const auto& i : d.indexes) {
    std::string owner = v(i, "OWNER"), index = v(i, "INDEX_NAME"), type = v(i, "INDEX_TYPE");
    if (constraint_indexes.count(key(owner, index)) || !tables.count(key(v(i, "TABLE_OWNER"), v(i, "TABLE_NAME"))))
      continue;
    if (type == "LOB" || type == "IOT - TOP" || type == "CLUSTER" || type == "DOMAIN") continue;
    std::string cols;
    for (const auto& c : d.ind_columns) {
      if (v(c, "INDEX_OWNER") != owner || v(c, "INDEX_NAME") != index) continue;
      auto e = expressions.find(key(key(owner, index), v(c, "COLUMN_POSITION")));
      cols += (cols.empty() ? "" : ", ") + (e != expressions.end() ? e->second : q(v(c, "COLUMN_NAME")));
      if (v(c, "DESCEND") == "DESC") cols += " DESC";
    }
    bool bitmap = type.find("BITMAP") != std::string::npos;
    out += std::string("CREATE ") + (v(i, "UNIQUENESS") == "UNIQUE" ? "UNIQUE " : "") + (bitmap ? "BITMAP " : "") +
           "INDEX " + name(owner, index) + " ON " + name(v(i, "TABLE_OWNER"), v(i, "TABLE_NAME")) + " (" + cols + ");\n";
  }
  auto literal = [](const std::string& s) { return quote_literal(s); };
  for (const auto& c : d.tab_comments)
    if (tables.count(key(v(c, "OWNER"), v(c, "TABLE_NAME"))))
      out += "COMMENT ON TABLE " + name(v(c, "OWNER"), v(c, "TABLE_NAME")) + " IS " + literal(v(c, "COMMENTS")) + ";\n";
  for (const auto& c : d.col_comments)
    if (tables.count(key(v(c, "OWNER"), v(c, "TABLE_NAME"))))
      out += "COMMENT ON COLUMN " + name(v(c, "OWNER"), v(c, "TABLE_NAME")) + "." + q(v(c, "COLUMN_NAME")) + " IS " +
             literal(v(c, "COMMENTS")) + ";\n";
  // Sequences from where they stand now: LAST_NUMBER is at or beyond every value handed out.
  for (const auto& s : d.sequences) {
    out += "CREATE SEQUENCE " + name(v(s, "SEQUENCE_OWNER"), v(s, "SEQUENCE_NAME")) + " START WITH " +
           v(s, "LAST_NUMBER");
    std::string step = v(s, "INCREMENT_BY");
    if (step != "1") out += " INCREMENT BY " + step;
    bool ascending = step.empty() || step[0] != '-';
    if (ascending && v(s, "MIN_VALUE") != "1") out += " MINVALUE " + v(s, "MIN_VALUE");
    if (ascending && v(s, "MAX_VALUE") != "9999999999999999999999999999") out += " MAXVALUE " + v(s, "MAX_VALUE");
    if (v(s, "CYCLE_FLAG") == "Y") out += " CYCLE";
    if (v(s, "ORDER_FLAG") == "Y") out += " ORDER";
    if (v(s, "CACHE_SIZE") == "0") out += " NOCACHE";
    else if (v(s, "CACHE_SIZE") != "20") out += " CACHE " + v(s, "CACHE_SIZE");
    out += ";\n";
  }
  for (const auto& view : d.views) {
    std::string text = trim(v(view, "TEXT"));
    while (!text.empty() && text.back() == ';') text.pop_back();
    out += "\nCREATE OR REPLACE VIEW " + name(v(view, "OWNER"), v(view, "VIEW_NAME")) + " AS\n" + text + ";\n";
  }
  for (const auto& m : d.mviews) {
    std::string query = trim(v(m, "QUERY"));
    while (!query.empty() && query.back() == ';') query.pop_back();
    std::string method = v(m, "REFRESH_METHOD"), mode = v(m, "REFRESH_MODE");
    out += "\nCREATE MATERIALIZED VIEW " + name(v(m, "OWNER"), v(m, "MVIEW_NAME"));
    if (v(m, "BUILD_MODE") == "DEFERRED") out += "\n  BUILD DEFERRED";
    if (method == "COMPLETE" || method == "FAST" || method == "FORCE") {
      out += "\n  REFRESH " + method;
      if (mode == "DEMAND" || mode == "COMMIT") out += " ON " + mode;
    } else if (method == "NEVER") {
      out += "\n  NEVER REFRESH";
    }
    out += "\n  AS " + query + ";\n";
  }
  // Code units in dependency-friendly order: types, specifications, then bodies and triggers.
  auto rank = [](const std::string& type) {
    static const char* order[] = {"TYPE", "PACKAGE", "FUNCTION", "PROCEDURE", "TYPE BODY", "PACKAGE BODY", "TRIGGER"};
    for (int i = 0; i < 7; ++i)
      if (type == order[i]) return i;
    return 7;
  };
  std::map<std::tuple<int, std::string, std::string>, std::string> units;
  for (const auto& line : d.source)
    units[{rank(v(line, "TYPE")), v(line, "OWNER"), v(line, "NAME")}] += v(line, "TEXT");
  for (const auto& [k, text] : units) {
    std::string body = text;
    body.erase(body.find_last_not_of(" \t\r\n") + 1);
    out += "\nCREATE OR REPLACE " + body + "\n/\n";
  }
  for (const auto& s : d.synonyms) {
    out += "CREATE SYNONYM " + name(v(s, "OWNER"), v(s, "SYNONYM_NAME")) + " FOR " +
           q(v(s, "TABLE_OWNER")) + "." + q(v(s, "TABLE_NAME"));
    if (has(s, "DB_LINK")) out += "@" + v(s, "DB_LINK");
    out += ";\n";
  }
  return out;
}

std::map<std::string, uint64_t> table_row_statistics(const Dictionary& d) {
  std::map<std::string, uint64_t> out;
  for (const auto& t : d.tables)  // (a materialized view's container table too: rows it holds)
    if (has(t, "NUM_ROWS")) out[v(t, "TABLE_NAME")] = std::stoull(v(t, "NUM_ROWS"));
  return out;
}

}  // namespace orashift::oracle
