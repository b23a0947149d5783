#pragma once
// One small Oracle schema (SHOP: CUSTOMERS, ORDERS, a view, a sequence, a function) in the two
// forms orashift reads it: as files (DDL script + CSV files with a header) and as the database
// the OCI test double serves (tests/oci_double: the data dictionary as Oracle shows this schema,
// written by hand from the Reference's descriptions of the ALL_* views, and the rows). The rows
// come from one generator, so both forms hold the same values.
#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace e2e::oracle_double {

using Value = std::optional<std::string>;  // nullopt = NULL
using Row = std::vector<Value>;

constexpr const char* kUser = "shop";
constexpr const char* kConnect = "db.example.test:1521/SHOPPDB";

inline std::string two(int v) {
  char b[8];
  std::snprintf(b, sizeof b, "%02d", v);
  return b;
}

// CUSTOMERS: ID, NAME, EMAIL, CREDIT, BORN, CREATED, NOTE
inline std::vector<Row> customers(int n) {
  std::vector<Row> out;
  for (int i = 1; i <= n; ++i) {
    Row r;
    r.push_back(std::to_string(i));
    r.push_back(i % 7 == 0 ? "Zoë Östlund 東京 " + std::to_string(i) : "Customer " + std::to_string(i));
    r.push_back(i % 5 == 0 ? Value() : Value("c" + std::to_string(i) + "@example.com"));
    long cents = (static_cast<long>(i) * 3737 % 10000000) - 5000000;
    std::string credit = (cents < 0 ? "-" : "") + std::to_string(std::labs(cents) / 100) + "." + two(static_cast<int>(std::labs(cents) % 100));
    r.push_back(credit);
    r.push_back(i % 9 == 0 ? Value() : Value(std::to_string(1950 + i % 50) + "-" + two(1 + i % 12) + "-" + two(1 + i % 28) + " 00:00:00"));
    char ts[64];
    std::snprintf(ts, sizeof ts, "2021-%02d-%02d %02d:%02d:%02d.%06d", 1 + i % 12, 1 + i % 28, i % 24, i % 60, (i * 7) % 60,
                  (i * 7919) % 1000000);
    r.push_back(std::string(ts));
    r.push_back(i % 3 == 0 ? Value("note " + std::to_string(i) + ", with \"quotes\"\nand a second line") : Value());
    out.push_back(std::move(r));
  }
  return out;
}

// ORDERS: ORDER_ID, CUSTOMER_ID, AMOUNT, RATIO, TOKEN, ORDERED, BIG (38 digits: exact only if never a double)
inline std::vector<Row> orders(int n, int customers) {
  std::vector<Row> out;
  for (int j = 1; j <= n; ++j) {
    Row r;
    r.push_back(std::to_string(j));
    r.push_back(std::to_string(1 + j % customers));
    long frac = static_cast<long>(j) * 7919 % 100000000;
    char amount[48];
    std::snprintf(amount, sizeof amount, "%ld.%04ld", frac / 10000, frac % 10000);
    r.push_back(std::string(amount));
    r.push_back(j % 11 == 0 ? Value() : Value(std::to_string(j / 8) + (j % 8 == 0 ? "" : "." + std::to_string(j % 8 * 125))));
    char token[24];
    std::snprintf(token, sizeof token, "%08X%08X", static_cast<unsigned>(j) * 2654435761u, static_cast<unsigned>(j));
    r.push_back(std::string(token));
    r.push_back("20" + two(j % 24) + "-" + two(1 + j % 12) + "-" + two(1 + j % 28) + " " + two(j % 24) + ":" + two(j % 60) + ":00");
    std::string big = std::to_string(j) + "2345678901234567890123456789012345678";
    big = big.substr(0, 38 - (j % 4 ? 0 : 5));
    r.push_back(j % 13 == 0 ? Value() : Value((j % 2 ? "-" : "") + big));
    out.push_back(std::move(r));
  }
  return out;
}

