#include "convert/install_block_ddl.h"

#include <cctype>
#include <map>
#include <string>

#include "catalog/catalog.h"
#include "convert/plsql/cond_comp.h"

namespace orashift {

namespace ast = sql::ast;

namespace {

// CREATE …, ALTER TABLE and COMMENT ON: the DDL the catalog models (ALTER SYSTEM/SESSION are not).
bool starts_ddl(std::string_view value) {
  std::string words[2];
  size_t i = 0;
  for (auto& word : words) {
    while (i < value.size() && std::isspace(static_cast<unsigned char>(value[i]))) ++i;
    for (; i < value.size() && std::isalpha(static_cast<unsigned char>(value[i])); ++i)
      word += static_cast<char>(std::toupper(static_cast<unsigned char>(value[i])));
  }
  return words[0] == "CREATE" || (words[0] == "ALTER" && words[1] == "TABLE") || (words[0] == "COMMENT" && words[1] == "ON");
}

const ast::LiteralExpr* string_literal(const ast::Expr* e) {
  if (!e || e->kind != ast::ExprKind::Literal) return nullptr;
  const auto& l = static_cast<const ast::LiteralExpr&>(*e);
  return l.literal == ast::LiteralKind::String || l.literal == ast::LiteralKind::NationalString ? &l : nullptr;
}

// The leftmost operand of a chain of `||`.
const ast::Expr* first_of_concat(const ast::Expr* e) {
  while (e && e->kind == ast::ExprKind::Binary && static_cast<const ast::BinaryExpr&>(*e).op == ast::BinaryOp::Concat)
    e = static_cast<const ast::BinaryExpr&>(*e).lhs.get();
  return e;
}

// The operands of a chain of `||`, left to right.
void concat_operands(const ast::Expr* e, std::vector<const ast::Expr*>& out) {
  if (e && e->kind == ast::ExprKind::Binary && static_cast<const ast::BinaryExpr&>(*e).op == ast::BinaryOp::Concat) {
    concat_operands(static_cast<const ast::BinaryExpr&>(*e).lhs.get(), out);
    concat_operands(static_cast<const ast::BinaryExpr&>(*e).rhs.get(), out);
    return;
  }
  out.push_back(e);
}

// A variable named plainly (v), upper-cased; "" otherwise.
std::string variable_name(const ast::Expr* e) {
  if (!e || e->kind != ast::ExprKind::Name) return "";
  const auto& n = static_cast<const ast::NameExpr&>(*e);
  return n.parts.size() == 1 ? normalize_identifier(n.parts[0].text) : "";
}

class Walker {
public:
  explicit Walker(InstallBlockDdl& out) : out_(out) {}

  void block(const ast::PlBlock& b) {
    for (const auto& d : b.decls)
      if (d->kind == ast::PlDeclKind::Variable) {
        const auto& v = static_cast<const ast::PlVariable&>(*d);
        if (const auto* lit = string_literal(v.default_value.get())) texts_[normalize_identifier(v.name.text)] = lit;
      }
    size_t before = out_.statements.size();
    stmts(b.body);
    // A handler runs instead of the rest of its block: its DDL is the fallback of the block's own
    // (utPLSQL creates a table with SECUREFILE LOBs and, when that fails, with BASICFILE ones).
    if (out_.statements.size() == before)
      for (const auto& h : b.handlers) stmts(h.body);
  }

private:
  void stmts(const std::vector<ast::PlStmtPtr>& v) {
    for (const auto& s : v) stmt(*s);
  }

  void stmt(const ast::PlStmt& s) {
    switch (s.kind) {
      case ast::PlStmtKind::ExecuteImmediate: execute(static_cast<const ast::PlExecImmediate&>(s)); break;
      case ast::PlStmtKind::Assign: {
        // v := '…': the text EXECUTE IMMEDIATE v (|| '…') runs later; anything else forgets it.
        const auto& a = static_cast<const ast::PlAssign&>(s);
        std::string v = variable_name(a.target.get());
        if (v.empty()) break;
        if (const auto* lit = string_literal(a.value.get()))
          texts_[v] = lit;
        else
          texts_.erase(v);
        break;
      }
      case ast::PlStmtKind::If: {
        const auto& i = static_cast<const ast::PlIf&>(s);
        for (const auto& b : i.branches) stmts(b.body);
        stmts(i.else_body);
        break;
      }
      case ast::PlStmtKind::Case: {
        const auto& c = static_cast<const ast::PlCase&>(s);
        for (const auto& b : c.whens) stmts(b.body);
        stmts(c.else_body);
        break;
      }
      case ast::PlStmtKind::Loop: stmts(static_cast<const ast::PlLoop&>(s).body); break;
      case ast::PlStmtKind::Block: {
        const auto& b = static_cast<const ast::PlBlockStmt&>(s);
        if (b.block) block(*b.block);
        break;
      }
      case ast::PlStmtKind::CondComp: {
        const auto& cc = static_cast<const ast::PlCondStmt&>(s).cc;
        std::string why;
        auto chosen = cond_.choose(cc, "", why);
        if (chosen && *chosen >= 0)
          if (const ast::PlBlock* parsed = cond_.parse(cc.branches[static_cast<size_t>(*chosen)].text, false, why))
            block(*parsed);
        break;
      }
      default: break;
    }
  }

