// `oracle-files:DIR`: the catalog from DIR's DDL scripts, the rows from its SQL*Loader files,
// its TABLE.csv files and the INSERT statements of its scripts.
// Every control/data pair, CSV file and table with INSERTs becomes a LoadUnit; a unit that cannot be loaded (data file absent,
// control file with errors, table not in the DDL) is still listed, with `missing` and the
// reason, so the load summary accounts for it instead of silently dropping it.
#include "endpoints/oracle_files/oracle_files_source.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "endpoints/oracle_files/data_reader.h"
#include "endpoints/oracle_files/insert_reader.h"
#include "endpoints/oracle_files/line_ranges.h"
#include "endpoints/oracle_files/load_pairing.h"
#include "endpoints/oracle_files/script_graph.h"
#include "sql/sqlplus_path.h"

namespace orashift {

namespace fs = std::filesystem;

namespace {

// True when the file has CREATE [GLOBAL TEMPORARY] TABLE, in any case and spacing. Read in
// blocks with the last words carried over, so a large INSERT script costs no memory here.
bool creates_table(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string w[4], word;
  char buf[1 << 16];
  auto end_word = [&] {
    if (word.empty()) return false;
    for (int k = 0; k < 3; ++k) w[k] = std::move(w[k + 1]);
    w[3] = std::move(word);
    word.clear();
    return w[3] == "TABLE" && (w[2] == "CREATE" || (w[2] == "TEMPORARY" && w[1] == "GLOBAL" && w[0] == "CREATE"));
  };
  while (in) {
    in.read(buf, sizeof buf);
    std::streamsize n = in.gcount();
    for (std::streamsize i = 0; i < n; ++i) {
      unsigned char c = static_cast<unsigned char>(buf[i]);
      if (std::isalnum(c) || (c == '_' && !word.empty())) {
        if (word.size() < 16) word.push_back(static_cast<char>(std::toupper(c)));
      } else if (end_word()) {
        return true;
      }
    }
  }
  return end_word();
}

// The column whose NESTED TABLE ... STORE AS clause names `storage` ("" when none does): the
// clause is kept as written in the table's physical SQL.
std::string nested_table_column(const Table& t, const std::string& storage) {
  std::vector<std::string> words;
  std::string w;
  for (char ch : t.physical_sql + " ") {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '_' || c == '$' || c == '#' || c == '"') {
      w.push_back(static_cast<char>(std::toupper(c)));
    } else if (!w.empty()) {
      words.push_back(w);
      w.clear();
    }
  }
  auto bare = [](std::string s) {
    s.erase(std::remove(s.begin(), s.end(), '"'), s.end());
    return s;
  };
  std::string up = storage;
  for (char& c : up) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (size_t i = 0; i + 5 < words.size(); ++i)
    if (words[i] == "NESTED" && words[i + 1] == "TABLE" && words[i + 3] == "STORE" && words[i + 4] == "AS" &&
        bare(words[i + 5]) == up)
      return bare(words[i + 2]);
  return "";
}

class NullSink : public RejectSink {
public:
  void reject(Reject) override {}
};

}  // namespace

// Where a unit's rows come from.
enum class UnitKind { Loader, Csv, Inserts, None };
constexpr const char* kInsertControl = "INSERT statements";

struct OracleFilesSource::Impl {
  OracleFilesOptions options;
  std::vector<UnitKind> unit_kinds;   // parallel to units
  std::vector<std::string> insert_scripts;  // scripts read for INSERTs, in run order
  std::map<std::string, std::string> ddl_schemas;  // per DDL script: the schema SQL*Plus starts it in
  InsertScan inserts;
  DdlLoad ddl;
  Diagnostics diags;
  Pairing pairing;
  std::vector<LoadUnit> units;
  std::vector<const LoadPair*> unit_pairs;
  std::vector<std::unique_ptr<SourceFile>> notes_files;  // spans of pairing notes point here

