// Declarations: types settled from the catalog and the unit's own declarations (%TYPE,
// %ROWTYPE, records, collections, subtypes, REF CURSORs), variables and constants, cursors,
// exceptions with stable SQLSTATEs, pragmas, parameters, and a package's members as a frame.
#include <algorithm>
#include <set>
#include <map>
#include <optional>
#include <cstdlib>

#include "convert/dictionary_views.h"
#include "convert/plsql/builtin_support.h"
#include "convert/plsql/codes.h"
#include "convert/plsql/lowerer.h"
#include "convert/query/sql_writer.h"
#include "common/naming.h"
#include "sql/parser.h"

namespace orashift::plsql {

using rewrite::upper;

namespace {

std::string q(const std::string& oracle_name) { return quote_ident(target_name(oracle_name)); }

// Predefined exceptions → PostgreSQL condition names (docs/plsql.md).
const char* predefined_condition(const std::string& n) {
  static const std::pair<const char*, const char*> map[] = {
      {"NO_DATA_FOUND", "no_data_found"},
      {"TOO_MANY_ROWS", "too_many_rows"},
      {"DUP_VAL_ON_INDEX", "unique_violation"},
      {"ZERO_DIVIDE", "division_by_zero"},
      {"VALUE_ERROR", "data_exception"},
      {"INVALID_NUMBER", "invalid_text_representation"},
      {"INVALID_CURSOR", "invalid_cursor_state"},
      {"CURSOR_ALREADY_OPEN", "duplicate_cursor"},
      {"CASE_NOT_FOUND", "case_not_found"},
      {"TIMEOUT_ON_RESOURCE", "lock_not_available"},
      {"LOGIN_DENIED", "invalid_authorization_specification"},
      {"STORAGE_ERROR", "out_of_memory"},
      {"OTHERS", "OTHERS"},
  };
  for (const auto& [o, p] : map)
    if (n == o) return p;
  return nullptr;
}

// ORA- codes with a PostgreSQL SQLSTATE. Where several codes share one SQLSTATE, the first listed
// is the one SQLCODE gives back for it.
constexpr std::pair<long, const char*> kOracleCodes[] = {
    {-1, "23505"},    {100, "P0002"},   {-1403, "P0002"}, {-1422, "P0003"}, {-1476, "22012"}, {-1722, "22P02"},
    {-1400, "23502"}, {-2291, "23503"}, {-2292, "23503"}, {-2290, "23514"}, {-54, "55P03"},   {-60, "40P01"},
    {-942, "42P01"},  {-955, "42P07"},  {-1031, "42501"}, {-8177, "40001"}, {-1438, "22003"}, {-12899, "22001"},
    {-6502, "22000"}, {-1410, "22P02"}, {-4043, "42704"}, {-1918, "42704"}, {-2289, "42P01"}, {-6550, "42000"},
    {-904, "42703"},  {-1430, "42701"}, {-2260, "42P16"}, {-2264, "42710"}, {-2275, "42710"}, {-1408, "42P07"},
    {-1442, "42P16"}, {-1451, "42P16"}, {-1418, "42704"}, {-4043, "42883"},
};

// SQLSTATEs PostgreSQL raises for more than one Oracle error, told apart by its message (the
// server's own English text; under other lc_messages the SQLSTATE's first code above stands).
struct MessageRefinement {
  const char* state;
  const char* message_prefix;
  long code;
};
constexpr MessageRefinement kMessageRefinements[] = {
    {"42P01", "sequence ", -2289},                   // DROP SEQUENCE of a missing one
    {"42P01", "missing FROM-clause entry", -904},    // a column qualified by an unknown name
    {"42704", "index ", -1418},                      // DROP INDEX of a missing one
    {"42704", "role ", -1918},                       // DROP USER / ROLE
    {"23503", "update or delete on table ", -2292},  // a parent row still referenced
};

// SQLSTATEs PostgreSQL raises both for a table's column and for a PL/SQL variable: Oracle's code
// is -12899 / -1438 for the column, -6502 (VALUE_ERROR) for the variable; SQLCODE says -6502, as
// the handler that catches them (VALUE_ERROR → data_exception) does.
constexpr const char* kVariableOrColumn[] = {"22001", "22003"};


// A user exception's SQLSTATE: 'OU' + three base-36 characters of a hash of its qualified name,
// the same in every unit that raises or handles it.
std::string user_sqlstate(const std::string& qualified) {
  uint32_t h = 2166136261u;
  for (char c : qualified) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  const char* digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  std::string s = "OU";
  for (int i = 0; i < 3; ++i) {
    s.push_back(digits[h % 36]);
    h /= 36;
  }
  return s;
}

}  // namespace

// ORA- codes with a PostgreSQL SQLSTATE (EXCEPTION_INIT); -20000..-20999 are the application's.
std::string sqlstate_of_oracle_code(long code) {
  if (code <= -20000 && code >= -20999) {
    std::string n = std::to_string(-code - 20000);
    return "OR" + std::string(3 - n.size(), '0') + n;
  }
  for (const auto& [o, s] : kOracleCodes)
    if (o == code) return s;
  return "";
}

// SQLCODE in a handler: the SQLSTATE (and for a few, the message) back to Oracle's number, one
// code per SQLSTATE of the table, so `IF SQLCODE != -942 THEN RAISE` (a DROP of a table that may
// not exist) and `SQLCODE = -955` (a CREATE of one that may) mean what they mean in Oracle.
// A support function, orashift_sqlcode(SQLSTATE, SQLERRM), rather than a CASE at every use.
std::string sqlcode_helper_sql(const std::string& name) {
  if (name != "orashift_sqlcode") return "";
  std::string cases;
  std::set<std::string> seen(std::begin(kVariableOrColumn), std::end(kVariableOrColumn));
  for (const auto& [o, s] : kOracleCodes) {
    if (!seen.insert(s).second) continue;
    std::string code = std::to_string(o);
    for (const auto& r : kMessageRefinements)
      if (std::string(r.state) == s)
        code = "CASE WHEN starts_with(message, '" + std::string(r.message_prefix) + "') THEN " + std::to_string(r.code) +
               " ELSE " + code + " END";
    cases += "\n    WHEN '" + std::string(s) + "' THEN " + code;
  }
  return "(state text, message text)\nRETURNS integer\nLANGUAGE sql IMMUTABLE\nAS $orashift$\n"
         "SELECT CASE\n  WHEN state LIKE 'OR___' THEN -(20000 + substr(state, 3)::integer)\n"
         "  WHEN state LIKE 'OU%' THEN 1\n  ELSE CASE state" + cases + "\n    ELSE -6502 END\nEND\n$orashift$;\n";
}

// An ORA code with no PostgreSQL counterpart keeps a SQLSTATE of its own: 'OE' + 3 characters.
std::string unmapped_sqlstate(long code) {
  std::string s = user_sqlstate("ORA" + std::to_string(code));
  s[1] = 'E';
  return s;
}

TypeInfo Lowerer::resolve_type(const ast::PlType& t) const {
  TypeInfo out = resolve_type_as_declared(t);
  // A named user type (not %TYPE/%ROWTYPE): overloads taking different ones are told apart by it.
  if (out.problem.empty() && out.oracle.empty() && t.attribute.empty() && !t.name.parts.empty())
    out.oracle = norm(t.name.parts.back());
  // Every REF CURSOR type (weak or strong, declared or SYS_REFCURSOR) passes as SYS_REFCURSOR.
  if (out.shape == Shape::Cursor) out.oracle = "SYS_REFCURSOR";
  return out;
}

TypeInfo Lowerer::resolve_type_as_declared(const ast::PlType& t) const {
  TypeInfo b = builtin_type(t, dialect(), env_.types);
  if (b.problem.empty()) return b;
  std::vector<std::string> parts;
  for (const auto& p : t.name.parts) parts.push_back(norm(p));
  std::string attr = upper(t.attribute);
  if (parts.size() > 1 && attr.empty() && parts[0] == "SYS") parts.erase(parts.begin());
  TypeInfo none;
  none.problem = "type " + sql::compact_text(t.span) + " not resolved";
  if (parts.empty()) return none;
  // REF t (an object type of the source): PostgreSQL has no object references. The reference is
  // kept as text, the referenced object's identifier (e.g. its key), with OS6002 saying what is
  // lost; DEREF, REF(), MAKE_REF and navigation through it stay flagged where they are used.
  if (parts.size() == 1 && parts[0] == "REF" && attr.empty()) {
    std::string written = sql::compact_text(t.span);
    size_t sp = written.find_first_of(" \t\r\n");
    std::string target = sp == std::string::npos ? std::string() : upper(written.substr(written.find_first_not_of(" \t\r\n", sp)));
    if (size_t dot = target.rfind('.'); dot != std::string::npos) target = target.substr(dot + 1);
    if (!target.empty() && env_.registry->object_types.count(target)) {
      TypeInfo r;
      r.sql = "text";
      r.value = rewrite::ValueType::Text;
      item(plsql_codes::kBehaviour,
           written + " → text: PostgreSQL has no object references; the value is the referenced object's identifier "
                     "(its key as text), not a pointer: DEREF, REF(), MAKE_REF and reading attributes through it are "
                     "flagged where used",
           t.span);
      return r;
    }
  }
  if (attr == "TYPE") {
    // v%TYPE, rec.field%TYPE, pkg.v%TYPE, table.column%TYPE, schema.table.column%TYPE
    std::vector<ast::Ident> ids(t.name.parts.begin(), t.name.parts.end());
    size_t used = 0;
    if (const Symbol* s = lookup_path(ids, used)) {
      const TypeInfo* ti = &s->type;
      for (size_t i = used; i < parts.size() && ti; ++i) {
        const Field* f = ti->field(parts[i]);
        ti = f ? &f->type : nullptr;
      }
      if (ti) return *ti;
    }
    if (parts.size() >= 2 && env_.catalog) {
      const Table* table = env_.catalog->find_table(parts[parts.size() - 2]);
      // all_tables.owner%TYPE: the emulated dictionary view's column (dictionary_views.h).
      if (!table && env_.profile->dictionary_views && (parts.size() == 2 || (parts.size() == 3 && parts[0] == "SYS")))
        table = dictionary_view(parts[parts.size() - 2]);
      if (!table && env_.view_rows)  // view.column%TYPE
        if (auto it = env_.view_rows->find(parts[parts.size() - 2]); it != env_.view_rows->end()) table = &it->second;
      if (table)
        if (const Column* c = table->find_column(parts.back())) return column_type(*c, dialect(), env_.types);
    }
    return none;
  }
  if (attr == "ROWTYPE") {
    if (env_.catalog)
      if (const Table* table = env_.catalog->find_table(parts.back())) {
        TypeInfo r = row_type(*table, dialect(), env_.types);
        if (!env_.profile->composite_types) r.sql = "record";  // Redshift: no table row types; a RECORD takes the row
        return r;
      }
    // view%ROWTYPE: the view's own row type on the target, its fields typed from what they read.
    if (env_.view_rows && env_.profile->composite_types)
      if (auto it = env_.view_rows->find(parts.back()); it != env_.view_rows->end()) {
        res_.reads_view_rows = true;
        return row_type(it->second, dialect(), env_.types);
      }
    if (parts.size() == 1)
      if (const Symbol* s = scope_.find(parts[0]); s && (s->kind == SymbolKind::Cursor)) {
        TypeInfo r;
        r.shape = Shape::Row;
        r.sql = "record";
        return r;
      }
    // nls_session_parameters%ROWTYPE: the emulated dictionary view's row (dictionary_views.h).
    if (env_.profile->dictionary_views && env_.profile->composite_types &&
        (parts.size() == 1 || (parts.size() == 2 && parts[0] == "SYS")))
      if (const Table* view = dictionary_view(parts.back())) {
        TypeInfo r = row_type(*view, dialect(), env_.types);
        r.sql = dictionary_view_ref(parts.back());
        res_.dictionary_views.insert(parts.back());
        return r;
      }
    return none;
  }
  if (dialect() == Dialect::Postgres && parts.size() == 2 && parts[0] == "DBMS_XMLGEN" && parts[1] == "CTXHANDLE") {
    // SUBTYPE ctxHandle IS NUMBER: orashift_xmlgen_new's handle (lower_xmlgen.cpp).
    TypeInfo h;
    h.sql = "numeric";
    h.value = rewrite::ValueType::Number;
    h.oracle = "NUMBER";
    return h;
  }
  if (env_.orafce && parts.size() == 2 && parts[0] == "UTL_FILE" && parts[1] == "FILE_TYPE") {
    TypeInfo f;
    f.sql = "utl_file.file_type";
    res_.uses_orafce = true;
    return f;
  }
  // A named type: local or package TYPE/SUBTYPE, another package's type, an object/collection type.
  if (parts.size() == 1)
    if (const Symbol* s = scope_.find(parts[0]); s && s->kind == SymbolKind::Type) return s->type;
  if (parts.size() == 2)
    if (const PackageDecls* p = env_.registry->package(parts[0])) {
      if (parts[0] == package_)
        if (const Symbol* s = scope_.find(parts[1]); s && s->kind == SymbolKind::Type) return s->type;
      auto it = p->types.find(parts[1]);
      if (it != p->types.end() && foreign_frames_ < 3) {
        // Another package's type or subtype: resolved as that package declares it, with its
        // members in scope (a SUBTYPE of its own variable's %TYPE).
        auto self = const_cast<Lowerer*>(this);
        ++self->foreign_frames_;
        self->add_package_frame(*p, nullptr);
        TypeInfo out = it->second->kind == ast::PlDeclKind::Subtype
                           ? resolve_type(static_cast<const ast::PlSubtype&>(*it->second).base)
                           : self->resolve_type_decl(static_cast<const ast::PlTypeDecl&>(*it->second), parts[0], false);
        scope_.pop();
        --self->foreign_frames_;
        return out;
      }
    }
  if (auto element = builtin_collection_element(parts)) {
    TypeInfo r;
    r.shape = Shape::Array;
    if (!env_.profile->arrays) {
      r.problem = "collection type " + sql::compact_text(t.span) + ": " + dialect_name(dialect()) + " has no arrays";
      return r;
    }
    Column c;
    c.type = *oracle_type_from_text(*element);
    r.element = std::make_shared<TypeInfo>(column_type(c, dialect(), env_.types));
    r.sql = r.element->sql + "[]";
    return r;
  }
  auto ot = env_.registry->object_types.find(parts.back());
  if (ot != env_.registry->object_types.end()) {
    const ast::CreateType& ct = *ot->second;
    TypeInfo r;
    if (!env_.profile->composite_types) {
      r.problem = "type " + parts.back() + ": " + std::string(dialect_name(dialect())) + " has no object or collection types";
      return r;
    }
    if (ct.def == ast::TypeDefKind::Table || ct.def == ast::TypeDefKind::Varray) {
      r.shape = Shape::Array;
      r.element = std::make_shared<TypeInfo>(resolve_type(ct.element));
      r.sql = r.element->sql + "[]";
      if (!r.element->problem.empty()) r.problem = r.element->problem;
      return r;
    }
    return object_type_info(parts.back());
  }
  return none;
}

// TYPE t IS RECORD (..) → a composite type created before the unit; TABLE OF / VARRAY → an
// array of the element; REF CURSOR → refcursor. `owner` names the package (or unit) that
// declares it, which also names the composite type's schema or prefix.
TypeInfo Lowerer::resolve_type_decl(const ast::PlTypeDecl& d, const std::string& owner, bool emit) {
  TypeInfo r;
  std::string name = norm(d.name);
  switch (d.def) {
    case ast::PlTypeDefKind::RefCursor:
      r.sql = "refcursor";
      r.shape = Shape::Cursor;
      return r;
    case ast::PlTypeDefKind::Table:
    case ast::PlTypeDefKind::Varray: {
      if (!env_.profile->arrays) {
        r.shape = Shape::Array;
        r.problem = "collection type " + name + ": " + std::string(dialect_name(dialect())) +
                    " has no arrays (rewrite the loop over it as set-based SQL or a temporary table)";
        return r;
      }
      r.shape = Shape::Array;
      r.element = std::make_shared<TypeInfo>(resolve_type(d.element));
      r.sql = r.element->sql + "[]";
      if (!r.element->problem.empty()) r.problem = r.element->problem;
      // A map element (jsonb) nests like any scalar; an array in an array would be a ragged
      // multidimensional array, which PostgreSQL has not.
      if (r.element->shape == Shape::Array) r.problem = "a collection of collections";
      if (d.index_by.span.end > d.index_by.span.begin) {
        // INDEX BY VARCHAR2 (or a %TYPE of a string): a map with text keys; INDEX BY PLS_INTEGER
        // stays an array unless some unit deletes single elements (Registry::sparse_types).
        std::string ib = upper(sql::compact_text(d.index_by.span));
        TypeInfo key = resolve_type(d.index_by);
        bool text_keys = key.value == rewrite::ValueType::Text || ib.find("VARCHAR") != std::string::npos ||
                         ib.find("STRING") != std::string::npos ||
                         (ib.find("%TYPE") != std::string::npos && key.value != rewrite::ValueType::Number);
        bool sparse = !text_keys && env_.registry->sparse_types.count(owner + "." + name);
        r.any_index = !text_keys;
        if ((text_keys || sparse) && env_.profile->jsonb_maps) {
          r.shape = Shape::Map;
          r.keys = text_keys ? MapKeys::Text : MapKeys::Integer;
          r.sql = "jsonb";
        } else if (text_keys) {
          r.string_keys = true;
        }
      }
      return r;
    }
    case ast::PlTypeDefKind::Record: {
      r.shape = Shape::Row;
      if (!env_.profile->composite_types) {
        // Redshift: no CREATE TYPE; a RECORD variable takes a row from SELECT INTO or FETCH, and
        // its fields are known to the binder.
        r.sql = "record";
        for (const auto& f : d.fields) {
          TypeInfo ft = resolve_type(f.type);
          if (!ft.problem.empty()) r.problem = ft.problem;
          r.fields.push_back({norm(f.name), ft});
        }
        return r;
      }
      bool in_package = env_.registry->package(owner) != nullptr;
      std::string type_name = in_package ? q(owner) + "." + q(name) : q(target_name(owner) + "$" + target_name(name));
      r.sql = type_name;
      std::string cols;
      for (const auto& f : d.fields) {
        TypeInfo ft = resolve_type(f.type);
        if (!ft.problem.empty()) r.problem = ft.problem;
        if (ft.shape == Shape::Cursor) r.problem = "a REF CURSOR field in a record";
        cols += (cols.empty() ? "" : ", ") + q(norm(f.name)) + " " + (ft.sql.empty() ? "text" : ft.sql);
        r.fields.push_back({norm(f.name), ft});
      }
      if (emit && declared_types_.insert(type_name).second && r.problem.empty())
        aux_types_.push_back("CREATE TYPE " + type_name + " AS (" + cols + ");\n");
      return r;
    }
  }
  return r;
}

// TYPE t IS … / SUBTYPE s IS base: a type symbol; `report` raises the items of what cannot be
// expressed (once, where the unit being converted declares it).
void Lowerer::declare_type(const ast::PlDecl& d, const std::string& owner, bool emit, bool report) {
  Symbol s;
  s.kind = SymbolKind::Type;
  std::string name;
  if (d.kind == ast::PlDeclKind::Type) {
    auto& t = static_cast<const ast::PlTypeDecl&>(d);
    name = norm(t.name);
    s.type = resolve_type_decl(t, owner, emit);
  } else {
    auto& t = static_cast<const ast::PlSubtype&>(d);
    name = norm(t.name);
    s.type = resolve_type(t.base);
    if (report && t.constraint.end > t.constraint.begin)
      item(plsql_codes::kBehaviour, "SUBTYPE " + name + " constraint not enforced: " + sql::compact_text(t.constraint),
           t.constraint);
  }
  if (report && !s.type.problem.empty())
    item(plsql_codes::kNotConvertible, (d.kind == ast::PlDeclKind::Type ? "type " : "subtype ") + name + ": " + s.type.problem,
         d.span);
  if (report && s.type.string_keys) item(plsql_codes::kCollection, "associative array indexed by strings: type " + name, d.span);
  scope_.add(name, s);
}

void Lowerer::declare_exception(const std::string& name, const std::string& qualified, Span span) {
  (void)span;
  Symbol s;
  s.kind = SymbolKind::Exception;
  s.errcode = user_sqlstate(qualified);
  s.condition = "SQLSTATE '" + s.errcode + "'";
  scope_.add(name, s);
}

void Lowerer::pragma(const ast::PlPragma& p) {
  std::string n = upper(p.name.text);
  if (n == "AUTONOMOUS_TRANSACTION") {
    if (autonomous_routine_) return;  // run through dblink: the routine says so (lower_autonomous.cpp)
    item(plsql_codes::kTransaction,
         "PRAGMA AUTONOMOUS_TRANSACTION: PostgreSQL has no autonomous transactions (use dblink or pg_background "
         "for the independent unit of work)",
         p.span);
    return;
  }
  if (n == "EXCEPTION_INIT" && p.args.size() == 2 && p.args[0]->kind == ast::ExprKind::Name) {
    std::string e = normalize_identifier(static_cast<const ast::NameExpr&>(*p.args[0]).parts.back().text);
    std::string code = sql::compact_text(p.args[1]->span);
    code.erase(std::remove(code.begin(), code.end(), ' '), code.end());
    char* end = nullptr;
    long v = std::strtol(code.c_str(), &end, 10);
    if (!end || *end != '\0') {
      item(plsql_codes::kNotConvertible, "PRAGMA EXCEPTION_INIT(" + e + ", " + code + "): the code is not a number", p.span);
      return;
    }
    std::string state = sqlstate_of_oracle_code(v);
    if (state.empty()) {
      // No PostgreSQL error is ORA<code>: the exception keeps a SQLSTATE of its own ('OE' + the
      // code's hash), so RAISE and its handlers still meet, but the target never raises it.
      state = unmapped_sqlstate(v);
      unmapped_codes_.emplace(state, v);
      item(plsql_codes::kBehaviour,
           "PRAGMA EXCEPTION_INIT(" + e + ", " + code + "): no PostgreSQL error corresponds to ORA" + code +
               "; a handler for " + e + " catches only what this code raises itself (SQLSTATE '" + state + "')",
           p.span);
    }
    Symbol s;
    s.kind = SymbolKind::Exception;
    s.errcode = state;
    s.condition = "SQLSTATE '" + state + "'";
    s.oracle_code = v;
    scope_.add(e, s);
    return;
  }
  // SERIALLY_REUSABLE, RESTRICT_REFERENCES, INLINE, UDF, DEPRECATED, COVERAGE: no meaning on the target.
}

std::string Lowerer::exception_condition(const ast::QualifiedName& n, std::string* errcode) const {
  std::vector<ast::Ident> ids(n.parts.begin(), n.parts.end());
  std::string last = norm(n.parts.back());
  size_t used = 0;
  if (const Symbol* s = lookup_path(ids, used); s && s->kind == SymbolKind::Exception && used == ids.size()) {
    if (errcode) *errcode = s->errcode;
    return s->condition;
  }
  if (n.parts.size() == 1 || (n.parts.size() == 2 && norm(n.parts[0]) == "STANDARD")) {
    if (const char* p = predefined_condition(last)) {
      if (errcode) errcode->clear();
      return p;
    }
    // STANDARD's other predefined exceptions: the engine never raises them, so they keep a SQLSTATE
    // of their own ORA code; a handler catches an explicit RAISE of one and nothing else.
    static const std::pair<const char*, long> engine_only[] = {
        {"PROGRAM_ERROR", -6501},          {"ROWTYPE_MISMATCH", -6504},  {"ACCESS_INTO_NULL", -6530},
        {"COLLECTION_IS_NULL", -6531},     {"SUBSCRIPT_OUTSIDE_LIMIT", -6532}, {"SUBSCRIPT_BEYOND_COUNT", -6533},
        {"NO_DATA_NEEDED", -6548},         {"SELF_IS_NULL", -30625},     {"NOT_LOGGED_ON", -1012}};
    for (const auto& [name, code] : engine_only)
      if (last == name) {
        std::string state = unmapped_sqlstate(code);
        item(plsql_codes::kBehaviour,
             last + ": " + dialect_name(dialect()) +
                 " never raises it by itself; it is SQLSTATE '" + state + "' here, caught only when the code raises it",
             n.span);
        if (errcode) *errcode = state;
        return "SQLSTATE '" + state + "'";
      }
  }
  {
    // Built-in packages' exceptions that the support functions raise (builtin_support.h).
    std::vector<std::string> path;
    for (const auto& p : n.parts) path.push_back(norm(p));
    if (path.size() == 3 && path[0] == "SYS" && !env_.registry->package("SYS")) path.erase(path.begin());
    static const std::pair<const char*, long> builtin[] = {
        {"DBMS_ASSERT.INVALID_SCHEMA_NAME", -44001}, {"DBMS_ASSERT.INVALID_OBJECT_NAME", -44002},
        {"DBMS_ASSERT.INVALID_SQL_NAME", -44003},    {"DBMS_ASSERT.INVALID_QUALIFIED_SQL_NAME", -44004},
        {"UTL_URL.BAD_URL", -29262}};
    if (path.size() == 2 && dialect() == Dialect::Postgres && !env_.registry->package(path[0]))
      for (const auto& [name, code] : builtin)
        if (path[0] + "." + path[1] == name) {
          if (errcode) *errcode = unmapped_sqlstate(code);
          return "SQLSTATE '" + unmapped_sqlstate(code) + "'";
        }
  }
  if (n.parts.size() == 2)
    if (const PackageDecls* p = env_.registry->package(norm(n.parts[0]))) {
      if (p->exceptions.count(last)) {
        auto code = p->exception_codes.find(last);
        std::string state = code == p->exception_codes.end() ? user_sqlstate(p->name + "." + last)
                            : !sqlstate_of_oracle_code(code->second).empty() ? sqlstate_of_oracle_code(code->second)
                                                                              : unmapped_sqlstate(code->second);
        if (!state.empty()) {
          if (errcode) *errcode = state;
          return "SQLSTATE '" + state + "'";
        }
      }
    }
  item(plsql_codes::kNotConvertible, "exception " + sql::compact_text(n.span) + " is not known here", n.span);
  return "OTHERS";
}

void Lowerer::declare_variable(const ast::PlVariable& v, PgBlock& block) {
  TypeInfo t = resolve_type(v.type);
  std::string name = norm(v.name);
  if (!t.problem.empty()) item(plsql_codes::kNotConvertible, "variable " + name + ": " + t.problem, v.type.span);
  if (t.string_keys) item(plsql_codes::kCollection, "associative array indexed by strings: " + name, v.type.span);
  std::string text = q(name) + (v.constant ? " CONSTANT " : " ") + (t.sql.empty() ? "text" : t.sql);
  if (v.not_null) text += " NOT NULL";
  if (v.default_value) {
    std::string d = expr(*v.default_value);
    if (!(d == "NULL" && !v.not_null)) text += " := " + d;
  } else if (t.shape == Shape::Array) {
    text += " := '{}'";  // Oracle's uninitialised collections raise on use; an empty array keeps COUNT = 0
  } else if (t.shape == Shape::Map) {
    text += " := '{}'::jsonb";  // an empty associative array
  }
  block.decls.push_back({text, v.span});
  if (t.shape == Shape::Cursor) cursor_variable_attributes(name, block, v.span);
  Symbol s;
  s.kind = v.constant ? SymbolKind::Constant : SymbolKind::Variable;
  if (v.constant) s.value = v.default_value.get();
  s.ref = q(name);
  s.type = t;
  scope_.add(name, s);
}

void Lowerer::declare_cursor(const ast::PlCursorDecl& c, PgBlock& block) {
  std::string name = norm(c.name);
  Symbol s;
  s.kind = SymbolKind::Cursor;
  s.ref = q(name);
  s.cursor = &c;
  s.type.shape = Shape::Cursor;
  s.type.sql = "refcursor";
  scope_.add(name, s);
  if (!c.query) return;  // a cursor specification: its body comes later
  std::string params;
  scope_.push();
  for (const auto& p : c.params) {
    TypeInfo t = resolve_type(p.type);
    if (!t.problem.empty()) item(plsql_codes::kNotConvertible, "cursor parameter: " + t.problem, p.type.span);
    params += (params.empty() ? "" : ", ") + q(norm(p.name)) + " " + t.sql;
    Symbol ps;
    ps.kind = SymbolKind::Parameter;
    ps.ref = q(norm(p.name));
    ps.type = t;
    scope_.add(norm(p.name), ps);
    if (p.default_value) item(plsql_codes::kNotConvertible, "cursor parameter default value", p.default_value->span);
  }
  std::string qtext = query(*c.query);
  scope_.pop();
  block.decls.push_back({q(name) + " CURSOR" + (params.empty() ? "" : " (" + params + ")") + " FOR " + qtext, c.span});
  block.decls.push_back({quote_ident(target_name(name) + "%found") + " boolean", c.span});
  block.decls.push_back({quote_ident(target_name(name) + "%rowcount") + " integer := 0", c.span});
  block.decls.push_back({quote_ident(target_name(name) + "%isopen") + " boolean := FALSE", c.span});
}

// A cursor variable's (or parameter's) %FOUND and %ROWCOUNT, kept as an explicit cursor's are:
// set by FETCH, reset by OPEN FOR (%ISOPEN asks the server: cursor_attribute()).
void Lowerer::cursor_variable_attributes(const std::string& name, PgBlock& block, Span span) const {
  block.decls.push_back({quote_ident(target_name(name) + "%found") + " boolean", span});
  block.decls.push_back({quote_ident(target_name(name) + "%rowcount") + " integer := 0", span});
}

bool Lowerer::cursor_variable(const Symbol* s) {
  return s && s->kind != SymbolKind::Cursor && s->type.shape == Shape::Cursor && !s->cursor;
}

std::string Lowerer::unit_name() const { return package_.empty() ? object_.substr(object_.rfind(' ') + 1) : package_; }

std::vector<const ast::PlDecl*> Lowerer::expanded(const std::vector<ast::PlDeclPtr>& decls) const {
  if (env_.cond) return env_.cond->expand(decls, unit_name());
  std::vector<const ast::PlDecl*> out;
  for (const auto& d : decls) out.push_back(d.get());
  return out;
}

void Lowerer::declarations(const std::vector<ast::PlDeclPtr>& decls, PgBlock& block) {
  declarations(expanded(decls), block);
}

void Lowerer::declarations(const std::vector<const ast::PlDecl*>& decls, PgBlock& block) {
  for (const ast::PlDecl* d : decls) {
    switch (d->kind) {
      case ast::PlDeclKind::Variable: declare_variable(static_cast<const ast::PlVariable&>(*d), block); break;
      case ast::PlDeclKind::Exception: {
        auto& e = static_cast<const ast::PlExceptionDecl&>(*d);
        declare_exception(norm(e.name), package_.empty() ? object_ + "." + norm(e.name) : package_ + "." + norm(e.name),
                          e.span);
        break;
      }
      case ast::PlDeclKind::Type:
      case ast::PlDeclKind::Subtype:
        declare_type(*d, package_.empty() ? object_.substr(object_.find(' ') + 1) : package_, true, true);
        break;
      case ast::PlDeclKind::Cursor: declare_cursor(static_cast<const ast::PlCursorDecl&>(*d), block); break;
      case ast::PlDeclKind::Pragma: pragma(static_cast<const ast::PlPragma&>(*d)); break;
      case ast::PlDeclKind::Subprogram: nested_subprogram(static_cast<const ast::PlSubprogramDecl&>(*d).sub); break;
      case ast::PlDeclKind::CondComp: {
        std::string why;
        if (env_.cond) env_.cond->choose(static_cast<const ast::PlCondDecl&>(*d).cc, unit_name(), why);
        item(plsql_codes::kNotConvertible, "conditional compilation ($IF) in declarations: " + why, d->span);
        break;
      }
    }
  }
}

// A package's variables, constants, exceptions and types, visible unqualified in its members.
void Lowerer::add_package_frame(const PackageDecls& p, const ast::CreatePackage* converting) {
  scope_.push(p.name);
  for (const auto* unit : {p.spec, p.body}) {
    if (!unit) continue;
    for (const ast::PlDecl* d : expanded(unit->block.decls)) {
      switch (d->kind) {
        case ast::PlDeclKind::Variable: {
          auto& v = static_cast<const ast::PlVariable&>(*d);
          Symbol s;
          s.kind = v.constant ? SymbolKind::PackageConstant : SymbolKind::PackageVariable;
          if (v.constant) s.value = v.default_value.get();
          s.ref = q(p.name) + "." + q(norm(v.name)) + "()";
          s.setter = q(p.name) + "." + quote_ident(target_name(norm(v.name)) + "$set");
          s.type = resolve_type(v.type);
          scope_.add(norm(v.name), s);
          break;
        }
        case ast::PlDeclKind::Exception: {
          auto& e = static_cast<const ast::PlExceptionDecl&>(*d);
          declare_exception(norm(e.name), p.name + "." + norm(e.name), e.span);
          break;
        }
        case ast::PlDeclKind::Type:
        case ast::PlDeclKind::Subtype: declare_type(*d, p.name, unit == converting, false); break;
        case ast::PlDeclKind::Cursor: {
          auto& c = static_cast<const ast::PlCursorDecl&>(*d);
          Symbol s;
          s.kind = SymbolKind::Cursor;
          s.cursor = &c;
          s.ref = q(norm(c.name));
          scope_.add(norm(c.name), s);
          break;
        }
        case ast::PlDeclKind::Pragma: {
          auto& pr = static_cast<const ast::PlPragma&>(*d);
          if (upper(pr.name.text) == "EXCEPTION_INIT") pragma(pr);
          break;
        }
        default: break;
      }
    }
  }
}

size_t Lowerer::defaults_kept_from(const ast::PlSubprogram& s, const std::vector<RoutineDecl>* overloads) const {
  size_t from = 0;
  for (size_t i = 0; i < s.params.size(); ++i)
    if (!s.params[i].default_value) from = i + 1;
  if (overloads)
    for (const auto& o : *overloads) {
      if (!o.sub || o.sub->params.size() >= s.params.size()) continue;
      // o's parameters are the first of s's, by name: o's calls would reach s through its defaults.
      bool prefix = true;
      for (size_t i = 0; i < o.sub->params.size() && prefix; ++i) prefix = same_name(o.sub->params[i].name, s.params[i].name);
      if (prefix) from = std::max(from, o.sub->params.size() + 1);
    }
  return std::min(from, s.params.size());
}

std::string Lowerer::parameter_list(const ast::PlSubprogram& s, bool for_function, std::string& signature) {
  std::string out;
  // A member method's SELF comes first (a procedure's INOUT, so its changes reach the caller); a
  // constructor's SELF is its result, a local.
  if (!method_type_.empty() && !static_method_ && !constructor_) {
    std::string declared = std::string(for_function ? "" : "INOUT ") + quote_ident("self") + " " + object_type_info(method_type_).sql;
    signature += declared;
    out += declared;
  }
  // PostgreSQL: after a parameter with a default, every parameter needs one; and a default must
  // not let this routine take the calls of an overload with fewer parameters.
  size_t last_plain = 0;
  for (size_t i = 0; i < s.params.size(); ++i)
    if (!s.params[i].default_value) last_plain = i + 1;
  const std::vector<RoutineDecl>* overloads = nullptr;
  if (method_type_.empty()) {
    std::vector<std::string> parts;
    if (!package_.empty() && !nested_routine_) parts.push_back(package_);
    parts.push_back(norm(s.name.name()));
    overloads = routines_for(parts);
  }
  const size_t kept_from = defaults_kept_from(s, overloads);
  params_have_default_ = false;
  for (size_t i = 0; i < s.params.size(); ++i) {
    const auto& p = s.params[i];
    if (!method_type_.empty() && upper(std::string(p.name.text)) == "SELF") continue;  // written above
    std::string mode = upper(p.mode);
    mode.erase(std::remove(mode.begin(), mode.end(), ' '), mode.end());
    TypeInfo t = resolve_type(p.type);
    std::string name = norm(p.name);
    if (!t.problem.empty()) item(plsql_codes::kNotConvertible, "parameter " + name + ": " + t.problem, p.type.span);
    if (t.string_keys) item(plsql_codes::kCollection, "associative array parameter " + name, p.type.span);
    std::string pg_mode = mode == "OUT" ? "OUT " : mode == "INOUT" ? "INOUT " : "";
    if (for_function && !pg_mode.empty())
      item(plsql_codes::kNotConvertible, "OUT parameter " + name + " of a function (PostgreSQL returns OUT values as the result)",
           p.mode_span);
    std::string declared = pg_mode + q(name) + " " + (t.sql.empty() ? "text" : t.sql);
    signature += (out.empty() ? "" : ", ") + declared;
    out += (out.empty() ? "" : ", ") + declared;
    if (p.default_value && !env_.profile->parameter_defaults) {
      item(plsql_codes::kBehaviour,
           "default of parameter " + name + " dropped: " + dialect_name(dialect()) +
               " has no parameter defaults; converted calls that omit it write it, other callers must pass it",
           p.default_value->span);
    } else if (p.default_value) {
      if (i < last_plain)
        item(plsql_codes::kBehaviour, "default of parameter " + name + " dropped: PostgreSQL needs defaults on the last parameters only",
             p.default_value->span);
      else if (i < kept_from)
        item(plsql_codes::kBehaviour,
             "default of parameter " + name +
                 " dropped: with it this routine would also take the calls of an overload with fewer parameters "
                 "(PostgreSQL: not unique); converted calls that omit it write it",
             p.default_value->span);
      else {
        out += " DEFAULT " + expr(*p.default_value);
        params_have_default_ = true;
      }
    }
    Symbol sym;
    sym.kind = SymbolKind::Parameter;
    sym.ref = q(name);
    sym.type = t;
    sym.out_param = !pg_mode.empty();
    scope_.add(name, sym);
  }
  return out;
}

}  // namespace orashift::plsql
