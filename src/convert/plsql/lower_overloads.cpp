// Calls of overloads the target merged (overloads.h): which one Oracle would run, from the
// arguments' Oracle types.
#include <algorithm>
#include <map>
#include <set>

#include "convert/plsql/codes.h"
#include "convert/plsql/lowerer.h"
#include "convert/plsql/overloads.h"
#include "convert/query/sql_writer.h"

namespace orashift::plsql {

namespace ast = sql::ast;
using rewrite::upper;

std::string Lowerer::declared_type(const ast::Expr& e) const {
  if (e.kind != ast::ExprKind::Name) return "";
  auto& n = static_cast<const ast::NameExpr&>(e);
  size_t used = 0;
  const Symbol* s = lookup_path(n.parts, used);
  return s && used == n.parts.size() ? s->type.declared : "";
}

std::string Lowerer::oracle_family_of(const ast::Expr& e) const {
  switch (e.kind) {
    case ast::ExprKind::Literal:
      switch (static_cast<const ast::LiteralExpr&>(e).literal) {
        case ast::LiteralKind::Number: return "NUMBER";
        case ast::LiteralKind::String: return "CHAR";  // a character literal is CHAR (PL/SQL "Literals")
        case ast::LiteralKind::NationalString: return "CHAR";
        case ast::LiteralKind::Date: return "DATE";
        case ast::LiteralKind::Timestamp: return "TIMESTAMP";
        case ast::LiteralKind::Interval:
          return oracle_family("INTERVAL " + std::string(static_cast<const ast::LiteralExpr&>(e).qualifier));
        case ast::LiteralKind::Boolean: return "BOOLEAN";
        case ast::LiteralKind::Null: return "";
      }
      return "";
    case ast::ExprKind::Name: {
      auto& n = static_cast<const ast::NameExpr&>(e);
      size_t used = 0;
      if (const Symbol* s = lookup_path(n.parts, used)) {
        const TypeInfo* t = &s->type;
        for (size_t i = used; i < n.parts.size() && t; ++i) {
          const Field* f = t->field(norm(n.parts[i]));
          t = f ? &f->type : nullptr;
        }
        return t ? t->oracle : "";
      }
      if (n.parts.size() != 1) return "";
      static const std::map<std::string, std::string> pseudo = {
          {"SYSDATE", "DATE"}, {"CURRENT_DATE", "DATE"}, {"SYSTIMESTAMP", "TIMESTAMP WITH TIME ZONE"},
          {"CURRENT_TIMESTAMP", "TIMESTAMP WITH TIME ZONE"}, {"LOCALTIMESTAMP", "TIMESTAMP"}, {"USER", "VARCHAR2"},
          {"TRUE", "BOOLEAN"}, {"FALSE", "BOOLEAN"}, {"SQLERRM", "VARCHAR2"}, {"SQLCODE", "NUMBER"}};
      auto it = pseudo.find(norm(n.parts[0]));
      return it == pseudo.end() ? "" : it->second;
    }
    case ast::ExprKind::Binary: {
      auto& b = static_cast<const ast::BinaryExpr&>(e);
      if (b.op == ast::BinaryOp::Concat) {
        bool clob = oracle_family_of(*b.lhs) == "CLOB" || oracle_family_of(*b.rhs) == "CLOB";
        return clob ? "CLOB" : "VARCHAR2";
      }
      return "";
    }
    case ast::ExprKind::Call: {
      auto& c = static_cast<const ast::CallExpr&>(e);
      std::vector<std::string> parts;
      for (const auto& p : c.name) parts.push_back(norm(p));
      // An element of a collection variable.
      {
        std::vector<ast::Ident> ids(c.name.begin(), c.name.end());
        size_t used = 0;
        if (const Symbol* s = lookup_path(ids, used); s && used == ids.size())
          return s->type.shape == Shape::Array && s->type.element ? s->type.element->oracle : "";
      }
      if (parts.size() >= 2 && parts[parts.size() - 2] == "UTL_RAW" && !routines_for(parts)) {
        // UTL_RAW's functions return RAW but for these (PL/SQL Packages and Types Reference, UTL_RAW).
        const std::string& f = parts.back();
        if (f == "LENGTH" || f == "COMPARE" || f.rfind("CAST_TO_BINARY_", 0) == 0 || f == "CAST_TO_NUMBER") return "NUMBER";
        if (f == "CAST_TO_VARCHAR2" || f == "CAST_TO_NVARCHAR2") return "VARCHAR2";
        return "RAW";
      }
      if (parts.size() == 2 && parts[0] == "DBMS_LOB" && !routines_for(parts)) {
        // DBMS_LOB.SUBSTR returns RAW for a BLOB, VARCHAR2 for a CLOB (DBMS_LOB, "SUBSTR Functions").
        if (parts[1] == "SUBSTR")
          return !c.args.empty() && oracle_family_of(*c.args[0].value) == "BLOB" ? "RAW" : "VARCHAR2";
        if (parts[1] == "GETLENGTH" || parts[1] == "INSTR") return "NUMBER";
      }
      if (parts.size() == 1) {
        // Character functions return a CLOB for a CLOB argument, else VARCHAR2.
        static const std::set<std::string> character = {"REPLACE", "SUBSTR", "TRIM", "LTRIM", "RTRIM", "LPAD",
                                                        "RPAD", "UPPER", "LOWER", "NVL", "REGEXP_REPLACE"};
        if (character.count(parts[0]) && !routines_for(parts))
          return !c.args.empty() && oracle_family_of(*c.args[0].value) == "CLOB" ? "CLOB" : "VARCHAR2";
        static const std::map<std::string, std::string> builtins = {{"CHR", "VARCHAR2"}, {"RAWTOHEX", "VARCHAR2"},
            {"TO_DATE", "DATE"}, {"TO_TIMESTAMP", "TIMESTAMP"}, {"TO_TIMESTAMP_TZ", "TIMESTAMP WITH TIME ZONE"},
            {"TO_CLOB", "CLOB"}, {"EMPTY_CLOB", "CLOB"}, {"TO_BLOB", "BLOB"}, {"EMPTY_BLOB", "BLOB"},
            {"TO_CHAR", "VARCHAR2"},
            {"TO_NUMBER", "NUMBER"}, {"LENGTH", "NUMBER"}, {"INSTR", "NUMBER"}, {"HEXTORAW", "RAW"},
            {"NUMTODSINTERVAL", "INTERVAL DAY TO SECOND"}, {"TO_DSINTERVAL", "INTERVAL DAY TO SECOND"},
            {"NUMTOYMINTERVAL", "INTERVAL YEAR TO MONTH"}, {"TO_YMINTERVAL", "INTERVAL YEAR TO MONTH"}};
        if (!routines_for(parts)) {
          auto it = builtins.find(parts[0]);
          if (it != builtins.end()) return it->second;
        }
      }
      // x.getClobVal() on an XMLType variable.
      if (parts.size() >= 2 && xml_valued(e)) return "";
      if (parts.size() >= 2) {
        std::vector<ast::Ident> prefix(c.name.begin(), c.name.end() - 1);
        if (auto t = path_type(prefix, 0); t && t->sql == "jsonb")
          if (std::string f = json_result_family(parts.back()); !f.empty()) return f;
      }
      if (parts.size() >= 2) {
        std::vector<ast::Ident> prefix(c.name.begin(), c.name.end() - 1);
        if (auto t = path_type(prefix, 0); t && t->sql == "xml")
          return parts.back() == "GETCLOBVAL" ? "CLOB" : parts.back() == "GETSTRINGVAL" ? "VARCHAR2" : "";
      }
      // A converted function: the family its overloads all return.
      const std::vector<RoutineDecl>* rs = routines_for(parts);
      if (!rs) {
        auto t = type_of(e);  // a method of an object, a function of a known type
        return t ? t->oracle : "";
      }
      // Overloads returning different families: the one Oracle runs for these arguments.
      if (const RoutineDecl* r = quiet_pick(*rs, c); r && r->sub && r->sub->return_type)
        return param_family(*r->sub->return_type);
      std::string family;
      for (const auto& r : *rs) {
        if (!r.sub || !r.sub->is_function || !r.sub->return_type) continue;
        std::string f = param_family(*r.sub->return_type);
        if (f.empty() || (!family.empty() && f != family)) return "";
        family = f;
      }
      return family;
    }
    case ast::ExprKind::Cast: {
      // CAST(x AS t): t's family (CAST AS TIMESTAMP is a TIMESTAMP whatever x is).
      auto& k = static_cast<const ast::CastExpr&>(e);
      return k.type ? oracle_family(k.type->name + " " + k.type->suffix) : "";
    }
    case ast::ExprKind::List: {  // (x)
      auto& l = static_cast<const ast::ListExpr&>(e);
      return l.items.size() == 1 ? oracle_family_of(*l.items[0]) : "";
    }
    case ast::ExprKind::Case: {
      // The family its results agree on (NULL results aside).
      auto& k = static_cast<const ast::CaseExpr&>(e);
      std::string family;
      auto take = [&](const ast::Expr& v) {
        std::string f = oracle_family_of(v);
        if (f.empty()) return v.kind == ast::ExprKind::Literal;  // a NULL result says nothing
        if (family.empty() || family == f || (family == "CHAR" && f == "VARCHAR2")) family = f == "CHAR" && !family.empty() ? family : f;
        else if (!(family == "VARCHAR2" && f == "CHAR")) return false;
        return true;
      };
      for (const auto& w : k.whens)
        if (!take(*w.second)) return "";
      if (k.else_value && !take(*k.else_value)) return "";
      return family;
    }
    case ast::ExprKind::Postfix: {
      // a(i).f, f(x).m(): the typed chain; an XMLType's text methods are CLOBs / VARCHAR2s.
      auto& p = static_cast<const ast::PostfixExpr&>(e);
      if (!p.selectors.empty() && !json_kind(*p.base).empty())
        for (size_t i = p.selectors.size(); i-- > 0;)
          if (p.selectors[i].kind == ast::SelectorKind::Field) return json_result_family(norm(p.selectors[i].name));
      if (!p.selectors.empty() && xml_valued(*p.base)) {
        for (size_t i = p.selectors.size(); i-- > 0;)
          if (p.selectors[i].kind == ast::SelectorKind::Field) {
            std::string m = norm(p.selectors[i].name);
            return m == "GETCLOBVAL" ? "CLOB" : m == "GETSTRINGVAL" ? "VARCHAR2" : m == "GETNUMBERVAL" ? "NUMBER" : "";
          }
      }
      auto t = type_of(e);
      return t ? t->oracle : "";
    }
    default: return "";
  }
}

std::string Lowerer::param_family(const ast::PlType& t) const {
  TypeInfo b = builtin_type(t, dialect(), env_.types);
  if (b.problem.empty()) return b.oracle;
  // table.column%TYPE (the catalog knows it from anywhere; other %TYPEs belong to the callee's scope)
  if (upper(t.attribute) == "TYPE" && t.name.parts.size() >= 2 && env_.catalog)
    if (const Table* table = env_.catalog->find_table(norm(t.name.parts[t.name.parts.size() - 2])))
      if (const Column* c = table->find_column(norm(t.name.parts.back()))) return oracle_family(c->type.name + " " + c->type.suffix);
  // A user type by its own name (pkg.t and t inside pkg are one), as resolve_type marks variables.
  if (t.attribute.empty() && !t.name.parts.empty()) return norm(t.name.parts.back());
  return "";
}

const RoutineDecl* Lowerer::quiet_pick(const std::vector<RoutineDecl>& routines, const ast::CallExpr& c) const {
  // Only when the overloads are told apart by their arguments' families; the call itself is
  // checked (and flagged) where it is converted.
  size_t saved = res_.items.items().size();
  bool blocked = res_.blocked;
  std::string code = res_.block_code;
  bool failed = false;
  const RoutineDecl* r = pick_overload(routines, &c, false, c.span, failed, true);
  res_.items.truncate(saved);
  res_.blocked = blocked;
  res_.block_code = std::move(code);
  return failed ? nullptr : r;
}

const RoutineDecl* Lowerer::pick_overload(const std::vector<RoutineDecl>& routines, const ast::CallExpr* c,
                                          bool as_statement, Span span, bool& failed, bool any) const {
  failed = false;
  bool merged = false;
  for (const auto& r : routines) merged |= !r.overload_name.empty();
  if (!merged && !any) return nullptr;  // the target tells them apart as Oracle does
  // Candidates that take these arguments: kind, names, count, required parameters.
  struct Candidate {
    const RoutineDecl* r;
    std::vector<size_t> slot;  // argument i → parameter slot[i]
  };
  std::vector<Candidate> fit;
  std::set<std::string> seen;
  for (const auto& r : routines) {
    if (!r.sub || !seen.insert(oracle_signature(*r.sub)).second) continue;
    // An expression calls a function, a statement a procedure; v := f(…) written as a CALL
    // (calling_as_procedure_) is still an expression in Oracle.
    if (r.is_function() != (!as_statement || calling_as_procedure_)) continue;
    auto slot = argument_slots(*r.sub, c);
    if (!slot) continue;
    Candidate cand{&r, {}};
    bool ok = true;
    for (size_t k = 0; k < slot->size(); ++k)
      if (!(*slot)[k] && !r.sub->params[k].default_value) ok = false;
    // argument i → its parameter, in the call's order
    for (size_t i = 0; c && i < c->args.size(); ++i)
      for (size_t k = 0; k < slot->size(); ++k)
        if ((*slot)[k] == c->args[i].value.get()) cand.slot.push_back(k);
    if (ok) fit.push_back(std::move(cand));
  }
  // Per argument, keep the candidates whose parameter fits the argument's family best.
  size_t n = c ? c->args.size() : 0;
  for (size_t i = 0; i < n && fit.size() > 1; ++i) {
    std::string arg = oracle_family_of(*c->args[i].value);
    if (arg.empty()) continue;
    int best = 0;
    std::vector<int> score;
    for (const auto& cand : fit) {
      score.push_back(family_fit(arg, param_family(cand.r->sub->params[cand.slot[i]].type)));
      best = std::max(best, score.back());
    }
    if (best == 0) continue;
    std::vector<Candidate> kept;
    for (size_t k = 0; k < fit.size(); ++k)
      if (score[k] == best) kept.push_back(std::move(fit[k]));
    fit = std::move(kept);
  }
  if (fit.size() == 1) return fit.front().r;
  // Several left: fine when the target resolves them itself (none of them renamed).
  bool renamed = false;
  for (const auto& cand : fit) renamed |= !cand.r->overload_name.empty();
  if (!fit.empty() && !renamed && !any) return nullptr;
  if (any && fit.size() != 1) {
    failed = true;
    return nullptr;
  }
  failed = true;
  const RoutineDecl& r = routines.front();
  item(plsql_codes::kNotConvertible,
       "call of " + (r.package.empty() ? "" : r.package + ".") + r.name +
           ": the target merges some of its overloads (e.g. DATE and TIMESTAMP, VARCHAR2 and CLOB) and the "
           "arguments' types do not tell which one Oracle runs; write the argument with an explicit conversion "
           "(TO_DATE, TO_CLOB …)",
       span);
  return nullptr;
}

}  // namespace orashift::plsql
