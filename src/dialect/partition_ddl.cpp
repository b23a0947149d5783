#include "dialect/partition_ddl.h"
#include "common/ascii.h"

#include "common/datetime.h"
#include "common/naming.h"
#include "sql/lexer.h"

namespace orashift {

namespace {

using sql::Token;
using sql::TokenKind;

// PostgreSQL requires every primary key / unique constraint of a partitioned table to contain
// the partition key.
bool keys_cover_partition_columns(const Table& t, std::string& why) {
  for (const auto& c : t.constraints) {
    if (c.kind != ConstraintKind::PrimaryKey && c.kind != ConstraintKind::Unique) continue;
    if (!c.enabled) continue;  // not created on PostgreSQL anyway
    for (const auto& p : t.partitioning.columns) {
      bool found = false;
      for (const auto& k : c.columns) found = found || k == p;
      if (!found) {
        why = "key " + (c.name.empty() ? std::string("(unnamed)") : c.name) + " does not contain partition column " + p +
              " (PostgreSQL requires it)";
        return false;
      }
    }
  }
  return true;
}

std::string partition_table_name(const Table& t, const Partition& p, size_t index) {
  std::string part = p.name.empty() ? "P" + std::to_string(index + 1) : p.name;
  return quote_ident(target_name(t.name) + "_" + target_name(part));
}

}  // namespace

std::optional<std::string> partition_bound_value(std::string_view oracle_text) {
  SourceFile file("<bound>", std::string(oracle_text));
  std::vector<Token> t;
  for (const auto& x : sql::tokenize(file))
    if (x.kind != TokenKind::End) t.push_back(x);
  if (t.size() == 1 && t[0].kind == TokenKind::Number) return std::string(t[0].text);
  if (t.size() == 2 && t[0].kind == TokenKind::Minus && t[1].kind == TokenKind::Number) return "-" + std::string(t[1].text);
  if (t.size() == 1 && t[0].kind == TokenKind::String) return quote_literal(sql::string_value(t[0]));
  if (t.size() == 1 && t[0].kind == TokenKind::Identifier) {
    std::string w = ascii_upper(t[0].text);
    if (w == "MAXVALUE" || w == "DEFAULT" || w == "NULL") return w;
  }
  // TO_DATE('text', 'mask' [, 'nls params']) — the mask decides, the NLS language is English anyway.
  if (t.size() >= 6 && ascii_upper(t[0].text) == "TO_DATE" && t[1].kind == TokenKind::LParen && t[2].kind == TokenKind::String &&
      t[3].kind == TokenKind::Comma && t[4].kind == TokenKind::String && t.back().kind == TokenKind::RParen) {
    auto mask = DateMask::compile(sql::string_value(t[4]));
    Micros m = 0;
    if (mask && mask->parse(sql::string_value(t[2]), m)) return quote_literal(format_timestamp(m));
  }
  return std::nullopt;
}

std::optional<PartitionDdl> postgres_partitions(const Table& t, std::string& why) {
  const Partitioning& p = t.partitioning;
  std::string method = p.method == "INTERVAL" ? "RANGE" : p.method;
  if (method != "RANGE" && method != "LIST" && method != "HASH") {
    why = "PARTITION BY " + p.method + " has no PostgreSQL equivalent";
    return std::nullopt;
  }
  if (p.columns.empty()) {
    why = "no partition columns";
    return std::nullopt;
  }
  if (!keys_cover_partition_columns(t, why)) return std::nullopt;
  PartitionDdl out;
  out.clause = " PARTITION BY " + method + " (";
  for (size_t i = 0; i < p.columns.size(); ++i) out.clause += (i ? ", " : "") + quote_ident(target_name(p.columns[i]));
  out.clause += ")";
  std::string parent = quote_ident(target_name(t.name));
  if (method == "HASH") {
    size_t n = p.partitions.empty() ? static_cast<size_t>(p.hash_count.value_or(0)) : p.partitions.size();
    if (n == 0) {
      why = "hash partition count unknown";
      return std::nullopt;
    }
    for (size_t i = 0; i < n; ++i) {
      Partition unnamed;
      const Partition& part = i < p.partitions.size() ? p.partitions[i] : unnamed;
      out.partitions += "CREATE TABLE " + partition_table_name(t, part, i) + " PARTITION OF " + parent +
                        " FOR VALUES WITH (MODULUS " + std::to_string(n) + ", REMAINDER " + std::to_string(i) + ");\n";
    }
  } else {
    // RANGE: each partition goes from the previous bound (MINVALUE for the first) to its own.
    std::vector<std::string> previous(p.columns.size(), "MINVALUE");
    for (size_t i = 0; i < p.partitions.size(); ++i) {
      const Partition& part = p.partitions[i];
      std::vector<std::string> values;
      for (const auto& b : part.bounds) {
        auto v = partition_bound_value(b);
        if (!v) {
          why = "partition " + part.name + " bound " + b + " is not a constant orashift translates";
          return std::nullopt;
        }
        values.push_back(*v);
      }
      std::string spec;
      if (method == "LIST") {
        if (values.size() == 1 && values[0] == "DEFAULT") {
          spec = "DEFAULT";
        } else {
          std::string list;
          for (size_t k = 0; k < values.size(); ++k) list += (k ? ", " : "") + values[k];
          spec = "FOR VALUES IN (" + list + ")";
        }
      } else {
        if (values.size() != p.columns.size()) {
          why = "partition " + part.name + " has " + std::to_string(values.size()) + " bounds for " +
                std::to_string(p.columns.size()) + " columns";
          return std::nullopt;
        }
        std::string from, to;
        for (size_t k = 0; k < values.size(); ++k) {
          from += (k ? ", " : "") + previous[k];
          to += (k ? ", " : "") + values[k];
        }
        spec = "FOR VALUES FROM (" + from + ") TO (" + to + ")";
        previous = values;
      }
      out.partitions += "CREATE TABLE " + partition_table_name(t, part, i) + " PARTITION OF " + parent + " " + spec + ";\n";
    }
    if (p.method == "INTERVAL") {
      // Oracle creates further partitions on demand; PostgreSQL does not, so rows past the last
      // listed bound land in a DEFAULT partition instead of failing.
      out.partitions += "CREATE TABLE " + quote_ident(target_name(t.name) + "_default") + " PARTITION OF " + parent +
                        " DEFAULT;\n";
      out.note = "INTERVAL (" + p.interval_sql + "): only the listed partitions are created, plus a DEFAULT partition";
    }
  }
  if (!p.subpartition_sql.empty())
    out.note += std::string(out.note.empty() ? "" : "; ") + "subpartitions not created: " + p.subpartition_sql;
  return out;
}

}  // namespace orashift
