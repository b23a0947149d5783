#include "dialect/ddl_generator.h"

#include <map>
#include <set>

#include "common/redact.h"
#include "convert/default_translation.h"
#include "convert/simple_expression.h"
#include "convert/sql_rewrite.h"
#include "dialect/code_generator.h"
#include "common/naming.h"
#include "dialect/redshift_identifiers.h"
#include "dialect/view_generator.h"
#include "dialect/partition_ddl.h"
#include "dialect/sql_literal.h"
#include "dialect/sequence_ddl.h"
#include "sql/lexer.h"

namespace orashift {

namespace {

std::string q(const std::string& oracle_name) { return quote_ident(target_name(oracle_name)); }

std::string column_list(const std::vector<std::string>& cols) {
  std::string out;
  for (size_t i = 0; i < cols.size(); ++i) out += (i ? ", " : "") + q(cols[i]);
  return out;
}

std::string table_ref(const Table& t) { return q(t.name); }

const char* constraint_word(ConstraintKind k) {
  switch (k) {
    case ConstraintKind::PrimaryKey: return "PRIMARY KEY";
    case ConstraintKind::Unique: return "UNIQUE";
    case ConstraintKind::ForeignKey: return "FOREIGN KEY";
    case ConstraintKind::Check: return "CHECK";
    case ConstraintKind::NotNull: return "NOT NULL";
  }
  return "";
}

class Generator {
public:
  Generator(const Catalog& cat, const ConvertOptions& opt, ActionItems& items) : cat_(cat), opt_(opt), items_(items) {}

  ConvertedSchema run() {
    out_.dialect = opt_.dialect;
    if (opt_.dialect == Dialect::Redshift) out_.designs = advise_physical_design(cat_, opt_.row_estimates, opt_.physical.settings,
                                                                          opt_.physical.statistics, opt_.types);
    integer_identity_keys();
    for (const auto& s : cat_.sequences) sequence(s);
    for (const auto& t : cat_.tables) table(t);
    if (opt_.dialect == Dialect::Redshift) case_folded_names();
    for (const auto& s : cat_.synonyms) synonym(s);
    // Keys added after the load come before the foreign keys that need them.
    for (auto& k : deferred_keys_) out_.objects.push_back(std::move(k));
    for (const auto& t : cat_.tables) foreign_keys(t);
    for (const auto& i : cat_.indexes) index(i);
    for (const auto& t : cat_.tables) comments(t);
    // Code objects, then views (which may call routines), then triggers (after their tables
    // and views, and after the load: DMS loads with triggers off, orashift creates them after).
    std::vector<bool> handled(cat_.unmodelled.size(), false);
    CodeObjects code = generate_code_objects(cat_, opt_, items_, handled);
    for (auto& o : code.before_views) out_.objects.push_back(std::move(o));
    for (auto& f : code.flagged) out_.flagged.push_back(std::move(f));
    std::vector<bool> views = generate_views(cat_, opt_.dialect, out_.objects, items_, &code);
    for (auto& o : code.after_views) out_.objects.push_back(std::move(o));
    for (auto& o : code.triggers) out_.objects.push_back(std::move(o));
    for (size_t i = 0; i < cat_.unmodelled.size(); ++i)
      if (!views[i] && !handled[i] && !data_statement(cat_.unmodelled[i])) unmodelled(cat_.unmodelled[i]);
    data_statements();
    return std::move(out_);
  }

private:
  const char* dialect() const { return dialect_name(opt_.dialect); }
  std::string object(const Table& t) const { return "TABLE " + t.name; }

  // A constraint the target should create inline with the table, or why not.
  bool keep_key(const Table& t, const Constraint& c) {
    bool redshift = opt_.dialect == Dialect::Redshift;
    if (!c.enabled && !redshift) {
      items_.add("OS2001", object(t), (c.name.empty() ? std::string("unnamed ") : c.name + " ") + constraint_word(c.kind) +
                 " (" + (c.enabled ? "" : "DISABLE ") + (c.validated ? "" : "NOVALIDATE") + ")", c.span, dialect());
      return false;
    }
    return true;
  }

