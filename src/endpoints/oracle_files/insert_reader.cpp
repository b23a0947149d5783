#include "endpoints/oracle_files/insert_reader.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>

#include "endpoints/oracle_files/column_convert.h"
#include "endpoints/oracle_files/insert_eval.h"
#include "endpoints/oracle_files/script_inserts.h"
#include "sql/ast_query.h"
#include "sql/parser.h"

namespace orashift {

namespace ast = sql::ast;

namespace {

bool contains_ci(std::string_view hay, std::string_view needle) {
  auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(),
                        [](char a, char b) { return std::toupper(static_cast<unsigned char>(a)) == b; });
  return it != hay.end();
}

// The single row a multi-table INSERT's `SELECT … FROM DUAL` gives; other queries are not run.
bool selects_one_dual_row(const ast::Insert& ins) {
  if (!ins.query) return false;
  std::string q = sql::compact_text(ins.query->span);
  for (char& c : q) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const std::string tail = " FROM DUAL";
  return q.rfind("SELECT ", 0) == 0 && q.size() > tail.size() && q.compare(q.size() - tail.size(), tail.size(), tail) == 0 &&
         q.find(" WHERE ") == std::string::npos;
}

std::string target_table(const ast::InsertTarget& t) {
  if (!t.table || t.table->kind != ast::TableRefKind::Table) return {};
  return normalize_identifier(static_cast<const ast::TableName&>(*t.table).name.name().text);
}

bool column_not_null(const Table& table, const Column& col) {
  if (!col.nullable) return true;
  for (const auto& k : table.constraints) {
    if (!k.enabled || (k.kind != ConstraintKind::PrimaryKey && k.kind != ConstraintKind::NotNull)) continue;
    if (std::find(k.columns.begin(), k.columns.end(), col.name) != k.columns.end()) return true;
  }
  return false;
}

// Each row (each INSERT target) of every statement, for counting.
template <class Fn>
void for_each_target(const ast::Insert& ins, Fn&& fn) {
  if (ins.multi.empty()) {
    fn(ins.single);
    return;
  }
  for (const auto& w : ins.whens)
    for (const auto& t : w.targets) fn(t);
}

}  // namespace

InsertScan scan_insert_scripts(const std::vector<std::string>& scripts) {
  InsertScan out;
  for (const auto& path : scripts) {
    std::string error;
    ScriptInsertStream s(path, error);
    if (!error.empty()) {
      out.errors.push_back(error);
      continue;
    }
    ScriptInsert si;
    bool any = false;
    while (s.next(si)) {
      any = true;
      if (!si.stmt) {
        for (const auto& t : si.tables) ++out.rows[t];
        continue;
      }
      for_each_target(*si.stmt, [&](const ast::InsertTarget& t) { ++out.rows[target_table(t)]; });
    }
    if (any) out.scripts_with_rows.push_back(path);
    for (const auto& d : s.other_dml()) out.other_dml.push_back(d);
  }
  return out;
}

// A column DEFAULT, parsed once from its text as the value of an INSERT.
struct ParsedDefault {
  std::unique_ptr<SourceFile> file;
  sql::Script script;
  ast::StatementPtr stmt;
  const ast::Expr* expr = nullptr;
  std::string error;
};

struct InsertReader::Impl {
  std::vector<std::string> scripts;
  size_t script_index = 0;
  size_t chunk_bytes;
  std::unique_ptr<ScriptInsertStream> stream;
  const Table* table = nullptr;
  std::vector<LoadColumn> columns;
  std::vector<ColumnTarget> targets;
  std::vector<const Column*> catalog_columns;
  std::vector<std::unique_ptr<ParsedDefault>> defaults;
  SequenceCounters seqs;
  InsertEvaluator eval;
  RejectSink* rejects = nullptr;
  uint64_t read = 0, rejected = 0, done_bytes = 0, total_bytes = 0;
  std::string error, scratch;
  std::vector<SqlValue> values;
  std::vector<int> value_of;  // per load column: index into `values`, -1 = omitted

  Impl(const Catalog& catalog, Micros now) : seqs(&catalog), eval(now, seqs) {}

  void reject(const ScriptInsert& si, const std::string& where, const std::string& why) {
    ++rejected;
    std::string rec(si.text().substr(0, 4000));
    rejects->reject(Reject{table->name, stream->path(), si.line, where + ": " + why, std::move(rec)});
  }

  const ParsedDefault& default_of(size_t c) {
    if (defaults[c]) return *defaults[c];
    auto d = std::make_unique<ParsedDefault>();
    d->file = std::make_unique<SourceFile>(table->name + "." + columns[c].name + " DEFAULT",
                                           "INSERT INTO t VALUES (" + catalog_columns[c]->default_sql + ");");
    d->script = sql::split_script(*d->file);
    Diagnostics diags;
    if (d->script.statements.size() == 1) d->stmt = sql::parse_statement(d->script, d->script.statements[0], diags);
    if (d->stmt && d->stmt->kind == ast::StmtKind::Insert) {
      const auto& ins = static_cast<const ast::Insert&>(*d->stmt);
      if (ins.single.values.size() == 1) d->expr = ins.single.values[0].get();
    }
    if (!d->expr) d->error = "DEFAULT " + catalog_columns[c]->default_sql + " does not parse as one expression";
    defaults[c] = std::move(d);
    return *defaults[c];
  }

