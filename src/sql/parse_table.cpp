// CREATE TABLE: columns, inline and out-of-line constraints, physical properties, partitioning.
#include "sql/parser_impl.h"

namespace orashift::sql {

bool Parser::at_constraint_start() const {
  Kw k = peek().kw;
  return k == Kw::CONSTRAINT || k == Kw::PRIMARY || k == Kw::UNIQUE || k == Kw::FOREIGN || k == Kw::CHECK;
}

bool Parser::at_state_keyword() const {
  switch (peek().kw) {
    case Kw::ENABLE:
    case Kw::DISABLE:
    case Kw::VALIDATE:
    case Kw::NOVALIDATE:
    case Kw::RELY:
    case Kw::NORELY:
    case Kw::DEFERRABLE:
    case Kw::INITIALLY:
    case Kw::USING:
    case Kw::EXCEPTIONS: return true;
    case Kw::NOT: return peek(1).kw == Kw::DEFERRABLE;
    default: return false;
  }
}

// CHECK (condition), the same inline and out of line.
void Parser::check_condition(ast::ConstraintDef& c) {
  ++pos_;
  c.type = ast::ConstraintType::Check;
  expect(TokenKind::LParen, "'(' after CHECK");
  c.check = expr();
  expect(TokenKind::RParen, "')' after the CHECK condition");
}

void Parser::constraint_state(ast::ConstraintState& st) {
  for (;;) {
    const Token& t = peek();
    switch (t.kw) {
      case Kw::ENABLE:
      case Kw::DISABLE:
        // ENABLE ROW MOVEMENT etc. belong to the table, not to the constraint.
        if (peek(1).kw == Kw::ROW) return;
        ++pos_;
        st.enable = t.kw == Kw::ENABLE;
        continue;
      case Kw::VALIDATE:
      case Kw::NOVALIDATE:
        ++pos_;
        st.validate = t.kw == Kw::VALIDATE;
        continue;
      case Kw::RELY:
      case Kw::NORELY:
        ++pos_;
        st.rely = t.kw == Kw::RELY;
        continue;
      case Kw::DEFERRABLE:
        ++pos_;
        st.deferrable = true;
        continue;
      case Kw::NOT:
        if (peek(1).kw != Kw::DEFERRABLE) return;
        pos_ += 2;
        st.deferrable = false;
        continue;
      case Kw::INITIALLY:
        ++pos_;
        if (accept(Kw::DEFERRED))
          st.initially_deferred = true;
        else if (!accept(Kw::IMMEDIATE))
          fail(peek(), "DEFERRED or IMMEDIATE after INITIALLY");
        continue;
      case Kw::USING: {
        if (peek(1).kw != Kw::INDEX) return;
        size_t start = pos_;
        pos_ += 2;
        if (peek().kind == TokenKind::LParen) {
          skip_group();  // USING INDEX (CREATE INDEX ...)
        } else {
          skip_until([this](const Token& x) {
            return x.kind == TokenKind::Comma || (x.kw != Kw::USING && at_state_keyword()) || at_constraint_start() ||
                   x.kw == Kw::NOT || x.kw == Kw::NULL_ || x.kw == Kw::REFERENCES || x.kw == Kw::DEFAULT;
          });
        }
        st.using_index = span_from(start);
        continue;
      }
      case Kw::EXCEPTIONS: {
        size_t start = pos_;
        ++pos_;
        expect(Kw::INTO);
        qualified_name("exceptions table");
        st.exceptions = span_from(start);
        continue;
      }
      default: return;
    }
  }
}

void Parser::references(ast::ConstraintDef& c) {
  expect(Kw::REFERENCES);
  c.ref_table = qualified_name("referenced table");
  if (peek().kind == TokenKind::LParen) c.ref_columns = ident_list();
  if (accept(Kw::ON)) {
    expect(Kw::DELETE);
    size_t a = pos_;
    if (accept(Kw::CASCADE)) {
    } else if (accept(Kw::SET)) {
      expect(Kw::NULL_);
    } else {
      fail(peek(), "CASCADE or SET NULL after ON DELETE");
    }
    c.on_delete = span_from(a).text();
  }
}

// One inline constraint; false when the cursor is not on one.
bool Parser::inline_constraint(ast::ColumnDef& col) {
  size_t start = pos_;
  ast::ConstraintDef c;
  if (accept(Kw::CONSTRAINT)) c.name = ident("constraint name");
  const Token& t = peek();
  if (t.kw == Kw::NOT && peek(1).kw == Kw::NULL_) {
    pos_ += 2;
    c.type = ast::ConstraintType::NotNull;
  } else if (t.kw == Kw::NULL_) {
    ++pos_;
    c.type = ast::ConstraintType::Null;
  } else if (t.kw == Kw::PRIMARY) {
    ++pos_;
    expect(Kw::KEY);
    c.type = ast::ConstraintType::PrimaryKey;
  } else if (t.kw == Kw::UNIQUE) {
    ++pos_;
    c.type = ast::ConstraintType::Unique;
  } else if (t.kw == Kw::REFERENCES) {
    c.type = ast::ConstraintType::ForeignKey;
    references(c);
  } else if (t.kw == Kw::CHECK) {
    check_condition(c);
  } else {
    if (c.name) fail(t, "NOT NULL, NULL, PRIMARY KEY, UNIQUE, REFERENCES or CHECK after the constraint name");
    return false;
  }
  constraint_state(c.state);
  c.span = span_from(start);
  col.constraints.push_back(std::move(c));
  return true;
}

ast::ColumnDef Parser::column_def() {
  size_t start = pos_;
  ast::ColumnDef col;
  col.name = ident("column name");
  auto no_type_follows = [&] {
    const Token& t = peek();
    return t.kind == TokenKind::Comma || t.kind == TokenKind::RParen || t.kind == TokenKind::End ||
           at_constraint_start() || t.kw == Kw::NOT || t.kw == Kw::NULL_ || t.kw == Kw::DEFAULT ||
           t.kw == Kw::REFERENCES || t.kw == Kw::GENERATED || t.kw == Kw::AS || t.kw == Kw::SORT ||
           t.kw == Kw::VISIBLE || t.kw == Kw::INVISIBLE || is_word(0, "DOMAIN");
  };
  if (!no_type_follows()) col.type = data_type();
  for (;;) {
    const Token& t = peek();
    size_t a = pos_;
    if (t.kw == Kw::DEFAULT) {
      ++pos_;
      if (peek().kw == Kw::ON && peek(1).kw == Kw::NULL_) {
        pos_ += 2;
        col.default_on_null = true;
        if (accept(Kw::FOR)) {  // 23ai: FOR INSERT ONLY | FOR INSERT AND UPDATE
          expect(Kw::INSERT);
          if (accept(Kw::AND)) {
            expect(Kw::UPDATE);
            col.default_on_null_update = true;
          } else if (!accept_word("ONLY")) {
            fail(peek(), "ONLY or AND UPDATE after DEFAULT ON NULL FOR INSERT");
          }
        }
      }
      col.default_value = expr();
    } else if (t.kw == Kw::SORT || t.kw == Kw::VISIBLE || t.kw == Kw::INVISIBLE) {
      ++pos_;
      col.extras.push_back(span_from(a));
    } else if (is_word(0, "COLLATE")) {
      pos_ += 1;
      ident("collation name");
      col.extras.push_back(span_from(a));
    } else if (is_word(0, "DOMAIN")) {  // 23ai: DOMAIN [schema.]name [(columns)]
      pos_ += 1;
      qualified_name("domain name");
      if (peek().kind == TokenKind::LParen) skip_group();
      col.extras.push_back(span_from(a));
    } else if (is_word(0, "ANNOTATIONS") && peek(1).kind == TokenKind::LParen) {  // 23ai: ANNOTATIONS (name 'value', …)
      pos_ += 1;
      skip_group();
      col.extras.push_back(span_from(a));
    } else if (is_word(0, "ENCRYPT")) {
      ++pos_;
      skip_until([this](const Token& x) {
        return x.kind == TokenKind::Comma || at_constraint_start() || x.kw == Kw::NOT || x.kw == Kw::NULL_ ||
               x.kw == Kw::DEFAULT || x.kw == Kw::REFERENCES;
      });
      col.extras.push_back(span_from(a));
    } else if (t.kw == Kw::GENERATED || t.kw == Kw::AS) {
      if (accept(Kw::GENERATED)) {
        if (accept(Kw::BY)) {
          expect(Kw::DEFAULT);
          if (accept(Kw::ON)) expect(Kw::NULL_);
        } else {
          accept(Kw::ALWAYS);
        }
      }
      expect(Kw::AS);
      if (accept(Kw::IDENTITY)) {
        if (peek().kind == TokenKind::LParen) skip_group();
        col.identity = span_from(a);
      } else {
        expect(TokenKind::LParen, "'(' or IDENTITY after AS");
        col.virtual_expr = expr();
        expect(TokenKind::RParen, "')' after the virtual column expression");
        accept(Kw::VIRTUAL);
      }
    } else if (!inline_constraint(col)) {
      break;
    }
  }
  col.span = span_from(start);
  return col;
}

ast::ConstraintDef Parser::out_of_line_constraint() {
  size_t start = pos_;
  ast::ConstraintDef c;
  if (accept(Kw::CONSTRAINT)) c.name = ident("constraint name");
  const Token& t = peek();
  if (t.kw == Kw::PRIMARY) {
    ++pos_;
    expect(Kw::KEY);
    c.type = ast::ConstraintType::PrimaryKey;
    c.columns = ident_list();
  } else if (t.kw == Kw::UNIQUE) {
    ++pos_;
    c.type = ast::ConstraintType::Unique;
    c.columns = ident_list();
  } else if (t.kw == Kw::FOREIGN) {
    ++pos_;
    expect(Kw::KEY);
    c.type = ast::ConstraintType::ForeignKey;
    c.columns = ident_list();
    references(c);
  } else if (t.kw == Kw::CHECK) {
    check_condition(c);
  } else {
    fail(t, "PRIMARY KEY, UNIQUE, FOREIGN KEY or CHECK");
  }
  constraint_state(c.state);
  c.span = span_from(start);
  return c;
}

bool Parser::accept_if_not_exists() {
  if (!is_word(0, "IF") || peek(1).kw != Kw::NOT || peek(2).kw != Kw::EXISTS) return false;
  pos_ += 3;
  return true;
}

ast::StatementPtr Parser::create_table() {
  auto t = std::make_unique<ast::CreateTable>();
  expect(Kw::CREATE);
  if (accept(Kw::GLOBAL)) {
    expect(Kw::TEMPORARY);
    t->global_temporary = true;
  } else if (accept_word("PRIVATE")) {
    expect(Kw::TEMPORARY);
    t->private_temporary = true;
  } else {
    size_t m = pos_;
    while (accept_word("SHARDED") || accept_word("DUPLICATED") || accept_word("IMMUTABLE") || accept_word("BLOCKCHAIN")) {
    }
    t->modifiers = span_from(m);
  }
  expect(Kw::TABLE);
  t->if_not_exists = accept_if_not_exists();
  t->name = qualified_name("table name");
  if (accept(Kw::OF)) t->of_type = qualified_name("object type name");
  if (peek().kind == TokenKind::LParen) {
    ++pos_;
    do {
      if (at_constraint_start())
        t->constraints.push_back(out_of_line_constraint());
      else
        t->columns.push_back(column_def());
    } while (accept(TokenKind::Comma));
    expect(TokenKind::RParen, "',' or ')' after a column definition");
  }
  table_properties(*t);
  return t;
}

// ---------------------------------------------------------------- physical properties

bool Parser::at_property_start() const {
  const Token& t = peek();
  switch (t.kw) {
    case Kw::PCTFREE: case Kw::PCTUSED: case Kw::INITRANS: case Kw::MAXTRANS: case Kw::STORAGE:
    case Kw::TABLESPACE: case Kw::LOGGING: case Kw::NOLOGGING: case Kw::COMPRESS: case Kw::NOCOMPRESS:
    case Kw::CACHE: case Kw::NOCACHE: case Kw::PARALLEL: case Kw::ORGANIZATION: case Kw::LOB:
    case Kw::SEGMENT: case Kw::ROWDEPENDENCIES: case Kw::NOROWDEPENDENCIES: case Kw::XMLTYPE:
    case Kw::FLASHBACK:
      return true;
    case Kw::ON: return is_word(1, "COMMIT");
    case Kw::AS:  // CREATE TABLE ... AS SELECT, not LOB ... STORE AS
      return peek(1).kw == Kw::SELECT || peek(1).kw == Kw::WITH || peek(1).kind == TokenKind::LParen;
    case Kw::ENABLE: case Kw::DISABLE: return true;
    case Kw::PARTITION: return peek(1).kw == Kw::BY;
    case Kw::ROW: case Kw::COLUMN: return peek(1).kw == Kw::STORE;
    case Kw::NO: return is_word(1, "INMEMORY") || is_word(1, "FLASHBACK");
    default: break;
  }
  for (std::string_view w : {"NOPARALLEL", "MONITORING", "NOMONITORING", "RESULT_CACHE", "INMEMORY", "NESTED", "ANNOTATIONS",
                             "VARRAY", "CLUSTER", "ILM", "SUPPLEMENTAL", "FILESYSTEM_LIKE_LOGGING"})
    if (is_word(0, w)) return true;
  return false;
}

void Parser::table_properties(ast::CreateTable& t) {
  while (!at_end()) {
    if (peek().kw == Kw::PARTITION && peek(1).kw == Kw::BY) {
      if (t.partitioning) fail(peek(), "one PARTITION BY clause");
      t.partitioning = partition_spec();
      continue;
    }
    size_t start = pos_;
    ast::TableProperty p;
    const Token& w = advance();
    auto rest = [&] { skip_until([this](const Token&) { return at_property_start(); }); };
    switch (w.kw) {
      case Kw::PCTFREE: case Kw::PCTUSED: case Kw::INITRANS: case Kw::MAXTRANS:
        p.kind = w.kw == Kw::PCTFREE ? ast::PropertyKind::Pctfree
                 : w.kw == Kw::PCTUSED ? ast::PropertyKind::Pctused
                 : w.kw == Kw::INITRANS ? ast::PropertyKind::Initrans
                                        : ast::PropertyKind::Maxtrans;
        p.value = expect(TokenKind::Number, "a number").text;
        break;
      case Kw::STORAGE:
        p.kind = ast::PropertyKind::Storage;
        if (peek().kind != TokenKind::LParen) fail(peek(), "'(' after STORAGE");
        skip_group();
        break;
      case Kw::TABLESPACE:
        p.kind = ast::PropertyKind::Tablespace;
        accept(Kw::SET);
        p.value = ident("tablespace name").text;
        break;
      case Kw::LOGGING: p.kind = ast::PropertyKind::Logging; break;
      case Kw::NOLOGGING: p.kind = ast::PropertyKind::Nologging; break;
      case Kw::NOCOMPRESS: p.kind = ast::PropertyKind::Nocompress; break;
      case Kw::CACHE: p.kind = ast::PropertyKind::Cache; break;
      case Kw::NOCACHE: p.kind = ast::PropertyKind::Nocache; break;
      case Kw::COMPRESS:
      case Kw::ROW:
      case Kw::COLUMN:
        p.kind = ast::PropertyKind::Compress;
        rest();
        break;
      case Kw::PARALLEL:
        p.kind = ast::PropertyKind::Parallel;
        rest();
        break;
      case Kw::ORGANIZATION:
        p.kind = ast::PropertyKind::Organization;
        p.value = ident("HEAP, INDEX or EXTERNAL").text;
        rest();
        break;
      case Kw::LOB:
        p.kind = ast::PropertyKind::Lob;
        rest();
        break;
      case Kw::ON:
        p.kind = ast::PropertyKind::OnCommit;
        rest();
        break;
      case Kw::SEGMENT:
        p.kind = ast::PropertyKind::SegmentCreation;
        if (!accept_word("CREATION")) fail(peek(), "CREATION after SEGMENT");
        p.value = ident("IMMEDIATE or DEFERRED").text;
        break;
      case Kw::AS:
        p.kind = ast::PropertyKind::AsSubquery;
        pos_ = toks_.size();  // the query runs to the end of the statement
        break;
      case Kw::ENABLE:
      case Kw::DISABLE:
        if (peek().kw == Kw::ROW && peek(1).kw == Kw::MOVEMENT) {
          p.kind = ast::PropertyKind::RowMovement;
          p.value = w.text;
          pos_ += 2;
          break;
        }
        rest();
        break;
      default:
        // Unknown clause: kept as raw text up to the next clause we know. Balanced or an error.
        if (w.kind == TokenKind::RParen) fail(w, "a table property or end of statement");
        if (w.kind == TokenKind::LParen) {
          --pos_;
          skip_group();
        }
        rest();
        break;
    }
    p.span = span_from(start);
    t.properties.push_back(p);
  }
}

// ---------------------------------------------------------------- partitioning

ast::PartitionSpec Parser::partition_spec() {
  size_t start = pos_;
  ast::PartitionSpec s;
  expect(Kw::PARTITION);
  expect(Kw::BY);
  ast::Ident m = ident("RANGE, LIST, HASH, REFERENCE or SYSTEM");
  for (char c : m.text) s.method.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  if (s.method != "SYSTEM") s.columns = ident_list();
  if (accept(Kw::INTERVAL)) {
    expect(TokenKind::LParen, "'(' after INTERVAL");
    s.interval = expr();
    expect(TokenKind::RParen, "')' after the interval");
  }
  for (;;) {
    size_t a = pos_;
    if (peek().kw == Kw::STORE && peek(1).kw == Kw::IN) {
      pos_ += 2;
      skip_group();
      s.extra = span_from(a);
    } else if (accept_word("AUTOMATIC")) {
      s.extra = span_from(a);
    } else if (peek().kw == Kw::SUBPARTITION && peek(1).kw == Kw::BY) {
      pos_ += 2;
      ident("subpartitioning method");
      if (peek().kind == TokenKind::LParen) skip_group();
      for (;;) {
        if (accept(Kw::SUBPARTITIONS)) {
          integer("number of subpartitions");
        } else if (peek().kw == Kw::STORE && peek(1).kw == Kw::IN) {
          pos_ += 2;
          skip_group();
        } else if (peek().kw == Kw::SUBPARTITION && peek(1).kw == Kw::TEMPLATE) {
          pos_ += 2;
          if (peek().kind == TokenKind::LParen)
            skip_group();
          else
            integer("subpartition template");
        } else {
          break;
        }
      }
      s.subpartition = span_from(a);
    } else if (accept(Kw::PARTITIONS)) {
      s.hash_count = integer("number of partitions");
    } else {
      break;
    }
  }
  if (accept(TokenKind::LParen)) {
    do s.partitions.push_back(partition_def());
    while (accept(TokenKind::Comma));
    expect(TokenKind::RParen, "',' or ')' after a partition");
  }
  s.span = span_from(start);
  return s;
}

ast::PartitionDef Parser::partition_def() {
  size_t start = pos_;
  ast::PartitionDef p;
  expect(Kw::PARTITION);
  if (peek().is_word() && peek().kw != Kw::VALUES) p.name = ident("partition name");
  if (peek().kw == Kw::VALUES) {
    size_t b = pos_;
    ++pos_;
    if (accept(Kw::LESS)) {
      expect(Kw::THAN);
      p.bound_kind = "LESS THAN";
    } else {
      p.bound_kind = "VALUES";
    }
    expect(TokenKind::LParen, "'(' with the partition bound");
    do {
      if (peek().kw == Kw::DEFAULT) {  // VALUES (DEFAULT): the catch-all list partition
        auto d = std::make_unique<ast::NameExpr>();
        d->parts.push_back(ast::Ident{peek().text, peek().span});
        d->span = advance().span;
        p.bounds.push_back(std::move(d));
      } else {
        p.bounds.push_back(expr());
      }
    } while (accept(TokenKind::Comma));
    expect(TokenKind::RParen, "',' or ')' in the partition bound");
    p.bound = span_from(b);
  }
  size_t o = pos_;
  skip_until([](const Token& t) { return t.kind == TokenKind::Comma; });
  p.options = span_from(o);
  p.span = span_from(start);
  return p;
}

}  // namespace orashift::sql
