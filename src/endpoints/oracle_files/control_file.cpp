// Recursive-descent parser for SQL*Loader control files. Syntax errors stop the parse with one
// located diagnostic (a second error after a syntax error is usually noise); unsupported but
// well-formed clauses are reported one by one and parsing continues, so a user sees all of them.
#include "endpoints/oracle_files/control_file.h"

#include <fstream>
#include <sstream>

#include "catalog/catalog.h"
#include "endpoints/oracle_files/ctl_lexer.h"

namespace orashift {

namespace diag_code {
constexpr const char* kSyntax = "LDR001";       // control file syntax error
constexpr const char* kUnsupported = "LDR002";  // valid SQL*Loader, not supported by orashift
constexpr const char* kSqlString = "LDR003";    // field SQL string outside the supported subset
constexpr const char* kIo = "LDR004";           // file cannot be read
}  // namespace diag_code

bool CtlField::reads_data() const {
  // LOBFILE, BFILE, SID and REF take their value elsewhere; a COLUMN OBJECT's attributes read
  // its data; a collection reads its region only when it is delimited in the record.
  if (lobfile || bfile_dir || !sid_field.empty() || column_object) return false;
  if (collection) return terminator.has_value() || enclosure.has_value();
  switch (type) {
    case CtlFieldType::Constant:
    case CtlFieldType::Sysdate:
    case CtlFieldType::Recnum:
    case CtlFieldType::Sequence:
    case CtlFieldType::Expression: return false;
    default: return true;
  }
}

bool CtlField::numeric_external() const {
  return type == CtlFieldType::IntegerExternal || type == CtlFieldType::DecimalExternal ||
         type == CtlFieldType::FloatExternal;
}

const CtlField* IntoTable::find_field(std::string_view n) const {
  for (const auto& f : fields)
    if (f.name == n) return &f;
  return nullptr;
}

std::vector<std::string> ControlFile::named_infiles() const {
  std::vector<std::string> out;
  for (const auto& f : infiles)
    if (!f.placeholder) out.push_back(f.name);
  return out;
}

namespace {

class CtlParser {
public:
  CtlParser(ControlFile& cf, std::vector<CtlToken> toks) : cf_(cf), toks_(std::move(toks)) {}

  bool parse() {
    if (cur().kind == CtlTok::Error) return syntax(cur().value);
    if (cur().is("OPTIONS")) {
      if (!options()) return false;
    }
    if (cur().is("UNRECOVERABLE") || cur().is("RECOVERABLE")) next();
    if (cur().is("CONTINUE_LOAD")) {
      unsupported("CONTINUE_LOAD", cur());
      next();
    } else if (!accept("LOAD")) {
      return syntax("LOAD expected");
    }
    accept("DATA");
    // Clauses before the first INTO TABLE, in any order (SQL*Loader is forgiving here).
    for (;;) {
      if (!failed_ && cur().is("CHARACTERSET")) {
        next();
        if (cur().kind != CtlTok::Ident && cur().kind != CtlTok::SQuoted && cur().kind != CtlTok::DQuoted)
          return syntax("character set name expected");
        cf_.characterset = upper(cur().value);
        next();
      } else if (cur().is("BYTEORDER") || cur().is("BYTEORDERMARK")) {
        next();
        next();
      } else if (cur().is("LENGTH")) {
        next();
        accept("SEMANTICS");
        next();
      } else if (cur().is("INFILE") || cur().is("INDDN")) {
        if (!infile()) return false;
      } else if (cur().is("BADFILE") || cur().is("DISCARDFILE") || cur().is("BADDN") || cur().is("DISCARDDN")) {
        next();
        if (!file_name()) return false;
      } else if (cur().is("DISCARDS") || cur().is("DISCARDMAX")) {
        next();
        if (cur().kind != CtlTok::Number) return syntax("number expected");
        next();
      } else if (auto m = method()) {
        cf_.method = *m;
      } else if (cur().is("PRESERVE")) {
        next();
        if (!accept("BLANKS")) return syntax("BLANKS expected after PRESERVE");
        cf_.preserve_blanks = true;
      } else if (cur().is("CONCATENATE")) {
        if (!concatenate()) return false;
      } else if (cur().is("CONTINUEIF")) {
        if (!continueif()) return false;
      } else if (cur().is("READSIZE") || cur().is("READBUFFERS")) {
        next();
        next();
      } else {
        break;
      }
      if (failed_) return false;
    }
    if (!cur().is("INTO")) return syntax(cur().kind == CtlTok::End ? "INTO TABLE expected before the end of the file"
                                                                    : "INTO TABLE expected");
    while (cur().is("INTO")) {
      if (!into_table()) return false;
    }
    if (cur().kind == CtlTok::BeginData) {
      const std::string& text = cf_.source->text();
      size_t nl = text.find('\n', cur().end);
      uint32_t off = nl == std::string::npos ? static_cast<uint32_t>(text.size()) : static_cast<uint32_t>(nl + 1);
      cf_.begin_data_offset = off;
      cf_.begin_data_line = cf_.source->line_of(cur().begin) + 1;
      return true;
    }
    if (cur().kind == CtlTok::Error) return syntax(cur().value);
    if (cur().kind != CtlTok::End) return syntax("unexpected " + describe(cur()) + " after the field list (only INTO TABLE or BEGINDATA may follow it)");
    return true;
  }