  void table(const Table& t) {
    if (!t.of_type.empty()) {
      // Rows of an object table are instances of a user-defined type (with OIDs and methods):
      // the type must be designed into columns first.
      items_.add("OS2012", object(t), "CREATE TABLE " + t.name + " OF " + t.of_type, t.span, dialect());
      flag("TABLE", t.name, t.span, "OS2012");
      return;
    }
    std::string before;  // statements the table needs first (DuckDB identity sequences)
    std::string sql;
    if (opt_.dialect == Dialect::Redshift) {
      const TableDesign& d = out_.designs[t.name];
      for (const auto& r : d.reasons) sql += "-- " + r + "\n";
      sql += narrowed_types_note(t);
    }
    bool pg = opt_.dialect == Dialect::Postgres;
    if (t.global_temporary) {
      items_.add("OS2013", object(t), "GLOBAL TEMPORARY " + t.on_commit, t.span, dialect());
      sql += "-- Oracle GLOBAL TEMPORARY TABLE " + t.on_commit + ": rows were private to each session\n";
    }
    if (t.index_organized) items_.add("OS2014", object(t), "ORGANIZATION INDEX", t.span, dialect());
    sql += std::string("CREATE ") + (t.global_temporary && pg ? "UNLOGGED " : "") + "TABLE " + table_ref(t) + " (\n";
    bool first = true;
    for (const auto& c : t.columns) {
      const std::string* user_type = column_override(opt_.types, t.name, c.name, opt_.dialect);
      MappedType mt = user_type ? MappedType{*user_type, true} : map_type(c, object(t), opt_.dialect, opt_.types, &items_);
      sql += first ? "  " : ",\n  ";
      first = false;
      // Identity columns must be integers on Redshift and PostgreSQL (NUMBER → NUMERIC(38,0) is not),
      // and INT or BIGINT on Redshift (CREATE TABLE, IDENTITY), so a NUMBER(4) identity is an
      // INTEGER there.
      if (bigint_columns_.count(t.name + "." + c.name)) {
        if (mt.sql != "SMALLINT" && mt.sql != "INTEGER") mt.sql = "BIGINT";
        else if (mt.sql == "SMALLINT" && opt_.dialect == Dialect::Redshift) mt.sql = "INTEGER";
      }
      sql += q(c.name) + " " + mt.sql;
      if (!c.virtual_sql.empty()) {
        sql += virtual_column(t, c);
        if (opt_.dialect == Dialect::Redshift) sql += encoding(t, c, mt);
        continue;
      }
      // Order as every target's grammar has it: DEFAULT / identity, then ENCODE (Redshift), then NOT NULL.
      if (!c.identity_sql.empty()) sql += identity(t, c, before);
      if (!c.default_sql.empty() && c.identity_sql.empty()) sql += column_default(t, c, mt);
      if (opt_.dialect == Dialect::Redshift) sql += encoding(t, c, mt);
      if (!c.nullable) sql += " NOT NULL";
      if (c.invisible) items_.add("OS2011", object(t), "column " + c.name + " INVISIBLE", c.span, dialect());
      if (!c.domain.empty()) items_.add("OS2022", object(t), "column " + c.name + " DOMAIN " + c.domain, c.span, dialect());
      if (!c.annotations.empty()) items_.add("OS2023", object(t), "column " + c.name + " " + c.annotations, c.span, dialect());
    }
    bool informational_noted = false;
    for (const auto& c : t.constraints) {
      if (c.kind != ConstraintKind::PrimaryKey && c.kind != ConstraintKind::Unique && c.kind != ConstraintKind::Check) continue;
      if (c.kind == ConstraintKind::Check) {
        if (opt_.dialect == Dialect::Redshift) {
          items_.add("OS2004", object(t), "CHECK (" + c.check_sql + ")", c.span, dialect());
          continue;
        }
        if (!keep_key(t, c)) continue;
        RewriteResult cond = convert_table_condition(c.check_sql, c.span, t, cat_, opt_.dialect, object(t));
        if (!cond.convertible) {
          items_.add("OS2005", object(t), "CHECK (" + c.check_sql + ") not translated", c.span, dialect());
          continue;
        }
        merge_items(cond, items_);
        sql += ",\n  ";
        if (!c.name.empty()) sql += "CONSTRAINT " + q(c.name) + " ";
        sql += "CHECK (" + cond.sql + ")";
        continue;
      }
      if (!keep_key(t, c)) continue;
      if (opt_.dialect == Dialect::Redshift && !informational_noted) {
        items_.add("OS2002", object(t), std::string(constraint_word(c.kind)) + " " + c.name, c.span, dialect());
        informational_noted = true;
      }
      std::string key;
      if (!c.name.empty())
        key += "CONSTRAINT " + q(relation_name(c.name, c.kind == ConstraintKind::PrimaryKey ? "_PK" : "_UK", object(t), c.span)) + " ";
      key += std::string(constraint_word(c.kind)) + " (" + column_list(c.columns) + ")" + key_rules(t, c, "");
      if (opt_.keys_after_load && opt_.dialect != Dialect::DuckDb) {
        std::vector<std::string> key_columns;
        for (const auto& k : c.columns) key_columns.push_back(target_name(k));
        deferred_keys_.push_back({"CONSTRAINT", c.name, t.name, "ALTER TABLE " + table_ref(t) + " ADD " + key + ";\n",
                                  ApplyPhase::AfterLoad, c.span, {}, std::move(key_columns)});
        continue;
      }
      sql += ",\n  " + key;
    }
    sql += "\n)";
    std::string partitions;
    if (!t.partitioning.method.empty()) partitions = partitioning(t, sql);
    else if (!t.partitioning.unreadable.empty())
      items_.add("OS2006", object(t), "source partitioning: created whole because " + t.partitioning.unreadable, t.span,
                 dialect());
    if (opt_.dialect == Dialect::Redshift) sql += redshift_table_attributes(t);
    sql += ";\n" + partitions;
    if (!t.physical_sql.empty()) items_.add("OS3004", object(t), t.physical_sql, t.span, dialect());
    if (!t.annotations.empty()) items_.add("OS2023", object(t), t.annotations, t.span, dialect());
    out_.objects.push_back({"TABLE", t.name, t.name, before + sql, ApplyPhase::BeforeLoad, t.span, {}});
  }