  // The value an omitted column gets: its DEFAULT, NULL without one. An identity column's
  // generated value is not known here, so such a row is not loaded.
  bool omitted_value(size_t c, SqlValue& v, std::string& why) {
    const Column* col = catalog_columns[c];
    v = SqlValue{};
    if (!col) return true;
    if (!col->identity_sql.empty()) {
      why = "identity column " + col->name + " is not given: the value Oracle would generate is not known";
      return false;
    }
    if (col->default_sql.empty() || !col->virtual_sql.empty()) return true;
    const ParsedDefault& d = default_of(c);
    if (!d.expr) {
      why = d.error;
      return false;
    }
    Span where;
    if (!eval.eval(*d.expr, v, why, where)) {
      why = "column " + col->name + " DEFAULT " + col->default_sql + ": " + why;
      return false;
    }
    return true;
  }

  // Appends one row from `target`'s VALUES; false when it is rejected.
  bool row(const ScriptInsert& si, const ast::InsertTarget& target, Batch& batch) {
    ++read;
    if (si.in_control_flow) {
      reject(si, stream->location(si.span), "INSERT inside PL/SQL with LOOP/IF/WHILE/CASE: how often it runs is not known statically");
      return false;
    }
    if (!target.has_values || !target.values_parens) {
      reject(si, stream->location(target.span), "INSERT … VALUES of a record variable: not evaluated");
      return false;
    }
    // Which value goes to which column: the column list, or every visible column in order.
    std::vector<const Column*> named;
    if (!target.columns.empty()) {
      for (const auto& id : target.columns) {
        const Column* col = table->find_column(normalize_identifier(id.text));
        if (!col) {
          reject(si, stream->location(id.span), "ORA-00904: " + std::string(id.text) + ": invalid identifier (not a column of " + table->name + ")");
          return false;
        }
        named.push_back(col);
      }
    } else {
      for (const auto& col : table->columns)
        if (!col.invisible && col.virtual_sql.empty()) named.push_back(&col);
    }
    if (target.values.size() != named.size()) {
      reject(si, stream->location(target.span),
             target.values.size() < named.size() ? "ORA-00947: not enough values" : "ORA-00913: too many values");
      return false;
    }
    values.resize(named.size());
    for (size_t i = 0; i < named.size(); ++i) {
      Span where;
      if (!eval.eval(*target.values[i], values[i], error, where)) {
        reject(si, stream->location(where), "column " + named[i]->name + ": " + error);
        return false;
      }
    }
    for (size_t c = 0; c < columns.size(); ++c) {
      value_of[c] = -1;
      for (size_t i = 0; i < named.size(); ++i)
        if (named[i]->name == columns[c].name) value_of[c] = static_cast<int>(i);
    }
    for (size_t c = 0; c < columns.size(); ++c) {
      SqlValue omitted;
      const SqlValue* v = value_of[c] >= 0 ? &values[value_of[c]] : nullptr;
      if (!v || (v->kind == SqlValue::Kind::Null && catalog_columns[c] && catalog_columns[c]->default_on_null)) {
        if (!omitted_value(c, omitted, error)) {
          for (size_t k = 0; k < c; ++k) batch.columns[k].pop_back();
          reject(si, stream->location(si.span), error);
          return false;
        }
        v = &omitted;
      }
      if (!append(c, *v, batch.columns[c])) {
        for (size_t k = 0; k < c; ++k) batch.columns[k].pop_back();
        Span at = value_of[c] >= 0 ? target.values[value_of[c]]->span : si.span;
        reject(si, stream->location(at), error);
        return false;
      }
    }
    batch.source_lines.push_back(si.line);
    return true;
  }

  // Oracle's implicit conversion into the column, then the same checks as SQL*Loader data.
  bool append(size_t c, const SqlValue& v, ColumnVector& col) {
    const ColumnTarget& t = targets[c];
    FieldValue f;
    switch (v.kind) {
      case SqlValue::Kind::Null: break;
      case SqlValue::Kind::Text: f = FieldValue::of_text(v.text); break;
      case SqlValue::Kind::Number:
        if (t.kind == ValueKind::Timestamp) {
          error = "ORA-00932: inconsistent datatypes: expected " + t.type_text + " got NUMBER (column " + t.name + ")";
          return false;
        }
        scratch = oracle_number_text(v.number, v.scale);
        f = FieldValue::of_text(scratch);
        break;
      case SqlValue::Kind::Time:
        if (t.kind != ValueKind::Timestamp) {  // Oracle would format it with NLS_DATE_FORMAT
          error = "ORA-00932: a DATE/TIMESTAMP into " + t.type_text + " column " + t.name +
                  " is converted with the session's NLS format; not evaluated";
          return false;
        }
        f.kind = FieldValue::Kind::Time;
        f.time = v.time;
        break;
      case SqlValue::Kind::Raw: {
        static const char* hex = "0123456789ABCDEF";
        scratch.clear();
        for (unsigned char b : v.text) {
          scratch.push_back(hex[b >> 4]);
          scratch.push_back(hex[b & 15]);
        }
        f = FieldValue::of_text(scratch);
        break;
      }
    }
    std::string conv_scratch;
    return append_converted(t, f, col, error, conv_scratch);
  }