  // The DDL scripts: those the installer's main script runs, in the order it runs them, when
  // the folder has one (whatever the called files' extensions: .tab, .vw, .pkb, …); otherwise
  // every *.sql file that creates a table, by name, with the folder's other code files
  // (.seq .tab .con .ind .vw .pks .pkb .trg …) in install order. A main script is one that runs
  // others and that nothing runs; only mains that reach a CREATE TABLE count (sh_main.sql, not
  // the optional OLAP scripts beside it). Loader scripts are data, not DDL.
  void discover_ddl() {
    if (!options.ddl_files.empty()) {
      insert_scripts = options.ddl_files;
      return;
    }
    std::vector<std::string> found;
    ScriptGraph graph = build_script_graph(options.dir);
    std::vector<std::string> roots;
    for (const auto& m : graph.mains())
      for (const auto& s : graph.reachable_from({m}))
        if (creates_table(fs::path(options.dir) / s)) {
          roots.push_back(m);
          break;
        }
    std::vector<std::string> reached = graph.reachable_from(roots);
    if (!reached.empty()) {
      std::string mains;
      for (const auto& m : roots) mains += (mains.empty() ? "" : ", ") + m;
      std::map<std::string, std::string> schemas = graph.start_schemas(roots);
      for (const auto& s : reached) {
        std::string path = (fs::path(options.dir) / s).string();
        if (std::find(pairing.loader_scripts.begin(), pairing.loader_scripts.end(), path) == pairing.loader_scripts.end()) {
          found.push_back(path);
          ddl_schemas[path] = schemas[s];
        }
      }
      std::set<std::string> in_install(reached.begin(), reached.end());
      for (const auto& u : graph.unresolved)
        if (in_install.count(u.script))
          diags.add({Severity::Warning, "LDR017",
                     "line " + std::to_string(u.line) + ": the script it runs (" + u.name +
                         ") is not in the folder; its statements are not read",
                     file_span((fs::path(options.dir) / u.script).string())});
      for (const auto& s : graph.scripts)
        if (!in_install.count(s) && creates_table(fs::path(options.dir) / s))
          diags.add({Severity::Note, "LDR012", "not read: DDL script not run by the main script " + mains,
                     file_span((fs::path(options.dir) / s).string())});
      options.ddl_files = std::move(found);
      insert_scripts = options.ddl_files;  // the installer's scripts, in the order it runs them
      return;
    }
    std::error_code ec;
    std::vector<std::string> all_sql;
    std::vector<fs::path> other_code;  // .tab .vw .pkb …: install files without a main script
    for (const auto& e : fs::directory_iterator(options.dir, ec)) {
      if (!e.is_regular_file(ec)) continue;
      std::string ext = e.path().extension().string();
      for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (ext != ".sql") {
        if (sql::is_code_file(e.path())) other_code.push_back(e.path());
        continue;
      }
      std::string path = e.path().string();
      if (std::find(pairing.loader_scripts.begin(), pairing.loader_scripts.end(), path) != pairing.loader_scripts.end()) continue;
      all_sql.push_back(path);
      if (creates_table(e.path())) found.push_back(path);
    }
    std::sort(found.begin(), found.end());
    std::sort(all_sql.begin(), all_sql.end());
    if (!other_code.empty()) {
      for (const auto& f : found) other_code.emplace_back(f);
      sort_install_order(other_code);
      found.clear();
      for (const auto& p : other_code) found.push_back(p.string());
      all_sql = found;
    }
    if (found.empty()) {
      // A code repository: packages in subfolders, and the rows it ships there too (oos-utils'
      // data/oos_util_values.sql fills the table source/tables/ creates). Its scripts are read
      // for INSERTs by path, but not those of test, example, demo and build folders: fixtures and
      // demo rows are not the application's data, and a build folder's concatenated install
      // script repeats the rows of the scripts it was made from.
      found = code_files_below(options.dir);
      all_sql.clear();
      for (const auto& f : found)
        if (!in_non_data_folder(options.dir, f) &&
            std::find(pairing.loader_scripts.begin(), pairing.loader_scripts.end(), f) == pairing.loader_scripts.end())
          all_sql.push_back(f);
    }
    options.ddl_files = std::move(found);
    insert_scripts = std::move(all_sql);  // no installer: every script, by name
  }