  void finish() {
    if (failed_) return;
    for (auto& inf : cf_.infiles) {
      std::string lower = inf.name;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      // `INFILE data` is Oracle's own placeholder for "given on the command line".
      if (lower == "data" || (inf.star() && !cf_.begin_data_offset)) inf.placeholder = true;
    }
  }

private:
  ControlFile& cf_;
  std::vector<CtlToken> toks_;
  size_t pos_ = 0;
  bool failed_ = false;

  const CtlToken& cur() const { return toks_[pos_ < toks_.size() ? pos_ : toks_.size() - 1]; }
  const CtlToken& peek(size_t k = 1) const {
    size_t p = pos_ + k;
    return toks_[p < toks_.size() ? p : toks_.size() - 1];
  }
  void next() {
    if (pos_ + 1 < toks_.size()) ++pos_;
  }
  bool accept(std::string_view kw) {
    if (!cur().is(kw)) return false;
    next();
    return true;
  }
  bool accept_punct(char c) {
    if (!cur().punct(c)) return false;
    next();
    return true;
  }
  static std::string upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
  }
  static std::string describe(const CtlToken& t) {
    switch (t.kind) {
      case CtlTok::Ident: return "'" + t.value + "'";
      case CtlTok::Number: return "number " + t.value;
      case CtlTok::SQuoted: return "string '" + t.value + "'";
      case CtlTok::DQuoted: return "string \"" + t.value + "\"";
      case CtlTok::Hex: return "hex string";
      case CtlTok::Punct: return "'" + t.value + "'";
      case CtlTok::BeginData: return "BEGINDATA";
      case CtlTok::End: return "end of file";
      case CtlTok::Error: return t.value;
    }
    return "?";
  }
  Span span_of(const CtlToken& t) const { return Span{cf_.source.get(), t.begin, t.end}; }
  bool syntax(const std::string& msg) {
    if (!failed_) {
      const CtlToken& t = cur();
      std::string m = msg;
      if (t.kind != CtlTok::Error && msg.find(" expected") != std::string::npos) m += ", found " + describe(t);
      cf_.diagnostics.error(diag_code::kSyntax, m, span_of(t));
    }
    failed_ = true;
    return false;
  }
  void unsupported(const std::string& what, const CtlToken& at) { unsupported_span(what, span_of(at)); }
  void unsupported_span(const std::string& what, Span sp) {
    cf_.diagnostics.error(diag_code::kUnsupported, "not supported: " + what, sp);
  }

  bool options() {
    next();
    if (!cur().punct('(')) return syntax("'(' expected after OPTIONS");
    uint32_t b = cur().end;
    int depth = 0;
    do {
      if (cur().punct('(')) ++depth;
      else if (cur().punct(')')) --depth;
      else if (cur().kind == CtlTok::End || cur().kind == CtlTok::Error) return syntax("')' expected to close OPTIONS");
      else if (cur().is("SKIP") && peek().punct('=') && peek(2).kind == CtlTok::Number) cf_.skip = std::stoi(peek(2).value);
      if (depth > 0) next();
    } while (depth > 0);
    cf_.options = std::string(cf_.source->text().substr(b, cur().begin - b));
    next();
    return true;
  }

  bool file_name() {
    if (cur().kind == CtlTok::SQuoted || cur().kind == CtlTok::DQuoted || cur().kind == CtlTok::Ident) {
      // Unquoted names may contain dots and slashes: join adjacent tokens without spaces.
      uint32_t end = cur().end;
      next();
      while (cur().begin == end && cur().kind != CtlTok::End && (cur().punct('.') || cur().kind == CtlTok::Ident || cur().kind == CtlTok::Number)) {
        end = cur().end;
        next();
      }
      return true;
    }
    return syntax("file name expected");
  }