  // Redshift folds quoted identifiers to lower case too unless enable_case_sensitive_identifier is
  // on, so Oracle's "MyCol" and MYCOL (target names MyCol and mycol) would be one column there.
  // When names collide that way, the script turns the parameter on before its first table (the
  // Redshift target repeats it before each COPY), and an action item per table says that sessions
  // reading those names need it too.
  void case_folded_names() {
    auto lower = [](std::string s) {
      for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      return s;
    };
    // Groups of distinct target names that fold to the same lower-case name, as "a, A".
    auto collisions = [&](const std::vector<std::string>& oracle_names) {
      std::map<std::string, std::set<std::string>> by_folded;
      for (const auto& n : oracle_names) by_folded[lower(target_name(n))].insert(target_name(n));
      std::vector<std::string> out;
      for (const auto& [folded, names] : by_folded) {
        if (names.size() < 2) continue;
        std::string group;
        for (const auto& n : names) group += (group.empty() ? "" : ", ") + quote_ident(n);
        out.push_back(group);
      }
      return out;
    };
    bool any = false;
    std::vector<std::string> tables;
    for (const auto& t : cat_.tables) tables.push_back(t.name);
    std::vector<std::string> table_groups = collisions(tables);
    for (const auto& t : cat_.tables)  // each table of a colliding group, located at its own definition
      for (const auto& group : table_groups)
        if (group.find(quote_ident(target_name(t.name))) != std::string::npos) {
          items_.add("OS2021", object(t), "table names " + group, t.span, dialect());
          any = true;
        }
    for (const auto& t : cat_.tables) {
      std::vector<std::string> columns;
      for (const auto& c : t.columns) columns.push_back(c.name);
      for (const auto& group : collisions(columns)) {
        items_.add("OS2021", object(t), "columns " + group, t.span, dialect());
        any = true;
      }
    }
    if (!any) return;
    for (auto& o : out_.objects)
      if (o.kind == "TABLE") {
        o.sql = std::string(kCaseSensitiveIdentifiers) + "\n" + o.sql;
        break;
      }
  }

