#include "dialect/ddl_generator.h"

#include "dialect/naming.h"
#include "dialect/view_generator.h"

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
    if (opt_.dialect == Dialect::Redshift) out_.designs = advise_physical_design(cat_, opt_.row_estimates, opt_.physical);
    for (const auto& t : cat_.tables) table(t);
    for (const auto& t : cat_.tables) foreign_keys(t);
    for (const auto& i : cat_.indexes) index(i);
    for (const auto& t : cat_.tables) comments(t);
    // Views and materialized views: converted by the SQL rewriter, after everything else.
    std::vector<bool> views = generate_views(cat_, opt_.dialect, out_.objects, items_);
    for (size_t i = 0; i < cat_.unmodelled.size(); ++i)
      if (!views[i]) unmodelled(cat_.unmodelled[i]);
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
    std::string sql;
    if (opt_.dialect == Dialect::Redshift) {
      const TableDesign& d = out_.designs[t.name];
      for (const auto& r : d.reasons) sql += "-- " + r + "\n";
    }
    sql += "CREATE TABLE " + table_ref(t) + " (\n";
    bool first = true;
    for (const auto& c : t.columns) {
      MappedType mt = map_type(c, object(t), opt_.dialect, opt_.types, &items_);
      sql += first ? "  " : ",\n  ";
      first = false;
      sql += q(c.name) + " " + mt.sql;
      if (opt_.dialect == Dialect::Redshift) sql += encoding(t, c, mt);
      if (!c.nullable) sql += " NOT NULL";
      if (!c.default_sql.empty())
        items_.add("OS2005", object(t), "column " + c.name + " DEFAULT " + c.default_sql, c.span, dialect());
    }
    bool informational_noted = false;
    for (const auto& c : t.constraints) {
      if (c.kind != ConstraintKind::PrimaryKey && c.kind != ConstraintKind::Unique && c.kind != ConstraintKind::Check) continue;
      if (c.kind == ConstraintKind::Check) {
        if (opt_.dialect == Dialect::Redshift) {
          items_.add("OS2004", object(t), "CHECK (" + c.check_sql + ")", c.span, dialect());
          continue;
        }
        // CHECK conditions are Oracle expressions; translating them needs the expression
        // converter (a later layer), so they are reported rather than emitted untranslated.
        items_.add("OS2005", object(t), "CHECK (" + c.check_sql + ") not translated yet", c.span, dialect());
        continue;
      }
      if (!keep_key(t, c)) continue;
      if (opt_.dialect == Dialect::Redshift && !informational_noted) {
        items_.add("OS2002", object(t), std::string(constraint_word(c.kind)) + " " + c.name, c.span, dialect());
        informational_noted = true;
      }
      sql += ",\n  ";
      if (!c.name.empty()) sql += "CONSTRAINT " + q(c.name) + " ";
      sql += std::string(constraint_word(c.kind)) + " (" + column_list(c.columns) + ")";
    }
    sql += "\n)";
    if (opt_.dialect == Dialect::Redshift) sql += redshift_table_attributes(t);
    sql += ";\n";
    if (!t.partitioning.method.empty())
      items_.add("OS2006", object(t), "PARTITION BY " + t.partitioning.method + " with " +
                 std::to_string(t.partitioning.partitions.size()) + " partitions", t.span, dialect());
    if (!t.physical_sql.empty()) items_.add("OS3004", object(t), t.physical_sql, t.span, dialect());
    out_.objects.push_back({"TABLE", t.name, t.name, sql, ApplyPhase::BeforeLoad, t.span});
  }

  std::string encoding(const Table& t, const Column& c, const MappedType& mt) {
    const TableDesign& d = out_.designs[t.name];
    // The leading sort key stays RAW so that zone maps work on uncompressed values.
    if (!d.sortkey.empty() && d.sortkey.front() == c.name) return " ENCODE RAW";
    const std::string& s = mt.sql;
    if (s.rfind("VARCHAR", 0) == 0 || s.rfind("CHAR", 0) == 0) return " ENCODE ZSTD";
    if (s == "VARBYTE" || s.rfind("VARBYTE", 0) == 0) return " ENCODE ZSTD";
    if (s == "REAL" || s == "DOUBLE PRECISION") return " ENCODE RAW";
    return " ENCODE AZ64";
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
      if (opt_.dialect == Dialect::DuckDb) {
        items_.add("OS2003", object(t), c.name + " FOREIGN KEY (" + column_list(c.columns) + ") REFERENCES " + c.ref_table,
                   c.span, dialect());
        continue;
      }
      std::string sql = "ALTER TABLE " + table_ref(t) + " ADD ";
      if (!c.name.empty()) sql += "CONSTRAINT " + q(c.name) + " ";
      sql += "FOREIGN KEY (" + column_list(c.columns) + ") REFERENCES " + q(c.ref_table);
      if (!c.ref_columns.empty()) sql += " (" + column_list(c.ref_columns) + ")";
      sql += ";\n";
      out_.objects.push_back({"CONSTRAINT", c.name, t.name, sql, ApplyPhase::AfterLoad, c.span});
    }
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
    if (i.bitmap) items_.add("OS3002", object, "on " + i.table + " (" + column_list(i.columns) + ")", i.span, dialect());
    for (const auto& c : i.columns)
      if (!t->find_column(c)) {
        // Function-based index: the expression needs the expression converter.
        items_.add("OS9001", object, "function-based index on " + i.table + " (" + c + ")", i.span, dialect());
        return;
      }
    std::string sql = std::string("CREATE ") + (i.unique ? "UNIQUE " : "") + "INDEX " + q(i.name) + " ON " + table_ref(*t) +
                      " (" + column_list(i.columns) + ");\n";
    out_.objects.push_back({"INDEX", i.name, i.table, sql, ApplyPhase::AfterLoad, i.span});
  }

  void comments(const Table& t) {
    std::string sql;
    if (!t.comment.empty()) sql += "COMMENT ON TABLE " + table_ref(t) + " IS " + quote_literal(t.comment) + ";\n";
    for (const auto& c : t.columns)
      if (!c.comment.empty())
        sql += "COMMENT ON COLUMN " + table_ref(t) + "." + q(c.name) + " IS " + quote_literal(c.comment) + ";\n";
    if (!sql.empty()) out_.objects.push_back({"COMMENT", t.name, t.name, sql, ApplyPhase::AfterLoad, t.span});
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
    items_.add(object ? "OS9001" : "OS9003", u.kind, name, u.span, dialect());
  }

  static std::string first_line(std::string_view s) {
    std::string_view line = s.substr(0, s.find('\n'));
    if (line.size() > 120) line = line.substr(0, 120);
    return std::string(line);
  }

  const Catalog& cat_;
  const ConvertOptions& opt_;
  ActionItems& items_;
  ConvertedSchema out_;
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