  bool infile() {
    next();
    CtlInfile inf;
    const CtlToken& t = cur();
    inf.span = span_of(t);
    if (t.punct('*')) {
      inf.name = "*";
      next();
    } else if (t.kind == CtlTok::SQuoted || t.kind == CtlTok::DQuoted || t.kind == CtlTok::Ident) {
      uint32_t b = t.begin;
      if (t.kind != CtlTok::Ident) {
        inf.name = t.value;
        next();
      } else {
        uint32_t end = t.end;
        next();
        while (cur().begin == end && (cur().punct('.') || cur().kind == CtlTok::Ident || cur().kind == CtlTok::Number)) {
          end = cur().end;
          next();
        }
        inf.name = std::string(cf_.source->text().substr(b, end - b));
      }
    } else {
      return syntax("file name or * expected after INFILE");
    }
    // Record format ("str '|\n'", "fix 80", "var 4"): only the default stream format is read.
    if (cur().kind == CtlTok::DQuoted || cur().kind == CtlTok::SQuoted) {
      std::string f = upper(cur().value);
      if (f.rfind("STR", 0) == 0 || f.rfind("FIX", 0) == 0 || f.rfind("VAR", 0) == 0)
        unsupported("INFILE record format \"" + cur().value + "\"", cur());
      next();
    }
    cf_.infiles.push_back(std::move(inf));
    return true;
  }

  std::optional<LoadMethod> method() {
    LoadMethod m;
    if (cur().is("INSERT")) m = LoadMethod::Insert;
    else if (cur().is("APPEND")) m = LoadMethod::Append;
    else if (cur().is("REPLACE")) m = LoadMethod::Replace;
    else if (cur().is("TRUNCATE")) m = LoadMethod::Truncate;
    else return std::nullopt;
    next();
    return m;
  }

  // A delimiter value: 'x', "x", X'hh'. Empty strings are invalid.
  bool delimiter_string(std::string& out) {
    const CtlToken& t = cur();
    if ((t.kind == CtlTok::SQuoted || t.kind == CtlTok::DQuoted || t.kind == CtlTok::Hex) && !t.value.empty()) {
      out = t.value;
      next();
      return true;
    }
    return syntax("delimiter string expected");
  }

  // TERMINATED [BY] ... / [OPTIONALLY] ENCLOSED [BY] ... in either order.
  bool delimiters(std::optional<CtlTerminator>& term, std::optional<CtlEnclosure>& encl) {
    for (;;) {
      if (cur().is("TERMINATED")) {
        next();
        accept("BY");
        CtlTerminator t;
        if (cur().is("WHITESPACE")) {
          t.whitespace = true;
          next();
        } else if (cur().is("EOF")) {
          t.eof = true;
          next();
        } else if (!delimiter_string(t.text)) {
          return false;
        }
        term = t;
      } else if (cur().is("OPTIONALLY") || cur().is("ENCLOSED")) {
        CtlEnclosure e;
        e.optional = accept("OPTIONALLY");
        if (!accept("ENCLOSED")) return syntax("ENCLOSED expected after OPTIONALLY");
        accept("BY");
        if (!delimiter_string(e.open)) return false;
        e.close = e.open;
        if (accept("AND") && !delimiter_string(e.close)) return false;
        encl = e;
      } else {
        return true;
      }
    }
  }