  // True when `file` lies below a test, example, demo or build folder of `dir`.
  static bool in_non_data_folder(const std::string& dir, const std::string& file) {
    static const std::set<std::string> names = {"test", "tests", "example", "examples", "demo", "demos", "build", "dist"};
    fs::path rel = fs::path(file).lexically_relative(dir).parent_path();
    for (const auto& part : rel) {
      std::string p = part.string();
      for (char& c : p) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (names.count(p)) return true;
    }
    return false;
  }

  // By kind of file as an install runs them (sequences, tables, constraints, indexes, types,
  // views, specs, bodies, triggers; sql/sqlplus_path.h), then by path.
  static void sort_install_order(std::vector<fs::path>& files) {
    std::stable_sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) {
      int ra = sql::code_file_extension_rank(a), rb = sql::code_file_extension_rank(b);
      return ra != rb ? ra < rb : a < b;
    });
  }

  // Every script and PL/SQL source file below `dir`, in install order: code repositories keep
  // their packages, types and triggers in subfolders and have no table-creating main script.
  static std::vector<std::string> code_files_below(const std::string& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
      if (it->is_regular_file(ec) && sql::is_code_file(it->path())) files.push_back(it->path());
    std::sort(files.begin(), files.end());
    std::vector<std::string> out;
    for (const auto& f : files) out.push_back(f.string());
    return out;
  }

  Span file_span(const std::string& path) {
    notes_files.push_back(std::make_unique<SourceFile>(path, ""));
    return Span{notes_files.back().get(), 0, 0};
  }

  void build_units() {
    for (const auto& s : pairing.skipped) diags.add({Severity::Note, "LDR010", "not loaded: " + s.reason, file_span(s.path)});
    for (const auto& w : pairing.warnings) diags.add({Severity::Warning, "LDR011", w, file_span(options.dir)});
    for (const LoadPair& p : pairing.pairs) {
      const ControlFile& ctl = *p.ctl;
      // One unit per INTO TABLE clause: each reads the whole data file and keeps its records.
      size_t clauses = std::max<size_t>(1, ctl.tables.size());
      for (size_t k = 0; k < clauses; ++k) {
        LoadUnit u;
        u.control = p.control;
        u.data = p.data;
        u.missing = p.missing;
        u.missing_reason = p.missing_reason;
        u.clause = k;
        if (k < ctl.tables.size()) u.table = ctl.tables[k].name;
        u.label = (u.table.empty() ? fs::path(p.control).filename().string() : u.table) + " (" +
                  fs::path(p.data).filename().string() + (clauses > 1 ? ", INTO TABLE " + std::to_string(k + 1) : "") + ")";
        if (!u.missing) check(p, u);
        add_unit(std::move(u), &p, UnitKind::Loader);
      }
    }
    if (!options.schema_only) {
      add_csv_units();
      add_insert_units();
    }
    // A table with no data at all is listed too: the summary must say why it stays empty.
    for (const auto& t : ddl.catalog.tables) {
      bool loaded = std::any_of(units.begin(), units.end(), [&](const LoadUnit& u) { return u.table == t.name; });
      if (loaded) continue;
      LoadUnit u;
      u.table = t.name;
      u.label = t.name + " (no data file)";
      u.missing = true;
      u.missing_reason = "no SQL*Loader control file, TABLE.csv file or INSERT statement in the folder loads this table";
      add_unit(std::move(u), nullptr, UnitKind::None);
    }
  }

  void add_unit(LoadUnit u, const LoadPair* pair, UnitKind kind) {
    units.push_back(std::move(u));
    unit_pairs.push_back(pair);
    unit_kinds.push_back(kind);
  }

  // TABLE.csv files that no control file already loads; the header must fit the table.
  void add_csv_units() {
    std::vector<fs::path> csvs;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(options.dir, ec)) {
      if (!e.is_regular_file(ec)) continue;
      std::string ext = e.path().extension().string();
      for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (ext != ".csv") continue;
      bool paired = std::any_of(pairing.pairs.begin(), pairing.pairs.end(), [&](const LoadPair& p) {
        return fs::path(p.data).filename() == e.path().filename();
      });
      if (!paired) csvs.push_back(e.path());
    }
    std::sort(csvs.begin(), csvs.end());
    for (const auto& path : csvs) {
      std::string name = path.filename().string(), error;
      std::string table = csv_table_for(name, ddl.catalog, error);
      if (table.empty()) {
        diags.add({error.empty() ? Severity::Note : Severity::Error, "LDR013",
                   error.empty() ? "not loaded: no table named " + path.stem().string() + " (any case) is created by the DDL scripts" : error,
                   file_span(path.string())});
        continue;
      }
      LoadUnit u;
      u.table = table;
      u.label = table + " (" + name + ")";
      u.data = path.string();
      NullSink sink;
      const Table* t = ddl.catalog.find_table(table);
      if (!CsvReader::create(u.data, *t, load_columns_for(*t), options.csv, sink, error)) {
        u.missing = true;
        u.missing_reason = error;
        diags.add({Severity::Error, "LDR014", error, file_span(path.string())});
      }
      add_unit(std::move(u), nullptr, UnitKind::Csv);
    }
  }

  // One unit per table that the scripts INSERT into, reading every script in run order.
  void add_insert_units() {
    inserts = scan_insert_scripts(insert_scripts);
    for (const auto& e : inserts.errors) diags.add({Severity::Error, "LDR015", e, file_span(options.dir)});
    size_t shown = 0;
    for (const auto& d : inserts.other_dml)
      if (shown++ < 10)
        diags.add({Severity::Warning, "LDR016", "not applied to the loaded data: " + d +
                   " (only INSERT statements of the scripts become rows)", file_span(options.dir)});
    std::string sources;
    for (const auto& s : inserts.scripts_with_rows) sources += (sources.empty() ? "" : ", ") + s;
    for (const auto& [table, rows] : inserts.rows) {
      if (!ddl.catalog.find_table(table)) {
        diags.add({Severity::Warning, "LDR015", std::to_string(rows) + " INSERT row(s) into " + table +
                   ", a table the DDL scripts do not create, are not loaded", file_span(options.dir)});
        continue;
      }
      LoadUnit u;
      u.table = table;
      u.label = table + " (INSERT statements)";
      u.control = kInsertControl;
      u.data = sources;
      const Table& t = *ddl.catalog.find_table(table);
      if (!t.of_type.empty() || t.columns.empty()) {  // CREATE TABLE t OF object_type: not converted (OS2012)
        u.missing = true;
        u.missing_reason = std::to_string(rows) + " INSERT row(s) not loaded: " + table + " is an object table (OF " +
                           t.of_type + "), which orashift does not convert";
      } else if (t.global_temporary) {  // its rows end with the session that inserted them
        u.missing = true;
        u.missing_reason = std::to_string(rows) + " INSERT row(s) not loaded: " + table +
                           " is a global temporary table; its rows do not outlive the installing session";
      }
      add_unit(std::move(u), nullptr, UnitKind::Inserts);
    }
  }

  // A pair whose control file does not fit the catalog is listed but not loaded. Warnings (a
  // field whose column stays NULL) are reported once, with the unit that loads the clause.
  void check(const LoadPair& p, LoadUnit& u) {
    const ControlFile& ctl = *p.ctl;
    Diagnostics local;
    const Table* table = u.table.empty() ? nullptr : ddl.catalog.find_table(u.table);
    if (!ctl.ok() || ctl.tables.empty()) {
      if (u.clause == 0)
        for (const auto& d : ctl.diagnostics.items()) local.add(d);
      else
        local.error("LDR006", "control file has errors (reported with its first INTO TABLE clause)", ctl.tables[u.clause].span);
    } else if (!table) {
      const IntoTable& into = ctl.tables[u.clause];
      std::string why = "table " + u.table + " is not created by the DDL scripts";
      for (const auto& t : ddl.catalog.tables)  // a nested table's storage table is not a table here
        if (std::string col = nested_table_column(t, u.table); !col.empty())
          why = "table " + u.table + " is the storage table of nested table column " + t.name + "." + col +
                ", which the target holds as text (OS1007): its rows have no table to go to";
      local.error("LDR008", why, into.span);
    } else {
      NullSink sink;
      DataSource probe;
      probe.path = p.data;
      probe.text = std::string();
      DelimitedReader::create(ctl, *table, load_columns_for(*table), probe, sink, local, u.clause);
    }
    const Diagnostic* first = nullptr;
    for (const auto& d : local.items()) {
      if (u.clause > 0 && d.span.file == ctl.source.get() && d.severity != Severity::Error &&
          d.span.begin < ctl.tables[u.clause].span.begin)
        continue;  // the control file's own warnings were reported with its first clause
      if (d.severity == Severity::Error && !options.loading) {
        // convert / assess: a data file that cannot be loaded does not fail a schema command.
        Diagnostic w = d;
        w.severity = Severity::Warning;
        w.message = "control file cannot be loaded: " + w.message;
        diags.add(w);
      } else {
        diags.add(d);
      }
      if (!first && d.severity == Severity::Error) first = &d;
    }
    if (!first) return;
    u.missing = true;
    u.missing_reason = "control file has errors: " + first->span.location() + ": " + first->message;
  }
};

