// Prints PL/SQL units on one line, like the SQL printer: embedded SQL and expressions go through
// it; PL/SQL type references and unit options print as their compacted source text.
#include "sql/ast_plsql.h"
#include "sql/parser.h"
#include "sql/printer.h"

namespace orashift::sql {

namespace {

using namespace ast;

bool has(Span s) { return s.end > s.begin; }

std::string upper(std::string_view s) {
  std::string o(s);
  for (char& c : o) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return o;
}

class PlPrinter {
public:
  std::string out;

  void put(std::string_view s) {
    if (s.empty()) return;
    if (!out.empty() && out.back() != ' ' && out.back() != '(' && s.front() != ')' && s.front() != ',' &&
        s.front() != ';' && s.front() != '.' && out.back() != '.')
      out.push_back(' ');
    out.append(s);
  }
  void glue(std::string_view s) { out.append(s); }
  void raw(Span s) { put(compact_text(s)); }
  void expr(const Expr& e) { put(print_expr(e)); }
  void exprs(const std::vector<ExprPtr>& v) {
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) glue(",");
      expr(*v[i]);
    }
  }
  void qname(const QualifiedName& q) { put(compact_text(q.span)); }
  void type(const PlType& t) { raw(t.span); }

  void params(const std::vector<PlParam>& ps) {
    put("(");
    for (size_t i = 0; i < ps.size(); ++i) {
      if (i) glue(",");
      const PlParam& p = ps[i];
      put(p.name.text);
      if (!p.mode.empty()) put(upper(compact_text(p.mode_span)));
      if (p.nocopy) put("NOCOPY");
      type(p.type);
      if (p.default_value) {
        put(p.default_keyword ? "DEFAULT" : ":=");
        expr(*p.default_value);
      }
    }
    glue(")");
  }

