#include "assess/assessment.h"

#include <algorithm>
#include <map>

#include "assess/code_constructs.h"
#include "assess/report_html_parts.h"
#include "assess/summary_report.h"
#include "common/redact.h"

namespace orashift {

namespace {

// Codes that mean "the target has no such thing": an object whose items are all of these is
// not applicable rather than converted.
bool not_applicable_code(std::string_view c) { return c == "OS3001" || c == "OS3003" || c == "OS9003"; }

// Oracle objects with no counterpart on any target (ora2pg scores them 0: "not supported and no
// equivalent"): nothing to convert, nothing to estimate.
bool not_applicable_kind(const std::string& kind) { return kind == "DIMENSION" || kind == "CLUSTER"; }

std::string status_of(const AssessedObject& o, const std::vector<Occurrence>& items) {
  if (not_applicable_kind(o.kind)) return kStatusNotApplicable;
  if (o.items.empty()) return kStatusAuto;
  int worst = -1;
  bool all_na = true;
  for (size_t i : o.items) {
    // A converted code object's constructs (OS50xx) were converted with it: its own items
    // (OS6xxx) say what is left to do.
    if (o.code && !o.converted.empty() && std::string_view(items[i].kind->code).rfind("OS50", 0) == 0) continue;
    worst = std::max(worst, static_cast<int>(items[i].kind->severity));
    all_na = all_na && not_applicable_code(items[i].kind->code);
  }
  if (worst < 0) return kStatusAuto;
  if (all_na) return kStatusNotApplicable;
  // A code object this version did not convert (PL/SQL units; views the rewriter flagged) is
  // manual, whatever the severity of its constructs.
  if (o.code && o.converted.empty()) return kStatusManual;
  if (worst >= static_cast<int>(ItemSeverity::High)) return kStatusManual;
  if (worst >= static_cast<int>(ItemSeverity::Low)) return kStatusWarn;
  return kStatusAuto;
}

uint32_t line_count(Span s) {
  if (!s.file || s.end <= s.begin) return 0;
  return s.file->line_of(s.end > s.begin ? s.end - 1 : s.begin) - s.file->line_of(s.begin) + 1;
}

std::string object_kind(const std::string& stmt_kind) {
  if (stmt_kind == "PL/SQL BLOCK") return "ANONYMOUS BLOCK";
  if (stmt_kind == "CREATE TABLE AS SELECT") return "TABLE";
  if (stmt_kind.rfind("CREATE ", 0) == 0) return stmt_kind.substr(7);
  return {};
}

// Statements that are not objects of the migrated schema (grants, DML, users, …): reported
// as items, not counted as objects. Anonymous blocks are code and are assessed.
bool is_object_statement(const std::string& stmt_kind) {
  // Database-level things, not objects of the migrated schema (the generator's OS9003 list).
  for (const char* n : {"CREATE USER", "CREATE ROLE", "CREATE DIRECTORY", "CREATE CONTEXT", "CREATE DATABASE",
                        "CREATE TABLESPACE", "CREATE PROFILE", "CREATE PUBLIC", "CREATE PLUGGABLE"})
    if (stmt_kind.rfind(n, 0) == 0) return false;
  return stmt_kind == "PL/SQL BLOCK" || stmt_kind.rfind("CREATE ", 0) == 0;
}

AssessedObject object(std::string kind, std::string name, Span span) {
  AssessedObject o;
  o.kind = std::move(kind);
  o.name = std::move(name);
  o.span = span;
  return o;
}

struct SpanKey {
  const SourceFile* f;
  uint32_t b;
  bool operator<(const SpanKey& o) const { return f != o.f ? f < o.f : b < o.b; }
};

}  // namespace

size_t Assessment::count(const std::string& status) const {
  size_t n = 0;
  for (const auto& o : objects) n += o.status == status;
  return n;
}

std::map<std::string, size_t> Assessment::by_severity() const {
  std::map<std::string, size_t> m;
  for (const auto& i : items) ++m[item_severity_name(i.kind->severity)];
  return m;
}

Assessment build_assessment(const RunSummary& s) {
  Assessment a;
  a.name = s.name;
  a.command = s.command;
  a.source = s.source;
  a.target = s.target;
  a.dialect = s.schema ? dialect_name(s.schema->dialect) : s.target;
  a.model = s.effort ? *s.effort : EffortModel::defaults();
  const EffortModel& m = a.model;

  std::map<std::string, size_t> by_name;  // "TABLE X" → object
  std::map<SpanKey, size_t> by_span;
  auto add_object = [&](AssessedObject o) {
    o.lines = line_count(o.span);
    o.kb = (o.span.end - o.span.begin) / 1024.0;
    o.code = m.is_code_kind(o.kind);
    size_t idx = a.objects.size();
    by_name.emplace(o.display(), idx);
    if (o.span.file) by_span.emplace(SpanKey{o.span.file, o.span.begin}, idx);
    a.objects.push_back(std::move(o));
    return idx;
  };

  if (s.catalog) {
    for (const auto& t : s.catalog->tables) add_object(object("TABLE", t.name, t.span));
    for (const auto& i : s.catalog->indexes) add_object(object("INDEX", i.name, i.span));
    for (const auto& q : s.catalog->sequences) add_object(object("SEQUENCE", q.name, q.span));
    // Public synonyms are database-level, as before they were modelled (is_object_statement).
    for (const auto& y : s.catalog->synonyms)
      if (!y.is_public) add_object(object("SYNONYM", y.name, y.span));
    for (const auto& u : s.catalog->unmodelled) {
      if (!is_object_statement(u.kind)) continue;
      std::string kind = object_kind(u.kind);
      std::string name = u.kind == "PL/SQL BLOCK" ? "" : created_name(u.span, u.kind);
      if (name.empty()) name = u.span.file ? "at " + short_location(u.span) : "?";
      add_object(object(kind, name, u.span));
    }
  }
  // The converted text is shown in the reports: a password the program writes into a dynamic
  // statement (EXECUTE 'ALTER USER u IDENTIFIED BY x') is masked there, kept in the code files.
  if (s.schema)
    for (const auto& c : s.schema->objects) {
      if (!c.flagged_code.empty()) continue;  // kept commented out in the script: not converted
      if (!c.unit.empty()) {  // a code object: credited to the PL/SQL unit it came from
        auto it = by_name.find(c.unit);
        if (it != by_name.end()) a.objects[it->second].converted += redact_passwords(c.sql);
        continue;
      }
      bool view = c.kind == "VIEW" || c.kind == "MATERIALIZED VIEW";
      std::string key = c.kind == "INDEX" || c.kind == "SEQUENCE" || view ? c.kind + " " + c.name : "TABLE " + c.table;
      auto it = by_name.find(key);
      if (it == by_name.end() && c.kind == "VIEW") it = by_name.find("SYNONYM " + c.name);  // a synonym's view
      if (it != by_name.end()) a.objects[it->second].converted += redact_passwords(c.sql);
    }

  auto hours_of = [&](const ActionItemKind* k) {
    auto it = m.item_hours.find(k->code);
    if (it != m.item_hours.end()) return it->second;
    auto cu = m.construct_units.find(k->code);
    if (cu != m.construct_units.end()) return m.units_to_hours(cu->second, a.dialect);
    return k->effort_hours;
  };
  // `idx` when the caller knows the object; otherwise by name, then (items of unmodelled
  // statements name only the statement kind) by the statement's span.
  auto attach = [&](Occurrence o, int idx = -1) {
    if (idx < 0) {
      auto it = by_name.find(o.object);
      if (it != by_name.end()) idx = static_cast<int>(it->second);
    }
    if (idx < 0 && o.span.file) {
      auto sp = by_span.find(SpanKey{o.span.file, o.span.begin});
      if (sp != by_span.end() && a.objects[sp->second].kind == object_kind(o.object)) idx = static_cast<int>(sp->second);
    }
    if (idx >= 0) {
      o.object_index = idx;
      o.object = a.objects[idx].display();
      a.objects[idx].items.push_back(a.items.size());
    }
    a.items.push_back(std::move(o));
  };

  if (s.items)
    for (const auto& i : s.items->items()) {
      if (i.kind->code == std::string_view("OS9002")) {
        // A statement that did not parse is an object of its own: someone has to look at it.
        AssessedObject o = object("UNPARSED STATEMENT", "at " + short_location(i.span), i.span);
        size_t idx = add_object(std::move(o));
        attach({i.kind, a.objects[idx].display(), i.message, i.span, hours_of(i.kind)}, static_cast<int>(idx));
        continue;
      }
      attach({i.kind, i.object, i.message, i.span, hours_of(i.kind)});
    }

  // An index on a table that was not converted (a materialized view, a CREATE TABLE AS SELECT)
  // was not converted either; say so instead of counting it as converted.
  for (size_t i = 0; i < a.objects.size(); ++i) {
    AssessedObject& o = a.objects[i];
    if (o.kind != "INDEX" || !o.items.empty() || !o.converted.empty() || !s.catalog) continue;
    std::string table;
    for (const auto& ix : s.catalog->indexes)
      if (ix.name == o.name && ix.span.begin == o.span.begin) table = ix.table;
    if (table.empty() || s.catalog->find_table(table)) continue;
    const ActionItemKind* k = find_action_item_kind("OS9001");
    attach({k, o.display(), "index on " + table + ", which is not converted (not a table the scripts create)", o.span,
            hours_of(k)},
           static_cast<int>(i));
  }
  for (auto& it : a.items)
    if (it.object_index >= 0 && not_applicable_kind(a.objects[it.object_index].kind)) it.hours = 0;

  // Code objects: constructs from their tokens, effort from the model. The OS9001 occurrence
  // of a code object carries the object's own units (kind + size + tests); each construct
  // carries its own, so the total is the sum of the occurrences.
  std::vector<size_t> scan;
  for (size_t i = 0; i < a.objects.size(); ++i)
    if (a.objects[i].code || a.objects[i].kind == "TABLE") scan.push_back(i);
  for (size_t idx : scan) {
    AssessedObject& o = a.objects[idx];
    for (const ConstructHit& h : find_constructs(o.span)) {
      if (!o.code && h.code != std::string_view("OS5011")) continue;  // tables: only GTTs
      ++a.objects[idx].constructs[h.name];
      const ActionItemKind* k = find_action_item_kind(h.code);
      bool converted_unit = o.code && !o.converted.empty() && o.kind != "VIEW" && o.kind != "MATERIALIZED VIEW";
      attach({k, a.objects[idx].display(), h.name, h.span, converted_unit ? 0.0 : hours_of(k)}, static_cast<int>(idx));
    }
    AssessedObject& ob = a.objects[idx];
    if (!ob.code) continue;
    auto ku = m.kind_units.find(ob.kind);
    double units = (ku == m.kind_units.end() ? 1.0 : ku->second) + ob.kb * 1024 / 1000.0 * m.units_per_kb;
    units += (ob.kind == "VIEW" || ob.kind == "MATERIALIZED VIEW" || ob.kind == "ANONYMOUS BLOCK") ? m.test_units_query
                                                                                                   : m.test_units_code;
    ob.units = units;
    for (size_t i : ob.items)
      if (a.items[i].kind->code == std::string_view("OS9001") && !m.item_hours.count("OS9001"))
        a.items[i].hours = m.units_to_hours(units, a.dialect);
  }

  for (auto& o : a.objects) {
    o.status = status_of(o, a.items);
    o.hours = 0;
    for (size_t i : o.items) o.hours += a.items[i].hours;
  }
  for (const auto& i : a.items) a.hours += i.hours;

  size_t storage = 0, storage_auto = 0, code = 0, code_auto = 0;
  bool functions = false, triggers_views = false, rewrite = false, fn_rewrite = false;
  for (const auto& o : a.objects) {
    if (o.status == kStatusNotApplicable) continue;
    bool automatic = o.status == kStatusAuto || o.status == kStatusWarn;
    (o.code ? code : storage)++;
    if (automatic) (o.code ? code_auto : storage_auto)++;
    bool fn = o.code && o.kind != "VIEW" && o.kind != "MATERIALIZED VIEW" && o.kind != "TRIGGER" &&
              o.kind != "ANONYMOUS BLOCK";
    functions = functions || fn;
    triggers_views = triggers_views || (o.code && !fn);
    if (o.status == kStatusManual) {
      rewrite = true;
      fn_rewrite = fn_rewrite || fn || o.kind == "TRIGGER";
    }
  }
  if (storage) a.auto_share_storage = double(storage_auto) / storage;
  if (code) a.auto_share_code = double(code_auto) / code;
  // ora2pg's technical levels, read for a conversion tool: 1 no code, nothing to rewrite;
  // 2 triggers/views only, nothing to rewrite; 3 stored code, nothing to rewrite; 4 rewriting,
  // but no stored code needs it; 5 stored code to rewrite.
  a.difficulty = fn_rewrite ? 5 : rewrite ? 4 : functions ? 3 : triggers_views ? 2 : 1;
  double manual_days = 0;
  for (const auto& o : a.objects)
    if (o.status == kStatusManual) manual_days += o.hours / m.hours_per_day;
  a.level = !rewrite ? 'A' : manual_days <= m.level_b_max_days ? 'B' : 'C';
  return a;
}

}  // namespace orashift