OracleFilesSource::OracleFilesSource(OracleFilesOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->pairing = pair_load_files(impl_->options.dir);
  impl_->discover_ddl();
  std::vector<DdlScript> scripts;
  for (const auto& f : impl_->options.ddl_files) scripts.push_back({f, impl_->ddl_schemas[f]});
  impl_->ddl = load_ddl(scripts);
  for (const auto& d : impl_->ddl.diagnostics.items()) impl_->diags.add(d);
  impl_->build_units();
}

OracleFilesSource::OracleFilesSource(OracleFilesOptions options, Catalog catalog) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->pairing = pair_load_files(impl_->options.dir);
  impl_->ddl.catalog = std::move(catalog);
  impl_->build_units();
}

OracleFilesSource::~OracleFilesSource() = default;

std::string OracleFilesSource::describe() const { return "oracle-files:" + impl_->options.dir; }
const Catalog& OracleFilesSource::catalog() const { return impl_->ddl.catalog; }
const Diagnostics& OracleFilesSource::diagnostics() const { return impl_->diags; }
std::vector<LoadUnit> OracleFilesSource::units() const { return impl_->units; }
const DdlLoad& OracleFilesSource::ddl() const { return impl_->ddl; }

std::string OracleFilesSource::inventory() const {
  const Impl& m = *impl_;
  std::map<std::string, size_t> by_ext;
  size_t files = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(m.options.dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    ++files;
    std::string ext = it->path().extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    ++by_ext[ext.empty() ? "(no extension)" : ext];
  }
  std::string out =
      "looked for: tables created by the DDL scripts — those a main script (a *.sql running others with @, @@ or "
      "START) runs, whatever their extension, else the folder's *.sql and code files (.tab .seq .con .ind .vw .pks "
      ".pkb …) — and rows in SQL*Loader control files (.ctl), TABLE.csv files and INSERT statements\n";
  if (!fs::is_directory(m.options.dir, ec)) return out + "found: " + m.options.dir + " is not a directory\n";
  out += "found: " + std::to_string(files) + " file(s)";
  std::vector<std::pair<size_t, std::string>> exts;
  for (const auto& [e, n] : by_ext) exts.push_back({n, e});
  std::sort(exts.begin(), exts.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  for (size_t i = 0; i < exts.size() && i < 8; ++i) out += (i ? ", " : " (") + std::to_string(exts[i].first) + " " + exts[i].second;
  if (!exts.empty()) out += exts.size() > 8 ? ", …)" : ")";
  out += "\n";
  out += "scripts read: " + std::to_string(m.options.ddl_files.size());
  for (size_t i = 0; i < m.options.ddl_files.size() && i < 5; ++i)
    out += (i ? ", " : " (") + fs::path(m.options.ddl_files[i]).lexically_relative(m.options.dir).generic_string();
  if (!m.options.ddl_files.empty()) out += m.options.ddl_files.size() > 5 ? ", …)" : ")";
  out += ", " + std::to_string(m.ddl.statements) + " statement(s), " + std::to_string(m.ddl.statements_failed) +
         " not parsed, 0 CREATE TABLE\n";
  for (const auto& d : m.diags.items())
    if (d.code == "LDR017") out += "not found: " + d.render();
  return out;
}

std::map<std::string, uint64_t> OracleFilesSource::row_estimates() const {
  constexpr size_t kSample = 1 << 20;
  std::map<std::string, uint64_t> out;
  for (size_t i = 0; i < impl_->units.size(); ++i) {
    const LoadUnit& u = impl_->units[i];
    if (u.missing || u.data.empty()) continue;
    if (impl_->unit_kinds[i] == UnitKind::Inserts) {
      out[u.table] += impl_->inserts.rows.at(u.table);
      continue;
    }
    std::error_code ec;
    uint64_t size = fs::file_size(u.data, ec);
    if (ec) continue;
    std::ifstream in(u.data, std::ios::binary);
    std::string buf(std::min<uint64_t>(size, kSample), '\0');
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    buf.resize(static_cast<size_t>(in.gcount()));
    uint64_t lines = static_cast<uint64_t>(std::count(buf.begin(), buf.end(), '\n'));
    if (!buf.empty() && buf.back() != '\n' && buf.size() == size) ++lines;
    if (buf.size() < size && !buf.empty()) lines = lines * size / buf.size();
    if (impl_->unit_kinds[i] == UnitKind::Csv && lines > 0) --lines;  // the header
    out[u.table] += lines;
  }
  return out;
}

std::unique_ptr<TableReader> OracleFilesSource::open(const LoadUnit& unit, const std::vector<LoadColumn>& columns,
                                                     RejectSink& rejects) const {
  const LoadPair* pair = nullptr;
  UnitKind kind = UnitKind::None;
  for (size_t i = 0; i < impl_->units.size(); ++i)
    if (impl_->units[i].control == unit.control && impl_->units[i].data == unit.data &&
        impl_->units[i].table == unit.table && impl_->units[i].clause == unit.clause) {
      if (impl_->units[i].missing) throw std::runtime_error(unit.label + ": " + impl_->units[i].missing_reason);
      pair = impl_->unit_pairs[i];
      kind = impl_->unit_kinds[i];
    }
  const Table* table = impl_->ddl.catalog.find_table(unit.table);
  if (!table) throw std::runtime_error("oracle-files: table " + unit.table + " is not in the catalog");
  if (kind == UnitKind::Csv) {
    std::string error;
    auto reader = CsvReader::create(unit.data, *table, columns, impl_->options.csv, rejects, error);
    if (!reader) throw std::runtime_error(error);
    return reader;
  }
  if (kind == UnitKind::Inserts)
    return std::make_unique<InsertReader>(impl_->inserts.scripts_with_rows, impl_->ddl.catalog, *table, columns, rejects);
  if (!pair) throw std::runtime_error("oracle-files: unknown load unit " + unit.label);
  const ControlFile& ctl = *pair->ctl;
  DataSource src;
  src.path = pair->data;
  if (pair->data == pair->control && ctl.begin_data_offset) {
    src.text = ctl.source->text();
    src.offset = *ctl.begin_data_offset;
    src.first_line = ctl.begin_data_line;
  }
  for (size_t i = 0; i < impl_->units.size(); ++i)  // the clauses of the same file that cannot load
    if (impl_->unit_pairs[i] == pair) {
      const LoadUnit& other = impl_->units[i];
      if (src.clause_not_loaded.size() <= other.clause) src.clause_not_loaded.resize(other.clause + 1);
      if (other.missing) src.clause_not_loaded[other.clause] = other.missing_reason;
    }
  if (unit.range_end) {  // a piece of the file (split_unit)
    src.offset = unit.range_begin;
    src.end = unit.range_end;
    src.first_line = unit.range_first_line;
  }
  Diagnostics local;
  auto reader = DelimitedReader::create(ctl, *table, columns, std::move(src), rejects, local, unit.clause);
  if (!reader) {
    std::string msg;
    for (const auto& d : local.items()) msg += d.render();
    throw std::runtime_error(msg);
  }
  return reader;
}

std::vector<LoadUnit> OracleFilesSource::split_unit(const LoadUnit& unit, size_t min_pieces, uint64_t min_piece_bytes,
                                                   uint64_t piece_bytes) const {
  if (unit.missing || unit.range_end) return {unit};
  const LoadPair* pair = nullptr;
  for (size_t i = 0; i < impl_->units.size(); ++i)
    if (impl_->unit_kinds[i] == UnitKind::Loader && impl_->units[i].control == unit.control &&
        impl_->units[i].data == unit.data && impl_->units[i].table == unit.table && impl_->units[i].clause == unit.clause)
      pair = impl_->unit_pairs[i];
  if (!pair || pair->data == pair->control || pair->ctl->tables.empty()) return {unit};
  const ControlFile& ctl = *pair->ctl;
  // Logical records of several lines could straddle a cut: one range, as Oracle reads it.
  if (ctl.continuation || ctl.skip) return {unit};
  for (const IntoTable& into : ctl.tables) {  // every clause routes the records: none may number them
    if (into.skip) return {unit};
    for (const CtlField& f : into.fields)
      if (f.type == CtlFieldType::Recnum || f.type == CtlFieldType::Sequence) return {unit};
  }
  std::error_code ec;
  uint64_t size = fs::file_size(pair->data, ec);
  if (ec || min_piece_bytes == 0 || size < 2 * min_piece_bytes) return {unit};
  uint64_t pieces = std::max<uint64_t>(min_pieces, piece_bytes ? (size + piece_bytes - 1) / piece_bytes : 1);
  pieces = std::min<uint64_t>(pieces, size / min_piece_bytes);
  std::string error;
  std::vector<LineRange> ranges = line_aligned_ranges(pair->data, static_cast<size_t>(pieces), error);
  if (ranges.size() < 2) return {unit};
  std::vector<LoadUnit> out;
  for (size_t k = 0; k < ranges.size(); ++k) {
    LoadUnit u = unit;
    u.range_begin = ranges[k].begin;
    u.range_end = ranges[k].end;
    u.range_first_line = ranges[k].first_line;
    // Stable across runs of one task (the same file gives the same cuts): resume state per piece.
    u.segment = unit.data + " [lines from " + std::to_string(ranges[k].first_line) + "]";
    u.label = unit.label + " [part " + std::to_string(k + 1) + "/" + std::to_string(ranges.size()) + "]";
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace orashift