  bool into_table() {
    next();  // INTO
    if (!accept("TABLE")) return syntax("TABLE expected after INTO");
    IntoTable t;
    t.span = span_of(cur());
    if (cur().kind != CtlTok::Ident && cur().kind != CtlTok::DQuoted) return syntax("table name expected");
    auto name_of = [](const CtlToken& tok) {
      return tok.kind == CtlTok::DQuoted ? tok.value : normalize_identifier(tok.value);
    };
    t.name = name_of(cur());
    next();
    if (cur().punct('.')) {
      next();
      if (cur().kind != CtlTok::Ident && cur().kind != CtlTok::DQuoted) return syntax("table name expected after '.'");
      t.schema = t.name;
      t.name = name_of(cur());
      next();
    }
    for (;;) {
      if (cur().is("PARTITION") || cur().is("SUBPARTITION")) {
        next();
        if (!skip_parens()) return false;
      } else if (auto m = method()) {
        t.method = *m;
      } else if (cur().is("SORTED") || cur().is("SINGLEROW") || cur().is("REENABLE") || cur().is("EVALUATE")) {
        next();
        if (cur().is("INDEXES")) next();
        if (cur().punct('(') && !skip_parens()) return false;
        if (cur().is("DISABLED_CONSTRAINTS")) next();
        if (cur().is("EXCEPTIONS")) {
          next();
          next();
        }
        if (cur().is("CHECK_CONSTRAINTS")) next();
      } else if (cur().is("OPTIONS")) {
        next();
        if (!skip_parens()) return false;
      } else if (cur().is("WHEN")) {
        next();
        CtlCondition c;
        if (!condition(c)) return false;
        t.when = std::move(c);
      } else if (cur().is("FIELDS")) {
        next();
        if (cur().is("CSV")) {
          unsupported("FIELDS CSV", cur());
          next();
        }
        if (!delimiters(t.terminator, t.enclosure)) return false;
      } else if (cur().is("TRAILING")) {
        next();
        if (!accept("NULLCOLS")) return syntax("NULLCOLS expected after TRAILING");
        t.trailing_nullcols = true;
      } else if (cur().is("SKIP")) {
        next();
        if (cur().kind != CtlTok::Number) return syntax("number expected after SKIP");
        t.skip = std::stoi(cur().value);
        next();
      } else if (cur().is("SID") && peek().punct('(')) {
        next();
        next();
        CtlFileRef ref;
        if (!file_ref(ref, "")) return false;
        if (!accept_punct(')')) return syntax("')' expected after SID(field");
        if (ref.is_constant()) unsupported("SID(CONSTANT ...) for a nested table's rows", toks_[pos_ - 1]);
        t.sid_field = ref.field;
      } else if (cur().is("OID") || cur().is("SID") || cur().is("TREAT") || cur().is("NULLIF") || cur().is("DATE") ||
                 cur().is("LRTRIM") || cur().is("NOTRIM") || cur().is("LDRTRIM") || cur().is("LTRIM") || cur().is("RTRIM")) {
        unsupported("table-level " + upper(cur().value) + " clause", cur());
        next();
        if (cur().punct('(') && !skip_parens()) return false;
      } else {
        break;
      }
      if (failed_) return false;
    }
    if (!cur().punct('(')) return syntax("'(' expected to start the field list");
    next();
    for (;;) {
      CtlField f;
      if (!field(f)) return false;
      t.fields.push_back(std::move(f));
      if (accept_punct(',')) continue;
      if (accept_punct(')')) break;
      return syntax("',' or ')' expected in the field list");
    }
    cf_.tables.push_back(std::move(t));
    return true;
  }

  bool skip_parens() {
    if (!cur().punct('(')) return syntax("'(' expected");
    int depth = 0;
    do {
      if (cur().punct('(')) ++depth;
      else if (cur().punct(')')) --depth;
      else if (cur().kind == CtlTok::End || cur().kind == CtlTok::Error) return syntax("')' expected");
      next();
    } while (depth > 0);
    return true;
  }

  // cond := comparison [AND comparison]... ; comparison := [(] (name | (s[:e])) op value [)]
  bool condition(CtlCondition& c) {
    uint32_t b = cur().begin;
    c.span = span_of(cur());
    for (;;) {
      int parens = 0;
      while (cur().punct('(') && !(peek().kind == CtlTok::Number || peek().punct('*'))) {
        ++parens;
        next();
      }
      CtlComparison cmp;
      if (cur().punct('(')) {  // position (start[:end])
        next();
        if (cur().punct('*')) {
          unsupported("relative position (*) in a condition", cur());
          next();
        } else {
          cmp.start = std::stoi(cur().value);
          next();
        }
        cmp.end = cmp.start;
        if (accept_punct(':') || accept_punct('-')) {
          if (cur().kind != CtlTok::Number) return syntax("end position expected");
          cmp.end = std::stoi(cur().value);
          next();
        }
        if (!accept_punct(')')) return syntax("')' expected after the position");
      } else if (cur().kind == CtlTok::Ident || cur().kind == CtlTok::DQuoted) {
        cmp.field = cur().kind == CtlTok::DQuoted ? cur().value : normalize_identifier(cur().value);
        next();
      } else {
        return syntax("field name or position expected in condition");
      }
      if (cur().punct('=')) {
        next();
      } else if (cur().kind == CtlTok::Punct && cur().value == "!=") {
        cmp.not_equal = true;
        next();
      } else {
        return syntax("'=' or '!=' expected in condition");
      }
      if (cur().is("BLANKS")) {
        cmp.blanks = true;
        next();
      } else if (cur().kind == CtlTok::SQuoted || cur().kind == CtlTok::DQuoted || cur().kind == CtlTok::Hex) {
        cmp.value = cur().value;
        next();
      } else {
        return syntax("string, X'hex' or BLANKS expected in condition");
      }
      for (; parens > 0; --parens)
        if (!accept_punct(')')) return syntax("')' expected to close the condition");
      c.all.push_back(std::move(cmp));
      if (cur().is("AND")) {
        next();
        continue;
      }
      if (cur().is("OR")) return syntax("OR is not allowed in SQL*Loader field conditions");
      break;
    }
    const CtlToken& last = toks_[pos_ > 0 ? pos_ - 1 : 0];
    c.raw = std::string(cf_.source->text().substr(b, last.end - b));
    c.span.end = last.end;
    return true;
  }