  // Identity columns must be integers on Redshift and PostgreSQL (NUMBER/INTEGER map to NUMERIC,
  // which they refuse), so they become BIGINT — and so do the foreign-key columns referencing
  // them, because PostgreSQL cannot build a foreign key between NUMERIC and BIGINT.
  void integer_identity_keys() {
    if (opt_.dialect == Dialect::DuckDb) return;
    for (const auto& t : cat_.tables)
      for (const auto& c : t.columns)
        if (!c.identity_sql.empty()) bigint_columns_.insert(t.name + "." + c.name);
    for (const auto& t : cat_.tables)
      for (const auto& k : t.constraints) {
        if (k.kind != ConstraintKind::ForeignKey) continue;
        std::vector<std::string> refs = k.ref_columns;
        if (refs.empty())
          if (const Table* rt = cat_.find_table(k.ref_table))
            if (const Constraint* pk = rt->primary_key()) refs = pk->columns;
        for (size_t i = 0; i < refs.size() && i < k.columns.size(); ++i)
          if (bigint_columns_.count(k.ref_table + "." + refs[i])) bigint_columns_.insert(t.name + "." + k.columns[i]);
      }
  }

  // Appends the PARTITION BY clause to `sql` (PostgreSQL) and returns the partition statements.
  std::string partitioning(const Table& t, std::string& sql) {
    const Partitioning& p = t.partitioning;
    std::string what = "PARTITION BY " + p.method + " with " + std::to_string(p.partitions.size()) + " partitions";
    if (opt_.dialect != Dialect::Postgres) {
      items_.add("OS2006", object(t), what, t.span, dialect());
      return "";
    }
    std::string why;
    auto ddl = postgres_partitions(t, why);
    if (!ddl) {
      items_.add("OS2006", object(t), what + ": created whole because " + why, t.span, dialect());
      return "";
    }
    if (!ddl->note.empty()) items_.add("OS2008", object(t), ddl->note, t.span, dialect());
    sql += ddl->clause;
    return ddl->partitions;
  }

  std::string column_default(const Table& t, const Column& c, const MappedType& mt) {
    auto d = translate_default(c, mt, t, opt_.dialect);
    if (!d) {
      items_.add("OS2005", object(t), "column " + c.name + " DEFAULT " + c.default_sql, c.span, dialect());
      return "";
    }
    if (!d->conversion.empty())
      items_.add("OS4015", object(t), "column " + c.name + " DEFAULT: " + d->conversion, c.span, dialect());
    if (!d->needs.empty() && !has_sequence(d->needs))
      items_.add("OS2015", object(t), "column " + c.name + " DEFAULT uses sequence " + d->needs +
                 ", which the scripts do not create", c.span, dialect());
    // DEFAULT ON NULL also replaces explicit NULLs in Oracle; targets apply defaults only to omitted columns.
    if (c.default_on_null)
      items_.add("OS2016", object(t),
                 "column " + c.name + (c.default_on_null_update ? " DEFAULT ON NULL FOR INSERT AND UPDATE (an UPDATE to NULL "
                                                                  "stores NULL on the target)"
                                                                : " DEFAULT ON NULL"),
                 c.span, dialect());
    return " DEFAULT " + d->sql;
  }

  bool has_sequence(const std::string& name) const {
    for (const auto& s : cat_.sequences)
      if (s.name == name) return true;
    return false;
  }

  std::string identity(const Table& t, const Column& c, std::string& before) {
    SequenceClauses sc = sequence_clauses(identity_options(c.identity_sql), opt_.dialect);
    if (!sc.dropped.empty()) items_.add("OS2007", object(t), "identity " + c.name + ": " + join(sc.dropped), c.span, dialect());
    if (opt_.dialect == Dialect::Redshift) {
      // COPY loads the Oracle values (EXPLICIT_IDS) without moving the identity past them.
      items_.add("OS2017", object(t), "column " + c.name + " " + c.identity_sql +
                 ": the loaded values do not move the identity's next value", c.span, dialect());
      // Oracle's BY DEFAULT (also ON NULL) takes explicit values: Redshift's GENERATED BY DEFAULT.
      return std::string(identity_always(c.identity_sql) ? " IDENTITY(" : " GENERATED BY DEFAULT AS IDENTITY(") +
             sc.start + ", " + sc.increment + ")";
    }
    if (opt_.dialect == Dialect::Postgres)
      return std::string(" GENERATED ") + (identity_always(c.identity_sql) ? "ALWAYS" : "BY DEFAULT") + " AS IDENTITY" +
             (sc.sql.empty() ? "" : " (" + sc.sql.substr(1) + ")");
    // DuckDB has no identity columns: a sequence of its own and DEFAULT nextval.
    std::string seq = target_name(t.name) + "_" + target_name(c.name) + "_seq";
    before += "CREATE SEQUENCE " + quote_ident(seq) + sc.sql + ";\n";
    items_.add("OS2017", object(t), "column " + c.name + " " + c.identity_sql + " → sequence " + seq, c.span, dialect());
    return " DEFAULT nextval(" + quote_literal(quote_ident(seq), opt_.dialect) + ")";
  }

