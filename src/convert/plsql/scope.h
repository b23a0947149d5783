#pragma once
// The binder's symbol table: what a name in a unit stands for and how the target refers to it.
// Frames nest like PL/SQL blocks; a frame may carry a label (a block label, the routine's own
// name) so that `label.x` and `proc.param` resolve as in Oracle.
#include <map>
#include <string>
#include <vector>

#include "convert/plsql/pl_type.h"

namespace orashift::plsql {

enum class SymbolKind {
  Variable, Constant, Parameter, Cursor, Exception, Type, LoopRecord, LoopIndex, PackageVariable, PackageConstant
};

struct Symbol {
  SymbolKind kind = SymbolKind::Variable;
  std::string ref;        // how a reference prints: "v", "pkg"."g_count"() for package state
  TypeInfo type;
  std::string condition;  // exceptions: no_data_found, or SQLSTATE 'OU1AB'
  std::string errcode;    // exceptions: the SQLSTATE RAISE uses ('' for predefined ones)
  long oracle_code = 0;   // exceptions: the ORA code of their PRAGMA EXCEPTION_INIT (0: none)
  const sql::ast::PlCursorDecl* cursor = nullptr;
  std::string setter;     // package variables: the function that assigns them
  bool out_param = false;
  const sql::ast::Expr* value = nullptr;  // constants: the declared value
};

class Scope {
public:
  void push(std::string label = "") {
    frames_.emplace_back();
    labels_.push_back(std::move(label));
  }
  void pop() {
    frames_.pop_back();
    labels_.pop_back();
  }
  void add(const std::string& oracle_name, Symbol s) { frames_.back()[oracle_name] = std::move(s); }
  const Symbol* find(const std::string& oracle_name) const {
    for (size_t i = frames_.size(); i-- > 0;) {
      auto it = frames_[i].find(oracle_name);
      if (it == frames_[i].end()) continue;
      if (i >= hidden_from_ && i < hidden_to_) {
        // A nested subprogram reading its enclosing routine's names: types and exceptions hold no
        // state and are read as they are; a variable, constant or parameter becomes a parameter
        // of the hoisted routine (captured); anything else cannot be reached from it.
        const Symbol& s = it->second;
        if (s.kind == SymbolKind::Type || s.kind == SymbolKind::Exception) return &s;
        // An attribute of the enclosing method's object ("self"."a"): read through SELF, which
        // becomes the captured parameter.
        if (s.ref.rfind("\"self\".", 0) == 0) {
          auto self = frames_[i].find("SELF");
          if (self != frames_[i].end() && self->second.ref == "\"self\"") {
            captured_.emplace("SELF", self->second);
            return &s;
          }
        }
        bool plain_ref = !s.ref.empty() && s.ref.find_first_of("().") == std::string::npos;
        if (plain_ref && (s.kind == SymbolKind::Variable || s.kind == SymbolKind::Constant ||
                          s.kind == SymbolKind::Parameter)) {
          captured_.emplace(oracle_name, s);
          return &s;
        }
        hidden_hits_.push_back(oracle_name);
        return nullptr;
      }
      return &it->second;
    }
    return nullptr;
  }
  size_t depth() const { return frames_.size(); }
  // The names declared in frames [from, to).
  std::vector<std::string> names_in(size_t from, size_t to) const {
    std::vector<std::string> out;
    for (size_t i = from; i < to && i < frames_.size(); ++i)
      for (const auto& [name, symbol] : frames_[i]) out.push_back(name);
    return out;
  }
  // Frames [from, to) become invisible (a hoisted nested subprogram cannot read them); lookups
  // that would have found a name there are recorded.
  void hide(size_t from, size_t to) {
    hidden_from_ = from;
    hidden_to_ = to;
    hidden_hits_.clear();
    captured_.clear();
  }
  void unhide() { hidden_from_ = hidden_to_ = 0; }
  const std::vector<std::string>& hidden_hits() const { return hidden_hits_; }
  // The enclosing routine's variables, constants and parameters the hidden-from code read.
  const std::map<std::string, Symbol>& captured() const { return captured_; }
  // label.name: the symbol declared in the frame with that label.
  const Symbol* find_in(const std::string& label, const std::string& oracle_name) const {
    for (size_t i = frames_.size(); i-- > 0;)
      if (labels_[i] == label) {
        auto it = frames_[i].find(oracle_name);
        return it == frames_[i].end() ? nullptr : &it->second;
      }
    return nullptr;
  }
  bool has_label(const std::string& label) const {
    for (const auto& l : labels_)
      if (l == label) return true;
    return false;
  }

private:
  std::vector<std::map<std::string, Symbol>> frames_;
  std::vector<std::string> labels_;
  size_t hidden_from_ = 0, hidden_to_ = 0;
  mutable std::vector<std::string> hidden_hits_;
  mutable std::map<std::string, Symbol> captured_;
};

}  // namespace orashift::plsql
