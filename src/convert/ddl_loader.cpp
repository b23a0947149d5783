#include "convert/ddl_loader.h"

#include "common/ascii.h"

#include "common/text_encoding.h"

#include <algorithm>
#include <fstream>
#include <optional>
#include <span>
#include <sstream>

#include "convert/ddl_loader_reads.h"
#include "convert/install_block_ddl.h"
#include "sql/ast_plsql.h"
#include "sql/ast_stmt.h"
#include "sql/parse_selected.h"
#include "sql/parser.h"
#include "sql/sqlplus_path.h"

namespace orashift {

namespace {

using namespace sql;

std::string norm(const ast::Ident& id) { return normalize_identifier(id.text); }

std::string expr_text(const ast::ExprPtr& e) { return e ? compact_text(e->span) : std::string(); }

// Tables are matched by name, and by schema when both sides name one.
Table* find_table(Catalog& cat, const ast::QualifiedName& q) {
  std::string name = norm(q.name());
  std::string schema = q.schema() ? norm(*q.schema()) : std::string();
  for (auto& t : cat.tables)
    if (t.name == name && (schema.empty() || t.schema.empty() || t.schema == schema)) return &t;
  return nullptr;
}

Constraint to_constraint(const ast::ConstraintDef& c, const std::vector<std::string>& inline_columns) {
  Constraint out;
  if (c.name) out.name = norm(*c.name);
  switch (c.type) {
    case ast::ConstraintType::PrimaryKey: out.kind = ConstraintKind::PrimaryKey; break;
    case ast::ConstraintType::Unique: out.kind = ConstraintKind::Unique; break;
    case ast::ConstraintType::ForeignKey: out.kind = ConstraintKind::ForeignKey; break;
    case ast::ConstraintType::Check: out.kind = ConstraintKind::Check; break;
    case ast::ConstraintType::NotNull:
    case ast::ConstraintType::Null: out.kind = ConstraintKind::NotNull; break;
  }
  if (c.columns.empty())
    out.columns = inline_columns;
  else
    for (const auto& col : c.columns) out.columns.push_back(norm(col));
  if (c.ref_table) {
    out.ref_table = norm(c.ref_table->name());
    for (const auto& col : c.ref_columns) out.ref_columns.push_back(norm(col));
    // The parser takes ON DELETE CASCADE or ON DELETE SET NULL only (span text, any case and spacing).
    if (!c.on_delete.empty()) out.on_delete = ascii_upper(c.on_delete).rfind("SET", 0) == 0 ? "SET NULL" : "CASCADE";
  }
  out.deferrable = c.state.deferrable;
  out.initially_deferred = c.state.initially_deferred;
  out.check_sql = expr_text(c.check);
  // Oracle: DISABLE alone means DISABLE NOVALIDATE, ENABLE alone means ENABLE VALIDATE.
  out.enabled = c.state.enable.value_or(true);
  out.validated = c.state.validate.value_or(out.enabled);
  out.span = c.span;
  return out;
}

}  // namespace

OracleType oracle_type_of(const sql::ast::DataType& d) {
  OracleType t;
  t.name = d.name;
  t.precision = d.precision;
  t.scale = d.scale;
  t.length = d.length;
  t.char_semantics = d.char_semantics;
  t.star_precision = d.star_precision;
  t.suffix = d.suffix;
  if (t.name == "INTERVAL") t.precision.reset(), t.scale.reset();  // they live in the suffix text
  return t;
}

namespace {

OracleType to_type(const ast::DataType& d) { return oracle_type_of(d); }

Column to_column(const ast::ColumnDef& c, std::vector<Constraint>& constraints) {
  Column col;
  col.name = norm(c.name);
  if (c.type) col.type = to_type(*c.type);
  col.default_sql = expr_text(c.default_value);
  col.default_on_null = c.default_on_null;
  col.identity_sql = compact_text(c.identity);
  col.virtual_sql = expr_text(c.virtual_expr);
  col.default_on_null_update = c.default_on_null_update;
  for (const auto& e : c.extras) {
    std::string text = compact_text(e);
    std::string word = normalize_identifier(text.substr(0, text.find_first_of(" (")));
    if (word == "INVISIBLE") col.invisible = true;
    if (word == "DOMAIN") col.domain = text.substr(7);
    if (word == "ANNOTATIONS") col.annotations = text;
  }
  col.span = c.span;
  for (const auto& k : c.constraints) {
    if (k.type == ast::ConstraintType::NotNull) {
      col.nullable = !k.state.enable.value_or(true);  // a disabled NOT NULL does not restrict rows
    } else if (k.type != ast::ConstraintType::Null) {
      constraints.push_back(to_constraint(k, {col.name}));
    }
  }
  return col;
}

class Builder {
public:
  explicit Builder(DdlLoad& out) : out_(out) {}