  void using_args(const std::vector<CallArg>& v) {
    put("USING");
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) glue(",");
      if (!v[i].name.empty()) put(upper(v[i].name));
      expr(*v[i].value);
    }
  }

  void cond(const PlCondComp& c) {
    if (c.error) {
      put("$ERROR");
      expr(*c.error_message);
      put("$END");
      return;
    }
    for (size_t i = 0; i < c.branches.size(); ++i) {
      const auto& b = c.branches[i];
      if (b.condition) {
        put(i ? "$ELSIF" : "$IF");
        expr(*b.condition);
        put("$THEN");
      } else {
        put("$ELSE");
      }
      if (has(b.text)) raw(b.text);
    }
    put("$END");
  }

  void subprogram(const PlSubprogram& s) {
    if (has(s.method_kind)) put(upper(compact_text(s.method_kind)));
    put(s.is_function ? "FUNCTION" : "PROCEDURE");
    qname(s.name);
    if (s.has_params) params(s.params);
    if (s.is_function) {
      put("RETURN");
      if (has(s.return_self)) put("SELF AS RESULT");
      else if (s.return_type) type(*s.return_type);
    }
    if (has(s.options)) raw(s.options);
    if (!s.is_as.empty()) put(upper(s.is_as));
    if (has(s.external)) {
      raw(s.external);
      glue(";");
    } else if (s.body) {
      block(*s.body, true);
    }
  }

  void decl(const PlDecl& d) {
    switch (d.kind) {
      case PlDeclKind::Variable: {
        auto& v = static_cast<const PlVariable&>(d);
        put(v.name.text);
        if (v.constant) put("CONSTANT");
        type(v.type);
        if (v.not_null) put("NOT NULL");
        if (v.default_value) {
          put(v.default_keyword ? "DEFAULT" : ":=");
          expr(*v.default_value);
        }
        break;
      }
      case PlDeclKind::Exception:
        put(static_cast<const PlExceptionDecl&>(d).name.text);
        put("EXCEPTION");
        break;
      case PlDeclKind::Type: {
        auto& t = static_cast<const PlTypeDecl&>(d);
        put("TYPE");
        put(t.name.text);
        put("IS");
        switch (t.def) {
          case PlTypeDefKind::Record:
            put("RECORD (");
            for (size_t i = 0; i < t.fields.size(); ++i) {
              if (i) glue(",");
              const auto& f = t.fields[i];
              put(f.name.text);
              type(f.type);
              if (f.not_null) put("NOT NULL");
              if (f.default_value) {
                put(f.default_keyword ? "DEFAULT" : ":=");
                expr(*f.default_value);
              }
            }
            glue(")");
            break;
          case PlTypeDefKind::Table:
            put("TABLE OF");
            type(t.element);
            if (t.element_not_null) put("NOT NULL");
            if (has(t.index_by.span)) {
              put("INDEX BY");
              type(t.index_by);
            }
            break;
          case PlTypeDefKind::Varray:
            put(upper(t.varray_word));
            glue("(");
            expr(*t.limit);
            glue(")");
            put("OF");
            type(t.element);
            if (t.element_not_null) put("NOT NULL");
            break;
          case PlTypeDefKind::RefCursor:
            put("REF CURSOR");
            if (has(t.element.span)) {
              put("RETURN");
              type(t.element);
            }
            break;
        }
        break;
      }
      case PlDeclKind::Subtype: {
        auto& s = static_cast<const PlSubtype&>(d);
        put("SUBTYPE");
        put(s.name.text);
        put("IS");
        type(s.base);
        if (has(s.constraint)) raw(s.constraint);
        break;
      }
      case PlDeclKind::Cursor: {
        auto& c = static_cast<const PlCursorDecl&>(d);
        put("CURSOR");
        put(c.name.text);
        if (c.has_params) params(c.params);
        if (c.return_type) {
          put("RETURN");
          type(*c.return_type);
        }
        if (c.query) {
          put("IS");
          put(print_query(*c.query));
        }
        break;
      }
      case PlDeclKind::Pragma: {
        auto& p = static_cast<const PlPragma&>(d);
        put("PRAGMA");
        put(p.name.text);
        if (p.has_args) {
          put("(");
          exprs(p.args);
          glue(")");
        }
        break;
      }
      case PlDeclKind::Subprogram: {
        auto& s = static_cast<const PlSubprogramDecl&>(d).sub;
        subprogram(s);
        if (!s.body && !has(s.external)) glue(";");
        return;  // a body ends with its own `;`
      }
      case PlDeclKind::CondComp: cond(static_cast<const PlCondDecl&>(d).cc); return;
    }
    glue(";");
  }

  void stmts(const std::vector<PlStmtPtr>& v) {
    for (const auto& s : v) stmt(*s);
  }

  void handlers(const std::vector<PlHandler>& hs) {
    for (const auto& h : hs) {
      put("WHEN");
      for (size_t i = 0; i < h.exceptions.size(); ++i) {
        if (i) put("OR");
        qname(h.exceptions[i]);
      }
      put("THEN");
      stmts(h.body);
    }
  }

  void block(const PlBlock& b, bool after_is) {
    if (b.declare_keyword && !after_is) put("DECLARE");
    for (const auto& d : b.decls) decl(*d);
    if (b.has_begin) {
      put("BEGIN");
      stmts(b.body);
      if (b.has_exception) {
        put("EXCEPTION");
        handlers(b.handlers);
      }
    }
    put("END");
    if (b.end_name) put(b.end_name->text);
    glue(";");
  }

  void labels(const std::vector<Ident>& ls) {
    for (const auto& l : ls) {
      put("<<");
      glue(l.text);
      glue(">>");
    }
  }

  void into(bool bulk, const std::vector<ExprPtr>& v) {
    if (v.empty()) return;
    if (bulk) put("BULK COLLECT");
    put("INTO");
    exprs(v);
  }

  void stmt(const PlStmt& s) {
    labels(s.labels);
    switch (s.kind) {
      case PlStmtKind::Null: put("NULL"); break;
      case PlStmtKind::Assign: {
        auto& a = static_cast<const PlAssign&>(s);
        expr(*a.target);
        put(":=");
        expr(*a.value);
        break;
      }
      case PlStmtKind::Call: expr(*static_cast<const PlCall&>(s).call); break;
      case PlStmtKind::If: {
        auto& f = static_cast<const PlIf&>(s);
        for (size_t i = 0; i < f.branches.size(); ++i) {
          put(i ? "ELSIF" : "IF");
          expr(*f.branches[i].condition);
          put("THEN");
          stmts(f.branches[i].body);
        }
        if (f.has_else) {
          put("ELSE");
          stmts(f.else_body);
        }
        put("END IF");
        break;
      }
      case PlStmtKind::Case: {
        auto& c = static_cast<const PlCase&>(s);
        put("CASE");
        if (c.selector) expr(*c.selector);
        for (const auto& w : c.whens) {
          put("WHEN");
          expr(*w.condition);
          put("THEN");
          stmts(w.body);
        }
        if (c.has_else) {
          put("ELSE");
          stmts(c.else_body);
        }
        put("END CASE");
        if (c.end_label) put(c.end_label->text);
        break;
      }
      case PlStmtKind::Loop: {
        auto& l = static_cast<const PlLoop&>(s);
        switch (l.loop) {
          case PlLoopKind::Basic: break;
          case PlLoopKind::While:
            put("WHILE");
            expr(*l.condition);
            break;
          case PlLoopKind::ForRange:
          case PlLoopKind::ForCursor:
            put("FOR");
            put(l.index.text);
            put("IN");
            if (l.reverse) put("REVERSE");
            if (l.loop == PlLoopKind::ForRange) {
              expr(*l.low);
              put("..");
              expr(*l.high);
            } else {
              expr(*l.cursor);
            }
            break;
        }
        put("LOOP");
        stmts(l.body);
        put("END LOOP");
        if (l.end_label) put(l.end_label->text);
        break;
      }
      case PlStmtKind::Exit: {
        auto& e = static_cast<const PlExit&>(s);
        put(e.is_continue ? "CONTINUE" : "EXIT");
        if (e.label) put(e.label->text);
        if (e.when) {
          put("WHEN");
          expr(*e.when);
        }
        break;
      }
      case PlStmtKind::Goto:
        put("GOTO");
        put(static_cast<const PlGoto&>(s).label.text);
        break;
      case PlStmtKind::Raise:
        put("RAISE");
        if (auto& e = static_cast<const PlRaise&>(s).exception) expr(*e);
        break;
      case PlStmtKind::Return:
        put("RETURN");
        if (auto& e = static_cast<const PlReturn&>(s).value) expr(*e);
        break;
      case PlStmtKind::Sql: put(print_statement(*static_cast<const PlSql&>(s).statement)); break;
      case PlStmtKind::Forall: {
        auto& f = static_cast<const PlForall&>(s);
        put("FORALL");
        put(f.index.text);
        put("IN");
        if (f.bounds_kind.empty()) {
          expr(*f.low);
          put("..");
          expr(*f.high);
        } else {
          put(f.bounds_kind);
          put("OF");
          expr(*f.collection);
          if (f.low) {
            put("BETWEEN");
            expr(*f.low);
            put("AND");
            expr(*f.high);
          }
        }
        if (f.save_exceptions) put("SAVE EXCEPTIONS");
        stmt(*f.body);
        return;  // the body printed its `;`
      }
      case PlStmtKind::Open: {
        auto& o = static_cast<const PlOpen&>(s);
        put("OPEN");
        expr(*o.cursor);
        if (o.has_for) {
          put("FOR");
          if (o.query) put(print_query(*o.query));
          if (o.dynamic) expr(*o.dynamic);
          if (!o.using_args.empty()) using_args(o.using_args);
        }
        break;
      }
      case PlStmtKind::Fetch: {
        auto& f = static_cast<const PlFetch&>(s);
        put("FETCH");
        expr(*f.cursor);
        if (f.bulk_collect) put("BULK COLLECT");
        put("INTO");
        exprs(f.into);
        if (f.limit) {
          put("LIMIT");
          expr(*f.limit);
        }
        break;
      }
      case PlStmtKind::Close:
        put("CLOSE");
        expr(*static_cast<const PlClose&>(s).cursor);
        break;
      case PlStmtKind::ExecuteImmediate: {
        auto& x = static_cast<const PlExecImmediate&>(s);
        put("EXECUTE IMMEDIATE");
        expr(*x.text);
        into(x.bulk_collect, x.into);
        if (!x.using_args.empty()) using_args(x.using_args);
        if (!x.returning_into.empty()) {
          put(upper(x.returning_keyword));
          put("INTO");
          exprs(x.returning_into);
        }
        break;
      }
      case PlStmtKind::PipeRow:
        put("PIPE ROW (");
        expr(*static_cast<const PlPipeRow&>(s).row);
        glue(")");
        break;
      case PlStmtKind::Block: block(*static_cast<const PlBlockStmt&>(s).block, false); return;
      case PlStmtKind::CondComp: cond(static_cast<const PlCondStmt&>(s).cc); return;
      case PlStmtKind::Pragma: {
        auto& p = static_cast<const PlPragmaStmt&>(s);
        put("PRAGMA");
        put(p.name.text);
        if (p.has_args) {
          put("(");
          exprs(p.args);
          glue(")");
        }
        break;
      }
      case PlStmtKind::Transaction: {
        auto& t = static_cast<const PlTransaction&>(s);
        put(upper(t.verb));
        if (has(t.rest)) raw(t.rest);
        break;
      }
    }
    glue(";");
  }

  void header(const UnitHeader& h) {
    put(h.or_replace ? "CREATE OR REPLACE" : "CREATE");
    if (!h.edition.empty()) put(upper(h.edition));
  }

  // Units print without their final `;`, like SQL statements: the script layer adds it back.
  void drop_final_semicolon() {
    if (!out.empty() && out.back() == ';') out.pop_back();
  }

  void unit(const Statement& st) {
    switch (st.kind) {
      case StmtKind::PlBlock: {
        auto& b = static_cast<const PlAnonymousBlock&>(st);
        labels(b.labels);
        block(b.block, false);
        break;
      }
      case StmtKind::CreateSubprogram: {
        auto& c = static_cast<const CreateSubprogram&>(st);
        header(c.header);
        subprogram(c.sub);
        break;
      }
      case StmtKind::CreatePackage: {
        auto& p = static_cast<const CreatePackage&>(st);
        header(p.header);
        put(p.body ? "PACKAGE BODY" : "PACKAGE");
        qname(p.name);
        if (has(p.options)) raw(p.options);
        put(upper(p.is_as));
        block(p.block, true);
        break;
      }
      case StmtKind::CreateTrigger: {
        auto& t = static_cast<const CreateTrigger&>(st);
        header(t.header);
        put("TRIGGER");
        qname(t.name);
        put(upper(compact_text(t.timing)));
        raw(t.event);
        if (t.compound) {
          put("COMPOUND TRIGGER");
          for (const auto& d : t.compound_decls) decl(*d);
          for (const auto& tp : t.timing_points) {
            std::string timing = upper(compact_text(tp.timing));
            put(timing);
            put("IS");
            for (const auto& d : tp.block.decls) decl(*d);
            put("BEGIN");
            stmts(tp.block.body);
            if (tp.block.has_exception) {
              put("EXCEPTION");
              handlers(tp.block.handlers);
            }
            put("END");
            put(timing);
            glue(";");
          }
          put("END");
          if (t.compound_end_name) put(t.compound_end_name->text);
        } else if (has(t.call)) {
          put("CALL");
          raw(t.call);
        } else {
          labels(t.labels);
          block(*t.block, false);
        }
        break;
      }
      case StmtKind::CreateType: {
        auto& t = static_cast<const CreateType&>(st);
        header(t.header);
        put("TYPE");
        qname(t.name);
        if (has(t.pre)) raw(t.pre);
        auto elements = [&] {
          put("(");
          bool first = true;
          auto sep = [&] {
            if (!first) glue(",");
            first = false;
          };
          for (const auto& a : t.attributes) {
            sep();
            put(a.name.text);
            type(a.type);
          }
          for (const auto& m : t.methods) {
            sep();
            subprogram(m);
          }
          for (const auto& p : t.pragmas) {
            sep();
            raw(p);
          }
          glue(")");
        };
        if (t.def == TypeDefKind::Under) {
          put("UNDER");
          qname(t.supertype);
          elements();
        } else if (!t.is_as.empty()) {
          put(upper(t.is_as));
          if (t.def == TypeDefKind::Object) {
            put("OBJECT");
            elements();
          } else {
            if (t.def == TypeDefKind::Varray) {
              put(upper(t.varray_word));
              glue("(");
              expr(*t.limit);
              glue(")");
              put("OF");
            } else {
              put("TABLE OF");
            }
            type(t.element);
            if (t.element_not_null) put("NOT NULL");
          }
        }
        if (has(t.post)) raw(t.post);
        break;
      }
      case StmtKind::CreateTypeBody: {
        auto& t = static_cast<const CreateTypeBody&>(st);
        header(t.header);
        put("TYPE BODY");
        qname(t.name);
        put(upper(t.is_as));
        for (const auto& m : t.methods) subprogram(m);
        put("END");
        break;
      }
      default: break;
    }
    drop_final_semicolon();
  }
};

}  // namespace

std::string print_plsql_unit(const ast::Statement& s) {
  PlPrinter p;
  p.unit(s);
  return std::move(p.out);
}

}  // namespace orashift::sql