// DAILY_TOTALS (range-partitioned by DAY): DAY, QTY
inline std::vector<Row> daily_totals() {
  std::vector<Row> out;
  for (int i = 0; i < 40; ++i)
    out.push_back({"20" + std::to_string(20 + i % 3) + "-" + two(1 + i % 12) + "-" + two(1 + i % 28) + " 00:00:00",
                   i % 6 == 0 ? Value() : Value(std::to_string(i * 17))});
  return out;
}

inline const char* kDdl = R"(CREATE TABLE customers (
  id NUMBER(10) NOT NULL,
  name VARCHAR2(40 CHAR) NOT NULL,
  email VARCHAR2(80),
  credit NUMBER(12,2) DEFAULT 0,
  born DATE,
  created TIMESTAMP(6),
  note CLOB,
  CONSTRAINT customers_pk PRIMARY KEY (id)
);
CREATE TABLE orders (
  order_id NUMBER(12) NOT NULL,
  customer_id NUMBER(10),
  amount NUMBER(14,4),
  ratio BINARY_DOUBLE,
  token RAW(8),
  ordered DATE NOT NULL,
  big NUMBER(38),
  CONSTRAINT orders_pk PRIMARY KEY (order_id),
  CONSTRAINT orders_amount_ck CHECK (amount >= 0)
);
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
CREATE TABLE daily_totals (
  day DATE NOT NULL,
  qty NUMBER(6)
)
PARTITION BY RANGE (day)
( PARTITION d_2020 VALUES LESS THAN (TO_DATE('2021-01-01', 'YYYY-MM-DD')),
  PARTITION d_2021 VALUES LESS THAN (TO_DATE('2022-01-01', 'YYYY-MM-DD')),
  PARTITION d_max VALUES LESS THAN (MAXVALUE)
);
CREATE INDEX orders_customer_ix ON orders (customer_id);
COMMENT ON TABLE customers IS 'People who order';
CREATE SEQUENCE order_seq START WITH 1000;
CREATE OR REPLACE VIEW big_orders AS SELECT order_id, amount FROM orders WHERE amount > 100;
CREATE OR REPLACE FUNCTION order_total(p_customer NUMBER) RETURN NUMBER IS
  v NUMBER;
BEGIN
  SELECT SUM(amount) INTO v FROM orders WHERE customer_id = p_customer;
  RETURN v;
END;
/
)";

inline const std::vector<std::string> kCustomerColumns = {"ID", "NAME", "EMAIL", "CREDIT", "BORN", "CREATED", "NOTE"};
inline const std::vector<std::string> kOrderColumns = {"ORDER_ID", "CUSTOMER_ID", "AMOUNT", "RATIO", "TOKEN", "ORDERED", "BIG"};

inline std::string csv_field(const Value& v) {
  if (!v) return "";
  if (v->find_first_of(",\"\n") == std::string::npos) return *v;
  std::string out = "\"";
  for (char c : *v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

inline void write_csv(const std::filesystem::path& p, const std::vector<std::string>& header, const std::vector<Row>& rows) {
  std::ofstream f(p, std::ios::binary);
  for (size_t i = 0; i < header.size(); ++i) f << (i ? "," : "") << header[i];
  f << "\n";
  for (const auto& r : rows) {
    for (size_t i = 0; i < r.size(); ++i) f << (i ? "," : "") << csv_field(r[i]);
    f << "\n";
  }
}

// The files form: DIR/shop.sql, DIR/customers.csv, DIR/orders.csv.
inline void write_files(const std::filesystem::path& dir, int n_customers, int n_orders) {
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "shop.sql") << kDdl;
  write_csv(dir / "customers.csv", kCustomerColumns, customers(n_customers));
  write_csv(dir / "orders.csv", kOrderColumns, orders(n_orders, n_customers));
  write_csv(dir / "daily_totals.csv", {"DAY", "QTY"}, daily_totals());
}

class Db {
public:
  explicit Db(const std::string& path) {
    std::filesystem::remove(path);
    sqlite3_open(path.c_str(), &db_);
    exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF");
  }
  ~Db() { sqlite3_close(db_); }
  void exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string e = err ? err : "?";
      sqlite3_free(err);
      throw std::runtime_error("fixture: " + e + " in " + sql);
    }
  }
  // Inserts rows; columns whose `blob[i]` is set take hexadecimal text as bytes.
  void insert(const std::string& table, size_t columns, const std::vector<Row>& rows, const std::vector<bool>& blob = {}) {
    std::string sql = "INSERT INTO \"" + table + "\" VALUES (";
    for (size_t i = 0; i < columns; ++i) sql += i ? ", ?" : "?";
    sql += ")";
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(db_));
    exec("BEGIN");
    for (const auto& r : rows) {
      sqlite3_reset(s);
      for (size_t i = 0; i < columns; ++i) {
        int k = static_cast<int>(i + 1);
        if (!r[i]) {
          sqlite3_bind_null(s, k);
        } else if (i < blob.size() && blob[i]) {
          std::string bytes;
          for (size_t h = 0; h + 1 < r[i]->size(); h += 2) bytes += static_cast<char>(std::stoi(r[i]->substr(h, 2), nullptr, 16));
          sqlite3_bind_blob(s, k, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
        } else {
          sqlite3_bind_text(s, k, r[i]->c_str(), static_cast<int>(r[i]->size()), SQLITE_TRANSIENT);
        }
      }
      if (sqlite3_step(s) != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db_));
    }
    exec("COMMIT");
    sqlite3_finalize(s);
  }

