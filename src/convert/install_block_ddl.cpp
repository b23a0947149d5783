#include "convert/install_block_ddl.h"

#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "catalog/catalog.h"
#include "convert/plsql/cond_comp.h"
#include "convert/query/sql_writer.h"

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

std::string upper_text(std::string_view v) {
  std::string out(v);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// A string the block computes, with the literal its text starts from (where it is laid out).
struct Folded {
  std::string text;
  Span origin;
  bool operator==(const Folded& o) const { return text == o.text; }
};

class Walker {
public:
  explicit Walker(InstallBlockDdl& out) : out_(out) {}

  void block(const ast::PlBlock& b) {
    // The block's associative arrays (TABLE OF … INDEX BY): empty until it writes their elements.
    std::set<std::string> collection_types;
    for (const auto& d : b.decls)
      if (d->kind == ast::PlDeclKind::Type) {
        const auto& t = static_cast<const ast::PlTypeDecl&>(*d);
        if (t.def == ast::PlTypeDefKind::Table && t.index_by.span.end > t.index_by.span.begin)
          collection_types.insert(normalize_identifier(t.name.text));
      }
    for (const auto& d : b.decls)
      if (d->kind == ast::PlDeclKind::Variable) {
        const auto& v = static_cast<const ast::PlVariable&>(*d);
        if (v.type.name.parts.size() == 1 && v.type.attribute.empty() && !v.default_value &&
            collection_types.count(normalize_identifier(v.type.name.parts[0].text)))
          collections_[normalize_identifier(v.name.text)] = 0;  // an empty collection
        values_[normalize_identifier(v.name.text)] = v.default_value ? fold(*v.default_value) : std::nullopt;
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
        const auto& a = static_cast<const ast::PlAssign&>(s);
        std::string v = path_of(a.target.get());
        if (v.empty()) break;
        note_element(v);
        if (std::string from = path_of(a.value.get()); !from.empty() && copy_record(from, v)) break;
        values_[v] = fold(*a.value);
        // v := '…' kept as the literal too, so that EXECUTE IMMEDIATE v (|| '…') keeps its offsets.
        if (const auto* lit = string_literal(a.value.get()))
          texts_[v] = lit;
        else
          texts_.erase(v);
        break;
      }
      case ast::PlStmtKind::If: {
        // Each branch from the values before the IF; afterwards a variable keeps the value the
        // branches that assign it agree on. A script's guard (IF the table is missing THEN build
        // its DDL) is read as a fresh install, where the guarded branch runs.
        const auto& i = static_cast<const ast::PlIf&>(s);
        auto before = values_;
        auto counts_before = collections_;
        std::map<std::string, std::optional<Folded>> merged;
        std::map<std::string, std::optional<long>> merged_counts;
        std::set<std::string> conflict, count_conflict;
        auto branch = [&](const std::vector<ast::PlStmtPtr>& body) {
          values_ = before;
          collections_ = counts_before;
          stmts(body);
          for (const auto& [name, value] : values_) {
            auto was = before.find(name);
            if (was != before.end() && was->second == value) continue;  // not assigned here
            auto [at, fresh] = merged.emplace(name, value);
            if (!fresh && at->second != value) conflict.insert(name);
          }
          for (const auto& [name, count] : collections_) {
            if (counts_before.at(name) == count) continue;
            auto [at, fresh] = merged_counts.emplace(name, count);
            if (!fresh && at->second != count) count_conflict.insert(name);
          }
        };
        // A condition on values the block gives (`lower(c(i).name) = 'pref_type'` in an unrolled loop)
        // picks its branch as Oracle does; the first undecided one and all after it are walked.
        bool decided = false;
        for (const auto& b : i.branches) {
          auto known = decide(b.condition.get());
          if (known && !*known) continue;
          branch(b.body);
          if (known) {
            decided = true;
            break;
          }
        }
        if (!decided) branch(i.else_body);
        values_ = before;
        collections_ = counts_before;
        for (const auto& [name, value] : merged) values_[name] = conflict.count(name) ? std::nullopt : value;
        for (const auto& [name, count] : merged_counts) collections_[name] = count_conflict.count(name) ? std::nullopt : count;
        break;
      }
      case ast::PlStmtKind::Case: {
        const auto& c = static_cast<const ast::PlCase&>(s);
        for (const auto& b : c.whens) stmts(b.body);
        stmts(c.else_body);
        break;
      }
      case ast::PlStmtKind::Loop: {
        const auto& l = static_cast<const ast::PlLoop&>(s);
        if (unrolled(l)) break;
        // A value assigned in a loop depends on the iteration: unknown after it.
        auto before = values_;
        auto counts_before = collections_;
        stmts(l.body);
        for (auto& [name, count] : collections_)
          if (counts_before.at(name) != count) count.reset();
        for (auto& [name, value] : values_) {
          auto was = before.find(name);
          if (was == before.end() || was->second != value) value.reset();
        }
        break;
      }
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

  // A string value the block gives an expression: literals, variables holding one, `||`,
  // REPLACE, LOWER, UPPER, TRIM; nullopt for anything else (a value read from the database).
  std::optional<Folded> fold(const ast::Expr& e) const {
    if (const auto* lit = string_literal(&e)) {
      return Folded{rewrite::string_literal_value(lit->text), lit->span};
    }
    if (auto n = integer(e)) return Folded{std::to_string(*n), e.span};  // Oracle's TO_CHAR of an integer
    if (std::string path = path_of(&e); !path.empty()) {
      auto it = values_.find(path);
      if (it != values_.end() || e.kind != ast::ExprKind::Call) return it == values_.end() ? std::nullopt : it->second;
    }
    if (e.kind == ast::ExprKind::Binary && static_cast<const ast::BinaryExpr&>(e).op == ast::BinaryOp::Concat) {
      const auto& b = static_cast<const ast::BinaryExpr&>(e);
      auto l = fold(*b.lhs), r = fold(*b.rhs);
      if (!l || !r) return std::nullopt;
      return Folded{l->text + r->text, l->origin};
    }
    if (e.kind != ast::ExprKind::Call) return std::nullopt;
    const auto& c = static_cast<const ast::CallExpr&>(e);
    if (c.name.size() != 1) return std::nullopt;
    std::string f = upper_text(c.name[0].text);
    std::vector<std::string> args;
    Span origin;
    for (const auto& a : c.args) {
      auto v = fold(*a.value);
      if (!v || !a.name.empty()) return std::nullopt;
      if (args.empty()) origin = v->origin;
      args.push_back(v->text);
    }
    if ((f == "LOWER" || f == "UPPER" || f == "TRIM") && args.size() == 1) {
      std::string v = args[0];
      if (f == "TRIM") {
        size_t b = v.find_first_not_of(' '), t = v.find_last_not_of(' ');
        return Folded{b == std::string::npos ? std::string() : v.substr(b, t - b + 1), origin};
      }
      for (char& ch : v) ch = static_cast<char>(f == "LOWER" ? std::tolower(static_cast<unsigned char>(ch)) : std::toupper(static_cast<unsigned char>(ch)));
      return Folded{v, origin};
    }
    if (f == "REPLACE" && (args.size() == 2 || args.size() == 3)) {
      std::string v = args[0], from = args[1], to = args.size() == 3 ? args[2] : std::string();
      if (!from.empty())
        for (size_t at = v.find(from); at != std::string::npos; at = v.find(from, at + to.size())) v.replace(at, from.size(), to);
      return Folded{v, origin};
    }
    return std::nullopt;
  }

  // `a = b` / `a != b` of two strings the block gives: true or false; nullopt when not known.
  std::optional<bool> decide(const ast::Expr* e) const {
    if (!e || e->kind != ast::ExprKind::Binary) return std::nullopt;
    const auto& b = static_cast<const ast::BinaryExpr&>(*e);
    if ((b.op != ast::BinaryOp::Eq && b.op != ast::BinaryOp::Ne) || !b.quantifier.empty()) return std::nullopt;
    auto l = fold(*b.lhs), r = fold(*b.rhs);
    if (!l || !r || l->text.empty() || r->text.empty()) return std::nullopt;  // '' is NULL: unknown in Oracle
    return (l->text == r->text) == (b.op == ast::BinaryOp::Eq);
  }

  // A value's place: a variable (V), a record's field (V.F), a collection's element (V(2), V(2).F)
  // whose index the block gives; "" for anything else.
  std::string path_of(const ast::Expr* e) const {
    if (!e) return "";
    if (e->kind == ast::ExprKind::Name) {
      const auto& n = static_cast<const ast::NameExpr&>(*e);
      std::string out;
      for (const auto& part : n.parts) out += (out.empty() ? "" : ".") + normalize_identifier(part.text);
      return n.dblink.empty() ? out : "";
    }
    if (e->kind == ast::ExprKind::Call) {
      const auto& c = static_cast<const ast::CallExpr&>(*e);
      if (c.name.size() != 1 || c.args.size() != 1 || !c.args[0].name.empty()) return "";
      std::string base = normalize_identifier(c.name[0].text);
      if (!collections_.count(base)) return "";
      auto index = integer(*c.args[0].value);
      return index ? base + "(" + std::to_string(*index) + ")" : "";
    }
    if (e->kind == ast::ExprKind::Postfix) {
      const auto& p = static_cast<const ast::PostfixExpr&>(*e);
      std::string out = path_of(p.base.get());
      for (const auto& sel : p.selectors) {
        if (out.empty()) return "";
        if (sel.kind == ast::SelectorKind::Field) {
          out += "." + normalize_identifier(sel.name.text);
        } else if (sel.kind == ast::SelectorKind::Args && sel.args.size() == 1) {
          auto index = integer(*sel.args[0].value);
          if (!index) return "";
          out += "(" + std::to_string(*index) + ")";
        } else {
          return "";
        }
      }
      return out;
    }
    return "";
  }

  // An integer the block gives: a literal, a FOR index being unrolled, a collection's COUNT /
  // FIRST / LAST as the block filled it, and + or - of those.
  std::optional<long> integer(const ast::Expr& e) const {
    if (e.kind == ast::ExprKind::Literal) {
      const auto& l = static_cast<const ast::LiteralExpr&>(e);
      if (l.literal != ast::LiteralKind::Number || l.text.empty() || l.text.size() > 9 ||
          l.text.find_first_not_of("0123456789") != std::string_view::npos)
        return std::nullopt;
      return std::stol(std::string(l.text));
    }
    if (e.kind == ast::ExprKind::Name) {
      const auto& n = static_cast<const ast::NameExpr&>(e);
      if (n.parts.size() == 1) {
        auto it = indexes_.find(normalize_identifier(n.parts[0].text));
        return it == indexes_.end() ? std::nullopt : std::optional<long>(it->second);
      }
      if (n.parts.size() != 2) return std::nullopt;
      auto it = collections_.find(normalize_identifier(n.parts[0].text));
      if (it == collections_.end() || !it->second) return std::nullopt;
      std::string attr = normalize_identifier(n.parts[1].text);
      long count = *it->second;
      if (attr == "COUNT" || attr == "LAST") return attr == "LAST" && count == 0 ? std::nullopt : std::optional<long>(count);
      if (attr == "FIRST") return count == 0 ? std::nullopt : std::optional<long>(1);
      return std::nullopt;
    }
    if (e.kind == ast::ExprKind::Binary) {
      const auto& b = static_cast<const ast::BinaryExpr&>(e);
      if (b.op != ast::BinaryOp::Add && b.op != ast::BinaryOp::Sub) return std::nullopt;
      auto l = integer(*b.lhs), r = integer(*b.rhs);
      if (!l || !r) return std::nullopt;
      return b.op == ast::BinaryOp::Add ? *l + *r : *l - *r;
    }
    return std::nullopt;
  }

  // `c(n) := …` grows a dense collection the block fills from 1 (`c(c.count + 1) := r`); an
  // element written anywhere else leaves its count unknown.
  void note_element(const std::string& target) {
    size_t open = target.find('(');
    if (open == std::string::npos || target.find('.') < open) return;
    auto it = collections_.find(target.substr(0, open));
    if (it == collections_.end()) return;
    long index = std::stol(target.substr(open + 1));
    if (it->second && index == *it->second + 1)
      ++*it->second;
    else if (!it->second || index > *it->second)
      it->second.reset();
  }

  // `to := from` of a record: each field the block gave `from` (from.F) is to's (to.F).
  bool copy_record(const std::string& from, const std::string& to) {
    std::vector<std::pair<std::string, std::optional<Folded>>> fields;
    for (auto it = values_.lower_bound(from + "."); it != values_.end() && it->first.rfind(from + ".", 0) == 0; ++it)
      fields.emplace_back(to + it->first.substr(from.size()), it->second);
    for (auto& [name, value] : fields) values_[name] = std::move(value);
    return !fields.empty();
  }

  // FOR i IN a .. b over bounds the block gives (a collection it filled: 1 .. c.COUNT), with no
  // EXIT or GOTO that could end it early: run once per index, as the script runs it.
  bool unrolled(const ast::PlLoop& l) {
    if (l.loop != ast::PlLoopKind::ForRange || !l.low || !l.high || leaves_early(l.body)) return false;
    auto low = integer(*l.low), high = integer(*l.high);
    if (!low || !high || *high - *low > 100) return false;
    std::string index = normalize_identifier(l.index.text);
    auto outer = indexes_.find(index) == indexes_.end() ? std::nullopt : std::optional<long>(indexes_[index]);
    for (long i = 0; i <= *high - *low; ++i) {
      indexes_[index] = l.reverse ? *high - i : *low + i;
      stmts(l.body);
    }
    if (outer) indexes_[index] = *outer; else indexes_.erase(index);
    return true;
  }

  static bool leaves_early(const std::vector<ast::PlStmtPtr>& body) {
    for (const auto& st : body) {
      switch (st->kind) {
        case ast::PlStmtKind::Exit: case ast::PlStmtKind::Goto: case ast::PlStmtKind::Return: case ast::PlStmtKind::Raise:
          return true;
        case ast::PlStmtKind::If: {
          const auto& i = static_cast<const ast::PlIf&>(*st);
          for (const auto& b : i.branches) if (leaves_early(b.body)) return true;
          if (leaves_early(i.else_body)) return true;
          break;
        }
        case ast::PlStmtKind::Case: {
          const auto& c = static_cast<const ast::PlCase&>(*st);
          for (const auto& b : c.whens) if (leaves_early(b.body)) return true;
          if (leaves_early(c.else_body)) return true;
          break;
        }
        case ast::PlStmtKind::Block: {
          const auto& b = static_cast<const ast::PlBlockStmt&>(*st);
          if (b.block && leaves_early(b.block->body)) return true;
          break;
        }
        default: break;
      }
    }
    return false;
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
      if (auto file = literals_as_file(literals)) {
        if (starts_ddl(file->text())) out_.statements.push_back(std::move(file));
        return;
      }
    }
    // Otherwise a value the block computes (REPLACE, LOWER …): laid out where the literal it
    // starts from stands, line for line, so what it declares is located in that literal (a
    // substitution moves the rest of its line).
    if (e.text->kind != ast::ExprKind::Literal)
      if (auto value = fold(*e.text); value && starts_ddl(value->text)) {
        Span at = cond_.original(value->origin);
        if (!at.file) return;
        const std::string& src = at.file->text();
        size_t from = at.begin;
        if (from < src.size() && (src[from] == 'N' || src[from] == 'n')) ++from;
        from += from < src.size() && (src[from] == 'Q' || src[from] == 'q') ? 3 : 1;  // q'[ or '
        std::string blank(src.size(), ' ');
        for (size_t i = 0; i < src.size(); ++i)
          if (src[i] == '\n') blank[i] = '\n';
        if (from >= blank.size()) return;
        blank.replace(from, std::min(value->text.size(), blank.size() - from), value->text);
        out_.statements.push_back(std::make_unique<SourceFile>(at.file->path(), std::move(blank)));
        return;
      }
    const auto* head = string_literal(first_of_concat(e.text.get()));
    if (!head) return;
    auto file = literal_as_file(cond_.original(head->span));
    if (file && starts_ddl(file->text())) out_.dynamic.push_back(cond_.original(e.span));
  }

  InstallBlockDdl& out_;
  plsql::CondCompiler cond_;
  std::map<std::string, std::optional<Folded>> values_;  // the block's string variables' values
  std::map<std::string, const ast::LiteralExpr*> texts_;      // variables holding one literal's text
  std::map<std::string, std::optional<long>> collections_;    // collection variables: elements filled from 1
  std::map<std::string, long> indexes_;                        // FOR indexes of the loops being unrolled
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