  bool optional_length(std::optional<int>& len) {
    if (!cur().punct('(')) return true;
    next();
    if (cur().kind != CtlTok::Number) return syntax("length expected");
    len = std::stoi(cur().value);
    next();
    if (accept_punct(',')) {  // DECIMAL EXTERNAL(p, s): scale is ignored for external numbers
      if (cur().kind != CtlTok::Number) return syntax("number expected");
      next();
    }
    if (!accept_punct(')')) return syntax("')' expected after the length");
    return true;
  }

  bool optional_mask(CtlField& f) {
    if (cur().kind != CtlTok::DQuoted && cur().kind != CtlTok::SQuoted) return true;
    f.mask = cur().value;
    std::string why;
    f.date_mask = DateMask::compile(f.mask, &why);
    if (!f.date_mask) cf_.diagnostics.error(diag_code::kUnsupported, "date mask \"" + f.mask + "\": " + why, span_of(cur()));
    next();
    return true;
  }

  // Skips the rest of a field definition we cannot load, up to ',' or ')' at depth 0.
  void skip_field_rest() {
    int depth = 0;
    while (cur().kind != CtlTok::End && cur().kind != CtlTok::Error && cur().kind != CtlTok::BeginData) {
      if (depth == 0 && (cur().punct(',') || cur().punct(')'))) return;
      if (cur().punct('(')) ++depth;
      if (cur().punct(')')) --depth;
      next();
    }
  }

  // A field name, possibly qualified by its COLUMN OBJECT ("ad_header.logo_fil").
  bool qualified_field_name(std::string& out) {
    if (cur().kind != CtlTok::Ident && cur().kind != CtlTok::DQuoted) return syntax("field name expected");
    out = cur().kind == CtlTok::DQuoted ? cur().value : normalize_identifier(cur().value);
    next();
    while (cur().punct('.') && (peek().kind == CtlTok::Ident || peek().kind == CtlTok::DQuoted)) {
      next();
      out += "." + (cur().kind == CtlTok::DQuoted ? cur().value : normalize_identifier(cur().value));
      next();
    }
    return true;
  }

  // LOBFILE / BFILE / SID argument: CONSTANT 'x' | CONSTANT "x" | CONSTANT name | field. A bare
  // field name inside a COLUMN OBJECT may name a sibling attribute: `prefix` qualifies it then.
  bool file_ref(CtlFileRef& ref, const std::string& prefix) {
    if (accept("CONSTANT")) {
      if (cur().kind != CtlTok::SQuoted && cur().kind != CtlTok::DQuoted && cur().kind != CtlTok::Ident)
        return syntax("file name expected after CONSTANT");
      ref.constant = cur().value;
      next();
      return true;
    }
    if (cur().kind == CtlTok::SQuoted) {  // tolerated: a quoted constant without CONSTANT
      ref.constant = cur().value;
      next();
      return true;
    }
    if (!qualified_field_name(ref.field)) return false;
    if (!prefix.empty() && ref.field.find('.') == std::string::npos) ref.field = prefix + ref.field;
    return true;
  }

  bool concatenate() {
    CtlContinuation c;
    c.kind = CtlContinuation::Kind::Concatenate;
    c.span = span_of(cur());
    next();
    bool paren = accept_punct('(');
    if (cur().kind != CtlTok::Number) return syntax("number of physical records expected after CONCATENATE");
    c.count = std::stoi(cur().value);
    next();
    if (paren && !accept_punct(')')) return syntax("')' expected after CONCATENATE (n");
    if (c.count < 1) return syntax("CONCATENATE needs at least 1 physical record");
    cf_.continuation = std::move(c);
    return true;
  }