private:
  sqlite3* db_ = nullptr;
};

struct Options {
  std::string password;
  bool flashback = true;
  bool dba_views = false;  // the user may read DBA_* (else only ALL_* exist: ORA-00942 on DBA_)
  std::string tns_alias = "SHOPDB";
  long scn = 5012345;
};

// The double's database: the dictionary as Oracle 19c shows SHOP, and the rows.
inline void write_double_db(const std::string& path, int n_customers, int n_orders, const Options& o) {
  Db db(path);
  auto s = [](const std::string& v) { return Value(v); };
  Value null;
  db.exec("CREATE TABLE DOUBLE_CONFIG (NAME VARCHAR2(30), VALUE VARCHAR2(200))");
  db.insert("DOUBLE_CONFIG", 2,
            {{s("connect"), s(kConnect)}, {s("tns_alias"), s(o.tns_alias)}, {s("user"), s("SHOP")},
             {s("password"), s(o.password)}, {s("flashback"), s(o.flashback ? "Y" : "N")}});
  db.exec("CREATE TABLE \"V$DATABASE\" (CURRENT_SCN NUMBER)");
  db.insert("V$DATABASE", 1, {{s(std::to_string(o.scn))}});
  db.exec("CREATE TABLE ALL_TABLES (OWNER VARCHAR2(128), TABLE_NAME VARCHAR2(128), TEMPORARY VARCHAR2(1), DURATION VARCHAR2(15), "
          "IOT_TYPE VARCHAR2(12), NUM_ROWS NUMBER, NESTED VARCHAR2(3), SECONDARY VARCHAR2(1), DROPPED VARCHAR2(3))");
  db.insert("ALL_TABLES", 9,
            {{s("SHOP"), s("CUSTOMERS"), s("N"), null, null, s(std::to_string(n_customers)), s("NO"), s("N"), s("NO")},
             {s("SHOP"), s("ORDERS"), s("N"), null, null, s(std::to_string(n_orders)), s("NO"), s("N"), s("NO")},
             {s("SHOP"), s("DAILY_TOTALS"), s("N"), null, null, s("40"), s("NO"), s("N"), s("NO")},
             // In the recycle bin: not a table of the schema.
             {s("SHOP"), s("BIN$abc=="), s("N"), null, null, null, s("NO"), s("N"), s("YES")}});
  db.exec("CREATE TABLE ALL_TAB_COLS (OWNER VARCHAR2(128), TABLE_NAME VARCHAR2(128), COLUMN_NAME VARCHAR2(128), "
          "DATA_TYPE VARCHAR2(128), DATA_TYPE_OWNER VARCHAR2(128), DATA_LENGTH NUMBER, DATA_PRECISION NUMBER, DATA_SCALE NUMBER, "
          "NULLABLE VARCHAR2(1), CHAR_LENGTH NUMBER, CHAR_USED VARCHAR2(1), DATA_DEFAULT LONG, HIDDEN_COLUMN VARCHAR2(3), "
          "VIRTUAL_COLUMN VARCHAR2(3), IDENTITY_COLUMN VARCHAR2(3), DEFAULT_ON_NULL VARCHAR2(3), USER_GENERATED VARCHAR2(3), "
          "INTERNAL_COLUMN_ID NUMBER)");
  int id = 0;
  auto col = [&](const char* table, const char* name, const char* type, Value len, Value prec, Value scale, const char* nullable,
                 Value char_len, Value char_used, Value def = Value()) {
    return Row{s("SHOP"), s(table), s(name), s(type), Value(), len, prec, scale, s(nullable), char_len, char_used, def,
               s("NO"), s("NO"), s("NO"), s("NO"), s("YES"), s(std::to_string(++id))};
  };
  std::vector<Row> cols = {
      col("CUSTOMERS", "ID", "NUMBER", s("22"), s("10"), s("0"), "N", s("0"), null),
      col("CUSTOMERS", "NAME", "VARCHAR2", s("160"), null, null, "N", s("40"), s("C")),
      col("CUSTOMERS", "EMAIL", "VARCHAR2", s("80"), null, null, "Y", s("80"), s("B")),
      col("CUSTOMERS", "CREDIT", "NUMBER", s("22"), s("12"), s("2"), "Y", s("0"), null, s("0\n")),
      col("CUSTOMERS", "BORN", "DATE", s("7"), null, null, "Y", s("0"), null),
      col("CUSTOMERS", "CREATED", "TIMESTAMP(6)", s("11"), null, s("6"), "Y", s("0"), null),
      col("CUSTOMERS", "NOTE", "CLOB", s("4000"), null, null, "Y", s("0"), null)};
  id = 0;
  for (Row r : std::vector<Row>{col("ORDERS", "ORDER_ID", "NUMBER", s("22"), s("12"), s("0"), "N", s("0"), null),
                                col("ORDERS", "CUSTOMER_ID", "NUMBER", s("22"), s("10"), s("0"), "Y", s("0"), null),
                                col("ORDERS", "AMOUNT", "NUMBER", s("22"), s("14"), s("4"), "Y", s("0"), null),
                                col("ORDERS", "RATIO", "BINARY_DOUBLE", s("8"), null, null, "Y", s("0"), null),
                                col("ORDERS", "TOKEN", "RAW", s("8"), null, null, "Y", s("0"), null),
                                col("ORDERS", "ORDERED", "DATE", s("7"), null, null, "N", s("0"), null),
                                col("ORDERS", "BIG", "NUMBER", s("22"), s("38"), s("0"), "Y", s("0"), null)})
    cols.push_back(r);
  id = 0;
  cols.push_back(col("DAILY_TOTALS", "DAY", "DATE", s("7"), null, null, "N", s("0"), null));
  cols.push_back(col("DAILY_TOTALS", "QTY", "NUMBER", s("22"), s("6"), s("0"), "Y", s("0"), null));
  // A column of a view: ALL_TAB_COLS lists view columns too; orashift keeps tables' only.
  cols.push_back(Row{s("SHOP"), s("BIG_ORDERS"), s("ORDER_ID"), s("NUMBER"), null, s("22"), s("12"), s("0"), s("N"), s("0"), null,
                     null, s("NO"), s("NO"), s("NO"), s("NO"), s("YES"), s("1")});
  db.insert("ALL_TAB_COLS", 18, cols);
  db.exec("CREATE TABLE ALL_TAB_IDENTITY_COLS (OWNER VARCHAR2(128), TABLE_NAME VARCHAR2(128), COLUMN_NAME VARCHAR2(128), "
          "GENERATION_TYPE VARCHAR2(10), IDENTITY_OPTIONS VARCHAR2(298))");
  db.exec("CREATE TABLE ALL_CONSTRAINTS (OWNER VARCHAR2(128), CONSTRAINT_NAME VARCHAR2(128), CONSTRAINT_TYPE VARCHAR2(1), "
          "TABLE_NAME VARCHAR2(128), SEARCH_CONDITION LONG, R_OWNER VARCHAR2(128), R_CONSTRAINT_NAME VARCHAR2(128), "
          "DELETE_RULE VARCHAR2(9), STATUS VARCHAR2(8), VALIDATED VARCHAR2(13), GENERATED VARCHAR2(14), INDEX_NAME VARCHAR2(128), "
          "\"DEFERRABLE\" VARCHAR2(14), \"DEFERRED\" VARCHAR2(9))");
  auto con = [&](const char* name, const char* type, const char* table, Value cond, Value r_name, Value rule, const char* generated,
                 Value index, const char* deferrable = "NOT DEFERRABLE", const char* deferred = "IMMEDIATE") {
    return Row{s("SHOP"), s(name), s(type), s(table), cond, r_name ? s("SHOP") : null, r_name, rule, s("ENABLED"), s("VALIDATED"),
               s(generated), index, s(deferrable), s(deferred)};
  };
  db.insert("ALL_CONSTRAINTS", 14,
            {con("CUSTOMERS_PK", "P", "CUSTOMERS", null, null, null, "USER NAME", s("CUSTOMERS_PK")),
             con("SYS_C008001", "C", "CUSTOMERS", s("\"ID\" IS NOT NULL"), null, null, "GENERATED NAME", null),
             con("SYS_C008002", "C", "CUSTOMERS", s("\"NAME\" IS NOT NULL"), null, null, "GENERATED NAME", null),
             con("ORDERS_PK", "P", "ORDERS", null, null, null, "USER NAME", s("ORDERS_PK")),
             con("SYS_C008003", "C", "ORDERS", s("\"ORDER_ID\" IS NOT NULL"), null, null, "GENERATED NAME", null),
             con("SYS_C008004", "C", "ORDERS", s("\"ORDERED\" IS NOT NULL"), null, null, "GENERATED NAME", null),
             con("ORDERS_AMOUNT_CK", "C", "ORDERS", s("amount >= 0"), null, null, "USER NAME", null),
             con("ORDERS_CUSTOMER_FK", "R", "ORDERS", null, s("CUSTOMERS_PK"), s("CASCADE"), "USER NAME", null, "DEFERRABLE",
                 "DEFERRED")});
  db.exec("CREATE TABLE ALL_CONS_COLUMNS (OWNER VARCHAR2(128), CONSTRAINT_NAME VARCHAR2(128), TABLE_NAME VARCHAR2(128), "
          "COLUMN_NAME VARCHAR2(4000), POSITION NUMBER)");
  auto cc = [&](const char* c, const char* t, const char* col, Value pos) { return Row{s("SHOP"), s(c), s(t), s(col), pos}; };
  db.insert("ALL_CONS_COLUMNS", 5,
            {cc("CUSTOMERS_PK", "CUSTOMERS", "ID", s("1")), cc("SYS_C008001", "CUSTOMERS", "ID", null),
             cc("SYS_C008002", "CUSTOMERS", "NAME", null), cc("ORDERS_PK", "ORDERS", "ORDER_ID", s("1")),
             cc("SYS_C008003", "ORDERS", "ORDER_ID", null), cc("SYS_C008004", "ORDERS", "ORDERED", null),
             cc("ORDERS_AMOUNT_CK", "ORDERS", "AMOUNT", null), cc("ORDERS_CUSTOMER_FK", "ORDERS", "CUSTOMER_ID", s("1"))});
  db.exec("CREATE TABLE ALL_INDEXES (OWNER VARCHAR2(128), INDEX_NAME VARCHAR2(128), INDEX_TYPE VARCHAR2(27), "
          "TABLE_OWNER VARCHAR2(128), TABLE_NAME VARCHAR2(128), UNIQUENESS VARCHAR2(9))");
  db.insert("ALL_INDEXES", 6,
            {{s("SHOP"), s("CUSTOMERS_PK"), s("NORMAL"), s("SHOP"), s("CUSTOMERS"), s("UNIQUE")},
             {s("SHOP"), s("SYS_IL0000070001C00007$$"), s("LOB"), s("SHOP"), s("CUSTOMERS"), s("UNIQUE")},
             {s("SHOP"), s("ORDERS_PK"), s("NORMAL"), s("SHOP"), s("ORDERS"), s("UNIQUE")},
             {s("SHOP"), s("ORDERS_CUSTOMER_IX"), s("NORMAL"), s("SHOP"), s("ORDERS"), s("NONUNIQUE")}});
  db.exec("CREATE TABLE ALL_IND_COLUMNS (INDEX_OWNER VARCHAR2(128), INDEX_NAME VARCHAR2(128), TABLE_OWNER VARCHAR2(128), "
          "TABLE_NAME VARCHAR2(128), COLUMN_NAME VARCHAR2(4000), COLUMN_POSITION NUMBER, DESCEND VARCHAR2(4))");
  db.insert("ALL_IND_COLUMNS", 7,
            {{s("SHOP"), s("CUSTOMERS_PK"), s("SHOP"), s("CUSTOMERS"), s("ID"), s("1"), s("ASC")},
             {s("SHOP"), s("ORDERS_PK"), s("SHOP"), s("ORDERS"), s("ORDER_ID"), s("1"), s("ASC")},
             {s("SHOP"), s("ORDERS_CUSTOMER_IX"), s("SHOP"), s("ORDERS"), s("CUSTOMER_ID"), s("1"), s("ASC")}});
  db.exec("CREATE TABLE ALL_IND_EXPRESSIONS (INDEX_OWNER VARCHAR2(128), INDEX_NAME VARCHAR2(128), TABLE_OWNER VARCHAR2(128), "
          "TABLE_NAME VARCHAR2(128), COLUMN_EXPRESSION LONG, COLUMN_POSITION NUMBER)");
  db.exec("CREATE TABLE ALL_TAB_COMMENTS (OWNER VARCHAR2(128), TABLE_NAME VARCHAR2(128), TABLE_TYPE VARCHAR2(11), COMMENTS VARCHAR2(4000))");
  db.insert("ALL_TAB_COMMENTS", 4,
            {{s("SHOP"), s("CUSTOMERS"), s("TABLE"), s("People who order")}, {s("SHOP"), s("ORDERS"), s("TABLE"), null}});
  db.exec("CREATE TABLE ALL_COL_COMMENTS (OWNER VARCHAR2(128), TABLE_NAME VARCHAR2(128), COLUMN_NAME VARCHAR2(128), COMMENTS VARCHAR2(4000))");
  db.exec("CREATE TABLE ALL_VIEWS (OWNER VARCHAR2(128), VIEW_NAME VARCHAR2(128), TEXT LONG)");
  db.insert("ALL_VIEWS", 3, {{s("SHOP"), s("BIG_ORDERS"), s("SELECT order_id, amount FROM orders WHERE amount > 100")}});
  db.exec("CREATE TABLE ALL_SEQUENCES (SEQUENCE_OWNER VARCHAR2(128), SEQUENCE_NAME VARCHAR2(128), MIN_VALUE NUMBER, MAX_VALUE NUMBER TEXT, "
          "INCREMENT_BY NUMBER, CYCLE_FLAG VARCHAR2(1), ORDER_FLAG VARCHAR2(1), CACHE_SIZE NUMBER, LAST_NUMBER NUMBER)");
  db.insert("ALL_SEQUENCES", 9,
            {{s("SHOP"), s("ORDER_SEQ"), s("1"), s("9999999999999999999999999999"), s("1"), s("N"), s("N"), s("20"), s("1000")},
             {s("SHOP"), s("ISEQ$$_70001"), s("1"), s("9999999999999999999999999999"), s("1"), s("N"), s("N"), s("20"), s("1")}});
  db.exec("CREATE TABLE ALL_SOURCE (OWNER VARCHAR2(128), NAME VARCHAR2(128), TYPE VARCHAR2(12), LINE NUMBER, TEXT VARCHAR2(4000))");
  std::vector<std::string> fn = {"FUNCTION order_total(p_customer NUMBER) RETURN NUMBER IS\n", "  v NUMBER;\n", "BEGIN\n",
                                 "  SELECT SUM(amount) INTO v FROM orders WHERE customer_id = p_customer;\n", "  RETURN v;\n", "END;"};
  std::vector<Row> src;
  for (size_t i = 0; i < fn.size(); ++i) src.push_back({s("SHOP"), s("ORDER_TOTAL"), s("FUNCTION"), s(std::to_string(i + 1)), s(fn[i])});
  db.insert("ALL_SOURCE", 5, src);
  db.exec("CREATE TABLE ALL_SYNONYMS (OWNER VARCHAR2(128), SYNONYM_NAME VARCHAR2(128), TABLE_OWNER VARCHAR2(128), "
          "TABLE_NAME VARCHAR2(128), DB_LINK VARCHAR2(128))");
  db.exec("CREATE TABLE ALL_MVIEWS (OWNER VARCHAR2(128), MVIEW_NAME VARCHAR2(128), QUERY LONG, REFRESH_METHOD VARCHAR2(8), "
          "REFRESH_MODE VARCHAR2(6), BUILD_MODE VARCHAR2(9))");
  db.exec("CREATE TABLE ALL_PART_TABLES (OWNER VARCHAR2(128), TABLE_NAME VARCHAR2(128), PARTITIONING_TYPE VARCHAR2(9), "
          "SUBPARTITIONING_TYPE VARCHAR2(9), PARTITION_COUNT NUMBER, \"INTERVAL\" VARCHAR2(1000))");
  db.exec("CREATE TABLE ALL_PART_KEY_COLUMNS (OWNER VARCHAR2(128), NAME VARCHAR2(128), OBJECT_TYPE CHAR(5), "
          "COLUMN_NAME VARCHAR2(4000), COLUMN_POSITION NUMBER)");
  db.exec("CREATE TABLE ALL_TAB_PARTITIONS (TABLE_OWNER VARCHAR2(128), TABLE_NAME VARCHAR2(128), PARTITION_NAME VARCHAR2(128), "
          "HIGH_VALUE LONG, PARTITION_POSITION NUMBER)");
  db.exec("INSERT INTO ALL_PART_TABLES VALUES ('SHOP', 'DAILY_TOTALS', 'RANGE', 'NONE', 3, NULL)");
  db.exec("INSERT INTO ALL_PART_KEY_COLUMNS VALUES ('SHOP', 'DAILY_TOTALS', 'TABLE', 'DAY', 1)");
  // HIGH_VALUE as Oracle 19c writes a DATE bound.
  db.exec("INSERT INTO ALL_TAB_PARTITIONS VALUES ('SHOP', 'DAILY_TOTALS', 'D_2020', 'TO_DATE('' 2021-01-01 00:00:00'', "
          "''SYYYY-MM-DD HH24:MI:SS'', ''NLS_CALENDAR=GREGORIAN'')', 1)");
  db.exec("INSERT INTO ALL_TAB_PARTITIONS VALUES ('SHOP', 'DAILY_TOTALS', 'D_2021', 'TO_DATE('' 2022-01-01 00:00:00'', "
          "''SYYYY-MM-DD HH24:MI:SS'', ''NLS_CALENDAR=GREGORIAN'')', 2)");
  db.exec("INSERT INTO ALL_TAB_PARTITIONS VALUES ('SHOP', 'DAILY_TOTALS', 'D_MAX', 'MAXVALUE', 3)");
  if (o.dba_views)
    for (const char* v : {"TABLES", "TAB_COLS", "TAB_IDENTITY_COLS", "CONSTRAINTS", "CONS_COLUMNS", "INDEXES", "IND_COLUMNS",
                          "IND_EXPRESSIONS", "TAB_COMMENTS", "COL_COMMENTS", "VIEWS", "SEQUENCES", "SOURCE", "SYNONYMS",
                          "PART_TABLES", "PART_KEY_COLUMNS", "TAB_PARTITIONS", "MVIEWS"})
      db.exec(std::string("CREATE VIEW DBA_") + v + " AS SELECT * FROM ALL_" + v);
  // The rows, in tables whose declared types are the Oracle types (the double converts by them).
  // Keys are NUMBER (SQLite's NUMERIC affinity: integers, so MIN/MAX and ORDER BY are numeric);
  // decimals are "NUMBER TEXT" (TEXT affinity: SQLite would keep only 15 digits of a REAL).
  db.exec("CREATE TABLE CUSTOMERS (ID NUMBER, NAME VARCHAR2(40), EMAIL VARCHAR2(80), CREDIT NUMBER TEXT, BORN DATE, "
          "CREATED TIMESTAMP(6), NOTE CLOB)");
  db.insert("CUSTOMERS", 7, customers(n_customers));
  db.exec("CREATE TABLE ORDERS (ORDER_ID NUMBER, CUSTOMER_ID NUMBER, AMOUNT NUMBER TEXT, RATIO BINARY_DOUBLE, TOKEN RAW(8), "
          "ORDERED DATE, BIG NUMBER TEXT)");
  db.insert("ORDERS", 7, orders(n_orders, n_customers), {false, false, false, false, true, false, false});
  db.exec("CREATE TABLE DAILY_TOTALS (DAY DATE, QTY NUMBER)");
  db.insert("DAILY_TOTALS", 2, daily_totals());
}