  // The schema unqualified names are created in (CONNECT / ALTER SESSION SET CURRENT_SCHEMA).
  void set_schema(std::string schema) { schema_ = std::move(schema); }

  // Returns false when the statement says nothing the catalog keeps.
  bool apply(const ast::Statement& s) {
    switch (s.kind) {
      case ast::StmtKind::CreateTable: return create_table(static_cast<const ast::CreateTable&>(s));
      case ast::StmtKind::CreateIndex: return create_index(static_cast<const ast::CreateIndex&>(s));
      case ast::StmtKind::AlterTable: return alter_table(static_cast<const ast::AlterTable&>(s));
      case ast::StmtKind::Comment: return comment(static_cast<const ast::CommentOn&>(s));
      case ast::StmtKind::CreateSequence: return create_sequence(static_cast<const ast::CreateSequence&>(s));
      case ast::StmtKind::CreateSynonym: return create_synonym(static_cast<const ast::CreateSynonym&>(s));
      default: return false;
    }
  }

private:
  bool create_table(const ast::CreateTable& ct) {
    for (const auto& p : ct.properties)
      if (p.kind == ast::PropertyKind::AsSubquery) return false;  // columns come from a query: not modelled yet
    if (Table* old = find_table(out_.catalog, ct.name)) {
      out_.diagnostics.warning("L0003", "table " + old->name + " is created twice; the later definition wins",
                               ct.name.span);
      auto& v = out_.catalog.tables;
      v.erase(v.begin() + (old - v.data()));
    }
    Table t;
    t.name = norm(ct.name.name());
    t.schema = ct.name.schema() ? norm(*ct.name.schema()) : schema_;
    t.span = ct.span;
    t.global_temporary = ct.global_temporary || ct.private_temporary;
    if (ct.of_type) t.of_type = norm(ct.of_type->name());
    for (const auto& p : ct.properties) {
      std::string text = compact_text(p.span);
      if (normalize_identifier(text.substr(0, text.find_first_of(" ("))) == "ANNOTATIONS") {
        t.annotations = text;  // 23ai metadata, not storage
        continue;
      }
      if (p.kind == ast::PropertyKind::OnCommit) t.on_commit = normalize_identifier(compact_text(p.span));
      if (p.kind == ast::PropertyKind::Organization && normalize_identifier(p.value) == "INDEX") t.index_organized = true;
    }
    for (const auto& c : ct.columns) t.columns.push_back(to_column(c, t.constraints));
    for (const auto& c : ct.constraints) t.constraints.push_back(to_constraint(c, {}));
    for (const auto& p : ct.properties) {
      std::string text = compact_text(p.span);
      if (normalize_identifier(text.substr(0, text.find_first_of(" ("))) == "ANNOTATIONS") continue;
      if (!t.physical_sql.empty()) t.physical_sql += " ";
      t.physical_sql += text;
    }
    if (ct.partitioning) {
      const auto& ps = *ct.partitioning;
      t.partitioning.method = ps.interval ? "INTERVAL" : ps.method;
      for (const auto& c : ps.columns) t.partitioning.columns.push_back(norm(c));
      t.partitioning.interval_sql = expr_text(ps.interval);
      t.partitioning.subpartition_sql = compact_text(ps.subpartition);
      t.partitioning.hash_count = ps.hash_count;
      for (const auto& p : ps.partitions) {
        Partition part;
        if (p.name) part.name = norm(*p.name);
        part.bound_kind = std::string(p.bound_kind);
        for (const auto& b : p.bounds) part.bounds.push_back(expr_text(b));
        part.bound_sql = compact_text(p.bound);
        part.options_sql = compact_text(p.options);
        t.partitioning.partitions.push_back(std::move(part));
      }
    }
    out_.catalog.tables.push_back(std::move(t));
    return true;
  }

