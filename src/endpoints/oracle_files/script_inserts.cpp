#include "endpoints/oracle_files/script_inserts.h"

#include <algorithm>
#include <cctype>

#include "catalog/catalog.h"
#include "sql/parser.h"

namespace orashift {

namespace {

using sql::Kw;
using sql::Token;
using sql::TokenKind;

bool word_is(const Token& t, std::string_view w) {
  if (t.kind != TokenKind::Identifier || t.text.size() != w.size()) return false;
  for (size_t i = 0; i < w.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(t.text[i])) != w[i]) return false;
  return true;
}

// Words after which a PL/SQL statement may start.
bool statement_start(std::span<const Token> toks, size_t i) {
  if (i == 0) return true;
  const Token& p = toks[i - 1];
  return p.kind == TokenKind::Semicolon || p.kind == TokenKind::RLabel || p.kw == Kw::BEGIN || p.kw == Kw::THEN ||
         p.kw == Kw::ELSE || word_is(p, "LOOP");
}

// Target tables of an INSERT from its tokens: INTO [schema.]name at paren depth 0, one entry per
// INTO clause (INSERT ALL names a table once per row it inserts).
// Rows of a VALUES clause after `from`: 1, or n for the 23ai form VALUES (..), (..), ….
size_t values_rows(std::span<const Token> toks, size_t from) {
  int depth = 0;
  size_t i = from;
  for (; i < toks.size(); ++i) {
    if (toks[i].kind == TokenKind::LParen) ++depth;
    else if (toks[i].kind == TokenKind::RParen) --depth;
    else if (depth == 0 && toks[i].kw == Kw::VALUES) break;
  }
  size_t rows = 1;
  for (++i; i < toks.size(); ++i) {
    if (toks[i].kind == TokenKind::LParen) ++depth;
    else if (toks[i].kind == TokenKind::RParen) --depth;
    else if (depth == 0 && toks[i].kind == TokenKind::Comma && i + 1 < toks.size() && toks[i + 1].kind == TokenKind::LParen) ++rows;
    else if (depth == 0 && toks[i].kind != TokenKind::Comma) break;  // RETURNING, LOG ERRORS: the rows are done
  }
  return rows;
}

// The tables an INSERT writes, once per row it inserts.
std::vector<std::string> insert_targets(std::span<const Token> toks) {
  std::vector<std::string> out;
  size_t first = 1;
  while (first < toks.size() && toks[first].kind == TokenKind::Hint) ++first;
  bool single = first < toks.size() && toks[first].kw == Kw::INTO;
  int depth = 0;
  for (size_t i = first; i < toks.size(); ++i) {
    const Token& t = toks[i];
    if (t.kind == TokenKind::LParen) ++depth;
    else if (t.kind == TokenKind::RParen) --depth;
    else if (depth == 0 && t.kw == Kw::INTO && i + 1 < toks.size() && toks[i + 1].is_word()) {
      size_t k = i + 1;
      while (k + 2 < toks.size() && toks[k + 1].kind == TokenKind::Dot && toks[k + 2].is_word()) k += 2;
      out.push_back(normalize_identifier(toks[k].text));
      if (single) {  // a single-table insert: a later INTO is RETURNING … INTO
        for (size_t rows = values_rows(toks, k + 1); rows > 1; --rows) out.push_back(out.back());
        break;
      }
    }
  }
  return out;
}

}  // namespace

ScriptInsertStream::ScriptInsertStream(std::string path, std::string& error, size_t chunk_bytes)
    : path_(std::move(path)), in_(path_, std::ios::binary), chunk_bytes_(chunk_bytes) {
  if (!in_) {
    error = "cannot open " + path_;
    eof_ = true;
    return;
  }
  in_.seekg(0, std::ios::end);
  total_ = static_cast<uint64_t>(in_.tellg());
  in_.seekg(0);
}

ScriptInsertStream::~ScriptInsertStream() = default;

uint64_t ScriptInsertStream::line_of(const Span& s) const { return base_line_ + s.line() - 1; }

std::string ScriptInsertStream::location(const Span& s) const {
  uint64_t col = s.column();
  if (prefix_ && s.file == file_.get() && s.line() == 1) col -= prefix_;
  return path_ + ":" + std::to_string(line_of(s)) + ":" + std::to_string(col);
}