  // CONTINUEIF {[THIS | NEXT] [PRESERVE] [(] (start[:end]) | LAST [PRESERVE] [(]} op 'str' [)]
  bool continueif() {
    CtlContinuation c;
    c.span = span_of(cur());
    next();
    if (accept("NEXT")) c.kind = CtlContinuation::Kind::Next;
    else if (accept("LAST")) c.kind = CtlContinuation::Kind::Last;
    else accept("THIS");
    c.preserve = accept("PRESERVE");
    bool outer = false;
    if (c.kind != CtlContinuation::Kind::Last) {
      if (cur().punct('(') && peek().punct('(')) {
        outer = true;
        next();
      }
      if (!accept_punct('(')) return syntax("'(' expected before the continuation position");
      if (cur().kind != CtlTok::Number) return syntax("start position expected");
      c.start = c.end = std::stoi(cur().value);
      next();
      if (accept_punct(':') || accept_punct('-')) {
        if (cur().kind != CtlTok::Number) return syntax("end position expected");
        c.end = std::stoi(cur().value);
        next();
      }
      if (!accept_punct(')')) return syntax("')' expected after the continuation position");
      if (c.start < 1 || c.end < c.start) return syntax("invalid continuation position");
    } else {
      outer = accept_punct('(');
    }
    if (cur().punct('=')) {
      next();
    } else if (cur().kind == CtlTok::Punct && cur().value == "!=") {
      c.not_equal = true;
      next();
    } else {
      return syntax("'=', '!=' or '<>' expected in CONTINUEIF");
    }
    if (cur().kind != CtlTok::SQuoted && cur().kind != CtlTok::DQuoted && cur().kind != CtlTok::Hex)
      return syntax("string or X'hex' expected in CONTINUEIF");
    c.value = cur().value;
    next();
    if (outer && !accept_punct(')')) return syntax("')' expected to close CONTINUEIF");
    c.span.end = toks_[pos_ - 1].end;
    if (c.kind == CtlContinuation::Kind::Last) {
      if (c.value.size() != 1) {  // SQL*Loader-00457 / -00458
        cf_.diagnostics.error(diag_code::kSyntax, "comparison text of CONTINUEIF LAST must have length 1", c.span);
        failed_ = true;
        return false;
      }
      if (c.value[0] == ' ' || c.value[0] == '\t') {
        cf_.diagnostics.error(diag_code::kSyntax, "comparison text of CONTINUEIF LAST must be non-whitespace", c.span);
        failed_ = true;
        return false;
      }
    } else if (static_cast<int>(c.value.size()) != c.end - c.start + 1) {
      cf_.diagnostics.error(diag_code::kSyntax, "CONTINUEIF comparison text must be as long as the position range (" +
                                                    std::to_string(c.end - c.start + 1) + " bytes)", c.span);
      failed_ = true;
      return false;
    }
    cf_.continuation = std::move(c);
    return true;
  }

  // Checks what a field's clauses add up to once its definition is read.
  bool finish_field(CtlField& f) {
    bool eof = f.terminator && f.terminator->eof;
    if (eof && !f.lobfile) {  // SQL*Loader-00260
      cf_.diagnostics.error(diag_code::kSyntax, "field " + f.name + ": TERMINATED BY EOF is only allowed for LOBFILE fields",
                            f.span);
      failed_ = true;
      return false;
    }
    if (f.lobfile && !eof)
      unsupported_span("field " + f.name + ": LOBFILE fields other than TERMINATED BY EOF (several LOBs in one file)",
                       f.span);
    return true;
  }