  bool create_index(const ast::CreateIndex& ci) {
    Index ix;
    ix.name = norm(ci.name.name());
    ix.table = norm(ci.table.name());
    ix.unique = ci.unique;
    ix.bitmap = ci.bitmap;
    ix.local = ci.local;
    ix.span = ci.span;
    for (const auto& c : ci.columns) {
      const auto* n = c.expr && c.expr->kind == ast::ExprKind::Name ? static_cast<const ast::NameExpr*>(c.expr.get()) : nullptr;
      std::string col = n && n->parts.size() == 1 ? norm(n->parts[0]) : compact_text(c.expr->span);
      if (c.descending) col += " DESC";
      ix.columns.push_back(std::move(col));
    }
    auto& ixs = out_.catalog.indexes;
    for (size_t i = 0; i < ixs.size(); ++i)
      if (ixs[i].name == ix.name) {
        out_.diagnostics.warning("L0003", "index " + ix.name + " is created twice; the later definition wins", ci.name.span);
        ixs.erase(ixs.begin() + static_cast<long>(i));
        break;
      }
    if (!find_table(out_.catalog, ci.table))
      out_.diagnostics.warning("L0002", "index " + ix.name + " is on table " + ix.table + ", which no script creates",
                               ci.table.span);
    out_.catalog.indexes.push_back(std::move(ix));
    return true;
  }

  bool alter_table(const ast::AlterTable& at) {
    bool applied = false;
    Table* t = nullptr;
    for (const auto& a : at.actions) {
      if (a.kind == ast::AlterActionKind::Other) continue;
      if (!t) t = find_table(out_.catalog, at.name);
      if (!t) {
        out_.diagnostics.warning("L0002", "ALTER TABLE on table " + norm(at.name.name()) + ", which no script creates",
                                 at.name.span);
        return false;
      }
      for (const auto& c : a.constraints) t->constraints.push_back(to_constraint(c, {}));
      for (const auto& c : a.columns) t->columns.push_back(to_column(c, t->constraints));
      if (a.kind == ast::AlterActionKind::DropConstraint) {
        std::string name = a.primary_key ? std::string() : norm(a.target);
        auto gone = std::find_if(t->constraints.begin(), t->constraints.end(), [&](const Constraint& c) {
          return a.primary_key ? c.kind == ConstraintKind::PrimaryKey : c.name == name;
        });
        if (gone == t->constraints.end()) {
          out_.diagnostics.warning("L0002", "ALTER TABLE " + t->name + " drops constraint " +
                                                (a.primary_key ? std::string("PRIMARY KEY") : name) + ", which it does not have",
                                   a.span);
          continue;
        }
        t->constraints.erase(gone);
      }
      for (const auto& [column, not_null] : a.nullability) {
        Column* col = t->find_column(norm(column));
        if (!col) {
          out_.diagnostics.warning("L0002", "ALTER TABLE " + t->name + " MODIFY " + norm(column) + ": no such column",
                                   column.span);
          continue;
        }
        col->nullable = !not_null;
      }
      applied = true;
    }
    return applied;
  }

  bool create_sequence(const ast::CreateSequence& cs) {
    Sequence seq;
    seq.name = norm(cs.name.name());
    seq.schema = cs.name.schema() ? norm(*cs.name.schema()) : schema_;
    seq.span = cs.span;
    auto& seqs = out_.catalog.sequences;
    for (size_t i = 0; i < seqs.size(); ++i)
      if (seqs[i].name == seq.name) {
        out_.diagnostics.warning("L0003", "sequence " + seq.name + " is created twice; the later definition wins", cs.name.span);
        seqs.erase(seqs.begin() + static_cast<long>(i));
        break;
      }
    for (const auto& o : cs.options) {
      std::string words;
      for (char c : o.name) words.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
      seq.options.push_back({words, expr_text(o.value)});
    }
    out_.catalog.sequences.push_back(std::move(seq));
    return true;
  }