  // Statements into other tables still advance the sequences they draw from.
  void advance_sequences(const ScriptInsert& si) {
    if (!si.stmt || !contains_ci(si.text(), "NEXTVAL")) return;
    for_each_target(*si.stmt, [&](const ast::InsertTarget& t) {
      for (const auto& v : t.values) {
        SqlValue ignored;
        std::string why;
        Span where;
        eval.eval(*v, ignored, why, where);
      }
    });
  }

  void statement(const ScriptInsert& si, Batch& batch) {
    seqs.new_row();
    bool mine = std::find(si.tables.begin(), si.tables.end(), table->name) != si.tables.end();
    if (!mine) {
      advance_sequences(si);
      return;
    }
    if (!si.stmt) {
      ++read;
      reject(si, stream->location(si.span), "INSERT does not parse: " + si.parse_error);
      return;
    }
    const ast::Insert& ins = *si.stmt;
    if (ins.multi.empty()) {
      if (ins.single.has_values) {
        row(si, ins.single, batch);
      } else {
        ++read;
        reject(si, stream->location(si.span), "INSERT … SELECT: the rows come from a query orashift does not run");
      }
      return;
    }
    bool dual = selects_one_dual_row(ins);
    for (const auto& w : ins.whens)
      for (const auto& t : w.targets) {
        if (target_table(t) != table->name) continue;
        if (!dual || ins.conditional) {
          ++read;
          reject(si, stream->location(t.span),
                 ins.conditional ? "conditional multi-table INSERT: not evaluated"
                                 : "INSERT ALL … SELECT: the rows come from a query orashift does not run");
          continue;
        }
        row(si, t, batch);
      }
  }
};

InsertReader::InsertReader(std::vector<std::string> scripts, const Catalog& catalog, const Table& table,
                           std::vector<LoadColumn> columns, RejectSink& rejects, size_t chunk_bytes) {
  Micros now = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  impl_ = std::make_unique<Impl>(catalog, now);
  Impl& m = *impl_;
  m.scripts = std::move(scripts);
  m.chunk_bytes = chunk_bytes;
  m.table = &table;
  m.rejects = &rejects;
  m.columns = std::move(columns);
  for (const auto& lc : m.columns) {
    const Column* col = lc.column ? lc.column : table.find_column(lc.name);
    LoadColumn with = lc;
    with.column = col;
    m.catalog_columns.push_back(col);
    m.targets.push_back(make_column_target(with, col && column_not_null(table, *col), nullptr));
  }
  m.defaults.resize(m.columns.size());
  m.value_of.resize(m.columns.size());
  std::error_code ec;
  for (const auto& s : m.scripts) m.total_bytes += std::filesystem::file_size(s, ec);
}

InsertReader::~InsertReader() = default;
uint64_t InsertReader::rows_read() const { return impl_->read; }
uint64_t InsertReader::rows_rejected() const { return impl_->rejected; }
uint64_t InsertReader::bytes_read() const { return impl_->done_bytes + (impl_->stream ? impl_->stream->bytes_read() : 0); }
uint64_t InsertReader::bytes_total() const { return impl_->total_bytes; }

bool InsertReader::next(Batch& batch, size_t max_rows) {
  Impl& m = *impl_;
  batch.clear();
  batch.columns.resize(m.targets.size());
  for (size_t i = 0; i < m.targets.size(); ++i) {
    batch.columns[i].kind = m.targets[i].kind;
    batch.columns[i].scale = m.targets[i].scale;
  }
  ScriptInsert si;
  while (batch.rows() < max_rows) {
    if (!m.stream) {
      if (m.script_index >= m.scripts.size()) break;
      std::string error;
      m.stream = std::make_unique<ScriptInsertStream>(m.scripts[m.script_index++], error, m.chunk_bytes);
      if (!error.empty()) throw std::runtime_error("oracle-files: " + error);
    }
    if (!m.stream->next(si)) {
      m.done_bytes += m.stream->bytes_total();
      m.stream.reset();
      continue;
    }
    m.statement(si, batch);
  }
  return batch.rows() > 0 || m.stream || m.script_index < m.scripts.size();
}

}  // namespace orashift