  std::string virtual_column(const Table& t, const Column& c) {
    auto e = opt_.dialect == Dialect::Redshift ? std::nullopt : translate_simple_expression(c.virtual_sql, t, opt_.dialect);
    if (!e) {
      // The column is still created (plain, nullable) so that code selecting it compiles; its
      // values must come from a view or the load.
      items_.add("OS2010", object(t), "column " + c.name + " AS (" + c.virtual_sql + ")", c.span, dialect());
      return "";
    }
    return " GENERATED ALWAYS AS (" + *e + ")" + (opt_.dialect == Dialect::Postgres ? " STORED" : "");
  }

  void sequence(const Sequence& s) {
    std::string name = "SEQUENCE " + s.name;
    if (opt_.dialect == Dialect::Redshift) {
      items_.add("OS2009", name, "Redshift has no sequences: not created (use an IDENTITY column)", s.span, dialect());
      flag("SEQUENCE", s.name, s.span, "OS2009");
      return;
    }
    std::vector<std::string> dropped;
    std::string sql = create_sequence_sql(s, opt_.dialect, dropped);
    if (!dropped.empty()) items_.add("OS2007", name, join(dropped), s.span, dialect());
    out_.objects.push_back({"SEQUENCE", s.name, "", sql, ApplyPhase::BeforeLoad, s.span, {}});
  }

  // Synonyms: the rewriter resolves references through the catalog, so a private synonym for a
  // table of the same conversion needs no object. Public synonyms (and private ones for tables
  // of this conversion referenced under another owner) become views so that code naming them
  // keeps working; synonyms for anything else are listed.
  void synonym(const Synonym& s) {
    std::string name = std::string(s.is_public ? "PUBLIC SYNONYM " : "SYNONYM ") + s.name;
    std::string to = (s.target_schema.empty() ? "" : s.target_schema + ".") + s.target + (s.db_link.empty() ? "" : "@" + s.db_link);
    const Table* t = s.db_link.empty() ? cat_.find_table(s.target) : nullptr;
    if (!t) {
      items_.add("OS2019", name, "for " + to + ", which this conversion does not create", s.span, dialect());
      flag("SYNONYM", s.name, s.span, "OS2019");
      return;
    }
    if (!s.is_public && target_name(s.name) == target_name(s.target)) {
      items_.add("OS2018", name, "for " + to + ": references resolve to the table itself", s.span, dialect());
      return;
    }
    std::string sql = "CREATE VIEW " + q(s.name) + " AS SELECT * FROM " + table_ref(*t) + ";\n";
    out_.objects.push_back({"VIEW", s.name, t->name, sql, ApplyPhase::BeforeLoad, s.span, {}});
  }

  static std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& x : v) out += (out.empty() ? "" : ", ") + x;
    return out;
  }

  // An object the source defines but this conversion does not create.
  void flag(const std::string& kind, const std::string& name, Span span, const std::string& code) {
    out_.flagged.push_back({kind, name, span, code});
  }

  // The columns typed from evidence, so the reader of the design sees why they are integers
  // (or narrow decimals) and what that buys on Redshift; "" when none was narrowed.
  std::string narrowed_types_note(const Table& t) const {
    std::string list;
    for (const auto& c : t.columns) {
      if (c.narrowing.empty() || column_override(opt_.types, t.name, c.name, opt_.dialect)) continue;
      list += (list.empty() ? "" : ", ") + c.name + " " + map_type(c, object(t), opt_.dialect, opt_.types, nullptr).sql;
    }
    if (list.empty()) return "";
    std::string declared = "NUMERIC(" + std::to_string(opt_.types.unconstrained_number_precision) + "," +
                           std::to_string(opt_.types.unconstrained_number_scale) + ")";
    return "-- types from evidence (every value seen fits): " + list + "; joins, DISTKEY and SORTKEY compare these " +
           "instead of " + declared + " and AZ64 encodes the integers as 2/4/8-byte values\n";
  }