  bool create_synonym(const ast::CreateSynonym& cs) {
    Synonym syn;
    syn.name = norm(cs.name.name());
    if (cs.name.schema()) syn.schema = norm(*cs.name.schema());
    else if (!cs.is_public) syn.schema = schema_;
    syn.is_public = cs.is_public;
    syn.target = norm(cs.target.name());
    if (cs.target.schema()) syn.target_schema = norm(*cs.target.schema());
    for (const auto& l : cs.target.dblink) syn.db_link += (syn.db_link.empty() ? "" : ".") + norm(l);
    syn.span = cs.span;
    out_.catalog.synonyms.push_back(std::move(syn));
    return true;
  }

  bool comment(const ast::CommentOn& c) {
    std::string kind = normalize_identifier(c.object_kind);
    const auto& parts = c.target.parts;
    if (kind == "TABLE") {
      if (Table* t = find_table(out_.catalog, c.target)) {
        t->comment = c.text;
        return true;
      }
    } else if (kind == "COLUMN" && parts.size() >= 2) {
      ast::QualifiedName table;
      table.parts.assign(parts.begin(), parts.end() - 1);
      if (Table* t = find_table(out_.catalog, table)) {
        if (Column* col = t->find_column(norm(parts.back()))) {
          col->comment = c.text;
          return true;
        }
      }
    } else {
      return false;  // comments on materialized views etc. have no place in the catalog yet
    }
    out_.diagnostics.warning("L0002", "COMMENT ON " + kind + " " + std::string(c.target.span.text()) +
                                          ": no such table or column in the scripts", c.target.span);
    return false;
  }