  bool field(CtlField& f, const std::string& prefix = "") {
    if (cur().kind != CtlTok::Ident && cur().kind != CtlTok::DQuoted) return syntax("field name expected");
    f.span = span_of(cur());
    f.name = prefix + (cur().kind == CtlTok::DQuoted ? cur().value : normalize_identifier(cur().value));
    next();
    bool typed = false;
    for (;;) {
      const CtlToken& t = cur();
      if (t.punct(',') || t.punct(')')) return finish_field(f);
      if (t.is("FILLER")) {
        f.filler = true;
        next();
      } else if (t.is("BOUNDFILLER")) {
        f.filler = f.boundfiller = true;
        next();
      } else if (t.is("POSITION")) {
        next();
        if (!position(f)) return false;
      } else if (!typed && (t.is("CHAR") || t.is("VARCHARC"))) {
        typed = true;
        f.type = CtlFieldType::Char;
        next();
        if (!optional_length(f.length)) return false;
      } else if (!typed && t.is("DATE")) {
        typed = true;
        f.type = CtlFieldType::Date;
        next();
        if (!optional_length(f.length) || !optional_mask(f)) return false;
      } else if (!typed && t.is("TIMESTAMP")) {
        typed = true;
        f.type = CtlFieldType::Timestamp;
        next();
        if (!optional_length(f.length)) return false;
        if (accept("WITH")) {
          accept("LOCAL");
          if (!accept("TIME") || !accept("ZONE")) return syntax("TIME ZONE expected");
        }
        if (!optional_mask(f)) return false;
      } else if (!typed && (t.is("INTEGER") || t.is("DECIMAL") || t.is("FLOAT") || t.is("ZONED")) && peek().is("EXTERNAL")) {
        typed = true;
        f.type = t.is("INTEGER") ? CtlFieldType::IntegerExternal
                 : t.is("FLOAT") ? CtlFieldType::FloatExternal
                                 : CtlFieldType::DecimalExternal;
        next();
        next();
        if (!optional_length(f.length)) return false;
      } else if (!typed && t.is("CONSTANT")) {
        typed = true;
        f.type = CtlFieldType::Constant;
        next();
        if (cur().kind != CtlTok::SQuoted && cur().kind != CtlTok::DQuoted && cur().kind != CtlTok::Number)
          return syntax("value expected after CONSTANT");
        f.constant = cur().value;
        next();
      } else if (!typed && t.is("SYSDATE")) {
        typed = true;
        f.type = CtlFieldType::Sysdate;
        next();
      } else if (!typed && t.is("RECNUM")) {
        typed = true;
        f.type = CtlFieldType::Recnum;
        next();
      } else if (!typed && t.is("SEQUENCE")) {
        typed = true;
        f.type = CtlFieldType::Sequence;
        next();
        if (!sequence(f)) return false;
      } else if (!typed && t.is("EXPRESSION")) {
        typed = true;
        f.type = CtlFieldType::Expression;
        next();
        if (cur().kind != CtlTok::DQuoted) return syntax("SQL string expected after EXPRESSION");
      } else if (t.is("TERMINATED") || t.is("ENCLOSED") || t.is("OPTIONALLY")) {
        if (!delimiters(f.terminator, f.enclosure)) return false;
      } else if (t.is("PRESERVE") || (t.is("NO") && peek().is("PRESERVE"))) {
        bool keep = !accept("NO");
        next();
        if (!accept("BLANKS")) return syntax("BLANKS expected after PRESERVE");
        f.preserve_blanks = keep;
      } else if (t.is("NULLIF") || t.is("DEFAULTIF")) {
        bool is_null = t.is("NULLIF");
        next();
        CtlCondition c;
        if (!condition(c)) return false;
        (is_null ? f.nullif : f.defaultif) = std::move(c);
      } else if (t.kind == CtlTok::DQuoted) {
        f.sql = t.value;
        f.sql_span = span_of(t);
        SqlParseResult r = parse_sql_string(f.sql);
        if (!r.expr) {
          Span at = f.sql_span;
          at.begin = at.begin + 1 + r.error_offset;  // +1: the opening quote
          if (at.begin > at.end) at.begin = f.sql_span.begin;
          cf_.diagnostics.error(diag_code::kSqlString, "field " + f.name + ": " + r.error, at);
        }
        f.expr = r.expr;
        next();
      } else if (t.is("LOBFILE") && peek().punct('(')) {
        next();
        next();
        CtlLobfile lob;
        if (!file_ref(lob.file, prefix)) return false;
        if (accept("CHARACTERSET")) next();
        if (!accept_punct(')')) return syntax("')' expected after the LOBFILE name");
        f.lobfile = std::move(lob);
      } else if (f.lobfile && t.is("RAW")) {
        f.lobfile->raw = true;
        next();
        if (!optional_length(f.length)) return false;
      } else if (t.is("BFILE") && peek().punct('(')) {
        next();
        next();
        CtlFileRef dir, name;
        if (!file_ref(dir, prefix)) return false;
        if (!accept_punct(',')) return syntax("',' expected between the BFILE directory and file name");
        if (!file_ref(name, prefix)) return false;
        if (!accept_punct(')')) return syntax("')' expected after BFILE(directory, name");
        f.bfile_dir = std::move(dir);
        f.bfile_name = std::move(name);
      } else if ((t.is("SID") || t.is("REF") || t.is("OID")) && peek().punct('(')) {
        std::string what = upper(t.value);
        next();
        next();
        CtlFileRef ref;
        if (!file_ref(ref, prefix)) return false;
        while (accept_punct(',')) {
          CtlFileRef more;
          if (!file_ref(more, prefix)) return false;
        }
        if (!accept_punct(')')) return syntax("')' expected after " + what + "(");
        f.sid_field = ref.is_constant() ? "'" + ref.constant + "'" : ref.field;
        f.not_loaded = what == "SID" ? "the set id of a nested table column: the target column holds text (OS1007) "
                                       "and the nested rows are not linked to it"
                                     : what + " values (object references) have no equivalent on the target";
      } else if (t.is("COLUMN") && peek().is("OBJECT")) {
        next();
        next();
        if (accept("TREAT")) {  // TREAT AS type
          accept("AS");
          std::string type_name;
          if (!qualified_field_name(type_name)) return false;
        }
        if (!accept_punct('(')) return syntax("'(' expected to start the attributes of COLUMN OBJECT " + f.name);
        f.column_object = true;
        for (;;) {
          CtlField a;
          if (!field(a, f.name + ".")) return false;
          f.attributes.push_back(std::move(a));
          if (accept_punct(',')) continue;
          if (accept_punct(')')) break;
          return syntax("',' or ')' expected in the attributes of COLUMN OBJECT " + f.name);
        }
      } else if ((t.is("NESTED") && peek().is("TABLE")) || t.is("VARRAY")) {
        std::string what = t.is("VARRAY") ? "VARRAY" : "NESTED TABLE";
        next();
        if (what != "VARRAY") next();
        f.collection = true;
        if (cur().is("COUNT") || cur().is("SDF")) {
          bool sdf = cur().is("SDF");
          if (!sdf) unsupported("field " + f.name + ": " + what + " COUNT(...) (a counted collection in the record)", cur());
          next();
          if (cur().punct('(') && !skip_parens()) return false;
        } else if (!delimiters(f.terminator, f.enclosure)) {
          return false;
        }
        if (cur().punct('(') && !skip_parens()) return false;  // the element fields
        f.not_loaded = what + " field: the target column holds text (OS1007); collection elements are not loaded";
      } else if (t.is("LOBFILE") || t.is("BFILE") || t.is("SID") || t.is("REF") || t.is("COLUMN") || t.is("VARRAY") ||
                 t.is("NESTED") || t.is("RAW") || t.is("VARCHAR") || t.is("VARRAW") || t.is("LONG") || t.is("GRAPHIC") ||
                 t.is("INTEGER") || t.is("SMALLINT") || t.is("FLOAT") || t.is("DOUBLE") || t.is("BYTEINT") ||
                 t.is("DECIMAL") || t.is("ZONED") || t.is("CHARACTERSET") || t.is("OID") || t.is("LLS")) {
        unsupported("field " + f.name + ": " + upper(t.value) + (t.is("COLUMN") ? " OBJECT" : "") +
                        " (only CHAR, DATE, TIMESTAMP and numeric EXTERNAL fields are read)",
                    t);
        skip_field_rest();
      } else {
        return syntax("unexpected " + describe(t) + " in the definition of field " + f.name);
      }
      if (failed_) return false;
    }
  }