  void execute(const ast::PlExecImmediate& e) {
    // Literals, and variables holding literal text, joined with ||: read as one statement when
    // they stand in the file in the order they are joined (each keeps its own offsets).
    std::vector<const ast::Expr*> operands;
    concat_operands(e.text.get(), operands);
    std::vector<Span> literals;
    for (const ast::Expr* o : operands) {
      const ast::LiteralExpr* lit = string_literal(o);
      if (!lit) {
        auto it = texts_.find(variable_name(o));
        lit = it == texts_.end() ? nullptr : it->second;
      }
      if (!lit) break;
      Span at = cond_.original(lit->span);
      if (!literals.empty() && (at.file != literals.back().file || at.begin < literals.back().end)) break;
      literals.push_back(at);
    }
    if (!literals.empty() && literals.size() == operands.size()) {
      auto file = literals_as_file(literals);
      if (file && starts_ddl(file->text())) out_.statements.push_back(std::move(file));
      if (file) return;
    }
    const auto* head = string_literal(first_of_concat(e.text.get()));
    if (!head) return;
    auto file = literal_as_file(cond_.original(head->span));
    if (file && starts_ddl(file->text())) out_.dynamic.push_back(cond_.original(e.span));
  }

  InstallBlockDdl& out_;
  plsql::CondCompiler cond_;
  std::map<std::string, const ast::LiteralExpr*> texts_;  // variables holding literal text
};

}  // namespace

namespace {

bool write_value(const std::string& src, Span literal, std::string& blank) {
  std::string_view tok(src.data() + literal.begin, literal.end - literal.begin);
  size_t at = literal.begin;
  if (!tok.empty() && (tok[0] == 'N' || tok[0] == 'n')) tok.remove_prefix(1), ++at;
  bool q_quote = tok.size() >= 2 && (tok[0] == 'Q' || tok[0] == 'q') && tok[1] == '\'';
  if (q_quote) tok.remove_prefix(1), ++at;
  if (tok.size() < 2 || tok.front() != '\'' || tok.back() != '\'') return false;
  if (q_quote) {  // q'<…>': no escapes inside
    if (tok.size() < 4) return false;
    size_t from = at + 2, to = literal.end - 2;
    blank.replace(from, to - from, src, from, to - from);
    return true;
  }
  size_t from = at + 1, to = literal.end - 1;
  // The value replaces the literal's text; an escaped quote inside an inner literal ('''' → '')
  // is two characters shorter, made up with blanks at the end of its line, so only the columns
  // after it on that line move.
  std::string value;
  size_t pad = 0;
  bool in_inner = false;  // inside a literal of the statement the text holds
  for (size_t i = from; i < to; ++i) {
    if (src[i] == '\n') {
      value.append(pad, ' ');
      pad = 0;
    }
    if (src[i] != '\'') {
      value += src[i];
      continue;
    }
    // src[i], src[i+1] is one escaped quote of the value: keep it on the side of the inner literal.
    if (!in_inner) {
      value += " '";  // opens an inner literal
      in_inner = true;
    } else if (i + 3 < to && src[i + 2] == '\'' && src[i + 3] == '\'') {
      value += "''";  // a quote inside the inner literal
      pad += 2;
      i += 2;
    } else {
      value += "' ";  // closes the inner literal
      in_inner = false;
    }
    ++i;
  }
  value.append(pad, ' ');
  blank.replace(from, value.size(), value);
  return true;
}

}  // namespace

std::unique_ptr<SourceFile> literal_as_file(Span literal) { return literals_as_file({literal}); }

std::unique_ptr<SourceFile> literals_as_file(const std::vector<Span>& literals) {
  if (literals.empty() || !literals[0].file) return nullptr;
  const std::string& src = literals[0].file->text();
  std::string blank(src.size(), ' ');
  for (size_t i = 0; i < src.size(); ++i)
    if (src[i] == '\n') blank[i] = '\n';
  for (const Span& literal : literals)
    if (literal.file != literals[0].file || !write_value(src, literal, blank)) return nullptr;
  return std::make_unique<SourceFile>(literals[0].file->path(), std::move(blank));
}


InstallBlockDdl install_block_ddl(const ast::PlAnonymousBlock& block) {
  InstallBlockDdl out;
  Walker(out).block(block.block);
  return out;
}

}  // namespace orashift