  std::string encoding(const Table& t, const Column& c, const MappedType& mt) {
    const TableDesign& d = out_.designs[t.name];
    // The leading sort key stays RAW so that zone maps work on uncompressed values.
    if (!d.sortkey.empty() && d.sortkey.front() == c.name) return " ENCODE RAW";
    // AZ64 takes only SMALLINT/INTEGER/BIGINT/DECIMAL/DATE/TIMESTAMP/TIMESTAMPTZ; ZSTD the text
    // and SUPER types; anything else (BOOLEAN, REAL, GEOMETRY, TIME, INTERVAL) stays RAW, which
    // every type accepts (Redshift "Compression encodings"). VARBYTE stays RAW too: the encodings
    // page does not list which encodings VARBYTE takes, so the one every type takes is used.
    const std::string& s = mt.sql;
    auto starts = [&](const char* p) { return s.rfind(p, 0) == 0; };
    if (starts("VARCHAR") || starts("CHAR") || s == "SUPER") return " ENCODE ZSTD";
    if (s == "SMALLINT" || s == "INTEGER" || s == "BIGINT" || starts("NUMERIC") || starts("DECIMAL") || s == "DATE" ||
        s == "TIMESTAMP" || s == "TIMESTAMPTZ")
      return " ENCODE AZ64";
    return " ENCODE RAW";
  }

  std::string redshift_table_attributes(const Table& t) {
    const TableDesign& d = out_.designs[t.name];
    std::string s = "\nDISTSTYLE " + d.diststyle;
    if (d.diststyle == "KEY") s += "\nDISTKEY (" + q(d.distkey) + ")";
    if (!d.sortkey.empty()) s += "\nCOMPOUND SORTKEY (" + column_list(d.sortkey) + ")";
    return s;
  }

  void foreign_keys(const Table& t) {
    for (const auto& c : t.constraints) {
      if (c.kind != ConstraintKind::ForeignKey) continue;
      if (!keep_key(t, c)) continue;
      if (!cat_.find_table(c.ref_table)) {
        items_.add("OS2020", object(t), c.name + " FOREIGN KEY (" + column_list(c.columns) + ") REFERENCES " + c.ref_table,
                   c.span, dialect());
        continue;
      }
      if (opt_.dialect == Dialect::DuckDb) {
        items_.add("OS2003", object(t), c.name + " FOREIGN KEY (" + column_list(c.columns) + ") REFERENCES " + c.ref_table,
                   c.span, dialect());
        continue;
      }
      std::string sql = "ALTER TABLE " + table_ref(t) + " ADD ";
      if (!c.name.empty()) sql += "CONSTRAINT " + q(c.name) + " ";
      sql += "FOREIGN KEY (" + column_list(c.columns) + ") REFERENCES " + q(c.ref_table);
      if (!c.ref_columns.empty()) sql += " (" + column_list(c.ref_columns) + ")";
      sql += key_rules(t, c, c.on_delete);
      sql += ";\n";
      out_.objects.push_back({"CONSTRAINT", c.name, t.name, sql, ApplyPhase::AfterLoad, c.span, {}});
    }
  }

  // ON DELETE and DEFERRABLE of a key, as PostgreSQL writes them; on Redshift (no key enforced)
  // and DuckDB (no delete rules, no deferred checks) an item says what the target will not do.
  std::string key_rules(const Table& t, const Constraint& c, const std::string& on_delete) {
    std::string rules = on_delete.empty() ? "" : " ON DELETE " + on_delete;
    if (c.deferrable) rules += c.initially_deferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
    if (rules.empty()) return rules;
    if (opt_.dialect == Dialect::Postgres) {
      // PostgreSQL refuses a foreign key to a deferrable key; Oracle allows it. The foreign keys win.
      if (c.kind == ConstraintKind::ForeignKey || !referenced_by_foreign_key(t)) return rules;
      items_.add("OS2025", object(t),
                 std::string(constraint_word(c.kind)) + (c.name.empty() ? "" : " " + c.name) + rules +
                     " (created not deferrable: PostgreSQL cannot reference a deferrable key, and foreign keys do)",
                 c.span, dialect());
      return "";
    }
    items_.add("OS2025", object(t),
               std::string(constraint_word(c.kind)) + (c.name.empty() ? "" : " " + c.name) + rules + " (" + dialect() +
                   " will not do it)",
               c.span, dialect());
    return "";
  }

  bool referenced_by_foreign_key(const Table& t) const {
    for (const auto& other : cat_.tables)
      for (const auto& k : other.constraints)
        if (k.kind == ConstraintKind::ForeignKey && k.ref_table == t.name) return true;
    return false;
  }