// SHOP.VALS: values at the edges of each decoder (BC dates, NaN and infinities, a bare NUMBER
// with 30 digits, time zones), added to a double database written by write_double_db.
inline void add_hard_values(const std::string& path) {
  sqlite3* h = nullptr;
  sqlite3_open(path.c_str(), &h);
  auto exec = [&](const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string e = err ? err : "?";
      sqlite3_free(err);
      throw std::runtime_error("fixture: " + e);
    }
  };
  exec("INSERT INTO ALL_TABLES VALUES ('SHOP', 'VALS', 'N', NULL, NULL, 4, 'NO', 'N', 'NO')");
  const char* cols[][6] = {{"ID", "NUMBER", "22", "5", "0", "N"},          {"N", "NUMBER", "22", nullptr, nullptr, "Y"},
                           {"D", "DATE", "7", nullptr, nullptr, "Y"},       {"TZ", "TIMESTAMP(6) WITH TIME ZONE", "13", nullptr, "6", "Y"},
                           {"BD", "BINARY_DOUBLE", "8", nullptr, nullptr, "Y"}, {"BF", "BINARY_FLOAT", "4", nullptr, nullptr, "Y"}};
  int id = 0;
  for (auto& c : cols) {
    auto lit = [](const char* v) { return v ? "'" + std::string(v) + "'" : std::string("NULL"); };
    exec("INSERT INTO ALL_TAB_COLS VALUES ('SHOP', 'VALS', '" + std::string(c[0]) + "', '" + c[1] + "', NULL, " + c[2] + ", " +
         lit(c[3]) + ", " + lit(c[4]) + ", '" + c[5] + "', 0, NULL, NULL, 'NO', 'NO', 'NO', 'NO', 'YES', " + std::to_string(++id) + ")");
  }
  exec("CREATE TABLE VALS (ID NUMBER, N NUMBER TEXT, D DATE, TZ TIMESTAMP_WITH_TIME_ZONE, BD BINARY_DOUBLE TEXT, BF BINARY_FLOAT TEXT)");
  exec("INSERT INTO VALS VALUES (1, '12345678901234567890.0123456789', '-0044-03-15 12:00:00', '2021-06-01 12:00:00.25 +02:00', 'NaN', '1.5')");
  exec("INSERT INTO VALS VALUES (2, '-0.0000000001', '9999-12-31 23:59:59', '2021-06-01 00:30:00 -05:30', 'Inf', '-Inf')");
  exec("INSERT INTO VALS VALUES (3, '0', '-4712-01-01 00:00:00', NULL, '-Inf', '0')");
  exec("INSERT INTO VALS VALUES (4, NULL, NULL, '1999-12-31 23:59:59.999999 +00:00', '-2.5e-300', NULL)");
  sqlite3_close(h);
}

}  // namespace e2e::oracle_double