// Reads the next chunk and lists its INSERT statements. The chunk ends after the last
// statement that is complete in it; the rest is carried into the next chunk.
bool ScriptInsertStream::load_chunk() {
  if (file_) {
    const std::string& t = file_->text();
    base_line_ += static_cast<uint64_t>(std::count(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(chunk_end_), '\n'));
    file_.reset();
  }
  current_.reset();
  ranges_.clear();
  next_range_ = 0;
  if (eof_ && carry_.empty()) return false;
  // A PL/SQL block cut between chunks goes on under a synthetic "BEGIN " (no line break, so
  // line numbers hold; columns of the first line are corrected in location()).
  prefix_ = continue_prefix_.size();
  std::string buf = prefix_ ? std::string(continue_prefix_) + carry_ : std::move(carry_);
  carry_.clear();
  std::string_view cut_prefix;  // how the statement cut at this chunk's end goes on
  size_t want = chunk_bytes_;
  for (;;) {
    if (!eof_) {
      size_t old = buf.size();
      buf.resize(old + want);
      in_.read(buf.data() + old, static_cast<std::streamsize>(want));
      buf.resize(old + static_cast<size_t>(in_.gcount()));
      if (static_cast<size_t>(in_.gcount()) < want) eof_ = true;
    }
    auto probe = std::make_unique<SourceFile>(path_, buf);
    sql::Script script = sql::split_script(*probe);
    size_t cut = buf.size();
    if (!eof_) {
      cut = 0;
      // After the last statement completed in the buffer, at the end of its terminator's line.
      for (size_t s = script.statements.size(); s-- > 0;) {
        const auto& st = script.statements[s];
        if (!st.terminated || (s + 1 == script.statements.size() && st.span.end >= buf.size())) continue;
        size_t p = st.span.end;
        while (p < buf.size() && std::isspace(static_cast<unsigned char>(buf[p])) && buf[p] != '\n') ++p;
        if (p < buf.size() && buf[p] == '\n') ++p;
        while (p < buf.size() && std::isspace(static_cast<unsigned char>(buf[p])) && buf[p] != '\n') ++p;
        if (p < buf.size() && (buf[p] == ';' || buf[p] == '/')) ++p;
        size_t nl = buf.find('\n', p);
        cut = nl == std::string::npos ? buf.size() : nl + 1;
        break;
      }
      if (cut == 0 && !script.statements.empty()) {
        // One statement larger than the buffer (a big PL/SQL block): cut after a `;` ending a line.
        const auto& st = script.statements.back();
        auto toks = script.tokens_of(st);
        for (size_t i = toks.size(); i-- > 0;) {
          if (toks[i].kind != TokenKind::Semicolon) continue;
          size_t nl = buf.find('\n', toks[i].span.end);
          if (nl == std::string::npos) continue;
          bool blank = true;
          for (size_t k = toks[i].span.end; k < nl; ++k) blank = blank && std::isspace(static_cast<unsigned char>(buf[k]));
          if (!blank) continue;
          cut = nl + 1;
          // An anonymous block goes on as one; a procedure/package body as a unit that is skipped.
          bool anonymous = toks[0].kw == Kw::BEGIN || toks[0].kw == Kw::DECLARE || toks[0].kind == TokenKind::LLabel;
          cut_prefix = anonymous ? kBlockPrefix : kUnitPrefix;
          break;
        }
      }
      if (cut == 0) {  // nothing complete yet: read more
        want *= 2;
        continue;
      }
    }
    // The split text is kept as it is; only what lies before `cut` is used now, the rest is
    // read again with the next chunk.
    carry_ = buf.substr(cut);
    consumed_ += cut - prefix_;
    chunk_end_ = cut;
    file_ = std::move(probe);
    script_ = std::move(script);
    break;
  }
  bool continued = continue_prefix_ == kBlockPrefix;
  continue_prefix_ = cut_prefix;
  bool block_cut_here = cut_prefix == kBlockPrefix;
  // SET DEFINE commands change what SQL*Plus does to `&` in the statements after them.
  size_t next_cmd = 0;
  auto apply_commands_before = [&](uint32_t offset) {
    for (; next_cmd < script_.commands.size() && script_.commands[next_cmd].span.begin < offset; ++next_cmd) {
      const auto& c = script_.commands[next_cmd];
      if (c.kind != sql::SqlPlusCommandKind::Set) continue;
      std::string a(c.argument);
      for (char& ch : a) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      if (a.rfind("DEFINE", 0) != 0 && a.rfind("DEF ", 0) != 0) continue;
      std::string v = a.substr(a.find(' ') == std::string::npos ? a.size() : a.find(' ') + 1);
      while (!v.empty() && v.front() == ' ') v.erase(0, 1);
      if (v == "OFF") define_char_ = 0;
      else if (v == "ON") define_char_ = '&';
      else if (v.size() == 1) define_char_ = c.argument[c.argument.size() - 1];
      else if (v.size() == 3 && v.front() == '\'' && v.back() == '\'') define_char_ = v[1];
    }
  };
  for (const auto& st : script_.statements) {
    if (st.span.begin >= chunk_end_) break;
    apply_commands_before(st.span.begin);
    auto toks = script_.tokens_of(st);
    while (!toks.empty() && toks.back().span.end > chunk_end_) toks = toks.first(toks.size() - 1);
    if (toks.empty()) continue;
    bool assign = toks.size() > 2 && toks[0].is_word() && toks[1].kind == TokenKind::Assign;
    if (!st.plsql) {  // (a block cut between chunks continues as plain statements)
      if (toks[0].kw == Kw::INSERT) ranges_.push_back({st.first_token, static_cast<uint32_t>(toks.size()), false, ScriptInsert::Kind::Insert, define_char_});
      else if (assign) ranges_.push_back({st.first_token, static_cast<uint32_t>(toks.size()), false, ScriptInsert::Kind::Assign, define_char_});
      else if (toks[0].kw == Kw::UPDATE || toks[0].kw == Kw::DELETE || toks[0].kw == Kw::MERGE || toks[0].kw == Kw::TRUNCATE)
        other_dml_.push_back(location(st.span) + ": " + std::string(toks[0].text));
      continue;
    }
    // Only anonymous blocks run when the script runs; a procedure's INSERTs run when called.
    if (toks[0].kw != Kw::BEGIN && toks[0].kw != Kw::DECLARE && toks[0].kind != TokenKind::LLabel) {
      bool trigger = std::any_of(toks.begin(), toks.begin() + std::min<size_t>(toks.size(), 8),
                                 [](const Token& t) { return t.kw == Kw::TRIGGER; });
      if (trigger && std::any_of(toks.begin(), toks.end(), [](const Token& t) { return t.kw == Kw::INSERT; }))
        other_dml_.push_back(location(st.span) + ": CREATE TRIGGER (not run on the loaded rows)");
      continue;
    }
    // The continuation of a cut block keeps its variables and its control flow.
    bool continuation = continued && st.span.begin == 0;
    // GOTO can run any statement again: the whole block's INSERTs are of unknown count.
    bool any_goto = std::any_of(toks.begin(), toks.end(), [](const Token& t) { return word_is(t, "GOTO"); });
    if (!continuation) ranges_.push_back({st.first_token, 0, false, ScriptInsert::Kind::BlockStart, define_char_});
    // Nesting as the block runs: LOOP/IF/CASE … END LOOP/IF/CASE (an INSERT inside runs an
    // unknown number of times), and BEGIN … EXCEPTION … END (statements of a handler run only
    // when the block fails, so their INSERTs are no rows of the script's run). A block cut
    // between chunks resumes with the nesting it had at the cut.
    std::vector<bool> in_handler = continuation ? continue_handler_ : std::vector<bool>{};
    int flow_depth = continuation ? continue_depth_ : 0;
    bool forall = false;
    for (size_t i = 0; i < toks.size(); ++i) {
      const Token& t = toks[i];
      bool after_end = i > 0 && toks[i - 1].kw == Kw::END;
      if (t.kw == Kw::BEGIN && !(continuation && i == 0)) in_handler.push_back(false);
      else if (word_is(t, "EXCEPTION") && statement_start(toks, i) && !in_handler.empty()) in_handler.back() = true;
      else if (t.kw == Kw::END && !(i + 1 < toks.size() && (word_is(toks[i + 1], "LOOP") || word_is(toks[i + 1], "IF") ||
                                                              toks[i + 1].kw == Kw::CASE)) &&
               !in_handler.empty())
        in_handler.pop_back();
      if ((word_is(t, "LOOP") || word_is(t, "IF") || t.kw == Kw::CASE) && statement_start(toks, i) && !after_end) ++flow_depth;
      else if (word_is(t, "LOOP") && !after_end) ++flow_depth;  // FOR … LOOP, WHILE … LOOP
      else if ((word_is(t, "LOOP") || word_is(t, "IF") || t.kw == Kw::CASE) && after_end && flow_depth > 0) --flow_depth;
      if (word_is(t, "FORALL") && statement_start(toks, i)) forall = true;
      bool is_insert = t.kw == Kw::INSERT;
      bool is_assign = i + 1 < toks.size() && t.is_word() && toks[i + 1].kind == TokenKind::Assign;
      if ((!is_insert && !is_assign) || !(statement_start(toks, i) || (is_insert && forall))) continue;
      size_t j = i;
      int depth = 0;
      for (; j < toks.size(); ++j) {
        if (toks[j].kind == TokenKind::LParen) ++depth;
        else if (toks[j].kind == TokenKind::RParen) --depth;
        else if (toks[j].kind == TokenKind::Semicolon && depth <= 0) break;
      }
      bool flow = flow_depth > 0 || forall || any_goto;
      forall = false;
      if (std::find(in_handler.begin(), in_handler.end(), true) != in_handler.end()) {
        if (is_insert) other_dml_.push_back(location(t.span) + ": INSERT in an EXCEPTION handler (runs only when the block fails)");
        i = j;
        continue;
      }
      ranges_.push_back({st.first_token + static_cast<uint32_t>(i), static_cast<uint32_t>(j - i), flow,
                         is_insert ? ScriptInsert::Kind::Insert : ScriptInsert::Kind::Assign, define_char_});
      i = j;
    }
    if (block_cut_here && st.span.end >= chunk_end_ - 1) {  // the block cut at this chunk's end
      continue_handler_ = in_handler;
      continue_depth_ = flow_depth;
    }
  }
  return true;
}