  // The primary or unique key whose own index this one duplicates: Oracle scripts often create
  // the index first and the key USING it; the target creates the key's index itself.
  const Constraint* key_with_index(const Table& t, const Index& i) const {
    for (const auto& c : t.constraints) {
      if (c.kind != ConstraintKind::PrimaryKey && c.kind != ConstraintKind::Unique) continue;
      if (!c.enabled && opt_.dialect != Dialect::Redshift) continue;  // not created: the index is still needed
      if ((!c.name.empty() && c.name == i.name) || (i.unique && c.columns == i.columns)) return &c;
    }
    return nullptr;
  }

  // The name of a key's index or of an index on PostgreSQL, where tables, sequences and indexes
  // share one namespace per schema (a primary or unique key's index takes the constraint's name);
  // Oracle keeps constraints and indexes apart from tables, so a key may be named as its table.
  std::string relation_name(const std::string& name, const char* suffix, const std::string& object, Span span) {
    if (opt_.dialect != Dialect::Postgres) return name;
    auto taken = [&](const std::string& n) {
      if (cat_.find_table(n)) return true;
      for (const auto& sq : cat_.sequences)
        if (sq.name == n) return true;
      return false;
    };
    if (!taken(name)) return name;
    std::string renamed = name + suffix;
    for (int k = 2; taken(renamed); ++k) renamed = name + suffix + std::to_string(k);
    items_.add("OS2024", object, name + " → " + renamed, span, dialect());
    return renamed;
  }

  void index(const Index& i) {
    const Table* t = cat_.find_table(i.table);
    std::string object = "INDEX " + i.name;
    if (!t) return;  // an index on a table we do not have was reported by the DDL loader
    if (opt_.dialect == Dialect::Redshift) {
      items_.add("OS3001", object, "on " + i.table + " (" + column_list(i.columns) + ")", i.span, dialect());
      return;
    }
    if (opt_.dialect == Dialect::DuckDb) {
      items_.add("OS3003", object, "on " + i.table, i.span, dialect());
      return;
    }
    if (const Constraint* key = key_with_index(*t, i)) {
      items_.add("OS3005", object, "on " + i.table + " (" + column_list(i.columns) + "): the index of " +
                 (key->name.empty() ? std::string(constraint_word(key->kind)) : key->name), i.span, dialect());
      return;
    }
    if (i.bitmap) items_.add("OS3002", object, "on " + i.table + " (" + column_list(i.columns) + ")", i.span, dialect());
    for (const auto& c : i.columns)
      if (!t->find_column(c)) {
        // Function-based index: the expression needs the expression converter.
        items_.add("OS9001", object, "function-based index on " + i.table + " (" + c + ")", i.span, dialect());
        return;
      }
    std::string sql = std::string("CREATE ") + (i.unique ? "UNIQUE " : "") + "INDEX " + q(relation_name(i.name, "_IDX", object, i.span)) + " ON " + table_ref(*t) +
                      " (" + column_list(i.columns) + ");\n";
    out_.objects.push_back({"INDEX", i.name, i.table, sql, ApplyPhase::AfterLoad, i.span, {}});
  }

  void comments(const Table& t) {
    std::string sql;
    if (!t.comment.empty()) sql += "COMMENT ON TABLE " + table_ref(t) + " IS " + quote_literal(t.comment, opt_.dialect) + ";\n";
    for (const auto& c : t.columns)
      if (!c.comment.empty())
        sql += "COMMENT ON COLUMN " + table_ref(t) + "." + q(c.name) + " IS " + quote_literal(c.comment, opt_.dialect) + ";\n";
    if (!sql.empty()) out_.objects.push_back({"COMMENT", t.name, t.name, sql, ApplyPhase::AfterLoad, t.span, {}});
  }