  bool position(CtlField& f) {
    if (!accept_punct('(')) return syntax("'(' expected after POSITION");
    if (cur().punct('*')) {
      next();
      if (accept_punct('+')) {
        if (cur().kind != CtlTok::Number) return syntax("number expected");
        f.position_skip = std::stoi(cur().value);
        next();
      }
    } else if (cur().kind == CtlTok::Number) {
      f.position_start = std::stoi(cur().value);
      next();
    } else {
      return syntax("start position expected");
    }
    if (accept_punct(':') || accept_punct('-')) {
      if (cur().kind != CtlTok::Number) return syntax("end position expected");
      f.position_end = std::stoi(cur().value);
      next();
    }
    if (!accept_punct(')')) return syntax("')' expected after the position");
    if (f.position_start < 0 || (f.position_end && f.position_end < f.position_start))
      return syntax("invalid position");
    return true;
  }

  bool sequence(CtlField& f) {
    if (!accept_punct('(')) return syntax("'(' expected after SEQUENCE");
    if (cur().is("MAX") || cur().is("COUNT")) {
      unsupported("SEQUENCE(" + upper(cur().value) + ")", cur());
      next();
    } else if (cur().kind == CtlTok::Number) {
      f.sequence_start = std::stoll(cur().value);
      next();
    } else {
      return syntax("number expected in SEQUENCE");
    }
    if (accept_punct(',')) {
      if (cur().kind != CtlTok::Number) return syntax("increment expected");
      f.sequence_step = std::stoll(cur().value);
      next();
    }
    if (!accept_punct(')')) return syntax("')' expected after SEQUENCE");
    return true;
  }
};

}  // namespace

ControlFile parse_control_file(std::string path, std::string text) {
  ControlFile cf;
  cf.path = path;
  cf.source = std::make_shared<SourceFile>(std::move(path), std::move(text));
  CtlParser p(cf, lex_control_file(cf.source->text()));
  p.parse();
  p.finish();
  return cf;
}

ControlFile read_control_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ControlFile cf;
    cf.path = path;
    cf.source = std::make_shared<SourceFile>(path, "");
    cf.diagnostics.error(diag_code::kIo, "cannot read control file", Span{cf.source.get(), 0, 0});
    return cf;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_control_file(path, ss.str());
}

}  // namespace orashift