bool ScriptInsertStream::next(ScriptInsert& out) {
  while (next_range_ >= ranges_.size())
    if (!load_chunk()) return false;
  const Range& r = ranges_[next_range_++];
  out = ScriptInsert{};
  out.kind = r.kind;
  out.define_char = r.define_char;
  if (r.kind == ScriptInsert::Kind::BlockStart) return true;
  std::span<const Token> toks(script_.tokens.data() + r.first, r.count);
  Span whole{file_.get(), toks.front().span.begin, toks.back().span.end};
  Diagnostics diags;
  if (r.kind == ScriptInsert::Kind::Assign) {
    // The expression after `:=`, parsed by the SQL parser as the one value of an INSERT.
    out.variable = normalize_identifier(toks[0].text);
    out.span = whole;
    out.line = line_of(whole);
    out.column = whole.column() - (prefix_ && whole.line() == 1 ? prefix_ : 0);
    out.in_control_flow = r.flow;
    if (!parse_) return true;
    Span expr{file_.get(), toks[2].span.begin, toks.back().span.end};
    wrapper_ = std::make_unique<SourceFile>(path_, "INSERT INTO t VALUES (" + std::string(expr.text()) + ");");
    wrapper_script_ = sql::split_script(*wrapper_);
    current_.reset();
    if (wrapper_script_.statements.size() == 1)
      current_ = sql::parse_statement(wrapper_script_, wrapper_script_.statements[0], diags);
    if (current_ && current_->kind == sql::ast::StmtKind::Insert) {
      const auto& ins = static_cast<const sql::ast::Insert&>(*current_);
      if (ins.single.values.size() == 1) out.value = ins.single.values[0].get();
    }
    if (!out.value) out.parse_error = "the value assigned to " + out.variable + " does not parse";
    return true;
  }
  out.span = whole;
  out.line = line_of(whole);
  out.column = whole.column() - (prefix_ && whole.line() == 1 ? prefix_ : 0);
  out.in_control_flow = r.flow;
  out.targets = insert_targets(toks);
  for (const auto& t : out.targets)
    if (std::find(out.tables.begin(), out.tables.end(), t) == out.tables.end()) out.tables.push_back(t);
  if (!parse_) return true;  // counting only
  current_ = sql::parse_tokens(toks, false, whole, diags);
  if (current_->kind == sql::ast::StmtKind::Insert) {
    out.stmt = static_cast<const sql::ast::Insert*>(current_.get());
  } else {
    out.parse_error = diags.items().empty() ? "not an INSERT statement orashift can read"
                                            : location(diags.items().front().span) + ": " + diags.items().front().message;
  }
  return true;
}

}  // namespace orashift