  // Schema objects this version cannot convert are work for someone (OS9001); statements that
  // are not schema objects (grants, users, DML, session settings) are listed for the record.
  void unmodelled(const UnmodelledStatement& u) {
    static const char* not_objects[] = {"CREATE USER", "CREATE ROLE", "CREATE DIRECTORY", "CREATE CONTEXT",
                                        "CREATE DATABASE", "CREATE TABLESPACE", "CREATE PROFILE", "CREATE PUBLIC"};
    bool object = u.kind.rfind("CREATE", 0) == 0;
    for (const char* n : not_objects)
      if (u.kind.rfind(n, 0) == 0) object = false;
    std::string name = u.span.file ? first_line(u.span.text()) : "";
    if (u.kind == "CREATE DOMAIN") {  // 23ai: its constraints are not applied to the columns using it
      items_.add("OS2022", u.kind, name, u.span, dialect());
      flag("DOMAIN", statement_object_name(u), u.span, "OS2022");
      return;
    }
    items_.add(object ? "OS9001" : "OS9003", u.kind, name, u.span, dialect());
    if (object) flag(u.kind.size() > 7 ? u.kind.substr(7) : u.kind, statement_object_name(u), u.span, "OS9001");
  }

  // DML and transaction control in a schema script are data, not schema: one item per file and
  // statement kind ("1,728 INSERT statements"), located at the first one, instead of one per
  // statement (the OE scripts hold ~5,000 of them, which drowned the report and its writing time).
  static bool data_statement(const UnmodelledStatement& u) {
    for (const char* k : {"INSERT", "UPDATE", "DELETE", "MERGE", "COMMIT", "ROLLBACK", "SAVEPOINT", "SELECT", "LOCK TABLE"})
      if (u.kind == k) return true;
    return false;
  }

  void data_statements() {
    struct Group {
      const UnmodelledStatement* first;
      size_t count = 0;
    };
    std::vector<Group> groups;  // in source order of their first statement
    std::map<std::pair<const SourceFile*, std::string>, size_t> index;
    for (const auto& u : cat_.unmodelled) {
      if (!data_statement(u)) continue;
      auto [it, fresh] = index.try_emplace({u.span.file, u.kind}, groups.size());
      if (fresh) groups.push_back({&u, 0});
      ++groups[it->second].count;
    }
    for (const auto& g : groups) {
      const UnmodelledStatement& u = *g.first;
      std::string first = u.span.file ? first_line(u.span.text()) : "";
      std::string message = g.count == 1 ? first
                                         : std::to_string(g.count) + " " + u.kind + " statements in this file (first: " +
                                               first + ")";
      items_.add("OS9003", u.kind, message, u.span, dialect());
    }
  }

  // The name a CREATE statement defines: the (possibly qualified) name after its kind's last word.
  static std::string statement_object_name(const UnmodelledStatement& u) {
    if (!u.span.file) return "";
    std::string_view text = u.span.text().substr(0, 600);
    SourceFile file("<statement>", std::string(text));
    std::vector<sql::Token> toks = sql::tokenize(file);
    std::string kind = u.kind.substr(0, u.kind.find(" AS SELECT"));  // CREATE TABLE AS SELECT names a table
    std::string last = kind.substr(kind.rfind(' ') + 1);
    for (size_t i = 0; i + 1 < toks.size(); ++i) {
      if (!toks[i].is_word() || normalize_identifier(toks[i].text) != last) continue;
      std::string name;
      size_t j = i + 1;
      while (j < toks.size() && toks[j].is_word()) {
        name = normalize_identifier(toks[j].text);  // the last part: schema.name → NAME
        if (j + 1 < toks.size() && toks[j + 1].kind == sql::TokenKind::Dot) j += 2;
        else break;
      }
      if (!name.empty()) return name;
    }
    return "";
  }

  static std::string first_line(std::string_view s) {
    std::string_view line = s.substr(0, s.find('\n'));
    if (line.size() > 120) line = line.substr(0, 120);
    return redact_passwords(line);
  }

  const Catalog& cat_;
  const ConvertOptions& opt_;
  ActionItems& items_;
  ConvertedSchema out_;
  std::vector<ConvertedObject> deferred_keys_;  // keys_after_load: added after the load
  std::set<std::string> bigint_columns_;  // TABLE.COLUMN created as BIGINT (identity keys and their references)
};

}  // namespace

std::string ConvertedSchema::script() const {
  std::string s = std::string("-- orashift: Oracle → ") + dialect_name(dialect) + "\n";
  for (ApplyPhase phase : {ApplyPhase::BeforeLoad, ApplyPhase::AfterLoad}) {
    for (const auto& o : objects)
      if (o.phase == phase) s += "\n" + o.sql;
  }
  return s;
}

ConvertedSchema generate_ddl(const Catalog& catalog, const ConvertOptions& options, ActionItems& items) {
  return Generator(catalog, options, items).run();
}

}  // namespace orashift