  DdlLoad& out_;
  std::string schema_;
};

// `ALTER SESSION SET CURRENT_SCHEMA = name`: the name, else nullopt.
std::optional<std::string> current_schema_set_by(std::span<const Token> t) {
  if (t.size() < 5 || t[0].kw != Kw::ALTER || normalize_identifier(t[1].text) != "SESSION" || t[2].kw != Kw::SET ||
      normalize_identifier(t[3].text) != "CURRENT_SCHEMA")
    return std::nullopt;
  size_t i = 4;
  if (t[i].kind == TokenKind::Eq) ++i;
  if (i >= t.size() || !t[i].is_word()) return std::nullopt;
  return normalize_identifier(t[i].text);
}

}  // namespace

static std::string unconverted_kind(const ast::Statement& s) {
  switch (s.kind) {
    case ast::StmtKind::Other: return s.kind_name;
    case ast::StmtKind::CreateTable: return "CREATE TABLE AS SELECT";
    case ast::StmtKind::CreateIndex: return "CREATE INDEX";
    case ast::StmtKind::AlterTable: return "ALTER TABLE";
    case ast::StmtKind::Comment: return "COMMENT";
    default: return s.kind_name.empty() ? "STATEMENT" : s.kind_name;
  }
}

// The DDL an install script's anonymous block runs with EXECUTE IMMEDIATE of literal text is
// read as if the script had said it (install_block_ddl.h); DDL assembled at run time is a warning.
static void load_block_ddl(DdlLoad& out, Builder& builder, const ast::PlAnonymousBlock& block) {
  InstallBlockDdl ddl = install_block_ddl(block);
  for (auto& file : ddl.statements) {
    out.files.push_back(std::move(file));
    ParsedScript parsed = parse_script(*out.files.back(), out.diagnostics);
    for (const auto& s : parsed.statements) {
      if (s->kind == ast::StmtKind::Invalid) continue;  // parse_script reported it at its line
      if (builder.apply(*s))
        out.diagnostics.add({Severity::Note, "L0004",
                             "read from the EXECUTE IMMEDIATE of an anonymous block: " + std::string(s->kind_name),
                             s->span});
      else
        out.catalog.unmodelled.push_back({unconverted_kind(*s), s->span});
    }
  }
  for (Span at : ddl.dynamic)
    out.diagnostics.warning("L0005",
                            "EXECUTE IMMEDIATE of DDL assembled at run time: what it creates or changes is not read "
                            "(write it as a literal statement, or add it to the scripts)",
                            at);
}

// The statements whose trees the loader reads: the kinds the catalog models (Builder::apply),
// anything that may run DDL from a block (EXECUTE IMMEDIATE, load_block_ddl) and statements
// that do not parse (the parser's diagnostic is theirs). Every other statement is only listed by
// kind and span, and its tree would be thrown away unread: INSERT data scripts (megabytes of
// them in the sample schemas) and PL/SQL units, which the code generator parses from their span.
// For those kinds the parser reports nothing (a tree that does not parse is an OtherStatement,
// listed the same way), so skipping them changes no result.
bool ddl_loader_reads_tree(std::span<const Token> tokens) {
  for (const Token& t : tokens)
    if (t.kind == TokenKind::Error || t.kw == Kw::EXECUTE) return true;
  std::string kind = statement_kind_name(tokens);
  return kind.empty() || kind == "CREATE TABLE" || kind == "CREATE INDEX" || kind == "ALTER TABLE" ||
         kind == "COMMENT" || kind == "CREATE SEQUENCE" || kind == "CREATE SYNONYM";
}

// Parses one script and applies its statements to the catalog being built; `start_schema` is
// the session's schema when SQL*Plus starts it (CONNECT / ALTER SESSION inside change it).
static void load_parsed(DdlLoad& out, Builder& builder, const SourceFile& file, const std::string& start_schema) {
  ParsedScript parsed = parse_selected(file, out.diagnostics, ddl_loader_reads_tree);
  builder.set_schema(start_schema);
  size_t next_command = 0;
  const auto& commands = parsed.script.commands;
  for (size_t i = 0; i < parsed.statements.size(); ++i) {
    const auto& s = parsed.statements[i];
    const ScriptStatement& st = parsed.script.statements[i];
    // The session's schema as SQL*Plus has it when this statement runs.
    for (; next_command < commands.size() && commands[next_command].span.begin < st.span.begin; ++next_command)
      if (commands[next_command].kind == SqlPlusCommandKind::Connect)
        builder.set_schema(sqlplus_connect_schema(commands[next_command].argument));
    if (auto schema = current_schema_set_by(parsed.script.tokens_of(st))) builder.set_schema(*schema);
    ++out.statements;
    if (!s) {  // not parsed (ddl_loader_reads_tree): what Builder::apply says of any statement of its kind
      ++out.statements_ignored;
      out.catalog.unmodelled.push_back({statement_kind_name(parsed.script.tokens_of(st)), st.span});
      continue;
    }
    if (s->kind == ast::StmtKind::Invalid)
      ++out.statements_failed;
    else if (!builder.apply(*s)) {
      ++out.statements_ignored;
      out.catalog.unmodelled.push_back({unconverted_kind(*s), s->span});
    }
    if (s->kind == ast::StmtKind::PlBlock) load_block_ddl(out, builder, static_cast<const ast::PlAnonymousBlock&>(*s));
  }
}

DdlLoad load_ddl(const std::vector<std::string>& paths) {
  std::vector<DdlScript> scripts;
  for (const auto& p : paths) scripts.push_back({p, ""});
  return load_ddl(scripts);
}

DdlLoad load_ddl(const std::vector<DdlScript>& scripts) {
  DdlLoad out;
  Builder builder(out);
  for (const auto& [path, start_schema] : scripts) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      auto f = std::make_unique<SourceFile>(path, "");
      out.diagnostics.error("L0001", "cannot read file", Span{f.get(), 0, 0});
      out.files.push_back(std::move(f));
      continue;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    DecodedText text = decode_source_text(buf.str());  // detection never throws
    out.files.push_back(std::make_unique<SourceFile>(path, std::move(text.utf8)));
    const SourceFile& file = *out.files.back();
    if (text.converted)
      out.diagnostics.add({Severity::Note, kEncoding, "not UTF-8: read as " + text.encoding, Span{&file, 0, 0}});
    load_parsed(out, builder, file, start_schema);
  }
  return out;
}

DdlLoad load_ddl_texts(const std::vector<std::pair<std::string, std::string>>& texts) {
  DdlLoad out;
  Builder builder(out);
  for (const auto& [name, text] : texts) {
    out.files.push_back(std::make_unique<SourceFile>(name, text));
    load_parsed(out, builder, *out.files.back(), "");
  }
  return out;
}

}  // namespace orashift
