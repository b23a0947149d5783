#pragma once
// Finds the parsed statement behind a catalog span: each file is split once, and the statement
// that starts at the span is returned with the script that owns its tokens. Views and code
// objects are kept in the catalog as spans and parsed again here when they are converted.
#include <map>
#include <memory>

#include "sql/script.h"

namespace orashift {

class StatementFinder {
public:
  const sql::ScriptStatement* find(const Span& s, const sql::Script** script) {
    auto it = scripts_.find(s.file);
    if (it == scripts_.end()) it = scripts_.emplace(s.file, std::make_unique<sql::Script>(sql::split_script(*s.file))).first;
    *script = it->second.get();
    for (const auto& st : it->second->statements)
      if (st.span.begin == s.begin) return &st;
    return nullptr;
  }

private:
  std::map<const SourceFile*, std::unique_ptr<sql::Script>> scripts_;
};

}  // namespace orashift
